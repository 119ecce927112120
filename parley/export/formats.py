"""Writers for coded documents: JSON Lines (the output contract), CSV (one row per event), a table for people.

Also what every CSV-like output of parley shares (``parley code --format csv``, ``parley events --format csv``,
``parley export --format csv|acled|icews``): :func:`safe_cell`, which keeps spreadsheets from reading a text cell
as a formula, the :class:`CsvWriter` that applies it to every cell, and the column types (:data:`CSV_TYPES`) that
``parley.export.CSV_DTYPES`` gives pandas.
"""
from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable
from typing import TextIO

from parley.model import CodedDocument, Event, to_dict

FORMATS = ("table", "jsonl", "csv")

# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The kinds of a CSV column: text, a whole number, a decimal number, or a real day (ISO YYYY-MM-DD).
TEXT, INT, FLOAT, DAY = "text", "int", "float", "day"

CSV_COLUMNS = [
    "doc_id", "doc_title", "doc_date", "event_index", "event_type", "mode", "context", "cameo", "quad_class",
    "acled_event_type", "acled_sub_event_type", "actor", "actor_country", "actor_sector", "recipient",
    "recipient_country", "recipient_sector", "claimed_by", "claimed_by_country", "status", "targets", "date",
    "date_source", "date_start", "date_end", "location", "location_country", "location_admin1", "location_admin2",
    "location_precision", "lat",
    "lon", "geonameid", "fatalities",
    "injured", "arrested", "quantities", "evidence_start", "evidence_end", "evidence", "confidence", "trigger",
]



def column_types(columns: list[str], ints: set[str] = frozenset(), floats: set[str] = frozenset(),
                 days: set[str] = frozenset()) -> dict[str, str]:
    """Column -> its kind (:data:`TEXT`, :data:`INT`, :data:`FLOAT` or :data:`DAY`), in the columns' order."""
    unknown = (ints | floats | days) - set(columns)
    if unknown:
        raise ValueError(f"typed columns that are not columns: {sorted(unknown)}")
    return {c: INT if c in ints else FLOAT if c in floats else DAY if c in days else TEXT for c in columns}


CSV_TYPES = column_types(
    CSV_COLUMNS,
    ints={"event_index", "location_precision", "geonameid", "fatalities", "injured", "arrested", "evidence_start",
          "evidence_end"},
    floats={"lat", "lon", "confidence"}, days={"doc_date", "date_start", "date_end"})
"""The kind of each column of ``parley code --format csv`` (the textual ``date`` is text: it keeps its precision)."""


def safe_cell(value):
    """A cell as a CSV-like output writes it: text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a single quote in front, so that a spreadsheet shows it instead of running it as a formula (the
    OWASP advice on CSV injection). Numbers, dates and blanks are returned as they are: ``-3.5`` stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class CsvWriter(csv.DictWriter):
    """``csv.DictWriter`` that passes every cell through :func:`safe_cell`; every CSV-like output of parley uses
    it. Rows end in CRLF (RFC 4180): the csv module quotes a cell that holds a character of the line terminator, so
    with CRLF a carriage return or a newline inside a cell is always quoted and never splits its row."""

    def __init__(self, out, fieldnames, **kw):
        if kw.get("lineterminator", "\r\n") != "\r\n":
            raise ValueError("CsvWriter writes RFC 4180 rows: the line terminator is CRLF")
        super().__init__(out, fieldnames=fieldnames, **kw)

    def writerow(self, rowdict):
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)


def document_json(doc: CodedDocument) -> str:
    """One line of the JSON Lines output contract."""
    return json.dumps(to_dict(doc), ensure_ascii=False)


def event_row(doc: CodedDocument, i: int, e: Event) -> dict:
    """The CSV row of event ``i`` of ``doc``: lists joined with ``;``, entities as text, code and sector."""
    def join(values: Iterable) -> str:
        return ";".join("" if v is None else str(v) for v in values)

    loc = e.location
    return {
        "doc_id": doc.id, "doc_title": doc.title or "", "doc_date": doc.date or "", "event_index": i,
        "event_type": e.event_type, "mode": e.mode or "", "context": join(e.context), "cameo": e.cameo or "",
        "quad_class": e.quad_class or "", "acled_event_type": e.acled_event_type or "",
        "acled_sub_event_type": e.acled_sub_event_type or "",
        "actor": join(a.text for a in e.actor), "actor_country": join(a.country for a in e.actor),
        "actor_sector": join(a.sector for a in e.actor),
        "recipient": join(a.text for a in e.recipient), "recipient_country": join(a.country for a in e.recipient),
        "recipient_sector": join(a.sector for a in e.recipient),
        "claimed_by": e.claimed_by.text if e.claimed_by else "",
        "claimed_by_country": (e.claimed_by.country or "") if e.claimed_by else "",
        "status": e.status, "targets": join(e.targets), "date": e.date or "", "date_source": e.date_source or "",
        "date_start": e.date_start or "", "date_end": e.date_end or "",
        "location": loc.name or loc.text if loc else "", "location_country": (loc.country or "") if loc else "",
        "location_admin1": (loc.admin1 or "") if loc else "",
        "location_admin2": (loc.admin2 or "") if loc else "",
        "location_precision": loc.precision if loc and loc.precision is not None else "",
        "lat": loc.lat if loc and loc.lat is not None else "", "lon": loc.lon if loc and loc.lon is not None else "",
        "geonameid": loc.geonameid if loc and loc.geonameid is not None else "",
        "fatalities": "" if e.fatalities is None else e.fatalities,
        "injured": "" if e.injured is None else e.injured, "arrested": "" if e.arrested is None else e.arrested,
        "quantities": join(f"{q.value} {q.unit}" for q in e.quantities),
        "evidence_start": e.evidence.start, "evidence_end": e.evidence.end, "evidence": e.evidence.sentence,
        "confidence": e.confidence, "trigger": e.trigger or "",
    }


class Writer:
    """Writes coded documents to ``out`` in one of ``FORMATS`` as they arrive (streaming)."""

    def __init__(self, out: TextIO, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self._csv = None

    def write(self, doc: CodedDocument) -> None:
        if self.fmt == "jsonl":
            self.out.write(document_json(doc) + "\n")
        elif self.fmt == "csv":
            if self._csv is None:
                self._csv = CsvWriter(self.out, fieldnames=CSV_COLUMNS)
                self._csv.writeheader()
            for i, e in enumerate(doc.events):
                self._csv.writerow(event_row(doc, i, e))
        else:
            self.out.write(table(doc))
        self.out.flush()


def _entities(ents) -> str:
    return " + ".join(f"{e.country or '?'}{'/' + e.sector if e.sector else ''}" for e in ents) or "-"


def table(doc: CodedDocument) -> str:
    """A readable block for one document: one line per event, then the evidence trigger."""
    head = f"== {doc.id}" + (f"  {doc.title}" if doc.title else "") + (f"  ({doc.date})" if doc.date else "")
    lines = [head]
    if not doc.events:
        lines.append("   (no events)")
    for e in doc.events:
        claim = f" claimed by {e.claimed_by.country}" if e.claimed_by and e.claimed_by.country else ""
        mode = f"/{e.mode}" if e.mode else ""
        lines.append(f"   {e.event_type + mode:<22} {_entities(e.actor):<18} -> {_entities(e.recipient):<18} "
                     f"{e.status:<12} {e.date or '':<10} cameo {e.cameo or '':<5}{claim}")
        extra = []
        if e.location:
            where = e.location.name or e.location.text
            extra.append(f"at {where} ({e.location.country})" if e.location.country else f"at {where}")
        for label, value in (("killed", e.fatalities), ("injured", e.injured), ("arrested", e.arrested)):
            if value is not None:
                extra.append(f"{label} {value}")
        extra += [f"{q.value} {q.unit}" for q in e.quantities]
        if e.targets:
            extra.append("targets " + ",".join(e.targets))
        if extra:
            lines.append(f"   {'':<22} " + "; ".join(extra))
        lines.append(f"   {'':<22} \"{e.trigger}\" in: {e.evidence.sentence[:90]}"
                     f"{'...' if len(e.evidence.sentence) > 90 else ''}")
    return "\n".join(lines) + "\n\n"


def field_docs(cls) -> dict[str, str]:
    """Field name -> docstring of a schema dataclass (read from the source: the string after each field)."""
    import ast
    import inspect
    import textwrap

    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, nxt in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant):
            docs[node.target.id] = str(nxt.value.value)  # type: ignore[attr-defined]
    return {f.name: docs.get(f.name, "") for f in dataclasses.fields(cls)}
