"""A small sentence encoder (MiniLM-L6, 384 dimensions) run in plain numpy: no torch, no onnxruntime.

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), shipped inside parley in
``parley/data/models/minilm/``: ``weights.npz`` (weight matrices as int8 with one float32 scale per output row,
position embeddings float16, biases and layer norms float32), the WordPiece ``tokenizer.json``, its ``LICENSE``
and a ``NOTICE.md`` that says how the files were made (``scripts/build_encoder.py``, ``make encoder``). The weights
are dequantized to float32 once, when the encoder is loaded. Missing or unreadable files are an error
(``[P022]``), never a quiet fallback to a weaker model.

The forward pass is the standard BERT encoder: embeddings, six layers of twelve-head self-attention and a
GELU feed-forward, each followed by a residual layer norm; then the mean of the token vectors and an L2
normalisation, as the model was trained. About 75 sentences a second on one CPU thread (every constant float32,
so NumPy 2 keeps the pass in float32).
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import numpy as np

from parley.errors import ModelError, coded

MAX_TOKENS = 128
WEIGHTS_FILE = "weights.npz"
TOKENIZER_FILE = "tokenizer.json"
SCALE_SUFFIX = ".scale"  # an int8 matrix's per-row scales are stored under its name plus this suffix
_HEADS = 12
_EPS = 1e-12


def packaged_dir() -> Path:
    """The folder of the encoder files shipped inside the installed package."""
    return Path(str(resources.files("parley") / "data" / "models" / "minilm"))


def load_weights(path: Path) -> dict[str, np.ndarray]:
    """The arrays of ``weights.npz`` as float32, int8 matrices dequantized (``q * scale`` per row)."""
    with np.load(path) as z:
        stored = {name: z[name] for name in z.files}
    out = {}
    for name, a in stored.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = stored.get(name + SCALE_SUFFIX)
        out[name] = a.astype(np.float32) * scale[:, None] if scale is not None else a.astype(np.float32)
    return out


def _layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + _EPS) * w + b


def _gelu(x):
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


class Encoder:
    """Texts to unit vectors. Build once (``load_encoder``); ``encode`` is thread-compatible."""

    def __init__(self, model_dir: str | Path | None = None):
        from tokenizers import Tokenizer

        folder = Path(model_dir) if model_dir is not None else packaged_dir()
        missing = [name for name in (WEIGHTS_FILE, TOKENIZER_FILE) if not (folder / name).is_file()]
        if missing:
            raise ModelError(coded("P022", path=folder, reason="no " + " and no ".join(missing)))
        try:
            w = load_weights(folder / WEIGHTS_FILE)
            self.tok = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
            self._build(w)
        except Exception as exc:  # a truncated, corrupt or foreign file: say which folder, never fall back
            raise ModelError(coded("P022", path=folder, reason=f"{type(exc).__name__}: {exc}")) from exc

    def _build(self, w: dict[str, np.ndarray]) -> None:
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
        return self.forward(ids, mask)

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Unit sentence vectors of a padded batch of token ids (``mask`` 1 for tokens, 0 for padding)."""
        n, t = ids.shape
        x = self.word[ids] + self.pos[:t] + self.type0
        x = _layer_norm(x, *self.ln)
        hd = self.dim // _HEADS
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, f_w, f_b, ln2 in self.layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (qkv[..., j * self.dim:(j + 1) * self.dim].reshape(n, t, _HEADS, hd).transpose(0, 2, 1, 3)
                       for j in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
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
