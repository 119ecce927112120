"""The progress bar of ``parley code`` and ``parley ingest``: articles done out of an estimated total, with the
rate and the time left, on standard error when it is a terminal (never in a pipe or a log file)."""
from __future__ import annotations

import sys
from collections.abc import Iterable


def progress_bar(paths: Iterable[str], enabled: bool = True):
    """A tqdm bar whose total is :func:`parley.ingest.count_articles` of ``paths`` (an estimate: none for
    standard input), or None when ``enabled`` is false or standard error is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    from parley.ingest import count_articles

    return tqdm(total=count_articles(list(paths)), unit=" articles", file=sys.stderr, dynamic_ncols=True,
                mininterval=0.5, smoothing=0.1)


def summary(command: str, articles: int, events: int, skipped: int, seconds: float) -> str:
    """The one line ``code`` and ``ingest`` end with: articles, events, records skipped and seconds."""
    rate = f" ({articles / seconds:.1f} articles/s)" if seconds > 0 and articles else ""
    return (f"parley {command}: {articles} articles, {events} events, {skipped} skipped, {seconds:.1f} s{rate}"
            + (" (see the warnings above)" if skipped else ""))
