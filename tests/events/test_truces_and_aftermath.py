"""A pause in fighting named, not made; deadlines; violations committed; what an attack leaves behind.

- "ceasefire" or "truce" is an event where a party makes, keeps or starts one ("declared a truce", "the truce
  will hold from 10:00", "the pause had been observed by Russian units"), not where another clause only names
  one ("pressed Moscow to move toward a ceasefire", "during a local ceasefire", "since the truce began");
- "gave X until Friday to ...", "has given X 48 hours to ..." is an ultimatum: a THREATEN by the giver;
- "X has committed 300 violations", as a party claims it, is that party's accusation of X;
- damage and tolls told after an attack, with no attacker of their own ("A house and a shop were damaged. Two
  people were injured."), are that attack's, unless they name a place of their own;
- "air raid alerts" warn of attacks, they report none.
Sentences written for this test."""
import pytest

from parley.model import Article


def _code(coder, text, date="2025-06-14"):
    return next(coder.code([Article(id="t", text=text, date=date)])).events


@pytest.mark.parametrize("text", [
    "The envoy urged both armies to move toward a truce before the rains.",
    "Dozens of families left the town during a short local ceasefire on Tuesday.",
    "Shelling has not stopped in the border villages since the truce began in April.",
    "Any lasting ceasefire must include international monitors, the minister told parliament.",
])
def test_a_truce_only_named_is_no_pause_in_fighting(coder, text):
    events = _code(coder, text)
    assert not [e for e in events if e.event_type == "RETREAT" and e.trigger in ("truce", "ceasefire")], \
        [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "The army declared a 48-hour truce around the hospital on Saturday.",
    "A humanitarian ceasefire will hold in the district from 09:00 until 17:00, the regional office said.",
    "The rebels said the humanitarian pause had been strictly observed by their fighters.",
])
def test_a_truce_made_kept_or_begun_is_coded(coder, text):
    events = _code(coder, text)
    assert [e for e in events if e.event_type in ("RETREAT", "AGREE")], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize("text,giver,given", [
    ("The White House has given Hamas until Sunday to accept the hostage proposal.", "USA", "PSE"),
    ("Ankara gave the Kurdish militia 72 hours to pull back from the border strip.", "TUR", None),
    ("Washington gave Tehran two weeks to return to the negotiating table, a senior official said.", "USA", "IRN"),
])
def test_a_deadline_given_is_an_ultimatum(coder, text, giver, given):
    found = [e for e in _code(coder, text) if e.event_type == "THREATEN"]
    assert found, text
    assert giver in {a.country for a in found[0].actor}
    if given:
        assert given in {r.country for r in found[0].recipient}


def test_a_gift_with_no_deadline_is_no_ultimatum(coder):
    events = _code(coder, "Japan gave Ukraine 500 million dollars for the reconstruction of its power grid.")
    assert not [e for e in events if e.event_type == "THREATEN"]


def test_violations_committed_as_a_party_says_are_its_accusation(coder):
    events = _code(coder, "Armenian officials say Azerbaijan has committed dozens of violations since the "
                          "agreement was signed.")
    found = [e for e in events if e.event_type == "ACCUSE"]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert {a.country for a in found[0].actor} == {"ARM"}
    assert "AZE" in {r.country for r in found[0].recipient}


def test_damage_and_toll_after_an_attack_are_that_attack(coder):
    text = ("Russian forces struck Nikopol with heavy artillery overnight. A school and two shops were damaged. "
            "Two people were injured, among them a teenager.")
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.evidence.sentence) for e in attacks]
    assert attacks[0].injured == 2


def test_damage_in_a_place_of_its_own_is_its_own_strike(coder):
    text = ("Over the past day Russian troops shelled 21 settlements of Kherson region. "
            "In Bilozerka, a private house was destroyed.")
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 2, [(e.trigger, e.evidence.sentence) for e in attacks]


def test_an_active_destroyed_is_an_attack_not_damage(coder):
    text = ("Ukrainian drones attacked Belgorod region overnight. Air defence systems intercepted and destroyed "
            "31 Ukrainian drones over Kursk region, the ministry said.")
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert any("intercepted" in e.evidence.sentence for e in attacks), [(e.trigger, e.evidence.sentence)
                                                                         for e in attacks]


@pytest.mark.parametrize("text", [
    "Residents of Sumy are urged not to ignore air raid alerts, the city council said.",
    "The missile attack warning lasted for two hours in Kyiv on Sunday.",
])
def test_warnings_of_attacks_report_none(coder, text):
    assert not [e for e in _code(coder, text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text,actor,partner", [
    ("Austria dropped its objection to the accession talks after the European Commission offered guarantees "
     "on transit fees.", "AUT", "EU"),
    ("The Greek government withdrew its veto on Monday once NATO agreed to review the airspace rules.", "GRC",
     "NATO"),
])
def test_its_objection_is_the_subjects_own_and_the_partner_comes_later(coder, text, actor, partner):
    found = [e for e in _code(coder, text) if e.event_type == "CONCEDE"]
    assert found, text
    assert {a.country for a in found[0].actor} == {actor}
    assert partner in {r.country for r in found[0].recipient}, [r.text for r in found[0].recipient]


def test_a_side_of_talks_proposes_to_its_counterpart_not_to_the_host(coder):
    text = ("Armenian and Azerbaijani negotiators met in Almaty on Thursday for a fourth round of border talks. "
            "Kazakh Foreign Minister Murat Nurtleu, who hosted the meeting, praised both delegations and said "
            "Astana was ready to host the next round. "
            "Armenia's deputy prime minister proposed that the commissions meet again before the end of July.")
    events = [e for e in _code(coder, text) if "proposed" in e.evidence.sentence and e.event_type in
              ("REQUEST", "CONSULT")]
    assert events, text
    assert {a.country for a in events[0].actor} == {"ARM"}
    assert {r.country for r in events[0].recipient} == {"AZE"}, [r.text for r in events[0].recipient]


def test_a_side_that_dealt_with_the_third_party_still_addresses_it(coder):
    text = ("Zelensky met German Chancellor Friedrich Merz in Berlin on Tuesday. "
            "Kyiv asked for four more Patriot systems before the winter.")
    events = [e for e in _code(coder, text) if e.event_type == "REQUEST"]
    assert events
    assert "DEU" in {r.country for r in events[0].recipient}


def test_what_a_statement_calls_an_act_is_no_new_act(coder):
    text = ("Russian missiles struck a market in Kostiantynivka on Saturday. The foreign ministry in Kyiv condemned "
            "the strike as a cold-blooded attack on shoppers. Hours before the attack, the president's office had "
            "announced new talks.")
    attacks = [e for e in _code(coder, text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.evidence.sentence) for e in attacks]


@pytest.mark.parametrize("text", [
    "Ankara denies targeting civilians and says its jets strike only militant hideouts.",
    "The militia says it does not attack aid convoys.",
])
def test_a_stance_on_whom_one_strikes_is_no_strike(coder, text):
    assert not [e for e in _code(coder, text) if e.event_type == "ASSAULT" and e.status == "occurred"]


def test_it_denies_after_an_accusation_is_the_accused(coder):
    text = ("The Kurdish administration accused Turkey of shelling a water station near Qamishli. "
            "It denies targeting civilian infrastructure.")
    denials = [e for e in _code(coder, text) if e.event_type == "REJECT"]
    assert denials
    assert {a.country for a in denials[0].actor} == {"TUR"}


def test_what_a_party_describes_as_an_attack_is_reported_as_one(coder):
    text = ("A fire broke out at a fuel depot in Engels overnight after what Moscow described as a Ukrainian "
            "drone attack.")
    assert [e for e in _code(coder, text) if e.event_type == "ASSAULT"]


def test_a_list_handed_to_a_counterpart_is_a_request(coder):
    text = ("Ukraine's ombudsman said he had handed his Russian counterpart, Tatyana Moskalkova, a list of 300 "
            "civilians whom Kyiv wants returned.")
    found = [e for e in _code(coder, text) if e.event_type == "REQUEST"]
    assert found, [(e.event_type, e.trigger) for e in _code(coder, text)]
    assert not [e for e in _code(coder, text) if e.event_type == "RETREAT"]


def test_calling_a_raid_an_act_of_terrorism_accuses_and_strikes_nothing_new(coder):
    text = ("Ukrainian sea drones struck a tanker off Tuapse overnight. A Kremlin spokesman called the raid on "
            "Tuapse an act of terrorism.")
    events = _code(coder, text)
    second = [e for e in events if "terrorism" in e.evidence.sentence]
    assert [e.event_type for e in second] == ["ACCUSE"], [(e.event_type, e.trigger) for e in second]
    assert "UKR" in {r.country for r in second[0].recipient}


@pytest.mark.parametrize("text,absent", [
    ("The TPLF accused the Ethiopian army of breaching the 2022 Pretoria peace agreement.", "ZAF"),
    ("Kyiv and Moscow traded accusations of violating the Minsk accords.", "BLR"),
    ("The envoy urged both sides to return to the framework of the Doha deal.", "QAT"),
])
def test_a_city_that_names_an_agreement_is_no_party(coder, text, absent):
    events = _code(coder, text)
    assert events
    assert absent not in {x.country for e in events for x in [*e.actor, *e.recipient]}


@pytest.mark.parametrize("text", [
    "Kyiv accused Moscow of shelling Nikopol. Russian forces stopped shelling the town only after midnight.",
    "Both navies committed on Friday to refrain from using force against merchant ships in the Black Sea.",
])
def test_an_attack_stopped_or_refrained_from_is_no_attack(coder, text):
    events = _code(coder, text)
    last = text.split(". ")[-1]
    mine = [e for e in events if e.evidence.sentence.startswith(last[:20])]
    assert not [e for e in mine if e.event_type == "ASSAULT" and e.status == "occurred"], \
        [(e.event_type, e.trigger, e.status) for e in mine]


@pytest.mark.parametrize("text,threatener,threatened", [
    ("The Houthis said American destroyers in the Gulf of Aden would be treated as legitimate targets.", "YEM", "USA"),
    ("Israel's defence minister said the drone attack on Eilat would not go unanswered.", "ISR", None),
    ("The Kremlin said Russia will respond to any seizure of its frozen assets.", "RUS", None),
])
def test_a_threat_told_by_its_idiom(coder, text, threatener, threatened):
    threats = [e for e in _code(coder, text) if e.event_type == "THREATEN"]
    assert threats and threatener in {a.country for a in threats[0].actor}, \
        [(e.event_type, e.trigger) for e in _code(coder, text)]
    if threatened:
        assert threatened in {r.country for r in threats[0].recipient}


def test_prices_that_respond_threaten_no_one(coder):
    assert not [e for e in _code(coder, "Oil prices will respond to the new quotas, analysts said.")
                if e.event_type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Thai and Cambodian troops pledged not to open fire across the frontier during the harvest.",
    "The Houthis promised not to attack ships bound for Chinese ports.",
    "Russia agreed not to strike energy facilities for thirty days.",
])
def test_a_promise_not_to_attack_is_no_threat_and_no_attack(coder, text):
    from parley.model import Article

    events = next(coder.code([Article(id="p", text=text, date="2025-03-18")])).events
    assert not [e for e in events if e.event_type in ("THREATEN", "ASSAULT")], \
        [(e.event_type, e.trigger) for e in events]
    assert [e for e in events if e.event_type in ("AGREE", "RETREAT")], [(e.event_type, e.trigger) for e in events]
