"""Gunfire idioms and the tolls of attacks. "opened fire on", "returned fire" and "exchanged fire" are attacks;
"were killed when X opened fire" is one attack by X with its toll, not a second event with no attacker; a bare
"the attack" after "a survivor of" or "hours after" is the attack already reported, not a new one. And a
regulator suspending a broadcaster is censorship. Sentences written for this test."""
import pytest

from parley.model import Article


def _code(coder, text, date="2025-03-03"):
    return next(coder.code([Article(id="f", text=text, date=date)])).events


@pytest.mark.parametrize("text,actor,recipient", [
    ("Greek border guards opened fire on a boat carrying migrants off Lesbos.", "GRC", None),
    ("Azerbaijani units opened fire on Armenian positions near Sotk overnight.", "AZE", "ARM"),
    ("Indian and Pakistani troops exchanged fire along the Line of Control on Monday night.", "IND", None),
    ("Security forces in Dhaka opened fire with rubber bullets on students.", "BGD", None),
])
def test_gunfire_idioms_are_attacks(coder, text, actor, recipient):
    found = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert found, text
    assert actor in {a.country for e in found for a in e.actor}
    if recipient:
        assert recipient in {r.country for e in found for r in e.recipient}


@pytest.mark.parametrize("text,actor,victims", [
    ("Two Indian soldiers were killed and three others wounded on Monday when Pakistani troops opened fire on "
     "forward posts in Poonch district, the army said.", "PAK", "IND"),
    ("A 60-year-old man was killed when a Russian drone struck his car near Nikopol, the governor said.",
     "RUS", "UKR"),
    ("Four fishermen were wounded as Israeli naval boats fired on their vessel off Gaza City.", "ISR", "PSE"),
])
def test_killed_when_someone_attacked_is_one_attack(coder, text, actor, victims):
    events = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert len(events) == 1, [(e.trigger, [a.country for a in e.actor]) for e in events]
    assert {a.country for a in events[0].actor} == {actor}
    assert victims in {r.country for r in events[0].recipient}


def test_the_attack_already_reported_is_not_new(coder):
    text = ("Gunmen on motorcycles attacked a gendarmerie post near Djibo on Sunday, killing six. "
            "The council suspended the radio station after it aired an interview with a survivor of the attack.")
    events = _code(coder, text)
    second = [e for e in events if "survivor" in e.evidence.sentence]
    assert not [e for e in second if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in second]


@pytest.mark.parametrize("text", [
    "Niger's communications regulator suspended the French broadcaster for three months.",
    "The authorities in Bamako suspended the newspaper after it published the interview.",
])
def test_suspending_a_broadcaster_is_censorship(coder, text):
    found = [e for e in _code(coder, text) if e.event_type == "COERCE"]
    assert found and found[0].mode == "censor", [(e.event_type, e.mode) for e in _code(coder, text)]


def test_suspending_talks_stays_a_sanction(coder):
    found = _code(coder, "Pakistan suspended trade talks with India.")
    assert [e.event_type for e in found] == ["SANCTION"]


FOLLOW_UP = """Russian drones struck a school in Sumy on Tuesday night, the regional administration said.

Three people were injured, among them a nine-year-old girl. Power was cut in two districts.

Later in the day, shelling hit the village of Myropillia and one man was killed there.
"""


def test_a_toll_in_the_next_sentence_is_the_attacks_toll(coder):
    """"Three people were injured" right after the strike is that strike's toll, not a second attack; a sentence
    that tells its own attack keeps its own event."""
    events = [e for e in next(coder.code([Article(id="t", text=FOLLOW_UP, date="2025-06-04")])).events
              if e.event_type == "ASSAULT"]
    assert not [e for e in events if "Three people were injured" in e.evidence.sentence]
    strike = next(e for e in events if "school" in e.evidence.sentence)
    assert strike.injured == 3
    assert [e for e in events if "Myropillia" in e.evidence.sentence]


@pytest.mark.parametrize("text,struck", [
    ("Kostiantynivka came under fire again on Monday.", "UKR"),  # a town the tagger takes for an organisation
    ("Vovchansk came under fire for the third time this week.", "UKR"),
    ("Shebekino came under heavy fire overnight, the governor said.", "RUS"),
])
def test_a_town_that_comes_under_fire_is_attacked(coder, text, struck):
    found = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert found, text
    assert struck in {r.country for e in found for r in e.recipient}


@pytest.mark.parametrize("text", [
    "Smith came under fire for the decision to close the plant.",
    "The ministry came under fire for its handling of the floods.",
])
def test_coming_under_fire_for_something_is_criticism(coder, text):
    assert not [e for e in _code(coder, text) if e.event_type == "ASSAULT"]


def test_a_weapon_used_during_the_fighting_is_an_attack(coder):
    # "were killed in the fighting" is the fighting's toll; "were dropped ... during the fighting" is a strike
    text = "Barrel bombs were dropped on a market in Maarat al-Numan during the fighting on Tuesday, a monitor said."
    assert [e for e in _code(coder, text) if e.event_type == "ASSAULT" and e.trigger == "dropped"]


def test_people_killed_in_the_fighting_are_its_toll(coder):
    events = _code(coder, "Two civilians were killed in the fighting near Bakhmut, the governor said.")
    assert [e.trigger for e in events if e.event_type == "ASSAULT"] == ["fighting"]


@pytest.mark.parametrize("text,actor,struck", [
    ("A Russian drone dropped a grenade on a car in Kherson, wounding the driver.", "RUS", "UKR"),
    ("Russian aircraft dropped guided bombs on Huliaipole overnight.", "RUS", "UKR"),
])
def test_dropping_bombs_is_an_air_attack(coder, text, actor, struck):
    found = [e for e in _code(coder, text) if e.event_type == "ASSAULT" and e.trigger == "dropped"]
    assert found and found[0].mode == "aerial"
    assert actor in {a.country for a in found[0].actor} and struck in {r.country for r in found[0].recipient}


def test_dropping_a_demand_is_still_a_concession(coder):
    assert [e.event_type for e in _code(coder, "Washington dropped its demand for a ceasefire.")] == ["CONCEDE"]


def test_the_target_of_a_weapon_in_the_passive_is_what_it_was_aimed_at(coder):
    found = [e for e in _code(coder, "Grenades were thrown at a police post in Srinagar on Friday.")
             if e.event_type == "ASSAULT"]
    assert found and found[0].recipient and all("Grenades" not in r.text for r in found[0].recipient)
    found = [e for e in _code(coder, "Barrel bombs were dropped on a market in Maarat al-Numan on Tuesday.")
             if e.event_type == "ASSAULT"]
    assert found and [r.text for r in found[0].recipient] == ["a market"]
