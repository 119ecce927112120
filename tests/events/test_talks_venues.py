"""Talks between two parties the actor names are between them: the city they travel to or meet in ("would return
to Doha for talks", "met in the Chinese city of Kunming") is the venue, not a third party, and an unnamed side of
such talks is of the country of the side it meets, not of the host's. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries


@pytest.mark.parametrize("text, sides", [
    ("Envoys of the Yemeni government and the Houthis will travel to Muscat next week for a new round of talks.",
     {"YEM"}),
    ("Colombia's government and ELN negotiators resumed talks in Havana on Monday.", {"COL"}),
    ("Putin and Trump could meet in Budapest in the coming weeks, the Kremlin said.", {"RUS", "USA"}),
])
def test_the_venue_of_talks_is_no_party(coder, text, sides):
    talks = [e for e in _code(coder, text) if e.event_type == "CONSULT"]
    assert talks, [(e.event_type, e.trigger) for e in _code(coder, text)]
    for e in talks:
        assert countries(e.recipient) <= sides and countries(e.actor) <= sides, (e.actor, e.recipient)


def test_an_unnamed_side_of_talks_abroad_is_of_the_side_it_meets(coder):
    text = "The Arakan Army and junta officials met in the Chinese city of Kunming on Tuesday."
    talks = [e for e in _code(coder, text) if e.event_type == "CONSULT"]
    assert talks and countries(talks[0].actor) == {"MMR"}, [(e.actor, e.recipient) for e in talks]
