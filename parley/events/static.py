"""Static word vectors distilled from the sentence encoder: the encoder's meaning at a table look-up's cost.

Running MiniLM over a sentence costs tens of milliseconds on one core, too much for every sentence of every
article. Each WordPiece token of the encoder's vocabulary was instead run through the encoder once, alone
("[CLS] token [SEP]"), and its sentence vector kept (``scripts/build_static.py`` writes the table, int8 with one
scale per row, into ``parley/data/models/minilm/static.npz``). A text's vector is then the mean of its tokens'
rows, each weighted by how rare the token is in English (rarer pieces carry more meaning), L2-normalised:
microseconds per sentence, and words never seen in training ("pummelled", "rebuffed") still land near their
synonyms. The approach is the one Model2Vec published (distilling a sentence transformer into static
embeddings); the code here is ours.
"""
from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from parley.errors import ModelError, coded
from parley.events.encoder import TOKENIZER_FILE, packaged_dir

STATIC_FILE = "static.npz"


def distil(encoder, batch_size: int = 512) -> np.ndarray:
    """(vocabulary size, 384) float32: each token's vector, the encoder's reading of it alone."""
    vocab = encoder.tok.get_vocab_size()
    cls, sep = encoder.tok.token_to_id("[CLS]"), encoder.tok.token_to_id("[SEP]")
    out = np.zeros((vocab, encoder.dim), dtype=np.float32)
    for start in range(0, vocab, batch_size):
        ids = np.arange(start, min(vocab, start + batch_size))
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        out[ids] = encoder.forward(batch, np.ones(batch.shape, dtype=np.float32))
    return out


def save_table(table: np.ndarray, weights: np.ndarray, path: Path) -> None:
    """Write the table as int8 rows with their float32 scales, and the token weights."""
    scale = np.maximum(np.abs(table).max(axis=1), 1e-8) / 127.0
    q = np.round(table / scale[:, None]).astype(np.int8)
    np.savez_compressed(path, table=q, scale=scale.astype(np.float32), weights=weights.astype(np.float32))


class StaticEncoder:
    """Texts to unit vectors by weighted means of distilled token vectors."""

    def __init__(self, model_dir: str | Path | None = None):
        from tokenizers import Tokenizer

        folder = Path(model_dir) if model_dir else packaged_dir()
        try:
            with np.load(folder / STATIC_FILE) as z:
                self.table = z["table"].astype(np.float32) * z["scale"][:, None]
                self.weights = z["weights"]
            self.tok = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(coded("P024", path=folder / STATIC_FILE, reason=exc)) from exc
        self.tok.no_padding()
        self.tok.no_truncation()
        self.special = {self.tok.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]", "[UNK]")}
        self.dim = self.table.shape[1]

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, enc in enumerate(self.tok.encode_batch([t or "" for t in texts])):
            ids = [x for x in enc.ids if x not in self.special]
            if not ids:
                continue
            w = self.weights[ids]
            v = (self.table[ids] * w[:, None]).sum(0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-12)
        return out


@functools.lru_cache(maxsize=1)
def load_static() -> StaticEncoder:
    """The static encoder, loaded once per process."""
    return StaticEncoder()


class StaticVectors:
    """A scikit-learn transformer: texts to their static vectors (``load_static``), scaled by ``weight``.
    Stateless: the table is loaded on first use, not pickled with the model."""

    def __init__(self, weight: float = 1.0):
        self.weight = weight

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        from scipy.sparse import csr_matrix

        return csr_matrix(load_static().encode(list(texts)) * self.weight)

    def get_params(self, deep=True):
        return {"weight": self.weight}

    def set_params(self, **params):
        self.weight = params.get("weight", self.weight)
        return self
