"""A bare "the group" (or "the movement", "the militia") refers back to the last armed group, opposition, party
or NGO named: "Hamas accused Israel of ... . In a statement, the group urged the mediators ..." is Hamas's call.
Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code


@pytest.mark.parametrize("text,country,sector", [
    ("Hamas accused Israel of stalling the hostage talks. Late on Monday the group urged Egypt to press Israel.",
     "PSE", "REB"),
    ("Amnesty International documented the killings in Tigray. The group called on Addis Ababa to open an inquiry.",
     None, "NGO"),
    ("The M23 announced a unilateral truce. The movement urged Kinshasa to open direct talks.", "COD", "REB"),
])
def test_the_group_is_the_last_group_named(coder, text, country, sector):
    second = text.split(". ")[1]
    calls = [e for e in _code(coder, text) if e.event_type == "REQUEST" and e.evidence.sentence.startswith(second[:15])]
    assert calls and calls[0].actor, text
    assert calls[0].actor[0].sector == sector
    if country:
        assert calls[0].actor[0].country == country


def test_a_group_with_words_of_its_own_is_not_a_back_reference(coder):
    events = _code(coder, "Hamas accused Israel of stalling the talks. A group of mothers urged both sides to agree.")
    calls = [e for e in events if e.event_type == "REQUEST"]
    assert not calls or all(a.sector != "REB" for a in calls[0].actor), [(a.text, a.sector) for a in calls[0].actor]


def test_a_person_named_again_by_surname_is_the_person_named_before(coder):
    text = ("Two women were injured in Sumy, regional governor Oleh Hryhorov said on Telegram. "
            "Hryhorov accused Russian forces of deliberately targeting the city's bus station.")
    accusations = [e for e in _code(coder, text) if e.event_type == "ACCUSE"]
    assert accusations and {(a.country, a.sector) for a in accusations[0].actor} == {("UKR", "GOV")}


def test_a_body_named_again_is_not_taken_for_a_person(coder):
    text = ("The UN Human Rights Office said it was alarmed by the fighting. "
            "The Office has documented more than 170 attacks on schools since January.")
    assert not [e for e in _code(coder, text) if e.event_type == "ASSAULT" and
                {a.sector for a in e.actor} == {"IGO"}]


def test_people_described_by_what_befell_their_homes_are_no_new_attack(coder):
    events = _code(coder, "The governor said residents whose homes were damaged would receive compensation.")
    assert not [e for e in events if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in events]


def test_a_bare_noun_refers_to_the_party_it_named_before(coder):
    text = ("The Sahel Doctors Network, a coalition of Malian medical charities, condemned the shelling of a clinic "
            "near Gao. The coalition said soldiers had detained two nurses in Menaka.")
    detentions = [e for e in _code(coder, text) if e.event_type == "COERCE"]
    assert detentions and detentions[0].claimed_by is not None
    assert detentions[0].claimed_by.country == "MLI"


def test_a_subject_pronoun_continues_the_last_sentence_s_subject(coder):
    text = ("The Ituri Peace Collective, a network of Congolese church groups, said militiamen had burned a camp "
            "near Bunia. It urged the CODECO militia to free the hostages. It also urged Uganda to protect the "
            "displaced.")
    calls = [e for e in _code(coder, text) if e.event_type == "REQUEST" and "Uganda" in e.evidence.sentence]
    assert calls and calls[0].actor and all(a.sector != "REB" for a in calls[0].actor), \
        [(a.text, a.sector) for a in calls[0].actor]


@pytest.mark.parametrize("text", [
    "The WHO condemned a series of attacks on hospitals in Darfur.",
    "Amnesty International documented a wave of strikes on schools in Idlib.",
])
def test_those_who_judge_or_record_attacks_did_not_make_them(coder, text):
    events = _code(coder, text)
    assert not [e for e in events if e.event_type == "ASSAULT" and {a.sector for a in e.actor} & {"IGO", "NGO"}], \
        [(e.event_type, [(a.text, a.sector) for a in e.actor]) for e in events]


def test_a_sentence_with_no_event_still_says_whom_the_next_refers_to(coder):
    text = ("Germany's defence ministry condemned the drone incursion into Polish airspace, the ministry said. "
            "Russia's defence ministry published its own figures instead. Its units had seized three "
            "smuggling boats in the Baltic, the ministry said.")
    seizures = [e for e in _code(coder, text) if "smuggling boats" in e.evidence.sentence]
    assert seizures and {a.country for a in seizures[0].actor} == {"RUS"}, \
        [(e.event_type, [(a.text, a.country) for a in e.actor]) for e in seizures]


@pytest.mark.parametrize("text, words, kind, want", [
    ("Armenian and Azerbaijani delegations held talks in Abu Dhabi on Monday. A US envoy met separately with each "
     "delegation afterwards.", "A US envoy", "CONSULT", {"ARM", "AZE"}),
    ("Thai and Cambodian troops exchanged fire along the border on Monday. Malaysia urged either side to show "
     "restraint.", "Malaysia urged", "REQUEST", {"THA", "KHM"}),
])
def test_each_member_of_a_group_stands_for_the_group(coder, text, words, kind, want):
    from tests.events.helpers import coded, countries, events_in
    found = [e for e in events_in(coded(coder, text), words) if e.event_type == kind]
    assert found and want <= countries(found[0].recipient), [(e.actor, e.recipient) for e in found]
