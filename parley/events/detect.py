"""A trained event detector: does a sentence report a codable event, and of which PLOVER type?

The rules code the clauses whose trigger word the lexicon knows. Wording it does not know ("Kyiv snubbed the
offer", "Drone hits Sumy: 9 dead", "the occupiers pummelled Nikopol") leaves a sentence with parties but no
event. The detector reads every sentence that names a party and gives a probability for each of the 16 PLOVER
types and for NONE (a sentence that reports no event); where the rules coded nothing and the detector is sure,
the main clause is coded as the type it names (``parley.events.build.rescue_event``).

Features: TF-IDF word uni- and bigrams (each decision explainable by its words), a sentence vector from the
static token vectors distilled from MiniLM (``parley.events.static``: it carries the model to verbs it never
saw, at a table look-up's cost, so every sentence with a party can be read) and the lexicon's own reading (which
types the trigger words of the sentence can report): the lexicon is one input of the detector, not its gate. A
logistic regression over them.
Trained by ``parley train`` (``parley.train_detect``) on the NGEC synthetic stories, ACLED's notes, the CAMEO
statements and the sentences we wrote for every type (``training/plover/``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from parley.errors import ModelError, coded

MODEL_FILE = "plover_detector.joblib"
NONE = "NONE"
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Detection:
    """The detector's reading of one sentence."""

    event_type: str  # a PLOVER type, or NONE
    probability: float  # of that type
    none_probability: float  # that the sentence reports no event at all

    @property
    def is_event(self) -> bool:
        return self.event_type != NONE


class LexiconTags:
    """A scikit-learn transformer: a text to one count per PLOVER type, how many of its words are trigger forms
    of that type in the lexicon. Built from the lexicon's word forms at training time and pickled with the
    model, so the model reads the lexicon it was trained with."""

    def __init__(self, forms: dict[str, tuple[str, ...]] | None = None):
        self.forms = forms or {}

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        import numpy as np
        from scipy.sparse import csr_matrix

        index = {t: i for i, t in enumerate(PLOVER_TYPES)}
        out = np.zeros((len(texts), len(PLOVER_TYPES)), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()):
                for t in self.forms.get(word, ()):
                    out[row, index[t]] = 1.0
        return csr_matrix(out)

    def get_params(self, deep=True):
        return {"forms": self.forms}

    def set_params(self, **params):
        self.forms = params.get("forms", self.forms)
        return self


def lexicon_forms(lexicon) -> dict[str, tuple[str, ...]]:
    """Word form -> the PLOVER types the lexicon's senses of its lemma can report."""
    from parley.events.lexicon import noun_forms, verb_forms

    out: dict[str, set[str]] = {}
    for table, forms in ((lexicon.verbs, verb_forms), (lexicon.nouns, noun_forms)):
        for lemma, senses in table.items():
            for f in forms(lemma):
                out.setdefault(f.lower(), set()).update(s.type for s in senses)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def build_detector(forms: dict[str, tuple[str, ...]], seed: int = 0, c: float = 4.0):
    """The untrained detector: TF-IDF, static sentence vectors and lexicon tags, then a logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from parley.events.static import StaticVectors

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                            token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b", max_features=80000)
    features = make_union(tfidf, StaticVectors(), LexiconTags(forms))
    return make_pipeline(features, LogisticRegression(C=c, max_iter=3000, random_state=seed))


class Detector:
    """Wraps the trained pipeline."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.labels = [str(x) for x in pipeline.classes_]

    def detect(self, texts: list[str]) -> list[Detection]:
        if not texts:
            return []
        probs = self.pipeline.predict_proba(texts)
        none = self.labels.index(NONE)
        out = []
        for row in probs:
            best = int(row.argmax())
            out.append(Detection(self.labels[best], float(row[best]), float(row[none])))
        return out


def model_path(data_dir: Path | None = None) -> Path:
    base = data_dir or Path(str(resources.files("parley") / "data"))
    return base / "models" / MODEL_FILE


@functools.lru_cache(maxsize=2)
def load_detector(path: Path | None = None) -> Detector:
    """The shipped detector. A missing model is an error, not a quiet fallback to the rules alone."""
    import joblib

    p = path or model_path()
    if not p.exists():
        raise ModelError(coded("P021", path=p))
    return Detector(joblib.load(p))
