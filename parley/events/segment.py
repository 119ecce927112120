"""Sentence splitting and the cheap pre-filter that decides which sentences are worth parsing.

Parsing is most of the cost of coding an article. A sentence whose words include no event trigger cannot
yield an event, so it is never parsed: the filter is a regular expression over the trigger lexicon's
word forms, built once per lexicon.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "rev", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
    "oct", "nov", "dec", "adm", "cmdr", "pres", "amb", "approx", "dept", "est", "fig", "mt", "ft",
}
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n""")


_HEADLINE = re.compile(r"""\s*([^\n]{1,150}[^\n.!?:;,"'”’\s])[ \t]*\n(?=[ \t]*["“‘(]?[A-Z])""")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its text and where it starts and ends in the document."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial ("U.S.", "Gen.", "J.")."""
    m = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in _ABBREV:
        return True
    # initials and dotted acronyms: "J." "U.S." "U.N."; but a dotted acronym that ends a sentence
    # ("... in the U.S. The next day") is rare in wire copy next to the far commoner "U.S. President".
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with exact character offsets (whitespace between them is dropped)."""
    out: list[Sentence] = []
    start = 0
    head = _HEADLINE.match(text)
    if head:  # a first line with no full stop above the body is a headline, even without a blank line
        _append(text, 0, head.end(1), out)
        start = head.end(1)
    for m in _BOUNDARY.finditer(text, start):
        end = m.end()
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        _append(text, start, end, out)
        start = end
    _append(text, start, len(text), out)
    return out


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def trigger_filter(forms: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern that finds any of the word forms ``forms`` as a whole word."""
    alts = sorted({f.lower() for f in forms if f}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")\b", re.IGNORECASE)


def candidate_sentences(sentences: Iterable[Sentence], pattern: re.Pattern[str]) -> Iterator[Sentence]:
    """The sentences in which ``pattern`` finds a trigger word form."""
    for s in sentences:
        if pattern.search(s.text):
            yield s
