"""parley code and parley ingest with --engine dask write what one process writes."""
import pytest

from tests.test_cli import parley, write

TEXTS = ["Russian drones attacked Kharkiv on Tuesday, the governor said.",
         "Ukraine and Russia exchanged 150 prisoners each on Friday, with the UAE mediating.",
         "Protesters marched in Tbilisi against the government's decision to suspend EU talks.",
         "The weather was mild across the region on Sunday."]


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    for i, text in enumerate(TEXTS):
        write(folder / f"{i:02d}.txt", text + "\n")
    return folder


def test_code_with_the_dask_engine_gives_the_single_process_output(news):
    local = parley("code", news, "--format", "jsonl", "--date", "2025-03-07", "--quiet")
    dask = parley("code", news, "--format", "jsonl", "--date", "2025-03-07", "--quiet", "--engine", "dask",
                  "--workers", "2")
    assert local.code == dask.code == 0, dask
    assert dask.out == local.out and len(dask.docs()) == 4
    assert dask.err == ""  # the cluster's own log stays quiet without -v


def test_ingest_with_the_dask_engine_stores_what_one_process_stores(news, tmp_path):
    exports = []
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.db"
        done = parley("ingest", news, "--db", db, "--date", "2025-03-07", "--quiet", "--engine", engine)
        assert done.code == 0, done
        assert "stored 4 articles" in done.err
        exports.append(parley("export", "--db", db, "--format", "jsonl").out)
    assert exports[0] == exports[1] and exports[0].count("\n") >= 3


def test_parquet_needs_a_folder(news):
    done = parley("code", news, "--format", "parquet", "--quiet")
    assert done.code == 2 and "P019" in done.err and "-o FOLDER" in done.err
