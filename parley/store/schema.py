"""The store's tables, one schema for SQLite and PostgreSQL, and its migrations.

``articles`` holds each article once (by URL or by content hash) with the coder version that produced its
events; ``events`` holds the coded events, flattened for querying, each with its whole record as JSON;
``event_changes`` logs every event added or deleted (the feed of ``GET /api/changes``); ``api_tokens`` holds the
HTTP API's bearer tokens, hashed. The
schema version lives in ``parley_meta``; :func:`migrate` brings any older store up to :data:`VERSION`, each
step in its own transaction, holding the database's write lock (SQLite) or an advisory lock (PostgreSQL) so
that processes opening one store at once migrate it once.
"""
from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, func, select
from sqlalchemy.engine import Connection, Engine

VERSION = 6

metadata = MetaData()

meta = Table(
    "parley_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False),  # the input record's id
    Column("url", Text, unique=True),  # NULL when the input gives none; NULLs never clash
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the whitespace-folded text
    Column("outlet", Text), Column("title", Text), Column("pub_date", String(10)), Column("source", Text),
    Column("text", Text, nullable=False),
    Column("coder_version", String(64), nullable=False),  # the parley version and data that coded it
    Column("n_events", Integer, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # the event's place in its article's list
    Column("event_type", String(16), nullable=False), Column("mode", String(32)), Column("cameo", String(8)),
    Column("quad_class", String(24)), Column("acled_event_type", Text), Column("acled_sub_event_type", Text),
    Column("actors", Text, nullable=False),  # "|RUS|UKR|": the actors' countries, for matching one
    Column("recipients", Text, nullable=False),
    Column("claimed_by", String(8)), Column("status", String(16), nullable=False),
    Column("event_date", String(10)),  # as the text dates it: YYYY-MM-DD, YYYY-MM or YYYY
    Column("date_start", String(10)), Column("date_end", String(10)),  # its first and last day (version 4)
    Column("place", Text), Column("country", String(8)),
    Column("admin1", Text), Column("lat", Float), Column("lon", Float),
    Column("admin2", Text), Column("geo_precision", Integer),  # added in schema version 3
    Column("fatalities", Integer), Column("injured", Integer), Column("arrested", Integer),
    Column("confidence", Float, nullable=False),
    Column("record", Text, nullable=False),  # the whole event, JSON, as `parley code --format jsonl` gives it
    Index("ix_events_article", "article_id"), Index("ix_events_type_date", "event_type", "event_date"),
    Index("ix_events_start", "date_start"), Index("ix_events_end", "date_end"),
    Index("ux_events_article_seq", "article_id", "seq", unique=True),  # an article's events once (version 4)
)


article_sources = Table(
    "article_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", Text, nullable=False), Column("url", Text), Column("outlet", Text),
    Column("pub_date", String(10)), Column("source", Text),
    Index("ix_sources_article", "article_id"),
)
"""Every place an article was read from: the same text reprinted by another outlet is stored once, and each
outlet that printed it is kept here (added in schema version 2)."""

event_changes = Table(
    "event_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, nullable=False),  # no foreign key: a deleted event's change stays
    Column("article_id", Integer, nullable=False),
    Column("action", String(16), nullable=False),  # "added" or "deleted"
    Column("at", String(32), nullable=False, unique=True),  # UTC, microseconds: strictly increasing, one per row
    Index("ix_changes_event", "event_id"),
)
"""What happened to which event and when: every write appends here in the transaction that changes the events
(added in schema version 5). ``at`` is a fixed-width UTC timestamp (``2025-03-20T10:00:00.000001Z``), unique
and increasing in commit order, so a client that asks for changes after the last ``at`` it saw misses none."""

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token; the token is never stored
    Column("created", String(32), nullable=False),
    Column("revoked", String(32)),  # when it was revoked; NULL while it is valid
)
"""The bearer tokens of the HTTP API, by name, hashed (added in schema version 5)."""

feed_state = Table(
    "feed_state", metadata,
    Column("url", String(2048), primary_key=True),  # the feed's address as the user gave it
    Column("etag", Text), Column("last_modified", Text),  # the validators of its last 200 answer, sent back
    Column("checked", String(32)),  # UTC, when it was last polled
    Column("error", Text),  # why the last poll failed; NULL when it succeeded
)
"""What ``parley watch`` remembers of each feed, so that a restarted watch asks politely (added in schema
version 6)."""


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[articles, events])


def _v2(conn: Connection) -> None:
    metadata.create_all(conn, tables=[article_sources])
    conn.execute(article_sources.insert().from_select(
        ["article_id", "doc_id", "url", "outlet", "pub_date", "source"],
        select(articles.c.id, articles.c.doc_id, articles.c.url, articles.c.outlet, articles.c.pub_date,
               articles.c.source)))


def _v3(conn: Connection) -> None:
    """The district and ACLED's geo precision of each event's place. Events stored before have no district, and
    a precision that claims no more than their columns show: 3 for a country, 2 for a place in a region (never 1:
    which of them were towns at their own coordinates was not recorded)."""
    from sqlalchemy import inspect, text

    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for name, kind in (("admin2", "TEXT"), ("geo_precision", "INTEGER")):
        if name not in have:  # a store made at version 3 by create_all has them already
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} {kind}"))
    conn.execute(text("UPDATE events SET geo_precision = CASE WHEN admin1 IS NOT NULL THEN 2 ELSE 3 END "
                      "WHERE geo_precision IS NULL AND (place IS NOT NULL OR country IS NOT NULL)"))


def _v4(conn: Connection) -> None:
    """The first and last day of each event's date (``2025-03`` covers 2025-03-01 to 2025-03-31), for filters
    that compare ranges; and one row per article and place in its list of events. Old rows get their days from
    their date; a date that names no real day leaves them empty (the article's date stands in, as before)."""
    from sqlalchemy import bindparam, inspect, text

    from parley.ground.dates import date_range

    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for name in ("date_start", "date_end"):
        if name not in have:  # a store made at version 4 by create_all has them already
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} VARCHAR(10)"))
    dated = conn.execute(select(events.c.id, events.c.event_date).where(
        events.c.event_date.is_not(None), events.c.date_start.is_(None))).all()
    days = [{"row": r.id, "start": s.isoformat(), "end": e.isoformat()}
            for r in dated for s, e in [date_range(r.event_date) or (None, None)] if s is not None]
    if days:
        conn.execute(events.update().where(events.c.id == bindparam("row"))
                     .values(date_start=bindparam("start"), date_end=bindparam("end")), days)
    # an article's events are written in one statement, so a repeated seq can only be a copy: keep the first
    first = select(func.min(events.c.id)).group_by(events.c.article_id, events.c.seq)
    conn.execute(events.delete().where(events.c.id.not_in(first.scalar_subquery())))
    for index in events.indexes:
        if index.name in ("ix_events_start", "ix_events_end", "ux_events_article_seq"):
            index.create(conn, checkfirst=True)


def _v5(conn: Connection) -> None:
    """The log of event changes and the API's tokens. Each event already stored is logged as added when its
    article was stored (its ``ingested_at``), in the order it was stored, so a client that asks for every change
    since the beginning gets every event."""
    import datetime as dt

    metadata.create_all(conn, tables=[event_changes, api_tokens])
    if conn.execute(select(func.count()).select_from(event_changes)).scalar_one():
        return  # a store made at version 5 by create_all logs its own writes
    rows = conn.execute(select(events.c.id, events.c.article_id, articles.c.ingested_at)
                        .join(articles, events.c.article_id == articles.c.id)
                        .order_by(articles.c.ingested_at, events.c.id)).all()
    last: dt.datetime | None = None
    logged = []
    for r in rows:
        at = parse_stamp(r.ingested_at)
        if last is not None and at <= last:
            at = last + dt.timedelta(microseconds=1)
        logged.append({"event_id": r.id, "article_id": r.article_id, "action": "added", "at": stamp(at)})
        last = at
    for start in range(0, len(logged), 5000):
        conn.execute(event_changes.insert(), logged[start:start + 5000])


def _v6(conn: Connection) -> None:
    """The state of the feeds ``parley watch`` polls: none yet."""
    metadata.create_all(conn, tables=[feed_state])


def stamp(at) -> str:  # noqa: ANN001
    """The fixed-width UTC form of a datetime that ``event_changes.at`` holds: it sorts as text."""
    import datetime as dt

    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_stamp(value: str):  # noqa: ANN201
    """A timezone-aware datetime from an ISO 8601 timestamp (naive is UTC) or a day; ValueError otherwise."""
    import datetime as dt

    value = value.strip()
    at = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6}
"""Schema version -> the step that brings the store from the version before it."""

_LOCK = 0x7061726C6579  # "parley": the PostgreSQL advisory lock held while migrating


def current_version(conn: Connection) -> int:
    """The store's schema version; 0 for an empty database (nothing is created)."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("parley_meta"):
        return 0
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def write_lock(conn: Connection) -> None:
    """Make ``conn``'s new transaction a writer from its first statement: SQLite's ``BEGIN IMMEDIATE`` takes the
    database's write lock (waiting for another writer), so what the transaction reads stays true until it
    commits. PostgreSQL needs nothing here: rows are locked as they are written or read ``FOR UPDATE``."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine) -> int:
    """Apply the migrations a store lacks, each in its own transaction; return the version reached.

    A store already at :data:`VERSION` is only read (so a read-only store opens). Otherwise each step is taken
    under a lock and after reading the version again, so that processes opening a store at once apply each step
    once. Errors are SQLAlchemy's; the caller names the store."""
    with engine.connect() as conn:
        have = current_version(conn)
    while have < VERSION:
        with engine.begin() as conn:
            write_lock(conn)
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(_LOCK)))
            meta.create(conn, checkfirst=True)
            have = current_version(conn)
            if have >= VERSION:
                break
            MIGRATIONS[have + 1](conn)
            conn.execute(meta.delete().where(meta.c.key == "schema_version"))
            conn.execute(meta.insert().values(key="schema_version", value=str(have + 1)))
            have += 1
    return have


def enable_sqlite_pragmas(engine: Engine) -> None:
    """Write-ahead logging (readers never block the writer; a killed writer loses only its open batch) and
    enforced foreign keys, on every SQLite connection."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001
        import sqlite3
        import time

        cur = dbapi_conn.cursor()
        for attempt in range(100):  # processes opening a new file at once: switching it to WAL can find it
            try:                    # locked at once, without SQLite's busy wait; the switch is soon done
                cur.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.05)
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()


__all__ = ["VERSION", "api_tokens", "article_sources", "articles", "current_version", "event_changes", "events",
           "feed_state", "meta", "metadata", "migrate", "parse_stamp", "stamp", "write_lock"]
