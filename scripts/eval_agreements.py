#!/usr/bin/env python
"""Agreement records on reports we wrote: kind, parties, mediators, route ends and time window.

    python scripts/eval_agreements.py [--reports tests/fixtures/agreements/reports.jsonl] [-v]

Each report (a JSON Lines record with its expected agreement under ``expect``) is ingested on its own into a
fresh SQLite store, and ``find_agreements`` reads the store. A report scores on:
- kind: one agreement of the expected kind (and no other agreement);
- parties: that agreement's parties are the expected ones (kind and parties: both right);
- mediators: equal to the expected ones, where the report names any;
- route ends: the first and last route places within 20 km of the real towns, where the report names a route;
- window: ``start`` and ``end`` as expected, where the report states them.
Prints each share, and with -v each report's misses.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "agreements" / "reports.jsonl"
ROUTE_KM = 20


def score(record: dict, agreements: list) -> dict[str, bool | None]:
    """What one report got right (None: the report states nothing to score)."""
    from parley.ground.places import haversine_km

    want = record["expect"]
    same = [a for a in agreements if a.kind == want["kind"]]
    a = same[0] if len(same) == 1 else None
    out: dict[str, bool | None] = {"kind": a is not None and len(agreements) == 1}
    out["parties"] = a is not None and a.parties == want["parties"]
    out["kind and parties"] = bool(out["kind"] and out["parties"])
    out["mediators"] = (a is not None and a.mediators == want["mediators"]) if "mediators" in want else None
    for end, at in (("route start", 0), ("route end", -1)):
        if "route" not in want:
            out[end] = None
            continue
        _, lat, lon = want["route"]["from" if at == 0 else "to"]
        place = a.route[at] if a is not None and a.route else None
        out[end] = place is not None and haversine_km(lat, lon, place["lat"], place["lon"]) <= ROUTE_KM
    for key in ("start", "end"):
        out[key] = (a is not None and getattr(a, key) == want[key]) if key in want else None
    return out


def run(path: Path, coder) -> list[tuple[dict, dict, list]]:
    """Each record of ``path`` with its score and agreements, every report ingested into a store of its own."""
    from parley.store import Store, ingest
    from parley.store.agreements import find_agreements

    results = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        with tempfile.TemporaryDirectory() as tmp:
            one = Path(tmp) / "report.jsonl"
            one.write_text(line + "\n", encoding="utf-8")
            store = Store(f"sqlite:///{Path(tmp) / 'a.db'}")
            ingest([str(one)], store, coder=coder, progress=False, version="eval")
            found = find_agreements(list(store.events()), store.texts())
            store.engine.dispose()
        results.append((record, score(record, found), found))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=Path, default=REPORTS, help="JSON Lines of reports with their 'expect'")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each report's misses")
    args = ap.parse_args()
    from parley.pipeline import Coder

    results = run(args.reports, Coder())
    keys = list(results[0][1]) if results else []
    print(f"{len(results)} reports")
    for key in keys:
        scored = [s[key] for _, s, _ in results if s[key] is not None]
        if scored:
            print(f"{key:18s} {sum(scored)}/{len(scored)} = {sum(scored) / len(scored):.2f}")
    if args.verbose:
        for record, s, found in results:
            missed = [k for k, v in s.items() if v is False]
            if missed:
                print(f"- {record['id']}: missed {', '.join(missed)}; found "
                      + "; ".join(f"{a.kind} {a.parties} {a.mediators} "
                                  f"{[p['name'] for p in a.route]} {a.start}..{a.end}" for a in found))


if __name__ == "__main__":
    main()
