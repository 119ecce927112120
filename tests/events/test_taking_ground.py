"""Ground taken, and weapons that fall: a named place as what troops took, liberated, seized or cleared; a flag
raised over a place; a formation a ministry owns ("its Centre group"); a drone or bomb that "fell" or "landed"
somewhere. Sentences invented for this test."""
import pytest

from parley.model import Article


def _events(coder, text):
    return next(coder.code([Article(id="t", text=text, date="2024-06-05")])).events


TAKEN = [
    ("Ukraine's southern command said its marines had liberated Urozhaine after a week of fighting.", "UKR"),
    ("Wagner fighters have taken Klishchiivka, the group's founder claimed on Telegram.", "UKR"),
    ("Moscow says its troops seized Krasnohorivka on the western edge of Donetsk.", "UKR"),
    ("Assault units cleared Robotyne of Russian infantry, the brigade's spokesman said.", "UKR"),
    ("Soldiers of the 35th brigade raised the national flag over Staromaiorske on Thursday.", "UKR"),
    ("The Russian defence ministry said its Centre group had captured Novoselivka Persha.", "UKR"),
]


@pytest.mark.parametrize("text,country", TAKEN)
def test_a_named_place_taken_is_ground_changing_hands(coder, text, country):
    taken = [e for e in _events(coder, text) if e.cameo == "192"]
    assert taken, text
    assert taken[0].event_type == "ASSAULT" and "territory" in taken[0].context
    assert taken[0].location is not None and taken[0].location.country == country


@pytest.mark.parametrize("text", [
    "Russia took Ukraine to court in The Hague over the downing of the airliner.",
    "The finance ministry raised fuel prices for the third time this year.",
    "Engineers cleared the rubble from the square in Bucha.",
    "The committee took Kyiv's request for more shells into account.",
])
def test_other_takings_and_clearings_are_not_ground(coder, text):
    assert not [e for e in _events(coder, text) if e.cameo == "192"]


def test_a_formation_a_ministry_owns_is_its_forces(coder):
    events = _events(coder, "Russia's defence ministry said its Dnipro group had destroyed two boats near Krynky.")
    actors = [a for e in events for a in e.actor]
    assert ("RUS", "MIL") in {(a.country, a.sector) for a in actors}


FALLEN = [
    "A Shahed fell on a private house in Kupiansk district overnight, the governor said.",
    "A guided bomb landed near a bus stop in Kostiantynivka on Tuesday morning.",
    "Two Russian missiles crashed into a field outside Pavlohrad, regional officials reported.",
]


@pytest.mark.parametrize("text", FALLEN)
def test_a_weapon_that_fell_somewhere_struck_it(coder, text):
    hits = [e for e in _events(coder, text) if e.event_type == "ASSAULT"]
    assert hits, text
    assert hits[0].location is not None and hits[0].location.country == "UKR"


@pytest.mark.parametrize("text", [
    "Grain prices fell sharply in Odesa after the corridor closed.",
    "The president's plane landed in Warsaw shortly after noon.",
    "A climber fell near the summit of Hoverla and was rescued.",
])
def test_other_falls_and_landings_are_no_attack(coder, text):
    assert not [e for e in _events(coder, text) if e.event_type == "ASSAULT"]
