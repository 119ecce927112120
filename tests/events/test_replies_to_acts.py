"""A reply that points back to an act by a bare noun ("the Kremlin dismissed the measures", "Beijing condemned the
move", "Moscow rejected the statement") is towards whoever did the last act of that kind told before, not the last
country named; a noun that says whose or against whom it is keeps saying so. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


def _reply(coder, text: str, words: str, types=("REJECT", "ACCUSE", "SUPPORT", "AGREE", "CONCEDE")):
    found = [e for e in events_in(_code(coder, text), words) if e.event_type in types]
    assert found, [(e.event_type, e.trigger) for e in _code(coder, text)]
    return found[0]


@pytest.mark.parametrize("text, words, want", [
    ("Canada imposed sanctions on six Russian shipping firms on Monday. Separately, Norway said it would send more "
     "mine-clearing equipment to Ukraine. The Kremlin dismissed the measures as unlawful on Tuesday.", "The Kremlin", "CAN"),
    ("The foreign ministers of Spain and Portugal urged Israel in a joint statement to open more crossings into "
     "Gaza. Egypt hosted talks with Qatar on the same day. Israel's foreign ministry rejected the statement.",
     "Israel's foreign", "ESP"),
    ("Japan imposed export curbs on eight Chinese chip makers on Tuesday. Vietnam and the Philippines held naval drills the "
     "same week. China's commerce ministry condemned the restrictions.", "China's commerce", "JPN"),
    ("Turkey proposed a three-day truce around the grain port. Greece called for calm. Kyiv welcomed the proposal "
     "on Thursday.", "Kyiv welcomed", "TUR"),
])
def test_a_reply_to_an_act_named_by_a_bare_noun_is_to_its_doer(coder, text, words, want):
    reply = _reply(coder, text, words)
    assert want in countries(reply.recipient), [(r.text, r.country) for r in reply.recipient]


def test_a_noun_that_names_its_owner_keeps_it(coder):
    text = ("Canada imposed sanctions on six Russian shipping firms on Monday. Moscow condemned Britain's measures "
            "as theft.")
    reply = _reply(coder, text, "Moscow condemned")
    assert "GBR" in countries(reply.recipient)
    assert "CAN" not in countries(reply.recipient)


def test_a_reply_never_points_to_its_own_side(coder):
    text = ("Russia banned imports of Moldovan wine. The European Union imposed sanctions on Russian banks. "
            "Moscow rejected the measures.")
    reply = _reply(coder, text, "Moscow rejected")
    assert "RUS" not in countries(reply.recipient)
    assert "EU" in countries(reply.recipient)


def test_a_protest_rejected_is_answered_to_who_lodged_it(coder):
    text = ("Vietnam lodged a formal protest with Beijing on Tuesday over the seizure of a fishing boat. China's "
            "foreign ministry said it had made stern representations to Hanoi and rejected the protest.")
    events = _code(coder, text)
    rejects = events_in(events, "China's foreign", "REJECT")
    assert rejects and countries(rejects[0].recipient) == {"VNM"}, [(e.event_type, e.recipient) for e in events]
    charges = events_in(events, "China's foreign", "ACCUSE")
    assert charges and countries(charges[0].actor) == {"CHN"} and "VNM" in countries(charges[0].recipient)


@pytest.mark.parametrize("judged", ["This demand is unacceptable", "The proposal is unacceptable"])
def test_a_proposal_judged_unacceptable_is_rejected_to_its_author(coder, judged):
    text = ("Serbia's negotiators demanded that Kosovo dissolve its special police units on Monday. "
            f'"{judged} and will not be discussed," Kosovo\'s prime minister said.')
    events = _code(coder, text)
    rejects = events_in(events, judged, "REJECT")
    assert rejects and countries(rejects[0].recipient) == {"SRB"}, [(e.event_type, e.recipient) for e in events]
    assert not events_in(events, judged, "ACCUSE")


@pytest.mark.parametrize("text", [
    'Petro said in a televised address that the ELN was "mocking the peace process" and called on Venezuela to '
    "expel the group's commanders.",
    "Zelensky said on Telegram that Moscow would strike the grid again and urged Germany to send more Patriot "
    "batteries.",
])
def test_a_statement_joined_to_what_was_said_in_another_tense_is_the_speakers(coder, text):
    asks = [e for e in _code(coder, text) if e.event_type == "REQUEST"]
    speaker = "COL" if text.startswith("Petro") else "UKR"
    assert asks and countries(asks[0].actor) == {speaker}, [(e.actor, e.recipient) for e in asks]
