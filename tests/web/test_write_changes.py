"""GET /api/changes: events added and deleted since a moment, in order and paged, so a client keeps a copy
current; a re-coded article's old events appear as deleted. Articles written for these tests."""
import pytest
from fastapi.testclient import TestClient

from parley.web import create_app
from parley.web.tokens import create_token

STRIKE = ("Russian drones attacked the city of Kharkiv on Tuesday night, killing three civilians, the regional "
          "governor said. Ukraine's foreign ministry condemned the strike.")
TALKS = ("Ukraine and Russia agreed on Friday to exchange 150 prisoners of war each, Turkey's foreign ministry "
         "said. Ukrainian forces shelled Russian positions near Bakhmut on Saturday, Moscow said.")


@pytest.fixture
def client(tmp_path, coder):
    app = create_app(str(tmp_path / "s.db"))
    app.state.coder = coder
    client = TestClient(app)
    client.headers["Authorization"] = "Bearer " + create_token(app.state.store, "tests")
    return client


def _all(client, since=None, limit=500):
    out = []
    while True:
        page = client.get("/api/changes", params={"limit": limit, **({"since": since} if since else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        if not body["changes"]:
            return out, body["next_since"] or since
        out += body["changes"]
        since = body["next_since"]


def test_a_post_appears_in_the_feed_with_its_events(client):
    assert client.get("/api/changes").json() == {"changes": [], "next_since": None}
    posted = client.post("/api/articles", json={"text": STRIKE, "date": "2025-03-20"}).json()
    changes, since = _all(client)
    assert [c["event_id"] for c in changes] == [e["event_id"] for e in posted["events"]]
    assert {c["action"] for c in changes} == {"added"}
    for c, e in zip(changes, posted["events"]):
        assert c["event"]["event_type"] == e["event_type"] and c["event"]["doc_date"] == "2025-03-20"
    assert _all(client, since)[0] == []  # a client that is up to date gets nothing
    client.post("/api/articles", json={"text": TALKS, "date": "2025-03-21"})
    more, _ = _all(client, since)
    assert more and not {c["event_id"] for c in more} & {c["event_id"] for c in changes}
    assert min(c["at"] for c in more) > since


def test_a_recoded_article_shows_its_old_events_deleted_and_its_new_ones_added(client, monkeypatch):
    import sys

    first = client.post("/api/articles", json={"text": STRIKE, "date": "2025-03-20"}).json()
    _, since = _all(client)
    monkeypatch.setattr(sys.modules["parley.store.ingest"], "coder_version", lambda: "a-newer-coder")
    again = client.post("/api/articles", json={"text": STRIKE, "date": "2025-03-20"})
    assert again.status_code == 201  # coded again by the newer coder, its events replaced
    changes, _ = _all(client, since)
    old = {e["event_id"] for e in first["events"]}
    new = {e["event_id"] for e in again.json()["events"]}
    assert {c["event_id"] for c in changes if c["action"] == "deleted"} == old
    # deletions come first: SQLite may give a new event the id of a deleted one, and a replay stays right
    assert {c["event_id"] for c in changes if c["action"] == "added"} == new
    actions = [c["action"] for c in changes]
    assert actions == ["deleted"] * len(old) + ["added"] * len(new)
    assert all(c["event"] is None for c in changes if c["action"] == "deleted")
    assert all(c["event"]["coder_version"] == "a-newer-coder" for c in changes if c["action"] == "added")
    # a client replaying the whole feed ends with exactly the events the store holds
    copy = {}
    for c in _all(client)[0]:
        if c["action"] == "added":
            copy[c["event_id"]] = c["event"]
        else:
            copy.pop(c["event_id"], None)
    assert copy == {e["event_id"]: e for e in (c["event"] for c in _all(client)[0] if c["event"])}
    assert set(copy) == new


def test_pages_are_ordered_and_give_each_change_once(client):
    client.post("/api/articles", json={"text": STRIKE})
    client.post("/api/articles", json={"text": TALKS})
    whole, _ = _all(client)
    paged, _ = _all(client, limit=1)
    assert len(whole) >= 2 and paged == whole
    stamps = [c["at"] for c in whole]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


@pytest.mark.parametrize("since", ["2025-03-20", "2025-03-20T10:00:00Z", "2025-03-20T12:00:00+02:00"])
def test_since_takes_a_day_or_an_iso_time(client, since):
    client.post("/api/articles", json={"text": STRIKE})
    assert client.get("/api/changes", params={"since": since}).json()["changes"]
    assert client.get("/api/changes", params={"since": "2999-01-01"}).json()["changes"] == []


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"since": "2025-13-40"}, {"limit": 0},
                                    {"since": "0001-01-01T00:00:00+01:00"}, {"since": "2025-03-20\x00"},
                                    {"limit": 100000}])
def test_a_bad_since_or_limit_is_a_coded_error(client, params):
    r = client.get("/api/changes", params=params)
    assert 400 <= r.status_code < 500 and r.json()["error"]["code"] in ("P043", "invalid_request")
