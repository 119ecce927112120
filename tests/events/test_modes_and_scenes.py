"""How an event was done and where it happened when the text names no place.

Modes: talks by phone or hotline are "phone"; talks held in a third country "third-party", in one side's
country a "visit" there; "kamikaze" or "suicide" drones are drones; glide and guided bombs are dropped from the
air; what set a fire is the mode, not the fire; drones shot down are drones; a request for weapons or aid asks
for assistance; a threat of strikes threatens violence.
Scenes: force used on a country's people or places happened in that country; drones downed by air defence,
over the claimant's country; a visit at the host's. Each with precision 3: the country, not a town.
Sentences written for this test, each coded inside a short article so the ACLED snippet model stays out."""
import pytest

from parley.model import Article

LEAD = "This is a report from our correspondents on the day's events. "


def _events(coder, text, date="2025-09-09"):
    return next(coder.code([Article(id="m", text=LEAD + text + " More details were expected later.",
                                    date=date)])).events


def _one(coder, text, etype):
    found = [e for e in _events(coder, text) if e.event_type == etype]
    assert found, (text, etype)
    return found[0]


@pytest.mark.parametrize("text", [
    "The Greek foreign minister spoke by phone with his Turkish counterpart about the Aegean on Monday.",
    "The army chiefs of India and Pakistan talked over the military hotline on Tuesday evening.",
])
def test_talks_by_phone(coder, text):
    assert _one(coder, text, "CONSULT").mode == "phone"


def test_talks_in_a_third_country_and_a_visit(coder):
    third = _one(coder, "Armenian and Azerbaijani negotiators held talks in Abu Dhabi on Friday.", "CONSULT")
    assert third.mode == "third-party"
    visit = _one(coder, "The Chinese foreign minister met Brazilian President Lula in Brasilia on Friday.",
                 "CONSULT")
    assert visit.mode == "visit"
    assert visit.location.country == "BRA"


@pytest.mark.parametrize("text,mode", [
    ("Overnight the occupiers used 310 kamikaze drones against our positions near Kupiansk.", "drone"),
    ("Russian glide bombs struck the centre of Kostiantynivka on Sunday afternoon.", "aerial"),
    ("Ukrainian drones set fire to a fuel depot near Novorossiysk, the governor said.", "drone"),
    ("Air defence units intercepted and destroyed 44 Ukrainian UAVs over Bryansk region overnight.", "drone"),
])
def test_what_did_it_is_the_mode(coder, text, mode):
    assert _one(coder, text, "ASSAULT").mode == mode


def test_requests_for_weapons_ask_for_assistance(coder):
    assert _one(coder, "Kyiv urged Berlin to speed up deliveries of air defence systems.", "REQUEST").mode == \
        "assist"


def test_a_threat_of_strikes_threatens_violence(coder):
    found = _one(coder, "Israel's defence minister warned that the army would launch strikes deep into Lebanon.",
                 "THREATEN")
    assert found.mode == "violence"


@pytest.mark.parametrize("text,country", [
    ("Russian troops shelled Ukrainian positions along the whole front overnight.", "UKR"),
    ("Sudanese army aircraft bombed RSF positions, the army said.", "SDN"),
    ("Air defence units shot down 31 Ukrainian drones overnight, the ministry said.", "RUS"),
])
def test_force_with_no_place_named_happened_in_its_country(coder, text, country):
    e = _one(coder, text, "ASSAULT")
    assert e.location is not None and e.location.country == country
    assert e.location.precision == 3 and e.location.admin1 is None


def test_no_scene_is_made_up_for_talks_with_no_place(coder):
    e = _one(coder, "The Greek foreign minister spoke by phone with his Turkish counterpart on Monday.", "CONSULT")
    assert e.location is None


@pytest.mark.parametrize("text,claimant", [
    ("Posts by Ivan Fedorov, head of the Zaporizhzhia Regional Military Administration, on his Telegram channel "
     "on 3 May 2025.\n\n08:15\nThe occupiers struck Huliaipole with guided bombs overnight.", "UKR"),
    ("Kursk governor's Telegram posts, 4 June (translated)\n\n09:30. A Ukrainian drone attacked a car near "
     "Rylsk.", "RUS"),
])
def test_a_heading_naming_whose_posts_these_are_gives_their_claimant(coder, text, claimant):
    events = [e for e in next(coder.code([Article(id="p", text=text, date="2025-06-04")])).events
              if e.event_type == "ASSAULT"]
    assert events
    assert events[0].claimed_by is not None and events[0].claimed_by.country == claimant


def test_a_statements_title_is_its_voice_and_does_not_hide_places(coder):
    text = ("Statement by the Ministry of Foreign Affairs of the Russian Federation on the shelling of "
            "Energodar\n\nOn the same day, Ukrainian formations shelled Energodar, damaging a substation.\n\n"
            "We demand that the IAEA condemn this crime.")
    events = next(coder.code([Article(id="s", text=text, date="2026-06-03")])).events
    shelling = [e for e in events if e.event_type == "ASSAULT" and "same day" in e.evidence.sentence]
    assert shelling and shelling[0].claimed_by is not None and shelling[0].claimed_by.country == "RUS"
    assert shelling[0].location is not None and shelling[0].location.name == "Enerhodar"
    demand = [e for e in events if e.event_type == "REQUEST"]
    assert demand and {a.country for a in demand[0].actor} == {"RUS"}


def test_a_toll_after_an_attack_told_with_a_participle_folds_into_it(coder):
    text = ("In the village of Hrafske, a Russian drone dropped an explosive device on a house, killing a man. "
            "The governor offered his condolences. Two houses and a barn were damaged.")
    attacks = [e for e in next(coder.code([Article(id="t", text=text, date="2025-12-09")])).events
               if e.event_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.evidence.sentence) for e in attacks]


def test_a_second_verb_after_an_accusation_is_the_accusers(coder):
    text = ("Moldova's foreign minister accused Moscow of deliberately flooding the country with disinformation and "
            "called on Brussels and Paris to speed up deliveries of radar systems.")
    found = [e for e in _events(coder, text) if e.event_type == "REQUEST"]
    assert found
    assert {a.country for a in found[0].actor} == {"MDA"}
    assert {"FRA", "EU"} & {r.country for r in found[0].recipient}


def test_a_heading_with_a_title_and_no_name_gives_the_voice(coder):
    text = ("Head of the Sumy Regional Military Administration - Telegram posts, 4 July 2026\n\n"
            "09:10\nThe enemy shelled Bilopillia with artillery. Because of the constant attacks, we are "
            "beginning a compulsory evacuation of children from three villages.")
    events = next(coder.code([Article(id="h", text=text, date="2026-07-04")])).events
    shelling = [e for e in events if e.event_type == "ASSAULT"]
    assert shelling and shelling[0].claimed_by is not None and shelling[0].claimed_by.country == "UKR"
    evacuation = [e for e in events if e.event_type == "AID"]
    assert evacuation and {a.country for a in evacuation[0].actor} == {"UKR"}


def test_a_dateline_of_several_cities_is_cut_and_points_nowhere(coder):
    text = ("AMMAN/DAMASCUS, June 10 - About 1,400 civilians were evacuated from Sweida on Wednesday through a "
            "humanitarian corridor, the Syrian Arab Red Crescent said.")
    events = next(coder.code([Article(id="d", text=text, date="2026-06-10")])).events
    assert events
    assert not any("AMMAN" in x.text for e in events for x in [*e.actor, *e.recipient])
    assert all(e.evidence.sentence.startswith("About") for e in events)


def test_a_truce_between_two_sides_agreed_in_the_passive_is_theirs(coder):
    found = [e for e in _events(coder, "The truce between the Sudanese army and the RSF was signed late on Monday.")
             if e.event_type in ("AGREE", "RETREAT")]
    assert found and {a.country for a in found[0].actor} == {"SDN"}


def test_a_source_one_live_blog_entry_cites_speaks_for_that_entry_only(coder):
    text = ("LIVE: strikes on Odesa; talks in Istanbul\n\n"
            "05:48 GMT - A Russian drone attack on Odesa overnight killed two people, Ukraine's interior minister "
            "said on Telegram.\n\n"
            "13:20 GMT - Kremlin spokesman Dmitry Peskov dismissed the British sanctions as illegal. He warned that "
            "Moscow would respond to any attempt to seize its tankers.")
    events = next(coder.code([Article(id="b", text=text, date="2026-05-27")])).events
    later = [e for e in events if "13:20" not in e.evidence.sentence and "Peskov" in e.evidence.sentence
             or "He warned" in e.evidence.sentence]
    assert later
    assert all(e.claimed_by is None or e.claimed_by.country != "UKR" for e in later), \
        [(e.event_type, e.claimed_by) for e in later]


def test_a_heading_with_a_title_and_a_name_before_the_posts_gives_the_voice(coder):
    text = ("Head of the Kharkiv Regional Military Administration Oleh Syniehubov - Telegram posts, 3 March 2025\n\n"
            "09:10 —\nAfter an enemy attack on a gas pipeline in Chuhuiv district, 2,000 homes are without heating. "
            "I ask residents to stay in shelters.")
    doc = next(coder.code([Article(id="t", text=text, date="2025-03-03")]))
    attack = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert attack and attack[0].claimed_by is not None and attack[0].claimed_by.country == "UKR"
    assert {a.country for a in attack[0].actor} == {"RUS"}, [(a.text, a.country) for a in attack[0].actor]
    ask = [e for e in doc.events if e.event_type == "REQUEST"]
    assert ask and {a.country for a in ask[0].actor} == {"UKR"}
