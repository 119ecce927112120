"""Evacuations and deliveries of relief as governors' posts and wires report them. Moving people out of danger
("police evacuated 11 children", "residents were evacuated") is humanitarian aid to those people, of the country
where it happens, not of a state a clause inside the sentence names; evacuating a base is a withdrawal, not aid;
delivering food packages or warm clothes is aid. Texts written for this test (invented events)."""
import pytest

from parley.model import Article


def _code(coder, text, date="2025-11-20"):
    return next(coder.code([Article(id="e", text=text, date=date)])).events


LONG = ("The regional administration said shelling of the district went on through the night. "
        "{} Power was restored in most villages by noon, officials said. Schools will stay closed until Monday.")


@pytest.mark.parametrize("sentence,country", [
    ("Police evacuated eleven children and their parents from Bilozerka.", "UKR"),
    ("More than 300 civilians were evacuated from Kostiantynivka during a pause that Russia and Ukraine had "
     "accepted.", "UKR"),
    ("Rescuers evacuated patients from the hospital in Shebekino.", "RUS"),
])
def test_evacuating_people_is_aid_to_them(coder, sentence, country):
    found = [e for e in _code(coder, LONG.format(sentence)) if e.event_type == "AID"]
    assert found, [(e.event_type, e.trigger) for e in _code(coder, LONG.format(sentence))]
    assert {r.country for e in found for r in e.recipient} == {country}
    assert all(r.sector == "CVL" for e in found for r in e.recipient if r.sector)


def test_evacuating_a_base_is_no_aid(coder):
    events = _code(coder, LONG.format("Troops of the garrison evacuated the base before dawn."))
    assert not [e for e in events if e.event_type == "AID" and "evacuated" in e.evidence.sentence]


def test_delivering_packages_and_clothes_is_aid(coder):
    events = _code(coder, LONG.format("Volunteers of the Red Cross delivered food packages and warm clothes to "
                                      "displaced families in Izium."))
    assert [e for e in events if e.event_type == "AID" and "delivered" in e.evidence.sentence]


def test_people_rescued_after_a_strike_are_of_where_it_struck(coder):
    """People rescued with no rescuer named are of the country where the report is, not of the one it names
    most (the attacker's, in a report of Russian strikes on Kharkiv)."""
    text = ("Russian glide bombs struck Kharkiv on Monday night, Russian forces having launched four bombs. The "
            "Russian army has used such bombs for months. Russian officials did not comment. By Tuesday morning 14 "
            "people had been rescued alive from the rubble.")
    found = [e for e in _code(coder, text) if e.event_type == "AID"]
    assert found
    assert {r.country for e in found for r in e.recipient} == {"UKR"}
