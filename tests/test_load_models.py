"""``tracker.extract.load_models``: every model the steps after the parse read is read before the first article,
so that no article's steps pay for reading one (``make bench`` times those steps)."""

from tracker.attribution.classifier import shipped_classifier
from tracker.attribution.span_model import shipped_span_model
from tracker.extract import load_models
from tracker.referents import shipped_model
from tracker.stance import (CLAIM_MODEL_PATH, MODEL_PATH, load_linear, shipped_claim_trees, shipped_denial_model,
                            shipped_target_ranker)

LOADERS = (shipped_classifier, shipped_span_model, shipped_model, shipped_claim_trees,
           shipped_denial_model, shipped_target_ranker)


def test_every_model_is_read_once_before_the_first_article():
    for loader in LOADERS + (load_linear,):
        loader.cache_clear()
    load_models()
    assert all(loader.cache_info().currsize == 1 for loader in LOADERS)
    read = load_linear.cache_info()
    load_linear(CLAIM_MODEL_PATH), load_linear(MODEL_PATH)  # the claim and NewsMTSC models: already read
    assert load_linear.cache_info().hits == read.hits + 2 and load_linear.cache_info().misses == read.misses
