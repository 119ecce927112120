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
