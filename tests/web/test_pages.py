"""The dashboard's pages (parley/web/pages.py) through FastAPI's TestClient on a store coded from parley/samples:
every page answers 200, an unknown id is a 404 page, filters narrow the table, and article text is always escaped."""
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from parley.store import open_store
from parley.store.agreements import agreement_key as agreement_id
from parley.store.ingest import ingest
from parley.web import create_app
from parley.web.pages import _agreements, templates

SAMPLES = str(resources.files("parley") / "samples")

HOSTILE = """Hostile <script>alert(1)</script> headline

Russia launched a missile attack on Kyiv on Monday <script>alert(1)</script> and <img src=x onerror=alert(2)> \
damaging the power grid, the Ukrainian air force said.
Ukraine accused Russia of war crimes </textarea><b onmouseover=alert(3)>bold</b>.
"""


@pytest.fixture(scope="module")
def store_url(coder, tmp_path_factory):
    url = str(tmp_path_factory.mktemp("pages") / "samples.db")
    ingest([SAMPLES], open_store(url), coder=coder, progress=False)
    return url


@pytest.fixture(scope="module")
def client(store_url):
    return TestClient(create_app(store_url))


@pytest.fixture(scope="module")
def hostile(coder, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    url = str(folder / "hostile.db")
    ingest([str(folder / "hostile.txt")], open_store(url), date="2025-03-24", coder=coder, progress=False)
    return TestClient(create_app(url))


def test_templates_autoescape():
    assert templates.env.autoescape is True


def test_overview(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'id="chart-data"' in r.text and 'id="map-data"' in r.text and "Top dyads" in r.text
    assert "/agreements/" in r.text  # the latest agreements are linked
    for by in ("day", "month"):
        assert client.get(f"/?by={by}").status_code == 200


def test_no_page_loads_from_another_host(client):
    for path in ("/", "/events", "/actors/RUS"):
        text = client.get(path).text
        assert "<script src=\"http" not in text and "href=\"http" not in text.replace('href="http://testserver', "")
        assert "cdn" not in text.lower()


def test_vendored_files_are_served(client):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/chartjs/chart.umd.js",
                 "/static/vendor/world-atlas/countries-110m.json", "/static/dashboard.js"):
        assert client.get(path).status_code == 200, path


def test_events_filters_narrow_the_table(client, store_url):
    everything = client.get("/events")
    assert everything.status_code == 200
    r = client.get("/events", params={"actor": "RUS", "type": "ASSAULT"})
    assert r.status_code == 200
    ids = {int(x) for x in _rows(r.text)}
    want = {e["event_id"] for e in open_store(store_url).events(actor="RUS", type="ASSAULT")}
    assert ids == want and 0 < len(ids) < len(_rows(everything.text))
    assert 'value="RUS"' in r.text  # the form keeps what was asked


def test_events_paging(client, store_url):
    total = open_store(store_url).counts()["events"]
    first = _rows(client.get("/events").text)
    second = _rows(client.get("/events", params={"page": 2}).text)
    assert len(first) == min(total, 50) and not set(first) & set(second)
    assert len(first) + len(second) == min(total, 100)


def test_a_bad_filter_is_shown_on_the_page(client):
    r = client.get("/events", params={"actor": "russia"})
    assert r.status_code == 400 and "P043" in r.text and "RUS" in r.text and "<form" in r.text
    assert client.get("/events", params={"precision": "exact"}).status_code == 400


def test_event_page_highlights_the_evidence(client, store_url):
    ev = next(open_store(store_url).events(actor="RUS", type="ASSAULT"))
    r = client.get(f"/events/{ev['event_id']}")
    assert r.status_code == 200
    sentence = ev["evidence"]["sentence"].replace("'", "&#39;")
    assert f'<mark id="evidence">{sentence}</mark>' in r.text
    assert "Reports of this story" in r.text and "Who claims it" in r.text


def test_agreement_pages(client, store_url):
    found = _agreements(open_store(store_url))
    assert found
    for key, a in found:
        r = client.get(f"/agreements/{key}")
        assert r.status_code == 200, key
        assert all(f'href="/actors/{p}"' in r.text for p in a.parties)
    key, a = next((k, a) for k, a in found if a.violations)
    text = client.get(f"/agreements/{key}").text
    assert text.count('class="violation"') == len(a.violations)
    assert all(v.alleged_by in text for v in a.violations if v.alleged_by)
    assert "Since it began" in text


def test_agreement_id_is_stable_and_readable(store_url):
    found = _agreements(open_store(store_url))
    assert len({k for k, _ in found}) == len(found)
    assert any(k.startswith("ceasefire-energy-") for k, _ in found) or not any(a.scope == ["energy"] for _, a in found)
    for key, a in found:
        assert key.startswith(agreement_id(a)) and key.startswith(a.kind + "-") and all(p in key for p in a.parties)


def test_actor_page(client):
    r = client.get("/actors/RUS")
    assert r.status_code == 200 and "Counterparts" in r.text and 'href="/actors/UKR"' in r.text
    assert client.get("/actors/rus").status_code == 200


@pytest.mark.parametrize("path", ["/events/999999", "/events/abc", "/agreements/ceasefire-XXX-YYY-1999-01-01",
                                  "/actors/NOT-A-CODE"])
def test_unknown_ids_are_a_404_page(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "Not found" in r.text


def test_hostile_html_is_shown_as_text(hostile):
    pages = [hostile.get("/"), hostile.get("/events")]
    events = _rows(pages[1].text)
    assert events, "the hostile article was coded into no event"
    pages += [hostile.get(f"/events/{i}") for i in events]
    for r in pages:
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<b onmouseover" not in r.text
    article = pages[2].text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "&lt;img src=x onerror=alert(2)&gt;" in article
    assert "&lt;/textarea&gt;&lt;b onmouseover=alert(3)&gt;" in article


def _rows(html: str) -> list[str]:
    """The event ids of an events table, in order."""
    import re

    return re.findall(r'<tr data-event="(\d+)"', html)
