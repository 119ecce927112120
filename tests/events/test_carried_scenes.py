"""A strike told in the next sentence of a report without a place of its own ("Shells also struck a school,
wounding 40") happened where the report is, and strikes the country there; a place named after a country ("the
Saudi Hospital" in El Fasher, "the Kuwaiti Hospital" in Rafah) is no party of that country. Sentences written for
this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import events_in


@pytest.mark.parametrize("text,second,country", [
    ("Paramilitary fighters shelled the town of Kadugli on Monday, killing nine people, medics said. Mortar rounds "
     "also struck a clinic treating malnourished children, wounding six nurses, a local doctors' group said.",
     "Mortar rounds also struck", "SDN"),
    ("Russian drones attacked the city of Sumy overnight, the regional administration said. Shells later struck a "
     "kindergarten, injuring a caretaker, the head of the city said.", "Shells later struck", "UKR"),
])
def test_a_strike_told_after_the_first_strikes_the_same_country(coder, text, second, country):
    strikes = [e for e in events_in(_code(coder, text), second) if e.event_type == "ASSAULT"]
    assert strikes and {r.country for r in strikes[0].recipient} == {country}, \
        [(e.event_type, [(r.text, r.country) for r in e.recipient]) for e in strikes]


def test_a_place_where_someone_spoke_is_not_carried_to_the_next_attack(coder):
    text = ("Rebels shelled a market in Goma on Sunday, killing four people, local officials said. The UN envoy "
            "condemned the shelling at a news conference in Geneva. Thousands more have fled south since fighting "
            "intensified in late May.")
    fights = [e for e in events_in(_code(coder, text), "Thousands more") if e.event_type == "ASSAULT"]
    assert not [e for e in fights if e.location is not None and e.location.name == "Geneva"]


@pytest.mark.parametrize("text,named", [
    ("A drone hit the Kuwaiti Hospital in Rafah on Tuesday, medics said.", "KWT"),
    ("Shelling damaged the Turkish School in Mogadishu's Hodan district.", "TUR"),
])
def test_a_place_named_after_a_country_is_no_party_of_it(coder, text, named):
    events = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert events
    assert all(named not in {r.country for r in e.recipient} for e in events), \
        [[(r.text, r.country) for r in e.recipient] for e in events]
    assert all(e.location is None or e.location.country != named for e in events)
