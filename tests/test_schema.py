"""The schema (parley/model.py) and its serialisations: field docs, JSON Lines contract, CSV columns."""
from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from contract import DOCUMENT_KEYS, ENTITY_KEYS, EVENT_KEYS, EVIDENCE_KEYS, LOCATION_KEYS, QUANTITY_KEYS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.export.formats import CSV_COLUMNS, Writer, document_json, event_row, field_docs, safe_cell
from parley.model import Article, CodedDocument, Entity, Event, Evidence, Location, Quantity, to_dict

SCHEMA = [Article, Entity, Location, Quantity, Evidence, Event, CodedDocument]


# Each Event field -> the CSV columns that carry it.
EVENT_CSV_COLUMNS = {
    "event_type": ["event_type"],
    "evidence": ["evidence", "evidence_start", "evidence_end"],
    "mode": ["mode"],
    "context": ["context"],
    "cameo": ["cameo"],
    "quad_class": ["quad_class"],
    "acled_event_type": ["acled_event_type"],
    "acled_sub_event_type": ["acled_sub_event_type"],
    "actor": ["actor", "actor_country", "actor_sector"],
    "recipient": ["recipient", "recipient_country", "recipient_sector"],
    "claimed_by": ["claimed_by", "claimed_by_country"],
    "status": ["status"],
    "targets": ["targets"],
    "date": ["date"],
    "date_source": ["date_source"],
    "date_start": ["date_start"],
    "date_end": ["date_end"],
    "location": ["location", "location_country", "location_admin1", "lat", "lon", "geonameid"],
    "fatalities": ["fatalities"],
    "injured": ["injured"],
    "arrested": ["arrested"],
    "quantities": ["quantities"],
    "confidence": ["confidence"],
    "trigger": ["trigger"],
}
DOCUMENT_CSV_COLUMNS = {"id": "doc_id", "title": "doc_title", "date": "doc_date"}


# --- field docs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", SCHEMA, ids=lambda c: c.__name__)
def test_every_field_has_a_docstring(cls):
    docs = field_docs(cls)
    assert set(docs) == {f.name for f in dataclasses.fields(cls)}
    undocumented = [name for name, doc in docs.items() if not doc.strip()]
    assert not undocumented, f"{cls.__name__} fields without a docstring: {undocumented}"


@pytest.mark.parametrize("cls", SCHEMA, ids=lambda c: c.__name__)
def test_every_class_has_a_docstring(cls):
    assert cls.__doc__ and cls.__doc__.strip() and not cls.__doc__.startswith(cls.__name__ + "(")


# --- JSON ----------------------------------------------------------------------------------------


def sample_document() -> CodedDocument:
    """A document with every field filled in, built by hand."""
    text = "Kyiv \u2013 Russian drones hit a substation, Ukrainian officials said."
    assault = Event(
        event_type="ASSAULT",
        evidence=Evidence(sentence=text, start=0, end=len(text)),
        mode="drone",
        context=["military"],
        cameo="195",
        quad_class="MATERIAL_CONFLICT",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        actor=[Entity(text="Russian drones", country="RUS", sector="MIL", start=7, end=21)],
        recipient=[Entity(text="Ukraine", country="UKR", sector=None, name="Ukraine")],
        claimed_by=Entity(text="Ukrainian officials", country="UKR", sector="GOV", start=41, end=60),
        status="occurred",
        targets=["energy"],
        date="2025-03-18",
        date_source="text",
        location=Location(text="Kyiv", name="Kyiv", country="UKR", admin1="Kyiv City", lat=50.45, lon=30.52,
                          geonameid=703448),
        fatalities=2,
        injured=11,
        arrested=None,
        quantities=[Quantity(value=40, unit="drone", text="40 drones")],
        confidence=0.8,
        trigger="hit",
    )
    talks = Event(event_type="CONSULT", evidence=Evidence(sentence="Talks followed.", start=70, end=85))
    return CodedDocument(id="doc-1", title="Drones hit Kyiv", date="2025-03-20", url="https://example.org/a",
                         outlet="Example Wire", events=[assault, talks])


def test_document_json_round_trips():
    doc = sample_document()
    line = document_json(doc)
    assert "\n" not in line and "\r" not in line  # one line of JSON Lines
    data = json.loads(line)
    assert data == to_dict(doc)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["events"][0]["evidence"]["sentence"] == doc.events[0].evidence.sentence  # non-ASCII kept
    assert "\u2013" in line  # written as UTF-8, not \u escapes


def test_document_json_has_the_contract_keys():
    data = json.loads(document_json(sample_document()))
    assert DOCUMENT_KEYS <= set(data)
    assert data["id"] == "doc-1" and data["date"] == "2025-03-20"
    assault, talks = data["events"]
    for event in (assault, talks):  # defaults are written too: every key, always
        assert EVENT_KEYS <= set(event), EVENT_KEYS - set(event)
        assert EVIDENCE_KEYS <= set(event["evidence"])
        assert isinstance(event["context"], list) and isinstance(event["targets"], list)
        assert isinstance(event["actor"], list) and isinstance(event["recipient"], list)
        assert isinstance(event["quantities"], list)
    for entity in assault["actor"] + assault["recipient"] + [assault["claimed_by"]]:
        assert ENTITY_KEYS <= set(entity)
    assert LOCATION_KEYS <= set(assault["location"])
    assert QUANTITY_KEYS <= set(assault["quantities"][0])
    assert (talks["claimed_by"], talks["location"], talks["fatalities"]) == (None, None, None)
    assert talks["status"] == "occurred" and 0 <= talks["confidence"] <= 1


# --- CSV -----------------------------------------------------------------------------------------


def test_the_csv_mapping_names_every_event_field():
    # A new Event field must be given CSV columns (and added to the mapping above).
    assert set(EVENT_CSV_COLUMNS) == {f.name for f in dataclasses.fields(Event)}


def test_csv_columns_cover_every_event_field():
    missing = {name: [c for c in cols if c not in CSV_COLUMNS] for name, cols in EVENT_CSV_COLUMNS.items()}
    missing = {name: cols for name, cols in missing.items() if cols}
    assert not missing, f"Event fields without their CSV columns: {missing}"
    assert all(col in CSV_COLUMNS for col in DOCUMENT_CSV_COLUMNS.values())
    assert len(CSV_COLUMNS) == len(set(CSV_COLUMNS)), "duplicate CSV column"


def test_event_row_fills_exactly_the_csv_columns():
    doc = sample_document()
    for i, event in enumerate(doc.events):
        row = event_row(doc, i, event)
        assert list(row) == CSV_COLUMNS
    row = event_row(doc, 0, doc.events[0])
    assert (row["doc_id"], row["doc_title"], row["doc_date"], row["event_index"]) == (
        "doc-1", "Drones hit Kyiv", "2025-03-20", 0)
    assert (row["actor"], row["actor_country"], row["actor_sector"]) == ("Russian drones", "RUS", "MIL")
    assert (row["claimed_by"], row["claimed_by_country"]) == ("Ukrainian officials", "UKR")
    assert (row["location"], row["location_country"], row["geonameid"]) == ("Kyiv", "UKR", 703448)
    assert (row["evidence_start"], row["evidence_end"]) == (0, len(doc.events[0].evidence.sentence))
    assert row["quantities"] == "40 drone"


def test_csv_writer_writes_one_row_per_event():
    out = io.StringIO(newline="")
    Writer(out, "csv").write(sample_document())
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [r["event_type"] for r in rows] == ["ASSAULT", "CONSULT"]
    assert [r["event_index"] for r in rows] == ["0", "1"]


# --- property test: arbitrary events serialise -------------------------------------------------

texts = st.text(max_size=40)
opt_texts = st.none() | texts
counts = st.none() | st.integers(min_value=0, max_value=10**9)
offsets = st.none() | st.integers(min_value=0, max_value=10**7)

entities = st.builds(Entity, text=texts, country=opt_texts, sector=opt_texts, name=opt_texts, start=offsets,
                     end=offsets)
locations = st.builds(
    Location, text=texts, name=opt_texts, country=opt_texts, admin1=opt_texts,
    lat=st.none() | st.floats(min_value=-90, max_value=90), lon=st.none() | st.floats(min_value=-180, max_value=180),
    geonameid=st.none() | st.integers(min_value=0, max_value=10**9))
quantities = st.builds(Quantity, value=st.integers(min_value=0, max_value=10**12), unit=texts, text=texts)
evidences = st.builds(Evidence, sentence=st.text(min_size=1, max_size=200), start=st.integers(0, 10**7),
                      end=st.integers(0, 10**7))
events = st.builds(
    Event,
    event_type=texts, evidence=evidences, mode=opt_texts, context=st.lists(texts, max_size=3), cameo=opt_texts,
    quad_class=opt_texts, acled_event_type=opt_texts, acled_sub_event_type=opt_texts,
    actor=st.lists(entities, max_size=3), recipient=st.lists(entities, max_size=3),
    claimed_by=st.none() | entities, status=texts, targets=st.lists(texts, max_size=3), date=opt_texts,
    date_source=opt_texts, location=st.none() | locations, fatalities=counts, injured=counts, arrested=counts,
    quantities=st.lists(quantities, max_size=3), confidence=st.floats(min_value=0, max_value=1), trigger=opt_texts,
)
documents = st.builds(CodedDocument, id=texts, title=opt_texts, date=opt_texts, url=opt_texts, outlet=opt_texts,
                      events=st.lists(events, min_size=1, max_size=3))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_events_serialise_to_json_and_csv(doc):
    # JSON Lines: one line, strict JSON (no NaN), the same data back
    out = io.StringIO()
    Writer(out, "jsonl").write(doc)
    written = out.getvalue()
    assert written.endswith("\n") and written.count("\n") == 1 and "\r" not in written

    def no_constants(name):
        raise ValueError(f"non-standard JSON constant {name}")

    assert json.loads(written, parse_constant=no_constants) == to_dict(doc)

    # CSV: header plus one row per event, every row as wide as the header
    out = io.StringIO(newline="")
    Writer(out, "csv").write(doc)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 1 + len(doc.events)
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    parsed = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    for i, (row, event) in enumerate(zip(parsed, doc.events, strict=True)):
        assert row["doc_id"] == safe_cell(doc.id) and row["event_index"] == str(i)
        assert row["event_type"] == safe_cell(event.event_type)
        assert row["evidence"] == safe_cell(event.evidence.sentence)  # a formula-like cell gets a quote in front
        assert float(row["confidence"]) == event.confidence
