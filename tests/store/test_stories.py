"""Merging reports of the same happening into story events, measured on 53 written reports in 23 stories
(tests/fixtures/merge/reports.jsonl: hard negatives, disputed stories and agency copies among them)."""
import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from parley.store import Store, ingest
from parley.store.stories import merge, near_duplicates, primary

REPORTS = Path(__file__).parent.parent / "fixtures" / "merge" / "reports.jsonl"
ROWS = [json.loads(line) for line in REPORTS.read_text(encoding="utf-8").splitlines()]
GOLD = {r["id"]: r["story"] for r in ROWS}


@pytest.fixture(scope="module")
def merged(tmp_path_factory, coder):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('m') / 'm.db'}")
    ingest([str(REPORTS)], store, coder=coder, progress=False, version="v1")
    events = list(store.events())
    stories = merge(events, store.texts())
    story_of = {r["event_id"]: s for s in stories for r in s.reports}
    by_doc: dict = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    report_story = {doc: story_of[primary(evs)["event_id"]].id for doc, evs in by_doc.items()}
    return stories, report_story


def test_the_fixture_is_what_the_test_says():
    assert len(ROWS) >= 40 and len(set(GOLD.values())) >= 16
    assert len({r["url"] for r in ROWS}) == len(ROWS)


def test_pairwise_precision_and_recall_of_the_merge_are_above_0_9(merged):
    _, report_story = merged
    assert set(report_story) == set(GOLD), "every report codes an event"
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(GOLD), 2):
        same, merged_ = GOLD[a] == GOLD[b], report_story[a] == report_story[b]
        tp += same and merged_
        fp += merged_ and not same
        fn += same and not merged_
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"merge: pairwise precision {precision:.3f}, recall {recall:.3f} ({tp} pairs right, {fp} wrong, "
          f"{fn} missed) over {len(GOLD)} reports")
    assert precision > 0.9 and recall > 0.9


@pytest.mark.parametrize("a,b", [
    ("kharkiv-missile-strike-0514", "kharkiv-missile-strike-0521"),  # the same city, a week apart
    ("odesa-drone-strike-0904", "lviv-drone-strike-0904"),  # the same day, 600 km apart
    ("nairobi-tax-protest-0625", "nairobi-activist-arrest-0625"),  # a protest and an arrest, one city, one day
    ("ru-ua-prisoner-swap-0105", "ru-ua-prisoner-swap-0205"),  # two exchanges a month apart
])
def test_hard_negatives_stay_apart(merged, a, b):
    _, report_story = merged
    ids_a = {report_story[k] for k, v in GOLD.items() if v == a}
    ids_b = {report_story[k] for k, v in GOLD.items() if v == b}
    assert not ids_a & ids_b


def test_contradicting_reports_are_kept_side_by_side_and_marked_disputed(merged):
    stories, report_story = merged
    by_id = {s.id: s for s in stories}
    for label in ("saratov-refinery-strike-0108", "omdurman-market-shelling-0201",
                  "armenia-azerbaijan-border-clash-0408"):
        ids = {report_story[k] for k, v in GOLD.items() if v == label}
        assert len(ids) == 1, label
        story = by_id[ids.pop()]
        assert story.disputed, label
        assert {r["status"] for r in story.reports} >= {"occurred", "negated"}, label
    undisputed = {report_story[k] for k, v in GOLD.items()
                  if v in ("kharkiv-missile-strike-0514", "india-pakistan-ceasefire-0510", "us-china-trade-talks-0511")}
    assert undisputed and not any(by_id[i].disputed for i in undisputed)


def test_a_story_lists_every_report_its_outlets_and_the_best_values(merged):
    stories, report_story = merged
    kharkiv = next(s for s in stories if s.id == report_story["m01"])
    docs = {r["doc_id"] for r in kharkiv.reports}
    assert docs == {k for k, v in GOLD.items() if v == "kharkiv-missile-strike-0514"}
    assert len(kharkiv.outlets) == len(docs)
    assert kharkiv.first_report <= kharkiv.last_report
    assert kharkiv.best["date"]["value"] == "2024-05-14" and kharkiv.best["date"]["support"] >= 2
    assert kharkiv.best["place"]["value"] == "Kharkiv"


def test_agency_copies_are_recognised():
    texts = {r["id"]: r["text"] for r in ROWS}
    assert near_duplicates(texts) == {"m31": "m30", "m34": "m33"}


def _synthetic(n_days: int, per_day: int) -> list[dict]:
    countries = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"]
    rows = []
    for d in range(n_days):
        day = (dt.date(2025, 1, 1) + dt.timedelta(days=d)).isoformat()
        for k in range(per_day):
            a, b = countries[k % 8], countries[(k * 3 + 1) % 8]
            rows.append({"event_id": len(rows), "doc_id": f"d{len(rows)}", "event_type": "ASSAULT", "date": day,
                         "actor": [{"country": a}], "recipient": [{"country": b}], "status": "occurred",
                         "evidence": {"sentence": f"Forces of {a} shelled {b} positions, report {k}."}})
    return rows


def test_comparisons_grow_linearly_with_the_number_of_reports():
    small, large = {}, {}
    merge(_synthetic(50, 16), stats=small)
    merge(_synthetic(200, 16), stats=large)  # four times the reports over four times the days
    assert large["comparisons"] <= 4.5 * small["comparisons"]
