"""ACLED's own definitions, applied where the trained model confuses sibling sub-types.

The model reads wording; some of ACLED's distinctions are not about wording but about who did what:
- a town "captured" by government troops is "Government regains territory", by rebels "Non-state actor
  overtakes territory" (the rules resolved the capturing actor's sector);
- among protests, demonstrators who clash, riot or burn make a "Violent demonstration"; peaceful
  demonstrators killed or seriously hurt, "Excessive force against protesters"; dispersed or arrested,
  "Protest with intervention".

The cue words are data (``parley/data/acled_cues.yaml``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
PROTESTS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
            "Violent demonstration")


@dataclass(frozen=True)
class Cues:
    protester_violence: re.Pattern
    police_words: re.Pattern  # "riot police", "riot gear": no violence of the demonstrators
    area_taken: re.Pattern  # "took control", "recaptured": ground taken
    harm: re.Pattern
    intervention: re.Pattern
    state_forces: frozenset[str]
    non_state_forces: frozenset[str]


def phrase_pattern(phrases: list[str]) -> re.Pattern:
    """One case-insensitive pattern for a list of data-file phrases, each matched as whole words, with "*" for
    any word ending ("clash*" matches clash, clashes, clashed)."""
    parts = [r"\w*".join(re.escape(bit) for bit in p.lower().split("*")) for p in phrases]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    with (resources.files("parley") / "data" / "acled_cues.yaml").open(encoding="utf-8") as f:
        d = yaml.safe_load(f)
    return Cues(protester_violence=phrase_pattern(d["protester_violence"]),
                police_words=phrase_pattern(d["not_protester_violence"]), area_taken=phrase_pattern(d["area_taken"]),
                harm=phrase_pattern(d["harm_to_protesters"]),
                intervention=phrase_pattern(d["intervention"]), state_forces=frozenset(d["state_forces"]),
                non_state_forces=frozenset(d["non_state_forces"]))


def settle(sub_type: str, text: str, actor_sector: str | None = None, harmed: bool = False,
           target_sectors: frozenset[str] = frozenset()) -> str:
    """The sub-type ACLED's definitions give ``text`` when the model chose ``sub_type``.

    ``actor_sector`` is the sector of the event's actor as the rules resolved it; ``harmed`` says that the
    rules counted people killed in the report (injuries alone do not make force excessive); ``target_sectors``
    are the sectors of those it was aimed at: an "Attack" is on unarmed people, one on armed forces alone is
    an "Armed clash"."""
    cues = load_cues()
    armed = cues.state_forces | cues.non_state_forces
    if sub_type == "Attack" and target_sectors and target_sectors <= armed and actor_sector in armed:
        return "Armed clash"
    if sub_type == "Change to group/activity" and cues.area_taken.search(text) and actor_sector in armed:
        sub_type = TERRITORY[0]  # forces that took ground: whose forces decides below
    if sub_type in TERRITORY:
        if actor_sector in cues.state_forces:
            return TERRITORY[0]
        if actor_sector in cues.non_state_forces:
            return TERRITORY[1]
        return sub_type
    if sub_type in PROTESTS[1:]:  # the model saw force or violence: whose, and how bad, decides
        if cues.protester_violence.search(cues.police_words.sub(" ", text)):
            return "Violent demonstration"
        if harmed or cues.harm.search(text):
            return "Excessive force against protesters"
        if cues.intervention.search(text):
            return "Protest with intervention"
    return sub_type
