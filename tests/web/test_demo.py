"""The demo store (parley/web/demo.py): the bundled samples coded into a cached SQLite file, built once per coder
version and set of samples, found again by later runs, and holding the energy ceasefire and its violations."""
import json
import os
import sys
from importlib import resources

import pytest

from parley.store import open_store
from parley.web import demo

OPENED: list[str] = []
_WATCH = [False]


def _audit(event, args):
    if _WATCH[0] and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # records the files opened while the demo store is built (off otherwise)


@pytest.fixture(scope="module")
def built(coder, tmp_path_factory):
    """The demo store built once in a temporary cache directory with the session's coder; the files it opened."""
    root = tmp_path_factory.mktemp("cache")
    _WATCH[0] = True
    try:
        url = demo.demo_store(coder=coder, root=str(root))
    finally:
        _WATCH[0] = False
    return root, url



def fake_builds(monkeypatch) -> list:
    """Replace the demo build (which codes the samples) by an empty file; the list collects the paths built."""
    made = []

    def fake_build(path, *, coder=None, version=None):
        made.append(path)
        open(path, "wb").close()
        return f"sqlite:///{path}"

    monkeypatch.setattr(demo, "build_demo", fake_build)
    return made

def test_building_the_demo_store_never_reads_shared(built):
    from tests.conftest import SHARED

    assert OPENED, "the audit hook saw no file opened"
    assert any("samples" in path for path in OPENED)
    shared = os.path.realpath(SHARED)
    assert not [p for p in OPENED if os.path.realpath(p).startswith(shared + os.sep)]


def test_demo_store_holds_every_sample(built):
    root, url = built
    assert url.startswith("sqlite:///") and url.endswith(".db")
    path = url[len("sqlite:///"):]
    assert os.path.dirname(path) == str(root) and os.path.basename(path).startswith("demo-")
    assert os.listdir(root) == [os.path.basename(path)]  # no temporary file left behind
    index = json.loads((resources.files("parley") / "samples" / "index.json").read_text(encoding="utf-8"))
    store = open_store(url)
    counts = store.counts()
    assert counts["articles"] == len(index)
    assert counts["events"] > 5 * len(index)
    titles = {r["doc_id"]: r["title"] for r in store.events()}
    assert titles == {row["file"]: row["title"] for row in index}  # the manifest's titles came with them


def test_second_call_reads_the_cached_file(built, monkeypatch):
    root, url = built

    def no_build(*args, **kwargs):
        raise AssertionError("the demo store was built again")

    monkeypatch.setattr(demo, "build_demo", no_build)
    assert demo.demo_store(root=str(root)) == url


def test_cache_dir_is_parley_cache(built, monkeypatch):
    root, url = built
    monkeypatch.setenv("PARLEY_CACHE", str(root))
    monkeypatch.setattr(demo, "build_demo", lambda *a, **k: pytest.fail("the demo store was built again"))
    assert demo.demo_store() == url


def test_xdg_cache_home_when_no_parley_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("PARLEY_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = fake_builds(monkeypatch)
    url = demo.demo_store()
    assert made and os.path.dirname(made[0]) == str(tmp_path / "parley")
    assert url == f"sqlite:///{made[0]}"


def test_new_coder_version_builds_a_new_store_and_removes_the_old(monkeypatch, tmp_path):
    made = fake_builds(monkeypatch)
    monkeypatch.setattr(demo, "coder_version", lambda: "9.9.9+aaaaaaaaaaaa")
    first = demo.demo_store(root=str(tmp_path))
    assert demo.demo_store(root=str(tmp_path)) == first and len(made) == 1
    monkeypatch.setattr(demo, "coder_version", lambda: "9.9.9+bbbbbbbbbbbb")
    second = demo.demo_store(root=str(tmp_path))
    assert second != first and len(made) == 2
    assert os.listdir(tmp_path) == [os.path.basename(made[1])]


def test_caching_off_builds_in_a_temporary_directory(monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE", "")
    made = fake_builds(monkeypatch)
    url = demo.demo_store()
    assert os.path.basename(os.path.dirname(made[0])).startswith("parley-demo-")
    os.remove(made[0])
    os.rmdir(os.path.dirname(made[0]))
    assert url.endswith(".db")


def test_demo_store_holds_the_energy_ceasefire_and_its_alleged_violations(built):
    from parley.store.agreements import find_agreements

    _, url = built
    store = open_store(url)
    found = find_agreements(list(store.events()), store.texts())
    energy = [a for a in found if a.kind == "ceasefire" and "energy" in (a.scope or [])]
    assert energy, [(a.kind, a.scope, a.parties) for a in found]
    deal = energy[0]
    assert {"RUS", "UKR"} <= set(deal.parties)
    assert "USA" in deal.mediators
    accusers = {v.alleged_by for v in deal.violations}
    assert {"RUS", "UKR"} <= accusers
