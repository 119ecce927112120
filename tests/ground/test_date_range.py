"""Every schema date covers a span of real days: a day, a month or a year."""
import datetime as dt

import pytest

from parley.ground.dates import date_range


@pytest.mark.parametrize("value, first, last", [
    ("2025-03-20", "2025-03-20", "2025-03-20"),
    ("2025-03", "2025-03-01", "2025-03-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year's February
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("1967", "1967-01-01", "1967-12-31"),
])
def test_a_date_covers_its_days(value, first, last):
    assert date_range(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "2025-02-30", "2025-13", "2025-13-45", "March 2025", "25-03-01"])
def test_no_date_or_an_impossible_one_covers_nothing(value):
    assert date_range(value) is None


def test_coded_events_carry_their_span(coder):
    from parley.model import Article

    doc = next(coder.code([Article(id="a", text="Russian troops shelled Kherson in March, officials said.",
                                   date="2025-05-02")]))
    dated = [e for e in doc.events if e.date == "2025-03"]
    assert dated and (dated[0].date_start, dated[0].date_end) == ("2025-03-01", "2025-03-31")


@pytest.mark.parametrize("text, date", [
    ("The shelling of Vovchansk, which took place in April, damaged a school, the regional governor said.", "2025-04"),
    ("A missile strike on Dnipro that happened on 12 April killed two people.", "2025-04-12"),
    ("The raid, which occurred last month, destroyed a fuel depot near Belgorod.", "2025-04"),
    ("The drone attack on Mykolaiv, carried out on Sunday, hit the port.", "2025-05-04"),
])
def test_a_relative_clause_that_says_when_it_happened_dates_the_event(coder, text, date):
    # Reported in May, the attack happened when its own relative clause says, not on the report's day.
    from parley.model import Article

    doc = next(coder.code([Article(id="r", text=text, date="2025-05-10")]))
    assault = next(e for e in doc.events if e.event_type == "ASSAULT")
    assert (assault.date, assault.date_source) == (date, "text")


def test_a_relative_clause_about_something_else_does_not_date_the_event(coder):
    from parley.model import Article

    text = "Russian drones, which Ukraine says were launched from Kursk, struck Sumy, the governor said."
    doc = next(coder.code([Article(id="r", text=text, date="2025-05-10")]))
    assault = next(e for e in doc.events if e.event_type == "ASSAULT")
    assert assault.date == "2025-05-10"


@pytest.mark.parametrize("text", [
    "Georgia's prime minister said on Thursday that the government would not pursue EU accession talks until 2028.",
    "Hungary will block the sanctions package until the end of next year, its foreign minister said on Monday.",
    "Russia said on Wednesday it would halt gas deliveries to Moldova till March 2026.",
])
def test_a_date_after_until_is_how_long_not_when(coder, text):
    # The statement is dated (the weekday); the "until" date bounds what is announced and never dates the event.
    from parley.model import Article

    doc = next(coder.code([Article(id="u", text=text, date="2024-12-01")]))
    assert doc.events
    for e in doc.events:
        assert e.date is None or e.date <= "2024-12-01", (e.event_type, e.date)
