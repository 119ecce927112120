"""The dashboard in a real browser: Debian's chromium driven by Playwright for Python against ``parley serve``'s app
(uvicorn on 127.0.0.1 and a free port) over a store coded from parley/samples. It loads the overview (chart, map
with country outlines and markers), filters events with the form, opens the energy ceasefire's page, and saves the
screenshots the README shows (docs/screenshots/*.png, with ``PARLEY_SCREENSHOTS=1``). Every request the pages make stays on the server: the
dashboard works offline.

Without /usr/bin/chromium the test skips (``apt-get install chromium``); under CI (``CI`` or ``PARLEY_CI`` set, as
``.ci/run`` does, having installed it) it fails instead.
"""
from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path

import pytest

from parley.store import open_store
from parley.store.ingest import ingest
from parley.web import create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The README's screenshots are rewritten only on request (PARLEY_SCREENSHOTS=1), so that a test run leaves the
# checkout as it was; otherwise they go to a temporary folder.
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" if os.environ.get("PARLEY_SCREENSHOTS") \
    else Path(tempfile.mkdtemp(prefix="parley-shots-"))
SAMPLES = str(resources.files("parley") / "samples")


def _need_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") or os.environ.get("PARLEY_CI"):
        pytest.fail(f"CI must run the browser test: {CHROMIUM} is missing (.ci/run installs Debian's chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (Debian: apt-get install chromium); the browser test needs it")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    """The app on a store of the samples, served by uvicorn in a thread; yields its base URL."""
    _need_chromium()
    import uvicorn

    url = str(tmp_path_factory.mktemp("browser") / "samples.db")
    ingest([SAMPLES], open_store(url), coder=coder, progress=False)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.requests, pg.errors = [], []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        context.close()
        browser.close()


def _offline(page, server) -> None:
    """No request left the server (no CDN, no tile server), and no script failed."""
    away = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert not away, f"requests to other hosts: {away[:5]}"
    assert not page.errors, page.errors


def test_overview_draws_the_chart_and_the_map(page, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.wait_for_selector("#map path.leaflet-interactive")  # event markers
    page.wait_for_function("document.querySelectorAll('#map path').length > 100")  # country outlines too
    page.wait_for_function("window.Chart && Chart.getChart(document.getElementById('chart')) !== undefined")
    markers = page.locator("#map path.leaflet-interactive").count()
    assert markers > 5
    bars = page.evaluate("Chart.getChart(document.getElementById('chart')).data.datasets"
                         ".reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)")
    assert bars > 50  # every dated event is counted
    assert page.locator("table.dyads tbody tr").count() >= 5
    assert page.locator("ul.agreements li a").count() >= 3
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)
    _offline(page, server)


def test_filtering_events_with_the_form(page, server):
    page.goto(server + "/events")
    before = page.locator("table.events tbody tr[data-event]").count()
    page.fill("input[name=actor]", "RUS")
    page.fill("input[name=type]", "ASSAULT")
    with page.expect_navigation():
        page.click("form#filters button[type=submit]")
    assert re.search(r"actor=RUS", page.url) and re.search(r"type=ASSAULT", page.url)
    rows = page.locator("table.events tbody tr[data-event]")
    after = rows.count()
    assert 0 < after < before
    for i in range(after):
        cells = rows.nth(i).locator("td")
        assert cells.nth(1).inner_text().startswith("ASSAULT")
        assert "RUS" in cells.nth(2).inner_text()
    assert page.input_value("input[name=actor]") == "RUS"  # the form keeps what was asked
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    _offline(page, server)


def test_the_energy_ceasefire_page(page, server):
    page.goto(server + "/")
    links = page.locator("ul.agreements li a")
    texts = [links.nth(i).inner_text() for i in range(links.count())]
    chosen = next((i for i, t in enumerate(texts) if "ceasefire on energy" in t), None)
    assert chosen is not None, f"no energy ceasefire among the latest agreements: {texts}"
    with page.expect_navigation():
        links.nth(chosen).click()
    assert "/agreements/ceasefire-energy-" in page.url
    assert page.locator("h1").inner_text().lower().startswith("partial ceasefire on energy")
    parties = page.locator("dd.parties").inner_text()
    assert "RUS" in parties and "UKR" in parties
    assert "USA" in page.locator("dd.mediators").inner_text()
    violations = page.locator("tr.violation")
    assert violations.count() >= 2
    claimants = {violations.nth(i).locator("td.claimant").inner_text() for i in range(violations.count())}
    assert claimants & {"RUS", "UKR"}, claimants  # each side's allegations, with who alleges them
    assert page.locator("ol.timeline li").count() >= 1
    assert page.locator("table.since tr.total").count() == 1
    page.screenshot(path=str(SHOTS / "agreement.png"), full_page=True)
    # a violation's evidence opens its event, the sentence highlighted in its article
    with page.expect_navigation():
        violations.first.locator("td.evidence a").click()
    mark = page.locator("#article mark#evidence")
    assert mark.is_visible() and len(mark.inner_text()) > 20
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    _offline(page, server)
