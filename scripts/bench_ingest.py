#!/usr/bin/env python
"""Speed benchmark: `parley ingest` (code and store) against `parley code` (code and write JSON Lines).

    python scripts/bench_ingest.py [--limit N] [--corpus PATH] [--db URL]

Reads ../shared/data/corpus/bbc.jsonl, then in one process times (1) coding every article and writing the
JSON Lines output to a file, as `parley code --format jsonl` does, and (2) ingesting the same articles into a
fresh store (a SQLite file in a temporary folder unless --db gives one), as `parley ingest` does. The same
loaded coder serves both, so model loading is outside both timings. Prints articles per second and the
ratio (ingest / code; 1.0 means storing costs nothing).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "bbc.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT, help="JSON Lines with id, title, text")
    ap.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (the benchmark needs ../shared beside the project)")
    from parley.export.formats import Writer
    from parley.ingest import read_paths
    from parley.pipeline import Coder
    from parley.store import Store, ingest

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with open(args.corpus, encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if args.limit and i >= args.limit:
                    break
                dst.write(line)
        coder = Coder()
        next(coder.code(read_paths([str(corpus)])), None)  # warm the caches both runs share
        start = time.perf_counter()
        n = 0
        with open(Path(tmp) / "out.jsonl", "w", encoding="utf-8") as out:
            writer = Writer(out, "jsonl")
            for doc in coder.code(read_paths([str(corpus)])):
                writer.write(doc)
                n += 1
        code_s = time.perf_counter() - start
        store = Store(args.db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        start = time.perf_counter()
        report = ingest([str(corpus)], store, coder=coder, progress=False)
        ingest_s = time.perf_counter() - start
    print(f"articles: {n}")
    print(f"parley code (JSON Lines to a file): {code_s:.1f} s, {n / code_s:.1f} articles/s")
    print(f"parley ingest (a fresh store): {ingest_s:.1f} s, {report.read / ingest_s:.1f} articles/s, "
          f"{report.stored} articles and {report.events} events stored")
    print(f"speed ratio ingest / code: {(report.read / ingest_s) / (n / code_s):.2f}")


if __name__ == "__main__":
    main()
