"""A village named with the units it lies in: "X in the Y hromada of Z district", "X in Belgorodsky district". A
community is no district (a district of a like name elsewhere is another place), the chain of units is read
whole, and a Russian district named by its town's adjective places a village the tables lack at that town.
Sentences invented for this test."""
import pytest

from parley.model import Article

UNITS = [
    ("Ukrainian shells landed in Novoukrainka in the Kamianka community of Polohy district, occupation officials "
     "said.", "Novoukrainka", "Zaporizhia", "Polohy"),
    ("Russian artillery hit Basove in the Zolochiv hromada of Bohodukhiv district on Friday.", "Basove", "Kharkiv",
     "Bohodukhiv"),
]


@pytest.mark.parametrize("text,name,region,district", UNITS)
def test_a_village_is_found_in_the_units_the_text_names(coder, text, name, region, district):
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    loc = doc.events[0].location
    assert (loc.name, loc.admin1, loc.admin2) == (name, region, district)


def test_a_village_the_tables_lack_falls_to_its_district_town(coder):
    text = "Drones attacked a farm near Murom in Shebekinsky district, the regional governor wrote."
    doc = next(coder.code([Article(id="t", text=text, date="2024-06-05")]))
    loc = doc.events[0].location
    # not Murom on the Oka, 700 km away: Shebekino, whose district the text names, and not as the village itself
    assert (loc.name, loc.country, loc.precision) == ("Shebekino", "RUS", 2)
