"""The SQL under the store's readers: checked filters -> conditions, keyset pages, and counts by week.

One function turns the filters of :func:`~parley.store.filters.validate_filters` into SQL conditions on the
``events`` table (joined to ``articles``), so ``parley events``, ``parley export`` and ``GET /api/events`` filter
alike and in the database. Pages are ordered by ``(date_start, id)`` (events without days first) and follow a
cursor, an opaque string that holds the last row's key:

>>> cursor = encode_cursor("2025-03-02", 17)
>>> decode_cursor(cursor)
('2025-03-02', 17)
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, func, or_, select, tuple_

from parley.errors import Errors, InputError
from parley.store.schema import articles, events

ROW_COLUMNS = (events.c.id, events.c.record, events.c.date_start, events.c.date_end, articles.c.doc_id,
               articles.c.url, articles.c.outlet, articles.c.title, articles.c.pub_date, articles.c.coder_version)
"""The columns of one stored event as readers give it: its record, its days and its article's fields."""


def _contains(column, words: str):
    """``column`` holds ``words``, in any case; ``%`` and ``_`` in them are plain characters."""
    return func.lower(column).contains(words.lower(), autoescape=True)


def evidence_sentence(dialect: str):
    """The evidence sentence of each event, read from its JSON record in the database."""
    if dialect == "postgresql":
        from sqlalchemy import cast
        from sqlalchemy.dialects.postgresql import JSONB

        return cast(events.c.record, JSONB)["evidence"]["sentence"].astext
    return func.json_extract(events.c.record, "$.evidence.sentence")


def conditions(f: dict, dialect: str = "sqlite", dated: bool | None = None) -> list:
    """SQL conditions for checked filters ``f`` (every key of :data:`~parley.store.filters.FILTERS`).

    Dates compare ranges: an event is kept when its days (``date_start`` to ``date_end``; its article's date when
    it has none) overlap ``since``..``until``. With ``dated`` True the conditions are only right for events that
    have days, with False only for those that have none (simpler conditions, that an index serves)."""
    cond = []
    for name, column, op in (("since", events.c.date_end, "__ge__"), ("until", events.c.date_start, "__le__")):
        if not f.get(name):
            continue
        own, article = getattr(column, op)(f[name]), getattr(articles.c.pub_date, op)(f[name])
        cond.append(own if dated else article if dated is False else or_(own, and_(column.is_(None), article)))
    if f.get("actor"):
        cond.append(events.c.actors.like(f"%|{f['actor']}|%"))
    if f.get("recipient"):
        cond.append(events.c.recipients.like(f"%|{f['recipient']}|%"))
    if f.get("type"):
        cond.append(events.c.event_type.in_(f["type"].split(",")))
    if f.get("status"):
        cond.append(events.c.status == f["status"])
    if f.get("claimed_by"):
        cond.append(events.c.claimed_by == f["claimed_by"])
    if f.get("place"):
        place = f["place"]
        cond.append(or_(_contains(events.c.place, place), events.c.country == place.upper(),
                        _contains(events.c.admin1, place), _contains(events.c.admin2, place)))
    if f.get("precision") is not None:
        cond.append(events.c.geo_precision <= f["precision"])
    if f.get("quad_class"):
        cond.append(events.c.quad_class.in_(f["quad_class"].split(",")))
    if f.get("acled_type"):
        cond.append(events.c.acled_event_type.in_(f["acled_type"].split(",")))
    if f.get("min_confidence") is not None:
        cond.append(events.c.confidence >= f["min_confidence"])
    if f.get("country"):
        cond.append(events.c.country == f["country"])
    if f.get("min_lat") is not None:
        cond.append(events.c.lat.between(f["min_lat"], f["max_lat"]))
        cond.append(events.c.lon.between(f["min_lon"], f["max_lon"]))
    if f.get("text"):
        cond.append(_contains(evidence_sentence(dialect), f["text"]))
    return cond


def rows_query(f: dict, dialect: str = "sqlite"):
    """Every stored event matching ``f``, in the order ``parley events`` lists them (by date, then article)."""
    when = func.coalesce(events.c.event_date, articles.c.pub_date)
    query = (select(*ROW_COLUMNS).join(articles, events.c.article_id == articles.c.id)
             .where(*conditions(f, dialect)).order_by(when, events.c.article_id, events.c.seq))
    return query.limit(f["limit"]) if f.get("limit") else query


def _keyset(after: tuple[str | None, int] | None, dated: bool | None = None) -> list:
    if after is None:
        return []
    day, last = after
    if dated and day is None:
        return []
    if dated:
        return [tuple_(events.c.date_start, events.c.id) > tuple_(day, last)]
    if day is None:
        return [or_(events.c.date_start.is_not(None), and_(events.c.date_start.is_(None), events.c.id > last))]
    return [or_(events.c.date_start > day, and_(events.c.date_start == day, events.c.id > last))]


def _ordered(cond: list, size: int, dialect: str, dated: bool = False):
    start = events.c.date_start.nulls_first() if dialect == "postgresql" and not dated else events.c.date_start
    return (select(*ROW_COLUMNS).join(articles, events.c.article_id == articles.c.id).where(*cond)
            .order_by(start, events.c.id).limit(size + 1))


def page_query(f: dict, after: tuple[str | None, int] | None, size: int, dialect: str = "sqlite"):
    """The ``size`` events matching ``f`` that come after the key ``after`` (``(date_start, id)`` of the last
    event of the page before; None for the first page), in the order of ``(date_start, id)``, events without
    days first. Asks for one more row, so the caller knows whether a next page exists."""
    return _ordered(conditions(f, dialect) + _keyset(after), size, dialect)


def page_queries(f: dict, after: tuple[str | None, int] | None, size: int, dialect: str = "sqlite",
                 straddling: list[int] | None = None, undated: bool = True) -> list:
    """:func:`page_query` split so that each part walks the index of ``date_start`` from ``since`` instead of
    from the first event: the events that start on or after ``since``; those without days; and those that start
    before ``since`` and end on or after it: ``straddling``, their ids when the caller knows them (else a
    condition on both days). The caller merges their rows by ``(date_start, id)``. One query when there is no
    ``since``. ``undated`` False says the store holds no event without days (that part is then not asked)."""
    if not f.get("since"):
        return [page_query(f, after, size, dialect)]
    dated = conditions(f, dialect, dated=True) + _keyset(after, dated=True)
    parts = [_ordered(dated + [events.c.date_start >= f["since"]], size, dialect, dated=True)]
    if undated and (after is None or after[0] is None):
        parts.append(_ordered(conditions(f, dialect, dated=False) + _keyset(after) + [events.c.date_start.is_(None)],
                              size, dialect))
    if straddling is None:
        parts.append(_ordered(dated + [events.c.date_start < f["since"]], size, dialect, dated=True))
    elif straddling:
        parts.append(_ordered(dated + [events.c.id.in_(straddling), events.c.date_start < f["since"]], size,
                              dialect, dated=True))
    return parts


def is_long(date_start: str | None, date_end: str | None) -> bool:
    """An event of several days (or of a first day and no last), that a day ``since`` may fall inside: one
    :func:`page_queries` looks up by id."""
    return date_start is not None and date_end != date_start


SPAN_CLASSES = (7, 31, 92, 366)
"""Lengths (days) that the events of several days are grouped by, so that those reaching into a day are found
among the few that start at most that long before it."""


def span_class(date_start: str, date_end: str | None) -> int | None:
    """The least of :data:`SPAN_CLASSES` the event's days fit in; None for longer ones, or without a last day."""
    try:
        days = (dt.date.fromisoformat(date_end) - dt.date.fromisoformat(date_start)).days if date_end else None
    except ValueError:
        return None
    return next((c for c in SPAN_CLASSES if days is not None and days <= c), None)


def days_before(day: str, days: int) -> str:
    """The day ``days`` before ``day`` (both ``YYYY-MM-DD``)."""
    return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()


def page_key(r) -> tuple:
    """Where a row of :data:`ROW_COLUMNS` comes in the order of pages: events without days first."""
    return (r.date_start is not None, r.date_start or "", r.id)


def encode_cursor(day: str | None, event_id: int) -> str:
    """The opaque cursor of the page after the event ``(day, event_id)``."""
    raw = json.dumps([day, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, int]:
    """The key a cursor holds, or P048 when it is not one :func:`encode_cursor` made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        if (day is not None and (not isinstance(day, str) or dt.date.fromisoformat(day).isoformat() != day)) \
                or isinstance(event_id, bool) or not isinstance(event_id, int) or not 0 <= event_id < 2**63:
            raise ValueError(cursor)
    except (ValueError, TypeError, UnicodeDecodeError):
        shown = cursor if len(cursor) <= 40 else cursor[:40] + "..."
        raise InputError("P048", "cursor", Errors.P048.format(value=shown)) from None
    return day, event_id


def row_json(r) -> str:
    """One stored event as JSON text, from a row of :data:`ROW_COLUMNS`: its article's fields and ``event_id``
    spliced before its record, which is not parsed (the store wrote it as JSON) unless its days need mending."""
    head = json.dumps({"event_id": r.id, "doc_id": r.doc_id, "url": r.url, "outlet": r.outlet, "title": r.title,
                       "doc_date": r.pub_date, "coder_version": r.coder_version}, ensure_ascii=False)
    record = r.record
    if r.date_start is not None and '"date_start": null' in record:  # stored before records carried its days
        rec = json.loads(record)
        rec["date_start"], rec["date_end"] = r.date_start, r.date_end
        record = json.dumps(rec, ensure_ascii=False)
    body = record.strip()
    if body == "{}":
        return head
    return head[:-1] + ", " + body[1:]


def row_dict(r) -> dict:
    """One stored event as a dict (what :meth:`Store.events` yields), from a row of :data:`ROW_COLUMNS`."""
    row = {"event_id": r.id, "doc_id": r.doc_id, "url": r.url, "outlet": r.outlet, "title": r.title,
           "doc_date": r.pub_date, "coder_version": r.coder_version, **json.loads(r.record)}
    row["date_start"], row["date_end"] = r.date_start, r.date_end  # also for records stored before them
    return row


# ---------------------------------------------------------------------------- counts
def iso_week(day: str | None) -> str | None:
    """The ISO week ``YYYY-Www`` of a day ``YYYY-MM-DD`` (of its first ten characters), or None."""
    if not day:
        return None
    try:
        year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def codes(column: str | None) -> list[str]:
    """The codes of an ``actors``/``recipients`` column (``"|RUS|UKR|"`` -> ``["RUS", "UKR"]``)."""
    return [c for c in (column or "").split("|") if c]


def weekly(rows: Iterable, key) -> list[dict]:
    """``rows`` counted per ISO week of their day (``row.day``) and ``key(row)``, weeks in order."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        week = iso_week(r.day)
        if week is not None:
            counts[week][key(r)] += 1
    return [{"week": w, "counts": dict(sorted(counts[w].items(), key=lambda kv: str(kv[0])))}
            for w in sorted(counts)]


DAY = func.coalesce(events.c.date_start, articles.c.pub_date)
"""An event's first day, else its article's date."""


def brief_query(cond: list):
    """The few columns counts need, for events matching ``cond``."""
    return (select(events.c.id, DAY.label("day"), events.c.event_type, events.c.quad_class, events.c.actors,
                   events.c.recipients, events.c.country)
            .join(articles, events.c.article_id == articles.c.id).where(*cond))


def timeline(rows: list, code: str) -> dict:
    """An actor's events per ISO week by type and by quad class, and its counterparts (the other side's codes,
    most events first), from :func:`brief_query` rows where ``code`` is an actor or a recipient."""
    counterparts: Counter = Counter()
    for r in rows:
        actors, recipients = codes(r.actors), codes(r.recipients)
        others = (recipients if code in actors else []) + (actors if code in recipients else [])
        counterparts.update({c for c in others if c != code})
    return {"actor": code, "events": len(rows),
            "by_type": weekly(rows, lambda r: r.event_type),
            "by_quad_class": weekly(rows, lambda r: r.quad_class or "NONE"),
            "counterparts": [{"code": c, "events": n} for c, n in counterparts.most_common()]}


def dyads(rows: list) -> list[dict]:
    """Events per actor -> recipient country pair per ISO week by quad class, from :func:`brief_query` rows; pairs
    with most events first."""
    counts: dict[tuple[str, str], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for r in rows:
        week = iso_week(r.day)
        if week is None:
            continue
        for a in set(codes(r.actors)):
            for b in set(codes(r.recipients)):
                if a != b:
                    counts[(a, b)][week][r.quad_class or "NONE"] += 1
    out = [{"actor": a, "recipient": b, "events": sum(sum(c.values()) for c in weeks.values()),
            "weeks": [{"week": w, "counts": dict(sorted(weeks[w].items()))} for w in sorted(weeks)]}
           for (a, b), weeks in counts.items()]
    return sorted(out, key=lambda d: (-d["events"], d["actor"], d["recipient"]))


__all__ = ["ROW_COLUMNS", "SPAN_CLASSES", "brief_query", "conditions", "days_before", "decode_cursor", "dyads", "encode_cursor", "iso_week",
           "is_long", "page_key", "page_queries", "page_query", "row_dict", "row_json", "rows_query", "span_class", "timeline", "weekly"]
