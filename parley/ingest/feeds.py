"""News feeds (``.rss``, ``.atom``, ``.xml``): RSS 2.0, RSS 1.0 (RDF) and Atom, one article per item.

Each item gives: title; link as url; pubDate / published / dc:date / updated as date; the feed's
own title as outlet; content (``content:encoded`` or Atom ``content``) or else description/summary
as text, with HTML stripped; guid / Atom id as id (else the link, else ``<file name>:<line>``).
The file is parsed incrementally with :class:`xml.etree.ElementTree.XMLPullParser`. A feed that is not
UTF-8 is decoded in the encoding its XML declaration names, else as :mod:`parley.ingest.charset` finds it.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, AnyStr

from parley.errors import Errors, InputError
from parley.ingest import charset
from parley.ingest.html import strip_tags
from parley.ingest.text import MAX_BYTES, normalise_date, too_large, utf8_size_over
from parley.model import Article

FEED_ROOTS = frozenset(("rss", "feed", "RDF"))
ITEMS = frozenset(("item", "entry"))
_TEXT_FIELDS = ("encoded", "content", "description", "summary")
_DATE_FIELDS = ("pubDate", "published", "date", "issued", "updated", "modified")
_DECLARATION = re.compile(rb"""\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_CHUNK = 1 << 16


def read_feed(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield one article per feed item; a parse error stops the file after the items before it.

    An item whose text is larger than ``max_bytes`` (in UTF-8) is P036; the items around it are read.
    """
    encoding = charset.sniff(path, source, declared=_declared)
    if isinstance(encoding, InputError):
        yield encoding
        return
    # UTF-8 goes to the XML parser as bytes; text in another encoding is decoded here, and the parser,
    # given text, follows no encoding declaration
    with open(path, "rb") if encoding.is_utf8 else charset.open_text(path, encoding) as f:
        try:
            for item in _items(_pull(f), path, source):
                size = None if isinstance(item, InputError) else utf8_size_over(item.text, max_bytes)
                yield item if size is None else too_large("the item's text", size, max_bytes, item.source or source)
        except ET.ParseError as exc:
            line = exc.position[0]
            detail = Errors.P011.format(name=path.name, line=line, reason=str(exc).split(":")[0])
            yield InputError("P011", f"{source}:{line}", detail)
        except UnicodeDecodeError as exc:
            yield charset.decode_error(exc, source, encoding.name)
        except LookupError as exc:  # the XML declaration names an encoding Python does not know
            yield InputError("P011", f"{source}:1", Errors.P011.format(name=path.name, line=1, reason=exc))


def _declared(head: bytes) -> str | None:
    """The encoding an XML declaration at the start of ``head`` names, if any."""
    found = _DECLARATION.match(head)
    return found.group(1).decode("ascii") if found else None


def _pull(f: IO[AnyStr]) -> Iterator[tuple[str, ET.Element, int]]:
    """(event, element, line) for each start/end tag, feeding the parser a line (or a piece of a long
    line) at a time; the line is the one the piece fed starts on."""
    parser = ET.XMLPullParser(events=("start", "end"))
    lineno = 1
    for chunk in iter(lambda: f.readline(_CHUNK), f.read(0)):
        parser.feed(chunk)
        for event, element in parser.read_events():
            yield event, element, lineno
        lineno += chunk.count("\n" if isinstance(chunk, str) else b"\n")
    parser.close()
    for event, element in parser.read_events():
        yield event, element, lineno


def _items(events: Iterable[tuple[str, ET.Element, int]], path: Path, source: str) -> Iterator[Article | InputError]:
    """Articles from the pull events; the feed title (read before the items) becomes the outlet."""
    stack: list[str] = []
    outlet = None
    item_line = 0
    for event, element, line in events:
        name = _local(element.tag)
        if event == "start":
            if not stack and name not in FEED_ROOTS:
                reason = f"not an RSS or Atom feed (the root element is <{name}>)"
                detail = Errors.P011.format(name=path.name, line=line, reason=reason)
                yield InputError("P011", f"{source}:{line}", detail)
                return
            stack.append(name)
            item_line = line if name in ITEMS else item_line
            continue
        stack.pop()
        parent = stack[-1] if stack else None
        if name == "title" and parent in ("channel", "feed") and outlet is None:
            outlet = _text(element) or None
        elif name in ITEMS and parent in ("channel", "feed", "RDF"):
            yield _item(element, f"{source}:{item_line}", f"{path.name}:{item_line}", outlet)
            element.clear()


def _item(item: ET.Element, source: str, fallback_id: str, outlet: str | None) -> Article | InputError:
    """One RSS item or Atom entry -> article, or P006 when it has no text."""
    fields = {}
    for child in item:
        fields.setdefault(_local(child.tag), child)
    text = next(filter(None, (_text(fields[key]) for key in _TEXT_FIELDS if key in fields)), "")
    if not text:
        return InputError("P006", source, Errors.P006)
    url = _link(item)
    guid = fields.get("guid", fields.get("id"))
    date = next((fields[key].text for key in _DATE_FIELDS if key in fields and fields[key].text), None)
    title = fields.get("title")
    return Article(
        id=(_text(guid) if guid is not None else "") or url or fallback_id,
        text=text,
        title=(_text(title) if title is not None else "") or None,
        url=url,
        outlet=outlet,
        date=normalise_date(date, source),
        source=source,
    )


def _text(element: ET.Element) -> str:
    """An element's text with HTML stripped; Atom ``type="text"`` is kept as written (trimmed)."""
    if len(element):  # Atom type="xhtml": the markup arrives parsed, in the XHTML namespace
        for node in element.iter():
            node.tag = _local(node.tag)
        raw = "".join(ET.tostring(child, encoding="unicode") for child in element)
        return strip_tags((element.text or "") + raw)
    raw = element.text or ""
    return raw.strip() if element.get("type") == "text" else strip_tags(raw)


def _link(item: ET.Element) -> str | None:
    """The item's address: RSS ``<link>`` text or the Atom alternate ``<link href>``."""
    for child in item:
        if _local(child.tag) != "link":
            continue
        if child.text and child.text.strip():
            return child.text.strip()
        if child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href")
    return None


def _local(tag: str) -> str:
    """A tag name without its ``{namespace}``."""
    return tag.rpartition("}")[2]
