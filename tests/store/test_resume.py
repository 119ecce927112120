"""Killing ``parley ingest`` with SIGKILL mid-run and running it again gives the same store as one run without
interruption: nothing committed is lost, nothing is stored twice. Reads the shared Guardian corpus."""
import itertools
import os
import signal
import subprocess
import sys
import time

import pytest

from parley.store import Store

pytestmark = pytest.mark.slow


def _ingest(path, db, wait=True):
    cmd = [sys.executable, "-m", "parley", "ingest", str(path), "--db", db, "--batch", "8", "--quiet"]
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _per_article(store):
    with store.engine.connect() as conn:
        from sqlalchemy import text

        return sorted(conn.execute(text("SELECT doc_id, n_events FROM articles")).all())


def test_kill_9_then_rerun_equals_an_uninterrupted_run(shared_dir, tmp_path):
    corpus = tmp_path / "guardian.jsonl"
    with open(shared_dir / "data" / "corpus" / "guardian_2019.jsonl", encoding="utf-8") as f:
        corpus.write_text("".join(itertools.islice(f, 120)), encoding="utf-8")
    killed_db = f"sqlite:///{tmp_path / 'killed.db'}"
    proc = _ingest(corpus, killed_db, wait=False)
    deadline = time.time() + 300
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            seen = Store(killed_db).counts()["articles"]
        except Exception:  # the first run may not have created the tables yet
            continue
        if seen >= 16:
            break
    assert proc.poll() is None, "the run ended before it could be killed: give it more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    interrupted = Store(killed_db).counts()["articles"]
    assert 16 <= interrupted < 120 and interrupted % 8 == 0  # whole batches only
    rerun = _ingest(corpus, killed_db)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {interrupted}: already stored by this coder version" in rerun.stderr
    clean_db = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = _ingest(corpus, clean_db)
    assert clean.returncode == 0, clean.stderr
    assert Store(killed_db).counts() == Store(clean_db).counts()
    assert _per_article(Store(killed_db)) == _per_article(Store(clean_db))
