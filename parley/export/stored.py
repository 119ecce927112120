"""Writers for events read back from the store (``parley events``): each is a dict, the event record with its
article's fields (``doc_id``, ``url``, ``outlet``, ``title``, ``doc_date``) and ``event_id``.

Dates: ``date`` is the event's date as the coder gave it, with its precision (``2025-03-20``, ``2025-03`` or
``2025``); ``date_start`` and ``date_end`` are the first and last day it covers
(:func:`~parley.ground.dates.event_days`), real dates.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from parley.export.formats import CsvWriter, column_types
from parley.ground.dates import event_days, full_day

STORED_COLUMNS = [
    "event_id", "doc_id", "url", "outlet", "doc_date", "event_type", "mode", "cameo", "quad_class",
    "acled_event_type", "acled_sub_event_type", "actor", "actor_country", "actor_sector", "recipient",
    "recipient_country", "recipient_sector", "claimed_by_country", "status", "date", "date_source", "date_start",
    "date_end", "location", "location_country", "location_admin1", "location_admin2", "location_precision", "lat",
    "lon", "fatalities", "injured", "arrested", "confidence",
    "evidence_start", "evidence_end", "evidence",
]
STORED_TYPES = column_types(
    STORED_COLUMNS,
    ints={"event_id", "location_precision", "fatalities", "injured", "arrested", "evidence_start", "evidence_end"},
    floats={"lat", "lon", "confidence"}, days={"doc_date", "date_start", "date_end"})
"""The kind of each flat column: Parquet writes ``day`` columns as ``date32``, CSV as ISO ``YYYY-MM-DD``."""


def _join(values: Iterable) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def flat_row(ev: dict) -> dict:
    """One stored event as a flat row of :data:`STORED_COLUMNS` (lists joined with ``;``), each value of its
    column's kind (:data:`STORED_TYPES`): text, a number, a ``datetime.date``, or None when absent."""
    loc = ev.get("location") or {}
    claim = ev.get("claimed_by") or {}
    evidence = ev.get("evidence") or {}
    span = event_days(ev)
    return {
        "event_id": ev.get("event_id"), "doc_id": ev.get("doc_id"), "url": ev.get("url"),
        "outlet": ev.get("outlet"), "doc_date": full_day(ev.get("doc_date")),
        "event_type": ev["event_type"], "mode": ev.get("mode"), "cameo": ev.get("cameo"),
        "quad_class": ev.get("quad_class"), "acled_event_type": ev.get("acled_event_type"),
        "acled_sub_event_type": ev.get("acled_sub_event_type"),
        "actor": _join(a["text"] for a in ev.get("actor", [])),
        "actor_country": _join(a.get("country") for a in ev.get("actor", [])),
        "actor_sector": _join(a.get("sector") for a in ev.get("actor", [])),
        "recipient": _join(a["text"] for a in ev.get("recipient", [])),
        "recipient_country": _join(a.get("country") for a in ev.get("recipient", [])),
        "recipient_sector": _join(a.get("sector") for a in ev.get("recipient", [])),
        "claimed_by_country": claim.get("country"), "status": ev.get("status", ""),
        "date": ev.get("date"), "date_source": ev.get("date_source"),
        "date_start": span[0] if span else None, "date_end": span[1] if span else None,
        "location": loc.get("name") or loc.get("text"),
        "location_country": loc.get("country"), "location_admin1": loc.get("admin1"),
        "location_admin2": loc.get("admin2"), "location_precision": loc.get("precision"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "fatalities": ev.get("fatalities"), "injured": ev.get("injured"),
        "arrested": ev.get("arrested"), "confidence": ev.get("confidence"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "evidence": evidence.get("sentence", ""),
    }


def csv_writer(out: TextIO, columns: list[str], delimiter: str = ",") -> CsvWriter:
    """The writer of one CSV-like output: every text cell made safe for spreadsheets, None written blank, dates as
    ISO ``YYYY-MM-DD``."""
    return CsvWriter(out, fieldnames=columns, delimiter=delimiter)


def write_stored(rows: Iterable[dict], out: TextIO, fmt: str) -> int:
    """Write stored events to ``out`` as ``table``, ``jsonl`` or ``csv``; return how many."""
    n = 0
    writer = csv_writer(out, STORED_COLUMNS) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    for ev in rows:
        n += 1
        if fmt == "jsonl":
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        elif writer is not None:
            writer.writerow(flat_row(ev))
        else:
            r = {k: "" if v is None else str(v) for k, v in flat_row(ev).items()}
            claim = f" (claimed by {r['claimed_by_country']})" if r["claimed_by_country"] else ""
            out.write(f"{r['date'] or r['doc_date'] or '?':<10} {r['event_type']:<9} "
                      f"{r['actor_country'] or '-':<8} -> {r['recipient_country'] or '-':<8} {r['status']:<12}"
                      f"{r['location'][:24]:<25}{claim}\n"
                      f"{'':<11}{r['outlet'] or r['doc_id']}: {r['evidence'][:100]}\n")
    return n
