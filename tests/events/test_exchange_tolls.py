"""In an exchange of fire between two countries, a toll told after it of one side's people alone ("One Indian
soldier was wounded") is the other side's strike on that side, an event of its own; a toll of an attack by one
side stays that attack's. Sentences written for this test."""
from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


def test_one_sides_losses_in_an_exchange_are_the_others_strike(coder):
    text = ("Indian and Pakistani troops exchanged artillery fire across the Line of Control on Sunday night. One "
            "Indian soldier was wounded, the Indian army said. Pakistan's military said two of its soldiers were "
            "killed.")
    events = _code(coder, text)
    wounded = events_in(events, "One Indian soldier", "ASSAULT")
    assert wounded and countries(wounded[0].actor) == {"PAK"} and countries(wounded[0].recipient) == {"IND"}
    killed = events_in(events, "Pakistan's military", "ASSAULT")
    assert killed and countries(killed[0].actor) == {"IND"} and countries(killed[0].recipient) == {"PAK"}
    assert killed[0].fatalities == 2


def test_a_toll_after_a_one_sided_attack_stays_that_attacks(coder):
    text = "Russian drones struck an apartment block in Sumy on Sunday night. Three residents were wounded."
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].injured == 3
