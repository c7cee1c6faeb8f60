"""tracker: who said what, about whom, for or against, from a folder of news articles."""
