"""Code equivalents of a PLOVER event: quad class, ACLED event and sub-event type, ASSAULT mode, targets, context."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

QUAD = {"AGREE": "VERBAL_COOPERATION", "CONSULT": "VERBAL_COOPERATION", "SUPPORT": "VERBAL_COOPERATION",
        "CONCEDE": "VERBAL_COOPERATION", "COOPERATE": "MATERIAL_COOPERATION", "AID": "MATERIAL_COOPERATION",
        "RETREAT": "MATERIAL_COOPERATION", "REQUEST": "VERBAL_CONFLICT", "ACCUSE": "VERBAL_CONFLICT",
        "REJECT": "VERBAL_CONFLICT", "THREATEN": "VERBAL_CONFLICT", "SANCTION": "VERBAL_CONFLICT",
        "PROTEST": "MATERIAL_CONFLICT", "MOBILIZE": "MATERIAL_CONFLICT", "COERCE": "MATERIAL_CONFLICT",
        "ASSAULT": "MATERIAL_CONFLICT"}

EXPLOSIONS = "Explosions/Remote violence"
_ASSAULT_ACLED = {
    "drone": (EXPLOSIONS, "Air/drone strike"), "aerial": (EXPLOSIONS, "Air/drone strike"),
    "heavy-weapons": (EXPLOSIONS, "Shelling/artillery/missile attack"),
    "explosives": (EXPLOSIONS, "Remote explosive/landmine/IED"), "suicide-attack": (EXPLOSIONS, "Suicide bomb"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
}
_ARMED = {"MIL", "REB", "UAF", "COP", "SPY", "PRM"}


@dataclass(frozen=True)
class CodingTables:
    """Word lists of ``coding.yaml``: lemma -> label, in priority order."""

    assault_modes: tuple[tuple[str, frozenset[str]], ...]
    targets: tuple[tuple[str, frozenset[str]], ...]
    contexts: tuple[tuple[str, frozenset[str]], ...]
    other_modes: dict[str, tuple[tuple[str, frozenset[str]], ...]] = None  # event type -> its modes' words


@functools.lru_cache(maxsize=4)
def load_tables(data_dir: Path | None = None) -> CodingTables:
    base = data_dir or Path(str(resources.files("parley") / "data"))
    with open(base / "coding.yaml", encoding="utf-8") as f:
        d = yaml.safe_load(f)

    def table(key: str) -> tuple[tuple[str, frozenset[str]], ...]:
        return tuple((k, frozenset(v or ())) for k, v in (d.get(key) or {}).items())

    others = {t: tuple((k, frozenset(v or ())) for k, v in (labels or {}).items())
              for t, labels in (d.get("other_modes") or {}).items()}
    return CodingTables(table("assault_modes"), table("targets"), table("contexts"), others)


def first_label(words: set[str], table) -> str | None:
    for label, vocab in table:
        if words & vocab:
            return label
    return None


def all_labels(words: set[str], table) -> list[str]:
    return [label for label, vocab in table if words & vocab]


def acled_types(event_type: str, mode: str | None, recipient_sectors: set[str], grenade: bool = False,
                cameo: str | None = None) -> tuple[str | None, str | None]:
    """ACLED event and sub-event type for violence, protest and strategic developments, else (None, None)."""
    if event_type == "ASSAULT":
        if grenade:
            return EXPLOSIONS, "Grenade"
        if mode in _ASSAULT_ACLED:
            return _ASSAULT_ACLED[mode]
        if cameo == "192":
            return "Battles", "Non-state actor overtakes territory"
        if recipient_sectors & _ARMED:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if event_type == "PROTEST":
        if mode == "riot":
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest"
    if event_type == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "seize" and cameo == "192":
            return "Battles", "Non-state actor overtakes territory"
        if mode == "seize":
            return "Strategic developments", "Looting/property destruction"
        return None, None
    if event_type in ("AGREE", "RETREAT") and mode in (None, "ceasefire", "withdraw", "release"):
        if event_type == "RETREAT" and mode == "withdraw":
            return "Strategic developments", "Non-violent transfer of territory"
        if cameo and cameo.startswith(("057", "0871", "03")):
            return "Strategic developments", "Agreement"
        if event_type == "RETREAT" and mode == "release":
            return "Strategic developments", "Agreement"
    if event_type == "MOBILIZE":
        return "Strategic developments", "Other"
    return None, None
