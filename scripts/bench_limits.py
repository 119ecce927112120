#!/usr/bin/env python
"""Long and many articles: time and peak memory of ``parley code`` on one long article and on many articles.

    python scripts/bench_limits.py [--sizes 0.1,1,5] [--counts 1000,10000] [--skip-refusal]

Builds its inputs from the shared corpora (../shared/data: BBC and Guardian articles, NGEC synthetic stories,
ACLED notes), distinct texts only, never repeats, and runs each measurement in a fresh process
(``python -m parley code FILE --format jsonl -o /dev/null``), reading that process's peak resident memory
from the operating system (``os.wait4``). Prints:

1. seconds and peak memory to code ONE article of 0.1, 1 and 5 MB (the size limit raised with ``--max-size``),
   and the ratio of the largest to the 1 MB one (linear: at most 6 for 5 MB against 1 MB);
2. with the default size limit, a folder holding a 20 MB article and two short ones: how soon the run ends,
   its exit code, the coded refusal, and how many articles were still coded;
3. peak memory of coding 1,000 and 10,000 distinct articles, and their ratio.

Model loading is inside every figure of 1 and 3 (each is a whole run); the seconds of a run with a short
article are printed too, so that loading can be subtracted.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SOURCES = ["corpus/bbc.jsonl", "corpus/guardian_2019.jsonl", "ngec_synthetic/train.jsonl",
           "acled_2020/train.jsonl", "acled_2020/dev.jsonl", "acled_ukraine/dev.jsonl"]
MB = 1_000_000


def texts():
    """Distinct article texts from the shared corpora, in a fixed order."""
    seen = set()
    for name in SOURCES:
        path = SHARED / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                text = (json.loads(line).get("text") or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    yield text


def run(args: list[str]) -> tuple[float, float, int, str]:
    """Run ``python -m parley`` with ``args``: seconds, peak memory in MB, exit code, standard error."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "parley", *args], stdout=subprocess.DEVNULL, stderr=err,
                                cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err.read().decode(errors="replace")


def long_article(size: int) -> str:
    """One article of ``size`` characters made of distinct corpus texts, as paragraphs."""
    parts, total = [], 0
    for text in texts():
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def one_article(tmp: Path, sizes: list[float]) -> None:
    print("1. one long article (size limit raised)")
    base = None
    for mb in sizes:
        path = tmp / f"long_{mb}.txt"
        path.write_text(long_article(int(mb * MB)), encoding="utf-8")
        seconds, peak, code, err = run(["code", str(path), "--format", "jsonl", "-o", os.devnull,
                                        "--date", "2024-01-01", "--max-size", str(20 * MB), "--quiet"])
        print(f"   {mb:>5} MB: {seconds:7.1f} s, peak {peak:6.0f} MB, exit {code}")
        if code not in (0, 1):
            print("   " + err[-2000:])
        if mb == 1:
            base = seconds
        elif base and mb > 1:
            print(f"   {mb} MB / 1 MB: {seconds / base:.2f} times the seconds (model loading included in both)")


def refusal(tmp: Path) -> None:
    print("2. a 20 MB article with the default size limit, beside two short ones")
    folder = tmp / "batch"
    folder.mkdir()
    (folder / "a_short.txt").write_text("Russian drones struck Kharkiv on Tuesday, the governor said.\n")
    (folder / "b_huge.txt").write_text(long_article(5 * MB) * 4, encoding="utf-8")  # 20 MB
    (folder / "c_short.txt").write_text("Ukraine and Russia exchanged 150 prisoners each on Friday.\n")
    out = tmp / "batch.jsonl"
    seconds, peak, code, err = run(["code", str(folder), "--format", "jsonl", "-o", str(out), "--quiet"])
    coded = sum(1 for line in out.read_text().splitlines() if line.strip())
    refusals = [line for line in err.splitlines() if "[P" in line and "b_huge" in line]
    print(f"   {seconds:.1f} s (model loading included), exit {code}, {coded} articles coded, peak {peak:.0f} MB")
    print(f"   {refusals[0] if refusals else 'NO REFUSAL: ' + err[-500:]}")


def many(tmp: Path, counts: list[int]) -> None:
    print("3. peak memory on many distinct articles")
    peaks = {}
    for n in counts:
        path = tmp / f"many_{n}.jsonl"
        written = 0
        with open(path, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts()):
                if i >= n:
                    break
                f.write(json.dumps({"id": f"a{i}", "text": text, "date": "2024-01-01"}) + "\n")
                written += 1
        seconds, peak, code, err = run(["code", str(path), "--format", "jsonl", "-o", os.devnull, "--quiet"])
        peaks[n] = peak
        print(f"   {written:>6} articles: {seconds:7.1f} s ({written / seconds:.1f} articles/s with loading), "
              f"peak {peak:6.0f} MB, exit {code}")
    if len(peaks) > 1:
        lo, hi = min(peaks), max(peaks)
        print(f"   peak at {hi} / peak at {lo}: {peaks[hi] / peaks[lo]:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.1,1,5", help="article sizes in MB (default 0.1,1,5)")
    ap.add_argument("--counts", default="1000,10000", help="numbers of articles (default 1000,10000)")
    ap.add_argument("--skip-refusal", action="store_true", help="leave out the 20 MB refusal")
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"the shared corpora are not at {SHARED}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.sizes:
            one_article(Path(tmp), [float(s) for s in args.sizes.split(",")])
        if not args.skip_refusal:
            refusal(Path(tmp))
        if args.counts:
            many(Path(tmp), [int(n) for n in args.counts.split(",")])


if __name__ == "__main__":
    main()
