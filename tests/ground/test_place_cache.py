"""The place index is built once and then read from a cache file: written atomically, rebuilt when damaged,
switched off with an empty PARLEY_CACHE."""
import os

import pytest

from parley.ground import places
from parley.ground.places import Place, PlaceIndex


def _tiny() -> PlaceIndex:
    town = Place("Testville", "XXA", "North", 1.0, 2.0, 7, 1234, "city")
    return PlaceIndex({"testville": [town]}, {}, {})


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """load_places with its per-process memo cleared, a fake builder that counts its calls, and the cache in
    a temporary directory."""
    calls = []

    def build():
        calls.append(1)
        return _tiny()

    monkeypatch.setattr(places, "build_places", build)
    monkeypatch.setenv("PARLEY_CACHE", str(tmp_path))
    places.load_places.cache_clear()
    yield calls, tmp_path
    places.load_places.cache_clear()


def test_second_run_reads_the_cache_instead_of_building(fresh):
    calls, root = fresh
    first = places.load_places()
    assert calls == [1]
    files = os.listdir(root)
    assert len(files) == 1 and files[0].startswith("places-") and files[0].endswith(".pickle")
    places.load_places.cache_clear()
    second = places.load_places()
    assert calls == [1]  # not rebuilt
    assert second.lookup("Testville") == first.lookup("Testville")
    assert second.lookup("Testville").geonameid == 7


def test_damaged_cache_is_rebuilt_and_replaced(fresh):
    calls, root = fresh
    places.load_places()
    path = os.path.join(root, os.listdir(root)[0])
    with open(path, "wb") as f:
        f.write(b"not a pickle")
    places.load_places.cache_clear()
    index = places.load_places()
    assert calls == [1, 1]
    assert index.lookup("Testville") is not None
    places.load_places.cache_clear()
    places.load_places()
    assert calls == [1, 1]  # the rewritten file is good again


def test_empty_setting_turns_the_cache_off(fresh, monkeypatch):
    calls, root = fresh
    monkeypatch.setenv("PARLEY_CACHE", "")
    places.load_places()
    places.load_places.cache_clear()
    places.load_places()
    assert calls == [1, 1]
    assert os.listdir(root) == []
