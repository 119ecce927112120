"""Agreements found in the news, and the alleged violations of each.

A commitment is an AGREE event (or a ceasefire declared, a proposal rejected) whose clause names an
agreement of a kind: a ceasefire, full or partial ("halt attacks on energy infrastructure" covers energy
targets only), a humanitarian corridor, a prisoner exchange, a withdrawal, talks. Commitments of the same
kind and scope between the same sides within two weeks are one agreement. A ceasefire binds the sides at
war: when a party commits to a third country ("Moscow agreed with Washington to halt attacks"), its
counterpart is the country it fights in the events around it, and the third country is the mediator.

After an agreement's start, two kinds of report are linked to it as alleged violations:
- an accusation between its parties that speaks of the agreement or of breaking it ("the Kremlin said Ukraine
  had failed to honor the ceasefire"): alleged by the accuser, against the accused;
- an attack by one party on another that falls within the scope (for a partial ceasefire on energy, an
  attack on energy targets): against the attacker, alleged by whoever the report attributes it to (None
  when the outlet reports it in its own voice).

The word lists are data (``parley/data/agreements.yaml``).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

import yaml

from parley.events.definitions import phrase_pattern

WINDOW_DAYS = 14  # commitments this close, of the same kind, scope and sides, are one agreement
CONFLICT_DAYS = 60
HISTORY_DAYS = 365  # a commitment dated this long before its article is history the article recalls  # how far around a commitment the sides' attacks are looked for


@dataclass
class Violation:
    event_id: int | None
    date: str | None
    kind: str  # "accusation" or "event"
    against: list[str]  # the party accused of violating
    alleged_by: str | None  # who says so (None: the outlet reports it in its own voice)
    event_type: str
    evidence: str
    outlet: str | None = None
    url: str | None = None


@dataclass
class Agreement:
    id: int
    kind: str
    full: bool
    scope: list[str]  # target categories a partial agreement covers (empty: everything)
    parties: list[str]
    mediators: list[str]
    start: str | None
    status: list[tuple[str | None, str, int | None]]  # (date, proposed|agreed|rejected|in force|collapsed, event)
    internal: bool = False  # between factions of one country: parties are "SDN-MIL", "SDN-REB"
    end: str | None = None  # the last day, when the agreement gives a duration ("a 30-day ceasefire")
    area: dict | None = None  # the place it covers, when the commitment names one below a country
    commitments: list[dict] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)

    @property
    def current(self) -> str:
        return self.status[-1][1] if self.status else "proposed"

    def describe(self) -> str:
        what = ("full " if self.full else "partial " if self.scope else "") + self.kind.replace("_", " ")
        if self.scope:
            what += " on " + ", ".join(self.scope)
        if self.area:
            what += " in " + (self.area.get("name") or self.area.get("admin1") or "")
        return what


@dataclass(frozen=True)
class Words:
    kinds: tuple[tuple[str, re.Pattern], ...]
    halt: re.Pattern
    full: re.Pattern
    collapse: re.Pattern
    in_force: re.Pattern
    violating: dict
    mediators: tuple[re.Pattern, ...]


@functools.lru_cache(maxsize=1)
def load_words() -> Words:
    with (resources.files("parley") / "data" / "agreements.yaml").open(encoding="utf-8") as f:
        d = yaml.safe_load(f)
    halt = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, d["halt_verbs"])) + r")\w*(?:\W+\w+){0,3}?\W+(?:"
                      + "|".join(map(re.escape, d["attack_nouns"])) + r")(?![\w-])", re.IGNORECASE)
    return Words(kinds=tuple((k, phrase_pattern(v)) for k, v in d["kinds"].items()), halt=halt,
                 full=phrase_pattern(d["full_words"]), collapse=phrase_pattern(d["collapse_words"]),
                 in_force=phrase_pattern(d["in_force_words"]),
                 violating={k: set(v) for k, v in d["violating_types"].items()},
                 mediators=(re.compile(r"(?:" + "|".join(map(re.escape, d["mediator_before"])) + r")\s+(?:the\s+)?"
                                       + NAME, re.IGNORECASE),
                            re.compile(NAME + r"\s+(?:" + "|".join(map(re.escape, d["mediator_after"])) + r")")))


NAME = r"(?P<who>[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3})"


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from parley.actors.gazetteer import load_gazetteer

    names = {}
    for c in load_gazetteer().countries:
        for n in (c.name, *c.aliases, *c.capitals):
            names[n.lower()] = c.code
    return names


def named_mediators(sentence: str) -> list[str]:
    """Countries a sentence names as mediators ("under a deal mediated by the United Arab Emirates")."""
    found = []
    names = _country_names()
    for pattern in load_words().mediators:
        for m in pattern.finditer(sentence):
            words = [w.strip(".,;:'\"") for w in m.group("who").split()]
            for n in range(len(words), 0, -1):  # the longest name that is a country: "United Arab Emirates"
                code = names.get(" ".join(words[:n]).lower()) or names.get(" ".join(words[-n:]).lower())
                if code:
                    found.append(code)
                    break
    return sorted(set(found))


def _clause(ev: dict) -> str:
    """The commitment's own words: from its trigger to the end of its clause."""
    sentence = (ev.get("evidence") or {}).get("sentence", "")
    trigger = ev.get("trigger") or ""
    at = sentence.find(trigger) if trigger else -1
    rest = sentence[at:] if at >= 0 else sentence
    return re.split(r"[,;:]| but | while | whereas ", rest, maxsplit=1)[0]


def _scope(text: str) -> list[str]:
    from parley.events.coding import load_tables

    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][A-Za-z-]+", text)} | \
            {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", text)}
    skip = {"civilians", "military"}  # who fights is not what a partial ceasefire covers
    return [label for label, vocab in load_tables().targets if words & vocab and label not in skip]


def commitment_kind(ev: dict) -> tuple[str, bool, list[str]] | None:
    """(kind, full, scope) of the agreement an event commits to, or None."""
    w = load_words()
    clause = _clause(ev)
    kind = None
    m = w.halt.search(clause)
    if m is not None:
        kind = "ceasefire"
        tail = clause[m.start():]
    else:
        for name, pat in w.kinds:
            hit = pat.search(clause)
            if hit is not None:
                kind, tail = name, clause[hit.start():]
                break
    if kind is None:
        return None
    # "a full 30-day ceasefire", "an unconditional ceasefire": the qualifier stands just before the kind word
    head = " ".join(clause[:len(clause) - len(tail)].split()[-3:])
    full = bool(w.full.search(head)) or (m is not None and bool(w.full.search(m.group(0))))
    scope = [] if full or kind != "ceasefire" else _scope(tail)
    return kind, full, scope


def _keys(entities, internal: bool) -> set[str]:
    """The parties ``entities`` are: countries, or, inside one country's conflict, country and sector."""
    out = set()
    for e in entities or []:
        if e.get("country"):
            out.add(f"{e['country']}-{e['sector']}" if internal and e.get("sector") else e["country"])
    return out


def _countries(entities) -> list[str]:
    return [e["country"] for e in entities or [] if e.get("country")]


def _date(ev: dict) -> str | None:
    return ev.get("date") or ev.get("doc_date")


def _days(a: str | None, b: str | None) -> int:
    """Days from ``a`` to ``b``; 0 when either is unknown."""
    from parley.ground.dates import first_day

    da, db = first_day(a), first_day(b)
    return (db - da).days if da and db else 0


def _foes(events: list[dict], party: str, around: str | None) -> Counter:
    """Countries ``party`` fights (ASSAULT either way) in the events within CONFLICT_DAYS of ``around``."""
    foes: Counter = Counter()
    for ev in events:
        if ev["event_type"] != "ASSAULT" or abs(_days(around, _date(ev))) > CONFLICT_DAYS:
            continue
        actors, recipients = set(_countries(ev.get("actor"))), set(_countries(ev.get("recipient")))
        if party in actors:
            foes.update(recipients - {party})
        elif party in recipients:
            foes.update(actors - {party})
    return foes


def find_agreements(events: list[dict]) -> list[Agreement]:
    """Agreements and their alleged violations in ``events`` (stored event rows, any order)."""
    events = sorted(events, key=lambda e: (_date(e) or "", e.get("event_id") or 0))
    agreements: list[Agreement] = []
    committed: set = set()
    w = load_words()
    accused = {(e.get("doc_id"), (e.get("evidence") or {}).get("start")) for e in events if e["event_type"] == "ACCUSE"}
    for ev in events:
        if ev["event_type"] not in ("AGREE", "RETREAT", "REJECT") or ev.get("status") == "negated":
            continue
        if ev["event_type"] == "RETREAT" and ev.get("mode") != "ceasefire":
            continue
        sentence = (ev.get("evidence") or {}).get("sentence", "")
        if (ev.get("doc_id"), (ev.get("evidence") or {}).get("start")) in accused or w.collapse.search(sentence) \
                or w.in_force.search(sentence):
            continue  # "accused X of violating the ceasefire", "the truce collapsed", "took effect": no commitment
        found = commitment_kind(ev)
        if found is None:
            continue
        kind, full, scope = found
        actors, recipients = _countries(ev.get("actor")), _countries(ev.get("recipient"))
        if not actors:
            continue
        when = _date(ev)
        internal = len(set(actors) | set(recipients)) == 1 and \
            len({e.get("sector") for e in ev.get("actor") or [] if e.get("sector")}) > 1
        if internal:  # "Sudan's army and the Rapid Support Forces agreed": the factions are the sides
            sides, mediators = sorted(_keys(ev.get("actor"), True)), []
        else:
            sides, mediators = _sides(events, kind, actors, recipients, when)
        if len(sides) < 2:
            continue  # an agreement binds two sides at least; a party's own pledge names no counterpart
        if _days(when, ev.get("doc_date")) > HISTORY_DAYS:
            continue  # "the 1974 ceasefire": a past agreement the article recalls, not news
        mediators = sorted((set(mediators) | set(named_mediators(sentence))) - set(sides))
        if ev["event_type"] == "REJECT":
            status = "rejected"
        elif ev.get("status") in ("planned", "intended", "hypothetical"):
            status = "proposed"
        else:
            status = "agreed"
        match = next((a for a in agreements if a.kind == kind and a.full == full and set(a.scope) == set(scope)
                      and set(a.parties) == set(sides) and abs(_days(a.start, when)) <= WINDOW_DAYS), None)
        if match is None:
            loc = ev.get("location") or {}
            match = Agreement(id=len(agreements) + 1, kind=kind, full=full, scope=scope, parties=sorted(sides),
                              mediators=sorted(mediators), start=when, status=[], end=_end(ev, when),
                              internal=internal,
                              area=loc if loc.get("admin1") and {p.split("-")[0] for p in sides} == {loc.get("country")}
                              else None)
            agreements.append(match)
        match.mediators = sorted(set(match.mediators) | set(mediators))
        if not match.status or match.status[-1][1] != status:
            match.status.append((when, status, ev.get("event_id")))
        match.commitments.append(ev)
        committed.add(id(ev))
    for agreement in agreements:
        _collapse(agreement, events, committed)
        if any(s in ("agreed", "in force") for _, s, _ in agreement.status):
            agreement.violations = _violations(agreement, events, committed)
    return agreements


DURATION = re.compile(r"(?<![\w-])(\d{1,3})[- ](day|week|month)s?\b", re.IGNORECASE)


def _end(ev: dict, start: str | None) -> str | None:
    """The last day of an agreement whose clause gives its length ("a 30-day ceasefire", "a two-week truce" is
    not read: figures only)."""
    import datetime as dt

    from parley.ground.dates import first_day

    m = DURATION.search(_clause(ev))
    begin = first_day(start)
    if m is None or begin is None:
        return None
    days = int(m.group(1)) * {"day": 1, "week": 7, "month": 30}[m.group(2).lower()]
    return (begin + dt.timedelta(days=days - 1)).isoformat()


@functools.lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    from parley.actors.gazetteer import load_gazetteer

    return frozenset(c.code for c in load_gazetteer().countries)


def _sides(events, kind, actors, recipients, when) -> tuple[list[str], list[str]]:
    """The agreement's parties and mediators. Parties are states (organisations such as the UN or the EU
    that commit or receive a commitment mediate). A ceasefire's sides are at war; other agreements are
    between the committing party and its partners."""
    states = _states()
    orgs = [c for c in (*actors, *recipients) if c not in states]
    actors, recipients = [a for a in actors if a in states], [r for r in recipients if r in states]
    if kind not in ("ceasefire", "humanitarian_corridor", "prisoner_exchange", "withdrawal"):
        return sorted(set(actors) | set(recipients)), sorted(set(orgs))
    sides, mediators = set(actors), list(orgs)
    foes = Counter()
    for a in actors:
        foes.update({k: v for k, v in _foes(events, a, when).items() if k in states})
    for r in recipients:
        if r in foes or r in sides:
            sides.add(r)
        else:
            mediators.append(r)
    if len(sides) == 1 and foes:
        sides.add(foes.most_common(1)[0][0])
    return sorted(sides), sorted(set(mediators) - sides)


def _collapse(agreement: Agreement, events: list[dict], committed: set) -> None:
    """Later reports that the agreement took effect, then that it collapsed, in date order."""
    w = load_words()
    kind_words = dict(w.kinds).get(agreement.kind)
    for ev in events:
        if _days(agreement.start, _date(ev)) < 0 or id(ev) in committed or \
                ev.get("status") in ("hypothetical", "planned", "intended", "negated"):
            continue  # "a withdrawal would mean abandoning an ally": what might be is no change of status
        sentence = (ev.get("evidence") or {}).get("sentence", "")
        parties = _keys(ev.get("actor"), agreement.internal) | _keys(ev.get("recipient"), agreement.internal)
        if not parties & set(agreement.parties) or (kind_words is not None and not kind_words.search(sentence)):
            continue
        if _near(w.collapse, kind_words, sentence):  # "the truce collapsed", not "abandons the fight"
            agreement.status.append((_date(ev), "collapsed", ev.get("event_id")))
            return
        if _near(w.in_force, kind_words, sentence) and agreement.current == "agreed":
            agreement.status.append((_date(ev), "in force", ev.get("event_id")))


def _near(words: re.Pattern, kind_words: re.Pattern | None, sentence: str, gap: int = 40) -> bool:
    """``words`` said of the agreement: a match within ``gap`` characters of a word naming its kind, not
    overlapping it ("the ceasefire collapsed", "the truce took effect")."""
    kinds = [m.span() for m in kind_words.finditer(sentence)] if kind_words is not None else []
    for m in words.finditer(sentence):
        a, b = m.span()
        if any(not (a < e and c < b) and min(abs(a - e), abs(c - b)) <= gap for c, e in kinds):
            return True
    return False


def _violations(agreement: Agreement, events: list[dict], committed: set) -> list[Violation]:
    w = load_words()
    parties = set(agreement.parties)
    kind_words = dict(w.kinds).get(agreement.kind)
    violating = w.violating.get(agreement.kind, set())
    end = next((d for d, s, _ in agreement.status if s == "collapsed"), None)
    found: list[Violation] = []
    for ev in events:
        when = _date(ev)
        if id(ev) in committed or _days(agreement.start, when) < 0 or (end and _days(end, when) > 0):
            continue
        if agreement.end and _days(agreement.end, when) > 0:
            continue  # after the agreed term
        if agreement.area and not _within(ev.get("location") or {}, agreement.area):
            continue
        if ev.get("status") in ("negated", "planned", "intended", "hypothetical"):
            continue
        actors, recipients = _keys(ev.get("actor"), agreement.internal), _keys(ev.get("recipient"), agreement.internal)
        sentence = (ev.get("evidence") or {}).get("sentence", "")
        if ev["event_type"] == "ACCUSE" and actors & parties and recipients & (parties - actors) and (
                ev.get("mode") == "allege" or (kind_words is not None and kind_words.search(sentence))):
            found.append(_violation(ev, "accusation", sorted(recipients & parties), sorted(actors & parties)[0]))
        elif ev["event_type"] in violating and actors & parties and recipients & (parties - actors):
            if agreement.scope and not set(ev.get("targets") or []) & set(agreement.scope):
                continue
            claim = next(iter(_keys([ev["claimed_by"]], agreement.internal)), None) if ev.get("claimed_by") else None
            found.append(_violation(ev, "event", sorted(actors & parties), claim))
    return found


def _within(loc: dict, area: dict) -> bool:
    """A place inside an agreement's area: the same region, or within 100 km of its place; a report that names
    no place below a country is given the benefit of the doubt."""
    from parley.store.stories import _km

    if not loc.get("admin1"):
        return not loc.get("country") or loc.get("country") == area.get("country")
    km = _km(loc, area)
    return loc.get("admin1") == area.get("admin1") or (km is not None and km <= 100)


def _violation(ev: dict, kind: str, against: list[str], alleged_by: str | None) -> Violation:
    return Violation(event_id=ev.get("event_id"), date=_date(ev), kind=kind, against=against, alleged_by=alleged_by,
                     event_type=ev["event_type"], evidence=(ev.get("evidence") or {}).get("sentence", ""),
                     outlet=ev.get("outlet"), url=ev.get("url"))


def agreements_json(agreements: list[Agreement]) -> list[dict]:
    import dataclasses

    out = []
    for a in agreements:
        d = dataclasses.asdict(a)
        d["description"], d["current"] = a.describe(), a.current
        d["status"] = [{"date": dt, "status": st, "event_id": eid} for dt, st, eid in a.status]
        d["commitments"] = [{"event_id": c.get("event_id"), "event_type": c["event_type"],
                             "by": _countries(c.get("actor")), "date": _date(c),
                             "evidence": (c.get("evidence") or {}).get("sentence", ""), "url": c.get("url")}
                            for c in a.commitments]
        out.append(d)
    return out


def format_agreements(agreements: list[Agreement]) -> str:
    lines = []
    for a in agreements:
        lines.append(f"#{a.id} {a.describe()}: {' and '.join(a.parties)}"
                     + (f", mediated by {', '.join(a.mediators)}" if a.mediators else "")
                     + f"; since {a.start or '?'}" + (f" until {a.end}" if a.end else "") + f"; now {a.current}")
        for date, status, _ in a.status:
            lines.append(f"    {date or '?'}  {status}")
        for c in a.commitments:
            verb = "rejected" if c["event_type"] == "REJECT" else "committed"
            lines.append(f"    {verb} by {'+'.join(_countries(c.get('actor')))}: "
                         f"{(c.get('evidence') or {}).get('sentence', '')[:110]}")
        for v in a.violations:
            by = f"alleged by {v.alleged_by}" if v.alleged_by else "reported"
            lines.append(f"    {v.date or '?'}  violation by {'+'.join(v.against)} ({v.kind}, {by}): "
                         f"{v.evidence[:100]}")
    return "\n".join(lines) + ("\n" if lines else "(no agreements)\n")
