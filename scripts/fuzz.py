"""Fuzz the readers and the coder with generated hostile inputs, and print what happened.

    python scripts/fuzz.py --n 10000            # 10,000 inputs through the readers, and their articles coded
    python scripts/fuzz.py --n 2000 --readers   # the readers alone (fast)
    python scripts/fuzz.py --n 10000 --seed 7   # another draw

The inputs (random bytes, random Unicode with control and bidi characters, very long tokens, deeply nested
HTML, malformed JSON, JSON Lines, CSV and RSS/Atom, folders with manifests, standard input) are those of
``tests/fuzz/inputs.py``; one input in twenty is a folder. Prints the count of inputs, articles read and
coded, coded rejections and warnings by code, and failures: uncaught exceptions, rejections without a known
code, and P014 (a coder bug caught on one sentence), with a count of each kind and one traceback of the first few kinds. Exits 1 when there
was any failure.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [str(ROOT), str(ROOT / "tests")] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "scripts"]
# (without scripts/ on the path: this file is "fuzz" too, and would hide the package tests/fuzz)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="how many inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="the draw (default 0)")
    parser.add_argument("--readers", action="store_true", help="read only; do not code the articles")
    parser.add_argument("--show", type=int, default=3, help="how many failures to print in full (default 3)")
    args = parser.parse_args(argv)

    from fuzz.inputs import Tally, folder_input, one_input, run
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis import strategies as st

    logging.getLogger("parley").setLevel(logging.WARNING)
    logging.getLogger("parley").propagate = False  # the tally keeps the messages; the terminal stays readable
    coder = None
    started = time.perf_counter()
    if not args.readers:
        from parley.pipeline import Coder

        coder = Coder()
        print(f"coder loaded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    tally = Tally()
    inputs = st.one_of(one_input(), one_input(), one_input(), one_input(), one_input(), one_input(), one_input(),
                       one_input(), one_input(), one_input(), one_input(), one_input(), one_input(), one_input(),
                       one_input(), one_input(), one_input(), one_input(), one_input(), folder_input())

    @seed(args.seed)
    @settings(max_examples=args.n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(item: tuple) -> None:
        run(item, tally, coder)
        if tally.inputs % 500 == 0:
            print(f"  {tally.inputs:,} inputs, {len(tally.failures)} failures, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)

    fuzz()
    seconds = time.perf_counter() - started
    print(f"inputs: {tally.inputs:,}")
    print(f"articles read: {tally.articles:,}; coded: {tally.coded:,} ({tally.events:,} events)")
    print(f"coded rejections: {sum(tally.rejections.values()):,} "
          f"({', '.join(f'{code} {n:,}' for code, n in sorted(tally.rejections.items()))})")
    print(f"coded warnings: {sum(tally.warnings.values()):,} "
          f"({', '.join(f'{code} {n:,}' for code, n in sorted(tally.warnings.items()))})")
    print(f"uncaught exceptions and other failures: {len(tally.failures)}")
    print(f"seconds: {seconds:.0f}")
    kinds = Counter(_signature(failure) for failure in tally.failures)
    for signature, n in kinds.most_common():
        print(f"  {n:>5}  {signature}")
    shown = set()
    for failure in tally.failures:
        if len(shown) < args.show and _signature(failure) not in shown:
            shown.add(_signature(failure))
            print("\n--- " + failure)
    return 1 if tally.failures else 0


def _signature(failure: str) -> str:
    """What a failure was and where: its first line without the input's suffix, and the exception's last line."""
    lines = failure.splitlines()
    errors = [line for line in lines if re.match(r"^[A-Za-z_.]+(Error|Exception|Exit|Interrupt)\b", line)]
    return f"{lines[0].split(' on ')[0]}: {(errors[-1] if errors else lines[-1])[:120]}"


if __name__ == "__main__":
    sys.exit(main())
