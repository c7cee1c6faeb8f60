"""The whole flow for a batch of articles: annotate, find attributions, resolve speakers, make claims."""

from .attribution import find_attributions
from .attribution.classifier import shipped_classifier
from .attribution.span_model import shipped_span_model
from .claims import claims_from_statements
from .document import ArticleIndex
from .engine import build_pipeline
from .names import NameBook
from .referents import shipped_model as shipped_referent_model
from .relations import link_statements
from .speakers import Resolver, resolve_speakers
from .stance import load_stance_models
from .statement import Statement
from .targets import judge_stances


class Extractor:
    """Turns ``Article``s into claims with one stanza pipeline, loaded once."""

    def __init__(self, engine=None, batch_size=16):
        self.pipeline = build_pipeline(engine, batch_size=batch_size)
        self.batch_size = batch_size

    def annotate(self, articles):
        """stanza ``Document``s for ``articles``, processed together as one batch."""
        import stanza

        return self.pipeline.bulk_process([stanza.Document([], text=a.text) for a in articles])

    def claims(self, article, document):
        """The claims of one annotated article."""
        return claims_of(article, document)

    def run(self, articles):
        """Yield ``(article, claims)`` for each article, annotating ``batch_size`` at a time."""
        articles = list(articles)
        for k in range(0, len(articles), self.batch_size):
            batch = articles[k:k + self.batch_size]
            for article, document in zip(batch, self.annotate(batch)):
                yield article, self.claims(article, document)


def load_models():
    """Read every model the steps after the parse read (attribution, speakers, stance), once per process; each
    is otherwise read on first use, inside the first article's steps."""
    shipped_classifier()
    shipped_span_model()
    shipped_referent_model()
    load_stance_models()


def statements_of(document):
    """``(ArticleIndex, NameBook, [Statement])`` of an annotated ``document``: the steps after the parse up to
    the stance step (attributions, speakers, relations), in order."""
    index = ArticleIndex(document)
    statements = [Statement(attribution) for attribution in find_attributions(index)]
    book = NameBook(index)  # who is who, for the speakers and the targets
    resolve_speakers(statements, Resolver(index, book))
    link_statements(statements, index.text)
    return index, book, statements


def claims_of(article, document):
    """The claims of ``article`` from its annotated ``document``: every step after the parse, in order, on one
    ``ArticleIndex``, one ``NameBook`` and one ``Statement`` per attributed statement."""
    index, book, statements = statements_of(document)
    judge_stances(index, statements, book)
    return claims_from_statements(article.id, article.text, statements, article.date)
