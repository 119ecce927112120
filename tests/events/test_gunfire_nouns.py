"""Nouns of gunfire and small fights report an attack ("came under artillery fire", "a shootout left four dead");
a fire that burns does not. Who fell in a fight "with" the other side was a side of it. Sentences invented for
this test."""
import pytest

from parley.model import Article

ATTACKS = [
    "Vuhledar came under heavy mortar fire on 4 May 2023; two soldiers were wounded.",
    "A shootout between police and gunmen in Culiacan on 9 June 2022 left three people dead.",
    "Three militants died in a gunfight with troops in Shopian district on Friday.",
    "Border guards and smugglers were caught in a firefight near Nangarhar on 2 July 2021.",
    "Sniper fire killed a civilian in Mariinka on 17 March 2022.",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_gunfire_is_an_attack(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2024-05-10")]))
    assert any(e.event_type == "ASSAULT" for e in doc.events), text


@pytest.mark.parametrize("text", ["A fire broke out at a warehouse in Odesa on Monday.",
                                  "Firefighters put out a fire at a market in Lagos."])
def test_a_blaze_is_no_attack(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2024-05-10")]))
    assert not any(e.event_type == "ASSAULT" for e in doc.events)


@pytest.mark.parametrize("text,actor,recipient", [
    ("Two suspected militants were killed in a gunfight with security forces in Kulgam district on Monday.",
     "IND", "IND"),
    ("Four rebels died in fighting with the Congolese army near Rutshuru.", "COD", "COD"),
])
def test_the_side_that_fell_in_a_fight_fought_it(coder, text, actor, recipient):
    doc = next(coder.code([Article(id="t", text=text, date="2025-07-14")]))
    fights = [e for e in doc.events if e.event_type == "ASSAULT" and e.actor]
    assert fights and actor in {a.country for a in fights[0].actor} and \
        recipient in {r.country for r in fights[0].recipient}
