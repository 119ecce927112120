"""Fuzz: hostile inputs through the readers and the coder; no uncaught exception, every rejection coded.

A bounded slice for CI (about a thousand inputs through the readers, two hundred through the coder);
``python scripts/fuzz.py --n 10000`` runs the full set. The inputs are described in ``fuzz/inputs.py``.
"""
from __future__ import annotations

from fuzz.inputs import Tally, folder_input, one_input, run
from hypothesis import HealthCheck, given, settings

SLICE = settings(deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
"""The same inputs on every run (CI stays deterministic); scripts/fuzz.py draws new ones."""


def check(tally: Tally) -> None:
    assert not tally.failures, "\n\n".join(tally.failures[:3])


@settings(SLICE, max_examples=800)
@given(one_input())
def test_readers_survive_hostile_input(item):
    tally = Tally()
    run(item, tally)
    check(tally)


@settings(SLICE, max_examples=100)
@given(folder_input())
def test_folders_with_manifests_survive_hostile_input(item):
    tally = Tally()
    run(item, tally)
    check(tally)


@settings(SLICE, max_examples=200)
@given(one_input())
def test_coder_survives_what_the_readers_give(coder, item):
    tally = Tally()
    run(item, tally, coder)
    check(tally)
