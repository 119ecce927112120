"""Library functions behind the command line."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TextIO

from parley.errors import Errors, InputError
from parley.export.formats import Writer
from parley.ingest import MAX_BYTES, ReadReport, read_path, read_paths
from parley.ingest.folders import samples_dir
from parley.model import Article
from parley.pipeline import Coder, Options
from parley.progress import progress_bar


@dataclass
class CodeReport:
    """What ``code_paths`` did: the read report (problems met), and the events written and seconds taken."""

    read: ReadReport
    events: int = 0
    seconds: float = 0.0


def code_paths(paths: list[str], out: TextIO | None, *, fmt: str = "table", date: str | None = None,
               min_confidence: float = 0.0, coder: Coder | None = None, max_bytes: int = MAX_BYTES,
               progress: bool = False, engine: str = "local", workers: int = 2,
               scheduler: str | None = None, folder: str | None = None) -> CodeReport:
    """Read ``paths``, code every article and write the output to ``out`` as it is produced, or, with
    ``fmt="parquet"``, as a Parquet dataset in ``folder`` (:mod:`parley.export.parts`). Articles over
    ``max_bytes`` are refused (P036) and the others coded; ``progress`` shows a bar on a terminal. With
    ``engine="dask"`` the articles are coded on a Dask cluster (a LocalCluster of ``workers`` processes, or the
    scheduler at ``scheduler``), the same output as in one process."""
    report = CodeReport(ReadReport())
    options = Options(min_confidence=min_confidence)
    scale = dask_engine() if engine == "dask" else None
    # a --date that is not one is P009 here, at once, before the coder loads
    articles = read_paths(paths, default_date=date, report=report.read, max_bytes=max_bytes)
    bar = progress_bar(paths, progress)
    start = time.perf_counter()
    try:
        if fmt == "parquet":
            _code_parts(articles, folder, options, coder, scale, workers, scheduler, report, bar)
        else:
            if scale is not None:
                docs = scale.code_dask(articles, workers=workers, scheduler=scheduler, options=options)
            else:
                docs = (coder or Coder(options)).code(articles)
            writer = Writer(out, fmt)
            for doc in docs:
                writer.write(doc)
                report.events += len(doc.events)
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    report.seconds = time.perf_counter() - start
    return report


def dask_engine():
    """parley.scale, or P029 when Dask is not installed."""
    try:
        from parley import scale
    except ImportError as exc:
        raise InputError("P029", "--engine dask", Errors.P029.format(reason=exc)) from None
    return scale


def _code_parts(articles, folder, options, coder, scale, workers, scheduler, report, bar) -> None:
    """Code ``articles`` into the Parquet parts of ``folder``: written by the workers on Dask, else here."""
    from parley.export.analyst import require_pyarrow
    from parley.export.parts import PART_ARTICLES, partitions, parts_folder, write_part

    if not folder:
        raise InputError("P019", "--format parquet", Errors.P019)
    require_pyarrow("--format parquet")
    where = str(parts_folder(folder).resolve())
    parts = enumerate(partitions(articles, PART_ARTICLES))
    if scale is not None:
        with scale.cluster(options, workers, scheduler) as client:
            calls = ((len(p), scale.code_part, (p, options, where, i)) for i, p in parts)
            counts = (result for _, result in scale.ordered(client, calls))
            _count(counts, report, bar)
    else:
        coder = coder or Coder(options)
        _count(((len(p), write_part(list(coder.code(p)), where, i)) for i, p in parts), report, bar)


def _count(counts, report: CodeReport, bar) -> None:
    for docs, events in counts:
        report.events += events
        if bar is not None:
            bar.update(docs)


def sample_articles() -> list[Article]:
    """The sample articles bundled with parley, with the titles, outlets and dates of their manifest."""
    return list(read_path(samples_dir()))


def code_samples(out: TextIO, *, fmt: str = "table", coder: Coder | None = None) -> ReadReport:
    """Code the bundled sample articles and write them to ``out``."""
    return code_paths([samples_dir()], out, fmt=fmt, coder=coder).read
