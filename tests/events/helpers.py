"""Helpers the event tests share."""


def events_in(events, words: str, kind: str | None = None) -> list:
    """The events whose evidence sentence contains ``words`` (of type ``kind``, when given)."""
    return [e for e in events if words in e.evidence.sentence and (kind is None or e.event_type == kind)]


def coded(coder, text: str, date: str = "2025-06-14") -> list:
    """The events ``coder`` codes in ``text``, read as one article published on ``date``."""
    from parley.model import Article

    return next(coder.code([Article(id="t", text=text, date=date)])).events


def first(events, words: str, kind: str):
    """The first event of type ``kind`` whose evidence sentence contains ``words``; fails when there is none."""
    found = events_in(events, words, kind)
    assert found, (words, kind, [(e.event_type, e.evidence.sentence[:40]) for e in events])
    return found[0]


def countries(entities) -> set:
    """The countries of a list of entities (actors or recipients)."""
    return {e.country for e in entities}
