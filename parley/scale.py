"""Coding on a Dask cluster: the same output as one process, on many cores or machines.

:func:`code_dask` cuts the articles into partitions (lists of up to ``partition`` articles), sends them to the
workers of a ``distributed`` cluster (a LocalCluster it starts, or the scheduler at an address), where each
worker process holds ONE :class:`~parley.pipeline.Coder` (built by :class:`CoderPlugin` when the worker starts,
kept in a per-process cache), and yields the coded documents in input order. Only a bounded number of
partitions is in flight at a time, so memory does not grow with the number of articles.

The output is identical to ``Coder(options).code(articles)``: every article is coded by the same code and
data; the coder's chunks never mix articles.

Dask is an optional dependency (``pip install 'parley[dask]'``): this module imports it, and parley imports this
module only when asked to run on Dask.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TypeVar

from distributed import WorkerPlugin

from parley.export.parts import partitions
from parley.model import Article, CodedDocument
from parley.pipeline import Coder, Options

log = logging.getLogger(__name__)
K = TypeVar("K")

# One thread per worker process for every numeric library: the cluster's parallelism is its processes.
THREAD_ENV = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                     "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}
THREAD_ENV["TOKENIZERS_PARALLELISM"] = "false"
# A fixed string-hash seed, the same in every worker (the client's when it has one): a result that depends on
# the order of a set (a bug) is then at least the same on every worker and in every run.
HASH_SEED = "0"

# The coders of this process, by their options: built once per worker process, reused by every partition.
_CODERS: dict[Options, Coder] = {}


def worker_coder(options: Options) -> Coder:
    """This process's coder for ``options``, built on first use and then reused."""
    coder = _CODERS.get(options)
    if coder is None:
        coder = _CODERS[options] = Coder(options)
    return coder


class CoderPlugin(WorkerPlugin):
    """A Dask worker plugin that builds the worker's coder when the worker starts (and when a worker joins
    later), so that model loading happens once per worker and before the first partition arrives."""

    name = "parley-coder"

    def __init__(self, options: Options):
        self.options = options

    def setup(self, worker) -> None:
        for key, value in THREAD_ENV.items():
            os.environ.setdefault(key, value)
        worker_coder(self.options)

    def teardown(self, worker) -> None:
        _CODERS.pop(self.options, None)


def code_partition(articles: list[Article], options: Options) -> list[CodedDocument]:
    """Code one partition on a worker. When the partition fails as a whole, its articles are coded one by one,
    so that one article that cannot be coded (logged as P055 and left out) never loses the others."""
    return [doc for doc in code_aligned(articles, options) if doc is not None]


def code_aligned(articles: list[Article], options: Options) -> list[CodedDocument | None]:
    """As :func:`code_partition`, with None in the place of an article that could not be coded: one entry per
    article, in order (what a writer that pairs articles with their documents needs)."""
    coder = worker_coder(options)
    try:
        return list(coder.code(articles))
    except Exception:  # one bad article: retried one by one below
        log.warning("coding a partition of %d articles failed; coding them one by one", len(articles))
    docs: list[CodedDocument | None] = []
    for art in articles:
        try:
            docs.extend(coder.code([art]))
        except Exception:
            log.exception("[P055] %s: coding the article failed; it is left out of the output", art.id)
            docs.append(None)
    return docs


def code_part(articles: list[Article], options: Options, folder: str, index: int) -> tuple[int, int]:
    """Code one partition on a worker and write its events as Parquet part ``index`` in ``folder`` (a path every
    worker can reach); (documents, events)."""
    from parley.export.parts import write_part

    docs = code_partition(articles, options)
    return len(docs), write_part(docs, folder, index)


def start_cluster(workers: int = 2, scheduler: str | None = None, **cluster_kwargs):
    """A ``distributed.Client`` on the scheduler at ``scheduler``, or on a new LocalCluster of ``workers``
    processes with one thread each (its numeric libraries limited to one thread). Close it when done."""
    from distributed import Client, LocalCluster

    quiet = not logging.getLogger().isEnabledFor(logging.INFO)  # parley -v shows the cluster's own log
    if quiet:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        return Client(scheduler)
    env = dict(THREAD_ENV, PYTHONHASHSEED=os.environ.get("PYTHONHASHSEED", HASH_SEED))
    if quiet:
        env["DASK_LOGGING__DISTRIBUTED"] = "warning"
    # the scheduler's HTTP server on a free port: on the usual 8787 a second cluster on the machine would warn
    kwargs = dict(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", env=env)
    kwargs.update(cluster_kwargs)
    import dask

    with dask.config.set({"distributed.nanny.pre-spawn-environ": env}):  # read when the interpreter starts
        cluster = LocalCluster(**kwargs)
    client = Client(cluster)
    client._parley_cluster = cluster  # closed with the client by close_cluster
    return client


def close_cluster(client) -> None:
    """Close ``client`` and the LocalCluster :func:`start_cluster` made for it, if any."""
    cluster = getattr(client, "_parley_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def use_coder(client, options: Options) -> None:
    """Make every worker of ``client`` (and every worker that joins later) build its coder for ``options`` now.
    Registered once per client and options: a second run on the same client reuses the loaded coders."""
    registered = client.__dict__.setdefault("_parley_coders", set())
    if options in registered:
        return
    digest = hashlib.sha1(repr(options).encode()).hexdigest()[:12]
    client.register_plugin(CoderPlugin(options), name=f"{CoderPlugin.name}-{digest}")
    registered.add(options)


@contextmanager
def cluster(options: Options, workers: int = 2, scheduler: str | None = None, client=None) -> Iterator:
    """A client whose workers hold a coder for ``options`` (:func:`use_coder`): ``client`` itself (left open), or
    one on ``scheduler`` or on a new LocalCluster of ``workers`` processes, closed on leaving."""
    own = client is None
    if own:
        client = start_cluster(workers, scheduler)
    try:
        use_coder(client, options)
        yield client
    finally:
        if own:
            close_cluster(client)


def ordered(client, calls: Iterable[tuple[K, Callable, tuple]], in_flight: int | None = None) -> Iterator[tuple[K, object]]:
    """Run each call ``(key, function, args)`` on the cluster and yield ``(key, result)`` in the calls' order.
    At most ``in_flight`` calls (default: 8 per worker thread) are submitted and not yet yielded, and the calls
    are drawn from their iterable only as room frees up: memory does not grow with the number of calls."""
    width = in_flight or 8 * max(1, sum(client.nthreads().values()))
    calls = iter(calls)
    pending: deque = deque()

    def submit(n: int) -> None:
        for key, function, args in islice(calls, n):
            pending.append((key, client.submit(function, *args, pure=False)))

    submit(width)
    while pending:
        key, future = pending.popleft()
        result = future.result()
        future.release()
        submit(1)
        yield key, result


def code_dask(articles: Iterable[Article], *, workers: int = 2, scheduler: str | None = None,
              options: Options | None = None, partition: int = 64, client=None, in_flight: int | None = None,
              progress: Callable[[int], None] | None = None) -> Iterator[CodedDocument]:
    """Code ``articles`` on a Dask cluster and yield the coded documents in input order, as
    ``Coder(options).code(articles)`` would.

    ``workers``: processes of the LocalCluster started when neither ``scheduler`` (a scheduler's address,
    ``tcp://host:8786``) nor ``client`` (an open ``distributed.Client``, left open) is given. ``partition``:
    articles per task. ``in_flight``: partitions submitted and not yet yielded (default: 8 per worker), which
    bounds memory. ``progress``: called with the number of articles done after each partition.
    """
    options = options or Options()
    parts = partitions(articles, partition)
    with cluster(options, workers, scheduler, client) as client:
        done = 0
        for size, docs in ordered(client, ((len(p), code_partition, (p, options)) for p in parts), in_flight):
            yield from docs
            done += size
            if progress is not None:
                progress(done)
