"""Plain-text files, plus the byte checks and date normalisation that every reader shares.

A ``.txt`` file is one article whose id is the file name. Its text is the file content exactly as
decoded (line endings and trailing newlines kept, only a UTF-8 byte-order mark is dropped), because
evidence offsets index into it.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from parley.errors import Errors, InputError
from parley.model import Article

log = logging.getLogger("parley.ingest")

SNIFF_BYTES = 8192
"""How much of a file is looked at for NUL bytes before it is called binary."""

_ISO_START = re.compile(r"\d{4}-?\d{2}-?\d{2}")


def sniff(path: Path, source: str) -> InputError | None:
    """The file-level problem with ``path`` (empty or binary), or None when it looks like text."""
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    return check_head(head, source)


def check_head(head: bytes, source: str) -> InputError | None:
    """P003 when ``head`` holds nothing but whitespace, P004 when it holds a NUL byte, else None."""
    if not head.strip():
        return InputError("P003", source, Errors.P003)
    if b"\x00" in head[:SNIFF_BYTES]:
        return InputError("P004", source, Errors.P004)
    return None


def decode_reason(exc: UnicodeDecodeError) -> str:
    """A short, human description of a decoding failure: which byte, where, why."""
    return f"byte 0x{exc.object[exc.start]:02x} at offset {exc.start}: {exc.reason}"


def decode_error(exc: UnicodeDecodeError, source: str) -> InputError:
    """The P008 error for a decoding failure at ``source``."""
    return InputError("P008", source, Errors.P008.format(reason=decode_reason(exc)))


def read_txt(path: Path, source: str) -> Iterator[Article | InputError]:
    """Yield the one article in a ``.txt`` file, or the reason it cannot be read."""
    data = path.read_bytes()
    problem = check_head(data, source)
    if problem:
        yield problem
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield decode_error(exc, source)
        return
    yield text_article(text, path.name, source)


def text_article(text: str, id: str, source: str) -> Article | InputError:
    """An article from text already in memory (standard input), or why it is unusable."""
    if not text.strip():
        return InputError("P003", source, Errors.P003)
    if "\x00" in text[:SNIFF_BYTES]:
        return InputError("P004", source, Errors.P004)
    return Article(id=id, text=text, source=source)


def normalise_date(value: Any, source: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime or an RFC 822 date; None (with a warning) otherwise.

    The calendar date is the one written in the value: ``2024-03-05T23:30:00-05:00`` gives
    ``2024-03-05`` (the publication's local date), not the UTC date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date(value)
    if parsed is None:
        log.warning(str(InputError("P009", source, Errors.P009.format(value=value))))
    return parsed


def parse_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime or an RFC 822 date string, else None (silently)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return _parse_iso(value) or _parse_rfc822(value)


def _parse_iso(value: str) -> str | None:
    """The date part of an ISO 8601 date or datetime, or None."""
    if not _ISO_START.match(value):
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _parse_rfc822(value: str) -> str | None:
    """The date part of an RFC 822 date (``Tue, 05 Mar 2024 10:00:00 GMT``, time optional), or None."""
    for candidate in (value, value + " 00:00"):
        try:
            return parsedate_to_datetime(candidate).date().isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    return None
