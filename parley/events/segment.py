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
MAX_SENTENCE_CHARS = 2000
"""A longer "sentence" (a table, a list with no full stop, a line of junk) is cut into pieces of at most this
many characters before it is parsed: the parser's time and memory stay bounded per piece, and spaCy's
``max_length`` is never reached. News sentences are rarely a fifth of this."""
_WORD_LOOKBACK = 40  # longer than any abbreviation or dotted acronym ("U.S.S.R", "approx")
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|:[ \t]*\n(?=\s*["'“‘(\[]?[A-Z0-9])"""
                       r"""|;(?=[ \t]+["'“‘]?[A-Za-z])""")
# Two clauses a semicolon joins are two statements ("Moscow said it took the village; Kyiv did not confirm"):
# each is coded alone, so that the second's verb never governs the first. A short side is a list item, not a
# clause ("Kharkiv: 2 dead; Sumy: 1"), and stays with its neighbour.
_CLAUSE_WORDS = 4
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_CLAUSE_END = re.compile(r"[.!?;\n]")


def _clauses_apart(text: str, start: int, semicolon: int) -> bool:
    """Whether the semicolon at ``semicolon`` joins two clauses long enough to stand as sentences."""
    after = _CLAUSE_END.search(text, semicolon + 1, semicolon + 400)
    right = text[semicolon + 1:after.start() if after else semicolon + 401]
    return len(_WORD.findall(text[start:semicolon])) >= _CLAUSE_WORDS and len(_WORD.findall(right)) >= _CLAUSE_WORDS


_HEADLINE = re.compile(r"""\s*([^\n]{1,150}[^\n.!?:;,"'”’\s])[ \t]*\n(?=[ \t]*["“‘(]?[A-Z])""")


# A wire dateline before the lead: "ZAPORIZHZHIA, Ukraine, June 3 (AP) — ", "KYIV (Reuters) - ", "MOSCOW, March 5 -",
# "AMMAN/DAMASCUS, June 10 - ", "GENEVA/BUKAVU, 11 March 2025 – ".
# It places and dates the report; its words are no party to any event, so the lead sentence starts after it.
_DATELINE = re.compile(r"""[A-Z][A-Z'’.\-/ ]{2,40}(?:,[ ][A-Z][A-Za-z.'’ ]{1,30}){0,2}"""
                       r"""(?:,?[ ](?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,?[ ]\d{4})?|\d{1,2}[ ][A-Z][a-z]{2,8}(?:[ ]\d{4})?"""
                       r"""|\d{4}-\d\d-\d\d))?"""
                       r"""[ ]*(?:\([A-Za-z .’'-]{1,30}\))?[ ]*[-–—]+[ ]*(?=["“‘]?[A-Z])"""
                       # a press release's: the place in title case, then a full date with its year ("Port Sudan,
                       # 10 December 2025 - ", "Goma, March 3, 2025 – ")
                       r"""|[A-Z][a-z'’.\-]+(?:[ /][A-Z][a-z'’.\-]+){0,3}(?:,[ ][A-Z][A-Za-z.'’ ]{1,30})?,[ ]"""
                       r"""(?:\d{1,2}[ ][A-Z][a-z]{2,8}[ ]\d{4}|[A-Z][a-z]{2,8}\.?[ ]\d{1,2},?[ ]\d{4}|\d{4}-\d\d-\d\d)"""
                       r"""[ ]*(?:\([A-Za-z .’'-]{1,30}\))?[ ]*[-–—]+[ ]*(?=["“‘]?[A-Z])""")


# A data editor's note inside a report, not news text: the coder reads past it. Square brackets that record a
# coding decision ("[size=no report]", "[coded to Sumy]", "[4 fatalities split across 22 events]") and a
# parenthesis that starts with one ("(coded to Tokmak)", "(coded as two separate events)"). Other brackets
# stay: "[Putin] said" names a speaker.
_EDITORIAL = re.compile(r"\[[^\[\]\n]*(?:size=|\bcoded\b|\bfatalit|\bsplit (?:across|among|between)\b)[^\[\]\n]*\]"
                        r"|\(\s*coded\b[^()\n]*\)", re.I)


def blank_editorial(text: str) -> str:
    """``text`` with editors' coding notes blanked by spaces (same length: every offset stays)."""
    return _EDITORIAL.sub(lambda m: " " * len(m.group(0)), text) if ("[" in text or "(" in text) else text


def dateline_place(dateline: str) -> str:
    """The first place a dateline names, as a name: "DUBAI/WASHINGTON, July 3 -" gives "Dubai"."""
    head = re.split(r"[,(\-–—]", dateline, maxsplit=1)[0]
    return head.split("/")[0].strip().title()


def dateline_end(text: str) -> int:
    """Where a dateline at the start of ``text`` ends (0 when there is none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


# A live blog's entry stamp before a sentence: "14:05 GMT, Sunday -", "09:30 (Kyiv time) -", "Sunday 14:05 -"; in
# compiled posts, with the place and the poster first: "KHARKIV, Oleh Syniehubov, 07:45:".
_STAMP = re.compile(r"""(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+)*,[ ])?"""
                    r"""(?P<person>[A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){1,2},[ ])?"""
                    r"""\[?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}[:.]\d{2}\]?\s*"""
                    r"""(?:\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|local time|Kyiv time|Moscow time)\)?)?,?\s*"""
                    r"""(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})?"""
                    r"""(?:\s*[-–—:|]\s+|[ \t]*\r?\n\s*)(?=["“‘]?[A-Z])""")  # (a stamp alone on its line too)


# A post stamp that names its poster by office: "KURSK REGION GOVERNOR, 07:12", "ZAPORIZHZHIA REGIONAL MILITARY
# ADMINISTRATION HEAD, 06:55": the words before the first of these are the place.
_OFFICE_WORDS = ("REGION", "REGIONAL", "OBLAST", "CITY", "MILITARY", "ADMINISTRATION", "GOVERNOR", "HEAD", "MAYOR",
                 "CHIEF")
_OFFICES = {"GOVERNOR", "HEAD", "MAYOR", "CHIEF", "ADMINISTRATION"}


def _titled_poster(header: str) -> tuple[str, str] | None:
    """(place, title) of a post stamp that names an office, or None."""
    words = header.split()
    if not _OFFICES & set(words):
        return None
    cut = next((i for i, w in enumerate(words) if w in _OFFICE_WORDS), None)
    if not cut:
        return None
    if words[cut] in ("REGION", "REGIONAL", "OBLAST"):
        return " ".join(words[:cut]) + " REGION", header.title()  # the region, not a namesake town of it
    return " ".join(words[:cut]), header.title()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its text and where it starts and ends in the document."""

    text: str
    start: int
    end: int
    stamp: str | None = None  # the live-blog entry stamp cut from its start ("14:05 GMT, Sunday -"), if any
    poster: tuple[str, str] | None = None  # the place and person a post's stamp names ("KHARKIV, Oleh Syniehubov,")
    joined: bool = False  # a clause parted from the one before it by a semicolon: one sentence in the text
    dateline: str | None = None  # the wire dateline cut from its start ("OUAGADOUGOU, June 3 -"), if any


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial ("U.S.", "Gen.", "J.")."""
    begin = dot  # walk back over the word before the stop: a bounded look, never a search of the whole text
    while begin > 0 and dot - begin < _WORD_LOOKBACK and (text[begin - 1] == "." or text[begin - 1].isascii()
                                                         and text[begin - 1].isalpha()):
        begin -= 1
    if begin == dot or (begin > 0 and dot - begin >= _WORD_LOOKBACK and text[begin - 1].isalpha()):
        return False  # no word, or one too long to be an abbreviation
    word = text[begin:dot]
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
    joined = False
    for m in _BOUNDARY.finditer(text, start):
        end = m.end()
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        if text[m.start()] == ";":
            if not _clauses_apart(text, start, m.start()):
                continue
            end = m.start()  # the semicolon belongs to neither clause
        _append(text, start, end, out, joined)
        joined = text[m.start()] == ";"
        start = m.end()
    _append(text, start, len(text), out, joined)
    for i, s in enumerate(out[:3]):  # the lead, or the sentence after the headline (of one or two clauses)
        cut = dateline_end(s.text)
        if cut:
            out[i] = Sentence(s.text[cut:], s.start + cut, s.end, dateline=s.text[:cut].strip())
            break
    for i, s in enumerate(out):
        m = _STAMP.match(s.text)
        if m:
            poster = (m.group("place")[:-2], m.group("person")[:-2]) if m.group("place") and m.group("person") \
                else _titled_poster(m.group("place")[:-2]) if m.group("place") else None
            out[i] = Sentence(s.text[m.end():], s.start + m.end(), s.end, stamp=m.group(0).strip(), poster=poster)
    if any(len(s.text) > MAX_SENTENCE_CHARS for s in out):
        out = [piece for s in out for piece in _pieces(s)]
    return out


def _pieces(sentence: Sentence) -> list[Sentence]:
    """``sentence`` cut into pieces of at most ``MAX_SENTENCE_CHARS``: at a semicolon or comma in the second half
    of each window, else at its last space, else (a run of letters with no space) at the limit. Only the first
    piece keeps the stamp and poster."""
    text, pieces, at = sentence.text, [], 0
    while len(text) - at > MAX_SENTENCE_CHARS:
        window = text[at:at + MAX_SENTENCE_CHARS]
        half = MAX_SENTENCE_CHARS // 2
        cut = max(window.rfind("; ", half), window.rfind(", ", half))
        cut = cut + 1 if cut > 0 else window.rfind(" ", half)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        _append(text, at, at + cut, pieces)
        at += cut
    _append(text, at, len(text), pieces)
    shifted = [Sentence(p.text, sentence.start + p.start, sentence.start + p.end) for p in pieces]
    if shifted:
        shifted[0] = Sentence(shifted[0].text, shifted[0].start, shifted[0].end, sentence.stamp, sentence.poster)
    return shifted


def _append(text: str, start: int, end: int, out: list[Sentence], joined: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end, joined=joined))


def trigger_filter(forms: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern that finds any of the word forms ``forms`` as a whole word."""
    alts = sorted({f.lower() for f in forms if f}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")\b", re.IGNORECASE)


def candidate_sentences(sentences: Iterable[Sentence], pattern: re.Pattern[str]) -> Iterator[Sentence]:
    """The sentences in which ``pattern`` finds a trigger word form."""
    for s in sentences:
        if pattern.search(s.text):
            yield s
