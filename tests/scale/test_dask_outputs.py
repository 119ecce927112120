"""The other outputs of the Dask engine: Parquet parts written by the workers, and parley ingest with one writer,
each the same as in one process."""
from __future__ import annotations

import io
import math

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from parley.errors import InputError  # noqa: E402
from parley.export.analyst import export  # noqa: E402
from parley.export.parts import PART_ARTICLES  # noqa: E402
from parley.ingest import ReadReport  # noqa: E402
from parley.library import CodeReport, _code_parts  # noqa: E402
from parley.model import Article  # noqa: E402
from parley.store import open_store  # noqa: E402
from parley.store.ingest import ingest  # noqa: E402
from tests.scale.test_dask import articles  # noqa: E402


def parts(folder, arts, coder, scale=None, client=None):
    report = CodeReport(ReadReport())
    if scale is None:
        _code_parts(iter(arts), str(folder), coder.options, coder, None, 2, None, report, None)
    else:
        _code_parts(iter(arts), str(folder), coder.options, None, scale, 2, client.scheduler.address, report, None)
    return report


def test_workers_write_the_parquet_parts_one_process_writes(tmp_path, client, coder):
    from parley import scale

    arts = articles(150, seed=21)
    local = parts(tmp_path / "local", arts, coder)
    dask = parts(tmp_path / "dask", arts, coder, scale, client)
    names = sorted(p.name for p in (tmp_path / "dask").iterdir())
    assert names == [f"part-{i:05d}.parquet" for i in range(math.ceil(150 / PART_ARTICLES))]
    assert names == sorted(p.name for p in (tmp_path / "local").iterdir())
    for name in names:
        assert pq.read_table(tmp_path / "dask" / name).equals(pq.read_table(tmp_path / "local" / name))
    table = pq.read_table(tmp_path / "dask")
    assert table.num_rows == dask.events == local.events > 100
    ids = table.column("doc_id").to_pylist()
    assert ids == sorted(ids)  # the parts read back in input order (the ids are in input order)
    assert str(table.schema.field("doc_date").type) == "date32[day]"


def test_a_folder_that_holds_parts_is_refused(tmp_path, coder):
    parts(tmp_path, articles(3, seed=2), coder)
    with pytest.raises(InputError) as err:
        parts(tmp_path, articles(3, seed=2), coder)
    assert err.value.code == "P027" and str(tmp_path) in str(err.value)


def stored(db) -> str:
    out = io.StringIO()
    export(open_store(db).events(), "jsonl", out)
    return out.getvalue()


def test_ingest_on_dask_stores_what_one_process_stores(tmp_path, client, coder):
    arts = articles(120, seed=33)
    # a reprint of an early article in a later batch, and the same URL twice
    arts.append(Article(id="reprint", text=arts[3].text, outlet="Other Wire", date=arts[3].date))
    arts[50].url = arts[90].url = "https://news.example/x"
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "news.jsonl", "w", encoding="utf-8") as f:
        import json

        for a in arts:
            f.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "date": a.date, "outlet": a.outlet,
                                "url": a.url}) + "\n")
    seed = tmp_path / "seed.jsonl"  # 10 articles stored before: skipped by both
    seed.write_text("".join(line for line in open(folder / "news.jsonl", encoding="utf-8").readlines()[:10]))
    reports = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.db"
        ingest([str(seed)], open_store(db), coder=coder, batch=16, progress=False)
        reports[engine] = ingest([str(folder)], open_store(db), coder=coder, batch=16, progress=False,
                                 engine=engine, client=client)
    local, dask = reports["local"], reports["dask"]
    assert (dask.read, dask.stored, dask.events, dask.reprints) == (local.read, local.stored, local.events,
                                                                    local.reprints)
    assert dask.skipped == local.skipped and sum(local.skipped.values()) >= 12
    assert local.stored == 121 - 10 - 2 and local.events > 100
    assert stored(tmp_path / "dask.db") == stored(tmp_path / "local.db")
