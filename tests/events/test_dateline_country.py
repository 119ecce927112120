"""Where a report was filed and whose parties it names by kind. The wire dateline ("OUAGADOUGOU, June 3 -")
stays known after it is cut from the lead: a party named only by its kind ("the army general staff", "the
media regulator") is of the dateline's country when the text names that country too, however often it names
an armed group's home country; a country named with a possessive ("in Burkina Faso's Soum province") points
the place search there; an object pronoun of a participle is the object of the verb it hangs on ("suspended the
broadcaster, accusing it of ..."). Texts written for this test."""
from parley.events.segment import dateline_place, split_sentences
from parley.model import Article

SAHEL = """Mali-based militants kill 15 in Burkina raid

OUAGADOUGOU, May 12 — Fighters of a Mali-based jihadist group attacked a gendarmerie post near Djibo in \
Burkina Faso's Soum province on Sunday, killing 15 gendarmes, security sources said. The group, which has bases \
in central Mali, claimed the raid in a message posted online.

In a statement, the army said its aircraft had struck back, killing dozens of assailants as they fled.

The media regulator suspended a French radio station on Monday, accusing it of relaying the group's claims.
"""


def _events(coder, text=SAHEL, date="2025-05-12"):
    return next(coder.code([Article(id="d", text=text, date=date)])).events


def test_the_dateline_is_kept_when_cut():
    sentences = split_sentences(SAHEL)
    lead = next(s for s in sentences if s.dateline)
    assert lead.text.startswith("Fighters")
    assert dateline_place(lead.dateline) == "Ouagadougou"
    assert dateline_place("DUBAI/WASHINGTON, July 3 (Reuters) —") == "Dubai"


def test_parties_named_by_kind_are_of_the_dateline_country(coder):
    events = _events(coder)
    army = [e for e in events if "the army said" in e.evidence.sentence and e.event_type == "ASSAULT"]
    assert army and {a.country for a in army[0].actor} == {"BFA"}
    regulator = [e for e in events if "regulator" in e.evidence.sentence and e.event_type == "COERCE"]
    assert regulator and {a.country for a in regulator[0].actor} == {"BFA"}


def test_a_possessive_country_points_the_place_search(coder):
    raid = [e for e in _events(coder) if "Djibo" in e.evidence.sentence and e.event_type == "ASSAULT"]
    assert raid and raid[0].location is not None and raid[0].location.country == "BFA"


def test_an_object_pronoun_of_a_participle_is_the_verbs_object(coder):
    found = [e for e in _events(coder) if "accusing" in e.evidence.sentence and e.event_type == "ACCUSE"]
    assert found and {r.country for r in found[0].recipient} == {"FRA"}
