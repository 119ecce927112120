"""The trigger lexicon (``parley/data/triggers.yaml``): which words report which events."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from parley.errors import ModelError, coded

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# Irregular English verb forms the pre-filter must see (lemma -> forms).
IRREGULAR = {
    "meet": ["met"], "fall": ["fell", "fallen"], "fight": ["fought"], "shoot": ["shot"],
    "strike": ["struck", "stricken"], "seek": ["sought"],
    "hold": ["held"], "send": ["sent"], "speak": ["spoke", "spoken"], "withdraw": ["withdrew", "withdrawn"],
    "beat": ["beaten"], "forgive": ["forgave", "forgiven"], "hit": ["hit"], "take": ["took", "taken"],
    "make": ["made"], "have": ["had", "has"], "begin": ["began", "begun"], "lead": ["led"], "bring": ["brought"],
    "give": ["gave", "given"], "keep": ["kept"], "tell": ["told"], "say": ["said"], "undertake": ["undertook"],
    "break": ["broke", "broken"], "burn": ["burnt"], "wage": ["waged"], "stop": ["stopped", "stopping"],
    "ban": ["banned", "banning"], "shell": ["shelled", "shelling"], "rally": ["rallied"], "jail": ["jailed"],
    "bomb": ["bombed"], "commit": ["committed", "committing"], "step": ["stepped"], "plead": ["pled"],
    "free": ["freed"], "swap": ["swapped", "swapping"], "rebuff": ["rebuffed"], "expel": ["expelled", "expelling"],
    "stab": ["stabbed", "stabbing"], "kidnap": ["kidnapped", "kidnapping"], "target": ["targeted", "targeting"],
    "lose": ["lost", "losing"],
}


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word and the conditions under which it applies."""

    type: str
    cameo: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    prt: frozenset[str] = frozenset()
    not_prt: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    not_mod: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()
    not_of: frozenset[str] = frozenset()  # no sense when its "of" names one of these ("another exchange of fire")
    gov: frozenset[str] = frozenset()
    needs: str | None = None
    plural: bool = False
    converse: bool = False  # the subject receives ("Ukraine received the bodies"): the other party acts


@dataclass(frozen=True)
class Lexicon:
    """Everything ``triggers.yaml`` says, in lookup-ready form."""

    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    light_verbs: frozenset[str]
    report_verbs: frozenset[str]
    control_verbs: dict[str, str]  # lemma -> status of the complement
    intent_nouns: frozenset[str]
    violation_verbs: frozenset[str]
    violation_fail_complements: frozenset[str]
    violation_objects: frozenset[str]
    negation_to_reject: frozenset[str]
    domains: dict[str, frozenset[str]] = field(default_factory=dict)
    calamities: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    bulletin_nouns: frozenset[str] = frozenset()
    verdicts: frozenset[str] = frozenset()
    # noun -> (the act types it names, the words that tell such an act)
    answered_acts: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    def word_forms(self) -> set[str]:
        """Every inflected form of every trigger lemma: the vocabulary of the sentence pre-filter."""
        forms: set[str] = set()
        for lemma in self.verbs:
            forms.update(verb_forms(lemma))
        for lemma in self.nouns:
            forms.update(noun_forms(lemma))
        for lemma in self.intent_nouns | self.violation_verbs | self.verdicts:
            forms.update(verb_forms(lemma) | noun_forms(lemma))
        return forms


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma plus the irregular ones listed in ``IRREGULAR``."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    out.update(IRREGULAR.get(lemma, []))
    return out


def noun_forms(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        out.add(lemma[:-1] + "ies")
    return out


def _sense(spec: object, where: str) -> Sense:
    if isinstance(spec, str):
        parts = spec.split()
        if len(parts) < 2:
            raise ModelError(coded("P013", name="triggers.yaml", entry=where, reason=f"bad sense {spec!r}"))
        kw: dict[str, object] = {"type": parts[0], "cameo": parts[1]}
        for p in parts[2:]:
            key, _, val = p.partition("=")
            if key == "mode":
                kw["mode"] = val
            elif key == "ctx":
                kw["context"] = tuple(val.split(","))
            else:
                raise ModelError(coded("P013", name="triggers.yaml", entry=where, reason=f"unknown key {key!r}"))
        spec = kw
    if not isinstance(spec, dict):
        raise ModelError(coded("P013", name="triggers.yaml", entry=where, reason="a sense is a string or mapping"))
    d = dict(spec)
    for key in ("prt", "not_prt", "obj", "not_obj", "mod", "not_mod", "of", "not_of", "gov"):
        if any(not isinstance(w, str) for w in d.get(key, ())):
            # YAML reads bare on/off/yes/no as booleans: such words must be quoted
            raise ModelError(coded("P013", name="triggers.yaml", entry=where, reason=f"{key} holds a non-word "
                                   f"{d[key]!r}; quote words such as \"on\" and \"off\""))
    if d.get("type") not in PLOVER_TYPES:
        raise ModelError(coded("P013", name="triggers.yaml", entry=where, reason=f"unknown type {d.get('type')!r}"))
    ctx = d.pop("ctx", d.pop("context", ()))
    return Sense(
        type=d["type"], cameo=str(d["cameo"]), mode=d.get("mode"),
        context=tuple([ctx] if isinstance(ctx, str) else ctx),
        prt=frozenset(d.get("prt", ())), not_prt=frozenset(d.get("not_prt", ())), obj=frozenset(d.get("obj", ())),
        not_obj=frozenset(d.get("not_obj", ())),
        mod=frozenset(d.get("mod", ())), not_mod=frozenset(d.get("not_mod", ())), of=frozenset(d.get("of", ())),
        not_of=frozenset(d.get("not_of", ())), gov=frozenset(d.get("gov", ())),
        needs=d.get("needs"), plural=bool(d.get("plural", False)), converse=bool(d.get("converse", False)),
    )


def _senses(table: dict, kind: str) -> dict[str, tuple[Sense, ...]]:
    out = {}
    for lemma, spec in (table or {}).items():
        specs = spec if isinstance(spec, list) else [spec]
        out[str(lemma)] = tuple(_sense(s, f"{kind}.{lemma}") for s in specs)
    return out


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys (PyYAML would silently keep the last one)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ModelError(coded("P013", name="triggers.yaml", entry=str(key),
                                       reason=f"duplicate key at line {key_node.start_mark.line + 1}"))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _data_dir() -> Path:
    return Path(str(resources.files("parley") / "data"))


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Read ``triggers.yaml`` and ``domains.yaml`` from ``data_dir`` (the package's data by default)."""
    base = data_dir or _data_dir()
    with open(base / "triggers.yaml", encoding="utf-8") as f:
        t = yaml.load(f, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    with open(base / "domains.yaml", encoding="utf-8") as f:
        dom = yaml.safe_load(f)
    control = {lemma: status for status, lemmas in (t.get("control_verbs") or {}).items() for lemma in lemmas}
    return Lexicon(
        verbs=_senses(t.get("verbs"), "verbs"), nouns=_senses(t.get("nouns"), "nouns"),
        light_verbs=frozenset(t.get("light_verbs", ())), report_verbs=frozenset(t.get("report_verbs", ())),
        control_verbs=control, intent_nouns=frozenset(t.get("intent_nouns", ())),
        violation_verbs=frozenset(t.get("violation_verbs", ())),
        violation_fail_complements=frozenset(t.get("violation_fail_complements", ())),
        violation_objects=frozenset(t.get("violation_objects", ())),
        calamities=frozenset(t.get("calamities", ())), weapons=frozenset(t.get("weapons", ())),
        negation_to_reject=frozenset(t.get("negation_to_reject", ())),
        bulletin_nouns=frozenset(t.get("bulletin_nouns", ())), verdicts=frozenset(t.get("verdicts", ())),
        answered_acts={k: (frozenset(v["types"]), frozenset([k, *v.get("said", ())]))
                       for k, v in (t.get("answered_acts") or {}).items()},
        domains={k: frozenset(v) for k, v in (dom or {}).items()},
    )
