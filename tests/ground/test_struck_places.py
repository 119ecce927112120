"""The place an attack verb takes as its object is where the event happened ("drones attacked Kharkiv"), however
the named-entity model labels the name. Sentences invented for this test."""
import pytest

from parley.model import Article

CASES = [
    ("Russian drones attacked Kharkiv on Tuesday.", "Kharkiv", "UKR"),
    ("Jihadists raided Damboa overnight and burned dozens of homes.", "Damboa", "NGA"),
    ("Houthi forces targeted Marib with ballistic missiles on Sunday, the coalition said.", "Ma'rib", "YEM"),
    ("Government troops attacked Kidal in the early hours of Monday.", "Kidal", "MLI"),
    ("Israeli forces raided Jenin at dawn, killing three Palestinians.", "Janīn", "PSE"),
    ("Ukrainian drones targeted Belgorod overnight, the governor said.", "Belgorod", "RUS"),
    ("Insurgents attacked Mocimboa da Praia on Wednesday, a security source said.", "Mocímboa da Praia", "MOZ"),
]


@pytest.mark.parametrize("text,name,country", CASES)
def test_the_attacked_place_is_the_location(coder, text, name, country):
    doc = next(coder.code([Article(id="t", text=text, date="2024-05-10")]))
    loc = doc.events[0].location
    assert loc is not None and (loc.name, loc.country) == (name, country) and loc.precision == 1


def test_an_attacked_person_is_not_a_place(coder):
    doc = next(coder.code([Article(id="t", text="Gunmen attacked Ahmed Musa outside his home in Kano on Friday.",
                                   date="2024-05-10")]))
    loc = doc.events[0].location
    assert loc is not None and loc.name == "Kano"
