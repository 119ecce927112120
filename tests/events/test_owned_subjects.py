"""A subject known only as its owner's ("its special unit destroyed two bombers", "its first convoy reached Gaza
City") is of the owner's country, the owner being whom the pronoun means; an attack named as the time of another
act ("engineers restored power after the attack") is not that act's subject's attack. Sentences written for this
test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries, events_in


@pytest.mark.parametrize("text, words, kind, want", [
    ("Ukraine's navy said on Tuesday its special unit destroyed a Russian patrol boat off Tendra Spit.", "its special",
     "ASSAULT", "UKR"),
    ("The Turkish defence ministry said on Friday that its special unit had struck PKK shelters in northern Iraq.",
     "The Turkish", "ASSAULT", "TUR"),
    ("The World Food Programme said on Monday its second convoy had reached a warehouse in Khartoum.",
     "The World Food", "AID", "UN"),
])
def test_a_subject_known_by_its_owner_is_of_the_owners_country(coder, text, words, kind, want):
    found = events_in(_code(coder, text), words, kind)
    assert found and want in countries(found[0].actor), [(e.trigger, e.actor) for e in found]


@pytest.mark.parametrize("verb", ["restored power to 40,000 homes", "reopened the bridge"])
def test_an_attack_named_as_a_time_is_not_the_subjects(coder, verb):
    text = f"Ukrainian engineers {verb} on Sunday after the attack."
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert not any("UKR" in countries(e.actor) for e in attacks), [(e.trigger, e.actor) for e in attacks]


@pytest.mark.parametrize("text, want", [
    ("Baku said Armenian units had staged the incident and had themselves fired on Azerbaijani positions near "
     "Lachin.", "ARM"),
    ("Moscow said Ukrainian forces had retreated from the town and had themselves shelled its centre.", "UKR"),
])
def test_a_reflexive_subject_is_the_clause_it_is_joined_to(coder, text, want):
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert attacks and want in countries(attacks[0].actor), [(e.trigger, e.actor) for e in attacks]
