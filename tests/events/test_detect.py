"""The event detector and the static vectors it reads: real model files, sentences written for these tests."""
import numpy as np
import pytest

from parley.errors import ModelError
from parley.events.detect import NONE, PLOVER_TYPES, load_detector
from parley.events.static import StaticEncoder, load_static


def test_static_vectors_are_unit_length_and_put_synonyms_together():
    enc = load_static()
    v = enc.encode(["Artillery pounded the town overnight.", "Guns shelled the village at night.",
                    "The orchestra played a symphony."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_an_empty_text_has_a_zero_vector():
    assert not load_static().encode([""]).any()


def test_missing_static_table_is_a_coded_error(tmp_path):
    with pytest.raises(ModelError, match=r"P024"):
        StaticEncoder(tmp_path)


def test_missing_detector_is_a_coded_error(tmp_path):
    with pytest.raises(ModelError, match=r"P021"):
        load_detector(tmp_path / "none.joblib")


@pytest.mark.parametrize("text,etype", [
    ("Artillery units pummelled the border town overnight, local officials said.", "ASSAULT"),
    pytest.param("Police rounded up dozens of opposition activists in the capital.", "COERCE",
                 marks=pytest.mark.xfail(strict=True, reason="the phrasal verb 'rounded up' weighs less than "
                                                             "'activists', a protest word: PROTEST 0.37, COERCE 0.27")),
    ("The foreign minister implored the rebels to lay down their arms.", "REQUEST"),
    ("The two presidents spoke by phone on Tuesday.", "CONSULT"),
    ("The ministry declined to comment.", NONE),
    ("Wheat prices rose for a third week on the Chicago exchange.", NONE),
])
def test_the_detector_reads_wording_it_was_not_written_for(text, etype):
    d = load_detector().detect([text])[0]
    assert d.event_type == etype, d
    assert d.event_type in PLOVER_TYPES or not d.is_event
