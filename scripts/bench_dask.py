#!/usr/bin/env python
"""Coding on Dask: articles per second for one process and for 2 Dask workers, and peak memory per worker.

    python scripts/bench_dask.py [--limit N] [--workers 2] [--counts 1000,10000] [--skip-speed] [--skip-memory]

1. Speed, on the BBC corpus (../shared/data/corpus/bbc.jsonl, title and text): ``Coder.code`` in this process,
   then ``parley.scale.code_dask`` on a LocalCluster of ``--workers`` processes. Every process runs its numeric
   libraries on one thread. Model loading is outside both timings (the workers are warmed on a few articles
   first). Prints articles/s for each, the speed-up, and articles/s per core.
2. Memory: for each count, a fresh LocalCluster codes that many distinct articles (``bench_limits.texts()``:
   the shared corpora, NGEC stories and ACLED notes, never repeats); each worker then reports its peak resident
   memory (``ru_maxrss``). Prints the peak per worker and the ratio of the largest count to the smallest.
"""
from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
              "NUMEXPR_NUM_THREADS"):
    os.environ[_name] = "1"  # before numpy, torch or scikit-learn are imported
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_limits import texts  # noqa: E402

from parley.model import Article  # noqa: E402
from parley.pipeline import Coder, Options  # noqa: E402
from parley.scale import close_cluster, code_dask, start_cluster  # noqa: E402

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "bbc.jsonl"
WARM = 8  # articles coded on the workers before the clock starts


def bbc(limit: int | None) -> list[Article]:
    out = []
    with open(BBC, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append(Article(id=str(r["id"]), text=r.get("text") or "", title=r.get("title")))
                if limit and len(out) >= limit:
                    break
    return out


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(articles: list[Article], workers: int, partition: int, in_flight: int | None) -> None:
    print(f"1. speed on {len(articles)} BBC articles")
    coder = Coder(Options())
    start = time.perf_counter()
    n = sum(1 for _ in coder.code(articles))
    one = n / (time.perf_counter() - start)
    print(f"   1 process:   {one:6.1f} articles/s")
    client = start_cluster(workers)
    try:
        list(code_dask(articles[:WARM], client=client))  # builds the coder on every worker (the plugin)
        start = time.perf_counter()
        n = sum(1 for _ in code_dask(articles, client=client, partition=partition, in_flight=in_flight))
        many = n / (time.perf_counter() - start)
    finally:
        close_cluster(client)
    print(f"   {workers} workers:   {many:6.1f} articles/s ({many / workers:.1f} per worker)")
    print(f"   speed-up:    {many / one:6.2f}x")


def memory(counts: list[int], workers: int) -> None:
    print(f"2. peak memory per worker ({workers} workers), distinct articles")
    peaks = {}
    for n in counts:
        articles = [Article(id=str(i), text=t) for i, t in enumerate(islice(texts(), n))]
        client = start_cluster(workers)
        try:
            start = time.perf_counter()
            coded = sum(1 for _ in code_dask(articles, client=client))
            seconds = time.perf_counter() - start
            per_worker = sorted(client.run(peak_mb).values())
        finally:
            close_cluster(client)
        peaks[n] = max(per_worker)
        print(f"   {n:>6} articles ({coded} coded, {seconds:.0f} s): peak "
              + ", ".join(f"{p:.0f} MB" for p in per_worker))
    if len(peaks) > 1:
        lo, hi = min(peaks), max(peaks)
        print(f"   {hi} / {lo} articles: {peaks[hi] / peaks[lo]:.3f} times the peak")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="BBC articles for the speed test (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition", type=int, default=32, help="articles per task")
    ap.add_argument("--in-flight", type=int, default=None, help="partitions in flight (default: code_dask's)")
    ap.add_argument("--counts", default="1000,10000", help="article counts for the memory test")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not args.skip_speed:
        speed(bbc(args.limit), args.workers, args.partition, args.in_flight)
    if not args.skip_memory:
        memory([int(c) for c in args.counts.split(",")], args.workers)


if __name__ == "__main__":
    main()
