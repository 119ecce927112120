"""Measures named by their nouns ("the EU's blacklist", "a full transaction ban") are sanctions; a party that
"faces" a measure ("Russia faces new sanctions from the EU") suffers it, and who imposes it is the "from" or "by";
a party's measure that names no one is aimed at whom its measures in the article aim at. Sentences written for
this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import events_in


def test_a_party_that_faces_sanctions_suffers_them(coder):
    sanctions = [e for e in _code(coder, "Iran faces fresh sanctions from the European Union over its drone "
                                        "exports.") if e.event_type == "SANCTION"]
    assert sanctions
    assert {r.country for r in sanctions[0].recipient} == {"IRN"}
    assert {a.country for a in sanctions[0].actor} == {"EU"}


@pytest.mark.parametrize("sentence", [
    "The package also adds 45 more tankers to the EU's blacklist.",
    "Three Russian banks will face a full transaction ban from January.",
])
def test_a_measure_named_by_its_noun_is_a_sanction_on_its_target(coder, sentence):
    text = "The European Union adopted new sanctions against Russia on Friday. " + sentence
    measures = [e for e in events_in(_code(coder, text), sentence[:20]) if e.event_type == "SANCTION"]
    assert measures and {r.country for r in measures[0].recipient} == {"RUS"}, \
        [(e.event_type, [(r.text, r.country) for r in e.recipient]) for e in measures]


def test_a_ban_at_home_is_no_sanction(coder):
    events = _code(coder, "The interior ministry imposed a ban on public gatherings in the capital.")
    assert not [e for e in events if e.event_type == "SANCTION"]
