"""A speaker who says an act shows what a party is ("the drone attacks show that Kyiv is not interested in peace")
charges that party (ACCUSE by the speaker); the act is what is judged, not a fresh attack. Sentences written for
this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


@pytest.mark.parametrize("text, words, speaker, charged", [
    ("Israeli jets struck Beirut's southern suburbs on Sunday. Lebanon's president said the raids proved that Israel "
     "had no intention of respecting the truce.", "Lebanon's president", "LBN", "ISR"),
    ("Pakistani artillery shelled villages in Kupwara overnight. India's foreign ministry said the shelling "
     "demonstrated that Islamabad was not serious about the ceasefire.", "India's foreign", "IND", "PAK"),
])
def test_an_act_that_shows_something_of_a_party_is_a_charge(coder, text, words, speaker, charged):
    found = events_in(_code(coder, text), words)
    charges = [e for e in found if e.event_type == "ACCUSE"]
    assert charges and countries(charges[0].actor) == {speaker} and charged in countries(charges[0].recipient), \
        [(e.event_type, e.actor, e.recipient) for e in found]
    assert not [e for e in found if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("sentence", [
    "Belarus's prosecutors opened a criminal case over the drone attack on the border post.",
    "Prosecutors in Minsk instituted criminal proceedings over the drone attack on the border post.",
])
def test_a_criminal_case_over_an_attack_charges_its_maker_and_makes_none(coder, sentence):
    text = "Polish drones hit a Belarusian border post near Brest on Monday, Minsk said. " + sentence
    found = events_in(_code(coder, text), sentence[:20])
    charges = [e for e in found if e.event_type == "ACCUSE"]
    assert charges and countries(charges[0].actor) == {"BLR"}, [(e.event_type, e.actor, e.recipient) for e in found]
    assert not [e for e in found if e.event_type == "ASSAULT" and "BLR" in countries(e.actor)]


def test_a_case_of_disease_is_no_charge(coder):
    events = _code(coder, "Health officials opened a field clinic after a case of cholera was confirmed in Kassala.")
    assert not [e for e in events if e.event_type == "ACCUSE"]
