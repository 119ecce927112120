"""The event store: one interface over SQLite (the default, a file) and PostgreSQL (for teams).

>>> store = open_store("sqlite:///parley.db")          # or "postgresql://user@host/db", or PARLEY_DB
>>> store.write([(article, coded_document)], version)   # one transaction
>>> for row in store.events(actor="RUS", since="2025-03-01"):
...     row["event_type"], row["record"]["evidence"]["sentence"]

Writing is idempotent: each article is claimed (looked up, and on PostgreSQL locked) inside the batch's
transaction and inserted with ``ON CONFLICT DO NOTHING``, so two processes storing the same article at once
store it once with its events once. Every database failure becomes a coded error that names the store (its
password hidden) and the database's reason, never the SQL or an article's words.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, delete, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from parley.errors import Errors, InputError
from parley.ground.dates import event_days
from parley.model import Article, CodedDocument, Event, to_dict
from parley.store import queries
from parley.store.changes import log_changes
from parley.store.filters import validate_filters
from parley.store.schema import (
    VERSION,
    article_sources,
    articles,
    current_version,
    enable_sqlite_pragmas,
    events,
    migrate,
    write_lock,
)

DEFAULT_DB = "sqlite:///parley.db"
ENV = "PARLEY_DB"
SQLITE_WAIT = 60.0  # seconds a SQLite writer waits for another process's transaction before giving up
LONG_IDS = 5000  # the most events of several days around 'since' a page looks up by id (else: one walk)
RECENT_IDS = 10_000  # ids read again on PostgreSQL, where transactions may commit out of id order
RETRIES = 5  # attempts at a batch that PostgreSQL aborted to break a deadlock between two writers
T = TypeVar("T")


def database_url(url: str | os.PathLike | None = None) -> str:
    """``url``, else ``$PARLEY_DB``, else ``parley.db`` in the working folder. A bare path (text or a
    ``pathlib.Path``) is a SQLite file."""
    url = os.fspath(url) if url else os.environ.get(ENV) or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]  # psycopg 3, the driver parley installs
    return url


def _shown(url: str) -> str:
    """A database URL fit for an error message: its password hidden."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def _path_problem(url: str) -> str:
    """Why a SQLite file cannot be opened, when its path shows it ("" when it does not, or for a server)."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
    except Exception:
        return ""
    name = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or name in ("", ":memory:"):
        return ""
    path = Path(name[len("file:"):] if name.startswith("file:") else name)
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder: give a file in it, such as {path / 'parley.db'}"
    if not folder.is_dir():
        return f"the folder {folder} does not exist: create it first"
    if path.exists() and not os.access(path, os.R_OK):
        return f"you may not read {path}"
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"{path} does not exist and you may not create files in {folder}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"SQLite writes its -wal and -shm files beside {path}, and you may not write in {folder}"
    return ""


def _reason(exc: BaseException) -> str:
    """The database's own words for ``exc``: its first line, without SQL, parameters or links."""
    orig = getattr(exc, "orig", None)
    said = str(orig if orig is not None else exc).strip()
    line = said.splitlines()[0] if said else ""
    return line.split("[SQL:")[0].split("(Background on this error")[0].strip() or type(orig or exc).__name__


def _store_error(url: str, exc: BaseException, doing: str) -> InputError:
    """The coded error for a database failure while ``doing`` ("open", "read", "write" or "migrate")."""
    shown = _shown(url)
    reason = _reason(exc)
    if doing == "open":
        problem = _path_problem(url)
        return InputError("P018", shown, Errors.P018.format(url=shown, reason=f"{reason}: {problem}" if problem
                                                             else reason))
    if doing == "read":
        return InputError("P041", shown, Errors.P041.format(reason=reason))
    consequence = ("nothing of this batch was stored, and what the store held before is intact" if doing == "write"
                   else f"it must be migrated to schema version {VERSION} before use, and it is unchanged")
    return InputError("P040", shown, Errors.P040.format(reason=reason, consequence=consequence))


def _transient(exc: DBAPIError) -> bool:
    """A failure that trying the transaction again cures: PostgreSQL ended it to break a deadlock between two
    writers, or could not serialise it."""
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")


def content_hash(text: str) -> str:
    """The identity of an article's text: sha256 of its words, whitespace folded."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _codes(entities) -> str:
    return "|" + "|".join(e.country for e in entities if e.country) + "|"


@dataclass
class Stored:
    """What the store holds for an article: its row id, text hash and the coder version of its events."""

    id: int
    content_hash: str
    coder_version: str


@dataclass
class Batch:
    """What :meth:`Store.write_batch` did: articles and events written; articles another writer had stored by
    the same coder version meanwhile (left as they were); new sources recorded for articles it did not write."""

    articles: int = 0
    events: int = 0
    already: int = 0
    sources: int = 0


class Store:
    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        self._long: tuple = (0, {}, {}, False)  # see _long_ids: largest id read, long events, by class, any undated
        self._long_lock = threading.Lock()
        shown = _shown(self.url)
        sqlite = self.url.startswith("sqlite")
        try:  # parameters (an article's words) never reach an error message or a log
            self.engine = create_engine(self.url, future=True, hide_parameters=True,
                                        connect_args={"timeout": SQLITE_WAIT} if sqlite else {})
        except Exception as exc:  # a malformed URL, or a driver that is not installed
            raise InputError("P018", shown, Errors.P018.format(url=shown, reason=exc)) from exc
        if self.engine.dialect.name == "sqlite":
            enable_sqlite_pragmas(self.engine)
        with self._guard("open"), self.engine.connect() as conn:
            self.version = current_version(conn)
        if self.version < VERSION:
            with self._guard("migrate"):
                self.version = migrate(self.engine)

    @contextmanager
    def _guard(self, doing: str):
        """Turn a database failure while ``doing`` into the coded error that names this store."""
        try:
            yield
        except SQLAlchemyError as exc:
            raise _store_error(self.url, exc, doing) from exc

    def _writing(self, work: Callable[..., T]) -> T:
        """``work(conn)`` in one transaction that holds the write lock from its start; tried again when
        PostgreSQL broke a deadlock with another writer by ending it; a failure is a coded error (P040)."""
        for attempt in range(1, RETRIES + 1):
            try:
                with self.engine.begin() as conn:
                    write_lock(conn)
                    return work(conn)
            except DBAPIError as exc:
                if attempt < RETRIES and _transient(exc):
                    continue
                raise _store_error(self.url, exc, "write") from exc
            except SQLAlchemyError as exc:
                raise _store_error(self.url, exc, "write") from exc
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ writing
    def lookup(self, batch: Iterable[Article]) -> dict[str, Stored]:
        """The stored article each of ``batch`` already is, by URL or by content hash; keyed by content hash."""
        batch = list(batch)
        hashes = [content_hash(a.text) for a in batch]
        urls = [a.url for a in batch if a.url]
        cond = articles.c.content_hash.in_(hashes)
        if urls:
            cond = or_(cond, articles.c.url.in_(urls))
        found: dict[str, Stored] = {}
        with self._guard("read"), self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.url, articles.c.content_hash,
                                       articles.c.coder_version).where(cond)).all()
        by_url = {r.url: r for r in rows if r.url}
        by_hash = {r.content_hash: r for r in rows}
        for a, h in zip(batch, hashes):
            r = by_hash.get(h) or (by_url.get(a.url) if a.url else None)
            if r is not None:
                found[h] = Stored(r.id, r.content_hash, r.coder_version)
        return found

    def write(self, coded: list[tuple[Article, CodedDocument]], coder_version: str) -> tuple[int, int]:
        """Store ``coded`` in one transaction: new articles are added, articles already stored (same URL or
        same text) by another coder version have their row and events replaced. Returns (articles written,
        events written); see :meth:`write_batch`."""
        done = self.write_batch(coded, coder_version)
        return done.articles, done.events

    def write_batch(self, coded: list[tuple[Article, CodedDocument]], coder_version: str,
                    reprints: Iterable[Article] = ()) -> Batch:
        """Store ``coded``, and record where each of ``reprints`` (articles already stored, read again from
        another place) was read, all in one transaction.

        Each article is looked up again inside the transaction, holding the write lock (SQLite) or its row's
        lock (PostgreSQL), and inserted with ON CONFLICT DO NOTHING: an article that another process stored by
        this coder version since :meth:`lookup` is left as it is (counted in ``already``), so two ingests of
        overlapping inputs store each article and its events once. The events added and deleted (an article
        coded again loses its old events) are logged for the changes feed in the same transaction
        (:func:`~parley.store.changes.log_changes`). A failure rolls the whole batch back and raises P040."""
        coded, reprints = list(coded), list(reprints)
        if not coded and not reprints:
            return Batch()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        return self._writing(lambda conn: self._write(conn, coded, coder_version, reprints, now))

    def _write(self, conn, coded, coder_version: str, reprints: list[Article], now: str) -> Batch:
        done = Batch()
        added: list[tuple[int, int]] = []  # (event id, article id), logged for the changes feed
        deleted: list[tuple[int, int]] = []
        for art, doc in coded:
            h = content_hash(art.text)
            row = dict(doc_id=art.id, url=art.url or None, content_hash=h, outlet=art.outlet, title=art.title,
                       pub_date=art.date, source=art.source, text=art.text, coder_version=coder_version,
                       n_events=len(doc.events), ingested_at=now)
            old, url_holder = self._claim(conn, h, art.url)
            article_id = None
            if old is None:
                article_id = conn.execute(self._insert_new(row)).scalar()
                if article_id is None:  # another writer stored it after our look-up: claim its row
                    old, url_holder = self._claim(conn, h, art.url)
            if old is not None:
                if old.coder_version == coder_version and old.content_hash == h:
                    done.already += 1
                    done.sources += self._add_source(conn, old.id, art)
                    continue
                if url_holder is not None and url_holder.id != old.id:
                    row.pop("url")  # the URL is another stored article's: this row keeps its own
                deleted += [(r.id, old.id) for r in conn.execute(select(events.c.id).where(
                    events.c.article_id == old.id).order_by(events.c.seq))]
                conn.execute(delete(events).where(events.c.article_id == old.id))
                conn.execute(update(articles).where(articles.c.id == old.id).values(**row))
                article_id = old.id
            self._add_source(conn, article_id, art)
            if doc.events:
                conn.execute(events.insert(), [self._event_row(article_id, i, e) for i, e in enumerate(doc.events)])
                added += [(r.id, article_id) for r in conn.execute(select(events.c.id).where(
                    events.c.article_id == article_id).order_by(events.c.seq))]
            done.articles += 1
            done.events += len(doc.events)
        for art in reprints:
            old, _ = self._claim(conn, content_hash(art.text), art.url)
            if old is not None:
                done.sources += self._add_source(conn, old.id, art)
        log_changes(conn, added, deleted)
        return done

    @staticmethod
    def _claim(conn, h: str, url: str | None):
        """The stored article with text hash ``h`` (else the one at ``url``), and the one at ``url``; their rows
        locked until the transaction ends (PostgreSQL; SQLite's transaction holds the whole database)."""
        cond = articles.c.content_hash == h
        if url:
            cond = or_(cond, articles.c.url == url)
        rows = conn.execute(select(articles.c.id, articles.c.url, articles.c.content_hash, articles.c.coder_version)
                            .where(cond).order_by(articles.c.id).with_for_update()).all()
        by_hash = next((r for r in rows if r.content_hash == h), None)
        by_url = next((r for r in rows if url and r.url == url), None)
        return by_hash or by_url, by_url

    def _insert_new(self, row: dict):
        """INSERT of an article row that does nothing when the article is already stored (by URL or text),
        returning the new row's id (none then)."""
        dialect = self.engine.dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        elif dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:  # another database: a conflict fails the batch (P040) instead of being skipped
            return insert(articles).values(**row).returning(articles.c.id)
        return dialect_insert(articles).values(**row).on_conflict_do_nothing().returning(articles.c.id)

    def add_sources(self, pairs: list[tuple[int, Article]]) -> int:
        """Record that each article was also read from another place (a reprint); return how many are new."""
        def work(conn) -> int:
            new = 0
            for article_id, art in pairs:
                conn.execute(select(articles.c.id).where(articles.c.id == article_id).with_for_update()).first()
                new += self._add_source(conn, article_id, art)
            return new

        return self._writing(work) if pairs else 0

    @staticmethod
    def _add_source(conn, article_id: int, art: Article) -> bool:
        known = conn.execute(select(article_sources.c.id).where(
            article_sources.c.article_id == article_id,
            article_sources.c.doc_id == art.id,
            article_sources.c.url.is_(None) if not art.url else article_sources.c.url == art.url,
            article_sources.c.outlet.is_(None) if not art.outlet else article_sources.c.outlet == art.outlet)).first()
        if known is not None:
            return False
        conn.execute(article_sources.insert().values(article_id=article_id, doc_id=art.id, url=art.url or None,
                                                     outlet=art.outlet, pub_date=art.date, source=art.source))
        return True

    def sources(self) -> dict[str, list[dict]]:
        """Article id -> every place it was read from (outlet, URL, date), the first first."""
        query = (select(articles.c.doc_id, article_sources.c.outlet, article_sources.c.url, article_sources.c.pub_date)
                 .join(articles, article_sources.c.article_id == articles.c.id).order_by(article_sources.c.id))
        out: dict[str, list[dict]] = {}
        with self._guard("read"), self.engine.connect() as conn:
            for r in conn.execute(query):
                out.setdefault(r.doc_id, []).append({"outlet": r.outlet, "url": r.url, "date": r.pub_date})
        return out

    @staticmethod
    def _event_row(article_id: int, seq: int, e: Event) -> dict:
        loc = e.location
        return dict(
            article_id=article_id, seq=seq, event_type=e.event_type, mode=e.mode, cameo=e.cameo,
            quad_class=e.quad_class, acled_event_type=e.acled_event_type,
            acled_sub_event_type=e.acled_sub_event_type, actors=_codes(e.actor), recipients=_codes(e.recipient),
            claimed_by=e.claimed_by.country if e.claimed_by else None, status=e.status, event_date=e.date,
            **_days(e),
            place=(loc.name or loc.text) if loc else None, country=loc.country if loc else None,
            admin1=loc.admin1 if loc else None, lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            admin2=loc.admin2 if loc else None, geo_precision=loc.precision if loc else None,
            fatalities=e.fatalities, injured=e.injured, arrested=e.arrested, confidence=e.confidence,
            record=json.dumps(to_dict(e), ensure_ascii=False))

    # ------------------------------------------------------------------ reading
    def texts(self) -> dict[str, str]:
        """Article id -> text, for finding agency copies."""
        with self._guard("read"), self.engine.connect() as conn:
            return {r.doc_id: r.text for r in conn.execute(select(articles.c.doc_id, articles.c.text))}

    def counts(self) -> dict[str, int]:
        with self._guard("read"), self.engine.connect() as conn:
            return {"articles": conn.execute(select(func.count()).select_from(articles)).scalar_one(),
                    "events": conn.execute(select(func.count()).select_from(events)).scalar_one()}

    def events(self, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, status: str | None = None,
               claimed_by: str | None = None, place: str | None = None, precision: int | None = None,
               limit: int | None = None, quad_class: str | None = None, acled_type: str | None = None,
               min_confidence: float | None = None, country: str | None = None, min_lat: float | None = None,
               min_lon: float | None = None, max_lat: float | None = None, max_lon: float | None = None,
               text: str | None = None) -> Iterator[dict]:
        """Stored events matching every filter given, oldest first. ``actor``/``recipient``/``claimed_by``
        are country or organisation codes; ``type`` a PLOVER type (or several, comma-separated); ``status`` an
        event status; ``since``/``until`` a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (inclusive): an event
        is kept when the days its date covers (``date_start`` to ``date_end``; its article's date when it has
        none) overlap them, so an event dated 2025-03 is found by ``since="2025-03-15"``; ``place`` part of a
        place name, a country code, a region or a district; ``precision`` the largest geo precision kept (1: only
        events placed at their town); ``limit`` at least 1; ``quad_class`` and ``acled_type`` one or several,
        comma-separated; ``min_confidence`` the least confidence kept; ``country`` the code of the location's
        country; ``min_lat``..``max_lon`` a box the location lies in; ``text`` words of the evidence sentence.
        The filters are checked first, when this is called (:func:`~parley.store.filters.validate_filters`: a
        coded error names the nearest valid values). Each row: the event record, its article's fields and
        ``event_id``."""
        f = validate_filters(actor=actor, recipient=recipient, type=type, since=since, until=until, status=status,
                             claimed_by=claimed_by, place=place, precision=precision, limit=limit,
                             quad_class=quad_class, acled_type=acled_type, min_confidence=min_confidence,
                             country=country, min_lat=min_lat, min_lon=min_lon, max_lat=max_lat, max_lon=max_lon,
                             text=text)
        return self._rows(queries.rows_query(f, self.engine.dialect.name))

    def _rows(self, query) -> Iterator[dict]:
        with self._guard("read"), self.engine.connect() as conn:
            for r in conn.execute(query):
                yield queries.row_dict(r)

    def page(self, filters: dict, after: tuple[str | None, int] | None = None, size: int = 100,
             as_json: bool = False) -> tuple[list, tuple[str | None, int] | None]:
        """One page of the events matching ``filters`` (checked by
        :func:`~parley.store.filters.validate_filters`; ``limit`` is ignored), in the order of ``(date_start,
        id)``: the ``size`` events after the key ``after`` (None: from the first), and the key to give for the
        next page (None when this page is the last). Each event a dict like :meth:`events` gives, or its JSON
        text when ``as_json`` (the record is not parsed)."""
        dialect = self.engine.dialect.name
        with self._guard("read"), self.engine.connect() as conn:
            long_ids, undated = self._long_ids(conn, filters) if filters.get("since") else (None, True)
            found = {r.id: r for q in queries.page_queries(filters, after, size, dialect, long_ids, undated)
                     for r in conn.execute(q)}
        rows = sorted(found.values(), key=queries.page_key)[:size + 1]
        more = len(rows) > size
        rows = rows[:size]
        make = queries.row_json if as_json else queries.row_dict
        return [make(r) for r in rows], ((rows[-1].date_start, rows[-1].id) if more else None)

    def _long_ids(self, conn, filters: dict) -> tuple[list[int] | None, bool]:
        """The ids of the events of several days (:func:`~parley.store.queries.is_long`) that start before the
        filters' ``since`` and end on or after it (or have no last day), of their actor and recipient when they
        name one (None when there are too many to look up by id); and whether the store may hold events without
        days. What this needs is kept up to date by reading only the events added since the last call: events are
        never changed in place (a recoded article's events are deleted and written again with new ids), and on
        PostgreSQL, where a transaction may commit after another that took later ids, the last
        :data:`RECENT_IDS` ids are read again each time."""
        top = conn.execute(select(func.max(events.c.id))).scalar() or 0
        with self._long_lock:
            seen, spans, classes, undated = self._long
            if top < seen:  # the store was emptied and written again
                seen, spans, classes, undated = 0, {}, {}, False
            if top > seen:
                spans = dict(spans)
                start = max(0, seen - RECENT_IDS) if self.engine.dialect.name == "postgresql" else seen
                for r in conn.execute(select(events.c.id, events.c.date_start, events.c.date_end, events.c.actors,
                                             events.c.recipients).where(events.c.id > start, events.c.id <= top)):
                    undated = undated or r.date_start is None
                    if queries.is_long(r.date_start, r.date_end):
                        spans[r.id] = (r.date_start, r.id, r.date_end, r.actors, r.recipients)
                classes = {}
                for kept in spans.values():  # each span class sorted by first day
                    classes.setdefault(queries.span_class(kept[0], kept[2]), []).append(kept)
                for kept in classes.values():
                    kept.sort()
                self._long = (top, spans, classes, undated)
        actor = f"|{filters['actor']}|" if filters.get("actor") else ""
        recipient = f"|{filters['recipient']}|" if filters.get("recipient") else ""
        since = filters["since"]
        ids = []
        for days, kept in classes.items():  # only those that start at most their class's length before 'since'
            lo = 0 if days is None else bisect.bisect_left(kept, (queries.days_before(since, days),))
            hi = bisect.bisect_left(kept, (since,))
            ids += [i for _, i, end, actors, recipients in kept[lo:hi]
                    if (end is None or end >= since) and actor in actors and recipient in recipients]
        return (ids if len(ids) <= LONG_IDS else None), undated

    def pages(self, filters: dict, size: int = 1000) -> Iterator[list[dict]]:
        """Every event matching ``filters``, a page of ``size`` at a time (each page its own short read), in the
        order of :meth:`page`: memory holds one page, however many events match."""
        after = None
        while True:
            rows, after = self.page(filters, after, size)
            if rows:
                yield rows
            if after is None:
                return

    def event(self, event_id: int) -> dict | None:
        """The stored event with this id (a row like :meth:`events` gives), or None."""
        query = (select(*queries.ROW_COLUMNS).join(articles, events.c.article_id == articles.c.id)
                 .where(events.c.id == event_id))
        with self._guard("read"), self.engine.connect() as conn:
            r = conn.execute(query).first()
        return queries.row_dict(r) if r is not None else None

    def brief(self, filters: dict, involving: str | None = None) -> list:
        """The day (``day``), type, quad class, actor and recipient codes and place country of every event
        matching ``filters`` (and, with ``involving``, whose actors or recipients include that code): what counts
        by week need, without the records."""
        cond = queries.conditions(filters, self.engine.dialect.name)
        if involving:
            cond.append(or_(events.c.actors.like(f"%|{involving}|%"), events.c.recipients.like(f"%|{involving}|%")))
        query = queries.brief_query(cond)
        with self._guard("read"), self.engine.connect() as conn:
            return conn.execute(query).all()

    def texts_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Article id -> text, for the articles ``doc_ids``."""
        ids = sorted(set(doc_ids))
        with self._guard("read"), self.engine.connect() as conn:
            return {r.doc_id: r.text for r in conn.execute(
                select(articles.c.doc_id, articles.c.text).where(articles.c.doc_id.in_(ids)))} if ids else {}

    def fingerprint(self) -> tuple:
        """What changes whenever events are written or replaced: their number and largest id."""
        with self._guard("read"), self.engine.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.max(events.c.id))).one())

    def summary(self) -> dict:
        """What the store holds: articles and events, events by type, quad class and location country, and the
        first and last day of their dates."""
        with self._guard("read"), self.engine.connect() as conn:
            def by(column) -> dict:
                rows = conn.execute(select(column, func.count()).group_by(column).order_by(func.count().desc(),
                                                                                           column)).all()
                return {(k if k is not None else "NONE"): n for k, n in rows}

            first, last = conn.execute(select(func.min(events.c.date_start), func.max(events.c.date_end))).one()
            return {**self.counts(), "by_type": by(events.c.event_type), "by_quad_class": by(events.c.quad_class),
                    "by_country": by(events.c.country), "first_day": first, "last_day": last}


def _days(e: Event) -> dict:
    """The first and last day of the event's date, as the coder gave them or from the date itself."""
    span = event_days(vars(e))
    return {"date_start": span[0].isoformat() if span else None, "date_end": span[1].isoformat() if span else None}


def open_store(url: str | None = None) -> Store:
    return Store(url)
