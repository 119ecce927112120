"""The demo store: the bundled sample articles (``parley/samples``), coded and stored in a SQLite file.

>>> url = demo_store()          # what ``parley serve --demo`` serves: "sqlite:////home/me/.cache/parley/demo-....db"

The file lives in parley's cache directory (:func:`parley.ground.places.cache_dir`: ``$PARLEY_CACHE``, else
``$XDG_CACHE_HOME/parley``, else ``~/.cache/parley``). It is built on first use, which loads the coder (about
half a minute), and read as it is afterwards. Its name carries the coder version
(:func:`parley.store.ingest.coder_version`) and a digest of the samples, so a new coder or a changed sample
makes a new file (older demo files are removed). It is built under a temporary name and moved into place, so a
second process starting at the same time never serves a half-built store. With caching turned off
(``PARLEY_CACHE=""``) the store is built in a temporary directory each time. Nothing here reads ``../shared``.
"""
from __future__ import annotations

import glob
import hashlib
import logging
import os
import tempfile

from parley.ground.places import cache_dir
from parley.ingest.folders import samples_dir
from parley.store.ingest import coder_version

log = logging.getLogger("parley.web")
PREFIX = "demo-"


def samples_digest() -> str:
    """A short digest of the samples' files: an edited or added sample makes a new demo store."""
    digest = hashlib.sha256()
    folder = samples_dir()
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not name.startswith("."):
            digest.update(name.encode())
            with open(path, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:12]


def demo_path(root: str, version: str) -> str:
    """The demo store's file in ``root`` for coder ``version`` and the current samples."""
    tag = "".join(c if c.isalnum() or c in ".-" else "_" for c in version)
    return os.path.join(root, f"{PREFIX}{tag}-{samples_digest()}.db")


def build_demo(path: str, *, coder=None, version: str | None = None) -> str:
    """Code the samples into a new SQLite store at ``path`` (replaced atomically); returns its URL."""
    from parley.store import open_store
    from parley.store.ingest import ingest

    version = version or coder_version()
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm", f"{tmp}-journal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    try:
        store = open_store(f"sqlite:///{tmp}")
        try:
            report = ingest([samples_dir()], store, coder=coder, progress=False, version=version)
        finally:
            store.engine.dispose()  # checkpoints the WAL into the file before it is moved
        if report.errors or not report.stored:
            reasons = "; ".join(str(e) for e in report.errors) or "no sample was stored"
            raise RuntimeError(f"the demo store could not be built from {samples_dir()}: {reasons}")
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm", f"{tmp}-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
    log.info("demo store built at %s (%d articles, %d events)", path, report.stored, report.events)
    return f"sqlite:///{path}"


def demo_store(*, coder=None, root: str | None = None) -> str:
    """The URL of the demo store, built first when there is none for this coder version and these samples.

    ``coder`` is used when the store must be built (else one is loaded then); ``root`` overrides the cache
    directory."""
    version = coder_version()
    root = root or cache_dir()
    if root is None:  # caching turned off: a fresh store for this process
        root = tempfile.mkdtemp(prefix="parley-demo-")
    os.makedirs(root, exist_ok=True)
    path = demo_path(root, version)
    if os.path.exists(path):
        return f"sqlite:///{path}"
    url = build_demo(path, coder=coder, version=version)
    for old in glob.glob(os.path.join(root, f"{PREFIX}*.db*")):
        if not old.startswith(path) and ".tmp" not in os.path.basename(old):  # a build in progress: not ours
            try:
                os.remove(old)
            except OSError as exc:  # another process may hold it open (Windows): it is only stale
                log.debug("old demo store %s not removed (%s)", old, exc)
    return url
