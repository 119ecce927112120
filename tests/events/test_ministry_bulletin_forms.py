"""Forms of a defence ministry's bulletin in English translation. A title that names the issuer ("Summary of the
Ministry of Defence of ... on the progress of ...") makes it the voice of the bulletin; "air defence means"
is the weapons' name, not "means to"; what the issuer's air defence intercepted was the adversary's; "an air
assault brigade", "attack drones" and "deployment points" name kinds of units, machines and places, not events;
"delivered a strike" is an attack; "No strikes were carried out" reports none. A bulletin written for this
test (the places are real, the events invented)."""
import pytest

from parley.model import Article
from tests.events.helpers import events_in as _in

BULLETIN = """Summary of the Ministry of Defence of the Russian Federation on the progress of the special military \
operation

14 March 2025

Units of the Yug group of forces improved their tactical position and inflicted losses on an air assault brigade \
near Siversk.

Army aviation and attack drones delivered a strike on temporary deployment points of armed formations near \
Kostiantynivka.

Air defence means intercepted and destroyed 41 Ukrainian UAVs over the Belgorod and Voronezh regions.

No strikes were carried out against civilian facilities.
"""


@pytest.fixture(scope="module")
def events(coder):
    return next(coder.code([Article(id="b", text=BULLETIN, date="2025-03-14")])).events


def test_the_title_names_the_voice(events):
    found = _in(events, "inflicted losses")
    assert found and all(e.claimed_by is not None and e.claimed_by.country == "RUS" for e in found)
    assert {a.country for a in found[0].actor} == {"RUS"}
    assert {r.country for r in found[0].recipient} == {"UKR"}


def test_a_kind_of_unit_is_no_event(events):
    assert [e.trigger for e in _in(events, "inflicted losses")] == ["inflicted"]


def test_delivered_a_strike_on_deployment_points(events):
    found = _in(events, "delivered a strike")
    assert [e.event_type for e in found] == ["ASSAULT"], [(e.event_type, e.trigger) for e in found]
    assert found[0].trigger == "strike"
    assert {a.country for a in found[0].actor} == {"RUS"}


def test_air_defence_means_intercepted(events):
    found = _in(events, "Air defence means")
    assert found and found[0].status == "occurred"
    assert {a.country for a in found[0].actor} == {"RUS"}
    assert {r.country for r in found[0].recipient} == {"UKR"}


def test_no_strikes_were_carried_out(events):
    found = _in(events, "No strikes")
    assert found and all(e.status == "negated" for e in found)


STAFF_UPDATE = """Operational update of the General Staff of the Armed Forces of Ukraine as of 18:00 on 2 October 2025

In the Lyman direction, Ukrainian defenders stopped 23 assaults by the occupiers near Torske and Zarichne.

According to preliminary data, 64 invaders were eliminated in this direction, and three tanks and a howitzer were \
destroyed.

In the Novopavlivka direction, the enemy stopped its attacks for several hours after heavy losses.
"""


def test_the_enemys_assaults_stopped_and_its_losses(coder):
    """"Stopped 23 assaults by the occupiers" is fighting (the enemy's attacks repelled), not a halt; fighters
    "eliminated" and equipment "destroyed" in the issuer's bulletin were the enemy's, hit by the issuer's side;
    a side that stops its own attacks halts them."""
    events = next(coder.code([Article(id="g", text=STAFF_UPDATE, date="2025-10-02")])).events
    stopped = _in(events, "23 assaults")
    assert [e.event_type for e in stopped] == ["ASSAULT"]
    losses = _in(events, "eliminated", "ASSAULT")
    assert losses
    for e in losses:
        assert {a.country for a in e.actor} == {"UKR"}
        assert {r.country for r in e.recipient} == {"RUS"}
    assert not _in(events, "stopped its attacks", "ASSAULT")
