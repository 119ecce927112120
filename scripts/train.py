#!/usr/bin/env python
"""Rebuild the shipped ACLED sub-type model from the shared training file, deterministically.

    python scripts/train.py [--train PATH] [--dev PATH] [--out PATH]

Trains on ../shared/data/acled_2020/train.jsonl (never on dev), writes parley/data/models/acled_subtype.joblib,
and prints the dev accuracy of the model alone on ../shared/data/acled_2020/dev.jsonl.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def notes(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.append(clean(r["text"]))
            labels.append(r["acled"]["sub_event_type"])
    return texts, labels


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

    t0 = time.perf_counter()
    texts, labels = notes(args.train)
    model = build_pipeline(seed=0)
    model.fit(texts, labels)
    out = args.out or model_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out, compress=3)
    print(f"trained on {len(texts)} notes in {time.perf_counter() - t0:.1f} s -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)")
    if args.dev.exists():
        dev_texts, dev_labels = notes(args.dev)
        pred = model.predict(dev_texts)
        acc = sum(p == g for p, g in zip(pred, dev_labels)) / len(dev_labels)
        print(f"dev ({len(dev_labels)} notes): sub-event type accuracy of the model alone {acc:.3f}")


if __name__ == "__main__":
    main()
