"""A place or a target that "came under fire" was attacked; a person or a body that did was criticised. Sentences
invented for this test."""
import pytest

from parley.model import Article

STRUCK = [
    ("Nikopol came under fire again overnight, the governor said.", "UKR"),
    ("The village of Tyotkino came under fire from across the border on Friday, the regional governor wrote.", "RUS"),
    ("Ukrainian positions near Robotyne came under fire twice on Sunday.", "UKR"),
]


@pytest.mark.parametrize("text,country", STRUCK)
def test_a_place_that_came_under_fire_was_attacked(coder, text, country):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    fire = [e for e in doc.events if e.trigger == "fire"]
    assert fire and fire[0].event_type == "ASSAULT"
    assert country in {x.country for x in fire[0].recipient}


@pytest.mark.parametrize("text", [
    "The health minister came under fire for the delays in paying pensions.",
    "Zelensky came under fire from opposition deputies over the budget.",
    "The central bank came under fire after the currency fell again.",
])
def test_a_person_who_came_under_fire_was_criticised(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    assert not [e for e in doc.events if e.event_type == "ASSAULT"]
