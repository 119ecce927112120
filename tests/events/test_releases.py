"""Captives let go with no releaser named ("205 Russian servicemen were returned", "84 soldiers were released from
Russian captivity") were let go by the country whose captivity they came from, else by the other side of the war
their country is in. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


@pytest.mark.parametrize("text, words, releaser, freed", [
    ("Armenia and Azerbaijan swapped detainees on Monday. Yerevan said 12 Armenian soldiers had been handed over at "
     "the border.", "Yerevan said", "AZE", "ARM"),
    ("Kyiv's ombudsman said 46 Ukrainian civilians had been released from Russian captivity on Sunday.", "46",
     "RUS", "UKR"),
])
def test_captives_let_go_by_no_one_named_were_let_go_by_the_other_side(coder, text, words, releaser, freed):
    found = events_in(_code(coder, text), words, "RETREAT")
    assert found and countries(found[0].actor) == {releaser} and freed in countries(found[0].recipient), \
        [(e.actor, e.recipient) for e in found]


def test_captives_received_come_from_the_other_side_not_the_mediator(coder):
    text = ("Armenia and Azerbaijan exchanged detainees on Monday in a swap brokered by the United States. Washington "
            "thanked both governments. Yerevan said it had received the remains of 12 soldiers the same day.")
    found = events_in(_code(coder, text), "Yerevan said", "RETREAT")
    assert found and countries(found[0].actor) == {"AZE"} and "ARM" in countries(found[0].recipient), \
        [(e.actor, e.recipient) for e in found]


@pytest.mark.parametrize("sentence", [
    "The ombudsman said the next exchange could take place within weeks.",
    "Officials said a further swap was being prepared.",
])
def test_one_more_exchange_is_between_the_last_ones_sides(coder, sentence):
    text = "Armenia and Azerbaijan exchanged 30 detainees each on Friday. " + sentence
    found = [e for e in events_in(_code(coder, text), sentence[:12]) if e.event_type == "RETREAT"]
    assert found and found[0].status in ("planned", "intended", "ongoing"), [(e.status, e.actor) for e in found]
    assert countries(found[0].actor) | countries(found[0].recipient) <= {"ARM", "AZE"}
    assert countries(found[0].actor)


def test_another_exchange_of_fire_is_no_swap(coder):
    text = "Indian and Pakistani troops traded fire on Friday. Another exchange of fire followed on Saturday."
    assert not [e for e in _code(coder, text) if e.event_type == "RETREAT"]
