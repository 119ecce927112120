"""Statements and measures as press releases and wires give them. A quotation that goes on into the next sentence
is the same speaker's, so "The military must halt its attacks" there is that speaker's demand; approving a
sanctions package is the sanction, aimed at whoever the package targets, not at the bloc itself; blacklisting
named state companies sanctions their country; a party named by kind is of the article's main state, never of
the UN however often the text names it; a meeting or call the report schedules stays a meeting, planned, while a
party's own conditional offer to meet is a commitment. Texts written for this test (invented events)."""
import pytest

from parley.model import Article


def _code(coder, text, date="2025-05-07"):
    return next(coder.code([Article(id="s", text=text, date=date)])).events


def _one(events, words, kind):
    found = [e for e in events if words in e.evidence.sentence and e.event_type == kind]
    assert found, [(e.event_type, e.trigger, e.evidence.sentence[:40]) for e in events]
    return found[0]


RELEASE = """GENEVA (7 May 2025) – The UN Human Rights Office said on Wednesday it had verified reports that \
Myanmar military jets bombed a monastery in Sagaing region on Monday, killing 14 people.

"Striking a monastery full of displaced families is indefensible," the High Commissioner said. "The military must \
stop its attacks on civilians at once."

The UN office has documented dozens of such strikes this year. The military denied that civilians had been \
targeted.
"""


def test_a_quotation_goes_on_with_its_speaker(coder):
    e = _one(_code(coder, RELEASE), "must", "REQUEST")
    assert e.claimed_by is not None and e.claimed_by.text == "the High Commissioner"
    assert "MMR" in {r.country for r in e.recipient}


def test_a_party_named_by_kind_is_of_the_main_state(coder):
    e = _one(_code(coder, RELEASE), "denied", "REJECT")
    assert {a.country for a in e.actor} == {"MMR"}


def test_approving_a_sanctions_package(coder):
    events = _code(coder, "Russia's strikes on the grid went on. On Thursday the EU approved its 19th sanctions "
                          "package, and the US Treasury blacklisted Rosneft and Lukoil.")
    eu = _one(events, "approved", "SANCTION")
    assert {a.country for a in eu.actor} == {"EU"} and "EU" not in {r.country for r in eu.recipient}
    us = [e for e in events if e.trigger == "blacklisted"]
    assert us and {r.country for r in us[0].recipient} == {"RUS"}


@pytest.mark.parametrize("text,kind,status", [
    ("Erdogan will discuss the safety of Black Sea shipping with Vladimir Putin by phone on Friday.", "CONSULT",
     "planned"),
    ("US and Russian envoys are expected to meet in Riyadh on Sunday.", "CONSULT", "planned"),
    ("Hamas said it would meet Egyptian mediators in Cairo if Israel released its leaders.", "AGREE", None),
])
def test_a_scheduled_meeting_and_a_conditional_offer(coder, text, kind, status):
    events = _code(coder, text)
    assert kind in {e.event_type for e in events}, [(e.event_type, e.status) for e in events]
    if status:
        assert {e.status for e in events if e.event_type == kind} == {status}


@pytest.mark.parametrize("text,accuser,accused", [
    ("Russia's defence ministry said the Kyiv regime continues to commit terrorist crimes against civilians.",
     "RUS", "UKR"),
    ("Kyiv's foreign ministry said Moscow continues to commit war crimes against the civilian population of "
     "Kherson.", "UKR", "RUS"),
])
def test_wrongdoing_told_in_a_claim_is_the_claimants_charge(coder, text, accuser, accused):
    """A claim whose clause tells the wrongdoing itself, with no verb of accusing, is the claimant's charge
    against the wrongdoer, not an accusation made by the wrongdoer."""
    found = [e for e in _code(coder, text) if e.event_type == "ACCUSE"]
    assert found
    for e in found:
        assert {a.country for a in e.actor} == {accuser}
        assert accused in {r.country for r in e.recipient}
        assert e.status == "occurred"


@pytest.mark.parametrize("text,kind,target", [
    ("Spokeswoman Maria Zakharova vowed that Russia would retaliate against US interests.", "THREATEN", "USA"),
    ("Pakistan's army chief vowed that his forces would strike back at any Indian aggression.", "THREATEN", "IND"),
])
def test_a_vow_of_a_hostile_act_in_a_that_clause_is_a_threat(coder, text, kind, target):
    """"Vowed that X would retaliate" is a threat, as "vowed to retaliate" is; a vow of help stays a pledge."""
    events = _code(coder, text)
    found = [e for e in events if e.event_type == kind]
    assert found, [(e.event_type, e.trigger) for e in events]
    if target:
        assert target in {r.country for r in found[0].recipient}
    assert not [e for e in events if e.event_type == "AGREE"]


def test_a_vow_of_help_stays_a_pledge(coder):
    events = _code(coder, "Kyiv pledged that it would keep supplying grain to Africa.")
    assert [e.event_type for e in events if "pledged" in e.evidence.sentence] == ["AGREE"]


def test_in_a_bid_to_is_a_purpose_not_a_pledge(coder):
    events = _code(coder, "The United States froze the assets of two oil producers, in a bid to cut the revenues "
                          "of the Russian state.")
    assert "AGREE" not in {e.event_type for e in events}


def test_a_spokesman_speaks_for_the_body_that_spoke_before(coder):
    text = ("MOSCOW, March 12 - Russia's foreign ministry denounced the sanctions. China's foreign ministry said "
            "Beijing firmly opposes unilateral sanctions. Spokesman Lin Jian called on Washington to stop harming "
            "normal trade.")
    e = _one(_code(coder, text), "Lin Jian", "REQUEST")
    assert {a.country for a in e.actor} == {"CHN"}


def test_a_measure_studied_or_complied_with_is_no_new_measure(coder):
    """"While they study the sanctions" and "comply with the restrictions" name measures already reported."""
    events = _code(coder, "The United States imposed sanctions on two oil producers on Wednesday. Refiners in "
                          "India said they would comply with the restrictions while they study the sanctions.")
    assert [e.event_type for e in events if e.event_type == "SANCTION" and "Refiners" in e.evidence.sentence
            and e.trigger in ("sanctions", "restrictions")] == []
    assert [e for e in events if e.event_type == "SANCTION" and "imposed" in e.evidence.sentence]


@pytest.mark.parametrize("text,kind,actor,recipient", [
    ("Moscow expressed gratitude to the UAE for brokering the exchange.", "SUPPORT", "RUS", "ARE"),
    ("Lebanon will lodge a complaint with the UN Security Council over the strikes.", "ACCUSE", "LBN", "UN"),
    ("Kyiv put forward a 30-day moratorium on strikes against energy sites, Russia said.", "REQUEST", "UKR", None),
])
def test_statement_nouns_and_phrasal_verbs(coder, text, kind, actor, recipient):
    events = next(coder.code([Article(id="n", text=text, date="2025-05-20")])).events
    found = [e for e in events if e.event_type == kind]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert actor in {a.country for a in found[0].actor}
    if recipient:
        assert recipient in {r.country for r in found[0].recipient}


def test_a_spokesman_for_a_body_speaks_for_it(coder):
    events = next(coder.code([Article(id="n", text="The spokesman for the UN Secretary-General called on both sides "
                                      "to exercise maximum restraint.", date="2025-05-20")])).events
    assert [a.country for e in events if e.event_type == "REQUEST" for a in e.actor] == ["UN"]


def test_clashes_between_two_named_groups_of_one_country(coder):
    events = next(coder.code([Article(id="n", text="Clashes between M23 fighters and Wazalendo militiamen killed "
                                      "at least 11 people near Mwenga in South Kivu.", date="2025-05-20")])).events
    clash = [e for e in events if e.event_type == "ASSAULT"]
    assert clash and len({a.name for a in clash[0].actor}) == 2
