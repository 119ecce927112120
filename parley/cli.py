"""Command line: ``parley code PATH... [--date D] [--format F] [-o FILE]``, ``parley evaluate GOLD [PRED]``,
``parley train``, ``parley ingest PATH... [--db URL]``, ``parley events [filters]``.

Thin: parse, call, print.
"""
from __future__ import annotations

import argparse
import logging
import sys

from parley.errors import Errors, InputError, ParleyError

EXAMPLES = """examples:
  parley code article.txt --date 2025-03-20
  parley code news/ --format jsonl -o events.jsonl
  cat feed.jsonl | parley code - --format csv
  parley demo
  parley evaluate gold.jsonl                  # code gold.jsonl's texts and score them
  parley evaluate gold.jsonl events.jsonl --json
  parley train --data ../shared/data          # rebuild the shipped models
  parley ingest news/ --db parley.db          # code and store (resumable; PARLEY_DB sets the default)
  parley events --actor RUS --since 2025-03-01 --format csv
  parley agreements --party RUS               # agreements and the violations each side alleges
  parley serve --demo                         # the HTTP API and the dashboard on the bundled samples
  parley watch feeds.txt --every 15m          # poll feeds, code and store what is new
  parley code news/ --format jsonl -o out.jsonl --engine dask --workers 2
  parley ingest archive/ --db parley.db --engine dask --scheduler tcp://10.0.0.5:8786
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parley", description="Code news into sourced PLOVER/CAMEO/ACLED events.",
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-v", "--verbose", action="store_true", help="log what the coder does")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("code", help="code articles into events",
                       description="Code articles (.txt .html .jsonl .csv .rss, folders, - for stdin) into events.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    c.add_argument("--date", help="publication date YYYY-MM-DD for records that carry none")
    c.add_argument("--format", choices=("table", "jsonl", "csv", "parquet"), default="table",
                   help="output format; parquet writes a dataset of part files into the folder -o names")
    c.add_argument("-o", "--output", help="write to this file (for parquet: this folder) instead of standard output")
    c.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    c.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                   help="refuse articles larger than this (bytes, or 500KB, 10MB, 1GB; default 10MB)")
    c.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    _engine_options(c)
    d = sub.add_parser("demo", help="code the bundled sample articles and print a table",
                       description="Code the sample articles shipped with parley and print the events.")
    d.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    e = sub.add_parser("evaluate", help="score parley against gold records",
                       description="Score parley's output (PRED) against gold records (GOLD, JSON Lines in the "
                                   "shared evaluation format); without PRED, code GOLD's texts first.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("gold", metavar="GOLD", help="gold records: JSON Lines with id, text, dataset and gold fields")
    e.add_argument("pred", nargs="?", metavar="PRED", help="parley's JSON Lines output for GOLD (default: code it)")
    e.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    e.add_argument("--date", help="publication date YYYY-MM-DD for gold records that carry none (when coding)")
    e.add_argument("--save", metavar="FILE", help="when coding GOLD, also write parley's output here (JSON Lines)")
    t = sub.add_parser("train", help="rebuild the shipped models from the training files",
                       description="Rebuild the ACLED sub-type model and the event detector from the training "
                                   "files (fixed seeds) and print their dev figures.")
    t.add_argument("--data", default="../shared/data", help="folder of the shared training and dev files")
    t.add_argument("--snippets", default="training/news_snippets", help="folder of our news-style snippets")
    t.add_argument("--plover", default="training/plover",
                   help="folder of our sentences with PLOVER types, for the event detector")
    t.add_argument("--out", help="write the models to this folder instead of the package's")
    db_help = "database URL or SQLite file (default: $PARLEY_DB, else parley.db)"
    i = sub.add_parser("ingest", help="code articles and store them with their events",
                       description="Code articles and store them and their events (SQLite by default, PostgreSQL "
                                   "with a postgresql:// URL). Each batch is one transaction; articles already "
                                   "stored by this coder version are skipped, so a rerun resumes.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    i.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    i.add_argument("--db", help=db_help)
    i.add_argument("--date", help="publication date YYYY-MM-DD for records that carry none")
    i.add_argument("--batch", type=int, default=64, help="articles per transaction (default 64)")
    i.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                   help="refuse articles larger than this (bytes, or 500KB, 10MB, 1GB; default 10MB)")
    i.add_argument("--quiet", action="store_true", help="no progress bar")
    _engine_options(i)
    q = sub.add_parser("events", help="list stored events", description="List stored events matching filters.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("--db", help=db_help)
    q.add_argument("--actor", help="an actor's country code (RUS)")
    q.add_argument("--recipient", help="a recipient's country code (UKR)")
    q.add_argument("--type", help="PLOVER event type(s), comma-separated (ASSAULT,COERCE)")
    q.add_argument("--since", help="a day YYYY-MM-DD, a month YYYY-MM or a year YYYY: events whose dates (else "
                                   "their article's) overlap it or come later")
    q.add_argument("--until", help="a day, month or year: events whose dates overlap it or come earlier")
    q.add_argument("--status", help="occurred, ongoing, planned, intended, hypothetical or negated")
    q.add_argument("--claimed-by", help="the claimant's country code")
    q.add_argument("--place", help="part of a place name, a region or district, or a country code")
    q.add_argument("--precision", type=int, metavar="N",
                   help="only events placed at geo precision N or better (1: the town itself, 2: near it or its "
                        "district, 3: the region)")
    q.add_argument("--limit", type=int, help="at most this many events")
    q.add_argument("--quad-class", help="quad class(es), comma-separated: VERBAL_COOPERATION, MATERIAL_COOPERATION, "
                                        "VERBAL_CONFLICT, MATERIAL_CONFLICT")
    q.add_argument("--acled-type", help="ACLED event type(s), comma-separated ('Battles,Protests')")
    q.add_argument("--min-confidence", type=float, metavar="X", help="only events of at least this confidence (0-1)")
    q.add_argument("--country", help="the country code of the event's location (UKR)")
    for corner in ("min-lat", "min-lon", "max-lat", "max-lon"):
        q.add_argument(f"--{corner}", type=float, metavar="DEG",
                       help="a bounding box of the event's location: give all four" if corner == "min-lat"
                       else "as --min-lat")
    q.add_argument("--text", help="words the evidence sentence contains (any case)")
    q.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    x = sub.add_parser("export", help="export stored events for other tools",
                       description="Export stored events: jsonl and csv of parley's schema, parquet, an ACLED-style "
                                   "CSV (ACLED's columns in ACLED's order), an ICEWS-style CAMEO TSV, or PLOVER JSON "
                                   "Lines.")
    x.add_argument("--format", choices=("jsonl", "csv", "parquet", "acled", "icews", "plover"), required=True)
    x.add_argument("-o", "--output", help="write to this file (required for parquet)")
    x.add_argument("--db", help=db_help)
    for name in ("actor", "recipient", "type", "since", "until", "status", "place"):
        x.add_argument(f"--{name}", help=f"as for parley events --{name}")
    x.add_argument("--claimed-by", help="as for parley events --claimed-by")
    x.add_argument("--precision", type=int, metavar="N", help="as for parley events --precision")
    for name in ("quad-class", "acled-type", "country", "text"):
        x.add_argument(f"--{name}", help=f"as for parley events --{name}")
    for name in ("min-confidence", "min-lat", "min-lon", "max-lat", "max-lon"):
        x.add_argument(f"--{name}", type=float, metavar="X", help=f"as for parley events --{name}")
    st = sub.add_parser("stories", help="list story events: the same happening merged across reports",
                        description="Merge the stored events that report the same happening (compatible type, a "
                                    "shared country, dates within two days, places close) into story events, each "
                                    "with every report, outlet and claimant; contradicting reports are marked "
                                    "disputed.")
    st.add_argument("--db", help=db_help)
    for name in ("actor", "recipient", "type", "since", "until", "place"):
        st.add_argument(f"--{name}", help=f"as for parley events --{name}")
    st.add_argument("--disputed", action="store_true", help="only disputed stories")
    st.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format")
    g = sub.add_parser("agreements", help="list agreements found in the stored news, with alleged violations",
                       description="List the agreements (ceasefires, corridors, exchanges, withdrawals, talks) "
                                   "found in the stored events, their status over time, and the reports linked "
                                   "to each as alleged violations. With --format json, each agreement's kind, "
                                   "parties, mediators, start and end (a day, or a day and a local clock time), "
                                   "route (its places in order, geocoded), commitments and violations.")
    g.add_argument("--db", help=db_help)
    g.add_argument("--party", help="only agreements with this party (country code)")
    g.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    sv = sub.add_parser("serve", help="serve the HTTP API and the dashboard over the event store",
                        description="Serve the event store over HTTP: the JSON API under /api (OpenAPI at "
                                    "/openapi.json, docs at /docs) and the dashboard at /.")
    sv.add_argument("--db", help=db_help)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--private", action="store_true", help="every endpoint needs a bearer token")
    sv.add_argument("--demo", action="store_true",
                    help="serve a demo store coded from the bundled samples (built on first use, then cached)")
    w = sub.add_parser("watch", help="poll news feeds, code and store what is new, round after round",
                       description="Poll RSS/Atom feeds (URLs, OPML files, or text files of feed URLs one a line), "
                                   "fetch new articles' pages, code and store them as 'parley ingest' does. Polite: "
                                   "ETag/Last-Modified kept, at least --min-interval seconds between requests to "
                                   "one host. One log line per round.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    w.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URLs, OPML files or text files of feed URLs")
    w.add_argument("--db", help=db_help)
    w.add_argument("--every", default="15m", help="time between rounds: 900, 90s, 15m, 1h (default 15m)")
    w.add_argument("--once", action="store_true", help="poll one round and exit")
    w.add_argument("--timeout", type=float, default=10.0, help="seconds a feed or page may take (default 10)")
    w.add_argument("--min-interval", type=float, default=1.0,
                   help="seconds between two requests to one host (default 1)")
    tk = sub.add_parser("token", help="create or revoke the bearer tokens of the HTTP API",
                        description="Create or revoke bearer tokens for 'parley serve' (stored hashed in the store). "
                                    "POST /api/articles needs one; with --private, every endpoint does.")
    tk_sub = tk.add_subparsers(dest="token_command", required=True)
    tc = tk_sub.add_parser("create", help="create a token and print it once")
    tc.add_argument("--name", required=True, help="who or what the token is for")
    tc.add_argument("--db", help=db_help)
    tr = tk_sub.add_parser("revoke", help="revoke a token by its name")
    tr.add_argument("name", help="the token's name")
    tr.add_argument("--db", help=db_help)
    return p


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this process; dask: a Dask cluster (pip install 'parley[dask]'), same output")
    p.add_argument("--workers", type=int, default=2, help="with --engine dask: worker processes of a local cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a running scheduler (tcp://host:8786)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        if args.command == "train":
            from pathlib import Path

            from parley.events.detect import MODEL_FILE
            from parley.train import run
            from parley.train_detect import run as run_detector

            run(Path(args.data), Path(args.snippets), Path(args.out) if args.out else None)
            run_detector(Path(args.data), Path(args.plover), Path(args.snippets),
                         Path(args.out) / MODEL_FILE if args.out else None)
            return 0
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "events":
            return _events(args)
        if args.command == "agreements":
            return _agreements(args)
        if args.command == "stories":
            return _stories(args)
        if args.command == "export":
            return _export(args)
        if args.command == "code":
            return _code(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "token":
            return _token(args)
        if args.command == "watch":
            return _watch(args)
        from parley.library import code_samples

        report = code_samples(sys.stdout, fmt=args.format)
    except ParleyError as exc:
        print(f"parley: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    if report.errors:
        print(f"parley: {report.read} articles coded, {report.skipped()} records skipped (see warnings above)",
              file=sys.stderr)
        return 1
    return 0


def _code(args: argparse.Namespace) -> int:
    from parley.ingest import MAX_BYTES
    from parley.library import code_paths
    from parley.progress import summary

    parquet = args.format == "parquet"
    out = None if parquet else (_output(args.output, newline="" if args.format == "csv" else None) if args.output
                                else sys.stdout)
    try:
        done = code_paths(args.paths, out, fmt=args.format, date=args.date, min_confidence=args.min_confidence,
                          max_bytes=args.max_size or MAX_BYTES, progress=not args.quiet, engine=args.engine,
                          workers=max(1, args.workers), scheduler=args.scheduler,
                          folder=args.output if parquet else None)
    finally:
        if args.output and not parquet:
            out.close()
    if not args.quiet:
        print(summary("code", done.read.read, done.events, done.read.skipped(), done.seconds), file=sys.stderr)
    return 1 if done.read.errors else 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from parley.web import create_app

    db = args.db
    if args.demo:
        from parley.web.demo import demo_store

        db = demo_store()
    uvicorn.run(create_app(db, private=args.private), host=args.host, port=args.port, workers=1, log_level="info")
    return 0


def _watch(args: argparse.Namespace) -> int:
    from parley.store import open_store
    from parley.watch import parse_every, watch

    every = parse_every(args.every)
    logging.getLogger("parley.watch").setLevel(logging.INFO)
    try:
        watch(args.sources, open_store(args.db), every=every, once=args.once, timeout=args.timeout,
              min_interval=args.min_interval)
    except KeyboardInterrupt:
        print("parley watch: stopped", file=sys.stderr)
    return 0


def _token(args: argparse.Namespace) -> int:
    from parley.store import open_store
    from parley.web.tokens import create_token, revoke_token

    store = open_store(args.db)
    if args.token_command == "create":
        token = create_token(store, args.name)
        print(f"token for {args.name} (shown once; keep it secret): {token}")
        return 0
    if not revoke_token(store, args.name):
        print(f"parley: no token named {args.name!r}", file=sys.stderr)
        return 1
    print(f"token {args.name!r} revoked")
    return 0


def _output(path: str, newline: str | None = None):
    """``path`` opened for writing, or a coded error (P027) naming it and why it cannot be written."""
    try:
        return open(path, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise InputError("P027", path, Errors.P027.format(reason=exc.strerror or exc)) from None


_UNITS = {"": 1, "b": 1, "k": 1_000, "kb": 1_000, "m": 1_000_000, "mb": 1_000_000, "g": 1_000_000_000,
          "gb": 1_000_000_000}


def _size(value: str) -> int:
    """A size in bytes from ``20000000``, ``500KB``, ``10MB`` or ``1.5GB`` (decimal units)."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    unit = m.group(2).lower() if m else None
    if m is None or unit not in _UNITS or float(m.group(1)) * _UNITS[unit] < 1_000:
        raise argparse.ArgumentTypeError(Errors.P028.format(value=value))
    return int(float(m.group(1)) * _UNITS[unit])


def _evaluate(args: argparse.Namespace) -> int:
    from parley.evaluate import run

    date = None
    if args.date is not None:
        from parley.ingest.text import parse_date

        date = parse_date(args.date)
        if date is None:
            raise InputError("P009", "--date", Errors.P009.format(value=args.date))
    text, results = run(args.gold, args.pred, as_json=args.json, date=date, save=args.save)
    sys.stdout.write(text)
    if not results:
        print(f"parley: no record of {args.gold} holds gold that parley evaluate knows", file=sys.stderr)
        return 1
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from parley.pipeline import parse_date
    from parley.store import ingest, open_store
    from parley.store.ingest import totals

    if args.date is not None and parse_date(args.date) is None:
        raise InputError("P009", "--date", Errors.P009.format(value=args.date))
    from parley.ingest import MAX_BYTES

    store = open_store(args.db)
    report = ingest(args.paths, store, date=args.date, batch=max(1, args.batch), progress=not args.quiet,
                    max_bytes=args.max_size or MAX_BYTES, engine=args.engine, workers=max(1, args.workers),
                    scheduler=args.scheduler)
    print(report.summary(totals(store)), file=sys.stderr)
    return 1 if report.errors else 0


def _events(args: argparse.Namespace) -> int:
    from parley.export.stored import write_stored
    from parley.store import open_store

    filters = _filters(args)
    write_stored(open_store(args.db).events(**filters), sys.stdout, args.format)
    return 0


FILTERS = ("actor", "recipient", "type", "since", "until", "status", "claimed_by", "place", "precision", "limit",
           "quad_class", "acled_type", "min_confidence", "country", "min_lat", "min_lon", "max_lat", "max_lon", "text")


def _filters(args: argparse.Namespace) -> dict:
    """The ``Store.events`` filters a command was given (those it does not offer are None), checked against the
    vocabularies before the store is opened: a typo is an error with the nearest valid values."""
    from parley.store import validate_filters

    return validate_filters(**{name: getattr(args, name, None) for name in FILTERS})


def _export(args: argparse.Namespace) -> int:
    from parley.export.analyst import export
    from parley.store import open_store

    filters = _filters(args)
    if args.output and args.format == "parquet":
        _output(args.output).close()  # P027 before the store is read
    rows = open_store(args.db).events(**filters)
    if args.format == "parquet":
        n = export(rows, "parquet", path=args.output)
    else:
        out = _output(args.output, newline="") if args.output else sys.stdout
        try:
            n = export(rows, args.format, out)
        finally:
            if args.output:
                out.close()
    print(f"parley: exported {n} events as {args.format}", file=sys.stderr)
    return 0


def _stories(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from parley.store import open_store
    from parley.store.stories import merge

    filters = _filters(args)
    store = open_store(args.db)
    rows = list(store.events(**filters))
    stories = [s for s in merge(rows, store.texts(), sources=store.sources()) if s.disputed or not args.disputed]
    for s in stories:
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(dataclasses.asdict(s), ensure_ascii=False) + "\n")
            continue
        best = "; ".join(f"{k} {v['value']} ({v['support']})" for k, v in s.best.items())
        sys.stdout.write(f"story {s.id}: {s.event_type} {'+'.join(s.countries)} {s.first_date or '?'}"
                         f"{' DISPUTED' if s.disputed else ''}; {len(s.reports)} reports from "
                         f"{len(s.outlets)} outlets, {s.first_report} to {s.last_report}\n    {best}\n")
        for r in s.reports:
            claim = f" claimed by {r['claimed_by']}" if r["claimed_by"] else ""
            sys.stdout.write(f"    - {r['outlet'] or r['doc_id']} ({r['status']}{claim}): {r['evidence'][:90]}\n")
    return 0


def _agreements(args: argparse.Namespace) -> int:
    import json

    from parley.store import open_store
    from parley.store.agreements import agreements_json, find_agreements, format_agreements

    store = open_store(args.db)
    found = find_agreements(list(store.events()), store.texts())
    if args.party:
        found = [a for a in found if any(p.split("-")[0] == args.party.upper() for p in a.parties)]
    if args.format == "json":
        sys.stdout.write(json.dumps(agreements_json(found), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_agreements(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
