"""Hostile inputs for the readers and the coder, as Hypothesis strategies, and the harness that runs one.

An input is ``(kind, suffix, data)``: bytes written to a temporary file with that suffix (any supported
suffix, not only the natural one for the kind), or fed to standard input when the suffix is ``-``, or a
whole folder (``kind == "folder"``, with an ``index.json`` manifest) when the suffix is ``/``. Kinds:
random bytes; random Unicode with control, format and bidi characters; news-like text; very long tokens;
deeply nested or broken HTML; malformed JSON, JSON Lines, CSV and RSS/Atom; folders with manifests.
Every text stays under about 50 KB. ``tests/fuzz/test_fuzz_inputs.py`` runs a bounded slice in CI;
``scripts/fuzz.py`` runs 10,000 and more.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from parley.errors import Errors, InputError
from parley.ingest import READERS, ReadReport, read_paths
from parley.model import Article, to_dict

SUFFIXES = sorted(READERS)
MAX_TEXT = 50_000
"""Characters of one generated text, at most (the coder's sentence splitter is slow on longer ones)."""

SPECIAL = ("\x00\x01\x07\x08\t\x0b\x0c\r\x1b\x7f\x85\xa0\xad\u0300\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
           "\u202a\u202b\u202c\u202d\u202e\u2028\u2029\u2060\u2066\u2067\u2068\u2069\u3000\ufeff\ufffc\ufffd"
           "\ufffe\uffff\U0001f600\U0001f1fa\U000e0001\U0010ffff")
"""Control, format, bidi (U+202E and friends), separators, noncharacters, combining marks, emoji."""
WORDS = ("Russia", "Russian", "Ukraine", "Ukrainian", "Kyiv", "Kharkiv", "Moscow", "Zelensky", "Putin", "Hamas",
         "Israel", "Gaza", "the army", "troops", "drones", "a missile", "attacked", "struck", "shelled", "killed",
         "wounded", "said", "accused", "denied", "agreed", "met", "talks", "ceasefire", "truce", "protesters",
         "police", "arrested", "sanctions", "on Tuesday", "last week", "in March", "2024-02-30", "12", "at least",
         "dozens", "hundreds", "Mr.", "U.S.", "U.N.", "St.", "according to", "the enemy", "he", "it", "both sides",
         "in", "near", "the", "of", "and", "—", "“", "”", "'", '"', "(", ")", "[", "]", ":", ";", ".", ",", "!",
         "?", "...", "\n", "\n\n", "\t", " ", "", "-", "/", "http://x.example/a?b=c", "#", "@", "&amp;", "%")
KEYS = ("id", "text", "title", "url", "outlet", "source", "publisher", "date", "file", "", "TEXT", "extra")
TAGS = ("div", "p", "span", "table", "tr", "td", "b", "i", "a", "ul", "li", "article", "section", "main", "h1",
        "script", "style", "template", "iframe", "svg", "math", "noscript", "pre", "br", "meta", "title", "body")
DATES = ("2024-03-05", "2024-02-30", "2024-13-45", "0000-00-00", "9999-12-31", "+999999-01-01", "2024-03-05T25:99",
         "Tue, 05 Mar 2024 10:00:00 GMT", "Tue, 99 Foo 2024", "yesterday", "", " ", "1e309", "2024", "2024-03",
         "-1", "٢٠٢٤-٠٣-٠٥", "2024-03-05\x00", "1" * 400)
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "cp1251",
             "latin-1", "koi8-r", "gb18030", "shift_jis")

_chars = st.characters(blacklist_categories=("Cs",))
_any_char = st.one_of(_chars, st.sampled_from(SPECIAL))


# --- texts ------------------------------------------------------------------------------------------

unicode_text = st.text(_any_char, max_size=2000)
"""Random Unicode, control, bidi and format characters included."""
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(_any_char, max_size=8)), max_size=300).map(" ".join)
"""Word salad of the words of war reporting: reaches deep into the coder (triggers, parties, dates, numbers)."""


@st.composite
def long_token(draw: Callable[..., Any]) -> str:
    """A token of thousands of characters (no space, no full stop), inside a sentence or alone."""
    unit = draw(st.sampled_from(["a", "9", "\u202e", "x.", "\u0300", "ab-", "\U0001f600", "."] + list(WORDS[:5])))
    n = draw(st.integers(1000, MAX_TEXT // max(1, len(unit)) - 100))
    token = (unit * n)[:MAX_TEXT - 200]
    before, after = draw(st.sampled_from([("", ""), ("Russian drones attacked ", " on Tuesday."), ("He said ", ".")]))
    return before + token + after


text = st.one_of(unicode_text, news_text, long_token(), st.just(""), st.sampled_from(WORDS))


def encode(value: str, encoding: str) -> bytes:
    """``value`` in ``encoding``, characters it cannot hold replaced."""
    return value.encode(encoding, "replace" if encoding not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32")
                        else "surrogatepass")


@st.composite
def mutate(draw: Callable[..., Any], data: bytes) -> bytes:
    """``data`` as it is, or truncated, with bytes flipped, or with bytes inserted."""
    how = draw(st.sampled_from(["keep", "keep", "keep", "truncate", "flip", "insert"]))
    if not data or how == "keep":
        return data
    at = draw(st.integers(0, len(data) - 1))
    if how == "truncate":
        return data[:at]
    if how == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]


# --- documents --------------------------------------------------------------------------------------

@st.composite
def html_page(draw: Callable[..., Any]) -> str:
    """A page with deeply nested, unclosed or script-laden markup, junk attributes and bad entities."""
    depth = draw(st.integers(0, 3000))
    tags = draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=5))
    attrs = draw(st.sampled_from(["", ' class="x"', ' a=">', " charset=koi8-r", ' style="x:expression(1)"',
                                  " onload=alert(1)", ' lang="ar" dir="rtl"']))
    opening = "".join(f"<{tags[i % len(tags)]}{attrs}>" for i in range(depth))
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth))) if draw(st.booleans()) else ""
    body = draw(text)
    junk = draw(st.sampled_from(["", "&#x110000;", "&#0;", "&#xD800;", "&bogus;", "<!--", "<![CDATA[", "<?php ?>",
                                 "]]>", "<!DOCTYPE html>", "</html></html>", "<meta charset='utf-16'>"]))
    title = draw(st.sampled_from(["", f"<title>{draw(text)[:200]}</title>"]))
    html = f"<html><head>{title}</head><body>{junk}{opening}<p>{body}</p>{closing}</body></html>"
    return html[: MAX_TEXT + 40_000]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text | st.sampled_from(DATES),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner,
                                                                max_size=4),
    max_leaves=8,
)
record = st.dictionaries(st.sampled_from(KEYS), st.one_of(text, json_values, st.sampled_from(DATES)), max_size=7)


HUGE = "9" * 5000
"""An integer of more digits than Python reads without a ValueError (4,300)."""


def dumps(value: Any, **kwargs: Any) -> str:
    """JSON text of ``value`` (NaN and Infinity allowed: the readers must cope)."""
    return json.dumps(value, **kwargs)


@st.composite
def json_lines(draw: Callable[..., Any]) -> str:
    """JSON Lines: records, other JSON values, broken lines, blank lines, deep nesting."""
    lines = draw(st.lists(st.one_of(
        record.map(lambda r: dumps(r, ensure_ascii=False)),
        record.map(dumps),
        json_values.map(dumps),
        st.integers(1, 50_000).map(lambda n: "[" * n + "]" * n),
        st.sampled_from(["", " ", "{", '{"text": "a', '{"id": %s, "text": "Huge id."}' % HUGE, HUGE,
                         '{"text": "x", "date": %s}' % HUGE, '{"text": "x"}{"text": "y"}', "NaN", '{"text": NaN}',
                         '{"text": "\\ud800"}', '{"text": "\\u0000"}', "\ufeff{}", '{"text": "a", "text": 7}']),
        unicode_text,
    ), max_size=12))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines) + draw(st.sampled_from(["", "\n"]))


@st.composite
def json_document(draw: Callable[..., Any]) -> str:
    """A JSON document: an array of records (pretty or minified, maybe cut short), one record, or a value."""
    indent = draw(st.sampled_from([None, 0, 1, 2]))
    value = draw(st.one_of(st.lists(record, max_size=8), record, json_values,
                           st.lists(st.fixed_dictionaries({"file": text, "date": st.sampled_from(DATES)}),
                                    max_size=4)))
    doc = dumps(value, indent=indent, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 9)) == 0:
        doc = doc.replace("null", HUGE, 1)
    if draw(st.booleans()):
        doc = doc[: draw(st.integers(0, len(doc)))] + draw(st.sampled_from(["", "]", "}", ",", '"', "\\", "[{"]))
    return doc


@st.composite
def csv_document(draw: Callable[..., Any]) -> str:
    """CSV: headers with or without ``text``, ragged rows, quotes, NULs, long cells, broken quoting."""
    header = draw(st.lists(st.sampled_from(KEYS) | st.text(max_size=5), min_size=0, max_size=5))
    rows = draw(st.lists(st.lists(text, max_size=6), max_size=8))
    out = io.StringIO()
    writer = csv.writer(out, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])))
    try:
        writer.writerows([header, *rows])
    except csv.Error:
        pass
    document = out.getvalue()
    if draw(st.booleans()):
        document += draw(st.sampled_from(['a,"unclosed\nquote', '"""', "\x00,\x00", 'x"y,z', "\r\r\r", ",,,,\n"]))
    return document


@st.composite
def feed_document(draw: Callable[..., Any]) -> str:
    """RSS 2.0, RSS 1.0 or Atom with hostile content, entities, doctypes, namespaces; maybe cut short."""
    def cell() -> str:
        value = draw(text)[:3000]
        how = draw(st.sampled_from(["escape", "raw", "cdata", "entity"]))
        if how == "escape":
            return value.replace("&", "&amp;").replace("<", "&lt;")
        if how == "cdata":
            return f"<![CDATA[{value}]]>"
        if how == "entity":
            return draw(st.sampled_from(["&lol;", "&#x110000;", "&#0;", "&amp;lt;p&amp;gt;x", "&nbsp;", "&e;"]))
        return value

    items = draw(st.integers(0, 6))
    kind = draw(st.sampled_from(["rss", "atom", "rdf", "other"]))
    doctype = draw(st.sampled_from(["", '<!DOCTYPE rss [<!ENTITY e "Russian drones attacked Kharkiv.">]>',
                                    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                                    '<!ENTITY lol "&b;&b;&b;&b;&b;&b;&b;&b;">]>',
                                    '<!DOCTYPE r SYSTEM "file:///etc/passwd">']))
    declaration = draw(st.sampled_from(["", '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-8"?>',
                                        '<?xml version="1.0" encoding="windows-1251"?>',
                                        '<?xml version="1.0" encoding="bogus-42"?>']))
    if kind == "atom":
        entries = "".join(f"<entry><id>{cell()}</id><title>{cell()}</title><published>{draw(st.sampled_from(DATES))}"
                          f"</published><content type=\"{draw(st.sampled_from(['html', 'text', 'xhtml']))}\">"
                          f"{cell()}</content><link href=\"{cell()}\"/></entry>" for _ in range(items))
        document = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{cell()}</title>{entries}</feed>'
    elif kind == "other":
        document = f"<{draw(st.sampled_from(TAGS))}>{cell()}</x>"
    else:
        body = "".join(f"<item><guid>{cell()}</guid><title>{cell()}</title><pubDate>{draw(st.sampled_from(DATES))}"
                       f"</pubDate><description>{cell()}</description>"
                       f"{draw(st.sampled_from(['', '<item><description>nested</description></item>']))}</item>\n"
                       for _ in range(items))
        root = "rss" if kind == "rss" else 'rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        document = f"<{root}><channel><title>{cell()}</title>{body}</channel></{root.split()[0]}>"
    document = declaration + doctype + document
    if draw(st.booleans()):
        document = document[: draw(st.integers(0, len(document)))]
    return document


_NATURAL = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "json": ".json", "csv": ".csv", "feed": ".rss"}
_DOCUMENTS = {"unicode": unicode_text, "news": news_text, "long": long_token(), "html": html_page(),
              "jsonl": json_lines(), "json": json_document(), "csv": csv_document(), "feed": feed_document()}


@st.composite
def one_input(draw: Callable[..., Any]) -> tuple[str, str, bytes]:
    """One fuzz input: (kind, suffix or "-" for standard input, bytes)."""
    kind = draw(st.sampled_from(["bytes", *_DOCUMENTS]))
    if kind == "bytes":
        data = draw(st.binary(max_size=4096))
    else:
        data = encode(draw(_DOCUMENTS[kind]), draw(st.sampled_from(ENCODINGS)))
    data = draw(mutate(data))
    natural = _NATURAL.get(kind, ".txt")
    suffix = draw(st.sampled_from([natural] * 12 + [*SUFFIXES, "-"]))  # the natural suffix, about half the time
    return kind, suffix, data


@st.composite
def folder_input(draw: Callable[..., Any]) -> tuple[str, str, dict[str, bytes]]:
    """A folder of a few files and an ``index.json`` manifest (maybe naming files that are not there)."""
    files = {}
    for i in range(draw(st.integers(0, 4))):
        kind, suffix, data = draw(one_input())
        files[f"{i:02d}{suffix if suffix != '-' else '.txt'}"] = data
    names = list(files) + draw(st.lists(st.sampled_from(["gone.txt", "../x.txt", "/etc/hostname", "", ".",
                                                          "sub/../00.txt", "a\x00b.txt"]), max_size=2))
    entries = [{"file": name, "date": draw(st.sampled_from(DATES)), "title": draw(text)[:100]} for name in names]
    manifest = dumps(draw(st.sampled_from([entries, entries[:1], {"file": "00.txt"}, []])))
    files["index.json"] = encode(manifest, draw(st.sampled_from(["utf-8", "utf-16"])))
    return "folder", "/", files


# --- the harness ------------------------------------------------------------------------------------

CODED = re.compile(r"^\[(P\d{3})\] ")


@dataclass
class Tally:
    """What a fuzz run met."""

    inputs: int = 0
    articles: int = 0
    coded: int = 0
    events: int = 0
    rejections: Counter[str] = field(default_factory=Counter)
    """Coded rejections (InputErrors in the read report) by code."""
    warnings: Counter[str] = field(default_factory=Counter)
    """Coded warnings logged (P035, P009, ...) by code."""
    failures: list[str] = field(default_factory=list)
    """Uncaught exceptions, rejections that are not coded, unknown codes and P014 (a caught coder bug)."""

    def fail(self, what: str) -> None:
        self.failures.append(what)


class _Logged(logging.Handler):
    """Keeps the messages logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.messages.append(message)


def run(item: tuple[str, str, Any], tally: Tally, coder: Any = None, max_bytes: int = 20_000) -> list[Article]:
    """Read one fuzz input (and code its articles when ``coder`` is given), counting what happens in ``tally``.

    ``max_bytes`` is low so that the size limit is met too. Never raises: every problem is a failure in
    ``tally``, with its traceback.
    """
    kind, suffix, data = item
    tally.inputs += 1
    logged = _Logged()
    logger = logging.getLogger("parley")
    logger.addHandler(logged)
    articles: list[Article] = []
    report = ReadReport()
    try:
        with tempfile.TemporaryDirectory() as folder:
            try:
                articles = _read(kind, suffix, data, Path(folder), report, max_bytes)
            except Exception:  # noqa: BLE001 - the point of the fuzz: any exception is a finding
                tally.fail(f"reader crashed on {kind} {suffix}:\n{traceback.format_exc()}")
            for error in report.errors:
                if not isinstance(error, InputError) or not hasattr(Errors, error.code):
                    tally.fail(f"rejection without a known code on {kind} {suffix}: {error!r}")
                tally.rejections[error.code] += 1
        tally.articles += len(articles)
        if coder is not None and articles:
            try:
                docs = [to_dict(doc) for doc in coder.code(articles)]
                json.dumps(docs, ensure_ascii=False)
                tally.coded += len(docs)
                tally.events += sum(len(doc["events"]) for doc in docs)
            except Exception:  # noqa: BLE001
                tally.fail(f"coder crashed on {kind} {suffix} ({len(articles)} articles):\n{traceback.format_exc()}"
                           f"\nfirst text: {articles[0].text[:300]!r}")
    finally:
        logger.removeHandler(logged)
    for message in logged.messages:
        code = CODED.match(message)
        if code and not hasattr(Errors, code.group(1)):
            tally.fail(f"unknown code logged on {kind} {suffix}: {message[:300]}")
        elif code and code.group(1) == "P014":
            tally.fail(f"coder bug (P014) on {kind} {suffix}: {message}")
        elif code:
            tally.warnings[code.group(1)] += 1
    for error in report.errors:  # logged as well, but counted as rejections
        tally.warnings[error.code] -= 1
    tally.warnings = +tally.warnings
    return articles


def _read(kind: str, suffix: str, data: Any, folder: Path, report: ReadReport, max_bytes: int) -> list[Article]:
    """The articles of one input written to ``folder`` (or fed to standard input)."""
    if suffix == "/":
        for name, content in data.items():
            (folder / name).write_bytes(content)
        return list(read_paths([str(folder)], report=report, max_bytes=max_bytes))
    if suffix == "-":
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        try:
            return list(read_paths(["-"], report=report, max_bytes=max_bytes, default_date="2024-03-05"))
        finally:
            sys.stdin = stdin
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return list(read_paths([str(path)], report=report, max_bytes=max_bytes))
