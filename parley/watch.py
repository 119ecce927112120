"""``parley watch``: poll news feeds, code the new articles and keep the store current.

Each round asks every feed once (RSS or Atom, parsed by feedparser from the bytes httpx fetched), politely: the
ETag and Last-Modified of its last answer are kept in the store (table ``feed_state``) and sent back, so a feed
that has not changed answers 304 and costs nothing; requests to one host are spaced by a minimum interval; the
User-Agent names parley and its version. Each item's link is canonicalised (fragment and tracking parameters
dropped, host lower-cased); an item whose URL the store already holds (as an article or as a reprint's source)
is not fetched again. The others' pages are fetched and their main text extracted with trafilatura (the item's
summary stands in when the page fails), then coded and stored the way ``parley ingest`` stores: the store looks
each article up by URL and by text (:meth:`Store.lookup`), and writes the new ones, and the reprints' sources, in
one transaction per feed (:meth:`Store.write_batch`). Stories and agreements are read from the stored events,
so they follow.

A feed that is down, malformed or slow is logged with a coded message (P060, P061) and asked again next round;
the validators of a feed are saved only after its articles are stored, so a watch killed mid-round asks again
and, finding the articles stored, codes nothing twice.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from parley.errors import Errors, InputError
from parley.model import Article

_log = logging.getLogger("parley.watch")

TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga")
"""Query parameters that say who sent the reader, not what the page is: dropped from article URLs (a name that
starts with ``utm_`` or equals one of the others)."""

PAGE_LIMIT = 10 * 1024 * 1024  # an article page larger than this is not extracted (the summary stands in)


def user_agent() -> str:
    from parley import __version__

    return f"parley/{__version__} (news event coder; feed watcher)"


@dataclass
class RoundReport:
    """What one round of :func:`poll_once` did."""

    feeds: int = 0  # feeds asked
    unchanged: int = 0  # feeds that answered 304 Not Modified
    new_articles: int = 0  # articles coded and stored
    events: int = 0  # events stored
    duplicates: int = 0  # items already stored (by URL or by text), not coded again
    errors: list[InputError] = field(default_factory=list)  # feeds that failed, pages that fell back

    def line(self) -> str:
        return (f"parley watch: {self.feeds} feeds polled ({self.unchanged} unchanged, "
                f"{sum(e.code in ('P060', 'P061') for e in self.errors)} failed), {self.new_articles} new articles, "
                f"{self.events} events stored, {self.duplicates} already stored")


class Pacer:
    """Spaces requests to one host by at least ``interval`` seconds (across rounds when kept)."""

    def __init__(self, interval: float = 1.0):
        self.interval = interval
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.interval:
                time.sleep(self.interval - (now - last))
            self._last[host] = time.monotonic()


def parse_every(value: str | float) -> float:
    """Seconds from ``--every``: a number of seconds, or one with a unit: ``90s``, ``15m``, ``1h``, ``1d``
    (P043 otherwise, or when it is under 1 second)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = str(value).strip().lower()
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 1 or seconds == float("inf"):
        raise InputError("P043", "--every", Errors.P043.format(
            value=value, what="an interval", hint="give seconds, or a number with a unit: 90s, 15m, 1h, 1d"))
    return seconds


def canonical_url(url: str) -> str:
    """``url`` without its fragment and tracking parameters, its scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not (k.lower().startswith("utm_") or k.lower() in TRACKING)]
    netloc = parts.netloc
    if "@" not in netloc:
        netloc = netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def feed_urls(sources: list[str]) -> list[str]:
    """The feed URLs that ``sources`` name: URLs, OPML files (every outline's ``xmlUrl``) and text files of
    URLs (one a line; blank lines and ``#`` comments ignored); each once, in order. P062 for anything else."""
    urls: list[str] = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            urls.append(source)
            continue
        path = Path(source)
        if not path.is_file():
            raise InputError("P062", source, Errors.P062.format(value=source))
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.lstrip().startswith("<"):
            try:
                root = ET.fromstring(text.lstrip().encode("utf-8"))
            except ET.ParseError as exc:
                raise InputError("P062", source, Errors.P062.format(value=source) + f" (the XML is malformed: {exc})") from exc
            urls += [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl", "").strip()]
            continue
        for n, line in enumerate(text.splitlines(), 1):
            line = line.split(" #", 1)[0].split("\t#", 1)[0].strip()  # a comment: a line or a tail after a space
            if not line or line.startswith("#"):
                continue
            if not line.startswith(("http://", "https://")):
                raise InputError("P062", f"{source}:{n}", Errors.P062.format(value=line))
            urls.append(line)
    return list(dict.fromkeys(urls))


# ---------------------------------------------------------------------------------------------- feed state
def _state(store, url: str) -> tuple[str | None, str | None]:
    from sqlalchemy import select

    from parley.store.schema import feed_state

    with store.engine.connect() as conn:
        row = conn.execute(select(feed_state.c.etag, feed_state.c.last_modified)
                           .where(feed_state.c.url == url)).first()
    return (row.etag, row.last_modified) if row else (None, None)


def _save_state(store, url: str, *, etag: str | None = None, last_modified: str | None = None,
                error: str | None = None, keep: bool = False) -> None:
    """Record that ``url`` was polled; ``keep`` leaves its validators as they are (a failed or 304 poll)."""
    from sqlalchemy import select

    from parley.store.schema import feed_state, write_lock

    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with store.engine.begin() as conn:
        write_lock(conn)
        old = conn.execute(select(feed_state.c.etag, feed_state.c.last_modified)
                           .where(feed_state.c.url == url).with_for_update()).first()
        if keep and old is not None:
            etag, last_modified = old.etag, old.last_modified
        values = dict(etag=etag, last_modified=last_modified, checked=now, error=error)
        if old is None:
            conn.execute(feed_state.insert().values(url=url, **values))
        else:
            conn.execute(feed_state.update().where(feed_state.c.url == url).values(**values))


def _known_urls(store, urls: list[str]) -> set[str]:
    """Those of ``urls`` that the store holds as an article's URL or as a reprint's source."""
    from sqlalchemy import select, union

    from parley.store.schema import article_sources, articles

    if not urls:
        return set()
    query = union(select(articles.c.url).where(articles.c.url.in_(urls)),
                  select(article_sources.c.url).where(article_sources.c.url.in_(urls)))
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(query)}


# ---------------------------------------------------------------------------------------------- one round
def _reason(exc: Exception, timeout: float) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g} s"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _page_text(client, url: str, timeout: float, pacer: Pacer) -> tuple[str | None, str | None]:
    """The main text of the page at ``url`` (trafilatura, as :mod:`parley.ingest.html` extracts), or why not."""
    import httpx

    from parley.ingest.html import decode_page, main_text

    pacer.wait(url)
    try:
        resp = client.get(url, headers={"User-Agent": user_agent()}, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        return None, _reason(exc, timeout)
    if resp.status_code != 200:
        return None, f"HTTP {resp.status_code}"
    if len(resp.content) > PAGE_LIMIT:
        return None, f"{len(resp.content):,} bytes, over {PAGE_LIMIT:,}"
    page = decode_page(resp.content, url)
    if isinstance(page, InputError):
        return None, page.detail
    try:
        text = main_text(page)
    except Exception as exc:  # noqa: BLE001  a page that breaks the extractor falls back to the summary, logged
        return None, f"the extractor failed: {_reason(exc, timeout)}"
    return (text, None) if text is not None else (None, "no main text found")


def _store(arts: list[Article], store, coder, version: str, report: RoundReport) -> None:
    """Code and store ``arts`` as ``parley ingest`` does: skip what the store holds by URL or text (recording
    the new source of a reprint), code the rest, write all in one transaction."""
    from parley.store.ingest import sort_batch

    batch = sort_batch(store, arts, version, set())
    reprints = batch.repeated + batch.stored
    docs = list(coder.code(batch.todo)) if batch.todo else []
    done = store.write_batch(list(zip(batch.todo, docs)), version, reprints)
    report.new_articles += done.articles
    report.events += done.events
    report.duplicates += len(reprints) + done.already


def _poll_feed(url: str, store, coder, version: str, client, timeout: float, pacer: Pacer, report: RoundReport,
               log: logging.Logger) -> None:
    import feedparser
    import httpx

    from parley.ingest.feeds import entry_article, entry_text

    def fail(code: str, reason: str) -> None:
        err = InputError(code, url, getattr(Errors, code).format(reason=reason))
        report.errors.append(err)
        log.warning(str(err))
        _save_state(store, url, error=f"[{code}] {reason}", keep=True)

    etag, modified = _state(store, url)
    headers = {"User-Agent": user_agent()}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    pacer.wait(url)
    report.feeds += 1
    try:
        resp = client.get(url, headers=headers, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        return fail("P060", _reason(exc, timeout))
    if resp.status_code == 304:
        report.unchanged += 1
        _save_state(store, url, keep=True)
        return
    if resp.status_code != 200:
        return fail("P060", f"HTTP {resp.status_code}")
    try:
        parsed = feedparser.parse(resp.content)
    except Exception as exc:  # noqa: BLE001  feedparser is lenient, but a feed must never stop the round
        return fail("P061", _reason(exc, timeout))
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom root element")
        return fail("P061", reason)
    outlet = parsed.feed.get("title") or urlsplit(url).hostname
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        items.append((canonical_url(link) if link else None, entry))
    known = _known_urls(store, [u for u, _ in items if u])
    arts: list[Article] = []
    for link, entry in items:
        if link and (link in known or any(a.url == link for a in arts)):
            report.duplicates += 1
            continue
        text, why = _page_text(client, link, timeout, pacer) if link else (None, "the item has no link")
        if text is None:
            text = entry_text(entry) or None  # the item's summary stands in
            code = "P063" if text else "P064"
            err = InputError(code, link or url, getattr(Errors, code).format(reason=why))
            report.errors.append(err)
            log.warning(str(err))
            if text is None:
                continue
        # the page's text and the canonical link, which is also the id (else the guid, else the feed's URL and
        # the item's place)
        article = entry_article(entry, outlet, url, f"{url}#{len(arts)}", text=text, url=link, id=link,
                                warn_date=False)
        if article is not None:
            arts.append(article)
    if arts:
        _store(arts, store, coder, version, report)
    # the validators only now: a watch killed before this point asks for the whole feed again
    _save_state(store, url, etag=resp.headers.get("ETag"), last_modified=resp.headers.get("Last-Modified"))


def poll_once(sources: list[str], store, *, coder=None, timeout: float = 10, client=None,
              log: logging.Logger = _log, min_interval: float = 1.0, pacer: Pacer | None = None,
              version: str | None = None) -> RoundReport:
    """Poll every feed of ``sources`` once, code and store its new articles; see the module docstring.

    A feed that fails is reported in ``errors`` and logged, and the others are polled. Logs one line (INFO)."""
    import httpx

    from parley.pipeline import Coder
    from parley.store.ingest import coder_version

    urls = feed_urls(sources)
    coder = coder or Coder()
    version = version or coder_version()
    pacer = pacer or Pacer(min_interval)
    own = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": user_agent()})
    report = RoundReport()
    try:
        for url in urls:
            _poll_feed(url, store, coder, version, client, timeout, pacer, report, log)
    finally:
        if own:
            client.close()
    log.info(report.line())
    return report


def watch(sources: list[str], store, *, every: float = 900, once: bool = False, coder=None, timeout: float = 10,
          client=None, log: logging.Logger = _log, min_interval: float = 1.0) -> None:
    """Poll ``sources`` every ``every`` seconds (a round that took longer is followed at once) until
    interrupted; with ``once``, one round. The models load once; requests to a host stay ``min_interval`` apart
    across rounds. A round the store fails (P040, P041) or a source file that went bad (P062) is logged and
    tried again next round; with ``once`` it is raised. A bad source is raised before anything loads."""
    import httpx

    from parley.pipeline import Coder
    from parley.store.ingest import coder_version

    feed_urls(sources)  # a bad source is an error before anything loads
    coder = coder or Coder()
    version = coder_version()
    pacer = Pacer(min_interval)
    own = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": user_agent()})
    try:
        while True:
            start = time.monotonic()
            try:
                poll_once(sources, store, coder=coder, timeout=timeout, client=client, log=log, pacer=pacer,
                          version=version)
            except InputError as exc:
                # the store could not be read or written (P040, P041: a server restarting, a full disk), or a
                # source file went bad (P062): the round's feeds are asked again next round, nothing was lost
                if once or exc.code not in ("P040", "P041", "P062"):
                    raise
                log.error(f"{exc}; the round is tried again in {every:g} s")
            if once:
                return
            time.sleep(max(0.0, every - (time.monotonic() - start)))
    finally:
        if own:
            client.close()


__all__ = ["Pacer", "RoundReport", "canonical_url", "feed_urls", "parse_every", "poll_once", "user_agent", "watch"]
