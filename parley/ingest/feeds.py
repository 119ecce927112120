"""News feeds (``.rss``, ``.atom``, ``.xml``): RSS 2.0, RSS 1.0 (RDF) and Atom, one article per item, read by feedparser.

Each item gives: title; link as url (the alternate link, or a permalink guid that is an http(s) address);
pubDate / published / dc:date / updated as date; the feed's own title as outlet; content
(``content:encoded`` or Atom ``content``) or else description/summary as text, with HTML stripped (Atom
``type="text"`` is kept as written, trimmed); guid / Atom id as id (else the link, else ``<file name>:<line>``).
:func:`entry_article` is that mapping, shared with ``parley watch``.

The file is decoded as :mod:`parley.ingest.charset` finds it (UTF-8, a byte-order mark, the charset its XML
declaration names, or a guess, with the P035 warning for anything but UTF-8) and handed to feedparser as
UTF-8. feedparser is lenient: when the XML is malformed it still recovers what items it can, so the file
gives those items and one P011 naming the line of the first syntax error. A document that is not a feed
(HTML, another XML root) is P011 and gives nothing.

feedparser reads a whole file into memory (and builds every item before the first is given), so a feed file
larger than :data:`MAX_FEED_BYTES` (or than ``max_bytes``, when that is larger) is refused from its size
alone, before it is read: P036 naming the file. An item whose text is larger than ``max_bytes`` is P036 and
the items around it are read.

Each item's source is ``<file>:<line>``, the line its start tag is on, found by a scan of the text for
``<item>`` and ``<entry>`` start tags (comments, CDATA sections and processing instructions skipped). When
that scan does not find as many items as feedparser did (an ``<item>`` inside another, a broken document),
the items' sources are the file alone and their fallback ids ``<file name>#<n>``, n counting from 1.
"""
from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from parley.errors import Errors, InputError
from parley.ingest import charset
from parley.ingest.html import strip_tags
from parley.ingest.text import MAX_BYTES, normalise_date, parse_date, too_large, utf8_size_over
from parley.model import Article

MAX_FEED_BYTES = 20_000_000
"""The largest feed file read (unless ``max_bytes`` is larger): feedparser holds the whole file, and every
item parsed from it, in memory at once (about twenty times the file's size; a 4 MB feed of 100,000 items
takes some 12 s). News feeds are rarely over a few megabytes."""

FEED_ROOTS = frozenset(("rss", "feed", "RDF"))
_DATE_FIELDS = ("published", "updated", "created")  # feedparser's names: pubDate, dc:date, issued, modified ...
_HTML_TYPES = frozenset(("text/html", "application/xhtml+xml"))
_ENCODING_NOTICES = ("CharacterEncodingOverride", "CharacterEncodingUnknown", "NonXMLContentType")
"""feedparser's bozo exceptions about the HTTP charset, which a file read here is given (as UTF-8)."""
_DECLARATION = re.compile(rb"""\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_TEXT_DECLARATION = re.compile(r"(\s*)(<\?xml\b[^>]{0,300}?\?>)")
_UTF8_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_SKIPPED = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[?!].*?(?:>|\Z)", re.DOTALL)
_START = re.compile(r"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(?=[\s/>]|\Z)")
_ITEMS = frozenset(("item", "entry"))


def read_feed(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield one article per feed item, and a P011 after them when the XML is malformed; see the module
    docstring."""
    cap = max(max_bytes, MAX_FEED_BYTES)
    size = path.stat().st_size
    if size > cap:
        yield too_large(f"the feed file {path.name!r} (read whole)", size, cap, source)
        return
    data = path.read_bytes()
    declared = _declared(data[: charset.SAMPLE_BYTES])
    text = charset.decode(data, source, declared=declared)
    if isinstance(text, InputError):
        yield text
        return
    del data
    if declared is not None and _known(declared) is None:
        yield _malformed(path, source, 1, f"unknown encoding: {declared}")
    scan = _scan(text)
    try:
        parsed = _parse(text)
    except Exception as exc:  # noqa: BLE001  feedparser is lenient; a document that still breaks it is malformed
        yield _malformed(path, source, 1, f"feedparser failed: {type(exc).__name__}: {exc}")
        return
    if not parsed.get("version") and (scan.root is None or _local(scan.root[0]) not in FEED_ROOTS):
        name, line = scan.root or ("", 1)
        reason = f"not an RSS or Atom feed (the root element is <{name}>)" if name else "no XML element"
        yield _malformed(path, source, line, reason)
        return
    entries = parsed.entries
    lines = scan.item_lines if len(scan.item_lines) == len(entries) else None
    outlet = _detail_text(parsed.feed.get("title_detail"), parsed.feed.get("title")) or None
    for n, entry in enumerate(entries, 1):
        where, fallback_id = (f"{source}:{lines[n - 1]}", f"{path.name}:{lines[n - 1]}") if lines else \
            (source, f"{path.name}#{n}")
        item = entry_article(entry, outlet, where, fallback_id)
        if item is None:
            yield InputError("P006", where, Errors.P006)
            continue
        over = utf8_size_over(item.text, max_bytes)
        yield item if over is None else too_large("the item's text", over, max_bytes, where)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ not in _ENCODING_NOTICES:
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else 1
        reason = problem.getMessage() if hasattr(problem, "getMessage") else str(problem) or type(problem).__name__
        yield _malformed(path, source, line or 1, f"{reason} (the items feedparser could recover are read)")


def entry_article(entry: Mapping[str, Any], outlet: str | None, source: str, fallback_id: str, *,
                  text: str | None = None, url: str | None = None, id: str | None = None,
                  warn_date: bool = True) -> Article | None:
    """One feedparser entry -> article, or None when it has no text.

    ``text``, ``url`` and ``id``, when given, stand in for the entry's own (``parley watch`` gives the page's
    text and the canonical link); otherwise the text is :func:`entry_text`, the url :func:`entry_link` and
    the id the guid / Atom id, else the url, else ``fallback_id``. The date is the first of published
    (pubDate, dcterms:issued), updated (dc:date, dcterms:modified) and created that the entry has, its
    calendar date as written (the publication's local date); with ``warn_date`` one that does not read as a
    date is logged (P009), without it it is dropped silently.
    """
    text = text if text is not None else entry_text(entry)
    if not text:
        return None
    url = url if url is not None else entry_link(entry)
    # dict.get: feedparser's own get gives "updated" from "published" when it is missing (with a warning)
    dates = (dict.get(entry, k) if isinstance(entry, dict) else entry.get(k) for k in _DATE_FIELDS)
    raw_date = next((value for value in dates if isinstance(value, str) and value.strip()), None)
    title = _detail_text(entry.get("title_detail"), entry.get("title"))
    return Article(
        id=id or (entry.get("id") or "").strip() or url or fallback_id,
        text=text,
        title=title or None,
        url=url,
        outlet=outlet,
        date=normalise_date(raw_date, source) if warn_date else _quiet_date(raw_date),
        source=source,
    )


def entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's text: its first non-empty content (``content:encoded``, Atom ``content``), else its
    description / summary; HTML stripped, plain text (Atom ``type="text"``) trimmed. Empty when none."""
    for content in entry.get("content") or ():
        found = _detail_text(content, content.get("value"))
        if found:
            return found
    return _detail_text(entry.get("summary_detail"), entry.get("summary"))


def entry_link(entry: Mapping[str, Any]) -> str | None:
    """The entry's address: its first alternate link (RSS ``<link>``, Atom ``<link rel="alternate">``), else
    a permalink guid that is an http(s) address; None when it has neither."""
    for link in entry.get("links") or ():
        href = (link.get("href") or "").strip()
        if href and link.get("rel", "alternate") == "alternate":
            return href
    guid = (entry.get("id") or "").strip()
    if entry.get("guidislink") and guid.lower().startswith(("http://", "https://")):
        return guid
    return None


def _detail_text(detail: Mapping[str, Any] | None, value: Any) -> str:
    """A feedparser text construct as plain text: HTML stripped, plain text trimmed."""
    kind = detail.get("type") if detail else "text/html"
    raw = (detail.get("value") if detail else None) or value
    if not isinstance(raw, str):
        return ""
    return strip_tags(raw) if kind in _HTML_TYPES else raw.strip()


def _quiet_date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _parse(text: str) -> Any:
    """feedparser's reading of ``text``, given as UTF-8 bytes (its XML declaration saying so)."""
    import feedparser

    # the declaration goes first and says UTF-8 (feedparser would put one on a line of its own, which moves
    # every line number); the one the file had, and the space before it, become line breaks
    found = _TEXT_DECLARATION.match(text)
    if found:
        text = "\n" * found.group().count("\n") + text[found.end():]
    text = _UTF8_DECLARATION + text
    return feedparser.parse(io.BytesIO(text.encode("utf-8")),
                            response_headers={"content-type": "application/xml; charset=utf-8"})


class _Scan:
    """The root element (name, line) and the lines of the ``<item>`` / ``<entry>`` start tags of a document."""

    def __init__(self, root: tuple[str, int] | None, item_lines: list[int]):
        self.root = root
        self.item_lines = item_lines


def _scan(text: str) -> _Scan:
    """Find the start tags in ``text`` with comments, CDATA sections, processing instructions and declarations
    blanked out (their line breaks kept). Items are unprefixed ``<item>``/``<entry>`` tags, or, when there
    are none, prefixed ones (``<atom:entry>``)."""
    masked = _SKIPPED.sub(lambda m: "\n" * m.group().count("\n"), text)
    root = None
    plain: list[int] = []
    prefixed: list[int] = []
    line, pos = 1, 0
    for match in _START.finditer(masked):
        line += masked.count("\n", pos, match.start())
        pos = match.start()
        prefix, name = match.groups()
        if root is None:
            root = (f"{prefix}:{name}" if prefix else name, line)
        if name in _ITEMS:
            (prefixed if prefix else plain).append(line)
    return _Scan(root, plain or prefixed)


def _declared(head: bytes) -> str | None:
    """The encoding an XML declaration at the start of ``head`` names, if any."""
    found = _DECLARATION.match(head)
    return found.group(1).decode("ascii") if found else None


def _known(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _malformed(path: Path, source: str, line: int, reason: object) -> InputError:
    return InputError("P011", f"{source}:{line}", Errors.P011.format(name=path.name, line=line, reason=reason))


def _local(tag: str) -> str:
    """A tag name without its ``prefix:``."""
    return tag.rpartition(":")[2]
