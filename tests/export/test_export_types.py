"""Each export read back as an analyst would: pandas with the documented dtypes for the CSVs, pyarrow for Parquet.
Codes keep their leading zeros, dates are dates, the textual date keeps its precision."""
import datetime as dt
import io
import subprocess
import sys

import pytest

from parley.export.analyst import ACLED_COLUMNS, ICEWS_COLUMNS, export
from parley.export.formats import CSV_COLUMNS, Writer
from parley.export.stored import STORED_COLUMNS

pd = pytest.importorskip("pandas")

COLUMNS = {"csv": STORED_COLUMNS, "acled": ACLED_COLUMNS, "icews": ICEWS_COLUMNS, "code": CSV_COLUMNS}


def _text(stored, coded, fmt: str) -> str:
    buf = io.StringIO(newline="")
    if fmt == "code":
        writer = Writer(buf, "csv")
        for doc in coded:
            writer.write(doc)
    else:
        export(stored, fmt, buf)
    return buf.getvalue()


def _read(stored, coded, fmt: str):
    from parley.export import pandas_options

    return pd.read_csv(io.StringIO(_text(stored, coded, fmt)), **pandas_options(fmt))


def test_every_column_of_every_csv_export_has_a_documented_type():
    from parley.export import CSV_DATES, CSV_DTYPES

    for fmt, columns in COLUMNS.items():
        typed = set(CSV_DTYPES[fmt]) | set(CSV_DATES[fmt])
        assert typed == set(columns), (fmt, set(columns) ^ typed)
        assert not set(CSV_DTYPES[fmt]) & set(CSV_DATES[fmt]), fmt


@pytest.mark.parametrize("fmt, column", [("csv", "cameo"), ("code", "cameo"), ("icews", "CAMEO Code")])
def test_cameo_codes_keep_their_leading_zeros_in_pandas(stored, coded, fmt, column):
    frame = _read(stored, coded, fmt)
    assert "084" in frame[column].tolist()
    assert {"195", "190", "141"} <= set(frame[column].dropna())


@pytest.mark.parametrize("fmt", ["csv", "code"])
def test_ids_and_textual_dates_stay_text_in_pandas(stored, coded, fmt):
    frame = _read(stored, coded, fmt)
    assert "007" in frame["doc_id"].tolist()
    assert {"2023", "2024-08", "2025-03-02"} <= set(frame["date"].dropna())


@pytest.mark.parametrize("fmt, columns", [
    ("csv", ["doc_date", "date_start", "date_end"]),
    ("code", ["doc_date", "date_start", "date_end"]),
    ("acled", ["event_date"]),
    ("icews", ["Event Date"]),
])
def test_date_columns_parse_as_dates(stored, coded, fmt, columns):
    frame = _read(stored, coded, fmt)
    for c in columns:
        assert pd.api.types.is_datetime64_any_dtype(frame[c]), (fmt, c, frame[c].dtype)


def test_csv_dates_are_iso_days_and_the_span_is_written(stored):
    frame = _read(stored, [], "csv")
    month = frame[frame["date"] == "2024-08"].iloc[0]
    assert month["date_start"] == pd.Timestamp("2024-08-01") and month["date_end"] == pd.Timestamp("2024-08-31")
    year = frame[frame["date"] == "2023"].iloc[0]
    assert (year["date_start"], year["date_end"]) == (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31"))


def test_numbers_read_as_numbers(stored, coded):
    acled = _read(stored, coded, "acled")
    assert str(acled["latitude"].dtype) == "float64" and -2.5 in acled["latitude"].tolist()
    assert acled["time_precision"].dropna().isin([1, 2, 3]).all()
    assert acled["iso"].dropna().astype(int).tolist()  # ISO numeric codes, as ACLED writes them
    stored_csv = _read(stored, coded, "csv")
    assert str(stored_csv["lat"].dtype) == "float64" and stored_csv["fatalities"].dropna().tolist() == [2, 1]


def test_records_stored_before_date_start_existed_still_get_their_span(stored):
    old = [{k: v for k, v in ev.items() if k not in ("date_start", "date_end")} for ev in stored]
    frame = _read(old, [], "csv")
    month = frame[frame["date"] == "2024-08"].iloc[0]
    assert month["date_end"] == pd.Timestamp("2024-08-31")


def test_parquet_writes_real_dates_and_text_codes(stored, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(stored, "parquet", path=str(path)) == len(stored)
    table = pq.read_table(path)
    assert table.column_names == STORED_COLUMNS
    for c in ("doc_date", "date_start", "date_end"):
        assert table.schema.field(c).type == pa.date32(), c
    for c in ("cameo", "date", "doc_id"):
        assert table.schema.field(c).type == pa.string(), c
    assert table.schema.field("location_precision").type == pa.int64()
    rows = table.to_pylist()
    month = next(r for r in rows if r["date"] == "2024-08")
    assert (month["date_start"], month["date_end"]) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert "084" in [r["cameo"] for r in rows]
    # no escaping in Parquet: the text is the text
    assert "=cmd|' /C calc'!A0" in [r["actor"] for r in rows]


def test_the_pandas_options_are_plain_data_without_pandas():
    """The package does not need pandas at run time: the options are names a user hands to pandas."""
    code = ("import sys; sys.modules['pandas'] = None; from parley.export import pandas_options, CSV_DTYPES; "
            "import json; json.dumps([pandas_options(f) for f in CSV_DTYPES])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
