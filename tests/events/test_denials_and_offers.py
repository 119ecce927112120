"""Denials of a claim the text has told, and offers of talks between two sides.

- "The RSF denied the accusation": a REJECT by the denier against the accuser, and no second accusation read off
  the noun "accusation"; rivals of one country (an army and a militia) are two sides, so one may deny the other's
  claim;
- "offered to host talks between A and B", "ready to mediate between A and B", "called for dialogue between A
  and B": the talks' sides are whom the offer or the call is for, not the speaker's own country.
Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code


@pytest.mark.parametrize("text,denier,accuser", [
    ("Kyiv accused Moscow of shelling the dam. Moscow denied the accusations.", "RUS", "UKR"),
    ("Ethiopia accused Eritrea of arming the rebels in Tigray. Asmara flatly denied the allegation.", "ERI", "ETH"),
    ("Serbia accused Kosovo of expelling ethnic Serbs from the north. Pristina denied the charge on Monday.",
     "XKX", "SRB"),
])
def test_a_claim_denied_is_a_rejection_and_no_new_accusation(coder, text, denier, accuser):
    events = _code(coder, text)
    second = text.split(". ")[1]
    mine = [e for e in events if e.evidence.sentence.startswith(second[:20])]
    rejects = [e for e in mine if e.event_type == "REJECT"]
    assert rejects and denier in {a.country for a in rejects[0].actor}, [(e.event_type, e.trigger) for e in mine]
    assert accuser in {r.country for r in rejects[0].recipient}
    assert not [e for e in mine if e.event_type == "ACCUSE"], [(e.event_type, e.trigger) for e in mine]


def test_rivals_of_one_country_can_deny_each_others_claims(coder):
    text = ("The Sudanese army accused the Rapid Support Forces of shelling a market in El Obeid. "
            "The RSF denied the accusation.")
    rejects = [e for e in _code(coder, text) if e.event_type == "REJECT"]
    assert rejects, "no denial"
    assert {a.sector for a in rejects[0].actor} == {"REB"}
    assert "MIL" in {r.sector for r in rejects[0].recipient}


@pytest.mark.parametrize("text,host,sides", [
    ("Qatar offered on Sunday to host a new round of talks between Kinshasa and the M23.", "QAT", {"COD"}),
    ("Kazakhstan has offered to mediate between Baku and Yerevan.", "KAZ", {"AZE", "ARM"}),
    ("Turkey offered to host negotiations between Russia and Ukraine in Istanbul next month.", "TUR",
     {"RUS", "UKR"}),
    ("The State Department called for dialogue between Belgrade and Pristina.", "USA", {"SRB", "XKX"}),
])
def test_an_offer_or_call_for_talks_is_for_their_sides(coder, text, host, sides):
    events = [e for e in _code(coder, text) if host in {a.country for a in e.actor}]
    assert events, text
    assert sides <= {r.country for r in events[0].recipient}, [(r.text, r.country) for r in events[0].recipient]
    assert host not in {r.country for r in events[0].recipient}


def test_talk_about_a_summit_between_two_leaders_is_not_an_offer_to_them(coder):
    events = _code(coder, "The Kremlin said it was premature to talk about a summit between the two presidents.")
    assert not [e for e in events if e.trigger == "talk" and e.recipient], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Monitors said they had seen nothing to support Moscow's account of the blast.",
    "Satellite images gave little to support Israel's claim about the tunnels.",
])
def test_a_statement_word_with_no_one_to_say_it_is_no_event(coder, text):
    events = _code(coder, text)
    assert not [e for e in events if e.event_type in ("SUPPORT", "REQUEST", "SANCTION", "AGREE") and not e.actor], \
        [(e.event_type, e.trigger) for e in events]


def test_a_subject_the_coder_cannot_place_still_makes_the_act(coder):
    events = _code(coder, "The northern faction's military wing refused to let the relief flights land.")
    assert [e for e in events if e.event_type == "REJECT"], [(e.event_type, e.trigger) for e in events]


def test_an_attack_told_and_then_repelled_is_force_against_its_makers(coder):
    text = ("Al-Shabaab fighters stormed an army base near Baidoa on Thursday night. "
            "Soldiers backed by AU troops repelled the assault after two hours.")
    events = _code(coder, text)
    repelled = [e for e in events if e.trigger == "repelled"]
    assert repelled, [(e.event_type, e.trigger) for e in events]
    assert repelled[0].event_type == "ASSAULT"
    assert {(r.country, r.sector) for r in repelled[0].recipient} == {("SOM", "REB")}, \
        [(r.text, r.country, r.sector) for r in repelled[0].recipient]


def test_attacks_counted_as_repelled_are_their_makers_events(coder):
    events = _code(coder, "Ukrainian units repelled 22 Russian assaults near Kupiansk over the past day.")
    counted = [e for e in events if e.event_type == "ASSAULT"]
    assert counted and "RUS" in {a.country for a in counted[0].actor}, [(e.trigger, e.actor) for e in events]


@pytest.mark.parametrize("text", [
    "The governor of Donetsk region imposed a curfew from 7 pm in Kramatorsk and Sloviansk.",
    "Niger's interior ministry banned motorcycle traffic in the Tillaberi region until further notice.",
])
def test_a_state_measure_with_no_one_named_falls_on_its_people(coder, text):
    measures = [e for e in _code(coder, text) if e.event_type == "COERCE"]
    assert measures, text
    assert {r.sector for r in measures[0].recipient} == {"CVL"}, [(r.text, r.sector) for r in measures[0].recipient]


@pytest.mark.parametrize("text,sides", [
    ("Indirect contacts between Washington and Tehran resumed in Muscat on Saturday.", {"USA", "IRN"}),
    ("Oslo has kept up contacts with the ELN since the talks broke down.", {"NOR", "COL"}),
])
def test_contacts_between_two_sides_are_talks(coder, text, sides):
    talks = [e for e in _code(coder, text) if e.event_type == "CONSULT"]
    assert talks, text
    assert sides <= {p.country for p in talks[0].actor + talks[0].recipient}


def test_combat_contacts_are_no_talks(coder):
    events = _code(coder, "Ukrainian units reported 112 combat contacts along the front over the past day.")
    assert not [e for e in events if e.event_type == "CONSULT"], [(e.event_type, e.trigger) for e in events]


def test_a_deal_agreed_after_talks_between_two_sides_is_theirs(coder):
    text = "A three-day humanitarian pause was agreed on Monday after indirect contacts between Israel and Hamas."
    agreed = [e for e in _code(coder, text) if e.trigger == "agreed"]
    assert agreed and {"ISR", "PSE"} <= {a.country for a in agreed[0].actor}, \
        [(e.trigger, [(a.text, a.country) for a in e.actor]) for e in _code(coder, text)]


@pytest.mark.parametrize("text,broker,sides", [
    ("Armenia and Azerbaijan freed 32 detainees each on Sunday in a swap brokered by the United States.", "USA",
     {"ARM", "AZE"}),
    ("Egypt brokered a truce between Israel and Islamic Jihad late on Saturday.", "EGY", {"ISR", "PSE"}),
])
def test_a_broker_is_a_go_between_for_the_sides(coder, text, broker, sides):
    brokered = [e for e in _code(coder, text) if e.trigger == "brokered"]
    assert brokered and brokered[0].event_type == "CONSULT", [(e.event_type, e.trigger) for e in _code(coder, text)]
    assert broker in {a.country for a in brokered[0].actor}
    assert sides <= {r.country for r in brokered[0].recipient}, [(r.text, r.country) for r in brokered[0].recipient]


def test_agreeing_to_stop_attacks_is_no_threat(coder):
    events = _code(coder, "Negotiators for both armies agreed on Friday to stop shelling the border villages for a week.")
    assert [e for e in events if e.trigger == "agreed" and e.event_type == "AGREE"], \
        [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text,rejecter", [
    ("Moscow handed over a list of conditions, which Kyiv rejected as an ultimatum.", "UKR"),
    ("Washington tabled a draft resolution that Beijing vetoed on Friday.", "CHN"),
])
def test_a_relative_clause_with_a_subject_of_its_own_is_its_own_event(coder, text, rejecter):
    events = _code(coder, text)
    assert [e for e in events if e.event_type in ("REJECT", "SANCTION", "COERCE") and
            rejecter in {a.country for a in e.actor}], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Oman said it stood ready to host a new round of talks between Tehran and Washington.",
    "Kazakhstan's president offered to host the next meeting of the two foreign ministers in Astana.",
])
def test_an_offer_to_host_talks_is_the_hosting_intended(coder, text):
    events = _code(coder, text)
    hosting = [e for e in events if e.event_type == "CONSULT"]
    assert hosting and hosting[0].status == "intended", [(e.event_type, e.status) for e in events]
    assert not [e for e in events if e.event_type == "AGREE"]


@pytest.mark.parametrize("text,kind", [
    ("Overnight the enemy sent 112 attack drones against Kharkiv and Poltava regions.", "ASSAULT"),
    ("Iran has sent hundreds of drones to Russia since 2022, Western officials say.", "AID"),
])
def test_weapons_sent_against_a_target_are_an_attack_and_sent_to_a_state_are_aid(coder, text, kind):
    events = [e for e in _code(coder, text) if e.trigger == "sent"]
    assert events and events[0].event_type == kind, [(e.event_type, e.trigger) for e in events]
