"""ACLED's definitions between sibling sub-types: who took the town, whether demonstrators were violent, killed
or dispersed. Sentences written for these tests."""
import pytest
import yaml

from parley.events.definitions import PROTESTS, TERRITORY, load_cues, settle
from parley.model import Article


def test_the_cue_file_is_well_formed():
    from importlib import resources

    with (resources.files("parley") / "data" / "acled_cues.yaml").open(encoding="utf-8") as f:
        d = yaml.safe_load(f)
    for key in ("protester_violence", "harm_to_protesters", "intervention"):
        phrases = d[key]
        assert phrases and all(isinstance(p, str) and p == p.lower().strip() for p in phrases), key
        assert len(phrases) == len(set(phrases)), f"{key} repeats a phrase"
    assert not set(d["state_forces"]) & set(d["non_state_forces"])


@pytest.mark.parametrize("sector,expected", [
    ("MIL", TERRITORY[0]), ("COP", TERRITORY[0]), ("REB", TERRITORY[1]), ("UAF", TERRITORY[1])])
def test_who_takes_the_town_decides_the_territory_sub_type(sector, expected):
    for chosen in TERRITORY:
        assert settle(chosen, "Fighters took control of the town of Kasala on Monday.", sector) == expected


@pytest.mark.parametrize("sector,expected", [("MIL", TERRITORY[0]), ("REB", TERRITORY[1])])
def test_forces_that_took_ground_took_territory_whatever_the_model_read(sector, expected):
    text = "After a week of fighting, the fighters took control of three villages south of the river."
    assert settle("Change to group/activity", text, sector) == expected
    # a change of activity that tells no ground taken stays one
    assert settle("Change to group/activity", "The militia moved its headquarters to the hills.", sector) == \
        "Change to group/activity"


def test_an_unknown_capturer_leaves_the_model_its_choice():
    for chosen in TERRITORY:
        assert settle(chosen, "The town of Kasala changed hands again on Monday.", None) == chosen
        assert settle(chosen, "The town of Kasala changed hands again on Monday.", "CVL") == chosen


@pytest.mark.parametrize("text,expected", [
    ("Students hurled stones at police, who fired tear gas to disperse them.", "Violent demonstration"),
    ("Riot police and marchers clashed near the ministry.", "Violent demonstration"),
    ("Protesters set fire to a police post after the rally.", "Violent demonstration"),
    ("Villagers blocked the highway with burning tyres.", "Violent demonstration"),
    ("Soldiers opened fire on a peaceful march, killing four people.", "Excessive force against protesters"),
    ("Police used live ammunition against unarmed demonstrators.", "Excessive force against protesters"),
    ("Officers fired rubber bullets to break up the sit-in; nine people were hurt.", "Protest with intervention"),
    ("Police detained 30 marchers outside parliament.", "Protest with intervention"),
])
def test_whose_violence_and_how_bad_decides_among_protests(text, expected):
    for chosen in PROTESTS[1:]:
        assert settle(chosen, text) == expected


@pytest.mark.parametrize("text", [
    "Riot police beat students staging a sit-in outside the university.",
    "Officers in riot gear dragged away demonstrators blocking the bridge.",
])
def test_riot_police_are_no_violence_of_the_demonstrators(text):
    for chosen in ("Protest with intervention", "Excessive force against protesters"):
        assert settle(chosen, text) != "Violent demonstration"


def test_an_attack_on_armed_forces_alone_is_an_armed_clash():
    text = "Insurgents stormed an army checkpoint outside the town, killing nine soldiers."
    assert settle("Attack", text, "REB", target_sectors=frozenset({"MIL"})) == "Armed clash"
    # on civilians, or with those it was aimed at unknown, it stays an attack
    assert settle("Attack", text, "REB", target_sectors=frozenset({"CVL"})) == "Attack"
    assert settle("Attack", text, "REB", target_sectors=frozenset({"MIL", "CVL"})) == "Attack"
    assert settle("Attack", text, "REB") == "Attack"


def test_a_count_of_dead_makes_force_excessive():
    text = "Police dispersed the crowd outside the governor's office."
    assert settle("Protest with intervention", text) == "Protest with intervention"
    assert settle("Protest with intervention", text, harmed=True) == "Excessive force against protesters"


def test_a_peaceful_protest_stays_peaceful_even_when_it_mourns_the_dead():
    text = "Thousands marched silently in memory of the miners killed in the collapse."
    assert settle("Peaceful protest", text) == "Peaceful protest"


def test_cues_match_whole_words_only():
    cues = load_cues()
    assert cues.protester_violence.search("The clashes lasted an hour")
    assert not cues.protester_violence.search("Lawmakers debated the Marriott merger")  # "riot" inside a word
    assert not cues.intervention.search("The unarrested suspects")


def _main(coder, text):
    events = next(coder.code([Article(id="t", text=text, date="2025-03-20")])).events
    return next(e for e in events if e.acled_sub_event_type)


def test_government_troops_capturing_a_town_regain_territory(coder):
    e = _main(coder, "Sudanese army troops captured the town of Um Rawaba from the Rapid Support Forces on Sunday.")
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Battles", TERRITORY[0])


def test_rioting_demonstrators_are_a_riot(coder):
    e = _main(coder, "Hundreds of protesters clashed with police in Dakar on Friday, throwing stones and burning tyres.")
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Riots", "Violent demonstration")
