"""parley watch against feeds and article pages served by a local HTTP server (127.0.0.1, a thread)."""
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parley.store import Store
from parley.watch import canonical_url, feed_urls, poll_once, user_agent

PAGE = """<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1>{body}</article><footer>Copyright the Example Times</footer></body></html>"""

ARTICLES = {
    "/news/kharkiv.html": ("Russian drones strike Kharkiv", [
        "Russian drones attacked the Ukrainian city of Kharkiv on Tuesday night, damaging power lines and "
        "apartment buildings in two districts, the regional governor said on Wednesday morning.",
        "Ukraine's air force said it shot down most of the drones launched overnight, and emergency crews "
        "worked through the night to restore electricity to thousands of homes across the city."]),
    "/news/talks.html": ("Turkey hosts talks", [
        "Turkey hosted talks between Russian and Ukrainian delegations in Istanbul on Monday, the Turkish "
        "foreign ministry said, the first direct meeting between the two sides in several months.",
        "The delegations discussed an exchange of prisoners and the safety of shipping in the Black Sea, "
        "and agreed to meet again in the coming weeks, according to officials familiar with the talks."]),
    "/news/sanctions.html": ("EU imposes sanctions", [
        "The European Union imposed new sanctions on Iran on Thursday over its supply of drones and missiles "
        "to Russia, freezing the assets of several companies and officials, the EU said in a statement.",
        "Iran condemned the measures and summoned the envoys of several European countries in Tehran, "
        "calling the sanctions illegal and promising a response, its foreign ministry said."]),
}
ARTICLES["/copy/kharkiv-reprint.html"] = ARTICLES["/news/kharkiv.html"]  # the same story under another URL


def rss(base, items, title="Example Times"):
    body = "".join(f"<item><title>{t}</title><link>{base}{link}</link><guid>{base}{link}</guid>"
                   f"<pubDate>Wed, 19 Mar 2025 08:00:00 GMT</pubDate><description>{t}: summary.</description></item>"
                   for t, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>news</description>{body}</channel></rss>").encode()


class Server:
    def __init__(self):
        self.hits: list[tuple[str, dict]] = []
        self.changing = [("Russian drones strike Kharkiv", "/news/kharkiv.html")]
        self.hang = 3.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", kind="application/rss+xml", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def do_GET(self):
                outer.hits.append((self.path, dict(self.headers)))
                base = outer.base
                path = self.path.split("?")[0]
                if path == "/normal.rss":
                    self.send(200, rss(base, [("Turkey hosts talks", "/news/talks.html")]))
                elif path == "/changing.rss":
                    self.send(200, rss(base, outer.changing))
                elif path == "/etag.rss":
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send(304)
                    else:
                        self.send(200, rss(base, [("EU imposes sanctions", "/news/sanctions.html")]),
                                  headers=[("ETag", '"v1"'), ("Last-Modified", "Wed, 19 Mar 2025 09:00:00 GMT")])
                elif path == "/malformed.rss":
                    self.send(200, b"<html><body><p>Not a feed <b>at all</p></body>")
                elif path == "/hang.rss":
                    time.sleep(outer.hang)
                    try:
                        self.send(200, rss(base, []))
                    except OSError:
                        pass
                elif path == "/dupes.rss":
                    self.send(200, rss(base, [
                        ("Russian drones strike Kharkiv", "/news/kharkiv.html?utm_source=rss&utm_medium=feed#top"),
                        ("Russian drones strike Kharkiv (reprint)", "/copy/kharkiv-reprint.html")]))
                elif path == "/atom.xml":
                    self.send(200, (
                        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                        f'<title>Atom Wire</title><id>{base}/atom.xml</id><updated>2025-03-19T08:00:00Z</updated>'
                        f'<entry><title>Turkey hosts talks</title><id>tag:wire,2025:1</id>'
                        f'<link rel="alternate" href="{base}/news/talks.html"/><updated>2025-03-17T10:00:00Z</updated>'
                        '<summary>Talks in Istanbul.</summary></entry></feed>').encode(),
                        kind="application/atom+xml")
                elif path == "/down.rss":
                    self.send(503, b"maintenance", kind="text/plain")
                elif path == "/missing.html":
                    self.send(404, b"gone", kind="text/html")
                elif path in ARTICLES:
                    title, paras = ARTICLES[path]
                    body = "".join(f"<p>{p}</p>" for p in paras)
                    self.send(200, PAGE.format(title=title, body=body).encode(), kind="text/html; charset=utf-8")
                else:
                    self.send(404, b"not found", kind="text/plain")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    srv = Server()
    yield srv
    srv.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'watch.db'}")
        return
    from sqlalchemy import text

    from tests.store.conftest import _postgres_store

    url, admin, name = _postgres_store()
    opened = Store(url)
    yield opened
    opened.engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


class Killed(BaseException):
    """The process dies (a BaseException, as KeyboardInterrupt is: nothing catches it)."""


class Counting:
    """The real coder, recording what it codes; dies on its ``die_at``-th call."""

    def __init__(self, coder, die_at=None):
        self.coder, self.die_at, self.calls, self.coded = coder, die_at, 0, []

    def code(self, articles):
        self.calls += 1
        if self.calls == self.die_at:
            raise Killed
        self.coded += [a.url for a in articles]
        return self.coder.code(articles)


def poll(sources, store, coder, **kw):
    kw.setdefault("timeout", 1.0)
    kw.setdefault("min_interval", 0.0)
    return poll_once(sources, store, coder=coder, version="test", **kw)


def test_a_round_stores_the_new_articles_and_a_second_round_nothing(server, store, coder):
    first = poll([server.base + "/normal.rss"], store, coder)
    assert (first.feeds, first.new_articles, first.errors) == (1, 1, [])
    assert first.events >= 1
    [event] = [e for e in store.events() if e.get("event_type")][:1]
    assert event["event_type"]
    texts = store.texts()
    assert any("Istanbul" in t for t in texts.values()) and not any("Copyright" in t for t in texts.values())
    pages = [p for p, _ in server.hits if p.endswith(".html")]
    second = poll([server.base + "/normal.rss"], store, coder)
    assert (second.new_articles, second.events, second.duplicates) == (0, 0, 1)
    assert [p for p, _ in server.hits if p.endswith(".html")] == pages  # the page is not fetched again
    assert store.counts()["articles"] == 1


def test_a_changing_feed_gives_only_its_new_item(server, store, coder):
    assert poll([server.base + "/changing.rss"], store, coder).new_articles == 1
    server.changing.append(("EU imposes sanctions", "/news/sanctions.html"))
    again = poll([server.base + "/changing.rss"], store, coder)
    assert (again.new_articles, again.duplicates) == (1, 1)
    assert store.counts()["articles"] == 2


def test_validators_are_kept_in_the_store_and_a_304_means_nothing_new(server, store, coder, tmp_path):
    url = server.base + "/etag.rss"
    assert poll([url], store, coder).new_articles == 1
    reopened = Store(store.url)  # a restart: the validators come from the store
    again = poll([url], reopened, coder)
    assert (again.unchanged, again.new_articles, again.errors) == (1, 0, [])
    feed_hits = [h for p, h in server.hits if p == "/etag.rss"]
    assert feed_hits[-1]["If-None-Match"] == '"v1"'
    assert feed_hits[-1]["If-Modified-Since"] == "Wed, 19 Mar 2025 09:00:00 GMT"
    assert all(h["User-Agent"] == user_agent() and h["User-Agent"].startswith("parley/") for _, h in server.hits)


def test_a_malformed_feed_and_a_hanging_one_are_logged_and_the_others_polled(server, store, coder, caplog):
    feeds = [server.base + "/malformed.rss", server.base + "/hang.rss", server.base + "/normal.rss"]
    start = time.monotonic()
    with caplog.at_level(logging.INFO, logger="parley.watch"):
        report = poll(feeds, store, coder, timeout=0.5)
    assert time.monotonic() - start < 2.5  # the hanging feed cost the timeout, not its 3 s
    assert sorted(e.code for e in report.errors) == ["P060", "P061"]
    assert report.feeds == 3 and report.new_articles == 1
    messages = [r.getMessage() for r in caplog.records]
    assert any("[P060]" in m and "hang.rss" in m and "no answer within 0.5 s" in m for m in messages)
    assert any("[P061]" in m and "malformed.rss" in m for m in messages)
    assert any(m.startswith("parley watch: 3 feeds polled") and "1 new articles" in m for m in messages)
    server.hang = 0.0  # the slow feed recovers: asked again next round
    again = poll(feeds, store, coder, timeout=0.5)
    assert [e.code for e in again.errors] == ["P061"]


def test_a_duplicate_article_under_two_urls_is_stored_once(server, store, coder):
    assert poll([server.base + "/changing.rss"], store, coder).new_articles == 1
    report = poll([server.base + "/dupes.rss"], store, coder)
    # the first item is the same URL once its tracking parameters and fragment go; the second, the same text
    assert (report.new_articles, report.events, report.duplicates) == (0, 0, 2)
    assert store.counts()["articles"] == 1
    sources = [s["url"] for ss in store.sources().values() for s in ss]
    assert server.base + "/copy/kharkiv-reprint.html" in sources
    seen = len(server.hits)
    again = poll([server.base + "/dupes.rss"], store, coder)
    assert again.duplicates == 2 and [p for p, _ in server.hits[seen:]] == ["/dupes.rss"]  # no page fetched


def test_a_watch_killed_mid_round_resumes_and_codes_nothing_twice(server, store, coder):
    feeds = [server.base + "/normal.rss", server.base + "/etag.rss", server.base + "/changing.rss"]
    first = Counting(coder, die_at=2)
    with pytest.raises(Killed):
        poll(feeds, store, first)
    restarted = Store(store.url)
    second = Counting(coder)
    report = poll(feeds, restarted, second)
    # the killed feed's validators were not saved: it is read whole again, and only what is missing is coded
    assert report.unchanged == 0 and report.new_articles == 2 and report.duplicates == 1
    assert not set(first.coded) & set(second.coded)
    assert sorted(first.coded + second.coded) == sorted(
        server.base + p for p in ("/news/talks.html", "/news/sanctions.html", "/news/kharkiv.html"))
    assert poll(feeds, restarted, Counting(coder)).unchanged == 1  # and now the 304


def test_watch_once_polls_one_round_and_logs_its_line(server, store, coder, tmp_path, caplog):
    from parley.watch import watch

    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# the test feeds\n{server.base}/normal.rss\n{server.base}/etag.rss\n")
    with caplog.at_level(logging.INFO, logger="parley.watch"):
        watch([str(listing)], store, once=True, coder=coder, timeout=1.0, min_interval=0.0)
    assert store.counts()["articles"] == 2
    [line] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("parley watch:")]
    assert "2 feeds polled" in line and "2 new articles" in line


class Flaky:
    """A store whose first write fails as a server going away does (P040)."""

    def __init__(self, store):
        self.store, self.failed = store, False

    def __getattr__(self, name):
        return getattr(self.store, name)

    def write_batch(self, *args, **kw):
        from parley.errors import Errors, InputError

        if not self.failed:
            self.failed = True
            raise InputError("P040", self.store.url, Errors.P040.format(reason="server closed the connection",
                                                                          consequence="this batch was not stored"))
        return self.store.write_batch(*args, **kw)


class Rounds(logging.Logger):
    """A logger that stops the watch (Killed) at its ``n``-th round line."""

    def __init__(self, n):
        super().__init__("test-watch")
        self.n, self.lines, self.errors = n, [], []

    def info(self, msg, *args, **kw):
        self.lines.append(msg)
        if len(self.lines) == self.n:
            raise Killed

    def error(self, msg, *args, **kw):
        self.errors.append(msg)


def test_watch_rounds_go_on_after_a_store_failure(server, store, coder):
    from parley.watch import watch

    log = Rounds(2)
    start = time.monotonic()
    with pytest.raises(Killed):
        watch([server.base + "/normal.rss"], Flaky(store), every=0.2, coder=coder, timeout=1.0, min_interval=0.0,
              log=log)
    assert time.monotonic() - start >= 0.4  # three rounds, 0.2 s apart
    assert len(log.errors) == 1 and "[P040]" in log.errors[0] and "tried again" in log.errors[0]
    # the failed round logs no line; the next stores the article, the one after finds it stored
    assert "1 new articles" in log.lines[0] and "1 already stored" in log.lines[1]
    assert store.counts()["articles"] == 1


def test_an_atom_feed_gives_its_entries_with_their_dates_and_outlet(server, store, coder):
    assert poll([server.base + "/atom.xml"], store, coder).new_articles == 1
    [(_, sources)] = store.sources().items()
    assert sources[0]["outlet"] == "Atom Wire" and sources[0]["date"] == "2025-03-17"
    assert sources[0]["url"] == server.base + "/news/talks.html"


def test_a_feed_that_is_down_or_refuses_is_p060_and_asked_again(server, store, coder):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/feed.rss"
    report = poll([server.base + "/down.rss", closed, server.base + "/normal.rss"], store, coder)
    assert [e.code for e in report.errors] == ["P060", "P060"] and "HTTP 503" in str(report.errors[0])
    assert report.new_articles == 1
    again = poll([server.base + "/down.rss"], store, coder)
    assert [p for p, _ in server.hits].count("/down.rss") == 2 and again.errors[0].code == "P060"


def test_a_version_5_store_gets_the_feed_state_table_and_keeps_its_data(store, coder, server):
    from sqlalchemy import inspect, text

    from parley.store.schema import VERSION, feed_state

    assert poll([server.base + "/etag.rss"], store, coder).new_articles == 1
    with store.engine.begin() as conn:
        feed_state.drop(conn)
        conn.execute(text("UPDATE parley_meta SET value = '5' WHERE key = 'schema_version'"))
    store.engine.dispose()
    reopened = Store(store.url)
    assert reopened.version == VERSION == 6
    with reopened.engine.connect() as conn:
        assert inspect(conn).has_table("feed_state")
    assert reopened.counts()["articles"] == 1
    again = poll([server.base + "/etag.rss"], reopened, coder)  # the validators were lost with the table: no 304
    assert (again.unchanged, again.new_articles, again.duplicates) == (0, 0, 1)
    reopened.engine.dispose()


def test_a_page_that_fails_falls_back_to_the_summary(server, store, coder):
    server.changing = [("Russian drones attacked Kharkiv on Tuesday, Ukraine said", "/missing.html")]
    report = poll([server.base + "/changing.rss"], store, coder)
    assert [e.code for e in report.errors] == ["P063"] and report.new_articles == 1
    assert any("summary" in t for t in store.texts().values())


def test_min_interval_spaces_requests_to_one_host(server, store, coder):
    start = time.monotonic()
    poll([server.base + "/normal.rss", server.base + "/etag.rss"], store, coder, min_interval=0.3)
    assert time.monotonic() - start >= 0.3 * 3  # two feeds and two pages: three waits


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://Example.COM/a/b?utm_source=x&id=3&fbclid=y#frag", "https://example.com/a/b?id=3"),
    ("http://example.com?gclid=1", "http://example.com/"),
    ("http://example.com/x?q=a+b&utm_campaign=z", "http://example.com/x?q=a+b"),
])
def test_canonical_urls(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize("value, seconds", [("15m", 900), ("900", 900), ("90s", 90), ("1h", 3600), ("1.5m", 90)])
def test_every_takes_units(value, seconds):
    from parley.watch import parse_every

    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["", "15x", "0", "-5m", "soon", "inf", "nan"])
def test_a_bad_every_is_p043(value):
    from parley.errors import InputError
    from parley.watch import parse_every

    with pytest.raises(InputError, match="P043"):
        parse_every(value)


def test_sources_are_urls_opml_files_and_lists(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# wires\nhttps://a.example/rss.xml\n\nhttps://b.example/feed  # the B feed\n"
                       "https://a.example/rss.xml\n")
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
                    '<outline text="C" type="rss" xmlUrl="https://c.example/atom"/></outline></body></opml>')
    assert feed_urls([str(listing), str(opml), "https://d.example/rss"]) == [
        "https://a.example/rss.xml", "https://b.example/feed", "https://c.example/atom", "https://d.example/rss"]
    from parley.errors import InputError

    with pytest.raises(InputError, match="P062"):
        feed_urls([str(tmp_path / "nope.txt")])


def test_the_command_line_polls_once_from_a_feed_list(server, tmp_path, capsys, caplog):
    # parley watch FEEDS.txt --once: the list's feed polled, its article stored, the round's line logged
    from parley.cli import main

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our feeds\n{server.base}/normal.rss\n\n", encoding="utf-8")
    db = tmp_path / "w.db"
    with caplog.at_level(logging.INFO, logger="parley.watch"):
        assert main(["watch", str(feeds), "--once", "--db", str(db), "--timeout", "2", "--min-interval", "0"]) == 0
    assert "1 feeds polled" in caplog.text and "1 new articles" in caplog.text
    from parley.store import open_store

    assert open_store(str(db)).counts()["articles"] == 1
    assert main(["watch", "nonsense://x", "--once", "--db", str(db)]) == 2
    assert "[P062]" in capsys.readouterr().err
