"""Annotate step: every article goes through one stanza ``Pipeline``.

Two engines produce the same stanza ``Document`` with UD labels:
- ``embedded``: spaCy's small English model (a PyPI package) wrapped as stanza processor variants; offline.
- ``stanza``: stanza's official neural models, downloaded with a progress bar on first use.
"""

import json
import logging
import os
import tempfile
from pathlib import Path

from .constants import EMBEDDED, ENGINES, OPTIONAL_PROCESSORS, PROCESSORS, STANZA

__all__ = ["EngineError", "build_pipeline", "default_engine", "installed_extras", "stanza_model_dir", "ENGINES"]


class EngineError(Exception):
    """The requested engine cannot be built here; the message says what to do."""


def stanza_model_dir():
    """Where stanza's official models live (``STANZA_RESOURCES_DIR`` or stanza's default)."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR))


def default_engine():
    """``stanza`` where its English models are installed, otherwise ``embedded``."""
    installed = (stanza_model_dir() / "en" / "depparse").is_dir()
    return STANZA if installed else EMBEDDED


def installed_extras():
    """The optional stanza processors (sentiment, coref) whose English models are installed."""
    return tuple(name for name in OPTIONAL_PROCESSORS if (stanza_model_dir() / "en" / name).is_dir())


def _embedded_resources_dir():
    """A folder with the minimal ``resources.json`` stanza wants even when nothing is downloaded."""
    folder = Path(tempfile.gettempdir()) / "tracker-embedded-resources"
    folder.mkdir(parents=True, exist_ok=True)
    resources = {"en": {"lang_name": "English", "packages": {}, "default_processors": {},
                       **{p: {} for p in PROCESSORS}}}
    path = folder / "resources.json"
    if not path.exists() or json.loads(path.read_text()) != resources:
        tmp = folder / f"resources.json.{os.getpid()}"
        tmp.write_text(json.dumps(resources))
        tmp.replace(path)
    return folder


def build_pipeline(engine=None, processors=PROCESSORS, batch_size=16):
    """A stanza ``Pipeline`` for ``engine`` (``embedded`` or ``stanza``; default: ``default_engine()``).
    On the stanza engine, sentiment and coref join ``processors`` where their models are installed."""
    import stanza

    engine = engine or default_engine()
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    logging.getLogger("stanza").setLevel(logging.WARNING)
    if engine == EMBEDDED:
        from . import depparse, lemma, ner, pos, tokenize  # noqa: F401  (registers the variants)

        return stanza.Pipeline(
            "en", dir=str(_embedded_resources_dir()), processors={p: EMBEDDED for p in processors},
            download_method=None, tokenize_batch_size=batch_size, verbose=False, use_gpu=False)
    _ensure_stanza_models(processors)
    wanted = ",".join((*processors, *installed_extras()))
    return stanza.Pipeline("en", dir=str(stanza_model_dir()), processors=wanted,
                           download_method=None, verbose=False, use_gpu=False)


def _ensure_stanza_models(processors):
    """Download stanza's English models (with stanza's progress bars) unless they are installed."""
    import stanza

    if default_engine() == STANZA:
        return
    try:
        stanza.download("en", model_dir=str(stanza_model_dir()), processors=",".join(processors), verbose=True)
    except Exception as error:  # stanza raises plain exceptions for network and file failures
        raise EngineError(
            f"stanza's English models are not installed in {stanza_model_dir()} and could not be "
            f"downloaded ({type(error).__name__}: {str(error)[:200]}). Run the command once on a machine "
            f"that can reach stanza's model host and copy that folder here (or set STANZA_RESOURCES_DIR), "
            f"or use --engine embedded."
        ) from error
