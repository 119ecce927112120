"""The feed of event changes: what was added to or deleted from the store since a moment, in commit order.

>>> page = changes(store, since="2025-03-20T10:00:00Z", limit=500)
>>> page["changes"][0]        # {"event_id": 7, "action": "added", "at": "2025-03-20T10:00:01.000000Z", "event": {...}}
>>> page["next_since"]        # give it as ``since`` next time: nothing is missed, nothing comes twice

Every write that changes events logs them in ``event_changes`` inside its own transaction
(:func:`log_changes`, called by :meth:`~parley.store.store.Store.write_batch`). An article coded again by a
newer coder has its events replaced: the old ones are logged ``deleted`` (``event`` is null) and the new ones
``added``, deletions first: SQLite may give a new event the id of a deleted one, so a client applies the
changes in order. Stories and merged reports are computed from the events when they are read, so a client that
applies the feed to its copy and recomputes them has what the server has.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from parley.errors import Errors, InputError
from parley.store.schema import articles, event_changes, events, parse_stamp, stamp

PAGE = 500
"""Changes per page unless asked for fewer; also the most a page holds."""
_LOCK = 0x70636867  # the PostgreSQL advisory lock that orders writers' changes by commit


def log_changes(conn, added: list[tuple[int, int]], deleted: list[tuple[int, int]]) -> None:  # noqa: ANN001
    """Log ``(event id, article id)`` pairs as added and deleted, with timestamps after every one logged before.

    Called last in a write transaction: on PostgreSQL it takes a lock held until the transaction commits, so
    that writers log in commit order and a reader never sees a later timestamp before an earlier one is
    committed (SQLite's write transaction holds the whole database already)."""
    if not added and not deleted:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_LOCK)))
    last = conn.execute(select(func.max(event_changes.c.at))).scalar()
    at = dt.datetime.now(dt.timezone.utc)
    if last is not None and at <= parse_stamp(last):
        at = parse_stamp(last) + dt.timedelta(microseconds=1)
    rows = []
    for action, pairs in (("deleted", deleted), ("added", added)):
        for event_id, article_id in pairs:
            rows.append({"event_id": event_id, "article_id": article_id, "action": action, "at": stamp(at)})
            at += dt.timedelta(microseconds=1)
    conn.execute(event_changes.insert(), rows)


def normalise_since(value: str | None) -> str:
    """``since`` as ``event_changes.at`` holds it: an ISO 8601 timestamp (naive is UTC) or a day; ``""`` (the
    beginning) when None or empty; P043 otherwise."""
    if value is None or not value.strip():
        return ""
    try:
        return stamp(parse_stamp(value))
    except (ValueError, OverflowError):  # not a time, or one that is no time in UTC (year 1 east of Greenwich)
        raise InputError("P043", "since", Errors.P043.format(
            value=value, what="a timestamp",
            hint="give an ISO 8601 time such as 2025-03-20T10:00:00Z, a day such as 2025-03-20, or the "
                 "next_since of the last page")) from None


def changes(store, since: str | None = None, limit: int = PAGE) -> dict:  # noqa: ANN001
    """The changes logged after ``since``, oldest first, at most ``limit`` (1 to :data:`PAGE`), each with its
    event's record as stored now (null when the event is gone, and on every change of an event but its
latest), and ``next_since``: the last change's ``at``
    (``since`` again when there is none), to ask for the next page or, later, for what changed meanwhile."""
    after = normalise_since(since)
    if not isinstance(limit, int) or limit < 1:
        raise InputError("P044", "limit", Errors.P044.format(value=limit))
    limit = min(limit, PAGE)
    later = event_changes.alias("later")
    latest = ~select(later.c.id).where(later.c.event_id == event_changes.c.event_id,
                                       later.c.at > event_changes.c.at).correlate(event_changes).exists()
    query = (select(event_changes.c.event_id, event_changes.c.action, event_changes.c.at, events.c.record,
                    articles.c.doc_id, articles.c.url, articles.c.outlet, articles.c.title, articles.c.pub_date,
                    articles.c.coder_version)
             # the event as stored now, on its latest change alone: SQLite may give a new event a deleted one's id
             .select_from(event_changes)
             .outerjoin(events, (events.c.id == event_changes.c.event_id) & (event_changes.c.action == "added")
                        & latest)
             .outerjoin(articles, articles.c.id == events.c.article_id)
             .where(event_changes.c.at > after).order_by(event_changes.c.at).limit(limit))
    out = []
    with store._guard("read"), store.engine.connect() as conn:
        for r in conn.execute(query):
            event = None
            if r.record is not None:
                event = {"event_id": r.event_id, "doc_id": r.doc_id, "url": r.url, "outlet": r.outlet,
                         "title": r.title, "doc_date": r.pub_date, "coder_version": r.coder_version,
                         **json.loads(r.record)}
            out.append({"event_id": r.event_id, "action": r.action, "at": r.at, "event": event})
    return {"changes": out, "next_since": out[-1]["at"] if out else (after or None)}


__all__ = ["PAGE", "changes", "log_changes", "normalise_since"]
