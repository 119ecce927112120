"""Event dates: the date expression of an event's clause, resolved against the document date.

Precision follows the text: "on Wednesday" and "9 May 2020" give a day, "in March" and "last month" a month,
"since 2022" a year. When the clause has no date the document date is used and ``date_source`` says so.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_SKIP_DEPS = {"nsubj", "nsubjpass", "relcl", "advcl", "csubj", "ccomp", "parataxis"}
_YEAR = r"(1[89]\d\d|20\d\d)"


def resolve(expr: str, ref: dt.date | None, future: bool = False) -> str | None:
    """Resolve one date expression ("on Wednesday", "February 28", "last week") against ``ref``.

    Returns ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None when the expression is not a date parley reads.
    ``future`` resolves bare weekdays forward (for planned events).
    """
    text = expr.lower().strip()
    text = re.sub(r"^(on|in|at|by|since|from|during|until|of)\s+", "", text)
    text = re.sub(r"[’']s$", "", text)
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # "9 May 2020", "May 9, 2020", "May 9", "9 May"
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s*" + _YEAR + r"?\b", text)
    if m and m.group(2) in MONTHS:
        return _day(m.group(3), MONTHS[m.group(2)], int(m.group(1)), ref)
    m = re.search(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b,?\s*" + _YEAR + r"?", text)
    if m and m.group(1) in MONTHS:
        return _day(m.group(3), MONTHS[m.group(1)], int(m.group(2)), ref)
    m = re.search(r"\b([a-z]+)\s+" + _YEAR + r"\b", text)
    if m and m.group(1) in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    if ref is None:
        m = re.fullmatch(r"(?:the\s+)?(?:year\s+)?" + _YEAR, text)
        return m.group(1) if m else None
    for word, days in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1), ("overnight", 0)):
        if re.search(rf"\b{word}\b", text):
            return (ref + dt.timedelta(days=days)).isoformat()
    m = re.search(r"\b(last|this|next|on|past)?\s*(" + "|".join(WEEKDAYS) + r")\b", text)
    if m:
        target = WEEKDAYS[m.group(2)]
        back = (ref.weekday() - target) % 7
        if m.group(1) == "next" or (future and m.group(1) != "last"):
            ahead = (target - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=ahead)).isoformat()
        if m.group(1) == "last" and back == 0:
            back = 7
        return (ref - dt.timedelta(days=back)).isoformat()
    if re.search(r"\blast week\b", text):
        d = ref - dt.timedelta(days=7)
        return f"{d.year:04d}-{d.month:02d}"
    if re.search(r"\b(last|previous) month\b", text):
        d = ref.replace(day=1) - dt.timedelta(days=1)
        return f"{d.year:04d}-{d.month:02d}"
    if re.search(r"\b(this|earlier this|later this) month\b", text):
        return f"{ref.year:04d}-{ref.month:02d}"
    if re.search(r"\blast year\b", text):
        return f"{ref.year - 1:04d}"
    if re.search(r"\bthis year\b", text):
        return f"{ref.year:04d}"
    m = re.fullmatch(r"(?:early |late |mid-?)?([a-z]+)", text)
    if m and m.group(1) in MONTHS:
        month = MONTHS[m.group(1)]
        year = ref.year if month <= ref.month or future else ref.year - 1
        return f"{year:04d}-{month:02d}"
    m = re.search(r"\b" + _YEAR + r"\b", text)
    if m:
        return m.group(1)
    return None


def first_day(value: str | None) -> dt.date | None:
    """The first day of a schema date ("2025-03-20", "2025-03" or "1967"), or None."""
    span = date_range(value)
    return span[0] if span else None


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a schema date covers: a day itself, a month's first and last day, a year's
    1 January and 31 December; None for no date or a malformed one ("2025-02-30", "2025-13")."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            one = dt.date(year, int(month), int(day))
            return one, one
        if month is not None:
            return dt.date(year, int(month), 1), dt.date(year, int(month), calendar.monthrange(year, int(month))[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def full_day(value) -> dt.date | None:
    """A full day ``YYYY-MM-DD`` (or a date) as a date; None for no date, a month or a year alone, or an
    impossible day."""
    if isinstance(value, dt.date):
        return value
    span = date_range(value) if isinstance(value, str) else None
    return span[0] if span and span[0] == span[1] else None


def event_days(record) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event covers, from its record (a dict, or ``vars`` of an Event): its
    ``date_start`` and ``date_end``, or, for a record made before events carried them, the days its ``date``
    covers (a month's first and last day, a year's); None when it is undated."""
    start, end = full_day(record.get("date_start")), full_day(record.get("date_end"))
    if start and end and start <= end:
        return start, end
    return date_range(record.get("date"))


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _day(year: str | None, month: int, day: int, ref: dt.date | None) -> str | None:
    if year:
        return _iso(int(year), month, day)
    if ref is None:
        return None
    out = _iso(ref.year, month, day)
    if out and dt.date.fromisoformat(out) > ref + dt.timedelta(days=31):
        out = _iso(ref.year - 1, month, day)
    return out


def date_phrases(tok) -> list:
    """DATE entity spans that belong to the clause of trigger ``tok``, nearest first: its own modifiers, then
    its phrase (not its subject or nested clauses), then the clauses above it."""
    doc = tok.doc
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    if not ents:
        return []
    by_token = {i: e for e in ents for i in range(e.start, e.end)}

    def own(node, skip_deps) -> list:
        out = []
        stack = [c for c in node.children if c.dep_ not in skip_deps]
        while stack:
            t = stack.pop()
            if t.i in by_token:
                out.append(by_token[t.i])
                continue
            stack.extend(c for c in t.children if c.dep_ not in skip_deps)
        return sorted(set(out), key=lambda e: abs(e.start - tok.i))

    found = own(tok, _SKIP_DEPS)
    if found:
        return found
    for clause in _happening_clauses(tok):  # "The shelling of Sotk, which took place in April, wounded ..."
        found = own(clause, _SKIP_DEPS)
        if found:
            return found
    node = tok
    while node.head.i != node.i:
        node = node.head
        found = [by_token[c.i] for c in node.children if c.i in by_token] + [
            by_token[p.i] for c in node.children if c.dep_ == "prep" for p in c.children if p.i in by_token]
        if found:
            return found
    return []


# Verbs of a relative clause that only says when its noun happened: "which took place in April", "carried out on
# Sunday", "that happened last week".
_HAPPENED = frozenset({"take", "happen", "occur", "carry", "unfold", "begin", "start", "come"})


def _happening_clauses(tok) -> list:
    """Relative clauses that date the happening of trigger ``tok``: a noun trigger's own ("the attack, which
    occurred last month"), or, for a verb, its subject's when that clause only says when it happened ("the
    shelling, which took place in April, wounded")."""
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    # the clause may hang on the noun or, as the parser often attaches it, on its "of" object ("the shelling of
    # Sotk, which took place in April")
    heads = nouns + [p for n in nouns for c in n.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return [c for n in heads for c in n.children if c.dep_ in ("relcl", "acl") and c.lemma_ in _HAPPENED]


_UNTIL = frozenset({"until", "till", "til", "pending"})


def event_date(tok, ref: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
    """(date, date_source) of the event triggered by ``tok``."""
    for span in date_phrases(tok):
        text = span.text
        before = span.doc[span.start - 1] if span.start > 0 else None
        if (before is not None and before.lower_ in _UNTIL) or span[0].lower_ in _UNTIL:
            continue  # "would not pursue talks until the end of 2028": how long, not when it happened
        if before is not None and before.like_num and len(before.text) <= 2:
            text = f"{before.text} {text}"  # "Around 9 May 2020": the NER left the day out
        value = resolve(text, ref, future)
        if value:
            return value, "text"
    if ref is None:
        return None, None
    return ref.isoformat(), "document"


def stamp_date(stamp: str, ref: dt.date | None) -> dt.date | None:
    """The day a live blog's entry stamp gives ("14:05 GMT, Sunday": the Sunday before ``ref``; a bare time:
    ``ref`` itself)."""
    m = re.search(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b\d{1,2}\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+\d{1,2}\b", stamp)
    value = resolve(m.group(0), ref) if m and ref is not None else None
    return first_day(value) if value else ref
