"""Numbers as war copy writes them: words, ranges, "at least", each side's dead, and totals over a period that
are no one event's toll."""
import pytest

from parley.ground.numbers import casualties, period_of, sides, value
from parley.model import Article


@pytest.mark.parametrize("phrase, expected", [
    ("twenty-three", 23), ("forty one", 41), ("at least 12", 12), ("between 10 and 15", 10), ("dozens", 12),
    ("more than 40,000", 40000), ("thousands", None), ("ninety-nine", 99), ("seven", 7),
])
def test_number_phrases(phrase, expected):
    assert value(phrase) == expected


@pytest.mark.parametrize("text, killed, injured", [
    ("Eleven people were killed and twenty-six wounded in the strike on the market.", 11, 26),
    ("At least 8 civilians died and more than 30 were injured, rescuers said.", 8, 30),
    ("Between 20 and 25 fighters were killed in the ambush.", 20, None),
    ("More than 40,000 residents fled the town.", None, None),
])
def test_casualty_wording(text, killed, injured):
    k, i, _ = casualties(text)
    assert (k, i) == (killed, injured)


def test_each_side_counted_where_a_sentence_adds_them_up():
    parts = sides("Two policemen and five militants were killed in the exchange of fire.")
    assert [(q.value, q.unit) for q in parts] == [(2, "policemen killed"), (5, "militants killed")]
    assert sides("Five militants were killed in the exchange of fire.") == []


@pytest.mark.parametrize("text, period", [
    ("Over the past day, shelling killed four residents of the region.", "Over the past day"),
    ("In the last 24 hours the enemy wounded nine civilians.", "In the last 24 hours"),
    ("Since the start of the week, drones have killed six people in the region.", "Since the start of the week"),
    ("During the day, two soldiers were killed near the village.", None),
    ("On Tuesday two soldiers were killed near the village.", None),
])
def test_periods(text, period):
    assert period_of(text) == period


@pytest.fixture(scope="module")
def code(coder):
    def run(text):
        doc = next(coder.code([Article(id="t", text=text, date="2024-06-03")]))
        return next(e for e in doc.events if e.event_type == "ASSAULT")
    return run


def test_a_total_over_a_period_is_a_quantity_not_the_event_toll(code):
    e = code("Over the past day Russian troops killed three residents of Zaporizhzhia region and wounded eleven, "
             "the regional governor said.")
    assert e.fatalities is None and e.injured is None
    got = {(q.value, q.unit, q.period) for q in e.quantities}
    assert (3, "killed", "Over the past day") in got and (11, "injured", "Over the past day") in got


def test_per_side_deaths_add_up_and_are_kept_apart(code):
    e = code("One Ukrainian soldier and four Russian servicemen were killed in fighting near Robotyne on Sunday.")
    assert e.fatalities == 5
    assert {(q.value, q.unit) for q in e.quantities} >= {(1, "soldier killed"), (4, "servicemen killed")}


def test_number_words_with_a_hyphen_are_read_whole(code):
    e = code("A missile struck a hospital in Dnipro on Friday, killing four people and injuring thirty-two.")
    assert (e.fatalities, e.injured) == (4, 32)
