"""Wars inside one country and the forces sent to them. An armed group's or an opposition's accusation of "the
government" is aimed at its own country's, not at a country the sentence names in passing; positions or areas
"held by" a party are that party's; sending troops, platoons or a helicopter is a deployment; ordering the
suspension of talks is a sanction; US military commands are parties of the United States; talks a party is said
to have betrayed are no new talks. Sentences written for this test (invented events)."""
import pytest

from parley.model import Article


def _code(coder, text):
    return next(coder.code([Article(id="w", text=text, date="2024-09-19")])).events


def _one(events, kind):
    found = [e for e in events if e.event_type == kind]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize("text,country", [
    ("The ELN accused the government of betraying the talks it had held in Mexico.", "COL"),
    ("Al-Shabaab accused the federal government of selling the country to foreign troops from Kenya.", "SOM"),
])
def test_an_insurgent_accuses_its_own_government(coder, text, country):
    events = _code(coder, text)
    e = _one(events, "ACCUSE")
    assert {r.country for r in e.recipient} == {country}
    assert "CONSULT" not in {x.event_type for x in events}


@pytest.mark.parametrize("text,target", [
    ("A Turkish drone struck positions held by the Syrian Democratic Forces near Kobani.", "SYR"),
    ("Army artillery shelled neighbourhoods controlled by the Rapid Support Forces in Omdurman.", "SDN"),
])
def test_places_held_by_a_party_are_its_own(coder, text, target):
    e = _one(_code(coder, text), "ASSAULT")
    assert target in {r.country for r in e.recipient}


@pytest.mark.parametrize("text", [
    "The Dominican Republic said it has sent additional troops to its border with Haiti.",
    "The Kenyan-led mission said it had sent a helicopter and two platoons to Mirebalais.",
])
def test_sending_troops_is_a_deployment(coder, text):
    e = _one(_code(coder, text), "MOBILIZE")
    assert e.actor


def test_ordering_the_suspension_of_talks(coder):
    e = _one(_code(coder, "President Gustavo Petro ordered the suspension of the talks with the ELN."), "SANCTION")
    assert {a.country for a in e.actor} == {"COL"}


def test_a_military_command_is_american(coder):
    e = _one(_code(coder, "CENTCOM said its forces killed an Islamic State commander in a raid in Deir el-Zor."),
             "ASSAULT")
    assert {a.country for a in e.actor} == {"USA"}


@pytest.mark.parametrize("text,country", [
    ("Gangs overran Lascahobas near the Dominican border on Sunday. The Haitian government imposed a curfew from "
     "6pm to 5am in the Centre department.", "HTI"),
    ("Colombia's talks with the ELN were held in Mexico and Cuba. Petro's government declared a state of emergency "
     "in the Catatumbo region on Friday.", "COL"),
])
def test_a_state_measure_naming_no_target_is_taken_at_home(coder, text, country):
    events = [e for e in _code(coder, text) if e.event_type == "COERCE"]
    assert events and {r.country for r in events[-1].recipient} == {country}, \
        [(e.trigger, [r.country for r in e.recipient]) for e in events]


def test_of_two_subjects_the_one_next_to_the_verb(coder):
    events = _code(coder, "Also on Monday, Lebanese troops backed by UN peacekeepers deployed in the coastal town of "
                          "Naqoura, two days after Israeli forces withdrew from it.")
    e = _one(events, "RETREAT")
    assert {a.country for a in e.actor} == {"ISR"}


@pytest.mark.parametrize("text,words,actor,other", [
    ("Insurgents of the Ansaru group seized the market town of Kauru in Nigeria on Monday after a gun battle with "
     "army troops.", "seized", "REB", "MIL"),
    ("M23 rebels attacked Mweso on Friday. The Congolese armed forces launched a fresh "
     "offensive around the town on Saturday, its spokesman said.", "offensive", "MIL", "REB"),
    ("Sudan's army and the Rapid Support Forces fought for a third day in Babanusa. Soldiers shelled the eastern "
     "districts of the town overnight.", "shelled", "MIL", "REB"),
])
def test_an_attack_on_a_place_in_a_war_at_home_is_aimed_at_the_other_side(coder, text, words, actor, other):
    """One side of a war inside a country takes or strikes a town: the report's other side is the one it
    fights, not the town or the country as such."""
    e = next(x for x in _code(coder, text) if words in x.evidence.sentence and x.event_type == "ASSAULT")
    assert {a.sector for a in e.actor} == {actor}
    assert [r.sector for r in e.recipient] == [other]
    assert e.recipient[0].country == e.actor[0].country


@pytest.mark.parametrize("text,country", [
    ("The UN mission in South Sudan condemned the militia attacks and said it had sent patrols to Yei.", "SSD"),
    ("Fighting resumed near Goma on Sunday. The World Food Programme said it was distributing food to "
     "displaced families there.", "COD"),
])
def test_an_organisation_has_no_militias_or_civilians_of_its_own(coder, text, country):
    """The rebels an agency condemns, or the families it feeds, are of the country it works in."""
    events = [e for e in _code(coder, text) if e.event_type in ("ACCUSE", "AID")]
    assert events
    assert all(r.country == country for e in events for r in e.recipient), \
        [(e.event_type, [(r.text, r.country) for r in e.recipient]) for e in events]


@pytest.mark.parametrize("text,country", [
    ("Myanmar's military launched air strikes on villages in Sagaing on Monday, killing nine people. Residents "
     "fled into the forest. The UN special envoy called on the military to stop air attacks on populated areas.",
     "MMR"),
    ("Sudan's army and the RSF clashed again in North Darfur on Sunday. Thousands of people fled. The UN "
     "humanitarian chief urged the army to open the roads to aid convoys.", "SDN"),
])
def test_an_organisation_asks_the_army_of_the_country_at_war(coder, text, country):
    """"The military" an envoy calls on is the army of the country the report is about, never the UN's."""
    e = next(x for x in _code(coder, text) if x.event_type == "REQUEST")
    assert [r.country for r in e.recipient] == [country]


def test_a_phrase_before_the_verb_names_no_partner(coder):
    """"At the United Nations, X appealed to Israel and Iran": the scene, not whom the appeal is made to."""
    e = next(x for x in _code(coder, "Israeli jets struck targets near Isfahan overnight. At the United Nations, "
                                     "the Secretary-General appealed to Israel and Iran to step back from the "
                                     "brink.") if x.event_type == "REQUEST")
    assert {r.country for r in e.recipient} == {"ISR", "IRN"}


@pytest.mark.parametrize("text,kind", [
    ("Colombia will send 1,200 more soldiers to Cauca, the defence minister said.", "MOBILIZE"),
    ("Russia will send troops to the border with Finland if Helsinki lets NATO build bases there.", "THREATEN"),
])
def test_a_planned_deployment_is_a_threat_only_on_a_condition(coder, text, kind):
    types = [e.event_type for e in _code(coder, text)]
    assert types and types[0] == kind, types


def test_a_lone_participle_after_its_subject_is_the_predicate(coder):
    """"Ukrainian units counterattacked near Torske": with no other verb, the participle the parser hangs on the
    noun is the sentence's verb, and the noun its subject; an attack by a state at war is on its adversary."""
    e = next(x for x in _code(coder, "Ukrainian units counterattacked near Torske on Monday.")
             if x.event_type == "ASSAULT")
    assert [(a.country, a.sector) for a in e.actor] == [("UKR", "MIL")]
    assert {r.country for r in e.recipient} == {"RUS"}
