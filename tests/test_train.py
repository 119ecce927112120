"""`parley train`: rebuilds the models from training files, deterministically, with a calibration."""
from __future__ import annotations

from pathlib import Path

import joblib
import pytest

from parley.cli import main
from parley.errors import ModelError
from parley.events.classify import SubtypeClassifier, load_classifier, model_path
from parley.train import run

FIXTURES = Path(__file__).parent / "fixtures" / "train"


def _train(out: Path) -> dict:
    return run(FIXTURES, FIXTURES / "snippets", out, say=lambda *_: None)


def test_train_writes_a_model_that_loads_and_predicts(tmp_path):
    figures = _train(tmp_path)
    assert set(figures) == {"encoded"}
    assert [p.name for p in (tmp_path / "models").iterdir()] == ["acled_subtype_encoded.joblib"]  # that one only
    path = model_path(tmp_path)
    clf = load_classifier(path)
    pred = clf.predict(["Police arrested two opposition leaders in Lowmarsh on Monday."])[0]
    assert pred.sub_event_type == "Arrests"
    assert 0.0 <= pred.confidence <= 1.0
    saved = joblib.load(path)
    assert set(saved) == {"pipeline", "calibration"}


def test_training_is_deterministic(tmp_path):
    texts = ["Rebels clashed with troops near Eastbrook.", "Students rallied outside the ministry.",
             "The striker scored twice on Saturday."]
    probs = []
    for run_dir in (tmp_path / "a", tmp_path / "b"):
        _train(run_dir)
        pipeline = joblib.load(model_path(run_dir))["pipeline"]
        probs.append(pipeline.predict_proba(texts).round(12).tolist())
    assert probs[0] == probs[1]


def test_calibration_maps_probability_to_a_rate(tmp_path):
    _train(tmp_path)
    clf = SubtypeClassifier(**joblib.load(model_path(tmp_path)))
    low, high = clf.calibration.predict([0.05, 0.99])
    assert 0.0 <= low <= high <= 1.0  # isotonic: never less sure at a higher probability


def test_a_missing_model_is_a_coded_error_not_the_rules_alone(tmp_path):
    with pytest.raises(ModelError, match=r"\[P023\].*acled_subtype_encoded.joblib"):
        load_classifier(model_path(tmp_path))


def test_missing_training_data_is_a_clear_error(tmp_path, capsys):
    assert main(["train", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "[P017]" in err and "nowhere" in err and "acled_2020/train.jsonl" in err


def test_cli_train_prints_what_it_trained(tmp_path, capsys):
    assert main(["train", "--data", str(FIXTURES), "--snippets", str(FIXTURES / "snippets"),
                 "--plover", str(FIXTURES / "plover"), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "36 ACLED notes, 6 snippets of ours" in out
    assert model_path(tmp_path).exists()
    # the event detector too, from our PLOVER sentences: it loads and reads a sentence
    from parley.events.detect import MODEL_FILE, load_detector

    assert "25 sentences of ours" in out
    detector = load_detector(tmp_path / MODEL_FILE)
    assert detector.detect(["Police detained nine activists in the square."])[0].event_type in detector.labels


def test_our_snippets_are_well_formed_and_cover_every_sub_type():
    from parley.events.classify import ACLED_TYPES
    from parley.train import NONE, SNIPPETS, snippets

    root = Path(__file__).parents[1]
    texts, labels = snippets(root / SNIPPETS)
    assert len(texts) == len(labels) > 2000
    assert set(labels) == set(ACLED_TYPES) | {NONE}  # every sub-type, and news with no event
    assert all(len(t.split()) >= 5 for t in texts)
    assert len(set(texts)) == len(texts)  # no snippet twice
    assert min(labels.count(label) for label in ACLED_TYPES) >= 60
