"""The numpy sentence encoder: unit vectors, meaning-preserving, independent of batching and padding."""
import numpy as np
import pytest

from parley.events import encoder

pytestmark = pytest.mark.skipif(not encoder.available(), reason="the encoder's weights are not installed")


@pytest.fixture(scope="module")
def enc():
    return encoder.load_encoder()


def test_vectors_are_unit_length(enc):
    v = enc.encode(["Troops shelled the town overnight.", "", "Talks resumed in Geneva on Monday."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_paraphrases_are_closer_than_unrelated_texts(enc):
    a, b, c, d = enc.encode([
        "Gunmen killed four farmers in an attack on their village.",
        "Armed men shot dead four villagers working in the fields.",
        "The finance ministry published its quarterly budget figures.",
        "Thousands marched through the capital to demand new elections.",
    ])
    assert a @ b > 0.5
    assert a @ b > max(a @ c, a @ d) + 0.3
    assert d @ a < 0.4 and c @ d < 0.3


def test_padding_in_a_batch_does_not_change_a_vector(enc):
    short = "Police arrested two protesters."
    long_text = " ".join(["The delegations met again after a week of shuttle diplomacy between the capitals."] * 3)
    alone = enc.encode([short])[0]
    batched = enc.encode([long_text, short])[1]
    assert np.allclose(alone, batched, atol=1e-5)


def test_order_of_inputs_does_not_matter(enc):
    texts = ["A drone struck a fuel depot.", "Rebels seized the border post.", "The two leaders spoke by phone."]
    forward = enc.encode(texts)
    backward = enc.encode(texts[::-1])[::-1]
    assert np.allclose(forward, backward, atol=1e-5)


def test_long_texts_are_truncated_not_rejected(enc):
    v = enc.encode(["word " * 2000])
    assert v.shape == (1, 384) and np.isfinite(v).all()
