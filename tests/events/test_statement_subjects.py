"""A statement verb the parser joined to what a speaker said is the speaker's own statement: "the ministry said
the men were tortured, and accused Moscow of ..." is the ministry's accusation. Sentences invented for this test."""
import pytest

from parley.model import Article

CASES = [
    ("Ukraine's ombudsman office said many of the returned men were starved, and accused Moscow of breaking the "
     "Geneva Conventions.", "ACCUSE", "UKR", "RUS"),
    ("Kenya's foreign ministry said the activists had been detained without charge and urged Uganda to release "
     "them.", "REQUEST", "KEN", "UGA"),
]


@pytest.mark.parametrize("text,etype,actor,recipient", CASES)
def test_the_speaker_makes_the_joined_statement(coder, text, etype, actor, recipient):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    found = [e for e in doc.events if e.event_type == etype]
    assert found and actor in {a.country for a in found[0].actor} and \
        recipient in {r.country for r in found[0].recipient}, [(e.event_type, e.actor) for e in doc.events]


@pytest.mark.parametrize("text,etype,actor", [
    ("The prisoner swap with Russia, mediated by the United Arab Emirates, freed 84 Ukrainians.", "CONSULT", "ARE"),
    ("Dozens of captives came home in an exchange with Russia mediated by Saudi Arabia.", "CONSULT", "SAU"),
])
def test_a_participle_agent_is_the_actor(coder, text, etype, actor):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    found = [e for e in doc.events if e.event_type == etype]
    assert found and actor in {a.country for a in found[0].actor}, [(e.event_type, e.actor) for e in doc.events]


@pytest.mark.parametrize("text,denier,accuser", [
    ("Kyiv accused Moscow of using cluster munitions on a market. The Russian defence ministry denied it.",
     "RUS", "UKR"),
    ("Islamabad accused New Delhi of firing on a village across the Line of Control. An Indian army spokesman "
     "rejected the accusation as baseless and denied the allegation.", "IND", "PAK"),
])
def test_a_denial_in_the_next_sentence_rejects_the_accuser(coder, text, denier, accuser):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    assert any(e.event_type == "ACCUSE" for e in doc.events)
    rejects = [e for e in doc.events if e.event_type == "REJECT"]
    assert rejects and denier in {a.country for a in rejects[0].actor} and \
        accuser in {r.country for r in rejects[0].recipient}, [(e.event_type, e.actor, e.recipient) for e in doc.events]


def test_denying_a_forecast_is_no_rejection(coder):
    doc = next(coder.code([Article(id="t", text="The minister denied that prices would rise next year.",
                                   date="2025-07-14")]))
    assert not [e for e in doc.events if e.event_type == "REJECT"]


def test_the_two_standing_alone_are_the_pair_just_named(coder):
    text = ("Finland's foreign minister met her Estonian counterpart in Tallinn on Monday. The two agreed to "
            "hold joint patrols in the Gulf of Finland.")
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    agreed = [e for e in doc.events if e.trigger == "agreed"]
    assert agreed and {a.country for a in agreed[0].actor} >= {"FIN", "EST"}
