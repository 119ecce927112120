"""Commitments: what a stored event commits its actors to, if anything, and between whom.

An event is a commitment when its clause names an agreement of a kind (``kinds`` in
``parley/data/agreements.yaml``) and it is one of:
- an AGREE ("agreed to a humanitarian corridor", "a local truce will hold from 10:00": a future whose subject
  is the agreement states it made, not planned), or a REJECT (a proposal turned down);
- a RETREAT that declares what its mode allows (``retreat_modes``): a ceasefire, "silence regime" or pause
  declared, a corridor opened (mode access), or a release that was an exchange ("exchanged 95 prisoners
  each", "freed four soldiers in exchange for 200 prisoners": ``exchange_words``, or a release by two sides);
- a SUPPORT of an agreement ("the UN welcomes the agreement of the army and the RSF to a corridor"): the
  sides are whom it supports.

An agreement named only to place another event before its start ("Hours before the truce began, warplanes
struck", "on the eve of the ceasefire") or after its end ("since the truce collapsed") is no commitment: the
coder's event for "truce" there is the anchor of a time (``parley/store/terms.py``), not a truce declared.

Parties are states, or inside one country's conflict its factions ("SDN-MIL", "SDN-REB"); organisations
mediate. The subject of a mediating verb ("Turkey brokered the swap") and a country named as mediator ("in a
deal mediated by the UAE", "a Qatar-brokered swap", "Egyptian mediators") are mediators, never parties.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

import yaml

from parley.events.definitions import phrase_pattern
from parley.ground.dates import date_range, event_days
from parley.store import terms

CONFLICT_DAYS = 60  # how far around a commitment the sides' attacks are looked for
HISTORY_DAYS = 365  # a commitment dated this long before its article is history the article recalls
BACK_WORDS = 8  # words before a trigger that may name what it commits to ("a local truce will hold")
WAR_KINDS = ("ceasefire", "humanitarian_corridor", "prisoner_exchange", "withdrawal")  # bind the sides at war
FIGHTING = ("ASSAULT", "COERCE")  # event types that show who fights whom in an article


@dataclass(frozen=True)
class Words:
    kinds: tuple[tuple[str, re.Pattern], ...]
    halt: re.Pattern
    swap: re.Pattern
    full: re.Pattern
    collapse: re.Pattern
    in_force: re.Pattern
    violating: dict
    mediators: tuple[re.Pattern, ...]
    retreat_modes: dict
    exchange: re.Pattern
    mediator_verbs: re.Pattern
    agreement_nouns: re.Pattern
    same_article: dict
    local: re.Pattern
    route_kinds: frozenset[str]
    route_words: re.Pattern
    route: re.Pattern
    anchor: re.Pattern
    start_verbs: re.Pattern
    started: re.Pattern
    end_words: re.Pattern
    _anchors: dict = field(default_factory=dict, compare=False, repr=False)  # sentence -> its anchors

    def anchors(self, sentence: str) -> list[terms.Anchor]:
        """The time anchors of ``sentence`` ("hours before the truce began"): see ``terms.anchors``. Each
        sentence is read once (the tracker asks for every agreement)."""
        if sentence not in self._anchors:
            if len(self._anchors) > 10_000:
                self._anchors.clear()
            self._anchors[sentence] = terms.anchors(sentence, self.anchor, self.start_verbs, self.started,
                                                    self.end_words)
        return self._anchors[sentence]


NAME = r"[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3}"
# one name, or a list closed by "and" ("Qatar, Egypt and the United States"; not "Gaza, Egyptian mediators")
NAMES = rf"(?P<who>{NAME}(?:(?:\s*,\s*(?:the\s+)?{NAME})*\s*,?\s+and\s+(?:the\s+)?{NAME})?)"


@functools.lru_cache(maxsize=1)
def load_words() -> Words:
    with (resources.files("parley") / "data" / "agreements.yaml").open(encoding="utf-8") as f:
        d = yaml.safe_load(f)
    halt = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, d["halt_verbs"])) + r")\w*(?:\W+\w+){0,3}?\W+(?:"
                      + "|".join(map(re.escape, d["attack_nouns"])) + r")(?![\w-])", re.IGNORECASE)
    swap = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, d["exchange_verbs"])) + r")\w*(?!\W+(?:"
                      + "|".join(map(re.escape, d["not_exchanged"])) + r")\b)(?:\W+\w+){0,4}?\W+(?:"
                      + "|".join(map(re.escape, d["captive_nouns"])) + r")\w*", re.IGNORECASE)
    kinds = tuple((k, phrase_pattern(v)) for k, v in d["kinds"].items())
    return Words(kinds=kinds, halt=halt, swap=swap,
                 full=phrase_pattern(d["full_words"]), collapse=phrase_pattern(d["collapse_words"]),
                 in_force=phrase_pattern(d["in_force_words"]),
                 violating={k: set(v) for k, v in d["violating_types"].items()},
                 mediators=(re.compile(r"(?i:" + "|".join(map(re.escape, d["mediator_before"])) + r")\s+(?:the\s+)?"
                                       + NAMES),
                            re.compile(NAMES + r"\s+(?:" + "|".join(map(re.escape, d["mediator_after"])) + r")\b"),
                            re.compile(NAMES + r"(?:" + "|".join(map(re.escape, d["mediator_suffix"])) + r")\b")),
                 retreat_modes={k: frozenset(v) for k, v in d["retreat_modes"].items()},
                 exchange=phrase_pattern(d["exchange_words"]), mediator_verbs=phrase_pattern(d["mediator_verbs"]),
                 agreement_nouns=phrase_pattern(d["agreement_nouns"]),
                 same_article={k: frozenset(v) for k, v in d["same_article_kinds"].items()},
                 local=phrase_pattern(d["local_words"]), route_kinds=frozenset(d["route_kinds"]),
                 route_words=phrase_pattern(d["route_words"]), route=terms.route_pattern(d["route_markers"]),
                 anchor=terms.anchor_pattern(d["anchor_markers"], kinds), start_verbs=phrase_pattern(d["start_verbs"]),
                 started=phrase_pattern(d["started_words"]), end_words=phrase_pattern(d["end_words"]))


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Lower-cased names, aliases, capitals and demonyms of countries, and names of international organisations,
    to their codes."""
    from parley.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = {}
    for o in gaz.organisations:
        if o.sector == "IGO":
            for n in (o.name, *o.aliases):
                names[n.lower()] = o.country
    for c in gaz.countries:
        for n in (c.name, *c.aliases, *c.capitals, *c.demonyms):
            names[n.lower()] = c.code
    return names


def named_mediators(sentence: str) -> list[str]:
    """Countries (or international organisations) a sentence names as mediators ("under a deal mediated by the
    United Arab Emirates", "talks hosted by Saudi Arabia and the United States", "a Qatar-brokered swap")."""
    found = []
    names = _country_names()
    for pattern in load_words().mediators:
        for m in pattern.finditer(sentence):
            for who in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", m.group("who")):
                words = [w.strip(".,;:'\"") for w in re.split(r"\s+|-(?=[A-Z])", who) if w.lower() != "the"]
                for n in range(len(words), 0, -1):  # the longest name that is a country: "United Arab Emirates"
                    code = names.get(" ".join(words[:n]).lower()) or names.get(" ".join(words[-n:]).lower())
                    if code:
                        found.append(code)
                        break
    return sorted(set(found))


CLAUSE_END = r",(?!\d{3}\b)|[;:]| but | while | whereas "  # not the comma of "1,900"


def clause(ev: dict) -> str:
    """The commitment's own words: from up to BACK_WORDS words before its trigger (not past a reporting verb: "a
    local truce will hold", "a corridor from Mariupol had been agreed") to the end of its clause."""
    return "".join(_clause_parts(ev))


def _clause_parts(ev: dict) -> tuple[str, str]:
    """(the words before the trigger, the trigger and the rest of its clause)."""
    sentence = (ev.get("evidence") or {}).get("sentence", "")
    trigger = ev.get("trigger") or ""
    at = sentence.find(trigger) if trigger else -1
    if at < 0:
        return "", re.split(CLAUSE_END, sentence, maxsplit=1)[0]
    before = re.split(CLAUSE_END + r"|[()]|\b(?:said|says|told|reported|added|that)\b", sentence[:at])[-1]
    words = before.split()[-BACK_WORDS:]
    return " ".join(words) + (" " if words else ""), re.split(CLAUSE_END, sentence[at:], maxsplit=1)[0]


def _scope(text: str) -> list[str]:
    from parley.events.coding import load_tables

    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][A-Za-z-]+", text)} | \
            {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", text)}
    skip = {"civilians", "military"}  # who fights is not what a partial ceasefire covers
    return [label for label, vocab in load_tables().targets if words & vocab and label not in skip]


def commitment_kind(ev: dict) -> tuple[str, bool, list[str]] | None:
    """(kind, full, scope) of the agreement an event commits to, or None. The kind is, in this order: the one
    whose words include the trigger ("declared a humanitarian pause"); the first named after the trigger ("agreed
    to a ceasefire so that civilians can use a humanitarian corridor" is a ceasefire); the nearest before it (the
    subject of a passive or a future: "the swap was brokered", "a local truce will hold"). Talks count only when
    nothing else is named ("talks on a ceasefire" commit to a ceasefire). A local truce ("a humanitarian pause so
    that aid convoys can travel") covers every target of its place: no scope."""
    w = load_words()
    before, rest = _clause_parts(ev)
    text, t = before + rest, len(before)
    t_end = t + len(ev.get("trigger") or "")
    hits = []  # (start, end, kind)
    for name, pattern in (("ceasefire", w.halt), *w.kinds, ("prisoner_exchange", w.swap)):
        hits += [(m.start(), m.end(), name) for m in pattern.finditer(text)]
    if ev.get("event_type") == "RETREAT" and ev.get("mode") == "release" and (
            w.exchange.search(rest) or len(set(_countries(ev.get("actor")))) > 1):
        hits.append((t, t_end, "prisoner_exchange"))  # "handed over 95 prisoners each", "Kyiv and Moscow released"
    if not hits:
        return None

    def order(h):
        own, after = h[0] < t_end and t < h[1], h[0] >= t
        return (h[2] == "talks", 0 if own else 1 if after else 2, h[0] if own or after else -h[0])

    at, _, kind = min(hits, key=order)
    tail = text[at:]
    # "a full 30-day ceasefire", "an unconditional ceasefire": the qualifier stands just before the kind word
    head = " ".join(text[:at].split()[-3:])
    halt = w.halt.match(tail) if kind == "ceasefire" else None  # "halt all attacks"
    full = bool(w.full.search(head)) or (halt is not None and bool(w.full.search(halt.group(0))))
    scope = [] if full or kind != "ceasefire" or w.local.search(text) else _scope(tail)
    return kind, full, scope


def keys(entities, internal: bool) -> set[str]:
    """The parties ``entities`` are: countries, or, inside one country's conflict, country and sector."""
    out = set()
    for e in entities or []:
        if e.get("country"):
            out.add(f"{e['country']}-{e['sector']}" if internal and e.get("sector") else e["country"])
    return out


def _countries(entities) -> list[str]:
    return [e["country"] for e in entities or [] if e.get("country")]


def date_of(ev: dict) -> str | None:
    """The event's own date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); its article's only when the event has none
    (the coder gives an event its article's date when the sentence names none, so this is rare)."""
    return ev.get("date") or ev.get("doc_date")


def span_of(ev: dict) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event's own date covers (:func:`~parley.ground.dates.event_days`), else those
    of its article's date."""
    return event_days(ev) or date_range(ev.get("doc_date"))


def trigger_at(ev: dict) -> int:
    """Where the event's trigger stands in its sentence (the first whole-word match), or -1."""
    sentence, trigger = (ev.get("evidence") or {}).get("sentence", ""), ev.get("trigger") or ""
    m = re.search(r"(?<![\w-])" + re.escape(trigger) + r"(?![\w-])", sentence) if trigger else None
    return m.start() if m else sentence.find(trigger) if trigger else -1


def days(a: str | None, b: str | None) -> int:
    """Days from ``a`` to ``b`` (dates, or dates with a clock time); 0 when either is unknown."""
    from parley.ground.dates import first_day

    da, db = first_day((a or "")[:10]), first_day((b or "")[:10])
    return (db - da).days if da and db else 0


@functools.lru_cache(maxsize=1)
def states() -> frozenset[str]:
    from parley.actors.gazetteer import load_gazetteer

    return frozenset(c.code for c in load_gazetteer().countries)


@dataclass
class Commitment:
    """One event that commits to (or rejects) an agreement, with what it says of the agreement."""

    ev: dict
    kind: str
    full: bool
    scope: list[str]
    sides: list[str]
    mediators: list[str]
    internal: bool
    status: str  # proposed, agreed or rejected


def read_commitment(ev: dict, events: list[dict], accused: set, w: Words) -> Commitment | None:
    """The commitment ``ev`` makes (see the module docstring), or None. ``events`` are the store's events, in
    which a party's foes are looked for; ``accused`` the (article, sentence) pairs of accusations."""
    brokered = ev["event_type"] == "CONSULT" and bool(w.mediator_verbs.search(ev.get("trigger") or ""))
    if (ev["event_type"] not in ("AGREE", "RETREAT", "REJECT", "SUPPORT") and not brokered) or \
            ev.get("status") == "negated":
        return None  # (a go-between's part, "a swap brokered by Turkey", reports the deal it brokered)
    sentence = (ev.get("evidence") or {}).get("sentence", "")
    if brokered and any(e is not ev and e.get("doc_id") == ev.get("doc_id") and e["event_type"] in ("AGREE", "RETREAT")
                        and (e.get("evidence") or {}).get("start") == (ev.get("evidence") or {}).get("start")
                        for e in events):
        return None  # "exchanged 185 prisoners each in a swap brokered by Turkey": the exchange tells the deal
    if (ev.get("doc_id"), (ev.get("evidence") or {}).get("start")) in accused or w.collapse.search(sentence) \
            or w.in_force.search(sentence):
        return None  # "accused X of violating the ceasefire", "the truce collapsed", "took effect": no commitment
    at = trigger_at(ev)
    if any(a.named[0] <= at < a.named[1] and a.relation in (terms.BEFORE_START, terms.AFTER_END)
           for a in w.anchors(sentence)):
        return None  # "Hours before the truce began, warplanes struck": the truce is when, not what was agreed
    found = commitment_kind(ev)
    if found is None:
        return None
    kind, full, scope = found
    if ev["event_type"] == "RETREAT" and kind not in w.retreat_modes.get(ev.get("mode"), ()):
        return None  # a release is no ceasefire, a withdrawal of troops no agreement
    if ev["event_type"] == "SUPPORT" and not w.agreement_nouns.search(clause(ev)):
        return None  # "backs a ceasefire" supports a proposal; "welcomes the agreement to a ceasefire" reports one
    when = date_of(ev)
    if days(when, ev.get("doc_date")) > HISTORY_DAYS:
        return None  # "the 1974 ceasefire": a past agreement the article recalls, not news
    actor, recipient = list(ev.get("actor") or []), list(ev.get("recipient") or [])
    named = set(named_mediators(sentence))
    if w.mediator_verbs.search(ev.get("trigger") or ""):  # "Turkey brokered the swap": Turkey mediates
        named |= {c for c in _countries(actor) if c in states()}
        actor, recipient = recipient, []
    elif ev["event_type"] == "SUPPORT":  # who welcomes an agreement is no party to it
        actor, recipient = recipient, []
    actor = [e for e in actor if e.get("country") not in named]
    recipient = [e for e in recipient if e.get("country") not in named]
    internal = len({c for c in (*_countries(actor), *_countries(recipient)) if c in states()}) == 1 and \
        len({e.get("sector") for e in actor if e.get("sector")}) > 1
    if internal:  # "Sudan's army and the Rapid Support Forces agreed": the factions are the sides
        sides, mediators = sorted(keys(actor, True)), []
    else:
        sides, mediators = _sides(events, kind, _countries(actor), _countries(recipient), when)
    claimant = (ev.get("claimed_by") or {}).get("country")
    if len(sides) == 1 and not internal and claimant in states() and claimant not in sides and claimant not in named:
        sides = sorted({*sides, claimant})  # "Kyiv said a corridor had been agreed with Russia": Kyiv is the other side
    if ev["event_type"] == "REJECT":
        status = "rejected"
    elif ev.get("status") in ("planned", "intended", "hypothetical") and not _scheduled(ev, kind, w):
        status = "proposed"
    else:
        status = "agreed"
    return Commitment(ev, kind, full, scope, list(sides), sorted((set(mediators) | named) - set(sides)), internal,
                      status)


def _scheduled(ev: dict, kind: str, w: Words) -> bool:
    """A future that states an agreement made, not a plan to make one: the agreement is the subject ("a local
    truce will hold from 10:00", "the corridor will open"), its kind word before the trigger."""
    pattern = dict(w.kinds).get(kind)
    text, trigger = clause(ev), ev.get("trigger") or ""
    at = text.find(trigger) if trigger else -1
    return ev.get("status") == "planned" and pattern is not None and at > 0 and bool(pattern.search(text[:at]))


def _foes(events: list[dict], party: str, around: str | None) -> Counter:
    """Countries ``party`` fights (ASSAULT either way) in the events within CONFLICT_DAYS of ``around``."""
    foes: Counter = Counter()
    for ev in events:
        if ev["event_type"] != "ASSAULT" or abs(days(around, date_of(ev))) > CONFLICT_DAYS:
            continue
        actors, recipients = set(_countries(ev.get("actor"))), set(_countries(ev.get("recipient")))
        if party in actors:
            foes.update(recipients - {party})
        elif party in recipients:
            foes.update(actors - {party})
    return foes


def _sides(events, kind, actors, recipients, when) -> tuple[list[str], list[str]]:
    """The agreement's parties and mediators. Parties are states (organisations such as the UN or the EU
    that commit or receive a commitment mediate). A ceasefire's sides are at war; other agreements are
    between the committing party and its partners. When no war is known around a party, the country it
    commits to is its counterpart."""
    known = states()
    orgs = [c for c in (*actors, *recipients) if c not in known]
    actors, recipients = [a for a in actors if a in known], [r for r in recipients if r in known]
    if kind not in WAR_KINDS:
        return sorted(set(actors) | set(recipients)), sorted(set(orgs))
    if not actors:  # "a corridor had been agreed with Russia": who it was agreed with is a side
        actors, recipients = recipients, []
    sides, mediators, spare = set(actors), list(orgs), []
    foes: Counter = Counter()
    for a in actors:
        foes.update({k: v for k, v in _foes(events, a, when).items() if k in known})
    top = max(foes.values(), default=0)
    foes = Counter({k: v for k, v in foes.items() if 2 * v >= top})  # its main foes, not a stray miscoded attack
    for r in recipients:
        if r in foes or r in sides:
            sides.add(r)
        else:
            spare.append(r)
    if len(sides) == 1 and foes:
        sides.add(foes.most_common(1)[0][0])
    elif len(sides) == 1 and spare:
        sides.add(spare.pop(0))
    mediators += spare
    return sorted(sides), sorted(set(mediators) - sides)


def article_sides(doc_events: list[dict], have: list[str], mediators: set[str]) -> list[str]:
    """``have`` completed to two sides with the states its article's events speak of most (those that fight in
    them first), mediators and organisations aside; ``have`` unchanged when the article names too few."""
    known = states()
    counts: Counter = Counter()
    for ev in doc_events:
        weight = 2 if ev["event_type"] in FIGHTING else 1
        for code in set(_countries(ev.get("actor"))) | set(_countries(ev.get("recipient"))):
            if code in known and code not in mediators and code not in have:
                counts[code] += weight
    need = 2 - len(have)
    return sorted([*have, *(code for code, _ in counts.most_common(need))]) if len(counts) >= need > 0 else have
