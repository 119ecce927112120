"""A response promised to what another side did is a threat: "will take countermeasures", "warned of retaliation",
"promised a tough response". Help offered or a reply to a disaster is not. Sentences invented for this test."""
import pytest

from parley.model import Article

THREATS = [
    "A foreign ministry spokeswoman said Tehran would take countermeasures against the new listings.",
    "Pyongyang warned of retaliation after the joint drills began on Monday.",
    "The Kremlin said Moscow will take countermeasures if the assets are seized.",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_promised_response_is_a_threat(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    assert any(e.event_type == "THREATEN" for e in doc.events), [(e.event_type, e.trigger) for e in doc.events]


@pytest.mark.parametrize("text", [
    "The ministry announced new measures to support farmers hit by the drought.",
    "The government promised a swift response to the floods in the south.",
])
def test_measures_and_responses_of_policy_are_no_threat(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    assert not any(e.event_type == "THREATEN" for e in doc.events)
