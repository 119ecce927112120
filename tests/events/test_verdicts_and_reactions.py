"""Statements that judge or answer another's act: calling it illegal or a crime is an accusation ("the Kremlin said
the sanctions were illegal"), a step a party condemned in a relative clause is condemned, and a threat or protest
with no one named answers the last hostile act against the speaker's country ("Moscow will take countermeasures"
after sanctions on Russia), a bloc included. Articles invented for this test."""
import pytest

from parley.model import Article
from tests.events.helpers import events_in as _in

SANCTIONS = """EU ministers adopt fresh package of sanctions on Russia

BRUSSELS, 12 June - European Union foreign ministers on Thursday adopted a 20th package of sanctions against \
Russia, targeting tankers of the shadow fleet and three refineries.

The package also lists a Turkish shipping company, a move Ankara criticised on Friday as unjustified.

The Kremlin said the new sanctions were illegal. Foreign ministry spokeswoman Maria Zakharova said Moscow would \
take retaliatory measures.
"""


@pytest.fixture(scope="module")
def events(coder):
    return next(coder.code([Article(id="s", text=SANCTIONS, date="2025-06-13")])).events


def test_calling_an_act_illegal_accuses_who_did_it(events):
    found = _in(events, "were illegal", "ACCUSE")
    assert found, [(e.event_type, e.evidence.sentence) for e in events]
    assert {a.country for a in found[0].actor} == {"RUS"}
    assert "EU" in {r.country for r in found[0].recipient}


def test_a_step_condemned_in_a_relative_clause(events):
    found = _in(events, "Ankara criticised", "ACCUSE")
    assert found and {a.country for a in found[0].actor} == {"TUR"}


def test_a_response_answers_the_last_act_against_the_speaker(events):
    found = _in(events, "retaliatory measures", "THREATEN")
    assert found and {a.country for a in found[0].actor} == {"RUS"}
    assert {r.country for r in found[0].recipient} == {"EU"}


@pytest.mark.parametrize("text,speaker", [
    ("Kyiv called the strike on the railway station a war crime.", "UKR"),
    ("Beijing described the new tariffs as blackmail.", "CHN"),
])
def test_calling_an_act_a_crime_is_an_accusation(coder, text, speaker):
    doc = next(coder.code([Article(id="t", text=text, date="2025-06-13")]))
    found = [e for e in doc.events if e.event_type == "ACCUSE"]
    assert found and {a.country for a in found[0].actor} == {speaker}


@pytest.mark.parametrize("text", [
    "The ministry said the shipment was not illegal.",
    "The court said the referendum was legal.",
    "Hamas called on Israel to end the violation of the truce.",
])
def test_no_verdict_no_accusation(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2025-06-13")]))
    assert not [e for e in doc.events if e.event_type == "ACCUSE"]


CONDEMNED = """Russian missiles struck the port of Izmail overnight, damaging grain silos, the regional governor said.

A second wave of drones hit warehouses near the Danube crossing before dawn.

Ukraine's foreign minister condemned the strike and urged Romania and Moldova to help protect the river route."""


def test_condemning_an_act_accuses_who_did_it(coder):
    events = next(coder.code([Article(id="c", text=CONDEMNED, date="2025-06-13")])).events
    found = [e for e in events if e.event_type == "ACCUSE" and "condemned" in e.evidence.sentence]
    assert found and {a.country for a in found[0].actor} == {"UKR"}
    assert {r.country for r in found[0].recipient} == {"RUS"}
    # the strike condemned is the one reported before, not a new attack
    assert not [e for e in events if e.event_type == "ASSAULT" and "condemned" in e.evidence.sentence]


@pytest.mark.parametrize("text,actor,target", [
    ("The UN Human Rights Office said it was deeply alarmed by reports of airstrikes by the Myanmar military on "
     "villages in Sagaing.", "UN", "MMR"),
    ("Tokyo has conveyed its serious concern to Beijing through diplomatic channels.", "JPN", "CHN"),
    ("Israeli jets struck a school in Gaza City on Monday. Norway expressed its deep concern at the attack.", "NOR",
     "ISR"),
])
def test_alarm_and_concern_accuse_who_acted(coder, text, actor, target):
    events = next(coder.code([Article(id="c", text=text, date="2025-05-06")])).events
    found = [e for e in events if e.event_type == "ACCUSE"]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert actor in {a.country for a in found[-1].actor} and target in {r.country for r in found[-1].recipient}
    # the attack the concern is about is not coded again from the statement
    assert len([e for e in events if e.event_type == "ASSAULT"]) <= (1 if "struck" in text else 0)


@pytest.mark.parametrize("text,speaker,target", [
    ("Putin called the US measures an unfriendly act.", "RUS", "USA"),
    ("A Russian missile hit a grain ship in Odesa port on Thursday. Navy spokesman Dmytro Pletenchuk called the "
     "strike a deliberate attempt to scare shipowners away from the corridor.", "UKR", "RUS"),
])
def test_calling_an_act_hostile_accuses_who_did_it(coder, text, speaker, target):
    events = next(coder.code([Article(id="v", text=text, date="2024-11-08")])).events
    found = [e for e in events if e.event_type == "ACCUSE"]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert {a.country for a in found[-1].actor} == {speaker}
    assert target in {r.country for r in found[-1].recipient}
