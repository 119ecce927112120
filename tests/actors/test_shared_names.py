"""Who a phrase names: a name two countries use for their own institutions ("the Foreign Office": Britain's and
Pakistan's) is the one of the country the article is about; "Brussels" acting is the EU; "Iran, Hezbollah's main
backer" is Iran. And a noun event takes the modal of the verb it is the object of. Articles invented for this
test."""
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


@pytest.mark.parametrize("text,actor,country", [
    ("Iran, Hezbollah's main backer, has criticised the disarmament plan.", "Iran", "IRN"),
    ("Brussels said it would retaliate against the new tariffs.", "Brussels", "EU"),
    # a surname in the table is a name's last word: another person's first name is not that office holder
    ("Iran's foreign ministry spokesman Nasser Kanaani condemned the strikes on Hodeidah.", "Iran", "IRN"),
    ("Lebanese lawmaker Abbas Hashem criticised the plan on Monday.", "Lebanese", "LBN"),
    # ... nor is another person's surname with a first name not the holder's: Hazem Qassem is not Naim Qassem
    ("Hamas spokesman Hazem Qassem condemned the strikes on Khan Younis.", "Hamas", "PSE"),
    ("Hezbollah leader Naim Qassem condemned the strikes on Tyre.", "Hezbollah", "LBN"),
])
def test_who_a_phrase_names(coder, text, actor, country):
    doc = next(coder.code([Article(id="t", text=text, date="2025-05-06")]))
    found = {a.country for e in doc.events for a in e.actor if a.text.startswith(actor)}
    assert found == {country}


def test_a_noun_event_takes_the_modal_of_its_verb(coder):
    doc = next(coder.code([Article(id="t", text="The EU will adopt a package of sanctions against Iran.",
                                   date="2025-05-06")]))
    found = [e for e in doc.events if e.event_type == "SANCTION"]
    assert found and found[0].status == "planned"
