"""The event store on SQLite and PostgreSQL: ingest is idempotent and resumable, newer coders replace older
events, queries filter, bad URLs are named. Articles written for these tests."""
import json
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.ground.dates import date_range
from parley.model import Article
from parley.store import Store, content_hash, ingest
from parley.store.schema import VERSION, current_version

WIRE = Path(__file__).parent.parent / "fixtures" / "store" / "wire.jsonl"


def test_a_fresh_store_is_migrated_to_the_current_schema(store_url):
    store = Store(store_url)
    with store.engine.connect() as conn:
        assert current_version(conn) == VERSION
    assert store.counts() == {"articles": 0, "events": 0}
    assert Store(store_url).version == VERSION  # reopening migrates nothing and keeps the data


def test_an_older_store_is_migrated_and_keeps_its_articles(store_url, coder):
    from sqlalchemy import text

    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    located = sum(1 for e in store.events() if e.get("location"))
    with store.engine.begin() as conn:  # make it a version-1 store: no sources, district, precision or days
        conn.execute(text("DROP TABLE article_sources"))
        conn.execute(text("DROP TABLE event_changes"))
        conn.execute(text("DROP TABLE api_tokens"))
        for index in ("ix_events_start", "ix_events_end", "ux_events_article_seq"):
            conn.execute(text(f"DROP INDEX {index}"))
        for column in ("admin2", "geo_precision", "date_start", "date_end"):
            conn.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
        conn.execute(text("UPDATE parley_meta SET value = '1' WHERE key = 'schema_version'"))
    store.engine.dispose()
    reopened = Store(store_url)
    assert reopened.version == VERSION == 6
    assert reopened.counts()["articles"] == 5
    assert sorted(reopened.sources()) == ["w1", "w2", "w3", "w4", "w5"]  # backfilled from the articles
    # old events get a precision that claims no town: found by --precision 3 and 2, never by 1
    assert located > 0
    assert sum(1 for _ in reopened.events(precision=3)) == located
    assert not list(reopened.events(precision=1))
    # and each dated event the days its date covers
    days = [(e["date"], e["date_start"], e["date_end"]) for e in reopened.events()]
    assert days and all(d and (s, e) == tuple(x.isoformat() for x in date_range(d)) for d, s, e in days)



def test_a_version_4_store_gets_the_changes_log_and_keeps_its_data(store_url, coder):
    """Version 5 adds event_changes and api_tokens; the events stored before are logged as added, in the order
    their articles were stored, with distinct increasing timestamps."""
    from sqlalchemy import text

    from parley.store.changes import changes

    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    before = sorted(e["event_id"] for e in store.events())
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE event_changes"))
        conn.execute(text("DROP TABLE api_tokens"))
        conn.execute(text("UPDATE parley_meta SET value = '4' WHERE key = 'schema_version'"))
    store.engine.dispose()
    reopened = Store(store_url)
    assert reopened.version == VERSION == 6
    assert sorted(e["event_id"] for e in reopened.events()) == before
    feed = changes(reopened, limit=500)["changes"]
    assert sorted(c["event_id"] for c in feed) == before and {c["action"] for c in feed} == {"added"}
    stamps = [c["at"] for c in feed]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(c["event"]["event_id"] == c["event_id"] for c in feed)


def test_recoding_logs_the_old_events_deleted_and_the_new_added(store_url, coder):
    from parley.store.changes import changes

    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    first = changes(store)
    old = {c["event_id"] for c in first["changes"]}
    assert old and {c["action"] for c in first["changes"]} == {"added"}
    assert changes(store, since=first["next_since"])["changes"] == []  # nothing new since the last page
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v2")
    later = changes(store, since=first["next_since"])["changes"]
    gone = {c["event_id"] for c in later if c["action"] == "deleted"}
    new = {c["event_id"] for c in later if c["action"] == "added"}
    assert gone == old and all(c["event"] is None for c in later if c["action"] == "deleted")
    assert new == {e["event_id"] for e in store.events()}
    # paging: pages of 3 give the same changes, in order, once each
    paged, since = [], None
    while True:
        page = changes(store, since=since, limit=3)
        if not page["changes"]:
            break
        paged += page["changes"]
        since = page["next_since"]
    assert [c["at"] for c in paged] == [c["at"] for c in first["changes"] + later]

def test_ingesting_twice_stores_once(store_url, coder):
    store = Store(store_url)
    first = ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    counts = store.counts()
    assert first.stored == 5 and counts["articles"] == 5 and counts["events"] == first.events > 0
    again = ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    assert again.stored == 0 and again.skipped["already stored by this coder version"] == 5
    assert store.counts() == counts


def test_the_same_url_or_the_same_text_is_one_article(store_url, coder, tmp_path):
    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    rows = [json.loads(line) for line in WIRE.read_text().splitlines()]
    reprint = dict(rows[0], id="copy", url="https://mirror.example.net/x")  # the same text elsewhere
    corrected = dict(rows[3], text=rows[3]["text"].replace("14", "15"))  # the same URL, text updated
    path = tmp_path / "more.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (reprint, corrected)) + "\n")
    report = ingest([str(path)], store, coder=coder, progress=False, version="v1")
    assert store.counts()["articles"] == 5
    assert report.skipped["already stored by this coder version"] == 1  # the reprint
    assert report.reprints == 1  # ... whose outlet and URL are kept beside the original's
    assert [s["url"] for s in store.sources()["w1"]] == ["https://example.org/a/1", "https://mirror.example.net/x"]
    arrests = list(store.events(type="COERCE", place="Minsk"))
    assert [e["arrested"] for e in arrests] == [15]


def test_a_newer_coder_replaces_the_events_and_keeps_its_version(store_url, coder):
    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    before = store.counts()
    report = ingest([str(WIRE)], store, coder=coder, progress=False, version="v2")
    assert report.stored == 5
    assert store.counts() == before  # replaced, not added
    assert {e["coder_version"] for e in store.events()} == {"v2"}


def test_a_batch_that_fails_leaves_the_committed_batches_and_the_rerun_completes(store_url, coder):
    class Failing:
        """Codes the first batch, then fails as a killed process would."""

        def __init__(self):
            self.calls = 0

        def code(self, articles):
            self.calls += 1
            if self.calls > 1:
                raise RuntimeError("killed")
            return coder.code(articles)

    store = Store(store_url)
    with pytest.raises(RuntimeError):
        ingest([str(WIRE)], store, coder=Failing(), batch=2, progress=False, version="v1")
    assert store.counts()["articles"] == 2  # the first batch only, whole
    report = ingest([str(WIRE)], store, coder=coder, batch=2, progress=False, version="v1")
    assert report.stored == 3 and report.skipped["already stored by this coder version"] == 2
    clean = Store(store_url.replace("events.db", "clean.db")) if store_url.startswith("sqlite") else None
    if clean is not None:
        ingest([str(WIRE)], clean, coder=coder, batch=2, progress=False, version="v1")
        assert clean.counts() == store.counts()


def test_queries_filter_by_party_type_date_status_claimant_and_place(store_url, coder):
    store = Store(store_url)
    ingest([str(WIRE)], store, coder=coder, progress=False, version="v1")
    shelling = list(store.events(actor="RUS", recipient="UKR", type="ASSAULT"))
    assert shelling and all("RUS" in [a["country"] for a in e["actor"]] for e in shelling)
    assert {e["doc_id"] for e in shelling} == {"w1"}
    assert shelling[0]["url"] == "https://example.org/a/1" and shelling[0]["outlet"] == "Northern Courier"
    # event dates: "on Tuesday" in an article of Wednesday 2 April is 1 April, and so on
    assert {e["doc_id"] for e in store.events(since="2025-04-04")} == {"w4", "w5"}
    assert {e["doc_id"] for e in store.events(until="2025-04-01")} == {"w1"}
    assert {e["doc_id"] for e in store.events(type="PROTEST")} == {"w3"}
    assert {e["doc_id"] for e in store.events(claimed_by="RUS")} == {"w5"}
    assert {e["doc_id"] for e in store.events(place="tbilisi")} == {"w3"}
    assert list(store.events(status="negated")) == []
    assert len(list(store.events(limit=2))) == 2
    with pytest.raises(InputError, match="P042"):
        store.events(since="last week")


def test_a_bad_database_url_is_named():
    with pytest.raises(InputError, match="P018") as err:
        Store("nosuchdriver://somewhere/db")
    assert "nosuchdriver://somewhere/db" in str(err.value)


def test_articles_are_identified_by_their_words_not_their_spacing():
    assert content_hash("Troops  withdrew\nfrom the town.") == content_hash("Troops withdrew from the town.")
    assert content_hash("Troops withdrew.") != content_hash("Troops advanced.")


def test_an_article_without_text_is_skipped_with_its_reason(tmp_path, coder):
    path = tmp_path / "empty.jsonl"
    path.write_text(json.dumps({"id": "e", "text": "   "}) + "\n")
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    report = ingest([str(path)], store, coder=coder, progress=False, version="v1")
    assert store.counts()["articles"] == 0
    assert sum(report.skipped.values()) == 1


def test_the_store_api_writes_what_it_is_given(tmp_path, coder):
    store = Store(f"sqlite:///{tmp_path / 'y.db'}")
    art = Article(id="k", text="Kenyan police arrested 30 protesters in Nairobi on Monday.", date="2025-06-02")
    doc = next(coder.code([art]))
    assert store.write([(art, doc)], "v1") == (1, len(doc.events))
    assert [e["event_type"] for e in store.events()] == [e.event_type for e in doc.events]


def test_an_unreachable_server_is_named_without_its_password():
    with pytest.raises(InputError, match="P018") as err:
        Store("postgresql://parley:hunter2@127.0.0.1:1/nowhere")
    assert "127.0.0.1:1/nowhere" in str(err.value) and "hunter2" not in str(err.value)
