"""A war inside one country: when an article reports a state fighting an armed group of its own country, an act
of either side that names no one is towards the other side, not towards the foreign country named last ("Sudan's
army ... The UAE denied ... The army vowed to retake Bara": the RSF, not the UAE). Answers to a proposal are
to its author. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in, first

CIVIL = [
    # (article, the sentence of the act, its type, the country and sectors the act must be towards)
    ("The Sudanese army bombed RSF bases outside Nyala on Sunday. Egypt hosted a meeting of Sudan's neighbours in "
     "Cairo. The army pledged to drive the paramilitaries out of Darfur.", "The army pledged", "SDN"),
    ("Myanmar's air force struck Kachin Independence Army positions near Bhamo. India reinforced its border posts. "
     "The military later threatened to bomb rebel supply lines.", "The military later", "MMR"),
    ("Al-Shabaab fighters ambushed a Somali army convoy near Baidoa. Kenya closed a crossing in Mandera. "
     "The militants vowed more attacks.", "The militants vowed", "SOM"),
]


@pytest.mark.parametrize("text,sentence,country", CIVIL)
def test_an_act_in_a_war_inside_one_country_is_towards_its_other_side(coder, text, sentence, country):
    acts = [e for e in events_in(_code(coder, text), sentence) if e.recipient]
    assert acts, sentence
    assert {r.country for r in acts[0].recipient} == {country}, [(r.text, r.country) for r in acts[0].recipient]


def test_the_other_side_of_a_state_is_the_armed_group_and_of_the_group_the_state(coder):
    text = ("Government troops clashed with FARC dissidents in Guaviare on Friday. Ecuador tightened controls at its "
            "border. The army vowed to press on with the offensive. The dissidents threatened reprisals.")
    events = _code(coder, text)
    army = [e for e in events_in(events, "The army vowed") if e.recipient]
    rebels = [e for e in events_in(events, "The dissidents threatened") if e.recipient]
    assert army and {(r.country, r.sector) for r in army[0].recipient} <= {("COL", "REB"), ("COL", "UAF")}
    assert rebels and all(r.country == "COL" and r.sector not in ("REB", "UAF") for r in rebels[0].recipient)


def test_a_war_between_states_keeps_its_foreign_counterpart(coder):
    # the article's war is Russia's against Ukraine: a threat with no one named is still towards Ukraine
    text = ("Russian troops shelled Kherson overnight, killing two people. Kyiv asked its allies for more air "
            "defence. Moscow warned of further strikes.")
    assert countries(first(_code(coder, text), "Moscow warned", "THREATEN").recipient) == {"UKR"}


def test_the_two_sides_of_a_war_inside_one_country_are_its_state_and_group(coder):
    text = ("ADF militants raided a village near Beni, killing nine people. Congo accuses Uganda of failing to "
            "secure the border. The army and the rebels later agreed to a local truce around Beni, but "
            "both sides accused each other of breaking it within hours.")
    assert countries(first(_code(coder, text), "both sides accused", "ACCUSE").actor) == {"COD"}


@pytest.mark.parametrize("text,authors", [
    ("Hamas said it accepted a proposal put forward by Egypt and Qatar.", {"EGY", "QAT"}),
    ("The junta rejected a peace plan drafted by ASEAN envoys.", {"ASEAN"}),
    ("Armenia welcomed a text proposed by the United States.", {"USA"}),
])
def test_an_answer_to_a_proposal_is_to_its_author(coder, text, authors):
    answers = [e for e in _code(coder, text) if e.event_type in ("AGREE", "REJECT", "SUPPORT")]
    assert answers and {r.country for r in answers[0].recipient} == authors, \
        [(e.event_type, [(r.text, r.country) for r in e.recipient]) for e in answers]


@pytest.mark.parametrize("text", [
    "Kinshasa accuses Kigali of arming the rebels, a charge that Rwanda denies.",
    "Ukraine blamed Russia for the blackout, an allegation the Kremlin denied.",
])
def test_a_charge_answered_by_a_denial_stands(coder, text):
    events = _code(coder, text)
    assert first(events, "", "ACCUSE").status == "occurred"
    assert first(events, "", "REJECT")


def test_fighting_between_two_parties_is_theirs(coder):
    events = _code(coder, "Fighting between Houthi fighters and government forces intensified near Marib.")
    fights = [e for e in events if e.event_type == "ASSAULT"]
    assert fights and {(a.country, a.sector) for a in fights[0].actor} >= {("YEM", "REB")}, \
        [(a.text, a.country, a.sector) for a in fights[0].actor]
