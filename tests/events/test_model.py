"""The trained model beside the rules, in short reports: it names the ACLED sub-type, rescues events the rules
missed, refuses non-events, and gives calibrated confidences. Sentences written for these tests."""
import pytest

from parley.model import Article


def _events(coder, text):
    return next(coder.code([Article(id="t", text=text, date="2025-03-20")])).events


@pytest.mark.parametrize("text", [
    "The weather in Bergen was mild this week, with light rain expected on the coast.",
    "Shares in the carmaker rose 4% in Frankfurt on Tuesday after strong quarterly results.",
    "Turkish Airlines launched new flights to Sydney.",
    "The central bank kept its key interest rate at 21 percent.",
])
def test_no_event_is_rescued_from_ordinary_news(coder, text):
    assert _events(coder, text) == []


def test_a_threat_is_not_also_coded_as_the_attack_threatened(coder):
    events = _events(coder, "Iran threatened to shell Iraqi border towns in retaliation.")
    assert [e.event_type for e in events] == ["THREATEN"]


def test_suicide_bombers_act_and_the_model_names_the_sub_type(coder):
    events = _events(coder, "Two suicide bombers killed nine worshippers at a mosque in Maiduguri on Friday.")
    main = next(e for e in events if e.acled_sub_event_type)
    assert main.event_type == "ASSAULT"
    assert main.acled_sub_event_type == "Suicide bomb"
    assert "bombers" in main.actor[0].text
    assert main.location.country == "NGA"
    assert main.fatalities == 9


def test_the_model_labels_the_report_and_the_rules_the_clause(coder):
    events = _events(coder, "Police detained 40 demonstrators who had marched on parliament in Tbilisi.")
    main = next(e for e in events if e.acled_sub_event_type)
    assert main.acled_event_type == "Protests"
    assert main.location.country == "GEO"


def test_an_event_the_rules_miss_is_rescued_with_its_place(coder):
    events = _events(coder, "Several shops owned by foreigners were looted overnight in Durban, police said.")
    assert len(events) == 1
    assert events[0].acled_sub_event_type == "Looting/property destruction"
    assert events[0].location.country == "ZAF"


def test_confidence_is_a_probability_and_the_model_is_sure_of_clear_reports(coder):
    events = _events(coder, "Government forces recaptured the town of Kidal from rebels on Sunday after heavy fighting.")
    main = next(e for e in events if e.acled_sub_event_type)
    assert main.acled_sub_event_type == "Government regains territory"
    assert 0.7 <= main.confidence <= 1.0
