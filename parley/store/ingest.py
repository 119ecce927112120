"""``parley ingest``: read, code and store articles, batch by batch, resumable.

Each batch is one transaction: a run killed at any point loses only the batch it was writing, and a rerun
skips every article already stored by the same coder version (by URL or by text), so it resumes where the
killed run stopped and stores nothing twice. An article stored by an older coder version is coded again and
its events replaced. Two runs into one store at once may both code an article, but it is stored once: the
store looks again as it writes (:meth:`Store.write_batch`).
"""
from __future__ import annotations

import functools
import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from parley.ingest import MAX_BYTES, ReadReport, read_paths
from parley.model import Article
from parley.progress import progress_bar, summary
from parley.store.store import Store, content_hash

BATCH = 64


@functools.lru_cache(maxsize=1)
def coder_version() -> str:
    """The parley version and a digest of what codes (its rules' code, lexicons, gazetteers and models): events
    coded by another version are coded again on ingest."""
    from parley import __version__

    digest = hashlib.sha256()
    base = Path(str(resources.files("parley")))
    coding = [p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts and "samples" not in p.parts
              and (p.suffix == ".py" or "data" in p.relative_to(base).parts)]
    for path in sorted(coding):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    events: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> records skipped
    reprints: int = 0  # new sources recorded for articles already stored (the same text elsewhere)
    seconds: float = 0.0
    errors: list = field(default_factory=list)

    def summary(self, totals: dict[str, int]) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        lines = [f"read {self.read} articles in {self.seconds:.1f} s ({rate:.1f} articles/s); "
                 f"stored {self.stored} articles with {self.events} events"]
        if self.reprints:
            lines.append(f"recorded {self.reprints} more sources of articles already stored (the same text reprinted)")
        for reason, n in sorted(self.skipped.items()):
            lines.append(f"skipped {n}: {reason}")
        lines.append("store now holds " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in totals.items()))
        lines.append(summary("ingest", self.read, self.events, sum(self.skipped.values()), self.seconds))
        return "\n".join(lines)


def totals(store: Store) -> dict[str, int]:
    """What the store holds: articles, events, story events (reports merged) and agreements."""
    from parley.store.agreements import find_agreements
    from parley.store.stories import merge

    counts = store.counts()
    events = list(store.events())
    texts = store.texts()
    counts["story_events"] = len(merge(events, texts))
    counts["agreements"] = len(find_agreements(events, texts))
    return counts


@dataclass
class Sorted:
    """A batch of articles sorted before coding (:func:`sort_batch`)."""

    todo: list[Article] = field(default_factory=list)
    """To code: new, or stored by another coder version."""
    repeated: list[Article] = field(default_factory=list)
    """The same text (or URL) met before in this input: not coded again, recorded as another source."""
    stored: list[Article] = field(default_factory=list)
    """Already stored by this coder version: not coded again, recorded as another source."""


def sort_batch(store: Store, batch: list[Article], version: str, seen: set[str]) -> Sorted:
    """Which of ``batch`` to code, which repeat this input (``seen``: the text hashes and URLs met so far, updated
    here) and which the store holds by coder ``version`` already (by URL or text: :meth:`Store.lookup`)."""
    found = store.lookup(batch)
    out = Sorted()
    for art in batch:
        h = content_hash(art.text)
        old = found.get(h)
        if h in seen or (art.url and art.url in seen):
            out.repeated.append(art)
        elif old is not None and old.coder_version == version and old.content_hash == h:
            out.stored.append(art)
        else:
            out.todo.append(art)
        seen.add(h)
        if art.url:
            seen.add(art.url)
    return out


def ingest(paths: list[str], store: Store, *, date: str | None = None, coder=None, batch: int = BATCH,
           progress: bool = True, version: str | None = None, max_bytes: int = MAX_BYTES, engine: str = "local",
           workers: int = 2, scheduler: str | None = None, client=None) -> IngestReport:
    """Code and store the articles under ``paths``; see the module docstring.

    With ``engine="dask"`` the batches are coded on a Dask cluster (``client``, else the scheduler at
    ``scheduler``, else a LocalCluster of ``workers`` processes) while this process, the one writer, sorts the
    batches before they go and stores them in input order as they come back: the store ends up as in one
    process."""
    from parley.pipeline import Coder, Options

    version = version or coder_version()
    report = IngestReport()
    read = ReadReport()
    bar = progress_bar(paths, progress)
    start = time.perf_counter()
    seen: set[str] = set()  # texts (and URLs) this run has met: a second copy in the input is skipped

    def batches():
        """The input in sorted batches, with the number of articles each was cut from."""
        pending: list[Article] = []
        for art in read_paths(paths, default_date=date, report=read, max_bytes=max_bytes):
            if not (art.text or "").strip():
                report.skipped["no text"] += 1
                continue
            pending.append(art)
            report.read += 1
            if len(pending) >= batch:
                yield sort_batch(store, pending, version, seen), len(pending)
                pending = []
        if pending:
            yield sort_batch(store, pending, version, seen), len(pending)

    if engine == "dask":
        from parley.library import dask_engine

        scale = dask_engine()
        options = coder.options if coder is not None else Options()
        with scale.cluster(options, workers, scheduler, client) as client:
            calls = (((part, n), scale.code_aligned, (part.todo, options)) for part, n in batches())
            for (part, n), docs in scale.ordered(client, calls):
                _store(store, part, docs, version, report)
                if bar is not None:
                    bar.update(n)
    else:
        coder = coder or Coder()
        for part, n in batches():
            _store(store, part, list(coder.code(part.todo)), version, report)
            if bar is not None:
                bar.update(n)
    if bar is not None:
        bar.close()
    for err in read.errors:
        report.skipped[f"unreadable ({err.code})"] += 1
    report.errors = list(read.errors)
    report.seconds = time.perf_counter() - start
    return report


def _store(store: Store, batch: Sorted, docs: list, version: str, report: IngestReport) -> None:
    """Write one coded batch in one transaction: the coded articles, and one more source for each reprint (the same
    text from another outlet or URL); an article another process stored meanwhile is left as it is and counted as
    skipped."""
    for reason, arts in (("the same article twice in this input", batch.repeated),
                         ("already stored by this coder version", batch.stored)):
        if arts:
            report.skipped[reason] += len(arts)
    coded = [(art, doc) for art, doc in zip(batch.todo, docs, strict=True) if doc is not None]
    if len(coded) < len(docs):
        report.skipped["coding failed (P055)"] += len(docs) - len(coded)
    done = store.write_batch(coded, version, batch.repeated + batch.stored)
    report.stored += done.articles
    report.events += done.events
    report.reprints += done.sources
    if done.already:
        report.skipped["already stored by this coder version"] += done.already
