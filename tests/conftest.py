"""Shared fixtures: one coder (spaCy pipeline, lexicon, gazetteer) for the whole session."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from parley.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.exists():
        pytest.skip("../shared is not present (a user's clone): this test reads the shared evaluation data")
    return SHARED
