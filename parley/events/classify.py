"""A trained text classifier for ACLED event sub-types, beside the rules.

The rules find clauses, arguments and attributes; they miss the long tail of wordings in short event
reports ("clashes took place between ..."). For short documents in which the rules find no ACLED-coded
event, this model names the sub-type so that the main clause can be coded as that event (a model rescuing
a rule decision). It is TF-IDF over word uni- and bigrams with a logistic regression: scikit-learn only,
milliseconds per document, and every decision can be explained by its weighted words.

``scripts/train.py`` rebuilds the shipped model from ``../shared/data/acled_2020/train.jsonl``.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

MODEL_FILE = "acled_subtype.joblib"

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

    @property
    def event_type(self) -> str:
        return ACLED_TYPES[self.sub_event_type]


class SubtypeClassifier:
    """Wraps the trained scikit-learn pipeline."""

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def predict(self, texts: list[str]) -> list[Prediction]:
        if not texts:
            return []
        probs = self.pipeline.predict_proba(texts)
        labels = self.pipeline.classes_
        out = []
        for row in probs:
            i = int(row.argmax())
            out.append(Prediction(str(labels[i]), float(row[i])))
        return out


def model_path(data_dir: Path | None = None) -> Path:
    base = data_dir or Path(str(resources.files("parley") / "data"))
    return base / "models" / MODEL_FILE


@functools.lru_cache(maxsize=2)
def load_classifier(path: Path | None = None) -> SubtypeClassifier | None:
    """The shipped model, or None (with a warning) when it is not there: the rules then work alone."""
    import joblib

    p = path or model_path()
    if not p.exists():
        log.warning("no ACLED sub-type model at %s: run scripts/train.py; coding with rules alone", p)
        return None
    return SubtypeClassifier(joblib.load(p))


def build_pipeline(seed: int = 0):
    """The untrained model: TF-IDF (word 1-2 grams) and a logistic regression, with a fixed seed."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b", max_features=60000),
        LogisticRegression(C=8.0, max_iter=2000, random_state=seed),
    )
