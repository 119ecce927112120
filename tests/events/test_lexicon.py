"""The trigger lexicon loads, every sense is valid, and malformed senses fail with a coded message."""
import json
from pathlib import Path

import pytest

from parley.errors import ModelError
from parley.events.coding import QUAD, load_tables
from parley.events.lexicon import PLOVER_TYPES, load_lexicon

VOCAB = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "vocab.json"


def test_every_plover_type_has_a_verb_trigger():
    lx = load_lexicon()
    types = {s.type for senses in lx.verbs.values() for s in senses}
    assert types == set(PLOVER_TYPES) == set(QUAD)


def test_cameo_codes_are_digits():
    lx = load_lexicon()
    for table in (lx.verbs, lx.nouns):
        for lemma, senses in table.items():
            for s in senses:
                assert s.cameo.isdigit() and 2 <= len(s.cameo) <= 4, (lemma, s.cameo)


def test_report_and_light_verbs_are_not_plain_event_triggers():
    lx = load_lexicon()
    assert "say" in lx.report_verbs and "say" not in lx.verbs
    assert "carry" in lx.light_verbs
    assert lx.control_verbs["plan"] == "planned"


@pytest.mark.skipif(not VOCAB.exists(), reason="../shared/eval/vocab.json is not present (a user's clone)")
def test_modes_and_contexts_are_in_the_contract_vocabulary():
    vocab = json.loads(VOCAB.read_text())
    lx = load_lexicon()
    for table in (lx.verbs, lx.nouns):
        for lemma, senses in table.items():
            for s in senses:
                if s.mode:
                    assert s.mode in vocab["event_types"][s.type], (lemma, s.type, s.mode)
                for c in s.context:
                    assert c in vocab["contexts"], (lemma, c)
    tables = load_tables()
    for label, _ in tables.targets:
        assert label in vocab["target_categories"]
    for label, _ in tables.contexts:
        assert label in vocab["contexts"]
    for label, _ in tables.assault_modes:
        assert label in vocab["event_types"]["ASSAULT"]


def test_malformed_sense_raises_coded_error(tmp_path):
    (tmp_path / "triggers.yaml").write_text("verbs:\n  attack: NOTATYPE 190\n")
    (tmp_path / "domains.yaml").write_text("sport: [goal]\n")
    with pytest.raises(ModelError, match="P013"):
        load_lexicon(tmp_path)


def test_duplicate_keys_are_refused(tmp_path):
    (tmp_path / "triggers.yaml").write_text("verbs:\n  attack: ASSAULT 190\n  attack: ASSAULT 193\n")
    (tmp_path / "domains.yaml").write_text("sport: [goal]\n")
    with pytest.raises(ModelError, match="duplicate key"):
        load_lexicon(tmp_path)


def test_answered_acts_name_real_event_types():
    lx = load_lexicon()
    assert lx.answered_acts, "answered_acts is empty"
    for noun, (types, said) in lx.answered_acts.items():
        assert types and types <= set(PLOVER_TYPES) | {"any"}, (noun, types)
        assert noun in said and all(w == w.lower() for w in said), (noun, said)
