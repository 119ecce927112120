"""Text encodings: UTF-8, a byte-order mark, a charset the file declares, or charset-normalizer's guess.

Every reader decodes a whole file one way, chosen from its bytes (the whole file for ``.txt`` and
``.html``, its first :data:`SAMPLE_BYTES` for record files and feeds, which are streamed):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-8 when the bytes are valid UTF-8 and hold no NUL byte;
3. the charset the file declares (HTML ``<meta charset>``, the XML declaration), when it decodes them;
4. charset-normalizer's best guess among the encodings news is published in (NUL bytes point to
   UTF-16 or UTF-32 without a byte-order mark, and to those only).

Anything but UTF-8 is logged as a P035 warning naming the file and the encoding. Bytes that no
encoding fits, or that decode to control characters (images, archives, random bytes), are binary:
P004.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from parley.errors import Errors, InputError

log = logging.getLogger("parley.ingest")

SAMPLE_BYTES = 1 << 20
"""How much of a streamed file (records, feeds, standard input) decides its encoding."""

UTF8 = "utf-8"

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WIDE = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")
"""Candidates for text with NUL bytes and no byte-order mark."""
NARROW = (
    "utf_8", "cp1252", "cp1251", "cp1250", "gb18030", "shift_jis", "euc_kr", "big5", "cp1256", "cp1253",
    "cp1254", "cp1255", "cp1257", "cp1258", "cp874", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7",
    "iso8859_15", "euc_jp", "iso2022_jp", "mac_cyrillic", "latin_1",
)
"""Candidates for text without NUL bytes, most used first: the order breaks charset-normalizer's ties
(a Spanish text that cp1250 and cp1252 decode equally well is cp1252, where "ñ" is "ñ")."""
_RANK = {name: rank for rank, name in enumerate(NARROW + WIDE)}

_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ufffd\ue000-\uf8ff]")
"""Characters that text in a guessed encoding should (nearly) never hold: C0 and C1 controls other than
tab, line and page breaks, the replacement character and the private use area."""
NOT_TEXT_SHARE = 0.01
"""A guessed decoding with more such characters than this share of the text is binary data."""


@dataclass(frozen=True)
class Encoding:
    """A codec name for :func:`codecs.lookup` and how it was chosen (empty for UTF-8 found as such)."""

    name: str
    how: str = ""

    @property
    def is_utf8(self) -> bool:
        """Whether the text is plain UTF-8 (with or without its byte-order mark)."""
        return self.name in (UTF8, "utf-8-sig")

    def warn(self, source: str) -> None:
        """Log the P035 warning for text that was not UTF-8 (nothing for UTF-8)."""
        if not self.is_utf8:
            log.warning(str(InputError("P035", source, Errors.P035.format(encoding=self.name, how=self.how))))


def choose(head: bytes, *, complete: bool, declared: str | None = None) -> Encoding | None:
    """The encoding of ``head`` (the whole file when ``complete``, else its start), or None when binary.

    ``declared`` is the charset the file names for itself, if any. A start may end inside a character:
    that does not count against UTF-8 or the declared charset.
    """
    for mark, name in _BOMS:
        if head.startswith(mark):
            return Encoding(UTF8 if name == "utf-8-sig" else name, "byte-order mark")
    if b"\x00" not in head and _decodes(head, UTF8, complete):
        return Encoding(UTF8)
    if declared and b"\x00" not in head:
        name = _codec(declared)
        if name and _decodes(head, name, complete):
            return Encoding(name, "declared in the file")
    return guess(head if complete else _trim(head))


def guess(sample: bytes) -> Encoding | None:
    """charset-normalizer's best guess for ``sample`` among :data:`NARROW` (or :data:`WIDE` when it holds
    NUL bytes), or None."""
    from charset_normalizer import from_bytes  # imported here: only text that is not UTF-8 needs it

    wide = b"\x00" in sample
    matches = list(from_bytes(sample, cp_isolation=list(WIDE if wide else NARROW)))
    if wide:
        matches = [m for m in matches if _nul_parity(sample, m.encoding)]
    if not matches:
        return None
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _rank(m)))
    name = min((n for n in best.could_be_from_charset if n in _RANK), key=_RANK.__getitem__, default=best.encoding)
    return Encoding(name, "detected by charset-normalizer")


def decode(data: bytes, source: str, declared: str | None = None) -> str | InputError:
    """The text of a whole file: P003 when empty, P004 when binary, P008 when it does not decode.

    Logs P035 when the text was not UTF-8.
    """
    if not data.strip():
        return InputError("P003", source, Errors.P003)
    encoding = choose(data, complete=True, declared=declared)
    if encoding is None:
        return InputError("P004", source, Errors.P004)
    try:
        text = data.decode("utf-8-sig" if encoding.is_utf8 else encoding.name)
    except UnicodeError as exc:
        return decode_error(exc, source, encoding.name)
    if "\x00" in text or (not encoding.is_utf8 and not plausible(text)):
        return InputError("P004", source, Errors.P004)
    if not text.strip():
        return InputError("P003", source, Errors.P003)
    encoding.warn(source)
    return text


def plausible(text: str) -> bool:
    """Whether a guessed decoding reads as text: no NUL, and few controls or private-use characters."""
    if "\x00" in text:
        return False
    return len(_NOT_TEXT.findall(text)) <= NOT_TEXT_SHARE * len(text)


def decode_reason(exc: UnicodeError, encoding: str = UTF8) -> str:
    """A short, human description of a decoding failure: which encoding, which byte, where, why."""
    if not isinstance(exc, UnicodeDecodeError):
        return f"not valid {encoding}: {exc}"
    byte = f"byte 0x{exc.object[exc.start]:02x}" if exc.start < len(exc.object) else "the end"
    return f"not valid {encoding}: {byte} at offset {exc.start}: {exc.reason}"


def decode_error(exc: UnicodeError, source: str, encoding: str = UTF8) -> InputError:
    """The P008 error for a decoding failure at ``source``."""
    return InputError("P008", source, Errors.P008.format(reason=decode_reason(exc, encoding)))


def _decodes(data: bytes, name: str, complete: bool) -> bool:
    """Whether ``data`` decodes in ``name``; an incomplete last character is forgiven unless ``complete``."""
    try:
        codecs.getincrementaldecoder(name)().decode(data, final=complete)
    except (UnicodeError, LookupError):  # UnicodeError: e.g. UTF-16 "does not start with BOM"
        return False
    return True


def _codec(label: str) -> str | None:
    """The Python codec for a charset label (``windows-1251`` -> ``cp1251``), or None when unknown."""
    try:
        return codecs.lookup(label.strip()).name
    except (LookupError, ValueError):
        return None


def _trim(head: bytes) -> bytes:
    """The start of a file cut where no character can be split: after its last line break (UTF-16 and
    UTF-32 line breaks included), else at a multiple of four bytes."""
    if b"\x00" in head:
        return head[: len(head) - len(head) % 4]
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def _nul_parity(sample: bytes, encoding: str) -> bool:
    """Whether the NUL bytes sit where ``encoding`` puts them for ASCII (UTF-16LE: odd offsets): binary
    data has them anywhere."""
    if not encoding.startswith("utf_16"):
        return True
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    expected, other = (odd, even) if encoding.endswith("le") else (even, odd)
    return expected >= 9 * other


def _rank(match: object) -> int:
    """The best rank among the encodings that decode the sample to the same text as ``match``."""
    names = getattr(match, "could_be_from_charset", [])
    return min((_RANK[n] for n in names if n in _RANK), default=len(_RANK))


def sniff(path: Path, source: str, declared: Callable[[bytes], str | None] | None = None) -> Encoding | InputError:
    """The encoding of a file that is streamed, from its first :data:`SAMPLE_BYTES`; P003 when it is
    empty, P004 when binary. Logs P035 when it is not UTF-8.

    ``declared`` finds the charset the file declares in those bytes (an XML declaration), if any.
    """
    with open(path, "rb") as f:
        head = f.read(SAMPLE_BYTES)
    if not head.strip():
        return InputError("P003", source, Errors.P003)
    complete = len(head) < SAMPLE_BYTES
    encoding = choose(head, complete=complete, declared=declared(head) if declared else None)
    if encoding is None:
        return InputError("P004", source, Errors.P004)
    if not encoding.is_utf8:
        sample = head if complete else _trim(head)
        text = sample.decode(encoding.name, "replace")
        if not plausible(text):
            return InputError("P004", source, Errors.P004)
        if not text.strip():
            return InputError("P003", source, Errors.P003)
    encoding.warn(source)
    return encoding


def open_text(path: Path, encoding: Encoding, newline: str = "\n") -> TextIO:
    """``path`` opened for reading text in ``encoding``; by default lines end at ``\\n`` only, kept as written."""
    return open(path, encoding="utf-8-sig" if encoding.is_utf8 else encoding.name, newline=newline)
