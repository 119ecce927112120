"""The JSON API under ``/api``: the store's events, stories, agreements and counts, read with the filters of
``parley events``.

Each route parses its query into the filter object the CLI builds (:func:`~parley.store.filters.validate_filters`)
and calls the store; a bad parameter is a coded 400 (or FastAPI's 422), never a server error. ``/api/events``
pages with a keyset cursor and downloads every matching event as JSON Lines, CSV, ACLED-style CSV or Parquet,
page by page, in constant memory.
"""
from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict

from parley.errors import Errors, InputError
from parley.store.agreements import Agreement
from parley.store.filters import validate_filters
from parley.store.queries import decode_cursor, encode_cursor, iso_week

router = APIRouter(prefix="/api", tags=["api"])

PAGE = 100  # events per page unless ``limit`` says otherwise
MAX_PAGE = 1000  # the most events one page holds
DOWNLOAD_PAGE = 1000  # events read from the store at a time while a download streams
MAX_ID = 2**63 - 1  # the largest id a database integer holds


# ---------------------------------------------------------------------------- response models
class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventOut(Open):
    """A stored event: every field of its record (``parley code --format jsonl``), plus ``event_id`` and its
    article's ``doc_id``, ``url``, ``outlet``, ``title``, ``doc_date`` and ``coder_version``."""

    event_id: int
    doc_id: str
    event_type: str
    status: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    evidence: dict[str, Any] | None = None


class EventsPage(BaseModel):
    events: list[EventOut]
    next: str | None = None


class Report(Open):
    event_id: int | None = None
    doc_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    evidence: dict[str, Any]


class EventDetail(BaseModel):
    event: EventOut
    story: dict[str, Any] | None
    reports: list[Report]


class StoriesPage(BaseModel):
    stories: list[dict[str, Any]]
    next: str | None = None


class AgreementOut(Open):
    id: str
    kind: str
    parties: list[str]
    start: str | None = None
    current: str


class AgreementsList(BaseModel):
    agreements: list[AgreementOut]


class AgreementDetail(AgreementOut):
    counts: dict[str, Any]


class Timeline(BaseModel):
    actor: str
    events: int
    by_type: list[dict[str, Any]]
    by_quad_class: list[dict[str, Any]]
    counterparts: list[dict[str, Any]]


class Dyads(BaseModel):
    dyads: list[dict[str, Any]]


class Stats(Open):
    articles: int
    events: int
    by_type: dict[str, int]
    by_quad_class: dict[str, int]
    by_country: dict[str, int]
    first_day: str | None = None
    last_day: str | None = None


# ---------------------------------------------------------------------------- filters
async def _dates(since: Annotated[str | None, Query(description="a day YYYY-MM-DD, a month YYYY-MM or a year YYYY: events "
                                                          "whose days overlap it or come later")] = None,
           until: Annotated[str | None, Query(description="a day, month or year: events whose days overlap it or "
                                                          "come earlier")] = None) -> dict:
    return {"since": since, "until": until}


async def event_filters(
        dates: Annotated[dict, Depends(_dates)],
        actor: Annotated[str | None, Query(description="an actor's country or organisation code (RUS)")] = None,
        recipient: Annotated[str | None, Query(description="a recipient's code (UKR)")] = None,
        type: Annotated[str | None, Query(description="PLOVER event type(s), comma-separated")] = None,
        status: Annotated[str | None, Query(description="occurred, ongoing, planned, intended, hypothetical or "
                                                        "negated")] = None,
        claimed_by: Annotated[str | None, Query(description="the claimant's code")] = None,
        place: Annotated[str | None, Query(description="part of a place name, a region or district, or a country "
                                                       "code")] = None,
        precision: Annotated[int | None, Query(description="the largest location precision kept: 1 the town "
                                                           "itself, 2 near it or its district, 3 a region")] = None,
        quad_class: Annotated[str | None, Query(description="quad class(es), comma-separated: VERBAL_COOPERATION, "
                                                            "MATERIAL_COOPERATION, VERBAL_CONFLICT, "
                                                            "MATERIAL_CONFLICT")] = None,
        acled_type: Annotated[str | None, Query(description="ACLED event type(s), comma-separated")] = None,
        min_confidence: Annotated[float | None, Query(description="the least confidence kept, 0 to 1")] = None,
        country: Annotated[str | None, Query(description="the country code of the event's location")] = None,
        min_lat: Annotated[float | None, Query(description="bounding box of the location: all four or none")] = None,
        min_lon: Annotated[float | None, Query()] = None,
        max_lat: Annotated[float | None, Query()] = None,
        max_lon: Annotated[float | None, Query()] = None,
        text: Annotated[str | None, Query(description="words the evidence sentence contains, any case")] = None,
) -> dict:
    """The query's filters, checked (a coded 400 names the nearest valid values)."""
    return validate_filters(**dates, actor=actor, recipient=recipient, type=type, status=status,
                            claimed_by=claimed_by, place=place, precision=precision, quad_class=quad_class,
                            acled_type=acled_type, min_confidence=min_confidence, country=country, min_lat=min_lat,
                            min_lon=min_lon, max_lat=max_lat, max_lon=max_lon, text=text)


Filters = Annotated[dict, Depends(event_filters)]
Limit = Annotated[int, Query(description=f"events per page, 1 to {MAX_PAGE}")]
Cursor = Annotated[str | None, Query(max_length=200, description="the 'next' of the page before")]


def _size(limit: int) -> int:
    if isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise InputError("P049", "limit", Errors.P049.format(value=limit, cap=MAX_PAGE))
    return limit


def _next_link(request: Request, cursor: str) -> dict[str, str]:
    return {"Link": f'<{request.url.include_query_params(cursor=cursor)}>; rel="next"'}


# ---------------------------------------------------------------------------- events
@router.get("/events", response_model=EventsPage, responses={
    200: {"description": "a page of events, or with ``format`` a download of every matching event",
          "content": {"application/x-ndjson": {}, "text/csv": {}, "application/vnd.apache.parquet": {}}}})
async def list_events(request: Request, filters: Filters, limit: Limit = PAGE, cursor: Cursor = None,
                format: Annotated[Literal["json", "jsonl", "csv", "parquet", "acled"],
                                  Query(description="json: a page; the others download every match")] = "json"):
    """Events matching every filter, ordered by their first day then id (events without days first): a page of
    ``limit`` with the ``next`` cursor (also in a ``Link: rel="next"`` header), or with ``format`` every match
    as a streamed download. From a SQLite store a page is read on the event loop itself: a keyset read of a local
    file takes a few milliseconds of CPU, less than handing it to a thread costs when many requests wait; from a
    database server, whose answers are waited for, in a thread, so that requests overlap. A download streams
    from a thread."""
    store = request.app.state.store
    if format != "json":
        return _download(store, filters, format)
    after = decode_cursor(cursor) if cursor else None
    read = functools.partial(store.page, filters, after, _size(limit), as_json=True)
    rows, key = read() if store.engine.dialect.name == "sqlite" else await run_in_threadpool(read)
    nxt = encode_cursor(*key) if key else None
    body = '{"events": [' + ", ".join(rows) + '], "next": ' + json.dumps(nxt) + "}"
    return Response(body, media_type="application/json", headers=_next_link(request, nxt) if nxt else None)


def _download(store, filters: dict, fmt: str) -> StreamingResponse:
    media = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "acled": "text/csv; charset=utf-8",
             "parquet": "application/vnd.apache.parquet"}[fmt]
    name = "parley-events-acled.csv" if fmt == "acled" else f"parley-events.{fmt}"
    if fmt == "parquet":
        from parley.export.analyst import require_pyarrow

        require_pyarrow("format=parquet")  # refused before the response starts, not in the middle of it
    pages = store.pages(filters, DOWNLOAD_PAGE)
    chunks = _parquet(pages) if fmt == "parquet" else _text(pages, fmt)
    return StreamingResponse(chunks, media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _text(pages: Iterator[list[dict]], fmt: str) -> Iterator[bytes]:
    """The download in ``fmt`` a page at a time, written as ``parley export`` writes it."""
    import io

    from parley.export.analyst import row_writer

    buf = io.StringIO()
    write = row_writer(fmt, buf)
    for rows in pages:
        for ev in rows:
            write(ev)
        yield buf.getvalue().encode("utf-8")
        buf.seek(0)
        buf.truncate()
    if buf.tell():  # no event matched: the header alone
        yield buf.getvalue().encode("utf-8")


def _parquet(pages: Iterator[list[dict]]) -> Iterator[bytes]:
    """One row group per page written to a temporary file, then the file streamed and removed."""
    import os
    import tempfile

    from parley.export.analyst import write_parquet

    fd, path = tempfile.mkstemp(suffix=".parquet", prefix="parley-")
    os.close(fd)
    try:
        write_parquet(pages, path)
        with open(path, "rb") as f:
            while chunk := f.read(1 << 16):
                yield chunk
    finally:
        os.unlink(path)


EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="the event's id (event_id)")]


@router.get("/events/{event_id}", response_model=EventDetail)
def get_event(request: Request, event_id: EventId) -> dict:
    """The event, the story it belongs to (every report of the same happening, :func:`parley.store.stories.merge`)
    and each report's evidence: its sentence, the sentence's start and end in its article, and the article."""
    import dataclasses
    import datetime as dt

    from parley.store.stories import DAYS, merge

    store = request.app.state.store
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event has the id {event_id}")
    first = event.get("date_start") or event.get("doc_date")
    last = event.get("date_end") or first
    window = []
    try:
        since = (dt.date.fromisoformat(first) - dt.timedelta(days=DAYS)).isoformat()
        until = (dt.date.fromisoformat(last) + dt.timedelta(days=DAYS)).isoformat()
        window = list(store.events(since=since, until=until))
    except (TypeError, ValueError):  # an event with no day at all: its story is itself
        window = [event]
    if not any(r["event_id"] == event_id for r in window):
        window.append(event)
    stories = merge(window, store.texts_of(r["doc_id"] for r in window))
    story = next((s for s in stories if any(r["event_id"] == event_id for r in s.reports)), None)
    by_id = {r["event_id"]: r for r in window}
    members = [by_id[r["event_id"]] for r in story.reports] if story else [event]
    reports = [{"event_id": r["event_id"], "doc_id": r["doc_id"], "url": r.get("url"), "outlet": r.get("outlet"),
                "title": r.get("title"), "doc_date": r.get("doc_date"), "status": r.get("status"),
                "claimed_by": (r.get("claimed_by") or {}).get("country"),
                "evidence": r.get("evidence") or {}} for r in members]
    out = dataclasses.asdict(story) if story else None
    if out is not None:
        out["id"] = min(r["event_id"] for r in members)
    return {"event": event, "story": out, "reports": reports}


# ---------------------------------------------------------------------------- stories
@router.get("/stories", response_model=StoriesPage)
def list_stories(request: Request, filters: Filters, limit: Limit = PAGE, cursor: Cursor = None,
                 disputed: Annotated[bool, Query(description="only disputed stories")] = False) -> Response:
    """Stories (reports of one happening merged) of the events matching the filters, earliest first, paged; each
    story's ``id`` is the smallest id of its events, so it is the same whatever the filters."""
    import dataclasses

    from parley.store.stories import merge

    store = request.app.state.store
    size = _size(limit)
    start = 0
    if cursor:
        day, start = decode_cursor(cursor)
        if day is not None:
            raise InputError("P048", "cursor", Errors.P048.format(value=cursor[:40]))
    rows = list(store.events(**filters))
    stories = [s for s in merge(rows, store.texts_of(r["doc_id"] for r in rows)) if s.disputed or not disputed]
    page = []
    for s in stories[start:start + size]:
        d = dataclasses.asdict(s)
        d["id"] = min((r["event_id"] for r in s.reports if r["event_id"] is not None), default=s.id)
        page.append(d)
    nxt = encode_cursor(None, start + size) if start + size < len(stories) else None
    body = json.dumps({"stories": page, "next": nxt}, ensure_ascii=False)
    return Response(body, media_type="application/json", headers=_next_link(request, nxt) if nxt else None)


# ---------------------------------------------------------------------------- agreements
_cache_lock = threading.Lock()


def stored_agreements(store) -> tuple[list[tuple[str, Agreement]], list[dict], list[dict]]:
    """Every agreement in the store with its id (:func:`~parley.store.agreements.with_keys`, the same for the API
    and the dashboard's pages), the same as JSON (:func:`~parley.store.agreements.agreements_json`, ``id`` the
    key and ``number`` its rank), and every stored event; found again only when the store's events changed."""
    from parley.store.agreements import agreements_json, find_agreements, with_keys

    key = (id(store), store.fingerprint())
    with _cache_lock:
        cached = getattr(store, "_agreements", None)
        if cached is not None and cached[0] == key:
            return cached[1:]
        rows = list(store.events())
        keyed = with_keys(find_agreements(rows, store.texts_of(r["doc_id"] for r in rows)))
        found = agreements_json([a for _, a in keyed])
        for (key_of, _), a in zip(keyed, found):
            a["number"], a["id"] = a.pop("id"), key_of
            del a["key"]
        store._agreements = (key, keyed, found, rows)
        return keyed, found, rows


def _agreements(store) -> tuple[list[dict], list[dict]]:
    """The agreements as JSON and every stored event (:func:`stored_agreements`)."""
    _, found, rows = stored_agreements(store)
    return found, rows


def _party_codes(a: dict) -> set[str]:
    return {p.split("-")[0] for p in a["parties"]}


@router.get("/agreements", response_model=AgreementsList)
def list_agreements(request: Request, party: Annotated[str | None, Query(
        description="only agreements with this party (country code)")] = None) -> dict:
    """Agreements found in the store (ceasefires, truces, exchanges, corridors...): parties, mediators, status
    timeline, commitments and alleged violations with who alleges them."""
    code = validate_filters(actor=party)["actor"] if party else None
    found, _ = _agreements(request.app.state.store)
    return {"agreements": [a for a in found if code is None or code in _party_codes(a)]}


@router.get("/agreements/{agreement_id}", response_model=AgreementDetail)
def get_agreement(request: Request, agreement_id: Annotated[str, Path(max_length=300)]) -> dict:
    """One agreement, with counts anchored to it: its parties' events since it started by type and ISO week, and
    strikes (ASSAULT events) on its scope's targets (energy, ...) since it started."""
    from parley.store.commitments import span_of

    found, rows = _agreements(request.app.state.store)
    a = next((a for a in found if a["id"] == agreement_id), None)
    if a is None:
        raise HTTPException(404, f"no agreement has the id {agreement_id!r}")
    parties, scope, start = _party_codes(a), set(a.get("scope") or []), (a.get("start") or "")[:10]
    since = []
    for ev in rows:
        span = span_of(ev)
        if start and (span is None or span[1].isoformat() < start):
            continue
        involved = {e.get("country") for e in (ev.get("actor") or []) + (ev.get("recipient") or [])}
        if parties & involved:
            since.append((ev, span))
    by_type: dict[str, dict[str, int]] = {}
    strikes: dict[str, dict[str, int]] = {}
    for ev, span in since:
        week = iso_week(max(span[0].isoformat(), start)) if span else None  # begun before it: its first week
        if week is None:
            continue
        by_type.setdefault(week, {}).setdefault(ev["event_type"], 0)
        by_type[week][ev["event_type"]] += 1
        hit = scope & set(ev.get("targets") or [])
        if ev["event_type"] == "ASSAULT" and hit:
            for target in hit:
                strikes.setdefault(week, {}).setdefault(target, 0)
                strikes[week][target] += 1
    return {**a, "counts": {
        "since": start or None, "events": len(since),
        "by_type": [{"week": w, "counts": dict(sorted(by_type[w].items()))} for w in sorted(by_type)],
        "strikes_on_scope": sum(sum(c.values()) for c in strikes.values()),
        "strikes_on_scope_by_week": [{"week": w, "counts": dict(sorted(strikes[w].items()))} for w in sorted(strikes)],
    }}


# ---------------------------------------------------------------------------- counts
@router.get("/actors/{code}/timeline", response_model=Timeline)
def actor_timeline(request: Request, code: Annotated[str, Path(max_length=64)],
                   dates: Annotated[dict, Depends(_dates)]) -> dict:
    """Events per ISO week by type and by quad class where the actor or the recipient is ``code``, and its
    counterparts (most events first)."""
    from parley.store.queries import timeline

    found = validate_filters(actor=code, **dates)
    if found["actor"] is None:  # a blank code
        raise InputError("P043", "code", Errors.P043.format(value=code, what="a country or organisation code",
                                                            hint="give one such as RUS or NATO"))
    rows = request.app.state.store.brief({**found, "actor": None}, involving=found["actor"])
    return timeline(rows, found["actor"])


@router.get("/dyads", response_model=Dyads)
def list_dyads(request: Request, dates: Annotated[dict, Depends(_dates)], limit: Limit = PAGE) -> dict:
    """Events per actor -> recipient country pair per ISO week by quad class, the ``limit`` busiest pairs."""
    from parley.store.queries import dyads

    size = _size(limit)
    return {"dyads": dyads(request.app.state.store.brief(validate_filters(**dates)))[:size]}


@router.get("/stats", response_model=Stats)
def stats(request: Request) -> dict:
    """What the store holds: articles and events, events by type, quad class and location country, and the first
    and last day of their dates."""
    return request.app.state.store.summary()
