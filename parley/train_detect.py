"""Rebuild the event detector (``parley.events.detect``) from the training files, deterministically.

Trains on (never on a dev file), one sentence per example, the way the detector reads text:
- training/plover/*.jsonl: sentences and headlines we wrote for every PLOVER type and for NONE, in the styles
  of war reporting and world news (weight 3: the wording the coder reads);
- DATA/ngec_synthetic/train.jsonl: the lead sentence of each synthetic story, with the story's event type;
- DATA/acled_2020/train.jsonl: the first sentence of each ACLED note, with the PLOVER type of its sub-event
  type (the sub-types that name no one kind of act, "Other" and "Change to group/activity", are left out);
- training/news_snippets/*.jsonl: the lead sentence of our ACLED-style snippets, their NONE examples too;
- DATA/cameo_class/train.jsonl: its STATEMENT sentences as NONE (CAMEO's comments that PLOVER does not code).

Writes parley/data/models/plover_detector.joblib and prints the detector's own figures: accuracy on a
held-out fifth of our sentences (the model is then refitted on all of them) and main-type accuracy on the
PLOVER dev sentences.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from parley.events.classify import PLOVER_OF
from parley.events.detect import NONE, PLOVER_TYPES
from parley.events.segment import split_sentences
from parley.train import SHARED, SNIPPETS, clean

OWN = Path("training") / "plover"
OWN_WEIGHT = 3.0
ACLED_WEIGHT = 0.5
SKIPPED_SUBTYPES = {"Other", "Change to group/activity"}


def _lead(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0].text if sentences else text


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def own_sentences(folder: Path = OWN) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for path in sorted(folder.glob("*.jsonl")):
        for r in _jsonl(path):
            if r["type"] in PLOVER_TYPES or r["type"] == NONE:
                texts.append(r["text"])
                labels.append(r["type"])
    return texts, labels


def examples(data: Path = SHARED, own: Path = OWN, snippet_dir: Path = SNIPPETS, say=print):
    """(texts, labels, weights) of every training source that is present."""
    texts: list[str] = []
    labels: list[str] = []
    weights: list[float] = []

    def add(t, lab, w, name):
        texts.extend(t)
        labels.extend(lab)
        weights.extend([w] * len(t))
        say(f"  {len(t):5d} {name}")

    if own.is_dir():
        add(*own_sentences(own), OWN_WEIGHT, f"sentences of ours ({own})")
    ngec = data / "ngec_synthetic" / "train.jsonl"
    if ngec.exists():
        rows = [r for r in _jsonl(ngec) if r.get("events")]
        add([_lead(r["text"]) for r in rows], [r["events"][0]["type"] for r in rows], 1.0, "NGEC story leads")
    acled = data / "acled_2020" / "train.jsonl"
    if acled.exists():
        rows = [r for r in _jsonl(acled) if r["acled"]["sub_event_type"] not in SKIPPED_SUBTYPES]
        add([_lead(clean(r["text"])) for r in rows], [PLOVER_OF[r["acled"]["sub_event_type"]][0] for r in rows],
            ACLED_WEIGHT, "ACLED note leads")
    if snippet_dir.is_dir():
        t, lab = [], []
        for path in sorted(snippet_dir.glob("*.jsonl")):
            for r in _jsonl(path):
                sub = r["subtype"]
                if sub == NONE or (sub in PLOVER_OF and sub not in SKIPPED_SUBTYPES):
                    t.append(_lead(r["text"]))
                    lab.append(NONE if sub == NONE else PLOVER_OF[sub][0])
        add(t, lab, 2.0, "ACLED-style snippet leads of ours")
    cameo = data / "cameo_class" / "train.jsonl"
    if cameo.exists():
        rows = [r for r in _jsonl(cameo) if r["quad_class"] == "STATEMENT"]
        add([r["text"] for r in rows], [NONE] * len(rows), 1.0, "CAMEO statements (NONE)")
    return texts, labels, weights


def run(data: Path = SHARED, own: Path = OWN, snippet_dir: Path = SNIPPETS, out: Path | None = None,
        say=print) -> dict:
    import joblib
    import numpy as np

    from parley.events.detect import Detector, build_detector, lexicon_forms, model_path
    from parley.events.lexicon import load_lexicon

    t0 = time.perf_counter()
    say("detector training texts:")
    texts, labels, weights = examples(data, own, snippet_dir, say)

    forms = lexicon_forms(load_lexicon())
    figures: dict = {}
    own_t, own_l = own_sentences(own) if own.is_dir() else ([], [])
    if own_t:  # a held-out fifth of our sentences, for the detector's own figure
        rng = np.random.default_rng(0)
        held = set(rng.choice(len(own_t), size=len(own_t) // 5, replace=False).tolist())
        keep = [i for i, t in enumerate(texts) if t not in {own_t[j] for j in held}]
        model = build_detector(forms)
        model.fit([texts[i] for i in keep], [labels[i] for i in keep],
                  logisticregression__sample_weight=[weights[i] for i in keep])
        got = Detector(model).detect([own_t[j] for j in sorted(held)])
        acc = sum(g.event_type == own_l[j] for g, j in zip(got, sorted(held))) / len(held)
        figures["own_heldout_accuracy"] = round(acc, 3)
        say(f"  held-out fifth of our sentences ({len(held)}): type accuracy {acc:.3f}")
    model = build_detector(forms)
    model.fit(texts, labels, logisticregression__sample_weight=weights)
    path = out or model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)
    say(f"detector: {len(texts)} texts, {time.perf_counter() - t0:.0f} s -> {path} "
        f"({path.stat().st_size / 1e6:.1f} MB)")
    plover = data / "plover_gsr" / "dev.jsonl"
    if plover.exists():
        rows = list(_jsonl(plover))
        got = Detector(model).detect([r["text"] for r in rows])
        acc = sum(g.event_type in {e["type"] for e in r["events"]} for g, r in zip(got, rows)) / len(rows)
        figures["plover_dev_main_type"] = round(acc, 3)
        say(f"  PLOVER dev ({len(rows)} sentences): main type accuracy of the detector alone {acc:.3f}")
    return figures


if __name__ == "__main__":
    run()
