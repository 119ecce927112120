"""Agreements found in the news, and the alleged violations of each.

Commitments (``parley/store/commitments.py``: an event whose clause names an agreement of a kind, with its sides
and mediators) of the same kind and scope between the same sides within two weeks are one agreement. A
commitment that names fewer than two sides ("A local truce will hold from 10:00", "The swap was brokered by
Turkey") joins the agreement of its kind its own article reports; failing that, its article's events name its
counterpart; failing that, it is no agreement (a party's own pledge names no counterpart).

An agreement's terms (``parley/store/terms.py``) are read from its commitments' clauses and sentences, then from
the sentences after them in their article: its time window (``start``, ``end``: a day, or a day and a local clock
time, "2025-03-08T10:00") and, for a corridor or a local truce, its route (the places of "from X via Y to Z", in
order, geocoded) and its area (the place below a country its commitment names).

After an agreement's start and up to its end, two kinds of report are linked to it as alleged violations:
- an accusation between its parties that speaks of the agreement or of breaking it ("the Kremlin said Ukraine
  had failed to honor the ceasefire"): alleged by the accuser, against the accused;
- an attack by one party on another that falls within the scope (for a partial ceasefire on energy, an
  attack on energy targets; for a corridor or a local truce, an attack on its route or in its area, where the
  attacker suffices): against the attacker, alleged by whoever the report attributes it to (None when the
  outlet reports it in its own voice).

A report is placed in time by its event's own date, not its article's: the days that date covers (``date_start``
to ``date_end``; "in April" is 1 to 30 April). Days all before the start, or all after the end (the agreed term or
the collapse), are no violation; days that straddle either ("in April" for a truce of 10 April), or an event or
agreement with no date, make a violation marked ``uncertain``. The violation's ``date`` is the event's. Besides,
its own sentence may place the event: an attack "hours before the truce began" or "on the eve of the ceasefire"
is before the start, one "since the truce collapsed" after the end, whatever its date (``terms.anchors``).

The word lists are data (``parley/data/agreements.yaml``).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from parley.ground.dates import date_range
from parley.ground.places import haversine_km
from parley.store import terms
from parley.store.commitments import (
    Commitment,
    Words,
    article_sides,
    clause,
    commitment_kind,
    date_of,
    days,
    keys,
    load_words,
    named_mediators,
    read_commitment,
    span_of,
    trigger_at,
)

__all__ = ["Agreement", "Violation", "agreements_json", "commitment_kind", "find_agreements", "format_agreements",
           "load_words", "named_mediators"]

WINDOW_DAYS = 14  # commitments this close, of the same kind, scope and sides, are one agreement
ROUTE_KM = 30  # an attack this close to a corridor's route is on the corridor
AREA_KM = 100  # ... and one this close to the place a local agreement covers is in its area
FOLLOWING = 3  # sentences after a commitment that may state its terms ("Buses will go from X via Y to Z")


@dataclass
class Violation:
    event_id: int | None
    date: str | None  # the event's own date, as precise as its report ("2025-05-18", "2025-04")
    kind: str  # "accusation" or "event"
    against: list[str]  # the party accused of violating
    alleged_by: str | None  # who says so (None: the outlet reports it in its own voice)
    event_type: str
    evidence: str
    outlet: str | None = None
    url: str | None = None
    date_start: str | None = None  # the first and last day ``date`` covers (YYYY-MM-DD)
    date_end: str | None = None
    uncertain: bool = False  # its days straddle the agreement's start or end, or it or the agreement has no date


@dataclass
class Agreement:
    id: int
    kind: str
    full: bool
    scope: list[str]  # target categories a partial agreement covers (empty: everything)
    parties: list[str]
    mediators: list[str]
    start: str | None  # "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when a report gives the clock time (local time)
    status: list[tuple[str | None, str, int | None]]  # (date, proposed|agreed|rejected|in force|collapsed, event)
    internal: bool = False  # between factions of one country: parties are "SDN-MIL", "SDN-REB"
    end: str | None = None  # the last day, or day and clock time, when a report gives it ("a 30-day ceasefire")
    area: dict | None = None  # the place it covers, when the commitment names one below a country
    route: list[dict] = field(default_factory=list)  # a corridor's places in order: name, lat, lon, country, ...
    route_evidence: str | None = None  # the sentence the route was read from
    commitments: list[dict] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)

    @property
    def current(self) -> str:
        return self.status[-1][1] if self.status else "proposed"

    def describe(self) -> str:
        what = ("full " if self.full else "partial " if self.scope else "") + self.kind.replace("_", " ")
        if self.scope:
            what += " on " + ", ".join(self.scope)
        if self.area and not self.route:
            what += " in " + (self.area.get("name") or self.area.get("admin1") or "")
        if self.route:
            names = [p["name"] for p in self.route]
            what += " from " + names[0] + (" via " + ", ".join(names[1:-1]) if len(names) > 2 else "") + \
                (" to " + names[-1] if len(names) > 1 else "")
        return what


def find_agreements(events: list[dict], texts: dict[str, str] | None = None) -> list[Agreement]:
    """Agreements and their alleged violations in ``events`` (stored event rows, any order). ``texts`` (article
    id -> text, as ``Store.texts`` gives) lets a corridor take its route from another sentence of its article
    ("Buses will go from Enerhodar via Vasylivka to Zaporizhzhia")."""
    events = sorted(events, key=lambda e: (date_of(e) or "", e.get("event_id") or 0))
    w = load_words()
    accused = {(e.get("doc_id"), (e.get("evidence") or {}).get("start")) for e in events if e["event_type"] == "ACCUSE"}
    found = [c for c in (read_commitment(ev, events, accused, w) for ev in events) if c is not None]
    members: dict[int, list[Commitment]] = {}  # id(agreement) -> its commitments
    agreements: list[Agreement] = []
    for c in found:
        if len(c.sides) >= 2:
            _join(agreements, members, c)
    for c in found:
        if len(c.sides) >= 2:
            continue
        home = _same_article(agreements, members, c, w)
        if home is not None:
            _add(home, members, c)
            continue
        # "The two sides exchanged 95 prisoners each", "Israel opened a corridor ... after fighting with Hamas": the
        # states its article speaks of
        c.sides = article_sides([e for e in events if e.get("doc_id") == c.ev.get("doc_id")], c.sides,
                                set(c.mediators))
        if len(c.sides) >= 2:
            _join(agreements, members, c)
        # else: an agreement binds two sides at least; a party's own pledge names no counterpart
    agreements.sort(key=lambda a: (min(date_of(c.ev) or "" for c in members[id(a)]), a.id))
    committed = {id(c.ev) for group in members.values() for c in group}
    for n, agreement in enumerate(agreements, start=1):
        agreement.id = n
        _settle(agreement, members[id(agreement)], w, texts)
        _collapse(agreement, events, committed)
        if any(s in ("agreed", "in force") for _, s, _ in agreement.status):
            agreement.violations = _violations(agreement, events, committed)
    return agreements


def _join(agreements: list[Agreement], members: dict, c: Commitment) -> None:
    """Add a commitment to the agreement of its kind, scope and sides within WINDOW_DAYS, or start one."""
    when = date_of(c.ev)
    match = next((a for a in agreements if a.kind == c.kind and a.full == c.full and set(a.scope) == set(c.scope)
                  and set(a.parties) == set(c.sides) and abs(days(a.start, when)) <= WINDOW_DAYS), None)
    if match is None:
        match = Agreement(id=len(agreements) + 1, kind=c.kind, full=c.full, scope=c.scope, parties=sorted(c.sides),
                          mediators=[], start=when, status=[], internal=c.internal)
        agreements.append(match)
        members[id(match)] = []
    _add(match, members, c)


def _add(agreement: Agreement, members: dict, c: Commitment) -> None:
    agreement.mediators = sorted((set(agreement.mediators) | set(c.mediators)) - set(agreement.parties))
    members[id(agreement)].append(c)


def _same_article(agreements: list[Agreement], members: dict, c: Commitment, w: Words) -> Agreement | None:
    """The agreement of the commitment's own article that it speaks of: of its kind (or a kind the data file
    relates to it), with its sides among the agreement's parties."""
    doc = c.ev.get("doc_id")
    kinds = {c.kind} | set(w.same_article.get(c.kind, ()))
    candidates = [a for a in agreements if a.kind in kinds and set(c.sides) <= set(a.parties)
                  and any(x.ev.get("doc_id") == doc for x in members[id(a)])]
    return min(candidates, key=lambda a: a.kind != c.kind) if candidates else None


def _settle(agreement: Agreement, group: list[Commitment], w: Words, texts: dict[str, str] | None) -> None:
    """Commitments and status over time (in date order), then the terms: time window, area and route."""
    group = sorted(group, key=lambda c: (date_of(c.ev) or "", c.ev.get("event_id") or 0))
    agreement.commitments = [c.ev for c in group]
    agreement.start = min((date_of(c.ev) for c in group if date_of(c.ev)), default=None)
    for c in group:
        if not agreement.status or agreement.status[-1][1] != c.status:
            agreement.status.append((date_of(c.ev), c.status, c.ev.get("event_id")))
    local = agreement.kind == "humanitarian_corridor" or any(w.local.search(clause(c.ev)) for c in group)
    related = [p for k, p in w.kinds if k == agreement.kind or k in w.same_article.get(agreement.kind, ())]
    following = _following(agreement.commitments, texts or {})
    # its own clauses and sentences first, then the sentences after them that speak of it or (for a corridor or a
    # local truce) of passage: "A local truce will hold from 10:00 until 18:00", "The first convoy leaves at 09:00"
    stated = [(clause(c), _sentence(c), date_of(c)) for c in agreement.commitments]
    stated += [(s, s, day) for s, day in following
               if any(p.search(s) for p in related) or (local and w.route_words.search(s))]
    for text, sentence, day in stated:
        start, end = terms.read_window(text, sentence, day)
        if start and "T" in start and (agreement.start is None or "T" not in agreement.start):
            agreement.start = start  # the clock time it begins
        if end and agreement.end is None:
            agreement.end = end
    sides = {p.split("-")[0] for p in agreement.parties}
    place = next((loc for loc in (_place_of(c) for c in agreement.commitments) if loc), None)
    if place and ((agreement.internal and sides == {place.get("country")}) or (local and place.get("country") in sides)):
        agreement.area = place
    if agreement.kind in w.route_kinds:
        sentences = [s for s in (_sentence(c) for c in agreement.commitments) if w.route_words.search(s)]
        sentences += [s for s, _ in following if local and w.route_words.search(s)]
        agreement.route, agreement.route_evidence = _route(agreement, list(dict.fromkeys(sentences)), w, place)
        if agreement.route and agreement.area and not any(
                haversine_km(agreement.area["lat"], agreement.area["lon"], p["lat"], p["lon"]) <= AREA_KM
                for p in agreement.route):
            agreement.area = None  # a place far from the route it names is no place the agreement covers


def _place_of(ev: dict) -> dict | None:
    """The place below a country an event names, unless it is the name of one of its parties ("Kyiv and Moscow
    agreed": Kyiv is a government, not a place)."""
    loc = ev.get("location") or {}
    said = {(e.get("text") or "").lower() for e in (*(ev.get("actor") or []), *(ev.get("recipient") or []))}
    return loc if loc.get("admin1") and (loc.get("text") or "").lower() not in said else None


def _sentence(ev: dict) -> str:
    return (ev.get("evidence") or {}).get("sentence", "")


def _following(commitments: list[dict], texts: dict[str, str]) -> list[tuple[str, str | None]]:
    """The FOLLOWING sentences after each commitment in its article, with the commitment's date."""
    out: dict[str, str | None] = {}
    for c in commitments:
        text = texts.get(c.get("doc_id") or "", "")
        at = (c.get("evidence") or {}).get("end")
        if not text or at is None:
            continue
        for s in _sentences(text[at:])[:FOLLOWING]:
            out.setdefault(s, date_of(c))
    return list(out.items())


def _route(agreement: Agreement, sentences: list[str], w: Words, place: dict | None) -> tuple[list[dict], str | None]:
    """The longest route the sentences give (the first of the longest), with the sentence it was read from;
    ``place``, where the agreement holds, starts a route that names no origin."""
    countries = list(dict.fromkeys(
        [c["location"]["country"] for c in agreement.commitments if (c.get("location") or {}).get("country")]
        + [p.split("-")[0] for p in agreement.parties]))
    best: tuple[list[dict], str | None] = ([], None)
    for sentence in sentences:
        route = terms.read_route(sentence, w.route, countries, _folded_country_names(), place)
        if len(route) > len(best[0]):
            best = (route, sentence)
    return best


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[\"“A-Z])|\n+", text) if s.strip()]


@functools.lru_cache(maxsize=1)
def _folded_country_names() -> frozenset[str]:
    from parley.actors.gazetteer import load_gazetteer
    from parley.ground.places import fold

    return frozenset(fold(n) for c in load_gazetteer().countries for n in (c.name, *c.aliases))


def _collapse(agreement: Agreement, events: list[dict], committed: set) -> None:
    """Later reports that the agreement took effect, then that it collapsed, in date order."""
    w = load_words()
    kind_words = dict(w.kinds).get(agreement.kind)
    start = _days(agreement.start)
    for ev in events:
        span = span_of(ev)
        if (start and span and span[1] < start[0]) or id(ev) in committed or \
                ev.get("status") in ("hypothetical", "planned", "intended", "negated"):
            continue  # "a withdrawal would mean abandoning an ally": what might be is no change of status
        sentence = (ev.get("evidence") or {}).get("sentence", "")
        parties = keys(ev.get("actor"), agreement.internal) | keys(ev.get("recipient"), agreement.internal)
        if not parties & set(agreement.parties) or (kind_words is not None and not kind_words.search(sentence)):
            continue
        if _near(w.collapse, kind_words, sentence):  # "the truce collapsed", not "abandons the fight"
            agreement.status.append((date_of(ev), "collapsed", ev.get("event_id")))
            return
        started = any(a.started for a in _anchors(agreement, sentence, w))  # "hours before the truce began"
        if (started or _near(w.in_force, kind_words, sentence)) and agreement.current == "agreed":
            agreement.status.append((date_of(ev), "in force", ev.get("event_id")))


def _near(words: re.Pattern, kind_words: re.Pattern | None, sentence: str, gap: int = 40) -> bool:
    """``words`` said of the agreement: a match within ``gap`` characters of a word naming its kind, not
    overlapping it ("the ceasefire collapsed", "the truce took effect")."""
    kinds = [m.span() for m in kind_words.finditer(sentence)] if kind_words is not None else []
    for m in words.finditer(sentence):
        a, b = m.span()
        if any(not (a < e and c < b) and min(abs(a - e), abs(c - b)) <= gap for c, e in kinds):
            return True
    return False


def _days(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a tracker date ("2025-03-14T10:00" is its day, "2025-04" all of April)."""
    return date_range((value or "")[:10])


def _in_time(agreement: Agreement, span: tuple[dt.date, dt.date] | None) -> bool | None:
    """Whether an event's days fall within the agreement's time, from its start to its end (the agreed term or
    the collapse, whichever is first; a day-precise bound counts its whole day): True when they all do, False
    when they all fall before the start or after the end, None (uncertain) when they straddle either or when the
    event or the agreement has no date."""
    start = _days(agreement.start)
    ends = [b for b in (_days(agreement.end),
                        _days(next((d for d, s, _ in agreement.status if s == "collapsed"), None))) if b]
    if span is None or start is None:
        return None if span is None or not any(span[0] > b[1] for b in ends) else False
    first, last = span
    if last < start[0] or any(first > b[1] for b in ends):
        return False
    return None if first < start[1] or any(last > b[0] for b in ends) else True


def _anchors(agreement: Agreement, sentence: str, w: Words) -> list[terms.Anchor]:
    """The time anchors of a sentence that name this agreement: by a word of its kind (or of a kind its reports
    speak of it as, a corridor's truce), or by "it" in a sentence that names its kind."""
    kinds = {agreement.kind} | set(w.same_article.get(agreement.kind, ()))
    kind_words = dict(w.kinds).get(agreement.kind)
    named = kind_words is not None and bool(kind_words.search(sentence))
    return [a for a in w.anchors(sentence) if a.kind in kinds or (a.kind is None and named)]


def _violations(agreement: Agreement, events: list[dict], committed: set) -> list[Violation]:
    w = load_words()
    parties = set(agreement.parties)
    kind_words = dict(w.kinds).get(agreement.kind)
    violating = w.violating.get(agreement.kind, set())
    found: list[Violation] = []
    for ev in events:
        within = _in_time(agreement, span_of(ev))
        if id(ev) in committed or within is False:
            continue  # before the start, or after the agreed term or the collapse
        if ev.get("status") in ("negated", "planned", "intended", "hypothetical"):
            continue
        sentence = (ev.get("evidence") or {}).get("sentence", "")
        anchor = terms.anchor_at(sentence, trigger_at(ev), _anchors(agreement, sentence, w))
        if anchor is not None and anchor.relation in (terms.BEFORE_START, terms.AFTER_END):
            continue  # "hours before the truce began, warplanes struck", "since the truce collapsed"
        place = _place(agreement, ev.get("location") or {}, sentence, w)
        if place is False:
            continue
        actors, recipients = keys(ev.get("actor"), agreement.internal), keys(ev.get("recipient"), agreement.internal)
        if ev["event_type"] == "ACCUSE" and actors & parties and recipients & (parties - actors) and (
                ev.get("mode") == "allege" or (kind_words is not None and kind_words.search(sentence))):
            found.append(_violation(ev, "accusation", sorted(recipients & parties), sorted(actors & parties)[0],
                                    within is None))
        elif ev["event_type"] in violating and actors & parties and (recipients & (parties - actors) or place):
            # on a corridor's route or in a local truce's area the attacked are whoever is there: the attacker suffices
            if agreement.scope and not set(ev.get("targets") or []) & set(agreement.scope):
                continue
            claim = next(iter(keys([ev["claimed_by"]], agreement.internal)), None) if ev.get("claimed_by") else None
            found.append(_violation(ev, "event", sorted(actors & parties), claim, within is None))
    return found


def _place(agreement: Agreement, loc: dict, sentence: str, w: Words) -> bool | None:
    """Whether a report falls where the agreement holds: True on a corridor's route (within ROUTE_KM) or in its
    area, False elsewhere, None when the agreement covers everywhere. A report that names no place below a
    country is given the benefit of the doubt for an area, and for a route when it speaks of the agreement or of
    passage ("fired on an evacuation convoy")."""
    from parley.ground.routes import km_to_route

    if not agreement.route and not agreement.area:
        return None
    if not loc.get("admin1"):
        if loc.get("country") and loc.get("country") not in {p.split("-")[0] for p in agreement.parties} | {
                p["country"] for p in agreement.route}:
            return False
        if not agreement.route:
            return True
        kind_words = dict(w.kinds).get(agreement.kind)
        return bool(w.route_words.search(sentence) or (kind_words is not None and kind_words.search(sentence)))
    if agreement.area and _within(loc, agreement.area):
        return True
    if agreement.route and loc.get("lat") is not None:
        km = km_to_route(loc["lat"], loc["lon"], agreement.route)
        return km is not None and km <= ROUTE_KM
    return False


def _within(loc: dict, area: dict) -> bool:
    """A place inside an agreement's area: the same region, or within AREA_KM of its place."""
    from parley.store.stories import _km

    km = _km(loc, area)
    return loc.get("admin1") == area.get("admin1") or (km is not None and km <= AREA_KM)


def _violation(ev: dict, kind: str, against: list[str], alleged_by: str | None, uncertain: bool) -> Violation:
    span = span_of(ev)
    return Violation(event_id=ev.get("event_id"), date=date_of(ev), kind=kind, against=against, alleged_by=alleged_by,
                     event_type=ev["event_type"], evidence=(ev.get("evidence") or {}).get("sentence", ""),
                     outlet=ev.get("outlet"), url=ev.get("url"),
                     date_start=span[0].isoformat() if span else None, date_end=span[1].isoformat() if span else None,
                     uncertain=uncertain)


ROUTE_FIELDS = ("name", "lat", "lon", "country", "geonameid")


def _parties(entities) -> list[str]:
    return [e["country"] for e in entities or [] if e.get("country")]


def agreement_key(a: Agreement) -> str:
    """A stable, readable id for an agreement: its kind, what it covers (``full``, its scope, its area or route),
    its parties sorted and its start: "ceasefire-energy-RUS-UKR-2025-03-19", "ceasefire-full-RUS-UKR-2025-03-19",
    "ceasefire-IND-PAK-2025-05-10". Unlike ``Agreement.id`` (a rank), it stays the same when other articles are
    stored. Two agreements that still share one (the API and the dashboard) get "-2", "-3" in the order found."""
    covers = ["full"] if a.full else list(a.scope)
    if a.route:
        covers += [p.get("name") or "" for p in a.route]
    elif a.area:
        covers.append(a.area.get("name") or a.area.get("admin1") or "")
    start = (a.start or "undated").replace(":", "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", "-".join([a.kind, *filter(None, covers), *sorted(a.parties), start]))


def with_keys(agreements: list[Agreement]) -> list[tuple[str, Agreement]]:
    """Each agreement with its id: :func:`agreement_key`, and "-2", "-3" for the later of agreements that still
    share one, in the order found."""
    out, seen = [], {}
    for a in agreements:
        key = agreement_key(a)
        seen[key] = seen.get(key, 0) + 1
        out.append((key if seen[key] == 1 else f"{key}-{seen[key]}", a))
    return out


def agreements_json(agreements: list[Agreement]) -> list[dict]:
    """One JSON object per agreement: every field of :class:`Agreement` (``route`` as ordered places with
    ROUTE_FIELDS), its description, current status, status history and commitments."""
    import dataclasses

    out = []
    for a in agreements:
        d = dataclasses.asdict(a)
        d["description"], d["current"], d["key"] = a.describe(), a.current, agreement_key(a)
        d["status"] = [{"date": dt, "status": st, "event_id": eid} for dt, st, eid in a.status]
        d["route"] = [{k: p.get(k) for k in ROUTE_FIELDS} for p in a.route]
        d["commitments"] = [{"event_id": c.get("event_id"), "event_type": c["event_type"],
                             "by": _parties(c.get("actor")), "date": date_of(c),
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
            lines.append(f"    {verb} by {'+'.join(_parties(c.get('actor'))) or '?'}: "
                         f"{(c.get('evidence') or {}).get('sentence', '')[:110]}")
        for v in a.violations:
            by = f"alleged by {v.alleged_by}" if v.alleged_by else "reported"
            lines.append(f"    {v.date or '?'}  violation by {'+'.join(v.against)} ({v.kind}, {by}"
                         + (", date uncertain" if v.uncertain else "") + "): "
                         f"{v.evidence[:100]}")
    return "\n".join(lines) + ("\n" if lines else "(no agreements)\n")
