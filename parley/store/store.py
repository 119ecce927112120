"""The event store: one interface over SQLite (the default, a file) and PostgreSQL (for teams).

>>> store = open_store("sqlite:///parley.db")          # or "postgresql://user@host/db", or PARLEY_DB
>>> store.write([(article, coded_document)], version)   # one transaction
>>> for row in store.events(actor="RUS", since="2025-03-01"):
...     row["event_type"], row["record"]["evidence"]["sentence"]
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import create_engine, delete, func, or_, select, update

from parley.errors import Errors, InputError
from parley.model import Article, CodedDocument, Event, to_dict
from parley.store.schema import article_sources, articles, enable_sqlite_pragmas, events, migrate

DEFAULT_DB = "sqlite:///parley.db"
ENV = "PARLEY_DB"


def database_url(url: str | None = None) -> str:
    """``url``, else ``$PARLEY_DB``, else ``parley.db`` in the working folder. A bare path is a SQLite file."""
    url = url or os.environ.get(ENV) or DEFAULT_DB
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


class Store:
    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        shown = _shown(self.url)
        try:
            self.engine = create_engine(self.url, future=True)
        except Exception as exc:  # a malformed URL, or a driver that is not installed
            raise InputError("P018", shown, Errors.P018.format(url=shown, reason=exc)) from exc
        if self.engine.dialect.name == "sqlite":
            enable_sqlite_pragmas(self.engine)
        try:
            self.version = migrate(self.engine)
        except Exception as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise InputError("P018", shown, Errors.P018.format(url=shown, reason=reason)) from exc

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
        with self.engine.connect() as conn:
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
        same text) have their row and events replaced. Returns (articles written, events written)."""
        if not coded:
            return 0, 0
        stored = self.lookup(a for a, _ in coded)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        n_events = 0
        with self.engine.begin() as conn:
            for art, doc in coded:
                h = content_hash(art.text)
                row = dict(doc_id=art.id, url=art.url or None, content_hash=h, outlet=art.outlet, title=art.title,
                           pub_date=art.date, source=art.source, text=art.text, coder_version=coder_version,
                           n_events=len(doc.events), ingested_at=now)
                old = stored.get(h)
                if old is not None:
                    conn.execute(delete(events).where(events.c.article_id == old.id))
                    conn.execute(update(articles).where(articles.c.id == old.id).values(**row))
                    article_id = old.id
                else:
                    article_id = conn.execute(articles.insert().values(**row)).inserted_primary_key[0]
                self._add_source(conn, article_id, art)
                if doc.events:
                    conn.execute(events.insert(), [self._event_row(article_id, i, e) for i, e in enumerate(doc.events)])
                n_events += len(doc.events)
        return len(coded), n_events

    def add_sources(self, pairs: list[tuple[int, Article]]) -> int:
        """Record that each article was also read from another place (a reprint); return how many are new."""
        with self.engine.begin() as conn:
            return sum(self._add_source(conn, article_id, art) for article_id, art in pairs)

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
        with self.engine.connect() as conn:
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
            place=(loc.name or loc.text) if loc else None, country=loc.country if loc else None,
            admin1=loc.admin1 if loc else None, lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            admin2=loc.admin2 if loc else None, geo_precision=loc.precision if loc else None,
            fatalities=e.fatalities, injured=e.injured, arrested=e.arrested, confidence=e.confidence,
            record=json.dumps(to_dict(e), ensure_ascii=False))

    # ------------------------------------------------------------------ reading
    def texts(self) -> dict[str, str]:
        """Article id -> text, for finding agency copies."""
        with self.engine.connect() as conn:
            return {r.doc_id: r.text for r in conn.execute(select(articles.c.doc_id, articles.c.text))}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {"articles": conn.execute(select(func.count()).select_from(articles)).scalar_one(),
                    "events": conn.execute(select(func.count()).select_from(events)).scalar_one()}

    def events(self, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, status: str | None = None,
               claimed_by: str | None = None, place: str | None = None, precision: int | None = None,
               limit: int | None = None) -> Iterator[dict]:
        """Stored events matching every filter given, oldest first. ``actor``/``recipient``/``claimed_by``
        are country codes; ``type`` a PLOVER type (or several, comma-separated); ``since``/``until`` dates
        YYYY-MM-DD (inclusive) on the event's date, else its article's; ``place`` part of a place name, a
        country code, a region or a district; ``precision`` the largest geo precision kept (1: only events placed
        at their town). Each row: the event record, its article's fields and ``event_id``."""
        when = func.coalesce(events.c.event_date, articles.c.pub_date)
        cond = []
        if actor:
            cond.append(events.c.actors.like(f"%|{actor.upper()}|%"))
        if recipient:
            cond.append(events.c.recipients.like(f"%|{recipient.upper()}|%"))
        if type:
            cond.append(events.c.event_type.in_([t.strip().upper() for t in type.split(",")]))
        for name, value in (("since", since), ("until", until)):
            if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise InputError("P009", f"--{name}", Errors.P009.format(value=value))
        if since:
            cond.append(when >= since)
        if until:
            cond.append(when <= until)
        if status:
            cond.append(events.c.status == status)
        if claimed_by:
            cond.append(events.c.claimed_by == claimed_by.upper())
        if place:
            cond.append(or_(func.lower(events.c.place).like(f"%{place.lower()}%"), events.c.country == place.upper(),
                            func.lower(events.c.admin1).like(f"%{place.lower()}%"),
                            func.lower(events.c.admin2).like(f"%{place.lower()}%")))
        if precision is not None:
            if precision not in (1, 2, 3):
                raise InputError("P025", "--precision", Errors.P025.format(value=precision))
            cond.append(events.c.geo_precision <= precision)
        query = (select(events.c.id, events.c.record, articles.c.doc_id, articles.c.url, articles.c.outlet,
                        articles.c.title, articles.c.pub_date, articles.c.coder_version)
                 .join(articles, events.c.article_id == articles.c.id)
                 .where(*cond).order_by(when, events.c.article_id, events.c.seq))
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                yield {"event_id": r.id, "doc_id": r.doc_id, "url": r.url, "outlet": r.outlet, "title": r.title,
                       "doc_date": r.pub_date, "coder_version": r.coder_version, **json.loads(r.record)}


def open_store(url: str | None = None) -> Store:
    return Store(url)
