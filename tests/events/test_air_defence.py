"""Air defence that names no country ("Air defence units shot down nine drones over the region") is the defence of
the land the report is about, not the attacker's; a phrase that shares only its last word with a party named before
("air defence forces" after "the Ukrainian armed forces") is not that party. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, first


@pytest.mark.parametrize("text,sentence,defender", [
    ("Russian troops shelled 14 villages in Kharkiv region overnight, the regional administration said. "
     "Air defence units destroyed six Shahed drones over the region.", "Air defence units", "UKR"),
    ("The Ukrainian armed forces attacked nine settlements in Kursk region with drones, the governor wrote. "
     "In total, air defence forces shot down 22 unmanned aerial vehicles over the region.", "In total", "RUS"),
])
def test_air_defence_named_by_kind_defends_the_land_of_the_report(coder, text, sentence, defender):
    assert countries(first(_code(coder, text), sentence, "ASSAULT").actor) == {defender}


def test_a_speaker_s_own_air_defence_stays_the_speaker_s(coder):
    text = ("Russia's defence ministry said its forces had struck port facilities in the Odesa region. The ministry "
            "also said its air defences had intercepted 30 Ukrainian drones over Crimea.")
    assert countries(first(_code(coder, text), "intercepted", "ASSAULT").actor) == {"RUS"}


def test_drones_of_a_country_are_never_downed_by_its_own_defence(coder):
    text = ("Russia's defence ministry said its troops had taken the village of Novopavlivka. According to the "
            "ministry, Ukraine lost up to 180 servicemen near Pokrovsk over the past day. It also said air defences "
            "had shot down 41 Ukrainian drones over the Belgorod and Kursk regions.")
    down = first(_code(coder, text), "41 Ukrainian drones", "ASSAULT")
    assert countries(down.actor) == {"RUS"}
    assert down.claimed_by is not None and down.claimed_by.country == "RUS"


@pytest.mark.parametrize("text", [
    "Rescuers searched the damaged buildings for survivors, the mayor said.",
    "Families returned to their destroyed homes in Jabalia on Sunday.",
])
def test_a_participle_describing_a_thing_tells_no_attack(coder, text):
    events = _code(coder, text)
    assert not [e for e in events if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Operational information as of 08:00 on 9 May 2025. The General Staff of the Armed Forces of Ukraine reports: "
    "units of the Missile Troops hit an enemy ammunition depot near Melitopol and a radar station near Berdiansk.",
    "Operational information as of 08:00 on 9 May 2025. The General Staff of the Armed Forces of Ukraine reports: "
    "units of the Defence Forces hit four areas where occupier troops were concentrated near Pokrovsk.",
    "Operational information as of 08:00 on 9 May 2025. The General Staff of the Armed Forces of Ukraine reports: "
    "over the past day, aviation, missile troops and artillery of the Defence Forces hit 12 areas of concentration "
    "of enemy personnel, four command posts and an ammunition depot of the occupiers.",
])
def test_a_bulletins_own_forces_strike_the_enemys_arms_on_its_own_land(coder, text):
    from tests.events.helpers import coded, countries
    hits = [e for e in coded(coder, text) if e.event_type == "ASSAULT"]
    assert hits and countries(hits[0].actor) == {"UKR"} and "UKR" not in countries(hits[0].recipient), \
        [(e.actor, e.recipient) for e in hits]


def test_where_arms_were_made_is_no_party_and_no_place(coder):
    from tests.events.helpers import coded, countries
    text = ("Russia's defence ministry said on Sunday that air defence means had shot down six JDAM guided bombs made "
            "in the USA and 40 drones.")
    hits = [e for e in coded(coder, text) if e.event_type == "ASSAULT"]
    assert hits and countries(hits[0].actor) == {"RUS"} and "USA" not in countries(hits[0].recipient)
    assert hits[0].location is None or hits[0].location.country != "USA"
