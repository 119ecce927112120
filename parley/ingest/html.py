"""HTML pages (``.html``, ``.htm``): the main text via trafilatura, plus a tag stripper for feeds.

A page is one article whose id is the file name. Its text is trafilatura's main-text extraction
(boilerplate and comments dropped); title, date and url come from the page metadata when present.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from parley.errors import Errors, InputError
from parley.ingest import charset
from parley.ingest.text import MAX_BYTES, normalise_date, oversize
from parley.model import Article

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def read_html(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the one article in an HTML file, or the reason it cannot be read.

    The file is refused (P036) from its size before it is read when it is larger than ``max_bytes``.
    """
    import trafilatura  # imported here: loading it is slow and only HTML input needs it

    problem = oversize(path, source, max_bytes)
    if problem:
        yield problem
        return
    page = decode_page(path.read_bytes(), source)
    if isinstance(page, InputError):
        yield page
        return
    text = main_text(page)
    if text is None:
        yield InputError("P006", source, Errors.P006)
        return
    # extensive=False: no guessing a date from a copyright footer ("(c) 2024" is not a publication date)
    meta = trafilatura.extract_metadata(page, extensive=False)
    yield Article(
        id=path.name,
        text=text,
        title=getattr(meta, "title", None) or None,
        url=getattr(meta, "url", None) or None,
        date=normalise_date(getattr(meta, "date", None), source),
        source=source,
    )


def main_text(page: str) -> str | None:
    """The main text of a decoded page, extracted by trafilatura (markup, scripts, navigation and comments left
    out), each block a paragraph; None when the page has none."""
    import trafilatura

    text = trafilatura.extract(page, include_comments=False)
    if not text or not text.strip():
        return None
    # trafilatura puts each block (headline, paragraph, list item) on its own line: make the blocks
    # paragraphs, so that a headline without a full stop never runs into the first sentence
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def decode_page(data: bytes, source: str) -> str | InputError:
    """A page's text: UTF-8, else the charset its ``<meta>`` declares, else the detected one (see
    :mod:`parley.ingest.charset`); or why it cannot be read."""
    declared = _CHARSET.search(data[:4096])
    return charset.decode(data, source, declared.group(1).decode("ascii") if declared else None)


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, with a line break at each block element."""

    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
        "header hr li main nav ol p pre section table td th tr ul".split()
    )
    HIDDEN = frozenset(("script", "style", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_tags(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one line per block."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
