"""Formula injection: no text cell of a CSV-like output starts with a character a spreadsheet reads as a formula;
numbers stay numbers."""
import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.export.analyst import export
from parley.export.formats import Writer
from parley.export.stored import write_stored

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+7", "'+7"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("Kyiv", "Kyiv"), ("", ""), ("a=b", "a=b"), (" =x", " =x"),
    (-3.5, -3.5), (-7, -7), (0, 0), (None, None),
])
def test_safe_cell_prefixes_text_that_starts_like_a_formula_and_leaves_numbers(value, expected):
    from parley.export.formats import safe_cell

    assert safe_cell(value) == expected


def _outputs(stored, coded) -> dict[str, tuple[str, str]]:
    """Every CSV-like output of the fixture events: name -> (text, delimiter)."""
    out = {}
    buf = io.StringIO(newline="")
    writer = Writer(buf, "csv")
    for doc in coded:
        writer.write(doc)
    out["code --format csv"] = (buf.getvalue(), ",")
    buf = io.StringIO(newline="")
    write_stored(stored, buf, "csv")
    out["events --format csv"] = (buf.getvalue(), ",")
    for fmt, sep in (("csv", ","), ("acled", ","), ("icews", "\t")):
        buf = io.StringIO(newline="")
        export(stored, fmt, buf)
        out[f"export --format {fmt}"] = (buf.getvalue(), sep)
    return out


def _cells(text: str, sep: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=sep))


def test_no_text_cell_of_any_csv_output_starts_like_a_formula(stored, coded):
    outputs = _outputs(stored, coded)
    for name, (text, sep) in outputs.items():
        rows = _cells(text, sep)
        assert rows, name
        bad = [(c, v) for r in rows for c, v in r.items() if v and v.startswith(FORMULA_START)
               and not _is_number(v)]
        assert not bad, f"{name}: {bad[:3]}"


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def test_escaped_cells_keep_their_text_after_the_quote(stored, coded):
    rows = _cells(*_outputs(stored, coded)["events --format csv"])
    hostile = next(r for r in rows if r["doc_id"] == "hostile" and r["event_type"] == "ASSAULT")
    assert hostile["actor"] == "'=cmd|' /C calc'!A0"
    assert hostile["recipient"] == "'\tBukavu residents"
    assert hostile["evidence"] == "'-2+3 said @officials as rebels shelled Bukavu."
    assert hostile["outlet"] == "'+Wire"


def test_numbers_are_not_escaped(stored, coded):
    for name, (text, sep) in _outputs(stored, coded).items():
        rows = _cells(text, sep)
        lats = [r.get("lat") or r.get("latitude") or r.get("Latitude") for r in rows]
        assert "-2.5" in lats, name  # Bukavu, south of the equator, written as a number


def test_a_carriage_return_in_a_cell_never_splits_its_row(stored, coded):
    n_acled = sum(1 for ev in stored if ev.get("acled_event_type"))
    expected = {"code --format csv": len(stored), "events --format csv": len(stored),
                "export --format csv": len(stored), "export --format acled": n_acled,
                "export --format icews": len(stored)}
    for name, (text, sep) in _outputs(stored, coded).items():
        rows = _cells(text, sep)
        assert len(rows) == expected[name], name
        cells = {v for r in rows for v in r.values()}
        if "acled" not in name and "icews" not in name:  # the sentence is in the others; no ACLED event
            assert "'\rA second report from the same town." in cells, name


# --- property: whatever the text, every CSV-like export keeps its rows and escapes its cells ------------------

texts = st.text(max_size=30)
entity = st.fixed_dictionaries({"text": texts, "country": st.sampled_from([None, "UKR", "GBR", "UN"]),
                                "sector": st.none() | texts})
stored_event = st.fixed_dictionaries({
    "event_id": st.integers(1, 10**6), "doc_id": texts, "url": st.none() | texts, "outlet": st.none() | texts,
    "title": st.none() | texts, "doc_date": st.none() | st.sampled_from(["2025-03-01", "2025-02-30", "2025"]),
    "event_type": st.sampled_from(["ASSAULT", "PROTEST", "ACCUSE"]), "mode": st.none() | texts,
    "cameo": st.none() | st.sampled_from(["084", "190", "141", ""]),
    "quad_class": st.sampled_from(["MATERIAL_CONFLICT", "VERBAL_CONFLICT"]),
    "acled_event_type": st.none() | st.sampled_from(["Protests", "Explosions/Remote violence"]),
    "actor": st.lists(entity, max_size=2), "recipient": st.lists(entity, max_size=2),
    "status": texts, "date": st.none() | st.sampled_from(["2025-03-02", "2025-03", "2025", "2025-13"]),
    "date_source": st.none() | st.sampled_from(["text", "document"]),
    "location": st.none() | st.fixed_dictionaries({
        "text": texts, "name": st.none() | texts, "country": st.none() | st.just("UKR"),
        "admin1": st.none() | texts, "lat": st.none() | st.floats(-90, 90), "lon": st.none() | st.floats(-180, 180)}),
    "fatalities": st.none() | st.integers(0, 1000), "confidence": st.floats(0, 1),
    "evidence": st.fixed_dictionaries({"sentence": texts, "start": st.integers(0, 99), "end": st.integers(0, 99)}),
})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(stored_event, min_size=1, max_size=4))
def test_any_stored_text_keeps_every_csv_row_whole_and_safe(events):
    for fmt, sep in (("csv", ","), ("acled", ","), ("icews", "\t")):
        buf = io.StringIO(newline="")
        n = export(events, fmt, buf)
        rows = _cells(buf.getvalue(), sep)
        assert len(rows) == n == (len(events) if fmt != "acled" else sum(bool(e["acled_event_type"]) for e in events))
        for r in rows:
            assert None not in r and None not in r.values()  # as wide as the header
            bad = [v for v in r.values() if v.startswith(FORMULA_START) and not _is_number(v)]
            assert not bad, (fmt, bad)
    buf = io.StringIO(newline="")
    write_stored(events, buf, "csv")
    rows = _cells(buf.getvalue(), ",")
    assert [r["evidence"] for r in rows] == [safe(e["evidence"]["sentence"]) for e in events]


def safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
