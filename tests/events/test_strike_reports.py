"""A wire report on a night of strikes, as agencies write them. Each strike is one event with its toll: "attacked
the city, killing five" and "three people died when a missile struck a block" are one attack each, placed and
aimed at the country struck even with no attacker named in the clause; "it said" after a claim is the claim's
speaker; a spokesman known by title is a party, of the country of the ministry named before, never of the party
he accuses; a capital named as the accused ("accused Moscow of") places no event. Report written for this
test (places real, events invented)."""
import pytest

from parley.model import Article
from tests.events.helpers import events_in as _in

REPORT = """Russian drones and missiles hit Odesa and Zaporizhzhia overnight

KYIV, March 9 (Reuters) - Russia attacked the port city of Odesa with drones overnight, killing four people and \
wounding eleven, regional officials said.

In Zaporizhzhia, two people died when a ballistic missile struck a nine-storey building in the Shevchenkivskyi \
district, Governor Ivan Fedorov said.

Ukraine's air force said Russia had launched 90 drones and three missiles. Air defence units downed 61 of the \
drones, it said.

Ukraine's Foreign Ministry condemned the strikes. Foreign ministry spokesman Heorhii Tykhyi accused Moscow of \
terrorising civilians.
"""


@pytest.fixture(scope="module")
def events(coder):
    return next(coder.code([Article(id="r", text=REPORT, date="2025-03-09")])).events


def test_an_attack_and_its_toll_are_one_event(events):
    found = _in(events, "port city of Odesa", "ASSAULT")
    assert len(found) == 1, [(e.trigger, e.fatalities) for e in found]
    assert found[0].fatalities == 4
    assert {r.country for r in found[0].recipient} == {"UKR"}


def test_died_when_a_missile_struck(events):
    found = _in(events, "two people died", "ASSAULT")
    assert len(found) == 1, [(e.trigger, [a.country for a in e.actor]) for e in found]
    assert found[0].fatalities == 2
    assert {r.country for r in found[0].recipient} == {"UKR"}
    assert not {a.country for a in found[0].actor} - {"RUS"}


def test_it_said_is_the_last_speaker(events):
    found = _in(events, "downed 61", "ASSAULT")
    assert found and found[0].claimed_by is not None and found[0].claimed_by.country == "UKR"


def test_a_spokesman_of_the_ministry_named_before(events):
    found = _in(events, "Tykhyi", "ACCUSE")
    assert found and {a.country for a in found[0].actor} == {"UKR"}
    assert found[0].location is None or found[0].location.country != "USA"


@pytest.mark.parametrize("text,actor,target", [
    ("Ukraine's General Staff says its drones hit a pumping station of the Druzhba pipeline in Russia's Bryansk "
     "region.", "UKR", "RUS"),
    ("Russia's defence ministry said its air defences destroyed 40 Ukrainian drones over the Kursk region.", "RUS",
     "UKR"),
])
def test_weapons_a_possessive_names_the_owner_of(coder, text, actor, target):
    events = [e for e in next(coder.code([Article(id="w", text=text, date="2025-08-20")])).events
              if e.event_type == "ASSAULT"]
    assert events and {a.country for a in events[0].actor} == {actor}
    assert target in {r.country for r in events[0].recipient}


def test_an_enemy_drone_is_the_enemys(coder):
    text = ("Posts by the head of the Kherson Regional Military Administration on his Telegram channel.\n\n"
            "11:20\nIn Lvove, an enemy drone dropped explosives on a passenger car. A woman was wounded.")
    events = [e for e in next(coder.code([Article(id="p", text=text, date="2024-09-14")])).events
              if e.event_type == "ASSAULT"]
    assert events and {a.country for a in events[0].actor} == {"RUS"}
    assert events[0].evidence.sentence.startswith("In Lvove")
