"""Every endpoint on a store holding the example article (the shared seed: a Trump-Zelensky call during the 2025
ceasefire talks). Skips where ../shared is absent; CI has it."""
import pytest
from fastapi.testclient import TestClient

from parley.store import open_store
from parley.store.ingest import ingest
from parley.web import create_app


@pytest.fixture(scope="module")
def client(shared_dir, coder, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    ingest([str(shared_dir / "seed" / "000_74c455a6ea38216f.txt")], open_store(url), date="2025-03-20", coder=coder,
           progress=False)
    return TestClient(create_app(url))


def test_events_and_each_event_with_its_story(client):
    page = client.get("/api/events", params={"actor": "RUS", "limit": 5})
    assert page.status_code == 200
    events = page.json()["events"]
    assert events and all(any(a["country"] == "RUS" for a in e["actor"]) for e in events)
    one = client.get(f"/api/events/{events[0]['event_id']}").json()
    assert one["event"]["event_id"] == events[0]["event_id"]
    assert all(r["evidence"]["sentence"] for r in one["reports"])


def test_the_energy_ceasefire_with_its_parties_mediator_and_violations(client):
    found = client.get("/api/agreements", params={"party": "RUS"}).json()["agreements"]
    energy = [a for a in found if a["kind"] == "ceasefire" and a["scope"] == ["energy"]]
    assert len(energy) == 1
    detail = client.get(f"/api/agreements/{energy[0]['id']}").json()
    assert detail["parties"] == ["RUS", "UKR"] and detail["mediators"] == ["USA"]
    assert any(v["alleged_by"] == "RUS" for v in detail["violations"])
    page = client.get(f"/agreements/{energy[0]['id']}")
    assert page.status_code == 200 and "USA" in page.text


@pytest.mark.parametrize("path", ["/api/stories", "/api/actors/UKR/timeline", "/api/dyads", "/api/stats",
                                  "/api/changes?since=2000-01-01", "/", "/events", "/actors/RUS"])
def test_every_other_endpoint_answers(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled"])
def test_downloads(client, fmt):
    r = client.get("/api/events", params={"format": fmt})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"] and r.content
