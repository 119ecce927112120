"""Plain-text files, plus the size limit and date normalisation that every reader shares.

A ``.txt`` file is one article whose id is the file name. Its text is the file content exactly as
decoded (line endings and trailing newlines kept, only a byte-order mark is dropped), because evidence
offsets index into it. Text that is not UTF-8 is decoded as :mod:`parley.ingest.charset` finds it.
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
from parley.ingest import charset
from parley.model import Article

log = logging.getLogger("parley.ingest")

MAX_BYTES = 10_000_000
"""The default size limit of one article, in bytes (see :func:`too_large`)."""

_ISO_START = re.compile(r"\d{4}-?\d{2}-?\d{2}")


def oversize(path: Path, source: str, max_bytes: int) -> InputError | None:
    """P036 when the file at ``path`` is larger than ``max_bytes``, from its size alone (nothing is read)."""
    size = path.stat().st_size
    return too_large("the file", size, max_bytes, source) if size > max_bytes else None


def too_large(what: str, size: int, limit: int, source: str) -> InputError:
    """The P036 error: ``what`` (the file, the record at line 7, ...) is ``size`` bytes, over ``limit``."""
    return InputError("P036", source, Errors.P036.format(what=what, size=size, limit=limit))


def utf8_size_over(text: str, limit: int) -> int | None:
    """The UTF-8 size of ``text`` when it is over ``limit`` bytes, else None (encodes only when in doubt)."""
    if len(text) * 4 <= limit:
        return None
    size = len(text) if len(text) > limit else len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None


def read_txt(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the one article in a ``.txt`` file, or the reason it cannot be read.

    The file is refused (P036) from its size before it is read when it is larger than ``max_bytes``.
    """
    problem = oversize(path, source, max_bytes)
    if problem:
        yield problem
        return
    text = charset.decode(path.read_bytes(), source)
    yield text if isinstance(text, InputError) else text_article(text, path.name, source)


def text_article(text: str, id: str, source: str) -> Article | InputError:
    """An article from decoded text, or why it is unusable (P003 blank, P004 holds NUL characters)."""
    if not text.strip():
        return InputError("P003", source, Errors.P003)
    if "\x00" in text:
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
