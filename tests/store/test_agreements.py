"""Agreements and their alleged violations, from stored events. The example article's partial ceasefire (read
from ../shared) and a truce written for these tests."""
from pathlib import Path

import pytest

from parley.store import Store, ingest
from parley.store.agreements import commitment_kind, find_agreements, load_words

TRUCE = Path(__file__).parent.parent / "fixtures" / "store" / "truce.jsonl"


def _agreements(paths, tmp_path, coder, date=None):
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    ingest([str(p) for p in paths], store, coder=coder, progress=False, version="v1", date=date)
    return find_agreements(list(store.events()))


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
