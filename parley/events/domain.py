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
SHORT_WORDS = 40
# Domain words that news of any kind uses ("six", "won", "final", "shares"): in a short text they do not
# make a domain on their own.
WEAK = {"six", "set", "sets", "serve", "open", "test", "try", "tries", "wing", "leg", "draw", "drew", "lions",
        "nations", "final", "finals", "title", "titles", "victory", "defeat", "win", "wins", "won", "kick", "fans",
        "fan", "seed", "cap", "caps", "bout", "header", "forward", "record", "records", "club", "clubs", "player",
        "players", "match", "matches", "season", "race", "races", "cup", "goal", "goals", "market", "markets",
        "price", "prices", "rate", "rates", "trade", "oil", "firm", "firms", "company", "companies", "bank", "banks",
        "fund", "funds", "growth", "economy", "economic", "m", "bn", "percent", "cent", "index", "star", "stars",
        "show", "shows", "series", "game", "games", "book", "books", "stage", "role", "cast", "music", "chief",
        "executive", "sales", "quarter", "interest", "dollar", "dollars", "euro", "euros", "pounds", "deficit",
        "industry", "consumers", "consumer", "exports", "imports", "office", "box", "tv", "television"}


def document_domain(title: str | None, text: str, lexicon: Lexicon) -> str | None:
    """``sport``, ``business`` or ``entertainment`` when the document is dense in that vocabulary, else None."""
    words = _WORD.findall(((title or "") + " " + text[:4000]).lower())
    if not words:
        return None
    best, best_ratio = None, 0.0
    short = len(words) < SHORT_WORDS
    war = sum(1 for w in words if w in lexicon.domains.get("war", ()))
    for name, vocab in lexicon.domains.items():
        if name == "war":
            continue
        found = [w for w in words if w in vocab]
        ratio = len(found) / len(words) / DENSITY.get(name, 0.03)
        if short:
            # a sentence or two: two different words of the domain, one of them unmistakable ("striker")
            enough = len(set(found)) >= 2 and any(w not in WEAK for w in found)
        else:
            enough = len(found) >= MIN_HITS
        if enough and ratio >= 1.0 and ratio > best_ratio and not (war >= MIN_HITS and war >= len(found)):
            best, best_ratio = name, ratio  # ... unless the words of war are as many: it is news of the war
    return best
