"""Conduct told in the present as deliberate ("the occupiers are deliberately shelling bus stops", "the enemy
deliberately targets ambulances") or as terror that goes on ("the Kyiv regime continues its attempts to terrorise
the population") is a charge by whoever says it against the doer (ACCUSE), not one attack that happened; an attack
told in the past, deliberate or not, stays an attack; an accusation that says so itself is not coded twice.
Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import events_in

GOVERNOR = ("Sumy region: posts of the head of the regional military administration\n\n"
            "What Sumy's regional governor Oleh Hryhorov wrote on Telegram on Tuesday, as collected by our desk.\n\n"
            "09:20\nA drone hit a minibus near Krasnopillia, wounding three passengers.\n\n")


@pytest.mark.parametrize("line,accused", [
    ("11:05\nThe occupiers are deliberately shelling bus stops in the border villages.", "RUS"),
    ("11:05\nThe enemy deliberately targets ambulances and rescue crews.", "RUS"),
])
def test_deliberate_conduct_told_in_the_present_is_a_charge(coder, line, accused):
    events = events_in(_code(coder, GOVERNOR + line, date="2025-09-16"), line.split("\n")[1][:20])
    charges = [e for e in events if e.event_type == "ACCUSE"]
    assert charges and {r.country for r in charges[0].recipient} == {accused}, \
        [(e.event_type, [(r.text, r.country) for r in e.recipient]) for e in events]
    assert {a.country for a in charges[0].actor} == {"UKR"}
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_ongoing_terror_in_a_ministry_bulletin_is_a_charge(coder):
    text = ("Summary of the Ministry of Defence of the Russian Federation\n\n"
            "Air defence systems shot down 31 Ukrainian drones over Bryansk region.\n\n"
            "The Kyiv regime continues its attempts to terrorise the population of the border areas.")
    charges = [e for e in events_in(_code(coder, text, date="2025-09-16"), "continues its attempts")
               if e.event_type == "ACCUSE"]
    assert charges and {r.country for r in charges[0].recipient} == {"UKR"}


def test_a_deliberate_strike_told_in_the_past_stays_an_attack(coder):
    events = _code(coder, GOVERNOR + "13:30\nRussian troops deliberately shelled a hospital in Sumy on Monday.",
                   date="2025-09-16")
    assert [e for e in events_in(events, "deliberately shelled") if e.event_type == "ASSAULT"]


def test_an_accusation_of_deliberate_attacks_is_one_accusation(coder):
    events = events_in(_code(coder, "Kyiv accused Moscow of deliberately targeting trains in Sumy region.",
                             date="2025-09-16"), "accused")
    assert len([e for e in events if e.event_type == "ACCUSE"]) == 1
