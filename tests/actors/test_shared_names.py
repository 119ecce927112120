"""A name two countries use for their own institutions ("the Foreign Office": Britain's and Pakistan's) is the
one of the country the article is about. Articles invented for this test."""
import pytest

from parley.model import Article

CASES = [
    ("Pakistani troops and Indian forces exchanged fire across the Line of Control near Kotli overnight, Pakistan's "
     "army said.\n\nThe Foreign Office summoned India's deputy high commissioner in Islamabad to protest.", "PAK"),
    ("Britain expelled a Russian diplomat on Tuesday after a spy ring was uncovered in London.\n\nThe Foreign "
     "Office summoned Russia's ambassador to protest.", "GBR"),
    ("The Foreign Office summoned the Iranian ambassador on Monday.", "GBR"),  # no other pointer: the first row
]


@pytest.mark.parametrize("text,country", CASES)
def test_the_foreign_office_is_the_article_country(coder, text, country):
    doc = next(coder.code([Article(id="t", text=text, date="2025-05-06")]))
    office = {a.country for e in doc.events for a in e.actor if "Foreign Office" in a.text}
    assert office == {country}
