"""Which kind of news a document is: sport, business and entertainment metaphors are not events."""
from __future__ import annotations

import re

from parley.events.lexicon import Lexicon

_WORD = re.compile(r"[a-z][a-z'-]*")
# A document is off-topic when at least this share of its words, and at least MIN_HITS of them, belong to one
# domain's vocabulary (and that domain leads the others).
DENSITY = 0.04
MIN_HITS = 6


def document_domain(title: str | None, text: str, lexicon: Lexicon) -> str | None:
    """``sport``, ``business`` or ``entertainment`` when the document is dense in that vocabulary, else None."""
    words = _WORD.findall(((title or "") + " " + text[:4000]).lower())
    if not words:
        return None
    best, best_hits = None, 0
    for name, vocab in lexicon.domains.items():
        hits = sum(1 for w in words if w in vocab)
        if hits > best_hits:
            best, best_hits = name, hits
    if best_hits >= MIN_HITS and best_hits / len(words) >= DENSITY:
        return best
    return None
