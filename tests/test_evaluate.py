"""``parley evaluate``: figures on a hand-made fixture, agreement with the reference scorer, the command line.

The fixture (tests/fixtures/evaluate/) was written for these tests: four PLOVER-style records, five ACLED-style
records and six CASE 2021-style records with made-up texts, and made-up predictions for them (p4 has none).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.evaluate import evaluate, haversine_km, read_gold, read_predictions, run

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "evaluate"
GOLD = FIXTURE / "gold.jsonl"
PRED = FIXTURE / "pred.jsonl"


@pytest.fixture(scope="module")
def figures():
    return evaluate(read_gold(str(GOLD)), read_predictions(str(PRED)))


# --- figures worked out by hand ---------------------------------------------------------------

def test_plover_figures(figures):
    r = figures["plover_gsr"]
    # type sets: p1 AGREE tp; p2 ASSAULT tp, ACCUSE fp; p3 REQUEST tp, PROTEST fn; p4 (no line) THREATEN fn
    assert (r["precision"], r["recall"]) == (3 / 4, 3 / 5)
    assert r["f1"] == pytest.approx(2 / 3)
    # main event: p1 AGREE right, p2 ACCUSE wrong, p3 REQUEST right, p4 none
    assert r["main_accuracy"] == 0.5
    # codes: p1 USA right, MEX given CAN; p2 RUS, UKR right; p3 IGO given UN (a member); PROTEST unmatched
    assert r["dyad"] == 4 / 5
    assert r["counts"] == {"main_right": 2, "codes_right": 4, "codes_scored": 5}
    assert r["missing"] == 1 and r["records"] == 4
    assert r["per_type"]["ACCUSE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert r["per_type"]["AGREE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert r["per_type"]["THREATEN"]["recall"] == 0.0
    assert [(c["gold"], c["predicted"], c["count"]) for c in r["confusions"]] == [
        ("ASSAULT", "ACCUSE", 1), ("PROTEST", "REQUEST", 1), ("THREATEN", "NONE", 1)]


def test_acled_figures(figures):
    r = figures["acled_2020"]
    assert r["event_type_accuracy"] == 4 / 5  # a3: Riots coded as Protests
    assert r["sub_event_weighted_f1"] == 4 / 5  # four gold sub-types F1 1, Mob violence 0, one record each
    assert r["location"] == 3 / 4  # a1 16 km, a3 22 km, a5 33 km right; a2 111 km wrong; a4 has no coordinates
    assert r["fatalities"] == 2 / 3  # a1 3=3, a5 1=1, a3 1 for 2
    assert r["no_invented_deaths"] == 1 / 2  # a2 none, a4 invents 4
    assert r["date"] == 3 / 5  # a3 a day late, a4 only a month
    assert r["counts"] == {"located": 4, "near": 3, "dated": 3, "deadly": 3, "deaths_right": 2, "calm": 2,
                           "calm_right": 1, "allocated": 0}
    assert r["per_event_type"]["Protests"]["precision"] == 0.5
    assert r["per_type"]["Violent demonstration"]["support"] == 0
    assert [(c["gold"], c["predicted"]) for c in r["confusions"]] == [("Mob violence", "Violent demonstration")]


def test_deaths_spread_by_acled_editors_are_not_scored():
    """A note whose toll ACLED's editors spread over several events states no toll of its own: it counts in
    neither deaths figure, as in the reference scorer."""
    acled = {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": "1"}
    gold = [{"id": "s1", "text": "Troops clashed with rebels near Ridgeton. [3 fatalities split across 3 events]",
             "dataset": "mine_acled", "acled": acled},
            {"id": "s2", "text": "Troops clashed with rebels near Lakeside; one soldier was killed.",
             "dataset": "mine_acled", "acled": acled}]
    preds = {"s1": {"id": "s1", "events": [{"acled_event_type": "Battles", "fatalities": None}]},
             "s2": {"id": "s2", "events": [{"acled_event_type": "Battles", "fatalities": 1}]}}
    r = evaluate(gold, preds)["mine_acled"]
    assert r["counts"]["allocated"] == 1 and r["counts"]["deadly"] == 1 and r["fatalities"] == 1.0


def test_case2021_figures(figures):
    r = figures["case2021_task2"]
    # c5 (NATURAL_DISASTER) is no ACLED sub-type: left out. c2 reads the first event with an ACLED type;
    # c6's "peaceful  PROTEST" folds to Peaceful protest; c3 gives PEACE_PROTEST for ARREST; c4 has no event.
    assert r["scored"] == 5 and r["left_out"] == {"NATURAL_DISASTER": 1}
    assert r["accuracy"] == 3 / 5
    assert r["per_type"]["PEACE_PROTEST"]["f1"] == pytest.approx(0.8)
    assert r["weighted_f1"] == pytest.approx((1 * 1 + 0.8 * 2) / 5)
    assert r["macro_f1"] == pytest.approx((1 + 0.8) / 25)  # over all 25 labels
    assert [(c["gold"], c["predicted"]) for c in r["confusions"]] == [("ARREST", "PEACE_PROTEST"),
                                                                     ("ARMED_CLASH", "NONE")]


def test_haversine():
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.001)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_dataset_of_unknown_kind_is_not_scored(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "q1", "text": "x", "dataset": "cameo_class", "quad_class": "X"}) + "\n")
    assert evaluate(read_gold(str(gold)), {}) == {}
    assert "cameo_class" in capsys.readouterr().err


# --- the reference scorer ------------------------------------------------------------------------

def test_figures_match_the_reference_scorer(shared_dir, figures):
    res = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(GOLD), str(PRED), "--json"],
                         capture_output=True, text=True, check=True)
    reference = json.loads(res.stdout.strip().splitlines()[-1])
    assert set(reference) == {"plover_gsr", "acled_2020", "case2021_task2"}
    for dataset, values in reference.items():
        for key, value in values.items():
            assert figures[dataset][key] == value, (dataset, key)


# --- reading errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, line, words", [
    (['{"id": "a", "text": "t", "subtype": "ARREST"}', '{"id": "b", "text": '], 2, "not valid JSON"),
    (['["a"]'], 1, "array, not an object"),
    (['{"id": "a", "text": "t", "dataset": "x", "events": [{"source": []}]}'], 1, "string 'type'"),
    (['{"id": "a", "text": "t", "acled": {"event_type": "Riots"}}'], 1, "sub_event_type"),
    (['{"text": "t", "subtype": "ARREST"}'], 1, "no 'id'"),
    (['{"id": "a", "dataset": "d", "subtype": "ARREST"}', '{"id": "b", "dataset": "d", "events": []}'], 2,
     "dataset 'd' holds case2021"),
])
def test_bad_gold_names_file_and_line(tmp_path, lines, line, words):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as info:
        read_gold(str(gold))
    assert info.value.code == "P015" and info.value.source == f"{gold}:{line}" and words in str(info.value)


def test_gold_without_text_is_an_error_only_when_coding(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "subtype": "ARREST"}\n')
    assert len(read_gold(str(gold))) == 1
    with pytest.raises(InputError, match=r"\[P015\].*no 'text'"):
        read_gold(str(gold), need_text=True)


def test_bad_prediction_line(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "a", "events": []}\n{"id": "b", "events": "ASSAULT"}\n')
    with pytest.raises(InputError, match=r"\[P016\] .*pred.jsonl:2: prediction at line 2"):
        read_predictions(str(pred))


# --- coding the gold texts -----------------------------------------------------------------------

def test_codes_gold_itself_with_record_dates(coder, tmp_path):
    saved = tmp_path / "pred.jsonl"
    _, results = run(str(GOLD), None, coder=coder, save=str(saved))
    assert all(r["missing"] == 0 for r in results.values())
    docs = {d["id"]: d for d in map(json.loads, saved.read_text().splitlines())}
    assert len(docs) == 15
    assert docs["a1"]["date"] == "2021-04-03" and docs["a2"]["date"] is None


# --- command line --------------------------------------------------------------------------------

def _parley(*args):
    return subprocess.run([sys.executable, "-m", "parley", "evaluate", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_json():
    res = _parley(GOLD, PRED, "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["plover_gsr"]["main_accuracy"] == 0.5 and out["acled_2020"]["date"] == 0.6


def test_cli_report():
    res = _parley(GOLD, PRED)
    assert res.returncode == 0, res.stderr
    assert "main event type right 2/4 = 0.50" in res.stdout
    assert "location within 50 km 3/4 = 0.75" in res.stdout
    assert "ARREST->PEACE_PROTEST 1" in res.stdout


def test_cli_malformed_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "t", "subtype": "ARREST"}\n{"id": "b", "text": "u", "subtype": }\n')
    res = _parley(gold, PRED, "--json")
    assert res.returncode == 2
    assert res.stdout == ""
    assert f"[P015] {gold}:2: gold record at line 2 is not valid JSON" in res.stderr
