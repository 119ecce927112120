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
