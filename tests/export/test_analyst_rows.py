"""ACLED and ICEWS rows: dates as precise as the event's date, and a place (or honest blanks) on every row."""
import datetime as dt

import pytest

from parley.export.analyst import acled_row, icews_row
from parley.ground.places import load_places


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- ACLED time_precision and event_date -----------------------------------------------------------


@pytest.mark.parametrize("start, precision", [
    ("Through August 2024", 3),      # a month
    ("In 2023", 3),                  # a year
    ("Drones hit Sudan", 1),         # a day the text gives
    ("-2+3 said", 2),                # a day taken from the publication date
])
def test_acled_time_precision_follows_the_span_of_the_date(event_of, start, precision):
    ev = event_of(start)
    row = acled_row(ev)
    assert row["time_precision"] == precision
    day = _day(row["event_date"])
    assert _day(ev["date_start"]) <= day <= _day(ev["date_end"])
    assert row["year"] == day.year


def test_a_month_is_dated_inside_the_month_not_on_its_first_day(event_of):
    row = acled_row(event_of("Through August 2024"))
    assert row["event_date"] == "2024-08-16"  # the middle of the span, with time_precision 3


def test_records_stored_before_date_start_existed_get_their_span_from_date(event_of):
    old = {k: v for k, v in event_of("Through August 2024").items() if k not in ("date_start", "date_end")}
    row = acled_row(old)
    assert row["time_precision"] == 3 and row["event_date"].startswith("2024-08-")


def test_a_span_of_a_few_days_is_precision_2(event_of):
    ev = dict(event_of("Through August 2024"), date_start="2024-08-10", date_end="2024-08-13")
    row = acled_row(ev)
    assert row["time_precision"] == 2 and "2024-08-10" <= row["event_date"] <= "2024-08-13"


def test_an_undated_event_takes_its_articles_day_as_within_a_few_days(event_of):
    row = acled_row(event_of("Gunmen killed a farmer"))
    assert row["event_date"] == "2025-05-10" and row["time_precision"] == 2


# --- ACLED places ------------------------------------------------------------------------------------


def _mean(code: str) -> tuple[float, float]:
    place = load_places().country(code)
    return place.lat, place.lon


def test_an_attack_without_a_place_is_placed_in_its_targets_country(event_of):
    row = acled_row(event_of("Through August 2024"))  # the army (RUS) shelling villages (UKR)
    assert (row["iso3"], row["country"], row["iso"]) == ("UKR", "Ukraine", 804)
    assert (row["latitude"], row["longitude"]) == pytest.approx(_mean("UKR"), abs=1e-4)
    assert row["geo_precision"] == 3 and row["location"] == "Ukraine"
    assert row["event_id_cnty"].startswith("UKR")


def test_a_protest_without_a_place_is_placed_where_its_protesters_are(event_of):
    row = acled_row(event_of("In 2023 British students"))  # against Israel, but the crowd is British
    assert (row["iso3"], row["country"]) == ("GBR", "United Kingdom")
    assert row["geo_precision"] == 3
    assert (row["latitude"], row["longitude"]) == pytest.approx(_mean("GBR"), abs=1e-4)


def test_a_location_with_a_country_but_no_coordinates_is_placed_at_the_country(event_of):
    ev = event_of("Drones hit Sudan")
    ev = dict(ev, location={"text": "somewhere in Sudan", "country": "SDN"})
    row = acled_row(ev)
    assert row["iso3"] == "SDN" and row["geo_precision"] == 3
    assert (row["latitude"], row["longitude"]) == pytest.approx(_mean("SDN"), abs=1e-4)


def test_an_organisation_code_is_no_country(event_of):
    ev = dict(event_of("Through August 2024"), recipient=[{"text": "the UN", "country": "UN", "sector": "IGO"}])
    row = acled_row(ev)
    assert row["iso3"] == "RUS"  # the actor's country, since the recipient has none


def test_an_event_with_no_country_at_all_keeps_its_row_with_blank_places(event_of):
    row = acled_row(event_of("Gunmen killed a farmer"))
    assert row["event_type"] == "Violence against civilians"
    for column in ("iso", "iso3", "country", "location", "latitude", "longitude", "geo_precision"):
        assert row[column] in ("", None), column


def test_a_geocoded_town_keeps_its_own_place_and_precision(event_of):
    row = acled_row(event_of("Shells fell on Izium"))
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Izium", 49.2, 37.25, 1)
    assert (row["admin1"], row["admin2"]) == ("Kharkiv Oblast", "Izium Raion")


def test_fallback_places_never_claim_precision_1_or_2(stored):
    for ev in stored:
        if ev.get("acled_event_type") and not (ev.get("location") or {}).get("lat"):
            assert acled_row(ev)["geo_precision"] in (3, "")


# --- ICEWS ------------------------------------------------------------------------------------------


def test_icews_city_is_blank_for_a_country_and_a_region(event_of):
    country = icews_row(event_of("Drones hit Sudan"))
    assert (country["City"], country["Province"], country["Country"]) == ("", "", "Sudan")
    region = icews_row(event_of("Missiles struck the Kharkiv region"))
    assert (region["City"], region["District"], region["Province"], region["Country"]) == (
        "", "", "Kharkiv Oblast", "Ukraine")
    town = icews_row(event_of("Shells fell on Izium"))
    assert (town["City"], town["District"], town["Province"], town["Country"]) == (
        "Izium", "Izium Raion", "Kharkiv Oblast", "Ukraine")


def _without_precision(ev: dict) -> dict:
    """The event as a store made before locations carried their precision holds it."""
    return dict(ev, location={k: v for k, v in ev["location"].items() if k != "precision"})


@pytest.mark.parametrize("start", ["Drones hit Sudan", "Missiles struck the Kharkiv region"])
def test_a_country_or_region_stored_without_its_precision_is_no_city_and_precision_3(event_of, start):
    ev = _without_precision(event_of(start))
    assert icews_row(ev)["City"] == ""
    assert acled_row(ev)["geo_precision"] == 3


def test_a_town_stored_without_its_precision_is_still_a_city(event_of):
    ev = _without_precision(event_of("Shells fell on Izium"))
    assert icews_row(ev)["City"] == "Izium"


@pytest.mark.parametrize("start, day", [
    ("Through August 2024", "2024-08-01"),  # a month: its first day (the column is a full date)
    ("In 2023", "2023-01-01"),
    ("Drones hit Sudan", "2025-03-02"),
    ("Gunmen killed a farmer", "2025-05-10"),  # undated: the article's day
])
def test_icews_event_date_is_always_a_full_date(event_of, start, day):
    assert icews_row(event_of(start))["Event Date"] == day
