"""The dashboard: server-rendered pages over the store, working offline.

Pages call the same library functions as the CLI (``Store.events``, ``stories.merge``,
``agreements.find_agreements``) and render Jinja2 templates with autoescape on: article text, evidence and names
are always escaped, never marked safe. Data for the map and the chart travel as JSON inside a
``<script type="application/json">`` block (``tojson`` escapes ``<``, ``>`` and ``&``) and are shown by
``static/dashboard.js`` with ``textContent``, never ``innerHTML``. Scripts and styles are vendored under
``static/vendor/`` (``scripts/vendor_web.py``): no page loads anything from another host.

- ``/``: events per day, week or month by quad class, a map of events (marker size and outline by location
  precision), top dyads, latest agreements;
- ``/events``: the filters of ``parley events`` as a GET form, results as a table, paged;
- ``/events/{id}``: its article with the evidence sentence highlighted, every report of its story and who
  claims what;
- ``/agreements/{id}``: parties and mediators, status over time, commitments, alleged violations with their
  claimants and evidence, its parties' events since it began by type and week;
- ``/actors/{code}``: an actor's timeline and counterparts.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from parley.errors import ParleyError
from parley.store.agreements import Agreement
from parley.store.filters import STATUSES
from parley.store.stories import DAYS, merge

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 50
QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")
FORM_FIELDS = ("since", "until", "actor", "recipient", "type", "status", "claimed_by", "place", "precision")

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True))


# ---------------------------------------------------------------------------- ids and small helpers
def _codes(entities) -> list[str]:
    return [e["country"] for e in entities or [] if e.get("country")]


def _who(entities) -> str:
    """Codes with sectors ("RUS/GOV"), else the text."""
    out = []
    for e in entities or []:
        code = e.get("country") or ""
        out.append(code + ("/" + e["sector"] if e.get("sector") else "") if code else (e.get("text") or ""))
    return ", ".join(filter(None, out))


def _day(ev: dict) -> str | None:
    return ev.get("date_start") or ev.get("doc_date")


def _bucket(day: str, by: str) -> str:
    d = dt.date.fromisoformat(day[:10])
    if by == "day":
        return d.isoformat()
    if by == "month":
        return d.strftime("%Y-%m")
    return (d - dt.timedelta(days=d.weekday())).isoformat()  # the Monday of its week


def _row(ev: dict) -> dict:
    """What a table row shows of an event."""
    loc = ev.get("location") or {}
    return {"id": ev["event_id"], "date": ev.get("date") or ev.get("doc_date"), "type": ev["event_type"],
            "mode": ev.get("mode"), "quad": ev.get("quad_class"), "actor": _who(ev.get("actor")),
            "actor_codes": _codes(ev.get("actor")), "recipient": _who(ev.get("recipient")),
            "recipient_codes": _codes(ev.get("recipient")), "status": ev.get("status"),
            "claimed_by": (ev.get("claimed_by") or {}).get("country"), "place": loc.get("name") or loc.get("text"),
            "precision": loc.get("precision"), "evidence": (ev.get("evidence") or {}).get("sentence", ""),
            "title": ev.get("title"), "outlet": ev.get("outlet")}


def _counts_by(rows: list[dict], by: str) -> dict:
    """Chart data: periods in order and, per quad class, the events of each period."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for ev in rows:
        day = _day(ev)
        if day:
            counts[_bucket(day, by)][ev.get("quad_class") or "NONE"] += 1
    periods = sorted(counts)
    return {"labels": periods, "series": {q: [counts[p][q] for p in periods] for q in QUADS}}


def _points(rows: list[dict]) -> list[dict]:
    out = []
    for ev in rows:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        out.append({"id": ev["event_id"], "lat": loc["lat"], "lon": loc["lon"], "precision": loc.get("precision"),
                    "quad": ev.get("quad_class"), "label": f"{ev.get('date') or ''} {ev['event_type']} "
                    f"{_who(ev.get('actor'))} -> {_who(ev.get('recipient'))} at {loc.get('name') or loc.get('text')}"})
    return out


def _agreements(store) -> list[tuple[str, Agreement]]:
    """Every agreement in the store with its id, as the API gives it (cached until the store changes)."""
    from parley.web.routes_api import stored_agreements

    return stored_agreements(store)[0]


def _page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _not_found(request: Request, what: str) -> HTMLResponse:
    return _page(request, "404.html", status_code=404, what=what)


# ---------------------------------------------------------------------------- pages
@router.get("/", response_class=HTMLResponse)
def overview(request: Request, by: str = "week") -> HTMLResponse:
    store = request.app.state.store
    by = by if by in ("day", "week", "month") else "week"
    rows = list(store.events())
    dyads = Counter((a, r) for ev in rows for a in set(_codes(ev.get("actor")))
                    for r in set(_codes(ev.get("recipient"))) if a != r)
    found = sorted(_agreements(store), key=lambda p: p[1].start or "", reverse=True)
    return _page(request, "overview.html", by=by, counts=store.counts(), chart=_counts_by(rows, by),
                 points=_points(rows), dyads=dyads.most_common(10), agreements=found[:8], quads=QUADS)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, page: int = 1) -> HTMLResponse:
    store = request.app.state.store
    form = {k: (request.query_params.get(k) or "").strip() for k in FORM_FIELDS}
    filters: dict = {k: v or None for k, v in form.items()}
    error = None
    rows: list[dict] = []
    page = max(page, 1)
    more = False
    try:
        if filters["precision"] is not None:
            if not filters["precision"].isdigit():
                raise ValueError(f"precision: {filters['precision']!r} is not a number (1 town, 2 district, "
                                 f"3 region or country)")
            filters["precision"] = int(filters["precision"])
        start = (page - 1) * PAGE_SIZE
        found = list(itertools.islice(store.events(**filters, limit=start + PAGE_SIZE + 1), start, None))
        more = len(found) > PAGE_SIZE
        rows = [_row(ev) for ev in found[:PAGE_SIZE]]
    except (ParleyError, ValueError) as exc:
        error = str(exc)
    query = urlencode({k: v for k, v in form.items() if v})
    return _page(request, "events.html", status_code=400 if error else 200, form=form, rows=rows, error=error,
                 page=page, more=more, query=query, statuses=STATUSES, page_size=PAGE_SIZE)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    store = request.app.state.store
    ev = store.event(int(event_id)) if event_id.isdigit() and len(event_id) < 19 else None
    if ev is None:
        return _not_found(request, f"event {event_id}")
    text = store.texts_of([ev["doc_id"]]).get(ev["doc_id"], "")
    span = ev.get("evidence") or {}
    s, e = span.get("start"), span.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text):
        parts = (text[:s], text[s:e], text[e:])
    else:
        parts = (text, "", "")
    story = _story_of(store, ev)
    return _page(request, "event.html", ev=ev, row=_row(ev), parts=parts, story=story)


def _story_of(store, ev: dict):
    """The story (merged reports) holding ``ev``: reports of its type within the days a story may span."""
    day = _day(ev)
    near = [ev]
    if day:
        d = dt.date.fromisoformat(day[:10])
        since, until = (d - dt.timedelta(days=DAYS + 1)).isoformat(), (d + dt.timedelta(days=DAYS + 1)).isoformat()
        near = list(store.events(type=ev["event_type"], since=since, until=until))
    docs = {e["doc_id"] for e in near}
    texts = store.texts_of(docs)
    sources = store.sources()
    stories = merge(near, texts, sources={k: v for k, v in sources.items() if k in docs})
    return next((s for s in stories if any(r["event_id"] == ev["event_id"] for r in s.reports)), None)


@router.get("/agreements/{agreement}", response_class=HTMLResponse)
def agreement_page(request: Request, agreement: str) -> HTMLResponse:
    store = request.app.state.store
    a = next((a for key, a in _agreements(store) if key == agreement), None)
    if a is None:
        return _not_found(request, f"agreement {agreement}")
    since = (a.start or "")[:10] or None
    by_type: Counter = Counter()
    on_scope = 0  # attacks on what a partial agreement covers (strikes on energy since the energy ceasefire)
    weeks: dict[str, Counter] = defaultdict(Counter)
    if since and len(a.parties) >= 2:
        for ev in store.events(since=since):
            actors, recipients = set(_codes(ev.get("actor"))), set(_codes(ev.get("recipient")))
            if actors & set(a.parties) and recipients & set(a.parties) and not (actors <= recipients):
                by_type[ev["event_type"]] += 1
                if a.scope and ev["event_type"] == "ASSAULT" and set(ev.get("targets") or ()) & set(a.scope):
                    on_scope += 1
                day = _day(ev)
                if day and day >= since:
                    weeks[_bucket(day, "week")][ev["event_type"]] += 1
    types = sorted(by_type, key=lambda t: -by_type[t])
    return _page(request, "agreement.html", a=a, key=agreement, since=since, by_type=by_type, types=types, on_scope=on_scope,
                 weeks=[(w, weeks[w]) for w in sorted(weeks)])


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    store = request.app.state.store
    try:
        as_actor = list(store.events(actor=code))
        as_recipient = list(store.events(recipient=code))
    except ParleyError:
        return _not_found(request, f"actor {code}")
    code = code.upper()
    seen: dict[int, dict] = {}
    for ev in as_actor + as_recipient:
        seen.setdefault(ev["event_id"], ev)
    rows = sorted(seen.values(), key=lambda ev: (_day(ev) or "", ev["event_id"]))
    counterparts: dict[str, Counter] = defaultdict(Counter)
    for ev in as_actor:
        for r in set(_codes(ev.get("recipient"))) - {code}:
            counterparts[r]["as actor"] += 1
    for ev in as_recipient:
        for a in set(_codes(ev.get("actor"))) - {code}:
            counterparts[a]["as recipient"] += 1
    ranked = sorted(counterparts.items(), key=lambda kv: -sum(kv[1].values()))
    return _page(request, "actor.html", code=code, rows=[_row(ev) for ev in rows], chart=_counts_by(rows, "month"),
                 counterparts=ranked, quads=QUADS)
