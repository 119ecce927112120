"""The store under stress, on SQLite and PostgreSQL: a store that cannot be written gives a coded error that
names it and never its SQL or an article's words, and keeps what it held; two processes ingesting overlapping
inputs both finish with every article and its events stored once; date filters compare the days a date
covers; filters are checked against their vocabularies. Articles written for these tests."""
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from sqlalchemy import text

from parley.errors import ParleyError
from parley.model import Article, CodedDocument, Event, Evidence
from parley.store import Store, ingest
from parley.store.schema import VERSION

SECRET = "Quartermaster Ilvesheim counted nine crates of flour at the Tavria depot."

WAR = [  # (id, date, text): six short reports, each giving the coder something to code
    ("r1", "2025-04-02", "Russian forces shelled a residential district of Kharkiv on Tuesday, killing two civilians."),
    ("r2", "2025-04-03", "Ukrainian and Turkish officials met in Ankara on Wednesday to discuss grain shipments."),
    ("r3", "2025-04-04", "Police arrested 20 protesters in Tbilisi on Thursday, the interior ministry said."),
    ("r4", "2025-04-05", "A Ukrainian drone struck an oil depot in Russia's Belgorod region on Friday."),
    ("r5", "2025-04-06", "Thousands of Serbians rallied in Belgrade on Saturday against the government."),
    ("r6", "2025-04-07", "Sudan's army shelled a market in Omdurman on Sunday, killing seven people."),
]


def _jsonl(path, ids):
    rows = [{"id": i, "url": f"https://example.org/war/{i}", "outlet": "Steppe Post", "date": d, "text": t}
            for i, d, t in WAR if i in ids]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _read_only(url: str) -> str:
    """The same store opened so that nothing can be written: SQLite's read-only mode (what a file without write
    permission gives, also to root), PostgreSQL's read-only transactions."""
    if url.startswith("sqlite:///"):
        return f"sqlite:///file:{url[len('sqlite:///'):]}?mode=ro&uri=true"
    return url + "?options=" + quote("-c default_transaction_read_only=on")


def _event(event_type: str, date: str | None, sentence: str = "Something happened.") -> Event:
    return Event(event_type=event_type, evidence=Evidence(sentence, 0, len(sentence)), date=date)


def _store_one(store: Store, doc_id: str, date: str, events: list[Event], version: str = "v1") -> None:
    art = Article(id=doc_id, text=f"Report {doc_id}: " + " ".join(e.evidence.sentence for e in events), date=date,
                  url=f"https://example.org/{doc_id}")
    store.write([(art, CodedDocument(id=doc_id, date=date, events=events))], version)


# ------------------------------------------------------------------------- a store that cannot be written
def test_a_read_only_store_gives_a_coded_error_and_keeps_what_it_holds(store_url):
    store = Store(store_url)
    _store_one(store, "kept", "2025-04-02", [_event("ASSAULT", "2025-04-01")])
    before = [(e["doc_id"], e["event_type"], e["date"]) for e in store.events()]
    store.engine.dispose()

    locked = Store(_read_only(store_url))
    assert [(e["doc_id"], e["event_type"], e["date"]) for e in locked.events()] == before  # reading works
    new = Article(id="new", text=SECRET, date="2025-04-03", url="https://example.org/new")
    again = Article(id="kept", text="Report kept: Something happened.", date="2025-04-02",
                    url="https://example.org/kept")
    for art, version in ((new, "v1"), (again, "v2")):  # a new article; an old one a newer coder would replace
        doc = CodedDocument(id=art.id, events=[_event("COERCE", "2025-04-03", SECRET)])
        with pytest.raises(ParleyError) as err:
            locked.write([(art, doc)], version)
        message = str(err.value)
        assert err.value.code == "P040" and "cannot be written" in message
        assert "Ilvesheim" not in message and "[SQL" not in message  # the database's words, not the statement
        assert "INSERT INTO" not in message and "DELETE FROM" not in message and "FROM articles" not in message
        cause = repr(err.value.__cause__)  # a library user's traceback shows the cause: no words there either
        assert "Ilvesheim" not in cause
    locked.engine.dispose()

    reopened = Store(store_url)
    assert reopened.counts() == {"articles": 1, "events": 1}
    assert [(e["doc_id"], e["event_type"], e["date"]) for e in reopened.events()] == before
    assert {e["coder_version"] for e in reopened.events()} == {"v1"}


def test_the_error_names_the_store_without_its_password():
    from parley.store.store import _store_error

    class Fake(Exception):
        orig = Exception("attempt to write a readonly database\n[SQL: INSERT INTO articles ...]")

    err = _store_error("postgresql+psycopg://parley:hunter2@db.example.org/news", Fake(), "write")
    assert err.code == "P040" and "db.example.org/news" in str(err) and "hunter2" not in str(err)
    assert "attempt to write a readonly database" in str(err) and "INSERT" not in str(err)


def test_ingest_into_a_read_only_store_prints_one_coded_line(tmp_path):
    db = tmp_path / "news.db"
    Store(f"sqlite:///{db}").engine.dispose()
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "s", "date": "2025-04-02", "text": "Russian forces shelled Kharkiv on "
                               "Tuesday. " + SECRET}) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "parley", "ingest", str(src), "--db", _read_only(f"sqlite:///{db}"),
                          "--quiet"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("parley: [P040] ") and "news.db" in run.stderr
    assert "Traceback" not in run.stderr and "INSERT INTO" not in run.stderr and "Ilvesheim" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@contextmanager
def _unwritable(path):
    """``path`` (a file or a folder) made unwritable: ``chmod a-w``, or, for root, whom permissions do not stop,
    ``chattr +i`` (immutable)."""
    if os.geteuid() != 0:
        mode = os.stat(path).st_mode
        os.chmod(path, mode & ~0o222)
        try:
            yield
        finally:
            os.chmod(path, mode)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("root ignores file permissions, and chattr +i does not work here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_store_file_without_write_permission_is_read_but_not_written(tmp_path):
    db = tmp_path / "kept.db"
    store = Store(f"sqlite:///{db}")
    _store_one(store, "kept", "2025-04-02", [_event("ASSAULT", "2025-04-01")])
    store.engine.dispose()
    with _unwritable(db):
        locked = Store(f"sqlite:///{db}")
        assert [e["doc_id"] for e in locked.events()] == ["kept"]
        with pytest.raises(ParleyError) as err:
            _store_one(locked, "new", "2025-04-03", [_event("COERCE", "2025-04-03", SECRET)])
        locked.engine.dispose()
    assert err.value.code == "P040" and str(db) in str(err.value) and "readonly" in str(err.value)
    assert "Ilvesheim" not in str(err.value) and "[SQL" not in str(err.value)
    assert Store(f"sqlite:///{db}").counts() == {"articles": 1, "events": 1}


def test_a_store_in_a_folder_without_write_permission_says_so(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    Store(f"sqlite:///{folder / 'old.db'}").engine.dispose()  # closed: SQLite removes its -wal and -shm files
    with _unwritable(folder):
        for name, says in (("old.db", "-wal and -shm files"), ("new.db", "may not create files")):
            with pytest.raises(ParleyError) as err:
                Store(f"sqlite:///{folder / name}")
            assert err.value.code == "P018" and says in str(err.value) and str(folder) in str(err.value)


def test_a_damaged_store_that_opens_but_cannot_be_read_says_so(tmp_path):
    db = tmp_path / "damaged.db"
    store = Store(f"sqlite:///{db}")
    _store_one(store, "a", "2025-04-02", [_event("ASSAULT", "2025-04-01", SECRET)])
    with store.engine.connect() as conn:
        pages = conn.execute(text("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'events'")).scalars().all()
        size = conn.execute(text("PRAGMA page_size")).scalar_one()
    store.engine.dispose()
    with open(db, "r+b") as f:  # the pages of the events table and its indexes overwritten; the rest is sound
        for page in pages:
            f.seek((page - 1) * size)
            f.write(b"\xff" * size)
    damaged = Store(f"sqlite:///{db}")  # its schema and version are intact
    for read in (damaged.counts, lambda: list(damaged.events())):
        with pytest.raises(ParleyError) as err:
            read()
        assert err.value.code == "P041" and str(db) in str(err.value) and "malformed" in str(err.value)
        assert "[SQL" not in str(err.value) and "FROM events" not in str(err.value)


@pytest.mark.parametrize("where, says", [("nowhere/sub/news.db", "does not exist"), ("", "is a folder")])
def test_a_store_path_that_cannot_be_opened_says_why(tmp_path, where, says):
    path = tmp_path / where if where else tmp_path
    with pytest.raises(ParleyError) as err:
        Store(f"sqlite:///{path}")
    assert err.value.code == "P018" and says in str(err.value)


# ------------------------------------------------------------------------- two ingests at once
class _Meeting:
    """The real coder; after coding a batch it waits for the other process to have coded its batch too, so
    that both have looked their batch up in the store before either writes it: the race of two ingests."""

    def __init__(self, coder, barrier):
        self.coder, self.barrier = coder, barrier

    def code(self, articles):
        docs = list(self.coder.code(articles))
        try:
            self.barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            pass
        return docs


def _ingest_in_child(url, path, coder, barrier, results):
    try:
        report = ingest([path], Store(url), coder=_Meeting(coder, barrier), batch=4, progress=False, version="v1")
        results.put(("ok", report.stored, report.skipped["already stored by this coder version"]))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test with it
        results.put(("error", f"{type(exc).__name__}: {exc}"[:400], 0))


def _per_article(store):
    with store.engine.connect() as conn:
        return sorted(conn.execute(text("SELECT a.doc_id, a.n_events, COUNT(e.id) FROM articles a LEFT JOIN "
                                        "events e ON e.article_id = a.id GROUP BY a.doc_id, a.n_events")).all())


def test_two_processes_ingesting_overlapping_inputs_both_finish_and_store_once(store_url, coder, tmp_path):
    first = _jsonl(tmp_path / "first.jsonl", {"r1", "r2", "r3", "r4"})
    second = _jsonl(tmp_path / "second.jsonl", {"r3", "r4", "r5", "r6"})
    Store(store_url).engine.dispose()
    ctx = multiprocessing.get_context("fork")  # the children share the coder already loaded
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_ingest_in_child, args=(store_url, p, coder, barrier, results))
             for p in (first, second)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(o[0] == "ok" for o in outcomes), outcomes
    assert sum(o[1] for o in outcomes) == 6 and sum(o[2] for o in outcomes) == 2  # r3, r4: stored by the other

    store = Store(store_url)
    clean = Store(f"sqlite:///{tmp_path / 'clean.db'}")
    ingest([_jsonl(tmp_path / "all.jsonl", {i for i, _, _ in WAR})], clean, coder=coder, progress=False,
           version="v1")
    assert store.counts() == clean.counts() and store.counts()["articles"] == 6
    assert _per_article(store) == _per_article(clean)
    assert all(n == m for _, n, m in _per_article(store))  # each article's events once
    assert sorted(len(s) for s in store.sources().values()) == [1] * 6


def _open_in_child(url, barrier, results):
    try:
        barrier.wait(timeout=60)
        results.put(("ok", Store(url).version))
    except BaseException as exc:  # noqa: BLE001
        results.put(("error", f"{type(exc).__name__}: {exc}"[:400]))


def test_processes_opening_a_fresh_store_at_once_all_open_it(store_url):
    ctx = multiprocessing.get_context("fork")
    n = 4
    barrier, results = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_open_in_child, args=(store_url, barrier, results)) for _ in range(n)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert outcomes == [("ok", VERSION)] * n


# ------------------------------------------------------------------------- dates as the days they cover
def test_since_and_until_select_the_events_whose_days_overlap(store_url):
    store = Store(store_url)
    _store_one(store, "month", "2025-04-02", [_event("ASSAULT", "2025-03")])
    _store_one(store, "day", "2025-03-21", [_event("ASSAULT", "2025-03-20")])
    _store_one(store, "year", "2025-06-01", [_event("AGREE", "2025")])
    _store_one(store, "undated", "2025-03-10", [_event("PROTEST", None)])  # falls back to its article's date
    _store_one(store, "april", "2025-04-03", [_event("COERCE", "2025-04-01")])

    def ids(**filters):
        return {e["doc_id"] for e in store.events(**filters)}

    assert ids(since="2025-03-01", until="2025-03-31") == {"month", "day", "year", "undated"}
    assert ids(since="2025-03-15") == {"month", "day", "year", "april"}
    assert ids(until="2025-02-28") == {"year"}
    assert ids(since="2025-03-21", until="2025-03-31") == {"month", "year"}
    assert ids(since="2025-03", until="2025-03") == {"month", "day", "year", "undated"}  # a month as a range
    assert ids(since="2026") == set()
    month = next(e for e in store.events() if e["doc_id"] == "month")
    assert (month["date"], month["date_start"], month["date_end"]) == ("2025-03", "2025-03-01", "2025-03-31")
    undated = next(e for e in store.events() if e["doc_id"] == "undated")
    assert (undated["date_start"], undated["date_end"]) == (None, None)


def test_an_older_store_gets_the_days_of_its_dates(store_url):
    store = Store(store_url)
    _store_one(store, "month", "2025-04-02", [_event("ASSAULT", "2025-03")])
    _store_one(store, "day", "2025-04-02", [_event("ASSAULT", "2025-04-01")])
    _store_one(store, "leap", "2024-03-01", [_event("ASSAULT", "2024-02")])
    with store.engine.begin() as conn:  # make it a version-3 store: events without their days
        for index in ("ix_events_start", "ix_events_end", "ux_events_article_seq"):
            conn.execute(text(f"DROP INDEX IF EXISTS {index}"))
        conn.execute(text("ALTER TABLE events DROP COLUMN date_start"))
        conn.execute(text("ALTER TABLE events DROP COLUMN date_end"))
        conn.execute(text("UPDATE parley_meta SET value = '3' WHERE key = 'schema_version'"))
        conn.execute(text("UPDATE events SET record = :r WHERE event_date = '2025-03'"),
                     {"r": json.dumps({"event_type": "ASSAULT", "date": "2025-03", "status": "occurred"})})
    store.engine.dispose()
    with pytest.raises(ParleyError) as err:  # read-only, it cannot be migrated: it says so and stays as it is
        Store(_read_only(store_url))
    assert err.value.code == "P040" and f"migrated to schema version {VERSION}" in str(err.value)
    reopened = Store(store_url)
    assert reopened.version == VERSION
    with reopened.engine.connect() as conn:
        rows = sorted(conn.execute(text("SELECT event_date, date_start, date_end FROM events")).all())
    assert rows == [("2024-02", "2024-02-01", "2024-02-29"), ("2025-03", "2025-03-01", "2025-03-31"),
                    ("2025-04-01", "2025-04-01", "2025-04-01")]
    assert {e["doc_id"] for e in reopened.events(since="2025-03-15", until="2025-03-20")} == {"month"}
    old = next(e for e in reopened.events() if e["doc_id"] == "month")  # its record predates the fields
    assert (old["date_start"], old["date_end"]) == ("2025-03-01", "2025-03-31")


# ------------------------------------------------------------------------- filters checked
@pytest.fixture
def filled(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'f.db'}")
    _store_one(store, "a", "2025-04-02", [_event("ASSAULT", "2025-04-01"), _event("COERCE", "2025-04-01")])
    _store_one(store, "b", "2025-04-03", [_event("PROTEST", "2025-04-03")])
    return store


@pytest.mark.parametrize("filters, code, says", [
    ({"since": "2025-02-30"}, "P042", "2025-02 has 28 days"),
    ({"until": "2025-13-45"}, "P042", "no month 13"),
    ({"since": "last week"}, "P042", "YYYY-MM-DD"),
    ({"since": "2025-04-02", "until": "2025-04-01"}, "P045", "after"),
    ({"type": "ASAULT"}, "P043", "ASSAULT"),
    ({"type": "ASSAULT,PROTESTS"}, "P043", "PROTEST"),
    ({"status": "bogus"}, "P043", "occurred"),
    ({"actor": "russia"}, "P043", "RUS"),
    ({"recipient": "UKRA"}, "P043", "UKR"),
    ({"claimed_by": "Ukrainian"}, "P043", "UKR"),
    ({"precision": 4}, "P025", "1"),
    ({"limit": 0}, "P044", "at least 1"),
    ({"limit": -1}, "P044", "at least 1"),
])
def test_a_bad_filter_is_refused_at_once_with_the_nearest_valid_values(filled, filters, code, says):
    with pytest.raises(ParleyError) as err:
        filled.events(**filters)  # refused when called, before any row is read
    assert err.value.code == code and says in str(err.value)


def test_filters_are_normalised():
    from parley.store import validate_filters

    got = validate_filters(actor="rus", recipient=" ukr ", type="assault, coerce", since="2025-03", until="2025",
                           status="Occurred", claimed_by="nato", limit=5, quad_class="material_conflict, "
                           "Verbal_Conflict", acled_type="protests", min_confidence="0.5", country=" sdn",
                           min_lat="-1.5", min_lon=20, max_lat=15, max_lon="40", text="  shelled  ")
    assert got == {"actor": "RUS", "recipient": "UKR", "type": "ASSAULT,COERCE", "since": "2025-03-01",
                   "until": "2025-12-31", "status": "occurred", "claimed_by": "NATO", "place": None,
                   "precision": None, "limit": 5, "quad_class": "MATERIAL_CONFLICT,VERBAL_CONFLICT",
                   "acled_type": "Protests", "min_confidence": 0.5, "country": "SDN", "min_lat": -1.5,
                   "min_lon": 20.0, "max_lat": 15.0, "max_lon": 40.0, "text": "shelled"}
    assert validate_filters(**got) == got  # checking twice changes nothing
    assert validate_filters() == dict.fromkeys(got)


@pytest.mark.parametrize("kw,code", [
    ({"quad_class": "conflict"}, "P043"), ({"acled_type": "Battle"}, "P043"), ({"country": "Narnia"}, "P043"),
    ({"min_confidence": -0.1}, "P046"), ({"min_confidence": "high"}, "P046"), ({"min_confidence": "inf"}, "P046"),
    ({"min_lat": 1, "min_lon": 2, "max_lat": 3}, "P047"), ({"min_lat": 1, "min_lon": 2, "max_lat": 3, "max_lon": 1},
                                                            "P047"),
    ({"min_lat": 1, "min_lon": 2, "max_lat": 95, "max_lon": 3}, "P047"),
])
def test_new_filters_refuse_bad_values_with_a_code(kw, code):
    from parley.errors import InputError
    from parley.store import validate_filters

    with pytest.raises(InputError) as err:
        validate_filters(**kw)
    assert err.value.code == code


def test_valid_filters_still_select(filled):
    assert [e["event_type"] for e in filled.events(type="assault,protest", limit=1)] == ["ASSAULT"]
    assert len(list(filled.events(limit=2))) == 2
    assert {e["doc_id"] for e in filled.events(since="2025-04-03")} == {"b"}
