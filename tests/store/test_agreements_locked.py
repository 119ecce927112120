"""The locked agreement reports (tests/locked/agreements/): corridors, local ceasefires and exchanges, each ingested
on its own. Written before the work on agreements and not read while tuning; this test reads only their
expected.json. Issue 12's bar: an agreement of the right kind and parties for at least 80% of the reports, and
the route's end points among its route places for at least 70% of the reports that name a route."""
import json
from pathlib import Path

import pytest

from parley.ground.places import haversine_km
from parley.store import Store, ingest
from parley.store.agreements import find_agreements

LOCKED = Path(__file__).resolve().parents[1] / "locked" / "agreements"
NEAR_KM = 20


def _sides(parties) -> set[str]:
    """Countries of an agreement's parties ("SDN-MIL" and "SDN-REB" are both Sudan)."""
    return {p.split("-")[0] for p in parties}


def _found(report: dict, agreements) -> tuple[bool, bool | None]:
    """(an agreement of the report's kind and parties, its route's end points among its places or None)."""
    right = [a for a in agreements if a.kind == report["kind"] and _sides(a.parties) == set(report["parties"])]
    if not right:
        return False, (False if report.get("route_ends") else None)
    if not report.get("route_ends"):
        return True, None
    points = [(p["lat"], p["lon"]) for a in right for p in (getattr(a, "route", None) or [])
              if p.get("lat") is not None]
    ends = all(any(haversine_km(lat, lon, plat, plon) <= NEAR_KM for plat, plon in points)
               for lat, lon in report["route_ends"])
    return True, ends


@pytest.fixture(scope="module")
def results(coder, tmp_path_factory):
    expected = json.loads((LOCKED / "expected.json").read_text(encoding="utf-8"))
    out = []
    for i, report in enumerate(expected):
        db = tmp_path_factory.mktemp("locked") / f"a{i}.db"
        store = Store(f"sqlite:///{db}")
        ingest([str(LOCKED / report["file"])], store, coder=coder, progress=False, version="v1",
               date=report["date"])
        out.append((report, _found(report, find_agreements(list(store.events()), store.texts()))))
    return out


# Measured at the end of the work on issue 12 (5bb818f and after): 5 of 18 reports give an agreement of the right
# kind and parties, and 0 of the 8 that name a route give both its end points. The rules were tuned on reports
# written beside them (31/32 there) and do not carry over: the bar is not met, and these tests say so until it is.
SHORT = "below issue 12's bar on the locked reports (5/18 kind and parties; 0/8 routes): see the issue's note"


@pytest.mark.xfail(strict=True, reason=SHORT)
def test_locked_reports_give_agreements_of_the_right_kind_and_parties(results):
    right = sum(ok for _, (ok, _) in results)
    assert len(results) >= 15
    assert right / len(results) >= 0.80, [(r["file"], ok) for r, (ok, _) in results]


@pytest.mark.xfail(strict=True, reason=SHORT)
def test_locked_routes_have_their_end_points(results):
    routed = [ends for _, (_, ends) in results if ends is not None]
    assert routed, "no locked report names a route"
    assert sum(routed) / len(routed) >= 0.70, [(r["file"], ends) for r, (_, ends) in results]
