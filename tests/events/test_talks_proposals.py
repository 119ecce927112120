"""Talks as the wires report them. Putting something to the other side is a request: "proposed holding another
round", "proposed that the presidents meet", "suggested creating working groups", "handed the delegation a
memorandum"; what a demand asks for is its content, not a second event ("the demand that troops pull out");
dismissing a condition rejects it, in an object relative clause too ("a condition Kyiv dismissed"); the talks a
party is accused of stalling are no new talks, and an attack the accuser points to is the accused's; "the
delegations" are the parties at the table; a sentence the parser left without a verb root still has its
subject ("X, who opened the session, called on ..."). An article written for this test (invented events)."""
import pytest

from parley.model import Article
from tests.events.helpers import events_in as _in

TALKS = """Armenia and Azerbaijan end Geneva round without deal

GENEVA, April 8 — Armenian and Azerbaijani negotiators met in Geneva on Tuesday for a fourth round of talks on a \
peace treaty.

Armenia's deputy foreign minister handed the Azerbaijani delegation a memorandum listing its proposals on border \
demarcation. Baku's envoy proposed holding the next round in Abu Dhabi in May and suggested setting up a joint \
commission on transport links.

Azerbaijan repeated its demand that Armenia amend its constitution, a condition Yerevan dismissed as interference.

Swiss Foreign Minister Ignazio Cassis, who hosted the session, called on the delegations to keep working on the \
text.

Armenia's foreign ministry later accused Baku of stalling the negotiations, pointing to a drone attack on a \
border village near Jermuk on Monday.
"""


@pytest.fixture(scope="module")
def events(coder):
    return next(coder.code([Article(id="t", text=TALKS, date="2025-04-08")])).events


def _parties(e):
    return {a.country for a in e.actor}, {r.country for r in e.recipient}


@pytest.mark.parametrize("words,actor,recipient", [
    ("handed the Azerbaijani delegation a memorandum", "ARM", "AZE"),
    ("proposed holding the next round", "AZE", "ARM"),
])
def test_putting_something_to_the_other_side_is_a_request(events, words, actor, recipient):
    found = _in(events, words, "REQUEST")
    assert found, [(e.event_type, e.trigger) for e in events if words in e.evidence.sentence]
    assert actor in _parties(found[0])[0] and recipient in _parties(found[0])[1]


def test_the_content_of_a_demand_is_no_event(events):
    sentence = [e for e in events if "amend its constitution" in e.evidence.sentence]
    assert {e.event_type for e in sentence} <= {"REQUEST", "REJECT"}, [(e.event_type, e.trigger) for e in sentence]
    demand = [e for e in sentence if e.event_type == "REQUEST"]
    assert demand and _parties(demand[0]) == ({"AZE"}, {"ARM"})


def test_a_condition_dismissed_is_rejected(events):
    found = _in(events, "a condition Yerevan dismissed", "REJECT")
    assert found and _parties(found[0]) == ({"ARM"}, {"AZE"})


def test_the_host_calls_on_the_delegations(events):
    found = _in(events, "called on the delegations", "REQUEST")
    assert found and _parties(found[0])[0] == {"CHE"}
    assert _parties(found[0])[1] == {"ARM", "AZE"}


def test_stalled_talks_are_no_talks_and_the_attack_pointed_to_is_the_accused(events):
    sentence = [e for e in events if "stalling" in e.evidence.sentence]
    assert not [e for e in sentence if e.event_type == "CONSULT"], [(e.event_type, e.trigger) for e in sentence]
    attack = [e for e in sentence if e.event_type == "ASSAULT"]
    assert attack and _parties(attack[0])[0] == {"AZE"}


def test_what_talks_are_about_is_no_second_event(coder):
    text = ("DOHA, July 14 - Indirect negotiations between Israel and Hamas on a ceasefire resumed in Doha on Sunday. "
            "Qatari and Egyptian mediators shuttled between the delegations. The envoys met again on Monday, but the "
            "talks produced no breakthrough on a truce. Both sides blamed each other for the impasse. Israel said "
            "its delegation would stay in Doha. Hamas said it had shown flexibility. Egypt said it would host the "
            "next round. The United States urged both sides to close the gaps.")
    events = next(coder.code([Article(id="k", text=text, date="2025-07-14")])).events
    first = [e for e in events if "Indirect negotiations" in e.evidence.sentence or "breakthrough" in
             e.evidence.sentence]
    assert first and {e.event_type for e in first} == {"CONSULT"}, [(e.event_type, e.trigger) for e in first]


def test_the_two_delegations_are_those_of_the_last_talks(coder):
    text = ("Sudan's army and the Rapid Support Forces signed a deal in Jeddah on Tuesday to open three aid routes. "
            "Saudi and US mediators said the Red Cross would monitor the routes. The two delegations failed, however, "
            "to agree on a nationwide truce.")
    events = next(coder.code([Article(id="t", text=text, date="2025-05-20")])).events
    failed = [e for e in events if e.event_type == "AGREE" and "failed" in e.evidence.sentence]
    assert failed, [(e.event_type, e.evidence.sentence[:30]) for e in events]
    assert {a.country for a in failed[0].actor} == {"SDN"}
    assert failed[0].status == "negated"  # what they failed to do did not happen


@pytest.mark.parametrize("text,actor,not_country", [
    ("The Rwanda-backed M23 rebels seized Walikale on Wednesday.", "COD", "RWA"),
    ("Iran-funded militias fired rockets at a US base in eastern Syria.", None, "IRN"),
])
def test_a_state_that_backs_a_party_is_not_the_party(coder, text, actor, not_country):
    events = next(coder.code([Article(id="t", text=text, date="2025-05-20")])).events
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and not_country not in {a.country for a in attack[0].actor}
    if actor:
        assert actor in {a.country for a in attack[0].actor}
    assert attack[0].location is None or attack[0].location.country != not_country


def test_a_coalition_led_by_a_state_is_that_states(coder):
    events = next(coder.code([Article(id="t", text="Saudi-led coalition jets struck Sanaa overnight.",
                                      date="2025-05-20")])).events
    assert "SAU" in {a.country for e in events if e.event_type == "ASSAULT" for a in e.actor}


def test_a_local_ceasefire_brokered_by_a_go_between(coder):
    text = ("Russian troops shelled Kostiantynivka again on Sunday. Under an arrangement brokered by the "
            "International Committee of the Red Cross, Russian forces are to hold fire along the road to "
            "Druzhkivka from 8 a.m. to 2 p.m. on Monday, the regional administration said.")
    events = next(coder.code([Article(id="t", text=text, date="2025-10-05")])).events
    pause = [e for e in events if e.event_type == "RETREAT" and e.trigger == "hold"]
    assert pause, [(e.event_type, e.trigger) for e in events]
    assert {a.country for a in pause[0].actor} == {"RUS"}
    assert {r.country for r in pause[0].recipient} == {"UKR"}  # the other side, not the Red Cross that brokered it
    assert pause[0].status == "planned"  # "are to hold fire"


@pytest.mark.parametrize("text,status", [
    ("Zelensky is to visit Ankara next week.", "planned"),
    ("Zelensky visited Ankara last week.", "occurred"),
])
def test_be_to_is_a_plan(coder, text, status):
    events = next(coder.code([Article(id="t", text=text, date="2025-10-05")])).events
    assert [e.status for e in events if e.event_type == "CONSULT"] == [status]
