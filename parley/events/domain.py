"""Which kind of news a document is: sport, business and entertainment metaphors are not events."""
from __future__ import annotations

import re

from parley.events.lexicon import Lexicon

_WORD = re.compile(r"[a-z][a-z'-]*")
# A document is off-topic when at least this share of its words, and at least MIN_HITS of them, belong to one
# domain's vocabulary (the densest domain wins). Business words are common in political news (budgets,
# trade), so business needs a denser text.
DENSITY = {"sport": 0.02, "entertainment": 0.025, "business": 0.04}
MIN_HITS = 4


def document_domain(title: str | None, text: str, lexicon: Lexicon) -> str | None:
    """``sport``, ``business`` or ``entertainment`` when the document is dense in that vocabulary, else None."""
    words = _WORD.findall(((title or "") + " " + text[:4000]).lower())
    if not words:
        return None
    best, best_ratio = None, 0.0
    for name, vocab in lexicon.domains.items():
        hits = sum(1 for w in words if w in vocab)
        ratio = hits / len(words) / DENSITY.get(name, 0.03)
        if hits >= min(MIN_HITS, max(2, len(words) // 12)) and ratio >= 1.0 and ratio > best_ratio:
            best, best_ratio = name, ratio
    return best
