"""Demands and defiance: "X said Y must ..." is X's demand on Y, even with no trigger word in the sentence; not
meeting demands is a rejection; a party that reneges on or violates a norm, told as fact, rejects it; told by
another, it is that one's accusation. Sentences invented for this test."""
import pytest

from parley.model import Article


def _main(coder, text):
    doc = next(coder.code([Article(id="t", text=text, date="2025-03-04")]))
    return doc.events[0] if doc.events else None


@pytest.mark.parametrize("text,kind,actor,recipient", [
    ("The foreign ministry in Pristina said Belgrade must withdraw its police units from the north.", "REQUEST",
     None, "SRB"),
    ("Washington said it would not meet the kidnappers' demands for a ransom.", "REJECT", "USA", None),
    ("Mali's junta has reneged on its pledge to hand power to civilians this year.", "REJECT", "MLI", None),
    ("An opposition weekly in Niamey violated a ban imposed by Niger's military government.", "REJECT", None,
     "NER"),
    ("Armenia violated the ceasefire along the border, Azerbaijan's defence ministry said.", "ACCUSE", "AZE", "ARM"),
])
def test_demands_and_defiance(coder, text, kind, actor, recipient):
    e = _main(coder, text)
    assert e is not None and e.event_type == kind, (text, e and e.event_type)
    if actor:
        assert actor in {a.country for a in e.actor}
    if recipient:
        assert recipient in {r.country for r in e.recipient}


def test_a_ministry_asked_without_a_country_is_the_askers(coder):
    text = ("Ukraine's defence ministry said its forces shot down 40 drones over Kyiv overnight.\n\n"
            "In Bryansk, the Russian governor said he had asked the Ministry of Defence to reinforce the border.")
    doc = next(coder.code([Article(id="t", text=text, date="2025-03-04")]))
    asked = [e for e in doc.events if e.event_type == "REQUEST"]
    assert asked and {r.country for r in asked[0].recipient} == {"RUS"}


@pytest.mark.parametrize("text,kind", [
    ("The OSCE chair pressed Baku and Yerevan to pull their troops back from the border.", "REQUEST"),
    ("Moldova sought extra border guards from Romania after the drone incursion.", "REQUEST"),
    ("Georgia's government backed down on the foreign agents bill after weeks of protests.", "CONCEDE"),
])
def test_pressing_seeking_and_backing_down(coder, text, kind):
    e = _main(coder, text)
    assert e is not None and e.event_type == kind, (text, e and e.event_type)


@pytest.mark.parametrize("text,kind", [
    ("A senior Iranian commander said Iran could strike American bases in the Gulf if it were attacked.",
     "THREATEN"),
    ("The Houthis vowed to keep attacking ships bound for Israeli ports.", "THREATEN"),
    ("Serbia ruled out any recognition of Kosovo's independence.", "REJECT"),
])
def test_threats_and_refusals_as_statements_put_them(coder, text, kind):
    e = _main(coder, text)
    assert e is not None and e.event_type == kind, (text, e and e.event_type)


def test_a_forecast_by_others_is_no_threat(coder):
    e = _main(coder, "Western analysts said Russia could launch a new offensive in the summer.")
    assert e is None or e.event_type != "THREATEN"


@pytest.mark.parametrize("text,recipient", [
    ("The Netherlands delivered two more Patriot launchers to Ukraine.", "UKR"),
    ("Jordanian planes airdropped food and medicine into northern Gaza.", "PSE"),
])
def test_aid_delivered(coder, text, recipient):
    e = _main(coder, text)
    assert e is not None and e.event_type == "AID" and recipient in {r.country for r in e.recipient}


@pytest.mark.parametrize("text,kind,actor,recipient", [
    ("Baku said Armenian saboteurs were behind the blast at the arms depot.", "ACCUSE", "AZE", "ARM"),
    ("Seoul said Pyongyang was responsible for the cyberattack on its banks.", "ACCUSE", "KOR", "PRK"),
    ("Romania scrambled two F-16 jets after a Russian drone crossed into its airspace.", "MOBILIZE", "ROU", None),
])
def test_blame_and_alert(coder, text, kind, actor, recipient):
    e = _main(coder, text)
    assert e is not None and e.event_type == kind, (text, e and e.event_type)
    assert actor in {a.country for a in e.actor}
    if recipient:
        assert recipient in {r.country for r in e.recipient}


def test_a_package_delivered_of_sanctions_is_a_sanction(coder):
    e = _main(coder, "The EU delivered its 18th package of sanctions against Russia on Friday.")
    assert e is not None and e.event_type == "SANCTION"
