"""Places the tagger does not see as names: an installation named by its town ("the Fastiv railway junction", "the
Novoshakhtinsk refinery"), a town name the tagger took for a common noun, and, when the clause's own place phrase
is no place the table knows, the places of the clause before those of its subject. Sentences invented for this
test."""
import pytest

from parley.model import Article


def _located(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    return [e.location for e in doc.events if e.event_type == "ASSAULT" and e.location is not None]


INSTALLATIONS = [
    ("A missile struck the Fastiv railway junction in Kyiv region early on Monday.", "Fastiv"),
    ("Ukrainian drones set the Novoshakhtinsk oil refinery on fire, the governor of Rostov region said.",
     "Novoshakhtinsk"),
    ("Explosions were heard after a strike on the Myrhorod airbase in Poltava region.", "Myrhorod"),
]


@pytest.mark.parametrize("text,town", INSTALLATIONS)
def test_an_installation_is_placed_at_its_town(coder, text, town):
    found = _located(coder, text)
    assert found and found[0].name == town, (text, found)


def test_a_name_tagged_as_a_common_noun_is_still_a_place(coder):
    # the sentence's first word, which the tagger reads as a noun
    text = "Marganets was shelled from the far bank of the reservoir overnight."
    assert coder.nlp(text)[0].pos_ != "PROPN"  # the construction this test is about
    found = _located(coder, text)
    assert found and found[0].name == "Marhanets" and found[0].country == "UKR"


def test_the_clause_own_place_before_its_subject_place(coder):
    text = "Brigades pushing south of Velyka Novosilka recaptured Staromaiorske on the Mokri Yaly river on Sunday."
    found = _located(coder, text)
    assert found and found[0].name.startswith("Staromai"), found
