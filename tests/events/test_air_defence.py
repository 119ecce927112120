"""Air defence that names no country ("Air defence units shot down nine drones over the region") is the defence of
the land the report is about, not the attacker's; a phrase that shares only its last word with a party named before
("air defence forces" after "the Ukrainian armed forces") is not that party. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import events_in


@pytest.mark.parametrize("text,sentence,defender", [
    ("Russian troops shelled 14 villages in Kharkiv region overnight, the regional administration said. "
     "Air defence units destroyed six Shahed drones over the region.", "Air defence units", "UKR"),
    ("The Ukrainian armed forces attacked nine settlements in Kursk region with drones, the governor wrote. "
     "In total, air defence forces shot down 22 unmanned aerial vehicles over the region.", "In total", "RUS"),
])
def test_air_defence_named_by_kind_defends_the_land_of_the_report(coder, text, sentence, defender):
    downs = [e for e in events_in(_code(coder, text), sentence) if e.event_type == "ASSAULT"]
    assert downs and {a.country for a in downs[0].actor} == {defender}, \
        [(e.event_type, [(a.text, a.country) for a in e.actor]) for e in downs]


def test_a_speaker_s_own_air_defence_stays_the_speaker_s(coder):
    text = ("Russia's defence ministry said its forces had struck port facilities in the Odesa region. The ministry "
            "also said its air defences had intercepted 30 Ukrainian drones over Crimea.")
    downs = [e for e in events_in(_code(coder, text), "intercepted") if e.event_type == "ASSAULT"]
    assert downs and {a.country for a in downs[0].actor} == {"RUS"}
