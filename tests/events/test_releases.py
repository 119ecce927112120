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
    found = [e for e in events_in(_code(coder, text), words) if e.event_type == "RETREAT"]
    assert found and countries(found[0].actor) == {releaser} and freed in countries(found[0].recipient), \
        [(e.actor, e.recipient) for e in found]


def test_captives_received_come_from_the_other_side_not_the_mediator(coder):
    text = ("Armenia and Azerbaijan exchanged detainees on Monday in a swap brokered by the United States. Washington "
            "thanked both governments. Yerevan said it had received the remains of 12 soldiers the same day.")
    found = [e for e in events_in(_code(coder, text), "Yerevan said") if e.event_type == "RETREAT"]
    assert found and countries(found[0].actor) == {"AZE"} and "ARM" in countries(found[0].recipient), \
        [(e.actor, e.recipient) for e in found]
