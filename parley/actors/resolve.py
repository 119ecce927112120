"""Mentions to entities: which country and sector a phrase of text names.

A phrase ("U.S. President Donald Trump", "Russian drones", "the Kremlin", "Lebanon's army") is resolved from
the gazetteer mentions found inside it: a person in office at the document date beats an organisation,
which beats a seat of power, which beats a country or capital name, which beats a nationality adjective.
Generic agent nouns ("troops", "police") and titles ("president") give the sector.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from parley.actors.gazetteer import Gazetteer, OfficeHolder
from parley.ground.places import fold
from parley.model import Entity

# Mention kinds, strongest first.
PERSON, ORG, METONYM, COUNTRY, CAPITAL, DEMONYM = "person", "org", "metonym", "country", "capital", "demonym"
# Particles inside place names: a country or capital name after one ends a town's name ("Santiago de Cuba")
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des"})
RANK = {PERSON: 6, ORG: 5, METONYM: 4, COUNTRY: 3, CAPITAL: 2, DEMONYM: 1}


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in a parsed sentence (token indices are sentence-doc indices)."""

    start: int
    end: int
    kind: str
    country: str | None
    sector: str | None
    name: str | None


class ActorResolver:
    """Finds gazetteer mentions in parsed text and turns phrases into ``Entity`` objects.

    Built once per (pipeline, gazetteer); holds a spaCy ``PhraseMatcher`` over every known name.
    """

    def __init__(self, nlp, gazetteer: Gazetteer):
        from spacy.matcher import PhraseMatcher

        self.gaz = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[str, list[tuple]] = defaultdict(list)
        names: dict[str, list[tuple]] = defaultdict(list)
        for c in gazetteer.countries:
            for n in (c.name, *c.aliases):
                names[n].append((COUNTRY, c.code, None, c.name))
            for n in c.capitals:
                names[n].append((CAPITAL, c.code, "GOV", n))
            for n in c.demonyms:
                names[n].append((DEMONYM, c.code, None, None))
        for m in gazetteer.metonyms:
            names[m.text].append((METONYM, m.country, m.sector or None, m.text))
        for o in gazetteer.organisations:
            for n in (o.name, *o.aliases):
                names[n].append((ORG, o.country, o.sector or None, o.name))
        self._holders: dict[str, list[OfficeHolder]] = defaultdict(list)
        for h in gazetteer.office_holders:
            for n in {h.name, *h.aliases}:
                self._holders[n].append(h)
                names[n].append((PERSON, h.country, h.sector, h.name))
        self.agents = {a.word: a for a in gazetteer.agents}
        self.enemy_words = frozenset(a.word for a in gazetteer.agents if a.kind == "enemy")
        # folded country name or alias -> code: tells a place phrase that is a whole country ("southern Russia")
        self.country_codes = {fold(n): c.code for c in gazetteer.countries for n in (c.name, *c.aliases)}
        for i, (text, infos) in enumerate(sorted(names.items())):
            if not text.strip():
                continue
            key = f"N{i}"
            self._keys[key] = infos
            variants = {text}
            if text[:1].islower():
                variants.add(text[:1].upper() + text[1:])
            self.matcher.add(key, [nlp.make_doc(v) for v in variants])
        self._key_text = {f"N{i}": text for i, (text, _) in enumerate(sorted(names.items()))}

    # ------------------------------------------------------------------ mentions
    def find_mentions(self, doc, date: dt.date | None, prefer=()) -> dict[int, Mention]:
        """Map each token index covered by a gazetteer name to its mention (longest match wins). A name several
        countries use is the one of the first of ``prefer`` (the countries the article is about) that has it."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = [Span(doc, s, e, label=match_id) for match_id, s, e in self.matcher(doc)]
        out: dict[int, Mention] = {}
        for sp in filter_spans(spans):
            m = self._mention(sp.label_, sp.start, sp.end, doc, date, prefer)
            if m is None or backer(doc, m) or made_in(doc, m):
                continue  # (who backs a party is no party of the sentence: "the Rwanda-backed M23"; nor where
                # arms were made: "JDAM bombs made in the USA")
            for i in range(sp.start, sp.end):
                out[i] = m
        return out

    def _mention(self, key: str, start: int, end: int, doc, date: dt.date | None, prefer=()) -> Mention | None:
        infos = self._keys[key]
        # a capitalised single word that spaCy tags as a verb or common noun is not a name ("trump", "chad")
        if end - start == 1 and doc[start].pos_ in ("VERB", "AUX") and not doc[start].ent_type_:
            return None
        best = max(infos, key=lambda t: RANK[t[0]])
        shared = [t for t in infos if t[0] == best[0]]
        if len(shared) > 1:  # "the Foreign Office" in a report from Islamabad is Pakistan's
            best = next((t for c in prefer for t in shared if t[1] == c), best)
        kind, country, sector, name = best
        if kind in (COUNTRY, CAPITAL) and (
                (start >= 2 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 2].pos_ == "PROPN") or
                (end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].pos_ == "PROPN")):
            return None  # part of a town's name: "Santiago de Cuba", "Mocimboa da Praia"
        if kind in (COUNTRY, CAPITAL) and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                _town_abroad(doc[start:end + 1].text, country):
            return None  # the first word of a town elsewhere: "Mali Shcherbaky" (not "Gaza City")
        if kind in (DEMONYM, COUNTRY) and end < len(doc) and doc[end].is_title and \
                doc[end].lower_ in NAMED_FACILITIES and start > 0 and doc[start - 1].lower_ == "the":
            return None  # a place named after a country: "the Saudi Hospital" in El Fasher, "the Kuwaiti Hospital"
        if kind == CAPITAL and _names_a_deal(doc, start, end):
            return None  # "the 2022 Pretoria peace agreement", "the Minsk accords": where it was signed, no party
        if kind == PERSON and end - start == 1 and end < len(doc) and doc[end].pos_ == "PROPN" and \
                doc[end].is_title and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            return None  # a surname is a name's last word: "Nasser Kanaani" is not Nasser
        if kind == PERSON and end - start == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].is_title and doc[start].ent_iob_ == "I" and doc[start].ent_type_ == "PERSON" and \
                doc[start - 1].text not in (name or "").split():
            return None  # a given name not the holder's: "Hamas spokesman Hazem Qassem" is not Naim Qassem
        if kind == PERSON:
            holder = self._pick_holder(self._key_text[key], date)
            if holder is not None:
                country, sector, name = holder.country, holder.sector, holder.name
        return Mention(start, end, kind, country, sector, name)

    def _pick_holder(self, text: str, date: dt.date | None) -> OfficeHolder | None:
        holders = self._holders.get(text) or []
        if not holders:
            return None
        if date is None:
            return holders[-1]
        current = [h for h in holders if h.in_office(date)]
        if current:
            return current[0]

        def distance(h: OfficeHolder) -> int:
            s = h.start or dt.date.min
            e = h.end or dt.date.max
            return min(abs((date - s).days), abs((date - e).days))

        return min(holders, key=distance)

    # ------------------------------------------------------------------ phrases
    def sector_of_words(self, tokens) -> str | None:
        """Sector given by agent nouns or titles among ``tokens`` (the last one wins: the head)."""
        sector = None
        for t in tokens:
            a = self.agents.get(t.lower_) or self.agents.get(t.lemma_.lower())
            if a is not None and a.sector:
                sector = a.sector
        return sector

    def names_enemy(self, text: str) -> bool:
        """Whether a phrase names the speaker's adversary by a word such as "enemy" or "occupiers"."""
        words = text.lower().split()
        return any(w in self.enemy_words for w in words) or any(
            " ".join(words[i:i + 2]) in self.enemy_words for i in range(len(words) - 1))

    def enemy_of(self, speaker: str | None, discourse) -> str | None:
        """Who "the enemy" is for ``speaker``: the country it fights in this article, else its adversary in
        the table (one the article names first)."""
        if not speaker:
            return None
        fought = discourse.foe(speaker)
        if fought:
            return fought
        enemies = self.gaz.enemies_of(speaker)
        named = [c for c in enemies if discourse.country_counts.get(c)]
        return (named or enemies or [None])[0]

    def has_agent(self, tokens) -> bool:
        return any((t.lower_ in self.agents or t.lemma_.lower() in self.agents) for t in tokens)

    def entity(self, tokens, mentions: dict[int, Mention]) -> Entity | None:
        """Resolve one phrase (a list of tokens, in order) to an entity, or None when nothing in it is known."""
        if not tokens:
            return None
        found = {mentions[t.i] for t in tokens if t.i in mentions}
        doc = tokens[0].doc
        heads = {m for m in found if doc[m.end - 1].dep_ != "poss"}
        if heads and any(doc[m.end - 1].dep_ == "poss" for m in found) and \
                any(t.dep_ == "appos" for t in tokens):
            found = heads  # "Iran, Hezbollah's main backer": Iran, whose apposition names another party
        word_sector = self.sector_of_words(t for t in tokens if t.i not in mentions)
        text = doc[tokens[0].i:tokens[-1].i + 1]
        if not found:
            if word_sector is None and not any(t.lower_ in SPEAKER_TITLES for t in tokens):
                return None  # (a spokesman is a party, of a country the context gives, whatever his sector)
            return Entity(text=text.text, country=None, sector=word_sector, start=text.start_char,
                          end=text.end_char)
        best = max(found, key=lambda m: (RANK[m.kind], -m.start))
        country = best.country
        sector = best.sector
        if best.kind in (COUNTRY, DEMONYM, CAPITAL) or sector is None:
            sector = word_sector or sector
        name = best.name if best.kind in (PERSON, ORG, METONYM) else None
        return Entity(text=text.text, country=country, sector=sector, name=name, start=text.start_char,
                      end=text.end_char)


# "Rwanda-backed rebels", "Iran-funded militias": the country backs the party, the party is not the country's.
BACKING = frozenset({"backed", "funded", "financed", "supported", "sponsored", "aligned", "allied", "armed",
                     "trained", "equipped", "linked", "affiliated", "inspired", "friendly", "leaning"})


def backs(doc, end: int) -> bool:
    """Whether the name that ends at token ``end`` says who backs a party: "Rwanda" in "the Rwanda-backed M23"."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BACKING


def backer(doc, m) -> bool:
    """Whether the mention ``m`` names the state that backs a party ("the Rwanda-backed M23"), not the party
    itself. (An organisation's backing makes the force its own operation: "a UN-backed security force".)"""
    return m.kind in (COUNTRY, CAPITAL, DEMONYM) and backs(doc, m.end)


# Participles of making: "bombs made in the USA", "drones manufactured in Iran" tell where arms come from
_MADE = frozenset({"make", "manufacture", "produce", "build", "design", "assemble"})


def made_in(doc, m) -> bool:
    """Whether the country mention ``m`` only says where something was made ("bombs made in the USA")."""
    return m.kind in (COUNTRY, CAPITAL) and made_at(doc, m.end)


def made_at(doc, end: int) -> bool:
    """Whether the name that ends before token ``end`` is where something was made ("made in the USA"): no
    party and no place of the event."""
    t = doc[end - 1]
    return t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in _MADE and \
        t.head.head.tag_ == "VBN"


SPEAKER_TITLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "commissioner", "rapporteur"})


# Capitalised nouns of places named after a country that gave or built them ("the Saudi Hospital", "the Turkish
# School"): no party of that country (an embassy or a base is one, so neither is here)
NAMED_FACILITIES = frozenset({"hospital", "clinic", "school", "university", "college", "mosque", "church",
                              "cathedral", "street", "avenue", "square", "bridge", "hotel", "stadium", "market",
                              "quarter", "park", "roundabout", "camp"})


def _town_abroad(text: str, country: str | None) -> bool:
    """Whether the gazetteer's towns of this name (or, when it has none so spelt, of another romanisation of
    it: "Mali Scherbaky") all lie outside ``country``."""
    from parley.ground.places import fold, load_places, skeleton

    index = load_places()
    towns = index.cities.get(fold(text), ()) or index.sounds().get(skeleton(fold(text)), ())
    return bool(towns) and all(p.country != country for p in towns)


# Nouns of agreements and talks that a city's name labels ("the Pretoria agreement", "the Istanbul talks")
DEAL_NOUNS = frozenset({"agreement", "agreements", "deal", "accord", "accords", "protocol", "protocols", "process",
                        "format", "declaration", "memorandum", "communique", "communiqué", "framework", "formula",
                        "understanding", "arrangement", "peace", "truce", "ceasefire", "treaty", "pact", "plan"})


def _names_a_deal(doc, start: int, end: int) -> bool:
    """Whether a city's name is the label of an agreement or a process ("the 2022 Pretoria peace agreement",
    "return to the framework of the Pretoria deal", "the Minsk accords"): the words after it, up to the noun
    they qualify, end in such a noun."""
    last = doc[end - 1]
    if last.dep_ not in ("compound", "nmod", "amod", "poss") or last.head.i < end:
        return False
    head = last.head
    return head.lemma_.lower() in DEAL_NOUNS or head.lower_ in DEAL_NOUNS
