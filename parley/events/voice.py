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
from dataclasses import replace

from parley.model import Entity

# A cheap look at the raw sentence before any parse: only these can be headers.
_MAYBE = re.compile(r":\s*$|\b(?:brief|bulletin|summar|update|communiq|sitrep|roundup|digest|telegram|statement|"
                    r"declaration|readout|address)"
                    r"|^[A-Z][\w'’. -]{2,50}:\s", re.IGNORECASE)
_LABEL_WORDS = 8  # a label before a colon heads a report in at most this many words: "General Staff:"


def maybe_header(text: str) -> bool:
    return bool(_MAYBE.search(text))


def issuer(doc, extractor, lexicon) -> Entity | None:
    """The party that issues the bulletin ``doc`` opens or cites, or None when ``doc`` is no such header."""
    label = _label(doc, extractor) or _title(doc, extractor, lexicon) or _channel(doc, extractor)
    if label is not None:
        return label
    colon = doc.text.rstrip().endswith(":")
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lexicon.report_verbs:
            continue
        if not colon and not any(t.lemma_.lower() in lexicon.bulletin_nouns and t.i > tok.i
                                 for t in tok.subtree if t.dep_ == "pobj"):
            continue
        found = extractor.subject(tok)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        for e in found:  # "the ministry said in its daily summary": the ministry named before, with its country
            named = e if e.country else extractor.disc.same_head(e.text)
            if (named is None or not named.country) and subj is not None and not any(
                    c.dep_ in ("ccomp", "dobj") for c in tok.children):  # (not one claim: "wrote on Telegram that")
                named = _local_office(e, subj, doc)  # "What Kherson's regional governor wrote on Telegram"
            if named is not None and named.country:
                return Entity(text=re.sub(r"^(?:What|How)\s+", "", e.text), country=named.country, sector=e.sector or named.sector, name=e.name)
    return None


def _label(doc, extractor) -> Entity | None:
    """The issuer a report's label names: "General Staff: 163 clashes on the front", "Defence ministry: air
    defences destroy 89 drones" (a party the agent table knows, before a colon that opens the report)."""
    colon = next((t.i for t in doc[:_LABEL_WORDS + 1] if t.text == ":"), None)
    if not colon or not (doc[0].is_title or doc[0].is_upper) or any(
            t.pos_ in ("VERB", "AUX") and not (t.is_title and extractor.res.has_agent([t])) for t in doc[:colon]):
        return None  # "He said: ..." is a quote, not a label ("Defence Forces:" is, however tagged)
    span = doc[:colon]
    head = span.root
    if not extractor.res.has_agent(span):
        return None
    found = [e for e in extractor.entities(head) if e.sector]
    if found:
        e = found[0]
        return Entity(text=span.text, country=e.country, sector=e.sector, name=e.name)
    return None


def _title(doc, extractor, lexicon) -> Entity | None:
    """The issuer a bulletin's title names: "Summary of the Ministry of Defence of the Russian Federation on the
    progress of the operation", "Daily update from the General Staff" (a title: a bulletin noun, no verb)."""
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in doc):
        return None
    head = next((t for t in doc if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or head.lemma_.lower() not in lexicon.bulletin_nouns | HEADING_NOUNS:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            found = [e for e in extractor.entities(pobj) if e.country and e.sector]
            if found:
                return found[0]
    return None


# Nouns that head a document's title as the whole text's kind ("Statement by the Ministry of Foreign Affairs of
# the Russian Federation in connection with ...", "Address of the President to the nation"): only in a title
# with no verb (in running text "said in a statement" is one claim, not the article's voice)
HEADING_NOUNS = frozenset({"statement", "communique", "declaration", "address", "readout", "appeal", "comment",
                           "commentary", "notice", "announcement"})
# What a place's name qualifies in a local office's title ("the Kherson Regional Military Administration",
# "the Belgorod governor")
LOCAL_OFFICES = frozenset({"administration", "governor", "mayor", "council", "authority", "authorities", "region",
                           "oblast", "government", "regional", "city", "district"})
# Nouns of a channel whose author's posts the text collects ("Posts by X on his Telegram channel")
CHANNEL_NOUNS = frozenset({"post", "channel", "feed", "account", "message", "telegram"})


def _local_office(e: Entity, head, doc) -> Entity | None:
    """``e`` with the country of the place its title names ("head of the Kherson Regional Military
    Administration", "Kherson's regional governor"), or None when the title names no known town or region."""
    from parley.ground.places import load_places

    def office_after(t) -> bool:
        nxt = [x for x in doc[t.i + 1:t.i + 4] if x.lower_ not in ("'s", "’s")]
        return any(x.lemma_.lower() in LOCAL_OFFICES for x in nxt[:2])

    names = [t.text for t in head.subtree if t.pos_ == "PROPN" and office_after(t)]
    place = next((p for p in (load_places().lookup(n) for n in names) if p and p.population), None)
    return replace(e, country=place.country) if place is not None else None


def _channel(doc, extractor) -> Entity | None:
    """The author a collection of posts is by, as its heading names them: "Posts by Oleksandr Prokudin, head of
    the Kherson Regional Military Administration, on his Telegram channel", "Belgorod governor's Telegram posts,
    December 9", "Oleksandr Prokudin, head of the regional administration - Telegram channel" (a heading: no
    finite verb)."""
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in doc):
        return None
    channel = next((t for t in doc if t.lemma_.lower() in CHANNEL_NOUNS and t.pos_ in ("NOUN", "PROPN")
                    and t.dep_ != "compound"), None)  # (not "Telegram" in "Telegram posts")
    if channel is None:
        return None
    holders = [p for c in channel.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
               for p in c.children if p.dep_ == "pobj"]
    holders += [c for c in channel.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    holders += [p for t in doc if t.dep_ == "prep" and t.lower_ == "by" and t.head.i == channel.head.i
                for p in t.children if p.dep_ == "pobj"]
    root = doc[:].root
    holders += [root] if root.pos_ in ("PROPN", "NOUN") and root.i != channel.i else []  # ("Head of the ... -")
    # ("Head of the Zaporizhzhia Regional Military Administration Ivan Fedorov - Telegram posts": the title the
    # parser hung on the posts)
    holders += [c for c in channel.children if c.dep_ == "nmod" and c.pos_ in ("PROPN", "NOUN")]
    for h in holders:
        found = [e for e in extractor.entities(h) if e.sector]
        if found and not found[0].country:
            found = [x for x in [_local_office(found[0], h, doc)] if x is not None]
        if found and found[0].country:
            # the heading's party, not the rest of the heading ("Head of the ... Administration - Telegram posts")
            text = re.split(r"\s[-–—]\s|,\s|\s\(|\son (?:his|her|its|their)\b", found[0].text)[0].strip()
            return replace(found[0], text=text or found[0].text, start=None, end=None)
    return None
