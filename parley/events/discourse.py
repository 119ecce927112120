"""Within-article memory of who has been mentioned: pronouns, "the two leaders", implicit partners.

The memory is filled sentence by sentence with the entities the extractor resolved, in text order.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from parley.model import Entity

_NON_STATE = {"IGO", "NGO", "IMG", "ISM", "MNC", "EUR", "UNO"}
_POST_MODIFIERS = {"of", "for", "on", "in", "at", "with", "from", "who", "familiar", "close", "involved", "speaking",
                   "briefed", "knowledgeable"}  # ("a Ukrainian official familiar with the talks": "the official")


def _heads(words: list[str]) -> set[str]:
    """The nouns a party's phrase may be called by again: its last word, and the word before its first
    preposition ("the Coordination Headquarters for the Treatment of Prisoners of War": "the headquarters")."""
    heads = set(words[-1:])
    cut = next((i for i, w in enumerate(words) if w in _POST_MODIFIERS), None)
    if cut:
        heads.add(words[cut - 1])
    return heads


_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_GROUP_PRONOUNS = {"they", "them", "their", "we"}


class Discourse:
    """Recency-ordered entities of one article."""

    def __init__(self) -> None:
        self.recent: list[Entity] = []
        self.organisations: set[str] = set()  # the codes of the organisations named (never a state)
        self.groups: list[tuple[int, list[Entity]]] = []  # (sentence number, parties)
        self.sentence = 0
        self.country_counts: Counter[str] = Counter()
        self.conflict_dyads: Counter[frozenset[str]] = Counter()
        self.last_actors: dict[str, list[Entity]] = {}
        # (type, actors, lemmas of its sentence) of every event with a party, in order
        self.deeds: list[tuple[str, list[Entity], frozenset[str]]] = []
        self.type_actors: dict[str, Counter[str]] = defaultdict(Counter)
        self.types_seen: set[str] = set()  # the event types reported so far, whoever did them
        self.last_speaker: Entity | None = None  # who the last claim was by: "it said" in the next sentence
        self.last_speaker_sentence = -10
        self.last_subject: list[Entity] = []  # the party the last sentence's main clause is about
        self.quote_speaker: Entity | None = None  # who said the last sentence's quotation, and in which sentence
        self.quote_sentence = -10
        self.last_accused: list[Entity] = []  # whom the last accusation was against: who "it denies" is
        self.last_fight: list[Entity] = []  # the parties of the last fight with two sides
        self.last_talks: list[Entity] = []  # the parties of the last talks or agreement between two or more
        self.voice: Entity | None = None  # the issuer of a bulletin the article is ("The General Staff reports:")
        self.named: list[Entity] = []  # the parties of events with their countries, as written ("Russia's Defence
        # Ministry"): what a later "the ministry" refers to
        self.place = None  # the last place an event was located at, and the sentence it was in
        self.place_sentence = -10
        self.place_counts: Counter[str] = Counter()  # the countries the article's events took place in
        self.dateline = None  # the place the wire dateline names: where the report was filed
        self.post_place = None  # the place a post is from ("KHARKIV, Oleh Syniehubov, 07:45:"), until the next
        self.directed: Counter[tuple[str, str]] = Counter()  # (actor, recipient) countries of every event
        self.talks_dyads: Counter[frozenset[str]] = Counter()  # the countries of talks and agreements, by pair
        self.acts: list[tuple[frozenset[str], frozenset[str]]] = []  # (actor, recipient) countries of each event
        self.hostile: Counter[str] = Counter()  # countries the text names as invader or aggressor ("the Russian
        # invasion", "Ukrainian nationalists"): the side the text's own voice is against
        self.civil: Counter[str] = Counter()  # countries whose state and armed groups the article reports fighting

    def same_head(self, text: str) -> Entity | None:
        """The last entity named with a country whose phrase ends in the same noun as ``text``: "the ministry"
        after "Russia's Defence Ministry", "the governor" after "Kharkiv's governor"."""
        words = text.lower().split()
        if not words:
            return None
        own = {w for w in words if w not in _FUNCTION_WORDS}
        for e in reversed(self.named):
            theirs = e.text.lower().split()
            if words[-1] in _heads(theirs) and own <= set(theirs) | _heads(theirs):
                # (only entities with a country are named; "air defence forces" are not "the Ukrainian armed forces")
                return e
        # "Foreign ministry spokesman Heorhii Tykhyi" after "Ukraine's Foreign Ministry": of that ministry
        pairs = _pairs(words)
        for e in reversed(self.named):  # "the High Commissioner" after "UN High Commissioner Volker Türk"
            if pairs & _pairs(e.text.lower().split()):
                return e
        return None

    def last_group(self, before: list[Entity] | None = None) -> Entity | None:
        """The last non-state group named ("the group" after "Hamas accused Israel ...": Hamas): an armed group,
        an opposition, a party or an NGO, in this sentence (``before``) or earlier."""
        for e in reversed([*self.recent, *(before or [])]):
            if e.country and e.sector in GROUP_SECTORS:
                return ref(e, e.text)
        return None

    def name(self, entities) -> None:
        """Remember the parties of an event that are named with their country."""
        self.named.extend(e for e in entities if e is not None and e.country and len(e.text.split()) > 1)
        del self.named[:-50]

    def recent_place(self):
        """Where the report is at: the place of an event in the last two sentences, else the post's place."""
        if self.place is not None and self.sentence - self.place_sentence <= 2:
            return self.place
        return self.post_place

    def add(self, entities: list[Entity]) -> None:
        """Record the entities of one argument (a compound argument is also remembered as a group)."""
        named = [e for e in entities if e.country]
        for e in named:
            self.recent.append(e)
            self.country_counts[e.country] += 1
            if e.sector in ("IGO", "NGO"):
                self.organisations.add(e.country)  # "WFP": a code of three letters, and no state
        if len({e.country for e in named}) >= 2:
            self.groups.append((self.sentence, named))
        del self.recent[:-50]

    def next_sentence(self) -> None:
        """Mark the start of a new sentence (groups named just before are the likeliest referents)."""
        self.sentence += 1

    def pronoun(self, word: str) -> list[Entity]:
        if word in _PERSON_PRONOUNS:
            for e in reversed(self.recent):
                if e.name and e.sector in ("GOV", "MIL", "REB", "LEG", "JUD", "OPP", "PTY"):
                    return [ref(e, word)]
            return []
        if word in ("it", "its"):
            for e in reversed(self.recent):
                if not (e.name and e.sector == "GOV"):
                    return [ref(e, word)]
            return []
        if word in _GROUP_PRONOUNS:
            for e in reversed(self.recent):
                if not e.name or e.sector not in ("GOV",):
                    return [ref(e, word)]
        return []

    def add_event(self, event_type: str, actors: list[Entity], words: frozenset[str] = frozenset()) -> None:
        """Remember who did the last event of each type ("the strikes" later refers to them), and how often each
        party did one."""
        self.types_seen.add(event_type)
        if any(a.country for a in actors):
            self.last_actors[event_type] = [a for a in actors if a.country]
            self.deeds.append((event_type, self.last_actors[event_type], words))
            self.type_actors[event_type].update(a.country for a in actors if a.country)

    def add_talks(self, parties: list[Entity]) -> None:
        """Record who the last talks or agreement were between: "the two delegations" are theirs."""
        sides = {(e.country, e.sector): e for e in parties if e.country}
        if len(sides) >= 2:
            self.last_talks = list(sides.values())

        countries = sorted({e.country for e in parties if e.country})
        for i, a in enumerate(countries):
            for b in countries[i + 1:]:
                self.talks_dyads[frozenset((a, b))] += 1

    def add_pairs(self, actors: list[Entity], recipients: list[Entity]) -> None:
        """Remember who did something to whom, whatever it was."""
        for a in {e.country for e in actors if e.country}:
            for r in {e.country for e in recipients if e.country} - {a}:
                self.directed[(a, r)] += 1

    def addressed(self, country: str, other: str) -> bool:
        """Whether ``country`` has acted towards ``other`` in the article (talked to it, asked it, ...)."""
        return bool(self.directed.get((country, other)))

    def counterpart(self, country: str) -> str | None:
        """The other side of the conflict, else of the talks, the article reports ``country`` in most."""
        for dyads in (self.conflict_dyads, self.talks_dyads):
            sides = [(n, next(iter(pair - {country}))) for pair, n in dyads.items()
                     if country in pair and len(pair) == 2]
            if sides:
                return max(sides)[1]
        return None

    def talks(self) -> list[Entity]:
        return [ref(e, e.text) for e in self.last_talks]

    def main_actor(self, event_type: str) -> list[Entity]:
        """The party the article reports doing events of this type most often (of equals, the one it reported
        first: its main story's): who "the attack" a statement condemns was by."""
        counts = self.type_actors.get(event_type)
        if not counts:
            return []
        best = counts.most_common(1)[0][0]  # ties keep the order of first report
        return [ref(Entity(text=best, country=best), best)]

    def add_act(self, actors: list[Entity], recipients: list[Entity]) -> None:
        """Remember who did what to whom, for the reactions to it ("Moscow will take countermeasures")."""
        mine = frozenset(e.country for e in actors if e.country)
        theirs = frozenset(e.country for e in recipients if e.country) - mine
        if mine and theirs:
            self.acts.append((mine, theirs))

    def against(self, country: str) -> str | None:
        """The party the article reports acting against ``country`` most (of equals, the one it reported first:
        its main story's), if any: "the EU adopted sanctions against Russia" before "Moscow will respond"."""
        counts = Counter(next(iter(mine)) for mine, theirs in self.acts
                         if country in theirs and country not in mine and len(mine) == 1)
        return counts.most_common(1)[0][0] if counts else None

    def last_doer(self, types: frozenset[str], said: frozenset[str], besides: set[str | None]) -> list[Entity]:
        """Who did the act a reply points back to (whose "measures" the Kremlin dismissed): the last act of ``types``
        ("any": of any type) whose sentence told it with a word of ``said``, else the last act of ``types``; never
        one by a country in ``besides``."""
        acts = [(actors, words) for event_type, actors, words in reversed(self.deeds)
                if ("any" in types or event_type in types) and not {a.country for a in actors} & besides]
        actors = next((a for a, words in acts if words & said), None) or next((a for a, _ in acts), None)
        return [ref(a, a.text) for a in actors or []]

    def last_actor(self, event_type: str) -> list[Entity]:
        return [ref(e, e.text) for e in self.last_actors.get(event_type, [])]

    def target(self, country: str) -> str | None:
        """The party ``country`` has acted against most in the article (of equals, the first): whom "the measures"
        it adopts next are aimed at."""
        counts = Counter(next(iter(theirs)) for mine, theirs in self.acts if country in mine and len(theirs) == 1)
        return counts.most_common(1)[0][0] if counts else None

    def add_conflict(self, actors: list[Entity], recipients: list[Entity]) -> None:
        """Record the two countries of a conflict event: "both sides" will mean the commonest such pair."""
        for a in actors:
            for r in recipients:
                if a.country and r.country and a.country != r.country:
                    self.conflict_dyads[frozenset((a.country, r.country))] += 1
                elif a.country and a.country == r.country and _armed_and_state(a.sector, r.sector):
                    self.civil[a.country] += 1  # "the army shelled RSF positions": a war inside Sudan
        sides = list({(e.country, e.sector): e for e in (*actors, *recipients) if e.country and (e.sector or e.name)
                      }.values())
        if actors and recipients and len(sides) >= 2:
            self.last_fight = sides  # "the army and the RSF": a war inside one country has sides too

    def group(self, prefer_pair: bool = False) -> list[Entity]:
        """The last compound party ("Trump and Zelensky"); for the two "sides" of a conflict, the commonest
        pair of adversaries so far; else the last two different countries."""
        if self.groups and (not prefer_pair or self.sentence - self.groups[-1][0] <= 1):
            return [ref(e, e.text) for e in self.groups[-1][1]]
        if prefer_pair and self.conflict_dyads:
            pair, n = self.conflict_dyads.most_common(1)[0]
            if not (self.last_fight and max(self.civil[c] for c in pair) >= n):
                # (where the war the article reports is inside one of the two, its sides are that war's)
                return [self.last_of(c) for c in sorted(pair)]
        if prefer_pair and self.last_fight:
            return [ref(e, e.text) for e in self.last_fight]
        if prefer_pair:
            # the last two armed or state parties named, told apart by country and kind ("the army", "the RSF")
            sides: dict[tuple, Entity] = {}
            for e in reversed(self.recent):
                if e.country and self._state(e.country) and e.sector in ("MIL", "REB", "GOV", "UAF", None):
                    sides.setdefault((e.country, e.sector if e.sector in ("MIL", "REB") else None), e)
                if len(sides) == 2:
                    return [ref(x, x.text) for x in sides.values()]
        seen: dict[str, Entity] = {}
        for e in reversed(self.recent):
            if e.country not in seen:
                seen[e.country] = e
            if len(seen) == 2:
                return [ref(x, x.text) for x in seen.values()]
        return []

    def last_of(self, country: str) -> Entity:
        for e in reversed(self.recent):
            if e.country == country:
                return ref(e, e.text)
        return Entity(text=country, country=country)

    def other_party(self, countries: set[str | None], countries_only: bool = False) -> Entity | None:
        """The most recently mentioned entity of a country not in ``countries`` (an implicit partner);
        with ``countries_only``, organisations (UN, EU, ...) are passed over."""
        for e in reversed(self.recent):
            if e.country and e.country not in countries and (
                    not countries_only or self._state(e.country)):
                return ref(e, e.text)
        return None

    def civil_foe(self, party: Entity) -> Entity | None:
        """The other side of the war inside ``party``'s country, when that war is what the article reports of the
        country most (more than its fights with other countries): the armed group a state's forces face, or
        the state an armed group fights ("the army vowed to retake Bara" after it shelled RSF positions)."""
        country = party.country
        fought = sum(n for pair, n in self.conflict_dyads.items() if country in pair)
        if not country or not self.civil[country] or self.civil[country] < fought:
            return None
        state = party.sector in _STATE or party.sector is None
        for e in reversed(self.recent):
            if e.country == country and ((e.sector in _ARMED) if state else (e.sector in _STATE)):
                return ref(e, e.text)
        return Entity(text=country, country=country, sector=None if state else "GOV")

    def foe(self, country: str) -> str | None:
        """The country the article reports ``country`` fighting most (of equals, the later in sort order), if any."""
        fought = [(n, next(iter(pair - {country}))) for pair, n in self.conflict_dyads.items()
                  if country in pair and len(pair) == 2]
        return max(fought)[1] if fought else None

    def war_foe(self, country: str, adversaries: list[str]) -> str | None:
        """The side ``country`` fights in the article: the one it is reported fighting most, else the first of its
        ``adversaries`` (the gazetteer's) that the article names."""
        return self.foe(country) or next((x for x in adversaries if self.country_counts.get(x)), None)

    def adversary(self) -> str | None:
        """The country the text's own voice names as the invader or aggressor, if any (the most named)."""
        return self.hostile.most_common(1)[0][0] if self.hostile else None

    def context_countries(self) -> list[str]:
        """The countries the article is about so far, likeliest first: where its bulletin's issuer or post is
        from, where its events took place, the country it names most."""
        out = [e.country for e in (self.voice,) if e is not None and e.country]
        out += [self.post_place.country] if self.post_place is not None and self.post_place.country else []
        out += [self.dateline.country] if self.dateline is not None and self.dateline.country else []
        out += [code for code, _ in self.place_counts.most_common(2)]
        out += [code for code, _ in self.country_counts.most_common(2)]
        return list(dict.fromkeys(out))

    def _state(self, code: str) -> bool:
        return len(code) == 3 and code not in _NON_STATE and code not in self.organisations

    def main_country(self) -> str | None:
        """The country the article mentions most so far (a state: not the UN or an NGO however often named)."""
        states = [(code, n) for code, n in self.country_counts.most_common()
                  if self._state(code)]
        if states:
            return states[0][0]
        return self.country_counts.most_common(1)[0][0] if self.country_counts else None

    def home_country(self) -> str | None:
        """The country of a party the text names only by its kind ("the army general staff said"): that of the
        dateline when the text names it too (a report from Ouagadougou on Burkina Faso), else the one it
        mentions most."""
        filed = self.dateline.country if self.dateline is not None else None
        if filed and (filed in self.country_counts or filed in self.place_counts):
            return filed
        # a report that names no party's country, only places ("Shelling continued in Sumy region"): theirs
        return self.main_country() or next((c for c, _ in self.place_counts.most_common() if self._state(c)), None)


_FUNCTION_WORDS = frozenset({"the", "of", "a", "an", "for", "and", "in", "on", "to", "'s"})


_ARMED = frozenset({"REB", "UAF", "IMG", "ISM"})  # armed groups outside the state
_STATE = frozenset({"GOV", "MIL", "COP"})


def _armed_and_state(a: str | None, b: str | None) -> bool:
    """Whether one side is an armed group and the other the state (or the country itself, no sector)."""
    return (a in _ARMED and b not in _ARMED) or (b in _ARMED and a not in _ARMED)


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    """The word pairs of a phrase that name something ("foreign ministry", "high commissioner")."""
    return {(a, b) for a, b in zip(words, words[1:]) if a not in _FUNCTION_WORDS and b not in _FUNCTION_WORDS}


# Sectors of the parties a bare "the group" or "the movement" refers back to.
GROUP_SECTORS = frozenset({"REB", "UAF", "OPP", "PTY", "NGO", "CRM"})
# Nouns that, bare ("the group said"), refer back to the last such party named.
GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization", "faction"})


def ref(e: Entity, text: str | None = None) -> Entity:
    """A reference to an entity named in another sentence: its offsets there do not index this one."""
    return Entity(text=e.text, country=e.country, sector=e.sector, name=e.name)
