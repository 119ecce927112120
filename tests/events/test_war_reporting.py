"""The genres of war reporting, each as a construction, in sentences and short reports written for these tests.

Each case is a small document (one sentence, or a bulletin of a few) and what an expert coder wants from it:
the type of some event, its actor's and recipient's countries, who the text attributes it to and its status.
The sentences are ours, in the styles users bring: wire copy, headlines, General Staff and defence ministry
bulletins, governors' posts, live blogs. They are not the locked evaluation set (tests/locked/), which is
scored separately by scripts/score_locked.py.
"""
import pytest

from parley.model import Article, to_dict

DATE = "2025-06-04"


def _events(coder, text, date=DATE):
    return to_dict(next(coder.code([Article(id="t", text=text, date=date)])))["events"]


def _countries(entities):
    return {e.get("country") for e in entities or []}


def _find(events, etype, actor=None, recipient=None, trigger_in=None):
    for e in events:
        if e["event_type"] != etype:
            continue
        if actor is not None and actor not in _countries(e["actor"]):
            continue
        if recipient is not None and recipient not in _countries(e["recipient"]):
            continue
        if trigger_in is not None and trigger_in not in (e["evidence"]["sentence"] or ""):
            continue
        return e
    return None


def _show(events):
    return [(e["event_type"], e.get("trigger"), sorted(c or "-" for c in _countries(e["actor"])),
             sorted(c or "-" for c in _countries(e["recipient"])), e.get("status"),
             (e.get("claimed_by") or {}).get("country")) for e in events]


# --- who "the enemy" is: resolved from who speaks -----------------------------------------------------------
SPEAKER_RELATIVE = [
    ("ua-bulletin-enemy", "The General Staff of the Armed Forces of Ukraine reports:\nOver the past day the enemy "
     "carried out 41 air strikes and dropped 63 guided bombs on the Huliaipole direction.", "ASSAULT", "RUS", "UKR"),
    ("ua-occupiers-residents", "The occupiers shelled a bus stop in Beryslav on Tuesday morning, wounding four "
     "residents, the regional military administration said.", "ASSAULT", "RUS", "UKR"),
    ("ru-bulletin-kyiv-regime", "Russia's defence ministry said in its morning briefing that the Kyiv regime had "
     "tried to strike an oil depot in Rostov region with drones.", "ASSAULT", "UKR", "RUS"),
    ("ru-governor-enemy", "Belgorod governor Vyacheslav Gladkov wrote on Telegram that the enemy shelled the "
     "outskirts of Shebekino overnight, damaging three houses.", "ASSAULT", "UKR", "RUS"),
    ("invaders-demonym", "Russian invaders pounded the centre of Orikhiv with multiple rocket launchers.",
     "ASSAULT", "RUS", "UKR"),
    # no issuer named: the text's own words for the other side say whose voice it is
    ("invasion-names-the-voice", "Morning update on the course of the Russian invasion.\n\nDuring the night the "
     "enemy launched eleven attack drones from the direction of Kursk.", "ASSAULT", "RUS", "UKR"),
    ("kyiv-regime-names-the-voice", "The Kyiv regime's forces keep up their terror against civilians.\n\n"
     "Overnight the enemy launched nine long-range drones at energy facilities.", "ASSAULT", "UKR", "RUS"),
    ("our-troops-are-the-voice", "Morning report on the Russian aggression.\n\nThe occupiers carried out 60 "
     "shellings of the positions of our troops near Kupiansk.", "ASSAULT", "RUS", "UKR"),
]


@pytest.mark.parametrize("text,etype,actor,recipient", [c[1:] for c in SPEAKER_RELATIVE],
                         ids=[c[0] for c in SPEAKER_RELATIVE])
def test_the_enemy_is_the_adversary_of_who_speaks(coder, text, etype, actor, recipient):
    events = _events(coder, text)
    assert _find(events, etype, actor, recipient), _show(events)


# --- attacks on a place: the recipient is that place's country, never the attacker's --------------------------
PLACE_RECIPIENT = [
    ("troops-town-no-country", "Russian troops fired mortars at the outskirts of Kostiantynivka throughout the "
     "night.", "RUS", "UKR"),
    ("headline-missile", "Missile strike on Kryvyi Rih: six dead, dozens hurt", None, "UKR"),
    ("weapon-subject", "A guided aerial bomb hit a five-storey building in Kharkiv on Sunday.", None, "UKR"),
    ("instrument-not-partner", "The Russian army shelled Nikopol with heavy artillery and drones overnight.",
     "RUS", "UKR"),
    ("ukrainian-strike-russia", "Ukrainian drones struck an oil refinery in Ryazan early on Saturday.", "UKR",
     "RUS"),
]


@pytest.mark.parametrize("text,actor,recipient", [c[1:] for c in PLACE_RECIPIENT],
                         ids=[c[0] for c in PLACE_RECIPIENT])
def test_attack_on_a_place_strikes_that_country(coder, text, actor, recipient):
    events = _events(coder, text)
    e = _find(events, "ASSAULT", actor, recipient)
    assert e is not None, _show(events)
    if actor is None:  # the text names no attacker: a weapon is no party
        assert not [a for a in e["actor"] if a.get("country")], _show(events)
    assert not (_countries(e["actor"]) & _countries(e["recipient"]) - {None}), _show(events)


# --- interceptions -----------------------------------------------------------------------------------------------
def test_interception_claim_names_both_sides_and_is_disrupted_weapons_use(coder):
    events = _events(coder, "Air defences shot down 14 Ukrainian drones over the Bryansk region overnight, "
                            "the Russian defence ministry said.")
    e = _find(events, "ASSAULT", "RUS", "UKR")
    assert e is not None, _show(events)
    assert e["acled_sub_event_type"] == "Disrupted weapons use"
    assert (e.get("claimed_by") or {}).get("country") == "RUS"


def test_intercepting_missiles_is_no_attack_on_the_interceptor(coder):
    events = _events(coder, "Ukraine's air force intercepted 31 of the 40 cruise missiles fired by Russia.")
    e = _find(events, "ASSAULT", "UKR")
    assert e is not None and "RUS" in _countries(e["recipient"]), _show(events)


# --- datelines and bulletin issuers ------------------------------------------------------------------------------
def test_a_dateline_is_no_actor(coder):
    text = ("KHARKIV, Ukraine, May 12 (AP) — Russian glide bombs struck a printing house in the city on Monday, "
            "killing two workers, officials said.")
    events = _events(coder, text, date="2025-05-13")
    assert events, "no event"
    assert all(a.get("start") is None or a["start"] >= text.index("Russian") for e in events for a in e["actor"])
    assert _find(events, "ASSAULT", "RUS", "UKR"), _show(events)


def test_a_bulletin_issuer_claims_every_event_after_it(coder):
    text = ("The General Staff of the Armed Forces of Ukraine reports:\n"
            "Over the past day, 142 combat clashes took place along the front.\n"
            "The enemy launched two missile strikes and 87 air strikes, using 5 missiles and 124 guided bombs.\n"
            "Ukrainian forces struck a Russian ammunition depot near Svatove.")
    events = _events(coder, text)
    assert events, "no event"
    assert all((e.get("claimed_by") or {}).get("country") == "UKR" for e in events), _show(events)
    assert _find(events, "ASSAULT", "RUS", "UKR"), _show(events)


def test_an_issuer_only_claims_what_follows(coder):
    text = ("Russian drones struck Odesa overnight.\n\n"
            "Russia's defence ministry said in its daily briefing that air defences destroyed 12 drones over "
            "Kursk region.")
    events = _events(coder, text)
    first = _find(events, "ASSAULT", "RUS", "UKR", trigger_in="Odesa")
    assert first is not None and first.get("claimed_by") is None, _show(events)


# --- officials known by title -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Regional governor Ivan Fedorov said a Russian drone hit a kindergarten in Zaporizhzhia.",
    "The head of the Kharkiv regional military administration said Russian forces struck a power substation.",
])
def test_an_official_known_by_title_claims_for_his_country(coder, text):
    events = _events(coder, text)
    e = _find(events, "ASSAULT", "RUS", "UKR")
    assert e is not None and (e.get("claimed_by") or {}).get("country") == "UKR", _show(events)


# --- places that stand for institutions --------------------------------------------------------------------------
@pytest.mark.parametrize("text,etype,actor", [
    ("Downing Street announced new sanctions on Russian oil traders.", "SANCTION", "GBR"),
    ("The White House urged Moscow to accept an unconditional ceasefire.", "REQUEST", "USA"),
    ("The Kremlin rejected the European proposal for a truce.", "REJECT", "RUS"),
])
def test_seats_of_power_are_actors(coder, text, etype, actor):
    events = _events(coder, text)
    assert _find(events, etype, actor), _show(events)


# --- status as wire copy writes it -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,etype,status", [
    ("Ukrainian and Russian negotiators are expected to meet in Istanbul next week.", "CONSULT", "planned"),
    ("Zelensky is scheduled to visit Berlin on Thursday to discuss air defence.", "CONSULT", "planned"),
    ("The talks in Riyadh ended without agreement on a ceasefire.", "AGREE", "negated"),
    ("Russian forces have been shelling Kupiansk for weeks.", "ASSAULT", "ongoing"),
])
def test_status_as_wire_copy_writes_it(coder, text, etype, status):
    events = _events(coder, text)
    e = _find(events, etype)
    assert e is not None and e["status"] == status, _show(events)


def test_expected_meeting_keeps_both_parties(coder):
    events = _events(coder, "Trump and Putin are expected to meet in Alaska on Friday.")
    e = _find(events, "CONSULT")
    assert e is not None and {"USA", "RUS"} <= _countries(e["actor"]) | _countries(e["recipient"]), _show(events)


# --- statements as events ----------------------------------------------------------------------------------------
def test_the_speaker_of_an_appeal_is_its_actor(coder):
    events = _events(coder, "The UN Secretary-General called on Russia and Ukraine to spare civilian "
                            "infrastructure.")
    e = _find(events, "REQUEST")
    assert e is not None and _countries(e["actor"]) & {"UN", "IGO", "UNO"}, _show(events)


def test_condemning_an_attack_is_the_statement_not_a_new_attack(coder):
    events = _events(coder, "Germany condemned the missile attack on Sumy as a war crime.")
    assert events and events[0]["event_type"] == "ACCUSE", _show(events)
    assert "DEU" in _countries(events[0]["actor"])


def test_a_denial_in_the_next_clause_adds_a_denial_and_keeps_the_accusation(coder):
    events = _events(coder, "Moscow accused Kyiv of shelling the Zaporizhzhia nuclear plant; Ukraine denied it.")
    accuse = _find(events, "ACCUSE", "RUS", "UKR")
    assert accuse is not None and accuse["status"] == "occurred", _show(events)
    assert (accuse.get("claimed_by") or {}).get("country") != "UKR", _show(events)
    assert _find(events, "REJECT", "UKR", "RUS"), _show(events)


def test_a_live_blog_entry_is_dated_by_its_stamp(coder):
    text = ("18:40 GMT, Sunday - Russian drones hit an apartment block in Kyiv, the city's mayor said.\n\n"
            "09:15 GMT - Ukraine's foreign minister called on allies to send more air defence systems.")
    events = _events(coder, text, date="2025-06-04")
    e = _find(events, "ASSAULT", "RUS", "UKR")
    assert e is not None and e["date"] == "2025-06-01", _show(events)


# --- numbers as war copy writes them ------------------------------------------------------------------------------
def test_large_and_vague_numbers(coder):
    events = _events(coder, "More than 12,000 civilians have been killed since the invasion began, the UN said.")
    assert all(e.get("fatalities") in (None, 12000) for e in events), [e.get("fatalities") for e in events]
    events = _events(coder, "Thousands of protesters marched through Tbilisi against the government.")
    assert all(q["value"] != 1000 for e in events for q in e.get("quantities") or []), events


@pytest.mark.parametrize("text,country", [
    ("General Staff: 120 clashes along the front over the past day\n\nThe enemy carried out 40 air strikes "
     "during the Russian invasion's latest push.", "UKR"),
    ("Southern Defence Forces: four boats destroyed near the Kinburn spit\n\nOur units destroyed four Russian "
     "boats carrying troops.", "UKR"),
])
def test_a_labelled_headline_names_the_bulletin_issuer(coder, text, country):
    events = _events(coder, text)
    assert events and all((e.get("claimed_by") or {}).get("country") == country for e in events), _show(events)


def test_a_quote_after_a_colon_is_no_label(coder):
    events = _events(coder, "Kuleba said: Russian missiles struck a hospital in Kharkiv overnight.")
    assert all(e.get("claimed_by", {}).get("text") != "Kuleba said" for e in events)


def _report(coder, text, date="2025-09-18"):
    return next(coder.code([Article(id="w", text=text, date=date)])).events


@pytest.mark.parametrize("text,word,actor,recipient", [
    # a claim by one side's military, in a report of its war: the unattributed act is that side's on the enemy
    ("Russian forces struck Kharkiv with missiles overnight.\n\nThe Ukrainian General Staff reported that 14 "
     "Russian servicemen were taken prisoner near Pokrovsk.", "taken", "UKR", "RUS"),
    ("Ukrainian drones hit a refinery in Ryazan on Sunday.\n\nRussia's defence ministry said 31 drones were "
     "destroyed over the Bryansk region overnight.", "destroyed", "RUS", "UKR"),
])
def test_a_side_claiming_an_act_in_its_war_did_it(coder, text, word, actor, recipient):
    found = [e for e in _report(coder, text) if e.trigger == word]
    assert found, [(e.trigger, e.event_type) for e in _report(coder, text)]
    assert {a.country for a in found[0].actor} == {actor}
    assert recipient in {r.country for r in found[0].recipient}


def test_a_military_claim_outside_a_war_it_reports_names_no_foreign_attacker(coder):
    events = _report(coder, "Pakistan's military said five soldiers were killed in an attack in North Waziristan.")
    assert not {"IND", "AFG"} & {a.country for e in events for a in e.actor}


def test_taken_to_hospital_is_a_toll_and_taken_prisoner_an_act(coder):
    events = _report(coder, "Russian drones struck Sumy overnight. Three people were taken to hospital.")
    assert [e.trigger for e in events if e.event_type == "ASSAULT"] == ["struck"]


@pytest.mark.parametrize("text,word,actor", [
    ("Russian forces pushed toward Kupiansk on Tuesday.", "pushed", "RUS"),
    ("A Chinese coast guard vessel rammed a Taiwanese fishing boat off Kinmen.", "rammed", "CHN"),
])
def test_advancing_and_ramming_are_attacks(coder, text, word, actor):
    found = [e for e in _report(coder, text) if e.trigger == word and e.event_type == "ASSAULT"]
    assert found and actor in {a.country for a in found[0].actor}


def test_a_statement_that_urges_is_its_issuers_request(coder):
    events = _report(coder, "The leaders of France and Poland issued a joint statement urging Washington not to "
                            "accept any settlement that rewards aggression.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and {a.country for a in request[0].actor} == {"FRA", "POL"}


def test_who_a_report_blames_did_the_attack_it_reports(coder):
    events = _report(coder, "Eleven people were killed when a bus was ambushed near Kalaw on Monday, the junta said, "
                            "blaming the Karenni Army for the attack.")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert [e.trigger for e in attacks] == ["ambushed"]  # "the attack" blamed is the ambush, not a second one
    assert [a.text for a in attacks[0].actor] == ["the Karenni Army"]
    charge = [e for e in events if e.event_type == "ACCUSE"]
    assert charge and charge[0].actor and charge[0].actor[0].text == "the junta"


def test_forces_advancing_in_a_direction_attack(coder):
    found = [e for e in _report(coder, "Russian forces advanced southwest of Pokrovsk, the ministry said.")
             if e.trigger == "advanced"]
    assert found and found[0].event_type == "ASSAULT"


def test_posts_stamped_with_an_office_speak_for_its_region(coder):
    text = ("Governors' posts from both sides of the border, translated.\n\n"
            "BELGOROD REGION GOVERNOR, 07:05\nOvernight the enemy attacked our region with drones. A woman was "
            "injured in Shebekino.\n\n"
            "SUMY REGIONAL MILITARY ADMINISTRATION HEAD, 08:20\nThe enemy shelled the Krasnopillia community 14 "
            "times overnight. Two houses were damaged.")
    events = _report(coder, text, "2025-10-14")
    belgorod = [e for e in events if "attacked our region" in e.evidence.sentence]
    sumy = [e for e in events if "Krasnopillia community" in e.evidence.sentence]
    assert belgorod and {a.country for a in belgorod[0].actor} == {"UKR"}  # "the enemy" of a Russian governor
    assert belgorod[0].claimed_by is not None and belgorod[0].claimed_by.country == "RUS"
    assert sumy and {a.country for a in sumy[0].actor} == {"RUS"}
    assert sumy[0].claimed_by is not None and sumy[0].claimed_by.country == "UKR"
