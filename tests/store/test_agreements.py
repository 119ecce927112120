"""Agreements and their alleged violations, from stored events. The example article's partial ceasefire (read
from ../shared), a truce written for these tests, and reports of corridors, local truces and exchanges we wrote
(tests/fixtures/agreements/reports.jsonl, each with the agreement it must give under "expect")."""
import json
from pathlib import Path

import pytest

from parley.ground.places import haversine_km
from parley.store import Store, ingest
from parley.store.agreements import agreements_json, commitment_kind, find_agreements, load_words

TRUCE = Path(__file__).parent.parent / "fixtures" / "store" / "truce.jsonl"
REPORTS = Path(__file__).parent.parent / "fixtures" / "agreements" / "reports.jsonl"


def _store(paths, tmp_path, coder, date=None):
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    ingest([str(p) for p in paths], store, coder=coder, progress=False, version="v1", date=date)
    return store


def _agreements(paths, tmp_path, coder, date=None):
    store = _store(paths, tmp_path, coder, date)
    return find_agreements(list(store.events()), store.texts())


def _records(path=REPORTS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(tmp_path, records, name="reports.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_example_articles_partial_ceasefire_and_its_alleged_violations(shared_dir, tmp_path, coder):
    found = _agreements([shared_dir / "seed" / "000_74c455a6ea38216f.txt"], tmp_path, coder, date="2025-03-20")
    energy = [a for a in found if a.kind == "ceasefire" and a.scope == ["energy"]]
    assert len(energy) == 1
    a = energy[0]
    assert a.parties == ["RUS", "UKR"] and a.mediators == ["USA"]
    assert a.start in ("2025-03-19", "2025-03-20") and a.current == "agreed" and not a.full
    by_russia = [v for v in a.violations if v.alleged_by == "RUS" and v.against == ["UKR"]]
    assert any(v.kind == "accusation" and "failed to honor" in v.evidence for v in by_russia)
    assert any(v.kind == "event" and "oil depot" in v.evidence for v in by_russia)
    assert any(v.against == ["RUS"] and "power systems" in v.evidence for v in a.violations)
    assert not any("hospitals and homes" in v.evidence and v.against == ["RUS"] for v in a.violations), \
        "an attack on hospitals is outside a ceasefire on energy"
    # the full 30-day ceasefire Putin turned down is a proposal rejected, never in force: nothing violates it
    full = [a for a in found if a.kind == "ceasefire" and a.full]
    assert full and all(a.current == "rejected" and not a.violations for a in full)


def test_a_truce_links_later_attacks_and_accusations_until_it_collapses(tmp_path, coder):
    found = _agreements([TRUCE], tmp_path, coder)
    assert len(found) == 1
    a = found[0]
    assert (a.kind, a.parties, a.start) == ("ceasefire", ["ARM", "AZE"], "2025-05-08")
    assert [s for _, s, _ in a.status] == ["agreed", "collapsed"]
    got = {(v.date, v.kind, tuple(v.against), v.alleged_by) for v in a.violations}
    assert got == {("2025-05-10", "event", ("AZE",), "ARM"), ("2025-05-11", "accusation", ("ARM",), "AZE")}
    # the shelling before the truce and the one after its collapse are no violations of it


@pytest.mark.parametrize("sentence,trigger,want", [
    ("Moscow agreed to halt attacks on energy infrastructure.", "agreed", ("ceasefire", False, ["energy"])),
    ("Both sides agreed to a full 30-day ceasefire.", "agreed", ("ceasefire", True, [])),
    ("The rebels agreed to stop shelling hospitals in the city.", "agreed", ("ceasefire", False, ["medical"])),
    ("The two armies agreed to open a humanitarian corridor from Mariupol.", "agreed",
     ("humanitarian_corridor", False, [])),
    ("Kyiv and Moscow agreed to a prisoner exchange.", "agreed", ("prisoner_exchange", False, [])),
    ("Rwanda agreed to withdraw its troops from eastern Congo.", "agreed", ("withdrawal", False, [])),
    ("Armenia agreed to hold talks in Geneva.", "agreed", ("talks", False, [])),
])
def test_the_kind_and_scope_of_a_commitment(sentence, trigger, want):
    ev = {"event_type": "AGREE", "trigger": trigger, "evidence": {"sentence": sentence}}
    assert commitment_kind(ev) == want


def test_an_agreement_to_something_else_is_no_agreement_record():
    ev = {"event_type": "AGREE", "trigger": "agreed", "evidence": {"sentence": "Kenya agreed to buy Brazilian beef."}}
    assert commitment_kind(ev) is None


def test_the_agreement_words_file_is_well_formed():
    w = load_words()
    assert {k for k, _ in w.kinds} >= {"ceasefire", "humanitarian_corridor", "prisoner_exchange", "withdrawal", "talks"}
    assert w.collapse.search("the truce collapsed overnight") and not w.collapse.search("the truce held")
    assert set(w.violating) <= {k for k, _ in w.kinds}


@pytest.mark.parametrize("sentence,want", [
    ("Armenia and Azerbaijan agreed to a ceasefire, with Russia acting as mediator.", ["RUS"]),
    ("Kyiv and Moscow agreed to swap prisoners under a deal mediated by the United Arab Emirates.", ["ARE"]),
    ("The truce was brokered by Qatar.", ["QAT"]),
    ("Both sides agreed to a truce after talks in Doha.", []),
])
def test_mediators_named_in_the_sentence(sentence, want):
    from parley.store.agreements import named_mediators

    assert named_mediators(sentence) == want


def test_a_named_mediator_is_recorded(tmp_path, coder):
    found = _agreements([TRUCE], tmp_path, coder)
    assert found[0].mediators == ["RUS"]  # "with Russia acting as mediator"


def test_a_truce_between_factions_of_one_country_its_term_area_and_entry_into_force(tmp_path, coder):
    found = _agreements([TRUCE.parent / "khartoum.jsonl"], tmp_path, coder)
    assert len(found) == 1
    a = found[0]
    assert a.internal and a.parties == ["SDN-MIL", "SDN-REB"]
    assert (a.start, a.end) == ("2025-06-02", "2025-06-08")  # "a 7-day ceasefire"
    assert a.area and a.area["name"] == "Khartoum"
    assert [s for _, s, _ in a.status] == ["agreed", "in force"]  # "took effect at midnight"
    # the shelling in Khartoum during the truce is alleged by the army against the RSF; the one in El Fasher is
    # outside the area and the one after the seventh day outside the term
    assert [(v.date, v.against, v.alleged_by) for v in a.violations] == [("2025-06-05", ["SDN-REB"], "SDN-MIL")]
    assert "Khartoum" in a.violations[0].evidence


# ---------------------------------------------------------------------------------------------------------------
# Corridors, local truces and exchanges: each report we wrote, ingested on its own, gives the agreement its
# "expect" field describes (route ends within 20 km of the real towns).

# Reports the event coder reads in a way that leaves no commitment (the agreement is named only in a participle
# phrase before the main clause); agreements.py works on the events it is given.
CODER_MISSES = {
    "h2-kherson-evac": "'under a local truce agreed between Russia and Ukraine, buses will take ...': the coder "
                       "gives an AGREE for 'take' only, whose clause names no agreement",
}


@pytest.mark.parametrize("record", [
    pytest.param(r, marks=pytest.mark.xfail(reason=CODER_MISSES[r["id"]], strict=False)) if r["id"] in CODER_MISSES
    else r for r in _records()], ids=lambda r: r["id"])
def test_a_report_of_a_corridor_truce_or_exchange_becomes_its_agreement_record(record, tmp_path, coder):
    found = _agreements([_write(tmp_path, [record])], tmp_path, coder)
    want = record["expect"]
    assert [a.kind for a in found] == [want["kind"]], [a.describe() for a in found]
    a = found[0]
    assert a.parties == want["parties"]
    assert a.current == "agreed"
    if "mediators" in want:
        assert a.mediators == want["mediators"]
    if "route" in want:
        assert len(a.route) >= 2, a.route_evidence
        for place, (_, lat, lon) in ((a.route[0], want["route"]["from"]), (a.route[-1], want["route"]["to"])):
            assert haversine_km(lat, lon, place["lat"], place["lon"]) <= 20, place
            assert place["geonameid"] and place["country"]
    else:
        assert a.route == []
    for key in ("start", "end"):
        if key in want:
            assert getattr(a, key) == want[key]


@pytest.mark.parametrize("text", [
    "Russia released five Ukrainian civilians on Monday, the Red Cross said.",  # one side frees, none in return
    "Russian and Ukrainian troops exchanged fire near Vasylivka overnight, local officials said.",
    "Germany backed a ceasefire in Gaza on Tuesday.",  # support for a proposal, no agreement reported
])
def test_no_agreement_record_from_reports_that_agree_nothing(text, tmp_path, coder):
    record = {"id": "none", "date": "2025-03-10", "text": text}
    assert _agreements([_write(tmp_path, [record])], tmp_path, coder) == []


CORRIDOR = next(r for r in _records() if r["id"] == "enerhodar-governor")  # 14 March, 10:00-18:00
LATER = [
    {"id": "on-route", "date": "2025-03-14", "url": "https://example.org/later/1",
     "text": "Russian forces shelled Vasylivka on Friday as evacuation buses passed through, "
             "Ukraine's deputy prime minister said."},
    {"id": "accused", "date": "2025-03-14", "url": "https://example.org/later/2",
     "text": "Ukraine accused Russia of shelling the humanitarian corridor from Enerhodar on Friday."},
    {"id": "far-away", "date": "2025-03-14", "url": "https://example.org/later/3",
     "text": "Russian drones struck Kharkiv on Friday, the city's mayor said."},
    {"id": "next-day", "date": "2025-03-15", "url": "https://example.org/later/4",
     "text": "Russian forces shelled Vasylivka on Saturday as buses passed through, the regional governor said."},
]


def test_shelling_on_a_corridors_route_during_its_window_is_an_alleged_violation(tmp_path, coder):
    found = _agreements([_write(tmp_path, [CORRIDOR, *LATER])], tmp_path, coder)
    corridors = [a for a in found if a.kind == "humanitarian_corridor"]
    assert len(corridors) == 1
    a = corridors[0]
    assert (a.start, a.end) == ("2025-03-14T10:00", "2025-03-14T18:00")
    urls = {v.url: v for v in a.violations}
    assert urls["https://example.org/later/1"].against == ["RUS"]  # Vasylivka is on the route
    assert any(v.kind == "accusation" and v.alleged_by == "UKR" and v.against == ["RUS"]
               for v in a.violations if v.url == "https://example.org/later/2")
    assert "https://example.org/later/3" not in urls, "Kharkiv is 250 km from the route"
    assert "https://example.org/later/4" not in urls, "the truce ended at 18:00 on the 14th"


def test_an_attack_midway_along_a_route_counts_and_one_far_from_it_does_not(tmp_path, coder):
    corridor = next(r for r in _records() if r["id"] == "mariupol-ministry")  # Mariupol to Zaporizhzhia, no end
    later = [{"id": "midway", "date": "2025-03-08", "url": "https://example.org/mid",
              "text": "Russian forces shelled Polohy on Saturday as a convoy of evacuees from Mariupol passed "
                      "through, Ukraine's deputy prime minister said."},
             {"id": "elsewhere", "date": "2025-03-08", "url": "https://example.org/else",
              "text": "Russian drones struck Kharkiv on Saturday, the city's mayor said."}]
    found = _agreements([_write(tmp_path, [corridor, *later])], tmp_path, coder)
    a = next(a for a in found if a.kind == "humanitarian_corridor")
    assert [v.url for v in a.violations] == ["https://example.org/mid"]  # Polohy: between the two ends


def test_the_json_of_parley_agreements(tmp_path, coder, capsys):
    from parley.cli import main

    store = _store([_write(tmp_path, [CORRIDOR, LATER[0]])], tmp_path, coder)
    assert main(["agreements", "--db", store.url, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    a = next(x for x in out if x["kind"] == "humanitarian_corridor")
    assert a["parties"] == ["RUS", "UKR"] and a["mediators"] == []
    assert (a["start"], a["end"]) == ("2025-03-14T10:00", "2025-03-14T18:00")
    assert [p["name"] for p in a["route"]] == ["Enerhodar", "Vasylivka", "Zaporizhzhya"]
    for place in a["route"]:
        assert set(place) == {"name", "lat", "lon", "country", "geonameid"}
        assert place["country"] == "UKR" and isinstance(place["geonameid"], int)
    assert a["commitments"] and all(c["evidence"] and c["date"] for c in a["commitments"])
    assert [v["against"] for v in a["violations"]] == [["RUS"]]
    # the fields that were there before stay
    assert {"id", "full", "scope", "status", "current", "description", "area", "internal"} <= set(a)
    assert agreements_json([]) == []


@pytest.mark.parametrize("clause,sentence,day,want", [
    ("A local truce will hold from 10:00 until 18:00", None, "2025-03-08", ("2025-03-08T10:00", "2025-03-08T18:00")),
    ("a pause between 9 a.m. and 5 p.m.", None, "2025-03-08", ("2025-03-08T09:00", "2025-03-08T17:00")),
    ("a silence regime from 22:00 to 06:00", None, "2025-03-08", ("2025-03-08T22:00", "2025-03-09T06:00")),
    ("the corridor opens at 09:00 on Friday", None, "2025-03-06", ("2025-03-07T09:00", None)),
    ("a truce until 14:00 on Sunday", None, "2025-03-07", ("2025-03-07", "2025-03-09T14:00")),
    ("a 7-day ceasefire", None, "2025-06-02", ("2025-06-02", "2025-06-08")),
    ("a 72-hour truce", None, "2025-08-03", ("2025-08-03", "2025-08-05")),
    ("a four-hour pause", "a four-hour pause from 10:00 Moscow time", "2025-08-03",
     ("2025-08-03T10:00", "2025-08-03T14:00")),
    ("agreed to a ceasefire", "agreed to a ceasefire, 1,200 people were killed in 2024", "2025-03-01",
     ("2025-03-01", None)),
])
def test_the_time_window_an_agreement_states(clause, sentence, day, want):
    from parley.store.terms import read_window

    assert read_window(clause, sentence or clause, day) == want


@pytest.mark.parametrize("sentence,want", [
    ("Buses will go from Enerhodar via Vasylivka to Zaporizhzhia.", ["Enerhodar", "Vasylivka", "Zaporizhzhia"]),
    ("Civilians can leave El Fasher for Tawila.", ["El Fasher", "Tawila"]),
    ("a corridor along the Goma-Bukavu road", ["Goma", "Bukavu"]),
    ("a corridor towards Poltava so that civilians can leave Sumy", ["Sumy", "Poltava"]),
    ("the route between Mariupol and Zaporizhzhia", ["Mariupol", "Zaporizhzhia"]),
    ("convoys along the Salah al-Din road from Gaza City to Khan Younis", ["Gaza City", "Khan Younis"]),
    ("buses to Kyiv-controlled territory and to Moscow's dismay", []),
    ("a corridor from March 8 to Zaporizhzhia", ["Zaporizhzhia"]),
])
def test_the_places_a_route_names_in_order(sentence, want):
    from parley.store.terms import route_names

    assert route_names(sentence, load_words().route) == want


def test_a_point_midway_along_a_route_is_near_it():
    from parley.ground.routes import km_to_route

    route = [{"lat": 47.10, "lon": 37.54}, {"lat": 47.85, "lon": 35.12}]  # Mariupol to Zaporizhzhia
    assert km_to_route(47.48, 36.26, route) < 10  # Polohy, about 80 km from either end
    assert km_to_route(49.99, 36.23, route) > 200  # Kharkiv
    assert km_to_route(47.0, 37.0, []) is None


@pytest.mark.parametrize("sentence,trigger,event,want", [
    ("Ukraine and Russia handed over 95 prisoners each.", "handed", {"mode": "release"}, "prisoner_exchange"),
    ("Hamas freed four soldiers in exchange for 200 prisoners.", "freed", {"mode": "release"}, "prisoner_exchange"),
    ("Russia released five Ukrainian civilians.", "released", {"mode": "release"}, None),
    ("Russia and Ukraine announced a silence regime so that civilians can leave Sumy.", "regime",
     {"mode": "ceasefire"}, "ceasefire"),
    ("Israel declared a humanitarian pause in southern Gaza.", "pause", {"mode": "ceasefire"}, "ceasefire"),
    ("The army opened a green corridor for civilians.", "corridor", {"mode": "access"}, "humanitarian_corridor"),
    ("The two sides agreed on an evacuation route out of the city.", "agreed", {}, "humanitarian_corridor"),
    ("A local truce will hold from 10:00 until 18:00.", "hold", {}, "ceasefire"),
    ("The swap was brokered by Turkey.", "brokered", {}, "prisoner_exchange"),
    ("Kyiv and Moscow agreed to a repatriation of bodies.", "agreed", {}, "prisoner_exchange"),
    ("Hamas agreed to exchange 33 hostages for 1,900 prisoners.", "agreed", {}, "prisoner_exchange"),
])
def test_the_kind_of_corridors_truces_and_exchanges(sentence, trigger, event, want):
    ev = {"event_type": "RETREAT" if event else "AGREE", "trigger": trigger, "evidence": {"sentence": sentence},
          **event}
    found = commitment_kind(ev)
    assert (found[0] if found else None) == want


def test_a_humanitarian_pause_covers_every_target_of_its_place():
    ev = {"event_type": "RETREAT", "mode": "ceasefire", "trigger": "pause",
          "evidence": {"sentence": "Israel declared a humanitarian pause so that aid convoys can travel."}}
    assert commitment_kind(ev) == ("ceasefire", False, [])
