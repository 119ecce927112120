"""A newsroom's compilation of an official's posts ("What Mykolaiv's regional governor Vitaliy Kim wrote on
Telegram on Monday"): the official is the voice of every post (claims, "the enemy", "I"), though the heading names
only a town or region before the title; a single post cited in a report ("X wrote on Telegram that ...") is one
claim, not the voice of the article. Sentences written for this test."""
from tests.events.helpers import coded as _code
from tests.events.helpers import events_in

POSTS = ("Mykolaiv region: shelling of Ochakiv, evacuation continues\n\n"
         "What Mykolaiv's regional governor Vitaliy Kim wrote on Telegram on Monday, as collected by our desk.\n\n"
         "08:10\nThe enemy shelled Ochakiv overnight with artillery, wounding a 61-year-old man.\n\n"
         "12:40\nI urge everyone who still lives in the Kinburn spit area to leave while the boats are running.")


def test_the_compiled_official_is_the_voice_of_the_posts(coder):
    events = _code(coder, POSTS, date="2025-10-06")
    shelling = [e for e in events_in(events, "shelled Ochakiv") if e.event_type == "ASSAULT"]
    assert shelling and shelling[0].claimed_by is not None and shelling[0].claimed_by.country == "UKR"
    assert {a.country for a in shelling[0].actor} == {"RUS"}


def test_an_official_s_appeal_to_everyone_is_to_the_people_of_their_country(coder):
    events = _code(coder, POSTS, date="2025-10-06")
    appeals = [e for e in events_in(events, "I urge everyone") if e.event_type == "REQUEST"]
    assert appeals and {a.country for a in appeals[0].actor} == {"UKR"}
    assert {(r.country, r.sector) for r in appeals[0].recipient} == {("UKR", "CVL")}


def test_one_post_cited_is_no_voice_of_the_report(coder):
    text = ("Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, Kyiv's General Staff said. "
            "Bryansk governor Alexander Bogomaz wrote on Telegram that debris had damaged two houses. "
            "The enemy shelled the border village of Klimovo later on Monday, the Ukrainian military said.")
    shelling = [e for e in events_in(_code(coder, text, date="2025-10-06"), "Klimovo") if e.event_type == "ASSAULT"]
    assert not shelling or shelling[0].claimed_by is None or shelling[0].claimed_by.country != "RUS"


def test_an_instruction_to_the_public_in_a_post_is_the_official_s_request(coder):
    text = POSTS + "\n\n18:05\nWhen you hear the alarm, take cover in a basement and keep away from windows."
    instructions = [e for e in events_in(_code(coder, text, date="2025-10-06"), "take cover")
                    if e.event_type == "REQUEST"]
    assert instructions and {a.country for a in instructions[0].actor} == {"UKR"}
    assert {(r.country, r.sector) for r in instructions[0].recipient} == {("UKR", "CVL")}


def test_a_bulletin_s_closing_slogan_is_no_request(coder):
    text = ("The General Staff of the Armed Forces of Ukraine reports:\n\nOver the past day the enemy attacked "
            "Ukrainian positions 140 times.\n\nSupport the Defence Forces of Ukraine!")
    assert not [e for e in _code(coder, text, date="2025-10-06") if e.event_type == "REQUEST"]


def test_residents_taken_to_safety_are_evacuated_and_those_taken_to_hospital_are_a_toll(coder):
    text = POSTS + ("\n\n19:30\nPolice and rescuers took 17 residents of Kinburn, including four children, to safer "
                    "areas. Shelling also hit Pokrovka, and two villagers were taken to hospital.")
    events = _code(coder, text, date="2025-10-06")
    assert [e for e in events_in(events, "took 17 residents") if e.event_type == "AID"]
    assert not [e for e in events_in(events, "taken to hospital") if e.event_type == "AID"]
