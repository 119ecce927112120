"""Losses told of the side that suffered them ("the enemy lost up to 230 servicemen and a tank", "Ukraine lost 190
troops, the ministry said") are strikes on that side by the other, as each side's bulletins count them; losing a
territory or a vote is no attack. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import events_in


@pytest.mark.parametrize("text,sentence,actor,recipient", [
    ("The General Staff of the Armed Forces of Ukraine reports:\n\nOver the past day the enemy lost 980 personnel, "
     "three tanks and 41 artillery systems.", "the enemy lost", "UKR", "RUS"),
    ("MOSCOW, May 2 - Units of the Yug group of forces took the village of Shevchenko, Russia's defence ministry "
     "said on Friday. The enemy lost up to 230 servicemen and a tank in the area, the ministry said.",
     "The enemy lost", "RUS", "UKR"),
    ("Russia's defence ministry said its troops had repelled four counterattacks near Kupiansk. According to the "
     "ministry, Ukraine lost up to 190 servicemen and two howitzers in the sector.", "Ukraine lost", "RUS", "UKR"),
])
def test_losses_of_one_side_are_strikes_by_the_other(coder, text, sentence, actor, recipient):
    strikes = [e for e in events_in(_code(coder, text), sentence) if e.event_type == "ASSAULT"]
    assert strikes, sentence
    assert {a.country for a in strikes[0].actor} == {actor}, [(a.text, a.country) for a in strikes[0].actor]
    assert {r.country for r in strikes[0].recipient} == {recipient}


def test_losing_ground_or_a_vote_is_no_attack(coder):
    events = _code(coder, "The ruling party lost its majority in parliament, and the president lost a key ally.")
    assert not [e for e in events if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in events]
