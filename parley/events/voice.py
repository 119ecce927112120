"""The voice of a bulletin: who issues the report that every later event of the article comes from.

A General Staff summary opens "The General Staff of the Armed Forces of Ukraine reports:", a defence ministry
digest "Russia's defence ministry said in its daily briefing that ...". Events in the sentences after such a
header are the issuer's claims even where no sentence repeats "it said": the issuer is their ``claimed_by``,
and the speaker whose adversary "the enemy" is. A header is a report verb with a known party as subject whose
sentence ends in a colon or whose clause names a bulletin ("briefing", "summary", "update"; the words are in
``triggers.yaml``).
"""
from __future__ import annotations

import re

from parley.model import Entity

# A cheap look at the raw sentence before any parse: only these can be headers.
_MAYBE = re.compile(r":\s*$|\b(?:brief|bulletin|summar|update|communiq|sitrep|roundup|digest|telegram)",
                    re.IGNORECASE)


def maybe_header(text: str) -> bool:
    return bool(_MAYBE.search(text))


def issuer(doc, extractor, lexicon) -> Entity | None:
    """The party that issues the bulletin ``doc`` opens or cites, or None when ``doc`` is no such header."""
    colon = doc.text.rstrip().endswith(":")
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lexicon.report_verbs:
            continue
        if not colon and not any(t.lemma_.lower() in lexicon.bulletin_nouns and t.i > tok.i
                                 for t in tok.subtree if t.dep_ == "pobj"):
            continue
        found = extractor.subject(tok)
        for e in found:  # "the ministry said in its daily summary": the ministry named before, with its country
            named = e if e.country else extractor.disc.same_head(e.text)
            if named is not None and named.country:
                return Entity(text=e.text, country=named.country, sector=e.sector or named.sector, name=e.name)
    return None
