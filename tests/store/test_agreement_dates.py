"""A violation is placed in time by its event's own date, not by its article's (issue 14): the days the event's
date covers (``date_start`` to ``date_end``, or those of ``date`` for events stored before these existed) against
the agreement's start and end. All before the start or all after the end: no violation; straddling either: a
violation marked uncertain. The reports are written for these tests."""
import json

import pytest

from parley.store import Store, ingest
from parley.store.agreements import agreements_json, find_agreements


def _agreements(records, tmp_path, coder):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    ingest([str(path)], store, coder=coder, progress=False, version="v1")
    return find_agreements(list(store.events()), store.texts())


AGREED_2_MAY = {"id": "agreed", "date": "2025-05-02", "url": "u/agreed",
                "text": "Armenia and Azerbaijan agreed to a ceasefire along their border on Friday, with Russia acting "
                        "as mediator."}


def test_attacks_before_the_start_reported_after_it_are_no_violations_and_one_after_is_dated_by_its_day(
        tmp_path, coder):
    later = [
        {"id": "wire", "date": "2025-05-20", "url": "u/wire",
         "text": "YEREVAN, May 20 (Caucasus Wire) - Armenia's defence ministry said on Tuesday that Azerbaijani troops "
                 "had shelled the village of Sotk in April, wounding two soldiers."},
        {"id": "bulletin", "date": "2025-05-22", "url": "u/bulletin",
         "text": "BULLETIN: Armenia says Azerbaijani artillery hit Sotk last month; two wounded."},
        {"id": "statement", "date": "2025-05-23", "url": "u/statement",
         "text": "Azerbaijani forces attacked Armenian positions near Jermuk on April 28, the Armenian defence "
                 "ministry said in a statement on Friday."},
        {"id": "sunday", "date": "2025-05-21", "url": "u/sunday",
         "text": "Azerbaijani troops shelled the Armenian village of Sotk on Sunday, the Armenian defence ministry "
                 "said."},
    ]
    found = _agreements([AGREED_2_MAY, *later], tmp_path, coder)
    assert len(found) == 1
    [v] = found[0].violations
    assert v.url == "u/sunday"
    assert (v.date, v.date_start, v.date_end, v.uncertain) == ("2025-05-18", "2025-05-18", "2025-05-18", False)


def test_an_attack_in_the_month_a_truce_began_is_an_uncertain_violation_dated_by_that_month(tmp_path, coder):
    records = [
        {"id": "agreed", "date": "2025-04-10", "url": "u/agreed",
         "text": "Armenia and Azerbaijan agreed to a ceasefire along their border on Thursday, with Russia acting as "
                 "mediator."},
        {"id": "april", "date": "2025-05-06", "url": "u/april",
         "text": "Azerbaijani troops shelled the Armenian village of Sotk in April, the Armenian defence ministry said "
                 "on Tuesday."},
    ]
    found = _agreements(records, tmp_path, coder)
    [v] = found[0].violations
    assert (v.url, v.date, v.date_start, v.date_end, v.uncertain) == \
        ("u/april", "2025-04", "2025-04-01", "2025-04-30", True)
    out = agreements_json(found)[0]["violations"][0]
    assert (out["date"], out["date_start"], out["date_end"], out["uncertain"]) == \
        ("2025-04", "2025-04-01", "2025-04-30", True)


def test_an_attack_in_the_month_a_truce_collapsed_is_uncertain_and_one_after_it_none(tmp_path, coder):
    records = [
        {"id": "agreed", "date": "2025-04-24", "url": "u/agreed",
         "text": "Armenia and Azerbaijan agreed to a ceasefire along their border on Thursday, with Russia acting as "
                 "mediator."},
        {"id": "collapsed", "date": "2025-05-20", "url": "u/collapsed",
         "text": "The ceasefire between Armenia and Azerbaijan collapsed on Tuesday after a night of heavy fighting."},
        {"id": "may", "date": "2025-06-03", "url": "u/may",
         "text": "Azerbaijani troops shelled the Armenian village of Sotk in May, the Armenian defence ministry said."},
        {"id": "june", "date": "2025-06-12", "url": "u/june",
         "text": "Azerbaijani troops shelled the Armenian village of Sotk on June 9, Armenian officials said."},
    ]
    found = _agreements(records, tmp_path, coder)
    a = found[0]
    assert [s for _, s, _ in a.status] == ["agreed", "collapsed"]
    assert [(v.url, v.date, v.uncertain) for v in a.violations] == [("u/may", "2025-05", True)]


# ---------------------------------------------------------------------------------------------------------------
# The same rule on stored event rows: a ceasefire agreed on 8 May, an attack with each date (its article is
# dated 1 June, so that a violation dated by its article would show).

ARM = {"country": "ARM", "text": "Armenia"}
AZE = {"country": "AZE", "text": "Azerbaijan"}


def _rows(date, spans=True, term=""):
    agree = {"event_id": 1, "doc_id": "a", "event_type": "AGREE", "trigger": "agreed", "status": "occurred",
             "date": "2025-05-08", "doc_date": "2025-05-08", "actor": [ARM, AZE], "recipient": [],
             "evidence": {"sentence": f"Armenia and Azerbaijan agreed to a {term}ceasefire.", "start": 0, "end": 60}}
    attack = {"event_id": 2, "doc_id": "b", "event_type": "ASSAULT", "trigger": "shelled", "status": "occurred",
              "date": date, "doc_date": "2025-06-01", "actor": [AZE], "recipient": [ARM],
              "evidence": {"sentence": "Azerbaijani troops shelled Sotk.", "start": 0, "end": 31}}
    if spans:
        from parley.ground.dates import date_range

        first, last = date_range(date) or (None, None)
        attack["date_start"], attack["date_end"] = first and first.isoformat(), last and last.isoformat()
    return [agree, attack]


@pytest.mark.parametrize("date,term,want", [
    ("2025-04", "", None),  # all before the start
    ("2025-05-07", "", None),
    ("2024", "", None),
    ("2025-05-08", "", False),  # the first day counts
    ("2025-05-20", "", False),
    ("2025-05", "", True),  # straddles the start
    ("2025", "", True),
    ("2025-05-14", "7-day ", False),  # "a 7-day ceasefire" from 8 May ends on 14 May
    ("2025-05-15", "7-day ", None),
    ("2025-06", "7-day ", None),
])
@pytest.mark.parametrize("spans", [True, False], ids=["date_start", "stored-before-date_start"])
def test_an_events_own_days_against_the_agreements_time(date, term, want, spans):
    [a] = find_agreements(_rows(date, spans, term))
    assert a.start == "2025-05-08"
    got = [(v.date, v.uncertain) for v in a.violations]
    assert got == ([] if want is None else [(date, want)])


def test_date_start_and_date_end_are_read_before_date():
    rows = _rows("2025-05")
    rows[1]["date_start"], rows[1]["date_end"] = "2025-05-10", "2025-05-12"  # the days stored with it are read first
    [a] = find_agreements(rows)
    assert [(v.date, v.date_start, v.date_end, v.uncertain) for v in a.violations] == \
        [("2025-05", "2025-05-10", "2025-05-12", False)]
