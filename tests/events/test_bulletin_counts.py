"""A front-line bulletin as its issuer writes it: fighting with no named attacker is between the issuer's side and
the side it fights, attacks tried are attacks made, counts of strikes and attacks are the events' quantities, an
appeal to the reader is no event, and a strike "in the Rostov region of the Russian Federation" by "units of the
Defence Forces of Ukraine" is in Russia. The bulletin is invented for this test."""
import pytest

from parley.model import Article
from tests.events.helpers import events_in as _in

BULLETIN = """Southern Defence Forces: 58 combat engagements on the southern front

Situation as of 18:00 on 3 August 2025 in the course of the Russian aggression.

During the day, 58 combat engagements were recorded on the southern front. The enemy carried out 23 air strikes and \
some 640 shellings of our positions and of frontline villages.

In the Orikhiv direction, the occupiers tried to advance towards Mali Shcherbaky three times. Our units repelled \
all of the assaults.

Overnight, units of the Defence Forces of Ukraine struck an ammunition depot near Taganrog in the Rostov region of \
the Russian Federation.

Donate to the brigades of the southern front. Glory to Ukraine!
"""


@pytest.fixture(scope="module")
def events(coder):
    return next(coder.code([Article(id="b", text=BULLETIN, date="2025-08-03")])).events


def test_fighting_with_no_named_attacker_is_the_enemy_against_the_issuer(events):
    found = _in(events, "58 combat engagements were recorded")
    assert found and found[0].event_type == "ASSAULT"
    assert {a.country for a in found[0].actor} == {"RUS"}
    assert {r.country for r in found[0].recipient} == {"UKR"}
    assert found[0].claimed_by is not None and found[0].claimed_by.country == "UKR"
    assert 58 in {q.value for q in found[0].quantities}


def test_counts_of_strikes_and_shellings_are_quantities(events):
    found = _in(events, "23 air strikes")
    assert found and {23, 640} <= {q.value for e in found for q in e.quantities}


def test_an_attack_tried_is_an_attack_made(events):
    found = _in(events, "tried to advance")
    assert found and found[0].event_type == "ASSAULT" and found[0].status == "occurred"
    assert {a.country for a in found[0].actor} == {"RUS"}
    # "Mali Shcherbaky" is a village whose name begins with a country's: no party or place of Mali
    assert found[0].location.name == "Mali Shcherbaky" and found[0].location.country == "UKR"


def test_a_strike_in_the_adversary_region_is_placed_there(events):
    found = _in(events, "ammunition depot near Taganrog")
    assert found and found[0].location is not None and found[0].location.country == "RUS"
    assert {a.country for a in found[0].actor} == {"UKR"}


def test_an_appeal_to_the_reader_is_no_event(events):
    assert not _in(events, "Donate to the brigades")


@pytest.mark.parametrize("text", [
    "Russian troops are trying to break through near Pokrovsk, the brigade said.",
    "The occupiers attempted to storm Vovchansk twice on Tuesday.",
])
def test_attempted_assaults(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2025-08-03")]))
    hits = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert hits and hits[0].status in ("occurred", "ongoing")
