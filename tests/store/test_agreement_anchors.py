"""An attack that its own sentence places before an agreement's start ("hours before the truce began", "on the eve
of the ceasefire", "shortly before the ceasefire came into force") is no violation of it, and the agreement named
there only as a time is no commitment (parley/store/terms.py, ``anchors``; issue 14). The reports are written for
these tests."""
import json

import pytest

from parley.store import Store, ingest
from parley.store.agreements import find_agreements
from parley.store.commitments import load_words, read_commitment, trigger_at
from parley.store.terms import AFTER_END, AFTER_START, BEFORE_END, BEFORE_START, anchor_at


def _agreements(records, tmp_path, coder):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    ingest([str(path)], store, coder=coder, progress=False, version="v1")
    return find_agreements(list(store.events()), store.texts())


GAZA = [
    {"id": "g1", "date": "2025-05-02", "url": "u/agreed",
     "text": "DOHA, May 2 (Gulf Wire) - Israel and Hamas agreed on Friday to a truce in Gaza, with Qatar acting as "
             "mediator."},
    {"id": "g2", "date": "2025-05-03", "url": "u/hours-before",
     "text": "Hours before the truce began, Israeli warplanes struck Gaza City, killing 12 people, Hamas said."},
    {"id": "g3", "date": "2025-05-03", "url": "u/eve",
     "text": "FLASH -- Israeli jets bombed Khan Younis on the eve of the ceasefire, Palestinian health officials say."},
    {"id": "g4", "date": "2025-05-03", "url": "u/final-hours",
     "text": "In the final hours before the truce took effect, Israeli tanks shelled the Nuseirat camp, residents "
             "told reporters."},
    {"id": "g5", "date": "2025-05-04", "url": "u/hours-after",
     "text": "Israeli drones struck Rafah on Sunday, hours after the truce began, the Palestinian health ministry "
             "said."},
]


def test_attacks_placed_before_a_truces_start_are_neither_violations_nor_commitments(tmp_path, coder):
    found = _agreements(GAZA, tmp_path, coder)
    assert len(found) == 1
    a = found[0]
    assert (a.kind, a.parties, a.start) == ("ceasefire", ["ISR", "PSE"], "2025-05-02")
    before = {"u/hours-before", "u/eve", "u/final-hours"}
    assert not before & {c.get("url") for c in a.commitments}, [c["evidence"]["sentence"] for c in a.commitments]
    assert [v.url for v in a.violations] == ["u/hours-after"]  # "hours after the truce began" is one
    # "hours before the truce began" still says when it began
    assert ("2025-05-03", "in force") in [(d, s) for d, s, _ in a.status]


UKRAINE = [
    {"id": "r1", "date": "2025-04-19", "url": "u/agreed",
     "text": "Russia and Ukraine agreed to a 30-hour ceasefire on Saturday, with Turkey acting as mediator, Kyiv "
             "said."},
    {"id": "r2", "date": "2025-04-19", "url": "u/eve",
     "text": "Russian drones hit Kharkiv on the eve of the ceasefire, the city's mayor said."},
    {"id": "r3", "date": "2025-04-19", "url": "u/shortly-before",
     "text": "Ukrainian artillery shelled Donetsk shortly before the ceasefire came into force, Russia's defence "
             "ministry said in a statement."},
    {"id": "r4", "date": "2025-04-19", "url": "u/ahead",
     "text": "KYIV (Reuters) - Russian missiles slammed into Odesa ahead of a ceasefire due at 18:00, regional "
             "officials said."},
    {"id": "r5", "date": "2025-04-20", "url": "u/after",
     "text": "Russian forces shelled Kherson on Sunday after the ceasefire took effect, the regional governor said."},
    {"id": "r6", "date": "2025-04-20", "url": "u/before-expiry",
     "text": "Russian drones struck Sumy on Sunday, hours before the ceasefire expired, Ukraine's air force said."},
]


def test_before_the_start_is_not_before_the_end(tmp_path, coder):
    found = _agreements(UKRAINE, tmp_path, coder)
    assert len(found) == 1
    a = found[0]
    assert a.parties == ["RUS", "UKR"]
    assert not {"u/eve", "u/shortly-before", "u/ahead"} & {c.get("url") for c in a.commitments}
    # after the start, and hours before the end, are within the truce
    assert sorted((v.url, tuple(v.against)) for v in a.violations) == [("u/after", ("RUS",)),
                                                                       ("u/before-expiry", ("RUS",))]


@pytest.mark.parametrize("sentence,trigger,want", [
    ("Hours before the truce began, Israeli warplanes struck Gaza City.", "struck", BEFORE_START),
    ("Government jets pounded rebel positions on the eve of the ceasefire, monitors said.", "pounded", BEFORE_START),
    ("Shells fell on Goma shortly before the ceasefire came into force on Sunday.", "fell", BEFORE_START),
    ("Militia fighters torched a village in the run-up to the truce, according to the UN mission.", "torched",
     BEFORE_START),
    ("The army shelled Omdurman until the humanitarian pause began at 06:00.", "shelled", BEFORE_START),
    ("Artillery hit Kramatorsk in the hours before a truce with Moscow was due to begin.", "hit", BEFORE_START),
    ("Jets struck Gaza hours before Hamas agreed to the truce.", "struck", BEFORE_START),
    ("Prior to the ceasefire taking effect, both sides traded fire across the border.", "traded", BEFORE_START),
    ("Hours after the truce began, warplanes struck Gaza City.", "struck", AFTER_START),
    ("Rebels shelled the airport despite the ceasefire, the army said.", "shelled", AFTER_START),
    ("Hours before the truce expired, warplanes struck Gaza City.", "struck", BEFORE_END),
    ("Drones hit Sumy on the eve of the ceasefire's expiry.", "hit", BEFORE_END),
    ("Since the ceasefire collapsed, jets have struck Gaza daily.", "struck", AFTER_END),
    # the nearest anchor in the same part of the sentence decides
    ("Drones hit Kharkiv on the eve of the ceasefire, and artillery shelled Kherson after it took effect.",
     "shelled", AFTER_START),
    ("Drones hit Kharkiv on the eve of the ceasefire, and artillery shelled Kherson after it took effect.",
     "hit", BEFORE_START),
    ("Jets struck Gaza on Monday; hours before the truce began, rockets hit Sderot.", "struck", None),
    # comparisons are no anchors
    ("There were fewer air strikes than before the truce.", "strikes", None),
    ("It was the heaviest shelling since before the ceasefire.", "shelling", None),
    ("Jets struck Gaza before dawn.", "struck", None),
])
def test_where_a_sentence_places_its_event_against_an_agreement(sentence, trigger, want):
    found = load_words().anchors(sentence)
    anchor = anchor_at(sentence, trigger_at({"trigger": trigger, "evidence": {"sentence": sentence}}), found)
    assert (anchor.relation if anchor else None) == want


def _event(event_type, trigger, sentence, **more):
    return {"event_type": event_type, "trigger": trigger, "evidence": {"sentence": sentence, "start": 0},
            "date": "2025-05-03", "doc_date": "2025-05-03", "status": "occurred", "doc_id": "d", **more}


ISR = {"country": "ISR", "text": "Israeli"}
PSE = {"country": "PSE", "text": "Hamas"}


@pytest.mark.parametrize("sentence,trigger", [
    ("Hours before the truce began, Israeli warplanes struck Gaza City.", "truce"),
    ("Israeli jets bombed Khan Younis on the eve of the ceasefire.", "ceasefire"),
    ("Israeli artillery shelled Rafah shortly before the humanitarian pause came into force.", "pause"),
    ("Ahead of a truce due at dawn, Israeli tanks shelled the camp.", "truce"),
])
def test_an_agreement_named_as_the_time_of_an_attack_is_no_commitment(sentence, trigger):
    ev = _event("RETREAT", trigger, sentence, mode="ceasefire", actor=[ISR], recipient=[])
    assert read_commitment(ev, [ev], set(), load_words()) is None


def test_an_agreement_reported_in_the_sentence_that_places_an_attack_before_it_stays_a_commitment():
    sentence = "Israeli jets struck Gaza hours before Israel and Hamas agreed to a truce."
    ev = _event("AGREE", "agreed", sentence, actor=[ISR, PSE], recipient=[])
    c = read_commitment(ev, [ev], set(), load_words())
    assert c is not None and c.kind == "ceasefire" and c.sides == ["ISR", "PSE"]


def test_anchors_of_a_very_long_sentence_take_linear_time():
    import time

    sentence = "Before the war, ahead of talks, jets struck the city after the ceasefire " * 7000  # 511 KB
    began = time.perf_counter()
    found = load_words().anchors(sentence)
    for at in range(0, len(sentence), 5000):
        anchor_at(sentence, at, found)
    assert len(found) == 14000
    assert time.perf_counter() - began < 10  # about 0.3 s; reading the text before each anchor took minutes
