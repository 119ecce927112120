"""Story events: the same happening reported by many outlets, merged into one record.

Reports are compared only within blocks: the same PLOVER type and a country involved (an actor's, a
recipient's or the place's, so that each side blaming the other for one shelling meets in a block), sorted
by date, each compared with the reports of the two days before it. Within a block, two reports are the same
happening when their places are within 50 km, or, when one names no town, when their sentences share enough
words; never when their targets differ. Reports of the same article text (agency copy
reprinted, found by MinHash over word shingles) are always the same happening. Union-find joins them.
Cost: linear in the number of events, times the few reports a block holds per day.

A story lists every report with its outlet, URL and claimant; the best value of each field is the one most
reports give, with its support. Reports that contradict one another (one side says it happened, the other
denies it, or each side names the other as the attacker) are kept side by side and the story is marked
disputed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

DAYS = 2  # reports of one happening carry dates at most this far apart
NEAR_KM = 50.0  # places of one happening are at most this far apart
MIN_WORDS = 0.12  # least word overlap (Jaccard of content words) between two reports' sentences
STOP = frozenset("""a an the of in on at to for from by with and or but as is was were are be been has have had
that this it its their his her they he she which who said says say told reported according after before
during over into about than then also not no on monday tuesday wednesday thursday friday saturday sunday
yesterday today night morning evening week""".split())


@dataclass
class Story:
    id: int
    event_type: str
    countries: list[str]
    first_date: str | None
    last_date: str | None
    first_report: str | None
    last_report: str | None
    reports: list[dict] = field(default_factory=list)  # event_id, doc_id, outlet, url, claimed_by, status, actors
    best: dict = field(default_factory=dict)  # field -> {"value": v, "support": n}
    disputed: bool = False
    outlets: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- near-duplicate articles
def shingles(text: str, k: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {int(hashlib.blake2b(" ".join(words[i:i + k]).encode(), digest_size=8).hexdigest(), 16)
            for i in range(max(1, len(words) - k + 1))}


def minhash(sh: set[int], n: int = 32) -> tuple[int, ...]:
    mask = (1 << 61) - 1
    return tuple(min(((h * (2 * i + 1) + i * 0x9E3779B97F4A7C15) & mask) for h in sh) if sh else 0
                 for i in range(n))


def near_duplicates(texts: dict[str, str], threshold: float = 0.7, bands: int = 8) -> dict[str, str]:
    """Article id -> the id of the first article (in ``texts`` order) whose text it nearly repeats."""
    sigs = {k: minhash(shingles(t)) for k, t in texts.items()}
    rows = len(next(iter(sigs.values()), ())) // bands or 1
    buckets: dict = defaultdict(list)
    for k, sig in sigs.items():
        for b in range(bands):
            buckets[(b, sig[b * rows:(b + 1) * rows])].append(k)
    order = {k: i for i, k in enumerate(texts)}
    dup: dict[str, str] = {}
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                same = sum(x == y for x, y in zip(sigs[a], sigs[b])) / len(sigs[a])
                if same >= threshold:
                    first, second = sorted((a, b), key=order.get)
                    dup.setdefault(second, dup.get(first, first))
    return dup


# ---------------------------------------------------------------------------- merging
def _countries(entities) -> set[str]:
    return {e["country"] for e in entities or [] if e.get("country")}


def _involved(ev: dict) -> frozenset[str]:
    loc = ev.get("location") or {}
    return frozenset(_countries(ev.get("actor")) | _countries(ev.get("recipient")) |
                     ({loc["country"]} if loc.get("country") else set()))


def _date(ev: dict) -> dt.date | None:
    from parley.ground.dates import first_day

    return first_day(ev.get("date")) or first_day(ev.get("doc_date"))


FAMILY = {"AGREE": "accord", "RETREAT": "accord", "CONSULT": "accord", "ASSAULT": "force", "COERCE": "force"}
"""Types that outlets report one happening as ("agreed to a swap" / "exchanged prisoners", "detained" / "seized
in raids"): such reports share a block, and need shared words as well as close places to merge."""


def _family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def _words(ev: dict) -> set[str]:
    text = (ev.get("evidence") or {}).get("sentence", "") + " " + (ev.get("title") or "")
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}


def _km(a: dict, b: dict) -> float | None:
    from parley.ground.places import haversine_km

    if a.get("lat") is None or b.get("lat") is None:
        return None
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def same_happening(a: dict, b: dict, wa: set[str], wb: set[str]) -> bool:
    """Two reports of one family of types, a shared country and close days: the same happening when their
    places are close, or, a place missing, when their words overlap; never when their targets differ. Reports
    of two types of a family must share words as well."""
    ta, tb = set(a.get("targets") or []), set(b.get("targets") or [])
    if ta and tb and not ta & tb:
        return False
    words = len(wa & wb) / max(1, len(wa | wb)) >= MIN_WORDS
    if a["event_type"] != b["event_type"] and not words:
        return False
    la, lb = a.get("location") or {}, b.get("location") or {}
    km = _km(la, lb) if la.get("admin1") and lb.get("admin1") else None  # towns, not whole countries
    if km is not None:
        return km <= NEAR_KM
    if la.get("admin1") and lb.get("admin1") and la["admin1"] != lb["admin1"]:
        return False
    return words


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def merge(events: list[dict], articles: dict[str, str] | None = None, stats: dict | None = None,
          sources: dict[str, list[dict]] | None = None) -> list[Story]:
    """Story events from stored event rows (each with ``event_id``, ``doc_id``, ``outlet``, ``url``,
    ``doc_date``). ``articles`` (doc id -> text), when given, finds agency copies; ``sources`` (doc id -> the
    outlets that printed the same text, ``Store.sources()``) adds reprints to each story's outlets. ``stats``,
    when given, receives the number of report pairs compared."""
    compared = 0
    events = [e for e in events if e.get("status") != "hypothetical"]
    n = len(events)
    u = _Union(n)
    words = [_words(e) for e in events]
    dates = [_date(e) for e in events]
    dup = near_duplicates(articles) if articles else {}
    copy_of = [dup.get(e.get("doc_id"), e.get("doc_id")) for e in events]  # an agency copy counts as its original
    blocks: dict = defaultdict(list)
    for i, e in enumerate(events):  # one block per type and country involved: coders err on one side only
        for country in _involved(e) or {None}:
            blocks[(_family(e["event_type"]), country)].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: dates[i] or dt.date.min)
        for pos, i in enumerate(members):
            for back in range(pos - 1, -1, -1):
                j = members[back]
                if dates[i] and dates[j] and (dates[i] - dates[j]).days > DAYS:
                    break
                if events[i].get("doc_id") == events[j].get("doc_id"):
                    continue  # one article reports one happening once; its other clauses are other events
                compared += 1
                if copy_of[i] == copy_of[j] or same_happening(events[i], events[j], words[i], words[j]):
                    u.join(i, j)
    groups: dict = defaultdict(list)
    for i in range(n):
        groups[u.find(i)].append(events[i])
    if stats is not None:
        stats["comparisons"] = compared
    stories = [_story(k + 1, g) for k, g in enumerate(sorted(groups.values(), key=lambda g: _first(g)))]
    for story in stories if sources else ():
        extra = {src["outlet"] for r in story.reports for src in sources.get(r["doc_id"], ()) if src.get("outlet")}
        story.outlets = sorted(set(story.outlets) | extra)
    return stories


CONFLICT = ("ASSAULT", "COERCE", "ACCUSE", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE")
MATERIAL = ("ASSAULT", "COERCE", "PROTEST", "RETREAT", "AID", "SANCTION", "MOBILIZE", "COOPERATE")


def primary(article_events: list[dict]) -> dict | None:
    """The happening an article reports: its first material event (an attack, an arrest, a protest, an
    exchange) when it has one, since the statements around it (an accusation, a denial) are about it; else
    its first event."""
    return next((e for e in article_events if e["event_type"] in MATERIAL and e.get("status") != "hypothetical"),
                article_events[0] if article_events else None)


def _first(group):
    return min((e.get("doc_date") or "", e.get("event_id") or 0) for e in group)


def _best(values) -> dict | None:
    counts = Counter(v for v in values if v not in (None, "", []))
    if not counts:
        return None
    value, support = counts.most_common(1)[0]
    return {"value": value, "support": support}


def _story(sid: int, group: list[dict]) -> Story:
    dates = sorted(filter(None, (e.get("date") for e in group)))
    reports = sorted(filter(None, (e.get("doc_date") for e in group)))
    involved = set().union(*(_involved(e) for e in group))
    best = {}
    for name, values in (
            ("date", [e.get("date") for e in group]), ("mode", [e.get("mode") for e in group]),
            ("actor", [",".join(sorted(_countries(e.get("actor")))) for e in group]),
            ("recipient", [",".join(sorted(_countries(e.get("recipient")))) for e in group]),
            ("place", [(e.get("location") or {}).get("name") for e in group]),
            ("fatalities", [e.get("fatalities") for e in group]), ("injured", [e.get("injured") for e in group]),
            ("arrested", [e.get("arrested") for e in group]),
            ("acled_sub_event_type", [e.get("acled_sub_event_type") for e in group])):
        b = _best(values)
        if b is not None:
            best[name] = b
    # disputed: one report denies what another says happened, or, in a conflict, each names another attacker
    negation = len({e.get("status") == "negated" for e in group}) > 1
    actor_sets = [frozenset(_countries(e.get("actor"))) for e in group if _countries(e.get("actor"))]
    blame = group[0]["event_type"] in CONFLICT and any(not a & b for a in actor_sets for b in actor_sets)
    disputed = negation or blame
    rows = [{"event_id": e.get("event_id"), "doc_id": e.get("doc_id"), "outlet": e.get("outlet"),
             "url": e.get("url"), "doc_date": e.get("doc_date"), "status": e.get("status"),
             "claimed_by": (e.get("claimed_by") or {}).get("country"), "actor": sorted(_countries(e.get("actor"))),
             "evidence": (e.get("evidence") or {}).get("sentence", "")} for e in group]
    return Story(id=sid, event_type=group[0]["event_type"], countries=sorted(involved),
                 first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                 first_report=reports[0] if reports else None, last_report=reports[-1] if reports else None,
                 reports=rows, best=best, disputed=disputed,
                 outlets=sorted({e.get("outlet") for e in group if e.get("outlet")}))
