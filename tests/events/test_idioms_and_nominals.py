"""Wordings of agreements, concessions, vetoes and sanctions that are not the commonest verb: an agreement
shaken hands on, reached as an understanding or told as a signing; a demand dropped or caved to; a veto told as
blocking an opening or a package; visa bans slapped on officials; a charge that someone did something;
allegations levelled against someone; relief handed over or dispatched; rallying behind a state; joint patrols;
curbs eased; a measure promised on a condition, or a vow to respond, is a threat. Sentences written for this test (invented events)."""
import pytest

from parley.model import Article


def _types(coder, text):
    return [e.event_type for e in next(coder.code([Article(id="i", text=text, date="2025-09-01")])).events]


@pytest.mark.parametrize("text,main", [
    ("Armenia and Azerbaijan shook hands on a deal to reopen their border crossings, Swiss mediators said.",
     "AGREE"),
    ("Serbia and Kosovo reached an understanding on Tuesday to resume talks on licence plates.", "AGREE"),
    ("The signing of a ceasefire by Sudan's army and the RSF was confirmed by Saudi mediators.", "AGREE"),
    ("Baku dropped its demand that Yerevan amend its constitution before a peace treaty.", "CONCEDE"),
    ("The Georgian government caved to opposition demands.", "CONCEDE"),
    ("Slovakia blocked the opening of the EU's accession talks with Moldova.", "REJECT"),
    ("Canada slapped travel bans on nine Haitian gang leaders.", "SANCTION"),
    ("Islamabad charged that Kabul had sheltered the attackers.", "ACCUSE"),
    ("Allegations of abuse were levelled against Greek border guards in a new report.", "ACCUSE"),
    ("Germany handed over 14 generators and two field kitchens to the Kharkiv regional administration.", "AID"),
    ("Qatar dispatched rescue teams and a field hospital to Afghanistan after the earthquake.", "AID"),
    ("Belgrade rallied behind Budapest after the European Commission froze the funds.", "SUPPORT"),
    ("Thailand and Cambodia launched joint patrols along the disputed border.", "COOPERATE"),
    ("The junta eased curbs on the opposition party, allowing it to hold meetings.", "CONCEDE"),
    ("Minsk said it would expel Lithuanian diplomats should Vilnius go ahead with the closure of the crossing.",
     "THREATEN"),
    ("Ruto vowed to respond firmly if the protesters stormed parliament again.", "THREATEN"),
    ("Red Cross staff carried 90 civilians out of the besieged town of Vuhledar.", "AID"),
    ("Rescuers said 14 people had been rescued alive from the rubble in Kharkiv.", "AID"),
    ("Ukrainian troops pushed Russian forces out of a forest belt near Kreminna.", "ASSAULT"),
    ("Iranian air defences engaged Israeli drones over Tabriz overnight.", "ASSAULT"),
    ("Russia has concentrated roughly 30,000 troops near Kupiansk.", "MOBILIZE"),
    ("Colombia's president chaired an extraordinary security council in Popayan.", "CONSULT"),
    ("Ukraine and Russia exchanged the remains of fallen soldiers on the Belarusian border.", "RETREAT"),
])
def test_the_main_event_of_an_idiom_or_a_nominal(coder, text, main):
    types = _types(coder, text)
    assert types and types[0] == main, types


def test_blocking_a_road_stays_a_protest(coder):
    assert _types(coder, "Farmers blocked a road near Lille to protest against fuel taxes.")[:1] == ["PROTEST"]


@pytest.mark.parametrize("text,kept,dropped", [
    ("Norway, which has hosted several rounds of the talks, urged both sides to return to the table.", "REQUEST",
     "CONSULT"),
    ("Kenya, which has pledged 1,000 police officers to the mission, asked the UN for more funding.", "REQUEST",
     "AGREE"),
])
def test_an_aside_about_a_party_is_no_event(coder, text, kept, dropped):
    """What a relative clause set off by commas says of the subject is background, unless it dates a new act."""
    types = _types(coder, text)
    assert kept in types and dropped not in types, types


def test_an_aside_that_dates_a_new_act_is_kept(coder):
    types = _types(coder, "Egypt's foreign minister, who met Lebanon's president in Beirut on Wednesday, put "
                          "forward a plan for the disarmament of Hezbollah.")
    assert "CONSULT" in types, types
