#!/usr/bin/env python
"""Load benchmark of `parley serve`: filtered pages of /api/events, and the server's memory during a CSV download.

    python scripts/bench_serve.py [--events 100000] [--connections 8] [--requests 3000] [--seconds 30]
                                  [--postgres URL] [--no-csv] [--endpoint auto|events|stats]

1. A store of ``--events`` events (default 100,000): the bundled samples are coded once, then copies of their
   articles are written straight through the store's write path (``Store.write_batch``), no recoding: each copy
   with its own text (a copy marker appended, so the evidence offsets still hold), its publication and event dates
   moved together to a day spread over two years (2023-07-01 to 2025-06-30) and its places moved by up to a degree
   or so. The SQLite store is kept in parley's cache directory (``$PARLEY_CACHE``, ``$XDG_CACHE_HOME/parley`` or
   ``~/.cache/parley``), named by coder version, samples and size, and reused by later runs. A PostgreSQL
   database (``--postgres URL``, or ``$PARLEY_TEST_POSTGRES``) is reused when it already holds this many events of
   this coder version, else filled when it is empty or holds only this benchmark's copies (emptied first); a
   database holding any other article is refused.
2. For each store: ``python -m parley serve --db URL --port P`` (one worker, 127.0.0.1 only) as a subprocess,
   and the load client as one other process (this script with ``--client``): ``--connections`` threads, each
   with its own HTTP connection, asking for ``/api/events?since=D&until=D+30&actor=RUS&limit=100`` (all
   fields) over random 30-day windows and following each result's ``next`` page up to 3 pages. It stops after
   ``--requests`` requests or ``--seconds`` seconds, whichever comes first. Prints requests/s, p50/p95/p99
   latency and errors, against the issue's targets (p99 < 100 ms, >= 200 requests/s on SQLite).
3. On SQLite (and PostgreSQL), the server's memory (VmRSS sampled every 20 ms from /proc/PID/status, and VmHWM)
   during one full ``/api/events?format=csv`` download of every event; target: growth under 100 MB.

Until /api/events exists the harness can be tried against /api/stats (``--endpoint stats``; ``auto``, the
default, falls back to it when /api/events answers 404, and says so). Linux only (/proc); loopback only.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = dt.date(2023, 7, 1)
DAYS = 730  # the copies' dates are spread over two years from FIRST_DAY
WINDOW_DAYS = 30
PAGES_PER_WINDOW = 3
ACTOR = "RUS"
TARGET_P99_MS = 100.0
TARGET_RPS = 200.0
TARGET_CSV_MB = 100.0


# ---------------------------------------------------------------------------------------------- building the store
def shift_date(value: str | None, delta: dt.timedelta) -> str | None:
    """``value`` (YYYY-MM-DD, YYYY-MM, YYYY, or a day with a clock time) moved by ``delta``, as precise as it was."""
    if not value:
        return value
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = dt.date.fromisoformat(value[:10]) + delta
            return day.isoformat() + value[10:]
        if len(value) == 7 and value[4] == "-":
            return f"{dt.date(int(value[:4]), int(value[5:]), 15) + delta:%Y-%m}"
        if len(value) == 4 and value.isdigit():
            return str((dt.date(int(value), 7, 1) + delta).year)
    except ValueError:
        pass
    return value  # a form this does not know (a week, a season) is kept as it was


def copy_document(art, doc, n: int, rng: random.Random):
    """Copy ``n`` of a coded sample: its own text, its dates moved to a random day, its places moved a little."""
    from parley.model import Article, CodedDocument

    target = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    base = dt.date.fromisoformat(art.date) if art.date else target
    delta = target - base
    events = []
    for e in doc.events:
        loc = e.location
        if loc is not None and loc.lat is not None and loc.lon is not None:
            loc = dataclasses.replace(loc, lat=round(max(-89.9, min(89.9, loc.lat + rng.uniform(-1.0, 1.0))), 5),
                                      lon=round((loc.lon + rng.uniform(-1.5, 1.5) + 180) % 360 - 180, 5))
        events.append(dataclasses.replace(e, date=shift_date(e.date, delta), date_start=shift_date(e.date_start, delta),
                                          date_end=shift_date(e.date_end, delta), location=loc))
    new_id = f"{art.id}#copy{n}"
    copy = Article(id=new_id, text=f"{art.text}\n\n(load-test copy {n})", title=art.title, outlet=art.outlet,
                   date=target.isoformat(), source=f"bench/{new_id}")
    return copy, CodedDocument(id=new_id, title=doc.title, date=copy.date, url=None, outlet=doc.outlet, events=events)


def coded_samples():
    """The bundled samples and their coded documents (the coder is loaded once, here)."""
    from parley.library import sample_articles
    from parley.pipeline import Coder

    arts = sample_articles()
    started = time.perf_counter()
    docs = list(Coder().code(arts))
    print(f"coded {len(arts)} samples ({sum(len(d.events) for d in docs)} events) in "
          f"{time.perf_counter() - started:.1f} s", flush=True)
    return arts, docs


def fill_store(store, samples, n_events: int, version: str, seed: int = 15) -> int:
    """Write copies of the coded samples into ``store`` until it holds ``n_events`` events; returns the count."""
    arts, docs = samples
    rng = random.Random(seed)
    pairs = [(a, d) for a, d in zip(arts, docs) if d.events]
    written, copy_no, batch = 0, 0, []
    started = time.perf_counter()
    while written < n_events:
        for art, doc in pairs:
            if written >= n_events:
                break
            a, d = copy_document(art, doc, copy_no, rng)
            if written + len(d.events) > n_events:  # the last copy is cut to land on n_events exactly
                d.events = d.events[: n_events - written]
            batch.append((a, d))
            written += len(d.events)
        copy_no += 1
        if len(batch) >= 400 or written >= n_events:
            store.write_batch(batch, version)
            batch = []
            if sys.stdout.isatty():
                print(f"\r  {written:,} / {n_events:,} events written ({time.perf_counter() - started:.0f} s)",
                      end="", flush=True)
    print(f"\r  {written:,} events written in {time.perf_counter() - started:.0f} s", flush=True)
    return written


def samples_digest() -> str:
    from parley.web.demo import samples_digest as digest

    return digest()


def sqlite_store(n_events: int, samples_cache: list) -> str:
    """The URL of the cached SQLite store of ``n_events`` events, built first when there is none."""
    from parley.ground.places import cache_dir
    from parley.store import open_store
    from parley.store.ingest import coder_version

    version = coder_version()
    root = cache_dir() or os.path.join(ROOT, ".bench")
    os.makedirs(root, exist_ok=True)
    tag = hashlib.sha256(f"{version}|{samples_digest()}|{n_events}".encode()).hexdigest()[:12]
    path = os.path.join(root, f"bench-serve-{n_events}-{tag}.db")
    if os.path.exists(path):
        print(f"SQLite store: {path} (cached)")
        return f"sqlite:///{path}"
    for old in Path(root).glob(f"bench-serve-{n_events}-*.db*"):  # an older coder's store, and its WAL files
        if ".tmp" not in old.name:
            old.unlink()
    tmp = f"{path}.{os.getpid()}.tmp"
    print(f"SQLite store: building {path}")
    if not samples_cache:
        samples_cache.append(coded_samples())
    store = open_store(f"sqlite:///{tmp}")
    try:
        fill_store(store, samples_cache[0], n_events, version)
    finally:
        store.engine.dispose()
    os.replace(tmp, path)
    for extra in (f"{tmp}-wal", f"{tmp}-shm"):
        if os.path.exists(extra):
            os.remove(extra)
    return f"sqlite:///{path}"


def postgres_store(url: str, n_events: int, samples_cache: list) -> str:
    """``url`` filled with ``n_events`` events when empty; reused when it already holds them (this coder)."""
    from sqlalchemy import func, select

    from parley.store import open_store
    from parley.store.ingest import coder_version
    from parley.store.schema import articles

    version = coder_version()
    store = open_store(url)
    counts = store.counts()
    with store.engine.connect() as conn:
        versions = {v for (v,) in conn.execute(select(articles.c.coder_version).group_by(articles.c.coder_version))}
        marked = conn.execute(select(func.count()).select_from(articles)
                              .where(articles.c.doc_id.like("%#copy%"))).scalar_one()
    if counts["events"] == n_events and versions == {version} and marked == counts["articles"]:
        print(f"PostgreSQL store: {counts['events']:,} events already there (reused)")
    elif counts["articles"] == 0 or marked == counts["articles"]:
        if counts["articles"]:  # this benchmark's copies, of another coder version or size: emptied first
            from parley.store.schema import api_tokens, meta, metadata

            with store.engine.begin() as conn:
                for table in reversed(metadata.sorted_tables):
                    if table not in (meta, api_tokens):
                        conn.execute(table.delete())
        print("PostgreSQL store: filling the database")
        if not samples_cache:
            samples_cache.append(coded_samples())
        fill_store(store, samples_cache[0], n_events, version)
    else:
        raise SystemExit(f"the PostgreSQL database holds {counts['articles']} other articles: give an empty database "
                         "(the benchmark fills it) or one this benchmark filled with --events {n_events}")
    store.engine.dispose()
    return url


# ---------------------------------------------------------------------------------------------- server and probes
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log_path: str) -> subprocess.Popen:
    import httpx

    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}; see {log_path}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise SystemExit(f"the server did not answer within 60 s; see {log_path}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of process ``pid``, in kB."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
    return out


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds process ``pid`` has used (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pick_endpoint(base: str, wanted: str) -> str:
    import httpx

    if wanted != "auto":
        return wanted
    status = httpx.get(f"{base}/api/events", params={"limit": 1}, timeout=30).status_code
    if status == 404:
        print("  /api/events is not there yet (404): measuring /api/stats instead, to try the harness")
        return "stats"
    return "events"


# ---------------------------------------------------------------------------------------------- the load client
def next_url(resp, base: str) -> str | None:
    """The next page: the Link header's rel="next", else the body's ``next`` (a URL, or a cursor)."""
    link = resp.links.get("next", {}).get("url")
    if link:
        return link if link.startswith("http") else base + link
    try:
        cursor = resp.json().get("next")
    except (ValueError, AttributeError):
        return None
    if not cursor:
        return None
    if cursor.startswith("http"):
        return cursor
    if cursor.startswith("/"):
        return base + cursor
    return str(resp.request.url.copy_set_param("cursor", cursor))  # a bare cursor: the API's 'cursor' parameter


def client(args) -> None:
    """One process, ``--connections`` threads: requests until the budget of requests or seconds is spent; prints
    JSON (latencies in ms, errors, wall time)."""
    import httpx

    base = args.client
    deadline = time.monotonic() + args.seconds
    lock = threading.Lock()
    budget = [args.requests]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    rows = [0]

    def take() -> bool:
        with lock:
            if budget[0] <= 0 or time.monotonic() >= deadline:
                return False
            budget[0] -= 1
            return True

    def worker(k: int) -> None:
        rng = random.Random(1000 + k)
        with httpx.Client(timeout=30) as http:
            while True:
                if args.endpoint == "stats":
                    urls = [f"{base}/api/stats"]
                else:
                    since = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - WINDOW_DAYS))
                    until = since + dt.timedelta(days=WINDOW_DAYS)
                    urls = [f"{base}/api/events?since={since}&until={until}&actor={ACTOR}&limit=100"]
                for _page in range(PAGES_PER_WINDOW):
                    if not take():
                        return
                    url = urls[-1]
                    t0 = time.perf_counter()
                    try:
                        resp = http.get(url)
                        body = resp.content
                        ms = (time.perf_counter() - t0) * 1000
                    except httpx.HTTPError as exc:
                        with lock:
                            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                        break
                    with lock:
                        if resp.status_code == 200:
                            latencies.append(ms)
                        else:
                            errors[f"http_{resp.status_code}"] = errors.get(f"http_{resp.status_code}", 0) + 1
                    if resp.status_code != 200 or args.endpoint == "stats":
                        break
                    n = body.count(b'{"event_id": ')  # each event starts so (row_json): no parse, little client CPU
                    with lock:
                        rows[0] += n
                    nxt = next_url(resp, base)
                    if not nxt:
                        break
                    urls.append(nxt)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.connections)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    cpu = sum(os.times()[:2])
    print(json.dumps({"latencies": latencies, "errors": errors, "wall": wall, "rows": rows[0], "cpu": cpu}))


def run_load(base: str, endpoint: str, args) -> dict:
    cmd = [sys.executable, __file__, "--client", base, "--endpoint", endpoint, "--connections", str(args.connections),
           "--requests", str(args.requests), "--seconds", str(args.seconds)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.seconds + 120, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the load client failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def report_load(name: str, endpoint: str, result: dict) -> dict:
    lat = sorted(result["latencies"])
    n, wall = len(lat), result["wall"]
    if not n:
        print(f"  {name}: no successful request; errors {result['errors']}")
        return {"ok": False}
    q = statistics.quantiles(lat, n=100, method="inclusive") if n > 1 else [lat[0]] * 99
    rps = n / wall
    p50, p95, p99 = q[49], q[94], q[98]
    what = f"/api/events pages of 100 ({ACTOR}, {WINDOW_DAYS}-day windows)" if endpoint == "events" else "/api/stats"
    print(f"  {name} {what}: {n} requests in {wall:.1f} s = {rps:.0f} req/s; p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"p99 {p99:.1f} ms; {result['rows']:,} events returned; errors {result['errors'] or 'none'}")
    ok = p99 < TARGET_P99_MS and rps >= TARGET_RPS and not result["errors"]
    if endpoint == "events":
        print(f"    target p99 < {TARGET_P99_MS:.0f} ms and >= {TARGET_RPS:.0f} req/s: {'met' if ok else 'NOT met'}")
    return {"ok": ok, "rps": rps, "p50": p50, "p99": p99}


def csv_download(base: str, pid: int, n_events: int, timeout: float) -> dict:
    """One full CSV download while sampling the server's memory; prints and returns the figures."""
    import httpx

    before = memory_kb(pid)
    peak = [before["VmRSS"]]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], memory_kb(pid)["VmRSS"])
            except (OSError, KeyError):
                return
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    size = lines = 0
    t0 = time.perf_counter()
    try:
        with httpx.stream("GET", f"{base}/api/events", params={"format": "csv"}, timeout=timeout) as resp:
            status = resp.status_code
            for chunk in resp.iter_bytes():
                size += len(chunk)
                lines += chunk.count(b"\n")
    finally:
        done.set()
        sampler.join()
    seconds = time.perf_counter() - t0
    after = memory_kb(pid)
    growth_mb = (peak[0] - before["VmRSS"]) / 1024
    hwm_mb = (after["VmHWM"] - before["VmHWM"]) / 1024
    print(f"  CSV download: HTTP {status}, {size / 1e6:.1f} MB, {lines:,} lines (incl. header; a quoted field may "
          f"span lines) for {n_events:,} events in {seconds:.1f} s")
    print(f"    server RSS {before['VmRSS'] / 1024:.0f} MB before, peak {peak[0] / 1024:.0f} MB during, "
          f"{after['VmRSS'] / 1024:.0f} MB after: growth {growth_mb:.1f} MB (VmHWM +{hwm_mb:.1f} MB); "
          f"target < {TARGET_CSV_MB:.0f} MB: {'met' if status == 200 and growth_mb < TARGET_CSV_MB else 'NOT met'}")
    return {"status": status, "growth_mb": growth_mb, "bytes": size}


def check_page(base: str) -> None:
    """One filtered page, checked: at most 100 events, each with the actor and days in the window asked for."""
    import httpx

    since, until = FIRST_DAY + dt.timedelta(days=300), FIRST_DAY + dt.timedelta(days=300 + WINDOW_DAYS)
    resp = httpx.get(f"{base}/api/events", params={"since": str(since), "until": str(until), "actor": ACTOR,
                                                   "limit": 100}, timeout=30)
    resp.raise_for_status()
    page = resp.json()["events"]
    wrong = [e.get("event_id") for e in page
             if not any(a.get("country") == ACTOR for a in e.get("actor") or [])
             or (e.get("date_end") or "9999") < str(since) or (e.get("date_start") or "0000") > str(until)]
    more = bool(next_url(resp, base))
    ok = 0 < len(page) <= 100 and not wrong and (more or len(page) < 100)
    print(f"  check: a page of {len(page)} events for {ACTOR} {since}..{until}, {'a' if more else 'no'} next page: "
          f"{'as asked' if ok else f'NOT as asked (events out of the filter: {wrong[:5]})'}")


def bench(name: str, db: str, args) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = os.path.join(args.log_dir, f"bench_serve_{name.lower()}.log")
    print(f"{name}: server on {base} (log {log_path})", flush=True)
    proc = start_server(db, port, log_path)
    try:
        endpoint = pick_endpoint(base, args.endpoint)
        if endpoint == "events":
            check_page(base)
        # a short warm-up (connections, caches), not counted
        run_load(base, endpoint, argparse.Namespace(connections=args.connections, requests=min(200, args.requests),
                                                    seconds=5))
        cpu0 = cpu_seconds(proc.pid)
        result = run_load(base, endpoint, args)
        server_cpu = cpu_seconds(proc.pid) - cpu0
        report_load(name, endpoint, result)
        print(f"    CPU over the {result['wall']:.1f} s: server {server_cpu:.1f} s "
              f"({100 * server_cpu / result['wall']:.0f}% of one core), load client {result.get('cpu', 0):.1f} s; "
              f"database server not counted")
        if not args.no_csv:
            if endpoint != "events":
                print("  CSV download skipped: /api/events is not there yet")
            else:
                csv_download(base, proc.pid, args.events, args.csv_timeout)
    finally:
        stop_server(proc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="events in the store (default 100,000)")
    ap.add_argument("--connections", type=int, default=8, help="concurrent connections of the load client")
    ap.add_argument("--requests", type=int, default=3000, help="at most this many measured requests per store")
    ap.add_argument("--seconds", type=float, default=30.0, help="at most this many seconds of load per store")
    ap.add_argument("--postgres", default=os.environ.get("PARLEY_TEST_POSTGRES"),
                    help="a PostgreSQL URL to measure too (default: $PARLEY_TEST_POSTGRES)")
    ap.add_argument("--no-csv", action="store_true", help="skip the CSV download")
    ap.add_argument("--csv-timeout", type=float, default=600.0, help="seconds the CSV download may take")
    ap.add_argument("--endpoint", choices=["auto", "events", "stats"], default="auto",
                    help="what to load (auto: /api/events, or /api/stats while /api/events answers 404)")
    ap.add_argument("--log-dir", default=os.environ.get("TMPDIR", "/tmp"), help="where the servers' logs go")
    ap.add_argument("--client", help=argparse.SUPPRESS)  # the load client's own process
    args = ap.parse_args()
    if args.client:
        client(args)
        return
    if not (args.requests > 0 and args.seconds > 0):
        raise SystemExit("--requests and --seconds must be positive")
    from parley.store.ingest import coder_version

    load = os.getloadavg()
    print(f"parley {coder_version()}; {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"(server, load client and anything else running share them); {args.connections} connections, at most "
          f"{args.requests} requests or {args.seconds:.0f} s per store", flush=True)
    samples: list = []
    bench("SQLite", sqlite_store(args.events, samples), args)
    if args.postgres:
        bench("PostgreSQL", postgres_store(args.postgres, args.events, samples), args)
    else:
        print("PostgreSQL: skipped (give --postgres URL or set PARLEY_TEST_POSTGRES)")


if __name__ == "__main__":
    main()
