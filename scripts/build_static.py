"""Distil the sentence encoder into static token vectors: parley/data/models/minilm/static.npz.

    .venv/bin/python scripts/build_static.py [--data ../shared/data]

Runs every WordPiece token of the MiniLM vocabulary through the encoder alone and keeps its vector (about a
minute on one core), then weights each token by its rarity in the training texts (``a / (a + p(token))``, the
smooth inverse frequency weighting of Arora et al.; tokens never seen weigh 1). See parley/events/static.py.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

SIF_A = 1e-3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("..") / "shared" / "data")
    args = ap.parse_args()
    from parley.events.encoder import load_encoder, packaged_dir
    from parley.events.static import STATIC_FILE, distil, save_table
    from parley.train_detect import examples

    enc = load_encoder()
    table = distil(enc)
    texts, _, _ = examples(args.data, say=lambda *a: None)
    counts: Counter[int] = Counter()
    for e in enc.tok.encode_batch(texts):
        counts.update(e.ids)
    total = sum(counts.values())
    weights = np.ones(len(table), dtype=np.float32)
    for i, n in counts.items():
        weights[i] = SIF_A / (SIF_A + n / total)
    out = packaged_dir() / STATIC_FILE
    save_table(table, weights, out)
    print(f"{len(table)} token vectors from {len(texts)} training texts' frequencies -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
