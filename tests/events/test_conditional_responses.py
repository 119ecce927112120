"""A response bound to a condition ("ordered the army to respond decisively if attacked again", "will retaliate if
its ships are attacked") is a threat by whoever would respond; the attack in the condition is no attack told, and
a passive participle in it ("if attacked") is done to the subject it shares, not by it. Sentences written for this
test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries


@pytest.mark.parametrize("text, threatener", [
    ("Indian and Pakistani troops exchanged fire on Monday. Pakistan's prime minister said he had ordered the army "
     "to respond forcefully if attacked again.", "PAK"),
    ("Armenian and Azerbaijani troops exchanged fire on Monday. Baku said its forces would retaliate if attacked "
     "again.", "AZE"),
])
def test_a_conditional_response_is_a_threat_and_its_condition_no_attack(coder, text, threatener):
    second = text.split(". ", 1)[1]
    events = [e for e in _code(coder, text) if e.evidence.sentence.startswith(second[:15])]
    threats = [e for e in events if e.event_type == "THREATEN"]
    assert threats and countries(threats[0].actor) == {threatener}, [(e.event_type, e.actor) for e in events]
    assert not [e for e in events if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Indian troops fired across the Line of Control on Sunday. \"This is a blatant violation of the ceasefire,\" "
    "Pakistan's army said. \"Any misadventure will be met with a resolute and befitting response.\"",
    "Indian troops fired across the Line of Control on Sunday. Pakistan's army said any further aggression would be "
    "met with force.",
])
def test_an_act_that_will_be_met_with_a_response_is_threatened_not_a_meeting(coder, text):
    events = [e for e in _code(coder, text) if e.trigger in ("met", "response", "force")]
    assert events and all(e.event_type == "THREATEN" for e in events), [(e.event_type, e.trigger) for e in events]
    assert countries(events[0].actor) == {"PAK"}
