"""Figures (dates are not counts, single victims, report totals) and places (regions, namesakes, lead sentence).

Every sentence here is invented for these tests.
"""
import math

import pytest

from parley.events.segment import split_sentences
from parley.ground.numbers import casualties, report_toll
from parley.ground.places import fold, load_places, region_match
from parley.model import Article

# --- casualties(text) -> (killed, injured, arrested) -------------------------------------------------------

CASUALTIES = [
    # dates and years are not counts
    ("On 4 May 2020, two soldiers were killed at the border post.", (2, None, None)),
    ("Back in 2019 three people died when the bridge was shelled.", (3, None, None)),
    ("On May 3 two traders died in the fire.", (2, None, None)),
    ("On 12/05/2023 five men were killed.", (5, None, None)),
    # number words end at word boundaries: the "an" of "and" is not one victim
    ("Gunmen killed and wounded villagers in the night.", (None, None, None)),
    # wordings of killing
    ("Police shot dead three men at a checkpoint.", (3, None, None)),
    ("Soldiers shot two men to death near the river.", (2, None, None)),
    ("The airstrike killed a family of four.", (4, None, None)),
    # one victim, never given as a number
    ("A 17-year-old boy was killed by police during the raid.", (1, None, None)),
    ("The body of a man was found near the bridge.", (1, None, None)),
    ("The soldier later died in hospital.", (1, None, None)),
    ("Unknown gunmen assassinated a trader in the market.", (1, None, None)),
    ("A witness said 5 people were killed.", (5, None, None)),
    # a total the report states outright
    ("3 fatalities.", (3, None, None)),
    # an editor's insertion in square brackets is not the report's ("[Ministry reported 40 fatalities]")
    ("Two soldiers were killed [the ministry reported 40 fatalities].", (2, None, None)),
    ("No casualties were reported after the blast.", (0, None, None)),
    ("Between 10 and 15 people were killed.", (10, None, None)),
]


@pytest.mark.parametrize("text, expected", CASUALTIES)
def test_casualties(text, expected):
    assert casualties(text) == expected


# --- report_toll(sentences) ---------------------------------------------------------------------------------

TOLLS = [
    ("Two soldiers were killed. Five militants were also killed.", 7),  # summed across sentences
    ("Two soldiers were killed. Officials later confirmed two soldiers were killed.", 2),  # repeated once
    ("Two soldiers were killed. Five militants were killed. 4 fatalities.", 4),  # the stated total wins
    # how a data set's editors spread a toll over its records is theirs, not the report's: the text's toll stands
    ("Eight people were killed in clashes. [8 fatalities split between 2 events].", 8),
    ("Nine people were killed. The toll is spread across three locations.", 9),
    ("Over the past day seven people were killed in the region.", None),  # a total over a period
    ("Protesters marched peacefully in the capital.", None),
    ("Police arrested 10 protesters.", None),  # arrests are no toll
]


@pytest.mark.parametrize("text, expected", TOLLS)
def test_report_toll(text, expected):
    assert report_toll(split_sentences(text)) == expected


# --- places: namesakes, regions, "X district" ---------------------------------------------------------------


@pytest.fixture(scope="module")
def places():
    return load_places()


def test_namesakes_exist_in_both_countries(places):
    assert {p.country for p in places.cities[fold("Hyderabad")]} >= {"IND", "PAK"}
    assert {p.country for p in places.cities[fold("Tripoli")]} >= {"LBY", "LBN"}


LOOKUPS = [
    # (name, country hints, region names given with it, other places of the sentence) -> (country, admin1)
    ("Hyderabad", ["IND"], [], [], ("IND", "Telangana")),  # the hint alone decides
    ("Hyderabad", ["IND"], ["Sindh"], [], ("PAK", "Sindh")),  # the named region outranks the hint
    ("Tripoli", ["LBY"], ["Liban-Nord"], [], ("LBN", "Liban-Nord")),
    ("Tripoli", [], [], ["Liban-Nord"], ("LBN", "Liban-Nord")),  # a region among the sentence's places
    ("Maan", ["SYR"], ["Maharashtra"], [], ("IND", "Maharashtra")),  # a named region rescues a namesake abroad
]


@pytest.mark.parametrize("name, countries, admins, context, expected", LOOKUPS)
def test_lookup_region_outranks_country(places, name, countries, admins, context, expected):
    p = places.lookup(name, countries, admins, context)
    assert (p.country, p.admin1) == expected


def test_obscure_namesake_abroad_is_rejected(places):
    # Ma'an (Jordan, ~50,000 people) is not taken for a place in a report about Syria
    assert places.lookup("Maan", ["SYR"]) is None


@pytest.mark.parametrize("name, countries, expected", [
    ("Nabha district", [], ("Nābha", "IND", "Punjab", "city")),
    ("Beledweyne district", ["SOM"], ("Beledweyne", "SOM", "Hiiraan", "city")),
    ("Kharkiv region", [], ("Kharkiv", "UKR", "Kharkiv", "admin1")),
])
def test_district_finds_the_town(places, name, countries, expected):
    p = places.lookup(name, countries)
    assert (p.name, p.country, p.admin1, p.kind) == expected


@pytest.mark.parametrize("admin1, keys, expected", [
    ("Muhafazat Hadramawt", {"hadramawt"}, True),
    ("Banaadir", {"banadir"}, True),
    ("Rocha", {"chui"}, False),
    ("Chuy", set(), False),
    ("Chuy", {"chui"}, True),
])
def test_region_match(admin1, keys, expected):
    assert region_match(admin1, keys) is expected


# --- end to end through the coder ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def code(coder):
    """Code one short report; the coder is the session's single instance (tests/conftest.py)."""
    def run(text):
        return next(coder.code([Article(id="t", text=text, date="2024-05-10")]))
    return run


def main_event(doc):
    """The report's main event: its first with an ACLED type (None when it has none)."""
    return next((e for e in doc.events if e.acled_event_type), None)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_piura_city_with_regions(code):
    loc = main_event(code("On 3 May 2024, protesters blocked a road in Piura city (Piura, Peru).")).location
    assert loc.country == "PER"
    assert km(loc.lat, loc.lon, -5.19, -80.63) < 50


def test_town_in_syrian_countryside_is_not_jordan(code):
    loc = main_event(code("On 2 May 2024, gunmen attacked a checkpoint in Maan town in Hama countryside.")).location
    assert (loc.country, loc.admin1) == ("SYR", "Hama")


def test_santiago_de_cuba_is_the_cuban_city(code):
    e = main_event(code("On 6 May 2024, police arrested 4 protesters in Santiago de Cuba."))
    loc = e.location
    assert (loc.name, loc.country, loc.admin1) == ("Santiago de Cuba", "CUB", "Santiago de Cuba")
    assert km(loc.lat, loc.lon, 20.02, -75.82) < 50  # the city, not the centroid of Cuba (~22.0, -79.8)
    assert e.arrested == 4


def test_lead_sentence_town_replaces_a_country(code):
    doc = code("On 4 May 2024, a meeting was held in Jiblah (Jiblah, Ibb), Yemen. "
               "Later, gunmen clashed with tribal fighters in Yemen.")
    e = main_event(doc)
    assert e.trigger == "clashed"
    assert (e.location.name, e.location.country, e.location.admin1) == ("Jiblah", "YEM", "Ibb")


def test_lead_sentence_places_an_unplaced_event(code):
    e = main_event(code("On 4 May 2024, a meeting was held in Kismayo, Somalia. Gunmen later clashed with soldiers."))
    assert e.trigger == "clashed"
    assert (e.location.name, e.location.country) == ("Kismayo", "SOM")


def test_lead_sentence_without_trigger_word_still_places(code):
    e = main_event(code("On 4 May 2024, a curfew was announced in Beledweyne (Hiiraan). "
                        "Soldiers clashed with militants in Somalia."))
    assert (e.location.name, e.location.country, e.location.admin1) == ("Beledweyne", "SOM", "Hiiraan")


def test_us_dollar_is_not_a_place(code):
    e = main_event(code("On 2 May 2024, shopkeepers went on strike against the high US dollar exchange rate."))
    assert e.event_type == "PROTEST"
    assert e.location is None


def test_us_dollar_does_not_displace_the_town(code):
    e = main_event(code("On 2 May 2024, shopkeepers in Aden closed their shops in protest against the high "
                        "US dollar exchange rate."))
    assert (e.location.name, e.location.country) == ("Aden", "YEM")


def test_region_in_parentheses_picks_the_namesake_and_total(code):
    e = main_event(code("On 1 May 2024, soldiers clashed with rebels in Hyderabad (Sindh). 3 fatalities."))
    assert (e.location.country, e.location.admin1) == ("PAK", "Sindh")
    assert e.fatalities == 3


def test_report_toll_sums_across_sentences(code):
    e = main_event(code("On 4 May 2024, two soldiers were killed in an ambush near Kandahar. "
                        "Five militants were also killed."))
    assert e.location.country == "AFG"
    assert e.fatalities == 7


def test_airstrike_killing_a_family(code):
    e = main_event(code("An airstrike hit a house in Rafah, killing a family of four."))
    assert e is not None
    assert (e.location.country, e.fatalities) == ("PSE", 4)


def test_a_partial_date_counts_from_its_first_day():
    import datetime as dt

    from parley.ground.dates import first_day

    assert first_day("2025-03-20") == dt.date(2025, 3, 20)
    assert first_day("2025-03") == dt.date(2025, 3, 1)
    assert first_day("1967") == dt.date(1967, 1, 1)
    assert first_day(None) is None and first_day("last week") is None


@pytest.mark.parametrize("name, countries, weak, admins, expected", [
    ("Moscow", ["USA", "IND"], ["RUS"], [], "RUS"),  # a report about US sanctions: still Russia's capital
    ("Brussels", ["USA"], [], [], "BEL"),
    ("Moscow", ["USA"], [], ["Idaho"], "USA"),  # unless the text names the namesake's region
])
def test_a_city_of_millions_beats_a_namesake_in_the_countries_of_the_report(places, name, countries, weak, admins,
                                                                             expected):
    p = places.lookup(name, countries, admins, weak=weak)
    assert p is not None and p.country == expected


def test_a_region_named_as_such_is_not_its_capital_city(places):
    p = places.lookup("Kharkiv region", ["UKR"])
    assert p.kind == "admin1"


def test_a_region_by_its_own_name_beats_a_village_an_old_alias_calls_so(places):
    """"Cauca" is Colombia's department, not Coca in Spain (which GeoNames also knows as Cauca); a city that
    has the name as its own stays the city."""
    p = places.lookup("Cauca", [])
    assert (p.country, p.kind) == ("COL", "admin1")
    assert places.lookup("Kherson", ["UKR"]).kind != "admin1"


# A town given with its region (", Belgorod region", "(Kharkiv oblast)") is the place, however the parser hangs the
# two together: the town as a modifier of "region", or as an adverb with the region in apposition.
@pytest.mark.parametrize("text, name, admin1", [
    ("On 20 May 2024, Ukrainian drones struck Shebekino, Belgorod region. A woman was killed.", "Shebekino",
     "Belgorod"),
    ("Russian artillery shelled Kupiansk, Kharkiv oblast. A man was hurt.", "Kupyansk", "Kharkiv"),
    ("Overnight, Russian troops pounded Zolochiv (Kharkiv region). Two houses burned.", "Zolochiv", "Kharkiv"),
    ("The enemy attacked Prymorske, Zaporizhzhia region, with drones. No one was hurt.", "Prymorske", "Zaporizhia"),
])
def test_a_town_given_with_its_region_is_the_place(code, text, name, admin1):
    loc = main_event(code(text)).location
    assert (loc.name, loc.admin1, loc.precision) == (name, admin1, 1)


def test_a_region_phrase_that_titles_a_person_makes_no_place(code):
    doc = code("Oleh Syniehubov, Kharkiv region governor, said three people were hurt in the strike.")
    assert all(e.location is None or e.location.precision != 1 for e in doc.events)


def test_a_village_whose_name_opens_with_a_country_is_not_that_country(code):
    # "Mali" is Ukrainian for "small"; the village is spelt here other than the table spells it (Mali Prokhody)
    e = main_event(code("Russian forces shelled Mali Prokhodi, Kharkiv region, overnight."))
    assert "MLI" not in {x.country for x in e.actor + e.recipient}
    assert (e.location.name, e.location.admin1) == ("Mali Prokhody", "Kharkiv")


def test_a_town_is_not_in_doubt_beside_much_smaller_namesakes(places):
    # a city of tens of thousands and the villages of its name in its region: the city is meant
    city = max(places.cities["kostiantynivka"], key=lambda p: p.population)
    assert city.admin1 == "Donetsk" and city.population >= 10000
    assert not places.has_namesake("Kostiantynivka", city, ["Donetsk"])
    # with no region named, a town of over a tenth its size elsewhere (Zaporizhzhia region's) leaves it in doubt
    assert places.has_namesake("Kostiantynivka", city, [])
    # a village among villages of its name stays in doubt
    villages = [p for p in places.cities["novomykhailivka"] if p.admin1 == "Donetsk"]
    assert len(villages) > 1 and places.has_namesake("Novomykhailivka", villages[0], ["Donetsk"])
