"""A trained text classifier for ACLED event sub-types, beside the rules.

The rules find clauses, arguments and attributes; they miss the long tail of wordings in short event
reports ("clashes took place between ..."). For short documents in which the rules find no ACLED-coded
event, this model names the sub-type so that the main clause can be coded as that event (a model rescuing
a rule decision). It is a logistic regression over TF-IDF word uni- and bigrams, whose weights explain each
decision word by word, and the sentence vectors of the MiniLM encoder shipped with parley
(``parley.events.encoder``), which carry the model from ACLED's notes to news wording it never saw.

``parley train`` (``parley.train``) rebuilds the shipped model from ``../shared/data/acled_2020/train.jsonl`` and
the snippets we wrote.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from parley.errors import ModelError, coded

MODEL_FILE = "acled_subtype_encoded.joblib"  # TF-IDF and sentence vectors, with its calibration
ENCODED_WEIGHT = 1.0  # scale of the sentence vectors beside the TF-IDF features (chosen on the dev sets)

ACLED_TYPES = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments", "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
}

# PLOVER type, CAMEO code and mode of the event an ACLED sub-type reports.
PLOVER_OF = {
    "Armed clash": ("ASSAULT", "190", "firearms"), "Government regains territory": ("ASSAULT", "192", None),
    "Non-state actor overtakes territory": ("ASSAULT", "192", None),
    "Chemical weapon": ("ASSAULT", "204", "unconventional"), "Air/drone strike": ("ASSAULT", "195", "aerial"),
    "Suicide bomb": ("ASSAULT", "183", "suicide-attack"),
    "Shelling/artillery/missile attack": ("ASSAULT", "194", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "183", "explosives"), "Grenade": ("ASSAULT", "183", "explosives"),
    "Sexual violence": ("ASSAULT", "182", "sexual"), "Attack": ("ASSAULT", "180", None),
    "Abduction/forced disappearance": ("ASSAULT", "181", "abduct"),
    "Peaceful protest": ("PROTEST", "141", "demo"), "Protest with intervention": ("PROTEST", "141", "demo"),
    "Excessive force against protesters": ("ASSAULT", "175", "crowd-control"),
    "Violent demonstration": ("PROTEST", "145", "riot"), "Mob violence": ("PROTEST", "145", "riot"),
    "Agreement": ("AGREE", "057", None), "Arrests": ("COERCE", "173", "arrest"),
    "Change to group/activity": ("MOBILIZE", "150", None), "Disrupted weapons use": ("COERCE", "171", "seize"),
    "Headquarters or base established": ("MOBILIZE", "154", "troops"),
    "Looting/property destruction": ("COERCE", "171", "seize"),
    "Non-violent transfer of territory": ("RETREAT", "0874", "withdraw"), "Other": ("MOBILIZE", "150", None),
}


@dataclass(frozen=True)
class Prediction:
    """The classifier's sub-type for a text, and its probability."""

    sub_event_type: str
    probability: float
    confidence: float  # how often the model's label is right at this probability (calibrated on training folds)

    @property
    def event_type(self) -> str | None:
        return ACLED_TYPES.get(self.sub_event_type)

    @property
    def is_event(self) -> bool:
        """False when the model says the text reports no ACLED event at all (its "NONE" class)."""
        return self.sub_event_type in ACLED_TYPES


class SubtypeClassifier:
    """Wraps the trained scikit-learn pipeline."""

    def __init__(self, pipeline, calibration=None):
        self.pipeline = pipeline
        self.calibration = calibration

    def predict(self, texts: list[str]) -> list[Prediction]:
        if not texts:
            return []
        probs = self.pipeline.predict_proba(texts)
        labels = self.pipeline.classes_
        top = probs.max(axis=1)
        sure = self.calibration.predict(top) if self.calibration is not None else top
        return [Prediction(str(labels[int(row.argmax())]), float(p), round(float(c), 2))
                for row, p, c in zip(probs, top, sure)]


def model_path(data_dir: Path | None = None) -> Path:
    base = data_dir or Path(str(resources.files("parley") / "data"))
    return base / "models" / MODEL_FILE


@functools.lru_cache(maxsize=2)
def load_classifier(path: Path | None = None) -> SubtypeClassifier:
    """The shipped model. A missing model is an error (``[P023]``), not a quiet fallback to the rules alone."""
    import joblib

    p = path or model_path()
    if not p.exists():
        raise ModelError(coded("P023", path=p))
    saved = joblib.load(p)
    if isinstance(saved, dict):
        return SubtypeClassifier(saved["pipeline"], saved.get("calibration"))
    return SubtypeClassifier(saved)


class SentenceVectors:
    """A scikit-learn transformer: texts to the encoder's sentence vectors, scaled by ``weight``. Stateless;
    the encoder is loaded on first use, not pickled with the model. Training sets ``memo`` to a dict so that
    the vectors of a text are computed once across the folds of calibration."""

    memo: dict | None = None

    def __init__(self, weight: float = ENCODED_WEIGHT):
        self.weight = weight

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        import numpy as np
        from scipy.sparse import csr_matrix

        from parley.events.encoder import load_encoder

        texts = list(texts)
        if self.memo is None:
            return csr_matrix(load_encoder().encode(texts) * self.weight)
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, load_encoder().encode(missing)))
        return csr_matrix(np.array([self.memo[t] for t in texts]) * self.weight)

    def get_params(self, deep=True):
        return {"weight": self.weight}

    def set_params(self, **params):
        self.weight = params.get("weight", self.weight)
        return self


def _tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                           token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b", max_features=60000)


def build_pipeline(seed: int = 0):
    """The untrained model, with a fixed seed: TF-IDF (word 1-2 grams) and the encoder's sentence vectors side
    by side, then a logistic regression. The sentence vectors carry the model from ACLED's notes to news
    wording it never saw; the TF-IDF weights keep each decision explainable by its words."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(make_union(_tfidf(), SentenceVectors()),
                         LogisticRegression(C=8.0, max_iter=3000, random_state=seed))

