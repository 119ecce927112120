"""A small place far from the war a report is about is passed over for a namesake nearer it, not dropped: when the
ministry of one side claims a village, the village is the one in the war's theatre even though the sentence names
only the claimant's country. Sentences invented for this test."""
import pytest

from parley.model import Article

CASES = [
    "Russia's defence ministry said on Tuesday that its troops had liberated the village of Pryvilne.",
    "Ukrainian officials said Russia's army had occupied Pryvilne, a hamlet of a few dozen homes.",
    "The Russian military said it had seized Novoselivka, a village it described as a key stronghold.",
]


@pytest.mark.parametrize("text", CASES)
def test_a_claimed_village_is_placed_in_the_theatre(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    locs = [e.location for e in doc.events if e.acled_event_type and e.location is not None]
    assert locs and locs[0].country == "UKR"


# A town abroad that the sentence names by its own name, when the only countries the text points to are its
# parties': forces strike abroad.
ABROAD = [
    ("A Turkish drone struck a car in Sinjar district on Monday.", "IRQ"),
    ("Israeli jets bombed targets outside Tyre overnight.", "LBN"),
    ("Ukrainian drones hit an oil depot in Novorossiysk, the governor said.", "RUS"),
]


@pytest.mark.parametrize("text,country", ABROAD)
def test_parties_act_abroad(coder, text, country):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    locs = [e.location for e in doc.events if e.location is not None]
    assert locs and locs[0].country == country


def test_a_town_abroad_yields_to_the_region_the_sentence_names(coder):
    text = ("Ukrainian troops fired machine guns at separatist positions in the area of Mine 6/7, Donetsk, "
            "on Sunday.")
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    locs = [e.location for e in doc.events if e.location is not None]
    assert locs and locs[0].country == "UKR"


def test_a_clause_parted_by_a_semicolon_lends_its_place(coder):
    text = "Soldiers shelled rebel positions before dawn on Tuesday; two fighters died in the strike at Kidal."
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    shelled = next(e for e in doc.events if e.trigger == "shelled")
    assert shelled.location is not None and shelled.location.name == "Kidal"
