"""The read endpoints on a store coded from parley/samples by the real coder: the energy ceasefire, its alleged
violations and counts, a story told by several reports, and stable agreement ids."""
import pytest
from fastapi.testclient import TestClient

from parley.model import Article, CodedDocument, Entity, Event, Evidence
from parley.store import Store
from parley.store.commitments import span_of
from parley.store.ingest import ingest
from parley.web import create_app
from parley.web.demo import samples_dir


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'samples.db'}"
    report = ingest([samples_dir()], Store(url), coder=coder, progress=False)
    assert not report.errors
    return url


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def _energy(client) -> dict:
    found = [a for a in client.get("/api/agreements").json()["agreements"] if "energy" in a["scope"]]
    assert len(found) == 1, found
    return found[0]


def test_the_energy_ceasefire_with_its_alleged_violations(client):
    a = _energy(client)
    assert a["kind"] == "ceasefire" and set(a["parties"]) == {"RUS", "UKR"} and a["start"]
    assert [s["status"] for s in a["status"]] and a["current"] == a["status"][-1]["status"]
    assert a["commitments"] and all(c["evidence"] for c in a["commitments"])
    assert a["violations"]
    for v in a["violations"]:  # who alleges it, against whom, and the sentence that says so
        assert v["evidence"] and v["against"] and (v["alleged_by"] is None or v["alleged_by"] in {"RUS", "UKR"})
    assert {v["alleged_by"] for v in a["violations"]} >= {"RUS", "UKR"}  # each side accuses the other
    assert client.get("/api/agreements", params={"party": "ukr"}).json()["agreements"]
    assert a["id"] not in {x["id"] for x in client.get("/api/agreements", params={"party": "IND"}).json()
                           ["agreements"]}


def test_counts_anchored_to_the_agreement(client, db):
    a = _energy(client)
    body = client.get(f"/api/agreements/{a['id']}").json()
    assert body["id"] == a["id"] and body["violations"] == a["violations"]
    counts, start = body["counts"], a["start"][:10]
    since = []
    for ev in Store(db).events():
        span = span_of(ev)
        involved = {e.get("country") for e in ev["actor"] + ev["recipient"]}
        if span and span[1].isoformat() >= start and involved & {"RUS", "UKR"}:
            since.append(ev)
    assert counts["events"] == len(since) > 0
    assert sum(sum(w["counts"].values()) for w in counts["by_type"]) == len(since)
    assert all(w["week"] >= start[:4] for w in counts["by_type"])
    strikes = [ev for ev in since if ev["event_type"] == "ASSAULT" and "energy" in ev.get("targets", [])]
    assert counts["strikes_on_scope"] == len(strikes) > 0


def test_agreement_ids_do_not_depend_on_the_list_or_the_process(client, db):
    before = {a["id"]: a["describe"] if "describe" in a else a["description"]
              for a in client.get("/api/agreements").json()["agreements"]}
    assert len(before) == len(set(before))
    store = Store(db)  # another writer adds an article: the ids of the agreements found before stay
    ev = Event(event_type="ASSAULT", evidence=Evidence(sentence="Gunmen attacked a market.", start=0, end=25),
               actor=[Entity(text="Gunmen", country="NGA")], date="2020-01-05", date_start="2020-01-05",
               date_end="2020-01-05")
    art = Article(id="extra", text="Gunmen attacked a market.", date="2020-01-06")
    store.write([(art, CodedDocument(id="extra", date=art.date, events=[ev]))], coder_version="test")
    again = {a["id"]: a["description"] for a in TestClient(create_app(db)).get("/api/agreements").json()
             ["agreements"]}
    assert again == before
    assert {a["id"]: a["description"] for a in client.get("/api/agreements").json()["agreements"]} == before
    r = client.get("/api/agreements/ffffffffffff")
    assert r.status_code == 404 and r.json()["error"]["code"] == "http_404"


def test_an_event_comes_with_every_report_of_its_story_and_their_evidence(client, db):
    stories = client.get("/api/stories", params={"limit": 1000}).json()["stories"]
    multi = [s for s in stories if len(s["reports"]) > 1]
    assert multi
    story = multi[0]
    texts = Store(db).texts()
    for report in story["reports"]:
        body = client.get(f"/api/events/{report['event_id']}").json()
        assert {r["event_id"] for r in body["reports"]} == {r["event_id"] for r in story["reports"]}
        assert body["story"]["id"] == story["id"]
        for r in body["reports"]:  # the span is the sentence's place in its article
            ev = r["evidence"]
            assert texts[r["doc_id"]][ev["start"]:ev["end"]] == ev["sentence"]


def test_stories_page_by_cursor(client):
    every = client.get("/api/stories", params={"limit": 1000}).json()
    assert every["next"] is None
    seen, params = [], {"limit": 7}
    while True:
        r = client.get("/api/stories", params=params)
        body = r.json()
        seen += [s["id"] for s in body["stories"]]
        if not body["next"]:
            break
        assert 'rel="next"' in r.headers["link"]
        params["cursor"] = body["next"]
    assert seen == [s["id"] for s in every["stories"]] and len(seen) == len(set(seen))
    disputed = client.get("/api/stories", params={"disputed": True, "limit": 1000}).json()["stories"]
    assert all(s["disputed"] for s in disputed)


@pytest.mark.parametrize("q", [{"since": "2025-03-19"}, {"since": "2025-03", "until": "2025-04", "actor": "RUS"},
                               {"since": "2024-12-25", "quad_class": "MATERIAL_CONFLICT"}])
def test_pages_find_what_store_events_finds(client, db, q):
    want = {ev["event_id"] for ev in Store(db).events(**q)}
    got, params = [], {**q, "limit": 5}
    while True:
        body = client.get("/api/events", params=params).json()
        got += [e["event_id"] for e in body["events"]]
        if not body["next"]:
            break
        params["cursor"] = body["next"]
    assert want and sorted(got) == sorted(want) and len(got) == len(set(got))


def test_the_api_and_the_dashboard_give_an_agreement_the_same_id(client):
    # one id per agreement everywhere: /api/agreements/{id} and the page /agreements/{id}
    found = client.get("/api/agreements").json()["agreements"]
    energy = [a for a in found if "energy" in (a.get("scope") or [])]
    assert energy and energy[0]["id"].startswith("ceasefire-energy-")
    for a in found:
        assert client.get(f"/api/agreements/{a['id']}").status_code == 200
        page = client.get(f"/agreements/{a['id']}")
        assert page.status_code == 200 and a["kind"].replace("_", " ") in page.text.lower()
