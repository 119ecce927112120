"""Matching coded events against hand-coded expectations (the format of tests/golden/expected.json).

An expected event is found when a coded event has one of its types, its evidence sentence contains the
anchor, and its actor and recipient countries meet the expected source and target (either way round when
the expectation is symmetric; a compound actor holding both sides also counts there).
"""
from __future__ import annotations


def _countries(ents) -> set[str]:
    return {e["country"] for e in ents or [] if e.get("country")}


def found(expected: dict, event: dict, text: str) -> bool:
    if event["event_type"] not in expected["type"]:
        return False
    ev = event["evidence"]
    at = text.find(expected["anchor"])
    if at < 0 or not (ev["start"] <= at and at + len(expected["anchor"]) <= ev["end"]):
        return False
    actors, recips = _countries(event["actor"]), _countries(event["recipient"])
    src, tgt = set(expected["source"]), set(expected["target"])
    if not tgt:
        return bool(actors & src)

    def meet(a, r, s, t):
        return any(x != y or s == t for x in a & s for y in r & t)

    if meet(actors, recips, src, tgt):
        return True
    return bool(expected.get("symmetric")) and (meet(actors, recips, tgt, src) or meet(actors, actors, src, tgt))


def match(expected: list[dict], events: list[dict], text: str) -> dict[int, int]:
    """A maximum matching expected index -> event index, required expectations first."""
    order = sorted(range(len(expected)), key=lambda i: not expected[i].get("required", True))
    ok = {i: [j for j, e in enumerate(events) if found(expected[i], e, text)] for i in order}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in ok[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in order:
        augment(i, set())
    return {i: j for j, i in owner.items()}
