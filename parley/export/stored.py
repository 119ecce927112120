"""Writers for events read back from the store (``parley events``): each is a dict, the event record with its
article's fields (``doc_id``, ``url``, ``outlet``, ``title``, ``doc_date``) and ``event_id``."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

STORED_COLUMNS = [
    "event_id", "doc_id", "url", "outlet", "doc_date", "event_type", "mode", "cameo", "quad_class",
    "acled_event_type", "acled_sub_event_type", "actor", "actor_country", "actor_sector", "recipient",
    "recipient_country", "recipient_sector", "claimed_by_country", "status", "date", "location",
    "location_country", "location_admin1", "location_admin2", "location_precision", "lat", "lon", "fatalities",
    "injured", "arrested", "confidence",
    "evidence_start", "evidence_end", "evidence",
]


def _join(values: Iterable) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def _blank(v):
    return "" if v is None else v


def flat_row(ev: dict) -> dict:
    """One stored event as a flat row of :data:`STORED_COLUMNS` (lists joined with ``;``)."""
    loc = ev.get("location") or {}
    claim = ev.get("claimed_by") or {}
    evidence = ev.get("evidence") or {}
    return {
        "event_id": ev.get("event_id"), "doc_id": ev.get("doc_id"), "url": _blank(ev.get("url")),
        "outlet": _blank(ev.get("outlet")), "doc_date": _blank(ev.get("doc_date")),
        "event_type": ev["event_type"], "mode": _blank(ev.get("mode")), "cameo": _blank(ev.get("cameo")),
        "quad_class": _blank(ev.get("quad_class")), "acled_event_type": _blank(ev.get("acled_event_type")),
        "acled_sub_event_type": _blank(ev.get("acled_sub_event_type")),
        "actor": _join(a["text"] for a in ev.get("actor", [])),
        "actor_country": _join(a.get("country") for a in ev.get("actor", [])),
        "actor_sector": _join(a.get("sector") for a in ev.get("actor", [])),
        "recipient": _join(a["text"] for a in ev.get("recipient", [])),
        "recipient_country": _join(a.get("country") for a in ev.get("recipient", [])),
        "recipient_sector": _join(a.get("sector") for a in ev.get("recipient", [])),
        "claimed_by_country": _blank(claim.get("country")), "status": ev.get("status", ""),
        "date": _blank(ev.get("date")), "location": _blank(loc.get("name") or loc.get("text")),
        "location_country": _blank(loc.get("country")), "location_admin1": _blank(loc.get("admin1")),
        "location_admin2": _blank(loc.get("admin2")), "location_precision": _blank(loc.get("precision")),
        "lat": _blank(loc.get("lat")), "lon": _blank(loc.get("lon")),
        "fatalities": _blank(ev.get("fatalities")), "injured": _blank(ev.get("injured")),
        "arrested": _blank(ev.get("arrested")), "confidence": ev.get("confidence"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "evidence": evidence.get("sentence", ""),
    }


def write_stored(rows: Iterable[dict], out: TextIO, fmt: str) -> int:
    """Write stored events to ``out`` as ``table``, ``jsonl`` or ``csv``; return how many."""
    n = 0
    writer = None
    for ev in rows:
        n += 1
        if fmt == "jsonl":
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=STORED_COLUMNS)
                writer.writeheader()
            writer.writerow(flat_row(ev))
        else:
            r = flat_row(ev)
            claim = f" (claimed by {r['claimed_by_country']})" if r["claimed_by_country"] else ""
            out.write(f"{r['date'] or r['doc_date'] or '?':<10} {r['event_type']:<9} "
                      f"{r['actor_country'] or '-':<8} -> {r['recipient_country'] or '-':<8} {r['status']:<12}"
                      f"{r['location'][:24]:<25}{claim}\n"
                      f"{'':<11}{r['outlet'] or r['doc_id']}: {r['evidence'][:100]}\n")
    if fmt == "csv" and writer is None:
        csv.DictWriter(out, fieldnames=STORED_COLUMNS).writeheader()
    return n
