"""Score parley on the locked evaluation set in tests/locked/ with the reference scorer, and print the figures.

    .venv/bin/python scripts/score_locked.py [--scorer ../shared/eval/score.py] [--out DIR]

The locked set was written before the work it measures and is not read while tuning rules or models: run this
at the end of a piece of work and report its figures beside the dev figures. It holds
- sentences_war.jsonl, sentences_world.jsonl: single sentences with PLOVER gold (score.py's plover_gsr format):
  main event type accuracy and event type micro F1;
- articles/*.gold.json: short articles with event gold in the example article's format: required events found,
  precision and attributes right, the counts added over all articles.
The agreement reports in agreements/ are scored by tests/store/test_agreements_locked.py.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKED = ROOT / "tests" / "locked"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--out", help="keep the coded output in this folder")
    ap.add_argument("--articles", type=Path, default=LOCKED / "articles",
                    help="score the articles of this folder only (e.g. the development articles in "
                         "tests/fixtures/articles_dev, which may be read while tuning)")
    args = ap.parse_args(argv)
    sentences = ("sentences_war", "sentences_world") if args.articles == LOCKED / "articles" else ()
    from parley.ingest import read_path
    from parley.model import Article, to_dict
    from parley.pipeline import Coder

    out = Path(args.out or tempfile.mkdtemp(prefix="parley-locked-"))
    out.mkdir(parents=True, exist_ok=True)
    coder = Coder()
    for name in sentences:
        gold = LOCKED / f"{name}.jsonl"
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        pred = out / f"{name}.jsonl"
        with open(pred, "w", encoding="utf-8") as f:
            for doc in coder.code(Article(id=r["id"], text=r["text"], date=r.get("date")) for r in rows):
                f.write(json.dumps(to_dict(doc), ensure_ascii=False) + "\n")
        print(f"== {name} ({len(rows)} sentences)")
        print(_score(args.scorer, gold, pred, tail=3))
    totals = {"found": [0, 0], "precision": [0, 0], "attributes": [0, 0]}
    for gold in sorted(args.articles.glob("*.gold.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        art = next(read_path(str(gold.parent / g["text_file"]), default_date=g["date"]))
        doc = next(coder.code([art]))
        pred = out / (gold.name.replace(".gold.json", ".jsonl"))
        pred.write_text(json.dumps(to_dict(doc), ensure_ascii=False) + "\n", encoding="utf-8")
        text = _score(args.scorer, gold, pred, tail=None)
        (out / (gold.name.replace(".gold.json", ".score.txt"))).write_text(text, encoding="utf-8")
        m = re.search(r"required recall (\d+)/(\d+).*precision (\d+)/(\d+)", text)
        a = re.search(r"attributes right (\d+)/(\d+)", text)
        for key, (x, y) in (("found", m.group(1, 2)), ("precision", m.group(3, 4)), ("attributes", a.group(1, 2))):
            totals[key][0] += int(x)
            totals[key][1] += int(y)
        print(f"   {gold.name:45s} found {m.group(1)}/{m.group(2)}  precision {m.group(3)}/{m.group(4)}  "
              f"attributes {a.group(1)}/{a.group(2)}")
    print("== articles: " + ", ".join(f"{k} {x}/{y} = {x / max(1, y):.2f}" for k, (x, y) in totals.items()))
    print(f"(coded output and per-article scores in {out})")
    return 0


def _score(scorer: str, gold: Path, pred: Path, tail: int | None) -> str:
    res = subprocess.run([sys.executable, scorer, str(gold), str(pred)], capture_output=True, text=True, check=True)
    lines = res.stdout.strip().splitlines()
    return "\n".join(lines[-tail:] if tail else lines)


if __name__ == "__main__":
    raise SystemExit(main())
