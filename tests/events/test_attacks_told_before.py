"""An attack named again as the subject of what it did ("the strikes killed four people", "a second strike hit the
same area") is by whoever made the attack told before; two attacks in one sentence stay two when they are told of
different days or, inside one country, of different kinds of party. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


@pytest.mark.parametrize("text, words, want", [
    ("British jets bombed an arms depot outside Hodeidah on Saturday. Local officials said the strikes killed "
     "two guards.", "Local officials", "GBR"),
    ("Ethiopian army drones hit a market in Amhara on Friday. A second strike hit the same street an hour later.",
     "A second strike", "ETH"),
    ("Pakistani artillery shelled three villages in Kunar on Monday. These shells wounded nine people, the "
     "provincial police said.", "These shells", "PAK"),
])
def test_an_attack_named_again_is_by_its_maker(coder, text, words, want):
    found = events_in(_code(coder, text), words, "ASSAULT")
    assert found and want in countries(found[0].actor), [(e.trigger, e.actor) for e in found]


def test_a_first_weapon_with_no_owner_stays_unknown(coder):
    text = "Sudan's army shelled Nyala on Monday. A drone hit a fuel depot in Port Sudan on Tuesday."
    found = events_in(_code(coder, text), "A drone hit", "ASSAULT")
    assert found and not countries(found[0].actor)


@pytest.mark.parametrize("speaker", ["The mayor", "Ukraine's foreign minister"])
def test_a_strike_that_shows_something_is_no_speaker(coder, speaker):
    text = (f"Russian missiles struck a dormitory in Kharkiv overnight. {speaker} said the strike showed that Moscow "
            "wanted no peace. He urged Germany to send more air defence systems.")
    assert _first_actors(coder, text, "He urged", "REQUEST") == {"UKR"}


@pytest.mark.parametrize("title", ["the mayor", "the governor"])
def test_a_local_official_is_of_the_place_the_report_is_at(coder, title):
    text = (f"A Russian drone hit a school in Sumy on Monday. Speaking to reporters, {title} accused Moscow of "
            "targeting children.")
    assert _first_actors(coder, text, "Speaking to", "ACCUSE") == {"UKR"}


def _first_actors(coder, text: str, words: str, kind: str) -> set | None:
    """The actor countries of the first event of ``kind`` in the sentence starting with ``words``, else None."""
    found = events_in(_code(coder, text), words, kind)
    return countries(found[0].actor) if found else None


def test_two_attacks_of_different_days_in_one_sentence_stay_two(coder):
    text = ("Ethiopia's air force bombed a rebel camp near Adwa on Sunday. A government spokesman said the jets had "
            "struck the camp, adding that the same militia had ambushed a federal convoy near Mekele last week.")
    found = events_in(_code(coder, text), "A government spokesman", "ASSAULT")
    assert len(found) == 2, [(e.trigger, e.actor, e.date) for e in found]
