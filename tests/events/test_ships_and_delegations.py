"""Ships, delegations and what a strike leaves.

- a ship's country is its flag's or owner's: "Houthi forces hit a Liberian-flagged bulk carrier" strikes Liberia's
  ship, but did not happen in Liberia;
- "delegations from Russia and Ukraine are expected to meet" is talks between the two;
- "struck the port, damaging a tanker" is one strike, and "a substation that supplies the hospital" tells no aid.
Sentences written for this test."""
from tests.events.helpers import coded as _code


def test_a_ship_hit_is_its_flags_but_not_placed_there(coder):
    events = _code(coder, "Houthi fighters struck a Malta-flagged tanker with a drone in the Gulf of Aden on Sunday.")
    hits = [e for e in events if e.event_type == "ASSAULT"]
    assert hits and "MLT" in {r.country for r in hits[0].recipient}, [(r.text, r.country) for r in hits[0].recipient]
    assert hits[0].location is None or hits[0].location.country != "MLT"


def test_delegations_from_two_countries_meet_each_other(coder):
    events = _code(coder, "Delegations from Armenia and Azerbaijan are expected to meet in Brussels next month.")
    talks = [e for e in events if e.event_type == "CONSULT"]
    assert talks and {"ARM", "AZE"} <= {p.country for p in talks[0].actor + talks[0].recipient}
    assert talks[0].status == "planned"


def test_damage_told_with_a_participle_is_the_strikes(coder):
    events = _code(coder, "A Russian missile struck the port of Izmail overnight, damaging a grain terminal and a "
                          "Panama-flagged freighter.")
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1, [(e.trigger, e.recipient) for e in events]


def test_a_facility_that_supplies_others_gives_no_aid(coder):
    events = _code(coder, "Ukrainian drones hit a substation that supplies the hospital in Horlivka.")
    assert not [e for e in events if e.event_type == "AID"], [(e.event_type, e.trigger) for e in events]


def test_forces_sent_somewhere_are_sent_to_that_country(coder):
    events = _code(coder, "Mali deployed reinforcements in Gao after the ambush on Monday.")
    sent = [e for e in events if e.event_type == "MOBILIZE"]
    assert sent and "MLI" in {r.country for r in sent[0].recipient}, [(e.event_type, e.recipient) for e in events]


def test_delegations_returning_to_a_venue_are_talks_planned_there(coder):
    events = _code(coder, "The Armenian and Azerbaijani delegations are expected to return to Abu Dhabi next week.")
    talks = [e for e in events if e.event_type == "CONSULT"]
    assert talks and {"ARM", "AZE"} <= {a.country for a in talks[0].actor}, [(e.event_type, e.trigger) for e in events]
    assert talks[0].status == "planned"
    assert "ARE" not in {r.country for r in talks[0].recipient}  # the venue hosts, it is no side


def test_people_returning_home_hold_no_talks(coder):
    events = _code(coder, "Thousands of displaced families began to return to Kherson after the floods.")
    assert not [e for e in events if e.event_type == "CONSULT"], [(e.event_type, e.trigger) for e in events]
