"""Diplomatic pressure as wire copy writes it. A response promised to what another side did is a threat ("will
take countermeasures", "warned of retaliation", "promised a tough response"); help offered or a reply to a disaster
is not. Summoning another state's envoy is a protest; a court's summons is not. Sentences invented for this
test."""
import pytest

from parley.model import Article

THREATS = [
    "A foreign ministry spokeswoman said Tehran would take countermeasures against the new listings.",
    "Pyongyang warned of retaliation after the joint drills began on Monday.",
    "The Kremlin said Moscow will take countermeasures if the assets are seized.",
    "China's commerce ministry vowed to take necessary measures to protect the firms on the list.",
    "Hezbollah promised a crushing response to the killing of its commander.",
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


@pytest.mark.parametrize("text,actor,recipient", [
    ("Poland summoned the Russian envoy over the drones that crossed its border.", "POL", "RUS"),
    ("Germany's foreign ministry summoned Iran's ambassador on Monday after the executions.", "DEU", "IRN"),
])
def test_summoning_an_envoy_is_a_protest(coder, text, actor, recipient):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    found = [e for e in doc.events if e.trigger == "summoned"]
    assert found and found[0].event_type == "ACCUSE"
    assert actor in {a.country for a in found[0].actor} and recipient in {r.country for r in found[0].recipient}


def test_a_court_summons_is_no_protest(coder):
    doc = next(coder.code([Article(id="t", text="The court summoned the former minister to testify.",
                                   date="2025-07-14")]))
    assert not [e for e in doc.events if e.event_type == "ACCUSE"]
