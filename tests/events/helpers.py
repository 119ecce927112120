"""Helpers the event tests share."""


def events_in(events, words: str, kind: str | None = None) -> list:
    """The events whose evidence sentence contains ``words`` (of type ``kind``, when given)."""
    return [e for e in events if words in e.evidence.sentence and (kind is None or e.event_type == kind)]


def coded(coder, text: str, date: str = "2025-06-14") -> list:
    """The events ``coder`` codes in ``text``, read as one article published on ``date``."""
    from parley.model import Article

    return next(coder.code([Article(id="t", text=text, date=date)])).events
