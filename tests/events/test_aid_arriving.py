"""Aid told by its arrival: trucks or a convoy that carry aid, or belong to an aid agency, entering, reaching or
crossing into a place are aid delivered there ("Dozens of lorries carrying flour entered the Gaza Strip", "a
convoy of 14 UN trucks reached El Fasher"); an army's convoy arriving is no aid. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code


@pytest.mark.parametrize("text,country", [
    ("Thirty lorries carrying wheat flour and tents entered the Gaza Strip through Kerem Shalom on Monday.", "PSE"),
    ("A convoy of 22 UN trucks reached the besieged city of El Fasher late on Sunday.", "SDN"),
    ("Six relief trucks arrived in Sweida under escort on Thursday morning.", "SYR"),
])
def test_aid_on_its_way_that_arrives_is_aid_to_that_place(coder, text, country):
    aid = [e for e in _code(coder, text) if e.event_type == "AID"]
    assert aid, text
    assert country in {r.country for r in aid[0].recipient}, [(r.text, r.country) for r in aid[0].recipient]


@pytest.mark.parametrize("text", [
    "An army convoy reached Pokrovsk on Monday night.",
    "Two fuel tankers hit by shelling never reached the port.",
    "Dozens of journalists arrived in Kherson on Friday.",
])
def test_other_arrivals_are_no_aid(coder, text):
    assert not [e for e in _code(coder, text) if e.event_type == "AID"], text


@pytest.mark.parametrize("text", [
    "A French frigate evacuated all 23 crew members of the burning tanker on Thursday.",
    "The 17 sailors were picked up by a Greek coast guard vessel off Crete.",
    "A Spanish warship coordinated the rescue of 21 seafarers in the Gulf of Aden.",
])
def test_crews_rescued_at_sea_are_aid(coder, text):
    assert [e for e in _code(coder, text) if e.event_type == "AID"], [(e.event_type, e.trigger) for e in _code(coder, text)]
