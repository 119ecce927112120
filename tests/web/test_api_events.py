"""GET /api/events and the counts, on a store of hand-made events (no coder): every answer is checked against
the same filter applied in Python to the events as they were made."""
import csv
import datetime as dt
import io
import json
import random

import pytest
from fastapi.testclient import TestClient

from parley.model import Article, CodedDocument, Entity, Event, Evidence, Location
from parley.web import create_app

TYPES = [("ASSAULT", "MATERIAL_CONFLICT", "Explosions/Remote violence"), ("PROTEST", "MATERIAL_CONFLICT", "Protests"),
         ("ACCUSE", "VERBAL_CONFLICT", None), ("CONSULT", "VERBAL_COOPERATION", None),
         ("AID", "MATERIAL_COOPERATION", None)]
COUNTRIES = ["RUS", "UKR", "SDN", "ISR", "COD"]
PLACES = {"UKR": ("Izium", 49.2, 37.25), "SDN": ("El Fasher", 13.6, 25.35), "COD": ("Goma", -1.68, 29.22),
          "RUS": ("Belgorod", 50.6, 36.6), "ISR": ("Haifa", 32.8, 35.0)}
WORDS = ["shelled", "protested near", "accused", "met", "sent aid to"]


def _made() -> list[dict]:
    """The specification of every event: what it is, and so what each filter must find."""
    rng = random.Random(15)
    specs = []
    for n in range(240):
        event_type, quad, acled = TYPES[n % len(TYPES)]
        actor, recipient = rng.sample(COUNTRIES, 2)
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(120))
        span = rng.choice(["day", "day", "day", "month", "none", "year"] if n % 4 else ["day"])
        if span == "year":  # a long event: it overlaps every window of 2025
            date, start, end = "2025", "2025-01-01", "2025-12-31"
        elif span == "day":
            date, start, end = day.isoformat(), day.isoformat(), day.isoformat()
        elif span == "month":
            last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            date, start, end = day.isoformat()[:7], day.replace(day=1).isoformat(), last.isoformat()
        else:
            date = start = end = None
        placed = rng.random() < 0.7
        where = rng.choice(COUNTRIES)
        name, lat, lon = PLACES[where]
        specs.append(dict(
            n=n, event_type=event_type, quad=quad, acled=acled, actor=actor, recipient=recipient, date=date,
            start=start, end=end, doc_date=(day + dt.timedelta(days=1)).isoformat(),
            confidence=round(rng.uniform(0.3, 0.99), 2), status=rng.choice(["occurred", "occurred", "planned"]),
            country=where if placed else None, lat=lat if placed else None, lon=lon if placed else None,
            place=name if placed else None, precision=rng.choice([1, 2, 3]) if placed else None,
            sentence=f"Report {n}: forces of {actor} {WORDS[n % 5]} {recipient}" + (" at 100% strength" if n % 11 == 0
                                                                                   else "") + "."))
    return specs


SPECS = _made()


def _documents(specs):
    out = []
    for s in specs:
        loc = (Location(text=s["place"], name=s["place"], country=s["country"], lat=s["lat"], lon=s["lon"],
                        precision=s["precision"]) if s["place"] else None)
        ev = Event(event_type=s["event_type"], quad_class=s["quad"], acled_event_type=s["acled"],
                   evidence=Evidence(sentence=s["sentence"], start=0, end=len(s["sentence"])),
                   actor=[Entity(text=s["actor"], country=s["actor"])],
                   recipient=[Entity(text=s["recipient"], country=s["recipient"])], status=s["status"],
                   date=s["date"], date_start=s["start"], date_end=s["end"], location=loc, confidence=s["confidence"])
        doc_id = f"doc-{s['n']}"
        art = Article(id=doc_id, text=s["sentence"], url=f"https://news.example/{doc_id}", outlet="Wire",
                      title=f"Title {s['n']}", date=s["doc_date"])
        out.append((art, CodedDocument(id=doc_id, title=art.title, date=art.date, url=art.url, outlet=art.outlet,
                                       events=[ev])))
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request, tmp_path_factory):
    """The app over the hand-made events: in a SQLite file, and in PostgreSQL when PARLEY_TEST_POSTGRES gives a
    server (a fresh database, dropped afterwards)."""
    if request.param == "sqlite":
        url, admin = str(tmp_path_factory.mktemp("api") / "events.db"), None
    else:
        from tests.store.conftest import _postgres_store

        url, admin, name = _postgres_store()
    app = create_app(url)
    app.state.store.write(_documents(SPECS), coder_version="test")
    yield TestClient(app)
    if admin is not None:
        from sqlalchemy import text

        app.state.store.engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _days(s) -> tuple[str, str]:
    return (s["start"] or s["doc_date"]), (s["end"] or s["doc_date"])


def _match(s, q: dict) -> bool:
    first, last = _days(s)
    box = q.get("min_lat")
    since = q.get("since", "") + ("-01" if len(q.get("since", "")) == 7 else "")
    until = q.get("until", "") + ("-31" if len(q.get("until", "")) == 7 else "")  # the months asked end on the 31st
    return all([
        "actor" not in q or s["actor"] == q["actor"].upper(),
        "recipient" not in q or s["recipient"] == q["recipient"].upper(),
        "type" not in q or s["event_type"] in q["type"].split(","),
        "since" not in q or last >= since,
        "until" not in q or first <= until,
        "status" not in q or s["status"] == q["status"],
        "quad_class" not in q or s["quad"] == q["quad_class"].upper(),
        "acled_type" not in q or s["acled"] == q["acled_type"],
        "min_confidence" not in q or s["confidence"] >= q["min_confidence"],
        "country" not in q or s["country"] == q["country"].upper(),
        "precision" not in q or (s["precision"] is not None and s["precision"] <= q["precision"]),
        box is None or (s["lat"] is not None and q["min_lat"] <= s["lat"] <= q["max_lat"]
                        and q["min_lon"] <= s["lon"] <= q["max_lon"]),
        "text" not in q or q["text"].lower() in s["sentence"].lower(),
    ])


def _expected(q: dict) -> set[str]:
    return {f"doc-{s['n']}" for s in SPECS if _match(s, q)}


def _walk(client, q: dict, limit: int) -> list[dict]:
    """Every page of /api/events for ``q``, following the Link header and checking it matches ``next``."""
    out, params = [], {**q, "limit": limit}
    for _ in range(1000):
        r = client.get("/api/events", params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["events"]) <= limit
        out += body["events"]
        if body["next"] is None:
            assert "link" not in r.headers
            return out
        assert r.headers["link"].endswith('>; rel="next"') and f"cursor={body['next']}" in r.headers["link"]
        params = {**params, "cursor": body["next"]}
    raise AssertionError("pages never end")


QUERIES = [
    {"actor": "RUS", "since": "2025-02-01", "until": "2025-03-15"},
    {"actor": "rus"},
    {"recipient": "UKR", "type": "ASSAULT,PROTEST"},
    {"quad_class": "verbal_conflict"},
    {"acled_type": "Protests", "status": "occurred"},
    {"min_confidence": 0.8},
    {"country": "sdn", "precision": 2},
    {"min_lat": 45.0, "min_lon": 30.0, "max_lat": 55.0, "max_lon": 40.0},
    {"text": "100% STRENGTH"},
    {"text": "sent aid", "since": "2025-03"},
    {"until": "2025-01"},
    {"since": "2025-04-20", "quad_class": "MATERIAL_CONFLICT"},
    {"since": "2025-03-05", "recipient": "ISR"},
    {"since": "2025-03-05", "until": "2025-03-05", "actor": "UKR", "recipient": "SDN"},
]


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: ",".join(q))
def test_pages_hold_every_match_once_in_a_stable_order(client, q):
    events = _walk(client, q, limit=7)
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids))
    assert {e["doc_id"] for e in events} == _expected(q)
    keys = [(e["date_start"] or "", e["event_id"]) for e in events]
    assert keys == sorted(keys)


def test_long_events_and_events_without_days_are_found_after_the_first_page(client):
    q = {"since": "2025-03-10", "until": "2025-03-20"}
    events = _walk(client, q, limit=3)
    assert {e["doc_id"] for e in events} == _expected(q)
    kinds = {("year" if e["date"] == "2025" else "none" if e["date_start"] is None else "other") for e in events}
    assert kinds == {"year", "none", "other"}  # the test store holds each kind in this window


def test_pages_are_right_when_the_long_events_are_too_many_to_look_up(client, monkeypatch):
    import parley.store.store

    monkeypatch.setattr(parley.store.store, "LONG_IDS", 0)  # every page then asks for them by their days
    q = {"since": "2025-03-10", "actor": "ISR"}
    assert {e["doc_id"] for e in _walk(client, q, limit=4)} == _expected(q)


def test_a_page_of_events_has_every_field_of_the_record_and_the_article(client):
    [spec] = [s for s in SPECS if s["n"] == 5]
    events = _walk(client, {"text": "Report 5:"}, limit=100)
    [ev] = [e for e in events if e["doc_id"] == "doc-5"]
    assert ev["evidence"]["sentence"] == spec["sentence"]
    assert ev["actor"][0]["country"] == spec["actor"] and ev["confidence"] == spec["confidence"]
    assert ev["url"] == "https://news.example/doc-5" and ev["title"] == "Title 5" and ev["doc_date"] == spec["doc_date"]
    assert isinstance(ev["event_id"], int) and ev["coder_version"] == "test"


def test_the_page_size_defaults_to_100_and_is_capped(client):
    body = client.get("/api/events").json()
    assert len(body["events"]) == 100 and body["next"]
    for bad in (0, -3, 1001):
        r = client.get("/api/events", params={"limit": bad})
        assert r.status_code == 400 and r.json()["error"]["code"] == "P049"


@pytest.mark.parametrize("params,code", [
    ({"type": "ASAULT"}, "P043"), ({"quad_class": "MATERIAL"}, "P043"), ({"acled_type": "Battle"}, "P043"),
    ({"country": "Narnia"}, "P043"), ({"actor": "russia"}, "P043"), ({"min_confidence": 1.5}, "P046"),
    ({"min_confidence": "nan"}, "P046"), ({"min_lat": 1}, "P047"),
    ({"min_lat": 50, "max_lat": 40, "min_lon": 0, "max_lon": 1}, "P047"),
    ({"min_lat": -91, "max_lat": 40, "min_lon": 0, "max_lon": 1}, "P047"), ({"cursor": "not-a-cursor"}, "P048"),
    ({"cursor": "WyIyMDI1LTAyLTMwIiwxXQ"}, "P048"), ({"precision": 7}, "P025"), ({"since": "2025-02-30"}, "P042"),
    ({"since": "2025-03", "until": "2025-02"}, "P045"), ({"precision": "x"}, "invalid_request"),
    ({"format": "xls"}, "invalid_request"), ({"min_lat": "north"}, "invalid_request"),
])
def test_a_bad_parameter_is_a_coded_client_error(client, params, code):
    r = client.get("/api/events", params=params)
    assert 400 <= r.status_code < 500 and r.json()["error"]["code"] == code, r.text


def test_one_event_and_unknown_ids(client):
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    r = client.get(f"/api/events/{first['event_id']}")
    assert r.status_code == 200 and r.json()["event"]["doc_id"] == first["doc_id"]
    [own] = [rep for rep in r.json()["reports"] if rep["event_id"] == first["event_id"]]
    assert own["evidence"] == first["evidence"] and own["url"] == first["url"] and own["doc_id"] == first["doc_id"]
    for rep in r.json()["reports"]:  # every report of its story with its evidence span
        assert set(rep["evidence"]) >= {"sentence", "start", "end"} and rep["url"].endswith(rep["doc_id"])
    for bad, status in (("987654", 404), ("abc", 422), ("0", 422), ("99999999999999999999999", 422)):
        r = client.get(f"/api/events/{bad}")
        assert r.status_code == status and "error" in r.json()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "acled", "parquet"])
def test_downloads_stream_every_match_across_pages(client, fmt, monkeypatch):
    from parley.web import routes_api

    monkeypatch.setattr(routes_api, "DOWNLOAD_PAGE", 9)  # many store pages for one download
    q = {"actor": "UKR", "since": "2025-02-01"}
    r = client.get("/api/events", params={**q, "format": fmt})
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;")
    want = _expected(q)
    if fmt == "jsonl":
        got = [json.loads(line)["doc_id"] for line in r.text.splitlines()]
    elif fmt == "csv":
        got = [row["doc_id"] for row in csv.DictReader(io.StringIO(r.text))]
    elif fmt == "acled":  # ACLED rows carry no article id: their number and notes (the evidence) tell them
        rows = list(csv.DictReader(io.StringIO(r.text)))
        want = {d for d in want if SPECS[int(d.split("-")[1])]["acled"]}
        assert {row["event_type"] for row in rows} <= {"Protests", "Explosions/Remote violence"}
        got = [f"doc-{row['notes'].split(':')[0].split()[1]}" for row in rows]
    else:
        import pyarrow.parquet as pq

        got = pq.read_table(io.BytesIO(r.content)).column("doc_id").to_pylist()
    assert sorted(got) == sorted(want) and len(got) == len(want)


def test_a_download_of_nothing_is_a_header(client):
    r = client.get("/api/events", params={"text": "no such words anywhere", "format": "csv"})
    assert r.status_code == 200 and r.text.startswith("event_id,") and len(r.text.splitlines()) == 1


def test_stats_count_by_type_quad_class_and_country(client):
    body = client.get("/api/stats").json()
    assert body["events"] == len(SPECS) == body["articles"]
    for t, _, _ in TYPES:
        assert body["by_type"][t] == sum(s["event_type"] == t for s in SPECS)
    assert body["by_quad_class"]["VERBAL_CONFLICT"] == sum(s["quad"] == "VERBAL_CONFLICT" for s in SPECS)
    assert body["by_country"]["UKR"] == sum(s["country"] == "UKR" for s in SPECS)
    assert body["first_day"] == min(s["start"] for s in SPECS if s["start"])
    assert body["last_day"] == max(s["end"] for s in SPECS if s["end"])


def _week(day: str) -> str:
    y, w, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{y}-W{w:02d}"


def test_an_actors_timeline_counts_its_events_by_week(client):
    body = client.get("/api/actors/sdn/timeline", params={"since": "2025-02"}).json()
    mine = [s for s in SPECS if "SDN" in (s["actor"], s["recipient"]) and _days(s)[1] >= "2025-02-01"]
    assert body["actor"] == "SDN" and body["events"] == len(mine)
    weeks = {w["week"]: w["counts"] for w in body["by_quad_class"]}
    for s in mine[:20]:
        assert weeks[_week(_days(s)[0])][s["quad"]] >= 1
    assert sum(sum(w["counts"].values()) for w in body["by_type"]) == len(mine)
    counterparts = {c["code"]: c["events"] for c in body["counterparts"]}
    for other in set(COUNTRIES) - {"SDN"}:
        assert counterparts.get(other, 0) == sum(other in (s["actor"], s["recipient"]) for s in mine)
    assert client.get("/api/actors/NOPE/timeline").json()["error"]["code"] == "P043"


def test_dyads_count_pairs_by_quad_class_per_week(client):
    body = client.get("/api/dyads", params={"until": "2025-03-31", "limit": 1000}).json()["dyads"]
    kept = [s for s in SPECS if _days(s)[0] <= "2025-03-31"]
    for d in body[:5]:
        pair = [s for s in kept if (s["actor"], s["recipient"]) == (d["actor"], d["recipient"])]
        assert d["events"] == len(pair)
        for w in d["weeks"]:
            assert w["counts"] == {q: n for q in {s["quad"] for s in pair}
                                   if (n := sum(s["quad"] == q and _week(_days(s)[0]) == w["week"] for s in pair))}
    assert [d["events"] for d in body] == sorted((d["events"] for d in body), reverse=True)
    assert sum(d["events"] for d in body) == len(kept)


def test_the_cli_takes_the_same_filters_as_the_api(client, capsys):
    from parley.cli import main

    db = client.app.state.store.url
    q = {"actor": "RUS", "quad_class": "material_conflict", "min_confidence": 0.5, "country": "UKR",
         "min_lat": 45.0, "min_lon": 30.0, "max_lat": 55.0, "max_lon": 40.0, "text": "forces", "since": "2025-02"}
    argv = [f"--{k.replace('_', '-')}={v}" for k, v in q.items()]
    assert main(["events", "--db", db, "--format", "jsonl", *argv]) == 0
    from_cli = {json.loads(line)["event_id"] for line in capsys.readouterr().out.splitlines()}
    assert from_cli and from_cli == {e["event_id"] for e in _walk(client, q, limit=50)}
    assert {e["doc_id"] for e in _walk(client, q, limit=50)} == _expected(q)
    assert main(["export", "--db", db, "--format", "csv", "--acled-type", "Protests", "--text", "protested"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["doc_id"] for r in rows} == _expected({"acled_type": "Protests", "text": "protested"})
    assert main(["events", "--db", db, "--min-lat", "40"]) != 0
    assert "P047" in capsys.readouterr().err
