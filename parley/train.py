"""Rebuild the shipped ACLED sub-type model from the training files, deterministically.

    parley train [--data DIR] [--snippets DIR] [--out DIR]      (or: python scripts/train.py ...)

DIR defaults to ../shared/data, the shared evaluation data. Trains on (never on a dev file):
- DATA/acled_2020/train.jsonl: ACLED's own notes, one sub-event type each;
- training/news_snippets/*.jsonl: news-style snippets we wrote for every sub-type, so that the model knows
  how newspapers word what ACLED's notes say tersely, and "NONE" examples of news that is no such event;
- DATA/cameo_class/train.jsonl: its STATEMENT and VERBAL_COOPERATION sentences as more "NONE"
  examples (those that speak of an agreement, a ceasefire or a deal are left out: ACLED codes those).

Writes parley/data/models/acled_subtype_encoded.joblib (TF-IDF and the sentence vectors of the encoder shipped
in parley/data/models/minilm/) with its calibration, and prints the model's dev figures on
DATA/acled_2020/dev.jsonl and DATA/case2021_task2/dev.jsonl. Fixed seeds: the same files give the same model.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from parley.errors import Errors, InputError
from parley.evaluate import CASE_LABELS

SHARED = Path("..") / "shared" / "data"
SNIPPETS = Path("training") / "news_snippets"
SNIPPET_WEIGHT = 3.0  # a news snippet we wrote counts as three ACLED notes: it is the wording the coder reads
NONE = "NONE"
AGREEMENT_WORDS = re.compile(r"(?i)\b(agree|agreed|agreement|ceasefire|cease-fire|truce|deal|accord|treaty|swap)")
CASE_NAMES = {code: name for name, code in CASE_LABELS.items()}  # CASE 2021 label -> ACLED sub-type, for the dev figure


def notes(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.append(clean(r["text"]))
            labels.append(r["acled"]["sub_event_type"])
    return texts, labels


def snippets(folder: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    texts.append(r["text"])
                    labels.append(r["subtype"])
    return texts, labels


def quiet_sentences(path: Path) -> list[str]:
    """CAMEO statements and verbal cooperation that speak of no agreement: news with no ACLED event."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["quad_class"] in ("STATEMENT", "VERBAL_COOPERATION") and not AGREEMENT_WORDS.search(r["text"]):
                out.append(r["text"])
    return out


def case_dev(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["subtype"] in CASE_NAMES:
                texts.append(r["text"])
                labels.append(CASE_NAMES[r["subtype"]])
    return texts, labels


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, labels=sorted(set(gold)), average="weighted", zero_division=0))


def calibrate(texts: list[str], labels: list[str], weights: list[float], folds: int = 3):
    """The map from the model's top probability to how often that top label is right, fitted (isotonic) on
    out-of-fold predictions over the training texts: an event's ``confidence`` then means what it says."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.model_selection import StratifiedKFold

    from parley.events.classify import build_pipeline

    y = np.array(labels)
    w = np.array(weights)
    top, right = [], []
    for train_i, test_i in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y):
        model = build_pipeline(seed=0)
        model.fit([texts[i] for i in train_i], y[train_i], logisticregression__sample_weight=w[train_i])
        proba = model.predict_proba([texts[i] for i in test_i])
        best = proba.argmax(axis=1)
        for row, b, i in zip(proba, best, test_i):
            if model.classes_[b] != NONE:  # confidence is asked of events, not of "no event"
                top.append(float(row[b]))
                right.append(float(model.classes_[b] == y[i]))
    return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(top, right)


def clean(text: str) -> str:
    """Drop ACLED's bookkeeping ("[size=...]", "Fatalities coded as ...") that news text never has."""
    text = re.sub(r"\[size=[^\]]*\]", " ", text)
    return re.sub(r"(?i)fatalities coded as.*$", " ", text)


def run(data: Path = SHARED, snippet_dir: Path = SNIPPETS, out_dir: Path | None = None, say=print) -> dict:
    """Train and save the model; return its dev figures by model name ("encoded")."""
    import joblib

    from parley.events.classify import SentenceVectors, build_pipeline, model_path

    SentenceVectors.memo = {}  # each text encoded once, whatever the folds
    train_path = data / "acled_2020" / "train.jsonl"
    if not train_path.exists():
        raise InputError("P017", str(train_path), Errors.P017.format(path=train_path))
    texts, labels = notes(train_path)
    weights = [1.0] * len(texts)
    own = snippets(snippet_dir) if snippet_dir.is_dir() else ([], [])
    if not own[0]:
        say(f"no snippets of ours in {snippet_dir}: training on the shared files alone")
    cameo = data / "cameo_class" / "train.jsonl"
    quiet = quiet_sentences(cameo) if cameo.exists() else []
    texts += own[0] + quiet
    labels += own[1] + [NONE] * len(quiet)
    weights += [SNIPPET_WEIGHT] * len(own[0]) + [1.0] * len(quiet)
    say(f"training texts: {len(weights) - len(own[0]) - len(quiet)} ACLED notes, {len(own[0])} snippets of ours, "
          f"{len(quiet)} CAMEO sentences with no ACLED event")
    dev_path = data / "acled_2020" / "dev.jsonl"
    dev = notes(dev_path) if dev_path.exists() else None
    case_path = data / "case2021_task2" / "dev.jsonl"
    case = case_dev(case_path) if case_path.exists() else None
    t0 = time.perf_counter()
    model = build_pipeline(seed=0)
    model.fit(texts, labels, logisticregression__sample_weight=weights)
    calibration = calibrate(texts, labels, weights)
    out = model_path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pipeline": model, "calibration": calibration}, out, compress=3)
    say(f"TF-IDF + sentence vectors: trained on {len(texts)} texts in {time.perf_counter() - t0:.1f} s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)")
    figures = {"encoded": {"seconds": round(time.perf_counter() - t0, 1)}}
    if dev:
        pred = model.predict(dev[0])
        acc = sum(p == g for p, g in zip(pred, dev[1])) / len(dev[1])
        figures["encoded"]["acled_dev_accuracy"] = round(acc, 3)
        say(f"  ACLED dev ({len(dev[1])} notes): sub-event type accuracy of the model alone {acc:.3f}")
    if case:
        f1 = weighted_f1(case[1], list(model.predict(case[0])))
        figures["encoded"]["case_dev_weighted_f1"] = round(f1, 3)
        say(f"  CASE 2021 dev ({len(case[1])} snippets): weighted F1 of the model alone {f1:.3f}")
    return figures
