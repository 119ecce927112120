"""Who an appeal, a meeting or a threat involves when the text names them only as sides or by their target:
"the warring parties" and "the parties" are the two sides of the fighting reported (inside one country too);
"the foreign ministers of both countries" stand for both countries; a vow to attack is aimed at whoever the
attack would hit ("vowed to keep targeting ships bound for Israeli ports"). Texts written for this test."""
import pytest

from parley.model import Article


def _code(coder, text):
    return next(coder.code([Article(id="s", text=text, date="2025-04-02")])).events


def _of(events, word, kind):
    return [e for e in events if word in e.evidence.sentence and e.event_type == kind]


@pytest.mark.parametrize("text,word,sides", [
    ("Fighting between the army and the Rapid Support Forces spread to El Obeid, where RSF drones struck a "
     "market. The World Food Programme appealed to the warring parties to let convoys through.", "appealed",
     {"SDN"}),
    ("Russian troops shelled Kupiansk again on Sunday. The ICRC called on the parties to spare civilians and "
     "let the wounded be evacuated.", "ICRC", {"RUS", "UKR"}),
    ("Ethiopian soldiers and Eritrean units clashed near Zalambessa. The African Union urged the opposing "
     "sides to return to talks.", "urged", {"ETH", "ERI"}),
])
def test_the_sides_of_the_fighting(coder, text, word, sides):
    found = [e for e in _code(coder, text) if word in e.evidence.sentence and e.event_type == "REQUEST"]
    assert found, [(e.event_type, e.evidence.sentence[:40]) for e in _code(coder, text)]
    assert {r.country for r in found[0].recipient} == sides


@pytest.mark.parametrize("text,word,kind,both", [
    ("Armenia and Azerbaijan signed a draft peace treaty in August. The foreign ministers of both countries met in Abu "
     "Dhabi on Thursday.", "met", "CONSULT", {"ARM", "AZE"}),
    ("India and Pakistan traded accusations all week. On Tuesday the heads of military operations of the two "
     "armies spoke over their hotline.", "hotline", "CONSULT", {"IND", "PAK"}),
])
def test_people_of_a_group_stand_for_it(coder, text, word, kind, both):
    found = _of(_code(coder, text), word, kind)
    assert found
    assert {p.country for p in found[0].actor + found[0].recipient} == both


@pytest.mark.parametrize("text,target", [
    ("Houthi spokesman Yahya Saree vowed to keep targeting ships bound for Israeli ports.", "ISR"),
    ("The commander of the Sudanese army vowed to retake the towns held by the RSF.", "SDN"),
    ("Pyongyang vowed to strike American bases in Guam if the drills went ahead.", "USA"),
])
def test_a_vow_to_attack_is_aimed_at_its_target(coder, text, target):
    found = [e for e in _code(coder, text) if e.event_type == "THREATEN"]
    assert found, [(e.event_type, e.trigger) for e in _code(coder, text)]
    assert target in {r.country for r in found[0].recipient}


@pytest.mark.parametrize("text", [
    "M23 rebels have sworn to fight until they take Uvira, a local official said.",
    "Houthi leaders vowed to keep attacking ships until the blockade is lifted.",
])
def test_a_vow_to_fight_is_a_threat_whatever_the_parse(coder, text):
    events = _code(coder, text)
    assert "THREATEN" in {e.event_type for e in events}, [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text,word,kind,other", [
    ("Ukraine's foreign minister refused to discuss any withdrawal of Ukrainian troops from Zaporizhzhia, a "
     "demand Moscow has repeated.", "refused", "REJECT", "RUS"),
    ("Pakistan's army warned that Pakistani forces would respond forcefully to any Indian incursion.", "warned",
     "THREATEN", "IND"),
    ("Talks with Armenia resumed in Almaty. Azerbaijan's defence ministry warned that Azerbaijani units would "
     "destroy any position that opens fire across the border.", "warned", "THREATEN", "ARM"),
])
def test_a_states_reaction_is_not_aimed_at_itself(coder, text, word, kind, other):
    """A refusal or threat that mentions the speaker's own forces is aimed at the other party the sentence
    names, else the one named before."""
    found = _of(_code(coder, text), word, kind)
    assert found
    assert {r.country for e in found for r in e.recipient} == {other}


def test_a_call_for_calm_is_addressed_to_the_two_sides(coder):
    """"China also called for calm" after a clash between India and Pakistan is addressed to them, not to the
    party named last; and a third country the next sentence names is no place of the clash."""
    text = ("Indian and Pakistani troops exchanged fire across the Line of Control on Tuesday, killing two "
            "soldiers.\n\nThe United States urged both countries to show restraint. China also called for calm "
            "and dialogue.\n\nThe European Union called for restraint.\n")
    events = _code(coder, text)
    calls = [e for e in events if e.event_type == "REQUEST" and "called" in e.evidence.sentence]
    assert len(calls) == 2
    for e in calls:
        assert {r.country for r in e.recipient} == {"IND", "PAK"}
    clash = next(e for e in events if e.event_type == "ASSAULT")
    assert clash.location is None or clash.location.country != "USA"


def test_the_victims_of_a_state_at_war_are_its_adversarys(coder):
    """Civilians a Russian attack struck, and "the bombing" it did, are Ukraine's, not those of the United States
    the same sentence or the one before names as asked for help."""
    text = ("Russian glide bombs killed eight people in Kharkiv on Monday. Ukraine's foreign ministry condemned the "
            "strike as a deliberate attack on sleeping families and urged the United States to speed up deliveries "
            "of air defence. Moscow has not commented on the bombing.")
    events = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert events
    assert all("USA" not in {r.country for r in e.recipient} for e in events), \
        [(e.trigger, [r.country for r in e.recipient]) for e in events]


@pytest.mark.parametrize("text,word", [
    ("Sudan's army and the Rapid Support Forces signed a truce in Jeddah on Friday.", "signed"),
    ("Ethiopia's government and Tigrayan forces initialled an accord in Nairobi late on Tuesday.", "accord"),
])
def test_a_deal_made_in_a_capital_is_not_with_its_state(coder, text, word):
    found = [e for e in _code(coder, text) if e.trigger == word]
    assert found and not {"SAU", "KEN"} & {r.country for r in found[0].recipient}


def test_claims_a_nationality_qualifies_are_that_nations(coder):
    events = _code(coder, "Washington accused Moscow of dragging its feet on the exchange. The Kremlin denied "
                          "Ukrainian claims that it was delaying the swap.")
    denial = _of(events, "Kremlin", "REJECT")
    assert denial and {r.country for r in denial[0].recipient} == {"UKR"}


def test_whom_a_measure_is_on_is_whom_its_participle_accuses(coder):
    events = _code(coder, "The EU imposed sanctions on three Iranian drone makers, accusing them of arming Russia.")
    charge = [e for e in events if e.event_type == "ACCUSE"]
    assert charge and {r.country for r in charge[0].recipient} == {"IRN"}
