"""``parley code --format parquet -o FOLDER``: coded events as a Parquet dataset, one file per partition.

The articles are cut into partitions of :data:`PART_ARTICLES` in input order; partition ``i`` is written to
``FOLDER/part-<i>.parquet`` (five digits), one row per event with the columns and kinds of
``parley code --format csv`` (:data:`~parley.export.formats.CSV_TYPES`). On a Dask cluster each worker writes the
partitions it codes, so no event passes through the client; in one process the same files are written, so the
dataset is the same either way. ``pandas.read_parquet(FOLDER)`` reads it back in order.

A file is written under a temporary name and renamed when complete: a run that is stopped leaves whole parts
only. A folder that already holds parts is refused (P027) rather than mixed with a new run.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from parley.errors import Errors, InputError
from parley.export.formats import CSV_TYPES, event_row
from parley.model import Article, CodedDocument

PART_ARTICLES = 64
"""Articles per Parquet part (and per Dask task)."""


def part_path(folder: str | Path, index: int) -> Path:
    return Path(folder) / f"part-{index:05d}.parquet"


def parts_folder(path: str) -> Path:
    """The folder ``path`` made ready for parts: created if missing; P027 when it cannot be, when it is a file,
    or when it already holds parts."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError("P027", path, Errors.P027.format(reason=exc.strerror or exc)) from None
    if next(folder.glob("part-*.parquet"), None) is not None:
        reason = "the folder already holds part-*.parquet files of an earlier run; remove them or choose another"
        raise InputError("P027", path, Errors.P027.format(reason=reason))
    return folder


def write_part(docs: list[CodedDocument], folder: str | Path, index: int) -> int:
    """Write the events of ``docs`` as part ``index`` of the dataset in ``folder``; the number of events."""
    from parley.export.analyst import write_parquet

    rows = [event_row(doc, i, e) for doc in docs for i, e in enumerate(doc.events)]
    final = part_path(folder, index)
    temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    write_parquet([rows], str(temporary), types=CSV_TYPES)
    os.replace(temporary, final)
    return len(rows)


def partitions(articles: Iterable[Article], size: int = PART_ARTICLES) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size`` in input order (the last may be shorter)."""
    if size < 1:  # here, before a cluster is started for nothing
        raise ValueError(f"partition must be at least 1, not {size}")
    it = iter(articles)
    return iter(lambda: list(islice(it, size)), [])
