"""Each export opens in its usual reader: pandas for CSV, TSV and Parquet, json for the JSON Lines."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from parley.export import pandas_options
from parley.export.analyst import cameo_roots
from parley.store import Store, ingest

WIRE = Path(__file__).parent.parent / "fixtures" / "store" / "wire.jsonl"
# ACLED's export columns in ACLED's order, as its data files give them
ACLED_HEADER = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
                "admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3")


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("x") / "x.db"
    store = Store(f"sqlite:///{path}")
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    return path, list(store.events())


def _export(db_path, fmt, out):
    cmd = [sys.executable, "-m", "parley", "export", "--db", str(db_path), "--format", fmt, "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return out


def test_csv_and_parquet_open_in_pandas_with_every_event(db, tmp_path):
    pd = pytest.importorskip("pandas")
    path, events = db
    frame = pd.read_csv(_export(path, "csv", tmp_path / "e.csv"))
    assert len(frame) == len(events) and set(frame["event_type"]) == {e["event_type"] for e in events}
    pq = pd.read_parquet(_export(path, "parquet", tmp_path / "e.parquet"))
    assert len(pq) == len(events) and list(pq.columns) == list(frame.columns)
    assert pq["fatalities"].dropna().astype(int).tolist() == frame["fatalities"].dropna().astype(int).tolist()
    assert str(pq["lat"].dtype) == "float64"


def test_the_acled_csv_has_acleds_columns_in_order_and_only_acled_events(db, tmp_path):
    pd = pytest.importorskip("pandas")
    path, events = db
    out = _export(path, "acled", tmp_path / "acled.csv")
    assert out.read_text(encoding="utf-8").splitlines()[0] == ACLED_HEADER
    frame = pd.read_csv(out)
    assert len(frame) == sum(1 for e in events if e.get("acled_event_type"))
    kharkiv = frame[frame["location"] == "Kharkiv"].iloc[0]
    assert kharkiv["event_type"] == "Explosions/Remote violence" and kharkiv["iso3"] == "UKR"
    assert kharkiv["iso"] == 804 and kharkiv["country"] == "Ukraine" and kharkiv["event_date"] == "2025-04-01"
    assert kharkiv["fatalities"] == 3 and kharkiv["inter1"] == 1


def test_the_icews_tsv_carries_cameo_codes_and_goldstein_intensity(db, tmp_path):
    pd = pytest.importorskip("pandas")
    path, events = db
    frame = pd.read_csv(_export(path, "icews", tmp_path / "icews.tsv"), **pandas_options("icews"))
    assert list(frame.columns)[:8] == ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                                       "Event Text", "CAMEO Code", "Intensity"]
    assert len(frame) == len(events)
    protest = frame[frame["CAMEO Code"].str.startswith("14")].iloc[0]
    assert protest["Intensity"] == -6.5 and protest["Event Text"] == "Protest"


@pytest.mark.parametrize("fmt, column", [("csv", "cameo"), ("icews", "CAMEO Code")])
def test_exported_cameo_codes_read_back_as_stored_with_the_documented_dtypes(db, tmp_path, fmt, column):
    pd = pytest.importorskip("pandas")
    path, events = db
    frame = pd.read_csv(_export(path, fmt, tmp_path / f"e.{fmt}"), **pandas_options(fmt))
    assert sorted(frame[column].dropna()) == sorted(e["cameo"] for e in events if e.get("cameo"))
    assert any(e["cameo"].startswith("0") for e in events if e.get("cameo"))  # a code whose zero must survive


def test_plover_json_uses_the_plover_field_names(db, tmp_path):
    path, events = db
    rows = [json.loads(line) for line in _export(path, "plover", tmp_path / "p.jsonl").read_text().splitlines()]
    assert len(rows) == len(events)
    assert {"id", "date", "event", "mode", "context", "actor", "recipient", "dead", "injured", "size"} <= set(rows[0])
    arrest = next(r for r in rows if r["event"] == "COERCE")
    assert arrest["actor"][0]["country"] == "BLR" and arrest["location"]["name"] == "Minsk"


def test_jsonl_round_trips_the_stored_records(db, tmp_path):
    path, events = db
    rows = [json.loads(line) for line in _export(path, "jsonl", tmp_path / "e.jsonl").read_text().splitlines()]
    assert rows == json.loads(json.dumps(events))


def test_parquet_needs_a_file(db):
    path, _ = db
    done = subprocess.run([sys.executable, "-m", "parley", "export", "--db", str(path), "--format", "parquet"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "P019" in done.stderr


def test_the_cameo_root_table_is_complete():
    roots = cameo_roots()
    assert sorted(roots) == [f"{i:02d}" for i in range(1, 21)]
    assert all(-10.0 <= g <= 10.0 for _, g in roots.values())
    assert roots["18"][0] == "ASSAULT" and roots["07"][1] > 0 > roots["14"][1]
