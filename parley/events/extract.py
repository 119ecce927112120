"""Clause-level event extraction over a dependency parse.

For each parsed sentence: find trigger words (verbs and event nouns), read their arguments from the parse
(subject, object, passive agent, prepositional partners; subjects inherited through xcomp/conj/relcl), decide
which triggers are the content of another (the object of "halt attacks", the complement of "agreed to"),
and what kind of statement each is (reported by whom, negated, planned, hypothetical, ongoing).
"""
from __future__ import annotations

from dataclasses import replace

from parley.events.lexicon import Sense
from parley.events.roles import (
    RELATIVE,
    SUBJ,
    VICTIM_VERBS,
    WEAPON_OBJECTS,
    Candidate,
    RoleReader,
    answers,
    head_lemma,
)
from parley.ground.locate import PLACE_NOUNS
from parley.model import Entity

__all__ = ["Candidate", "SentenceExtractor"]

COMPLEMENT_DEPS = {"xcomp", "ccomp"}
ATTEMPT_VERBS = {"try", "attempt"}
OBLIGATION_WORDS = frozenset({"must", "should"})  # "X said Y must withdraw": a demand
BLAME_WORDS = frozenset({"responsible"})  # "X said Y was responsible for ...": an accusation (see ``_blame``)
# Noun events that take the modal of the verb they are the object of ("will present a sanctions package"); a
# commitment ("will open a corridor") is the promise made, see ``_commitment``.
_PLANNED_NOUNS = {"SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONSULT"}
# Verbs that judge their object as what their complement says ("called the strike a war crime").
JUDGE_VERBS = {"call", "describe", "brand", "deem", "label", "denounce", "condemn", "criticise", "criticize", "slam",
               "decry", "dub"}
DENIAL = {"deny", "dismiss", "refute", "rebut"}
# Verbs by which a speaker draws a conclusion about a party from an act ("the attacks show that Kyiv ...")
EVIDENCE_VERBS = frozenset({"show", "prove", "demonstrate", "reveal", "confirm", "expose", "underline", "underscore"})
_ACTS_JUDGED = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
# What one side puts to the other: judged unacceptable or illegal, it is rejected, not charged
PROPOSALS = frozenset({"demand", "proposal", "plan", "condition", "precondition", "offer", "ultimatum", "term",
                       "initiative", "idea", "request", "proposition", "formula"})
# What a denial denies when it names it ("denied the claim", "rejected the accusation").
CLAIM_NOUNS = {"claim", "accusation", "allegation", "charge", "report", "involvement", "responsibility", "this",
               "that", "it"}
TOPIC_VERBS = {"discuss", "negotiate", "address", "consider", "debate", "explore", "review", "examine", "study"}
CONDITIONS = {"unless", "if"}  # marks of a condition: what the clause names has not happened
INVOLVEMENT = {"peacekeeper", "inspector", "monitor", "observer", "mission", "ambassador", "envoy", "diplomat",
               "worker", "staff", "personnel", "volunteer", "contingent", "force"}  # a presence abroad (CAMEO 136)
# Verbs that make or keep a pause in fighting as their object ("declared a truce"), and those that start or keep
# one as their subject ("the truce will hold", "the ceasefire took effect")
TRUCE_MAKERS = frozenset({"announce", "declare", "agree", "observe", "implement", "introduce", "order", "extend",
                          "call", "establish", "impose", "proclaim", "begin", "start", "hold", "maintain", "keep",
                          "honour", "honor", "respect", "offer", "unveil", "prolong", "renew", "enter", "reach",
                          "arrange", "organise", "organize", "set", "launch", "resume", "restore", "secure"})
TRUCE_STARTS = frozenset({"take", "begin", "start", "hold", "come", "go", "enter", "last", "run", "apply", "remain",
                          "expire", "end", "collapse", "break"})
# Verbs that call an act something ("condemned the strike as a war crime", "described the raid as an attack")
# (the verbs of a verdict, and those that only say how one sees an act)
JUDGING_VERBS = frozenset(JUDGE_VERBS | {"characterise", "characterize", "reject", "dismiss", "see", "regard", "view",
                                         "qualify", "term", "treat", "classify", "portray", "depict"})
# Verbs of studying or complying with a measure already reported: "study the sanctions" tells no new one
STUDY_VERBS = frozenset({"study", "review", "assess", "examine", "analyse", "analyze", "comply", "digest"})
# Verbs of promising: their clause is what the promiser will do ("vowed that Russia would retaliate")
PROMISE_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# Verbs of answering a blow: a promise of one is a threat ("vows to respond forcefully if ...")
RESPONSE_VERBS = frozenset({"respond", "react", "retaliate", "avenge", "answer", "punish", "reply"})
# What an act "will be met with" when a side threatens ("a befitting response", "force", "retaliation")
ANSWERS = frozenset({"response", "force", "retaliation", "reply", "riposte", "counterattack", "answer"})
GRIEVANCE_PREPS = {"for", "over", "against", "about", "on"}
MODAL_STATUS = {"could": "hypothetical", "might": "hypothetical", "may": "hypothetical", "would": "hypothetical",
                "should": "hypothetical", "must": "hypothetical", "will": "planned", "shall": "planned",
                "'ll": "planned", "wo": "planned", "ca": "hypothetical"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "npadvmod"}
QUAD_COOPERATIVE = {t: t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
                    for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")}
# What "comes under fire" in war reporting (a place, a position, a convoy): the idiom's other sense is criticism
# ("the minister came under fire for ..."), whose subject is a person or a body.
TARGET_NOUNS = PLACE_NOUNS | {"position", "convoy", "vehicle", "base", "post", "patrol", "unit", "troop", "soldier",
                              "house", "home", "building", "school", "hospital", "train", "bus", "car", "ship",
                              "vessel", "plane", "aircraft", "helicopter", "tanker", "boat", "farm", "facility",
                              "plant", "station", "hamlet", "residential", "infrastructure"}
# Verbs that tell what befell people: "were killed in the fighting" is the fighting's toll, not a new event.
TOLL_VERBS = frozenset(VICTIM_VERBS | {"maim", "shoot", "slay", "murder"})
# Directions a parser may take for the object of a verb of movement: "advanced southwest of Pokrovsk".
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west", "deeper", "further", "farther"})
_SPELLS = frozenset({"time", "hour", "day", "night", "week", "month", "minute"})  # "for hours", "for the third time"
FIRE_WORDS = frozenset({"fire", "flames", "ablaze", "alight", "afire"})
WRECKAGE = frozenset({"debris", "fragment", "wreckage", "shrapnel"})  # what falls of a weapon brought down
# Machines of war that act for their owner ("its aircraft had struck back", "Israeli warships shelled the coast").
PLATFORMS = frozenset({"aircraft", "jet", "warplane", "fighter", "bomber", "helicopter", "gunship", "warship",
                       "frigate", "destroyer", "submarine", "tank", "battery", "howitzer", "boat", "vessel"})
READY = {"ready", "willing", "prepared", "determined", "eager", "keen", "set", "poised"}


# Units and machines that an attack word can name the kind of: "an air assault brigade", "attack helicopters",
# "strike drones", "assault groups".
KINDS_OF_FORCE = frozenset({"brigade", "battalion", "regiment", "group", "unit", "troop", "force", "division",
                            "company", "squad", "team", "detachment", "drone", "uav", "vehicle", "helicopter",
                            "aircraft", "plane", "jet", "submarine", "ship", "boat", "craft", "rifle", "weapon"})

# Nouns of talks and their outcome whose "on" object is what they are about ("negotiations on a ceasefire").
TALK_HEADS = frozenset({"talk", "negotiation", "meeting", "discussion", "breakthrough", "progress", "consultation",
                        "dialogue", "round", "summit", "deal", "compromise", "understanding", "impasse", "deadlock"})
# Who goes to talks ("the delegations will return to Doha next week").
DELEGATES = frozenset({"delegation", "negotiator", "envoy", "mediator", "delegate", "team"})
# Vehicles that bring aid, and what they carry that makes them aid ("lorries carrying flour entered Gaza").
AID_VEHICLES = frozenset({"truck", "lorry", "convoy", "shipment", "consignment", "barge", "tanker", "trailer"})
AID_CARGO = frozenset({"aid", "relief", "humanitarian", "food", "medicine", "medical", "flour", "fuel", "water",
                       "wheat", "grain", "sorghum", "tent", "blanket", "supply", "assistance", "ration", "vaccine"})
# Where people are taken who are not evacuated: the wounded, the dead, the detained ("taken to hospital").
NOT_SAFETY = frozenset({"hospital", "clinic", "morgue", "custody", "prison"})
# Works and lines that supply or serve others: "a substation that supplies the hospital" tells no aid.
FACILITIES = frozenset({"substation", "plant", "refinery", "facility", "factory", "depot", "station", "pipeline",
                        "line", "enterprise", "warehouse", "port", "terminal", "railway", "road", "route", "bridge",
                        "grid", "network", "dam", "reservoir", "mine", "field", "company", "firm"})
# Verbs that hold up talks ("accused Moscow of stalling the negotiations").
OBSTRUCT_VERBS = frozenset({"stall", "block", "derail", "obstruct", "delay", "sabotage", "undermine", "torpedo",
                            "jeopardize", "jeopardise", "disrupt", "hamper", "hinder", "drag", "wreck", "stymie",
                            "betray", "abandon", "poison"})
# Places a word of an event can name the kind of ("deployment points", "a detention centre", "training grounds").
SITES = frozenset({"point", "area", "site", "position", "camp", "zone", "facility", "centre", "center", "ground"})
# Warnings of an attack that may come ("air raid alerts", "a missile strike warning", "bomb shelters")
ALERTS = frozenset({"alert", "alarm", "siren", "warning", "shelter", "signal"})


def _kind_of_force(tok) -> bool:
    """Whether an attack word only says what kind a unit or machine is: "an air assault brigade", "attack
    helicopters", "strike drones"; also "aviation, attack unmanned aerial vehicles, ..." that the parser reads as a
    verb in a list."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in SITES | ALERTS:
        return True  # "temporary deployment points", "air raid alerts": a kind of place or warning, no event
    if tok.lemma_.lower() not in ("assault", "attack", "strike", "combat", "raid", "storm"):
        return False
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in KINDS_OF_FORCE:
        return True
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return tok.dep_ == "acl" and tok.tag_ == "VB" and obj is not None and obj.lemma_.lower() in KINDS_OF_FORCE


# Verbs that take a person and a thing ("handed the envoy a memorandum", "gave Kyiv a list")
GIVING_VERBS = frozenset({"hand", "give", "send", "deliver", "present", "submit", "pass", "offer", "show"})


BREACHES = frozenset({"violation", "breach", "infringement"})
SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "year"})


def _deadline(verb) -> bool:
    """Whether ``verb`` gives a party a deadline to act ("gave Moscow until Friday to move toward a ceasefire",
    "has given Hamas 48 hours to respond"): a time limit ("until ...", a span of time) and a "to" clause."""
    limit = any((c.dep_ == "prep" and c.lower_ in ("until", "till")) or
                (c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in SPANS_OF_TIME) for c in verb.children)
    return limit and any(c.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                         for t in [verb, *verb.children] for c in t.children)


def _to_clause(tok) -> bool:
    """A "to" clause the parser hung on a verb as an adverbial ("have sworn to fight until ..."): its complement."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def _controls(verb, chain) -> bool:
    """Whether ``verb`` governs the chain below it as a control verb: "planned to strike", "kept shelling";
    not "air defence means intercepted" (a noun the parser took for a verb, followed by a participle)."""
    below = next((t for t in chain if t.head.i == verb.i and t.dep_ == "xcomp"), None)
    return below is None or below.tag_ in ("VB", "VBG") or any(a.lower_ == "to" for a in below.children)


def _verb_chain(t, root) -> bool:
    """Whether ``t`` is ``root`` or a verb complement of it, directly or through others ("keep targeting")."""
    while t.i != root.i and t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
    return t.i == root.i


# Acts of force that, told in the present as deliberate, are a charge ("are deliberately hunting people").
CHARGED_ACTS = frozenset({"target", "hunt", "attack", "shell", "strike", "hit", "terrorise", "terrorize", "kill",
                          "bomb", "destroy", "shoot"})
DELIBERATELY = frozenset({"deliberately", "intentionally", "purposely", "purposefully", "systematically",
                          "consciously", "wilfully", "willfully"})
# Verbs of committing oneself: "committed not to fire the first shot" is a pause promised.
PLEDGING = frozenset({"agree", "commit", "pledge", "promise", "vow", "undertake", "guarantee", "swear"})
# Verbs that end what follows them: "agreed to stop attacking" is a pause, not a threat.
CEASING = frozenset({"stop", "halt", "cease", "refrain", "end", "suspend", "abstain", "quit", "pause"})


def _ceasing(t, root) -> bool:
    """Whether a verb of ending stands between ``root`` and the act ``t`` it governs ("to stop attacking"), or the
    act is promised not to happen ("agreed not to strike")."""
    if any(ch.dep_ == "neg" for ch in t.children):
        return True
    while t.i != root.i and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in CEASING:
            return True
    return False


# Nouns that count or group acts ("a series of attacks", "a wave of strikes"): what is said of them is said of the acts.
SERIES_NOUNS = frozenset({"series", "wave", "spate", "string", "rash", "surge", "number", "pattern"})


def _through_series(obj):
    """The acts a noun of ``SERIES_NOUNS`` groups ("a series of attacks": the attacks), else ``obj``."""
    if obj.lemma_.lower() in SERIES_NOUNS:
        return next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), obj)
    return obj


def _verdict_hops(tok, verb) -> int:
    """How many heads up from ``tok`` its judging verb is: "a war crime" is the verb's complement (one or two,
    however the parser attached it), not a word deep inside its object."""
    n, t = 0, tok
    while t.i != verb.i and t.head.i != t.i:
        t, n = t.head, n + 1
    return n


def _on_fire(verb) -> bool:
    """Whether the verb sets something on fire: "set the depot ablaze", "set the refinery on fire"."""
    for c in verb.children:
        if c.lower_ in FIRE_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ in FIRE_WORDS for p in c.children):
            return True
    return False


def _aside(tok) -> bool:
    """Whether ``tok`` lies in a relative clause set off by a comma that describes the subject of a clause ("Egypt,
    which has pledged troops to the mission, is expected to ..."): background to the party, not the news."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl":
            noun = a.head
            first = next(iter(a.subtree))
            before = a.doc[first.i - 1] if first.i > 0 else None
            dated = any(t.ent_type_ in ("DATE", "TIME") for t in a.subtree)  # "who met Aoun on Wednesday": news
            return noun.dep_ in ("nsubj", "nsubjpass") and before is not None and before.text == "," and \
                first.lower_ in ("which", "who", "whose") and not dated
        if a.dep_ in ("ccomp", "xcomp", "advcl", "ROOT"):
            return False
    return False


def _counted_or_owned(obj) -> bool:
    """Whether attacks an object names are counted or owned ("48 assaults", "an attack by al-Shabaab")."""
    return any(c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ == "by") for c in obj.children)


def _same_side(ours: list[Entity], theirs: list[Entity]) -> bool:
    """Whether a party and another are one side: the same country, and not two sectors told apart ("the army"
    and "the RSF" are both Sudanese, and rivals)."""
    return any(a.country == b.country and (a.sector == b.sector or not a.sector or not b.sector)
               for a in ours for b in theirs if a.country)


def _inverted_condition(tok) -> bool:
    """Whether ``tok`` heads a condition told by inversion: "should Chisinau go ahead", "were Kyiv to attack"."""
    first = next(iter(tok.subtree))
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return first.lower_ in ("should", "were", "had") and first.dep_ == "aux" and subj is not None and \
        first.i < subj.i


def _conditional(tok) -> bool:
    """Whether the clause of ``tok`` has a condition: "if ...", "unless ...", or an inverted "should X go ahead"
    (which the parser may hang on the verb of saying instead, right after ``tok``'s clause)."""
    after = [*tok.children, *(tok.head.children if tok.dep_ == "ccomp" else ())]
    for ch in (x for x in after if x.dep_ in ("advcl", "ccomp") and x.i > tok.i):
        if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in ch.children):
            return True
        if _inverted_condition(ch):
            return True
    return False


class SentenceExtractor(RoleReader):
    """Extracts candidates from one parsed sentence. One instance per sentence; cheap to build."""

    def sense_for(self, tok) -> tuple[str, Sense] | None:
        lemma = tok.lemma_.lower()
        if _kind_of_force(tok):
            return None
        if tok.dep_ in NOMINAL_DEPS and tok.pos_ in ("VERB", "NOUN", "PROPN") and lemma in self.lx.nouns:
            s = self._match_noun(tok, self.lx.nouns[lemma])
            return ("noun", s) if s else None
        if tok.pos_ in ("VERB",) or (tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("ROOT", "conj", "ccomp", "xcomp")
                                     and any(c.dep_ in SUBJ for c in tok.children) and lemma in self.lx.verbs):
            senses = self.lx.verbs.get(lemma)
            if senses:
                s = self._match_verb(tok, senses)
                return ("verb", s) if s else None
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            senses = self.lx.nouns.get(lemma)
            if senses:
                s = self._match_noun(tok, senses)
                return ("noun", s) if s else None
        return None

    def _match_verb(self, tok, senses) -> Sense | None:
        obj = self._object(tok)
        obj_lemma = head_lemma(obj) if obj is not None else None
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent") or (
            c.dep_ == "advmod" and c.lower_ == "back")}  # "struck back": a particle the parser calls an adverb
        for s in senses:
            if s.prt and not (s.prt & preps) or s.not_prt & preps:
                continue
            listed = obj_lemma in s.obj or (obj is not None and any(
                head_lemma(x) in s.obj for x in obj.conjuncts)) or (  # "delivered food packages, clothes and ..."
                tok.lemma_.lower() in GIVING_VERBS and obj is not None and bool(s.obj & self._things_given(tok, obj)))
            if s.obj and not listed and not ("PLACE" in s.obj and obj is not None and (
                    obj.ent_type_ in ("GPE", "LOC", "FAC") or (obj.pos_ == "PROPN" and obj.i in self.places))):
                continue  # PLACE in an object list: any named place ("the enemy hit Kharkiv", "took Terny")
            if s.not_obj and obj_lemma in s.not_obj:
                continue
            if s.needs == "object" and obj is None:
                continue
            if s.needs == "complement" and not any(c.dep_ in COMPLEMENT_DEPS or _to_clause(c) for c in tok.children):
                continue
            if s.needs == "gerund" and not any(c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" for c in tok.children):
                continue  # "suggested creating working groups" (not "suggested that ...", a report)
            if s.needs == "dative" and not any(c.dep_ == "dative" for c in tok.children):
                continue
            if s.needs == "no_object" and obj is not None and obj.lower_ not in COMPASS:  # ("advanced southwest of")
                continue
            if s.needs == "passive_agent" and not any(c.dep_ == "agent" for c in tok.children):
                continue
            if s.needs == "actor_object" and (obj is None or obj.pos_ == "PRON" or not self.entities(obj)):
                continue
            if s.needs == "weapon_subject" and not self._weapon_subject(tok):
                continue
            if s.needs == "their_attacks" and (obj is None or not _counted_or_owned(obj)):
                continue
            if s.needs == "aid_vehicle" and not self._aid_vehicle(tok):
                continue
            if s.needs == "to_safety" and any(p.lemma_.lower() in NOT_SAFETY for c in tok.children
                                               if c.dep_ == "prep" and c.lower_ == "to" for p in c.children):
                continue  # "two residents were taken to hospital": a toll, no evacuation
            if s.needs == "delegates_to" and not (any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in DELEGATES for c in
                    [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else [])])):
                continue
            if s.needs == "told_attack" and (obj is None or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in obj.children) or
                    _counted_or_owned(obj)):
                continue  # (an attack named afresh, counted or owned is its makers' event, told by its noun)
            if s.needs == "on_fire" and not _on_fire(tok):
                continue
            if s.needs == "deadline" and not _deadline(tok):
                continue
            return s
        return None

    def _aid_vehicle(self, verb) -> bool:
        """Whether the subject of a verb of arriving is aid on its way: trucks or a convoy that carry aid, are aid's
        ("aid trucks", "lorries carrying flour") or an aid agency's ("a convoy of 14 UN trucks", "its first convoy"
        after "The World Food Programme said")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        heads = [subj, *(p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj")]
        if not any(h.lemma_.lower() in AID_VEHICLES for h in heads):
            return False
        if {t.lemma_.lower() for t in subj.subtree} & AID_CARGO:
            return True
        return any(e.sector in ("IGO", "NGO") for t in subj.subtree if t.dep_ in ("poss", "compound", "pobj")
                   for e in self.entities(t))

    def _match_noun(self, tok, senses) -> Sense | None:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        of_objs = {p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"}
        for s in senses:
            if s.mod and not (s.mod & mods):
                continue
            if s.not_mod and (s.not_mod & mods):
                continue
            if s.of and not (s.of & of_objs):
                continue
            if s.not_of and (s.not_of & of_objs):
                continue
            if s.plural and not tok.lower_.endswith("s"):
                continue
            if s.gov and self._governor(tok) not in s.gov:
                continue
            if s.needs == "target_subject" and not self._target_subject(tok):
                continue
            return s
        return None

    def _weapon_subject(self, verb) -> bool:
        """Whether the verb's subject is a weapon or what is left of one: "a Shahed fell on the village", "a
        missile landed near the school", "debris of a downed drone crashed into a house"."""
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and head_lemma(subj) in self.lx.weapons | WEAPON_OBJECTS | WRECKAGE

    def _target_subject(self, noun) -> bool:
        """Whether what the verb governing ``noun`` has as its subject is a place or a military target: "the
        village came under fire", "Ukrainian positions came under fire", not "the minister came under fire".
        A name the sentence uses as a place is one, whatever the tagger took it for ("Kostiantynivka came under
        fire", tagged as an organisation)."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        if any(c.dep_ == "prep" and c.lower_ == "for" and not any(p.lemma_.lower() in _SPELLS for p in c.children)
               for c in verb.children):
            return False  # criticism: "came under fire for its remarks" (not "for the third time", "for hours")
        if subj.i in self.places:
            return True
        if subj.pos_ == "PROPN":
            return subj.ent_type_ not in ("PERSON", "ORG", "NORP", "PER")
        return subj.lemma_.lower() in TARGET_NOUNS

    def _governor(self, noun) -> str | None:
        """Lemma of the verb that takes ``noun`` as its object ("reached a deal", "opened an inquiry into")."""
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "obj") and head.pos_ in ("VERB", "AUX", "NOUN"):
            return head.lemma_.lower()
        if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "NOUN"):
            return head.head.lemma_.lower()  # "opened an inquiry into", "an agreement on a ceasefire"
        return None

    # ------------------------------------------------------------------ arguments
    def candidates(self) -> list[Candidate]:
        """Every event this sentence reports, arguments resolved, main clause first."""
        cands: dict[int, Candidate] = {}
        for tok in self.doc:
            found = self.sense_for(tok)
            if found is None:
                continue
            kind, sense = found
            cands[tok.i] = Candidate(tok, sense, kind, sense.type, sense.cameo)
            if kind == "verb" and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.i < tok.head.i:
                cands[tok.i].absorbed = True  # "near their destroyed homes": what a thing is like, no event told
        self._violations(cands)
        self._verdicts(cands)
        self._evidence(cands)
        self._blame(cands)
        self._obligations(cands)
        self._casualty_verbs(cands)
        self._background(cands)
        self._conditions(cands)
        self._protest_demands(cands)
        self._talk_topics(cands)
        self._absorb(cands)
        self._ceased(cands)
        self._present_charges(cands)
        self._threat_idioms(cands)
        self._intent_nouns(cands)
        for c in cands.values():
            if c.absorbed or c.actor or c.recipient:
                continue
            coop = QUAD_COOPERATIVE.get(c.event_type, False)
            c.actor = self.subject(c.token) if c.kind == "verb" else self._noun_owner(c.token, coop)
            c.recipient = [] if c.sense.needs == "delegates_to" else self._asked(c) or self.recipient(c) or (
                self._noun_target(c.token) if c.kind == "noun" and not coop else []) or self._threatened(c, cands)
            if c.sense.converse:
                c.actor, c.recipient = self._giver(c), c.actor
            if c.event_type == "SANCTION" and c.recipient and {e.text for e in c.recipient} <= {e.text for e in
                                                                                              c.actor}:
                c.recipient = []  # "the EU approved its sanctions package": the package is the EU's, aimed elsewhere
            if not self._negation(c):
                c.status = self._status(c)
                self._commitment(c)
                self._offer_to_host(c)
            if c.claimed_by is None:
                c.claimed_by = self._claimant(c.token)
            c.depth = self._depth(c.token)
        for c in cands.values():
            if c.event_type == "ASSAULT" and c.kind == "verb" and c.sense.converse and not c.absorbed:
                # "the enemy lost up to 210 servicemen": the side that lost them was struck; who struck is the other
                # side (the last other party named, else the one the bulletin's voice fights)
                lost = self.subject(c.token)
                if lost:
                    c.recipient, c.actor = lost, [e for e in self._giver(replace(c, actor=lost)) if e.country]
        for c in cands.values():
            if c.absorbed:
                continue
            gov = c.token.head.head if c.token.dep_ in ("pcomp", "pobj") and c.token.head.lower_ in ("of", "for") \
                else None
            if gov is not None and gov.i in cands and cands[gov.i].event_type == "ACCUSE" and cands[gov.i].actor:
                # "accused Russia of attacking", "blamed Pakistan for an attack": the accused acts, as alleged
                c.claimed_by = c.claimed_by or cands[gov.i].actor[0]
                if c.kind == "noun" and cands[gov.i].recipient:
                    c.actor = list(cands[gov.i].recipient)
        for c in cands.values():
            if c.absorbed_into is not None and not c.absorbed_into.recipient:
                c.absorbed_into.recipient = self.recipient(c)
        self._judged_acts(cands)
        self._needs(cands)
        self._denials(cands)
        self._accused_acts(cands)
        self._stances(cands)  # (after the denials: "denies targeting civilians" is still a denial)
        for c in cands.values():
            if c.event_type == "AGREE" and c.token.dep_ == "acl" and c.token.tag_ == "VBN" and \
                    c.token.head.lemma_.lower() in self.lx.violation_objects:
                # "the truce brokered by Qatar": who made an agreement the text refers to (its mediators), not
                # a new agreement
                c.absorbed = True
        return sorted((c for c in cands.values() if not c.absorbed), key=lambda c: (c.depth, c.token.i))

    def _threat_idioms(self, cands: dict[int, Candidate]) -> None:
        """Threats told by their idiom in the future: "the attackers will pay a heavy price", "the attack will not
        go unanswered", "warships would be treated as legitimate targets", "Russia will respond to any new
        sanctions". The one who says it threatens (else the clause's subject, for "will respond"); those who
        would pay or be targeted are threatened."""
        threats = [c for c in cands.values() if c.event_type == "THREATEN" and not c.absorbed]
        for tok in self.doc:
            met = tok.lemma_.lower() == "meet" and any(ch.dep_ in ("prep", "agent") and ch.lower_ == "with" and any(
                p.lemma_.lower() in ANSWERS for p in ch.children) for ch in tok.children)
            future = any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll", "wo", "shall") for ch in tok.children)
            # "ordered the army to respond decisively if attacked again": a response bound to a condition
            bound = tok.lemma_.lower() in ("respond", "retaliate") and _conditional(tok)
            if (tok.i in cands and not met) or not (future or bound):
                continue
            if any(c.token == tok or c.token.is_ancestor(tok) for c in threats):
                continue  # ("warned that the attack would not go unanswered": the warning is the threat)
            lemma = tok.lemma_.lower()
            kids = list(tok.children)
            aimed = None
            if lemma == "pay" and any(ch.dep_ == "dobj" and ch.lemma_.lower() == "price" for ch in kids):
                aimed = next((ch for ch in kids if ch.dep_ == "nsubj"), None)
            elif lemma == "treat" and any(ch.dep_ == "prep" and ch.lower_ == "as" and any(
                    p.lemma_.lower() == "target" for p in ch.children) for ch in kids):
                aimed = next((ch for ch in kids if ch.dep_ == "nsubjpass"), None)
            elif met:
                pass  # "any misadventure will be met with a befitting response": whoever says it threatens (no meeting)
            elif not (lemma == "go" and any(ch.lower_ in ("unanswered", "unpunished") for ch in kids) or
                      lemma in ("respond", "retaliate") and not any(ch.dep_ == "neg" for ch in kids)):
                continue  # ("will not go unanswered", "will respond": no one is named as threatened)
            if lemma in ("respond", "retaliate"):
                speaker = self.subject(tok)  # "Russia will respond": who responds threatens
            else:
                said = next((a for a in tok.ancestors if a.lemma_.lower() in self.lx.report_verbs), None)
                speaker = self.subject(said) if said is not None else []
                if not speaker and (quoted := self._claimant(tok)) is not None:
                    speaker = [quoted]  # '"Any misadventure will be met with a befitting response."' after 'ISPR said'
            if not speaker:
                continue
            c = Candidate(tok, Sense(type="THREATEN", cameo="130"), "verb", "THREATEN", "130")
            c.actor = speaker
            c.recipient = [e for e in self.entities(aimed) if not _same_side([e], speaker)] if aimed is not None else []
            cands[tok.i] = c
            for cond in (ch for ch in kids if ch.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in CONDITIONS for m in ch.children)):
                for t in cond.subtree:  # "... if attacked again": the condition of the threat, no attack told
                    if t.i in cands and t.i != tok.i:
                        cands[t.i].absorbed = True

    def _ceased(self, cands: dict[int, Candidate]) -> None:
        """An attack told as what someone stops or refrains from ("committed to refrain from using force against
        merchant vessels", "will cease firing at the port") is no attack: it is that side's pause (RETREAT, a
        ceasefire), by whoever stops."""
        for c in cands.values():
            if c.absorbed or c.kind != "verb" or c.event_type not in ("ASSAULT", "COERCE"):
                continue
            t, hops = c.token, 0
            refrained = any(ch.dep_ == "neg" for ch in t.children) and t.dep_ == "xcomp"  # "pledged not to attack"
            while hops < 3 and t.dep_ in ("pcomp", "xcomp", "pobj", "prep") and t.head.i != t.i:
                t, hops = t.head, hops + 1
                if (t.lemma_.lower() in CEASING or refrained and t.lemma_.lower() in PLEDGING) and \
                        t.pos_ in ("VERB", "AUX"):
                    c.event_type, c.cameo = "RETREAT", "0871"
                    c.sense = Sense(type="RETREAT", cameo="0871", mode="ceasefire")
                    break

    def _present_charges(self, cands: dict[int, Candidate]) -> None:
        """"The occupiers are deliberately hunting people on the streets", "the enemy deliberately targets
        civilians", "the Kyiv regime continues its attempts to terrorise the population": conduct told in the
        present as deliberate or ongoing terror is a charge against its doer (ACCUSE by whoever says it), not one
        attack that happened."""
        for tok in self.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in CHARGED_ACTS:
                continue
            deliberate = any(ch.dep_ == "advmod" and ch.lower_ in DELIBERATELY for ch in tok.children)
            present = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and any(
                ch.dep_ == "aux" and ch.lower_ in ("is", "are", "'re") for ch in tok.children))
            terror = tok.lemma_.lower() in ("terrorise", "terrorize") and any(
                a.lemma_.lower() in ("continue", "attempt", "try", "seek") and a.tag_ in ("VBZ", "VBP", "NNS", "NN")
                for a in tok.ancestors)
            if not (deliberate and present) and not terror:
                continue
            if any(a.i in cands and cands[a.i].event_type == "ACCUSE" for a in tok.ancestors):
                continue  # "accused Moscow of deliberately targeting homes": the accusation is told already
            doer = self.subject(tok)
            if not doer:
                head = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and any(
                    ch.dep_ in SUBJ for ch in a.children)), None)
                doer = self.subject(head) if head is not None else []
            if not doer:
                continue
            for t in tok.subtree:
                if t.i in cands:
                    cands[t.i].absorbed = True
            for a in tok.ancestors:  # ("continues its attempts to terrorise": the attempts are the charge's)
                if a.i in cands and cands[a.i].event_type in ("ASSAULT", "MOBILIZE", "COERCE"):
                    cands[a.i].absorbed = True
            c = Candidate(tok, Sense(type="ACCUSE", cameo="112", mode="allege"), "verb", "ACCUSE", "112")
            said = self._claimant(tok) or self.disc.voice
            c.actor, c.recipient, c.claimed_by = ([said] if said is not None else []), doer, said
            c.depth = self._depth(tok)
            cands[tok.i] = c

    def _denials(self, cands: dict[int, Candidate]) -> None:
        """"Kyiv blamed Moscow for the strike; Russia denied it": the denial of a clause before it is an event of
        its own, a REJECT by the denier against who made the claim; the claim stands as it was made."""
        for tok in self.doc:
            if tok.lemma_.lower() in DENIAL and (tok.i not in cands or cands[tok.i].event_type == "REJECT"):
                self._denied_act(tok, cands)
            if tok.lemma_.lower() not in DENIAL or tok.i in cands or tok.dep_ not in ("parataxis", "conj", "ROOT") and \
                    not (tok.dep_ == "relcl" and tok.head.lemma_.lower() in CLAIM_NOUNS):
                continue  # (a relative on the charge is its denial too: "..., an allegation the Kremlin denied")
            claims = [c for c in cands.values() if not c.absorbed and c.token.i < tok.i and c.actor
                      and c.token.sent == tok.sent and (tok.dep_ == "relcl" or tok.i not in {t.i for t in c.token.subtree})]
            obj = self._object(tok)
            if obj is not None and obj.pos_ != "PRON" and obj.lemma_.lower() not in CLAIM_NOUNS:
                continue
            # the claim may be the last sentence's accusation ("Kyiv accused Moscow of ... . Russia denied it"),
            # or one the text names only by its noun ("a spokesman denied the allegation")
            accusers = self.disc.last_actor("ACCUSE")
            if not claims and not accusers and (obj is None or obj.pos_ == "PRON"):
                continue
            denier = [e for e in self._denier(tok) if e.country]
            said = {e.country for e in denier}
            # the claim a party denies is the one that names it ("Moscow accused Kyiv ...; Ukraine denied it")
            claim = next((c for c in reversed(claims) if said & {e.country for e in c.recipient}),
                         claims[-1] if claims else None)
            against = list(claim.actor) if claim is not None else accusers
            if obj is not None and obj.pos_ != "PRON" and any(x.i in self.mentions or x.dep_ == "poss"
                                                              for x in obj.children):
                # "denied Ukrainian claims", "rejected Kyiv's allegation": the claim's owner is named
                against = [e for e in self.entities(obj) if e.country] or against
            if not denier or _same_side(denier, against):
                continue
            c = Candidate(tok, Sense(type="REJECT", cameo="120"), "verb", "REJECT", "120")
            c.actor, c.recipient = denier, against
            c.depth = claim.depth + 1 if claim is not None else 0
            cands[tok.i] = c
            if obj is not None and obj.i in cands:
                cands[obj.i].absorbed = True  # "denied the accusations": the claim denied is no new accusation

    def _denier(self, tok) -> list[Entity]:
        """Who denies: the subject of the denial; a pronoun ("It denies targeting civilians", "He denied the
        charge") after an accusation is the accused."""
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("it", "he", "she", "they") and \
                self.disc.last_accused:
            return [replace(e, text=subj.text, start=subj.idx, end=subj.idx + len(subj.text))
                    for e in self.disc.last_accused]
        return self.subject(tok)

    def _accused_acts(self, cands: dict[int, Candidate]) -> None:
        """An attack the sentence of an accusation names with no one of its own to do it ("accused Moscow of
        stalling the talks, pointing to a drone attack on Kyiv") is the accused party's, as the accuser claims."""
        accusations = [c for c in cands.values() if c.event_type == "ACCUSE" and c.actor and c.recipient
                       and not c.absorbed]
        if not accusations:
            return
        charge = accusations[0]
        accuser = {e.country for e in charge.actor if e.country}
        inside = {t.i for t in charge.token.subtree}
        for c in cands.values():
            if c.absorbed or c.event_type != "ASSAULT" or c.kind != "noun" or c.token.i not in inside or \
                    not any(t.lower_ in ("the", "this", "that") for t in c.token.children):
                continue
            # "a convoy was ambushed ..., the government said, blaming the Arakan Army for the attack": the attack
            # blamed is the one the sentence reports, whose doer the charge names
            told = next((v for v in cands.values() if v.kind == "verb" and v.event_type == "ASSAULT" and not
                         v.absorbed and v.token.i not in inside and (not v.actor or {e.country for e in v.actor}
                                                                      <= accuser)), None)
            if told is not None:
                told.actor = list(charge.recipient)
                told.claimed_by = told.claimed_by or charge.actor[0]
                c.absorbed, c.absorbed_into = True, told
        for c in cands.values():
            if c.absorbed or c.event_type != "ASSAULT" or c.kind != "noun" or c is charge:
                continue
            if any(t.dep_ == "poss" or (t.dep_ == "prep" and t.lower_ == "by") for t in c.token.children):
                continue  # the attack's own owner ("Russia's attack", "an attack by drones")
            if not c.actor or {e.country for e in c.actor} <= accuser:
                c.actor = list(charge.recipient)
                c.claimed_by = c.claimed_by or charge.actor[0]

    def _denied_act(self, tok, cands: dict[int, Candidate]) -> None:
        """"Kigali denies backing the rebels", "Moscow denied that its forces struck the hospital": a party denying
        an act of its own rejects the claim, against whoever made it (else against the act's recipient). The act
        denied stays as a negated event: the story of that act keeps the denial and is marked disputed."""
        comp = next((ch for ch in tok.children if ch.dep_ in COMPLEMENT_DEPS or (
            ch.dep_ in ("dobj", "pcomp") and ch.tag_ == "VBG")), None)
        if comp is None or answers(comp, tok):
            return
        inner = [cands[t.i] for t in comp.subtree if t.i in cands and t.i != tok.i and not cands[t.i].absorbed]
        denier = self._denier(tok)  # ("the military": its country comes from the context later)
        if not inner or not denier:
            return
        said = {e.country for e in denier}
        act = min(inner, key=lambda c: c.depth)
        against = [e for e in self.disc.last_actor("ACCUSE") if e.country not in said] or \
            [e for e in act.recipient if e.country and e.country not in said]
        c = Candidate(tok, Sense(type="REJECT", cameo="120"), "verb", "REJECT", "120")
        c.actor, c.recipient = denier, against
        c.depth = self._depth(tok)
        cands[tok.i] = c  # (the act denied stays, negated: what a story of that act marks as disputed)

    def _intent_nouns(self, cands: dict[int, Candidate]) -> None:
        """"readiness to stop attacks", "willingness to accept": an AGREE (or THREATEN) by the noun's owner."""
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lx.intent_nouns or tok.i in cands:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ == "in":
                continue  # "in a bid to cut the revenues": the purpose of another act, no pledge of its own
            comp = next((c for c in tok.children if c.dep_ in ("acl", "xcomp", "relcl")
                         and any(a.lower_ == "to" for a in c.children)), None)
            if comp is None:
                continue
            inner = [cands[t.i] for t in comp.subtree if t.i in cands and t.i != tok.i and not cands[t.i].absorbed]
            accepting = comp.lemma_.lower() in self.lx.negation_to_reject
            if not inner and not accepting:
                continue
            conflict = any(c.event_type in ("ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE") for c in inner
                           if c.event_type != "RETREAT")
            etype, cameo = ("THREATEN", "130") if conflict else ("AGREE", "030")
            cands[tok.i] = Candidate(tok, Sense(type=etype, cameo=cameo), "noun", etype, cameo)
            for c in inner:
                c.absorbed = True

    def _violations(self, cands: dict[int, Candidate]) -> None:
        """"X said Y failed to honor the ceasefire": an accusation by X against Y."""
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            violator = None
            if lemma == "fail" and any(c.dep_ == "xcomp" and c.lemma_.lower() in self.lx.violation_fail_complements
                                       for c in tok.children):
                violator = tok
            elif lemma in self.lx.violation_verbs and tok.pos_ == "VERB" and (
                    self._norm(tok) or "").lower() in self.lx.violation_objects:
                violator = tok
            elif lemma == "commit" and any(c.dep_ == "dobj" and BREACHES & {c.lemma_.lower(), *(
                    p.lemma_.lower() for x in c.children if x.lower_ == "of" for p in x.children)}
                                           for c in tok.children):
                violator = tok  # "Israel has committed more than 300 violations since the truce began"
            if violator is None:
                continue
            claimant = self._claimant(tok)
            if claimant is None:
                gov = tok.head.head if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("of", "for") else None
                gov = gov.head if gov is not None and gov.dep_ == "dobj" else gov  # "accused forces of breaking"
                if gov is not None and gov.lemma_.lower() in ("accuse", "blame", "charge", "suspect"):
                    continue  # "accused Russian forces of breaking the truce": what the accusation alleges
                if (lemma in self.lx.violation_verbs and tok.i not in cands) or lemma == "commit":
                    # told as fact, with no one to claim it: the party defied the norm ("has reneged on his
                    # commitment", "violated a ban by General Aoun"), a rejection of it
                    c = Candidate(tok, Sense(type="REJECT", cameo="120"), "verb", "REJECT", "120")
                    cands[tok.i] = c
                continue
            self._spoken(cands, tok, Sense(type="ACCUSE", cameo="112", mode="allege"), claimant, self.subject(tok), tok)

    def _judged_acts(self, cands: dict[int, Candidate]) -> None:
        """"Sybiha condemned the strike", "the State Department condemned the attack on the ship": a statement
        about an act accuses who did it (the act's owner, else the party the text reports doing such acts most),
        and the act it names is not reported anew."""
        for c in cands.values():
            if c.absorbed or c.event_type != "ACCUSE":
                continue
            worry = c.sense.mode == "disapprove" and (c.kind == "noun" or self._object(c.token) is None)
            obj = self._concern_object(c.token) if worry else (self._object(c.token) if c.kind == "verb" else None)
            if obj is None or obj.i == c.token.i:
                continue
            obj = _through_series(obj)  # "condemned a series of attacks on clinics": the attacks
            act = cands.get(obj.i)
            if worry and act is not None and act.kind == "noun":
                act.absorbed = True  # "concern at the attack on the base": the attack is what the concern is about
            types = self._noun_types(obj)
            if not types & {"ASSAULT", "COERCE", "SANCTION"}:
                continue
            owners = [e for e in (act.actor if act is not None else []) if e.country]
            owners = owners or [e for e in self.entities(obj) if e.country]
            owners = owners or self._act_party(types)
            owners = [e for e in owners if e.country not in {a.country for a in c.actor}]
            if owners:
                c.recipient = owners
                if act is not None and act.event_type in ("ASSAULT",) and not act.actor:
                    act.absorbed = True  # the strike condemned is the one reported before, not a new one

    @staticmethod
    def _concern_object(tok):
        """What alarm or concern is about: "alarmed by reports of airstrikes", "its concern at the attack"."""
        for ch in tok.children:
            if ch.dep_ in ("prep", "agent") and ch.lower_ in ("at", "over", "about", "by", "regarding"):
                pobj = next((p for p in ch.children if p.dep_ == "pobj"), None)
                while pobj is not None and pobj.lemma_.lower() in ("report", "claim", "news", "account"):
                    pobj = next((p for x in pobj.children if x.dep_ == "prep" and x.lower_ == "of"
                                 for p in x.children if p.dep_ == "pobj"), None)  # "reports of airstrikes"
                if pobj is not None:
                    return pobj
        return None

    def _depth(self, tok) -> int:
        """How deep ``tok`` sits in its sentence, not counting the report verbs above it: main clauses first."""
        return sum(1 for a in tok.ancestors if a.lemma_.lower() not in self.lx.report_verbs)

    def _noun_types(self, noun) -> set[str]:
        """The event types a noun can name ("strike": ASSAULT)."""
        return {x.type for x in self.lx.nouns.get(noun.lemma_.lower(), ())}

    def _act_party(self, types) -> list[Entity]:
        """Who did the act a noun of these types refers to ("the strike", "the sanctions"): the party the article
        reports doing such acts most."""
        return next((found for t in types if (found := self.disc.main_actor(t))), [])

    def _norm(self, verb) -> str | None:
        """The lemma of what a violation verb breaks: its object, or what it reneges "on"."""
        obj = self._object(verb)
        if obj is None:
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            obj = next((p for p in on.children if p.dep_ == "pobj"), None) if on is not None else None
        return obj.lemma_ if obj is not None else None

    def _blame(self, cands: dict[int, Candidate]) -> None:
        """"Moscow said Kyiv was behind the drone attack", "Israel said Hamas was responsible for the delay": who
        says another party is behind an act accuses it."""
        for tok in self.doc:
            if tok.lemma_.lower() != "be" or tok.i in cands:
                continue
            behind = any(c.dep_ == "prep" and c.lower_ == "behind" for c in tok.children) or any(
                c.dep_ == "acomp" and c.lower_ == "responsible" for c in tok.children)
            if not behind:
                continue
            speaker = self._claimant(tok)
            blamed = [e for e in self.subject(tok) if e.country]
            if speaker is None or not blamed or speaker.country in {e.country for e in blamed}:
                continue
            c = Candidate(tok, Sense(type="ACCUSE", cameo="112", mode="allege"), "verb", "ACCUSE", "112")
            c.actor, c.recipient, c.claimed_by = [speaker], blamed, speaker
            c.depth = self._depth(tok)
            cands[tok.i] = c

    def _verdicts(self, cands: dict[int, Candidate]) -> None:
        """"The Kremlin said the sanctions were illegal", "Kyiv called the strike a war crime": a party that calls
        another's act illegal or a crime accuses it. The act's party is whoever did the last act the noun names
        ("the sanctions": the EU that adopted them), else what the complement's subject names."""
        for tok in self.doc:
            if tok.lemma_.lower() not in self.lx.verdicts or tok.pos_ not in ("ADJ", "NOUN") or tok.i in cands:
                continue
            verb = tok.head
            if verb.lemma_.lower() == "be" and tok.dep_ in ("acomp", "attr"):
                speaker, act = self._claimant(verb), next((c for c in verb.children if c.dep_ in SUBJ), None)
            else:  # "called the strike a war crime", "described the tariffs as blackmail", however attached
                verb = next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in JUDGE_VERBS),
                            None)  # (past a noun the parser took for a verb: "called the US measures an ...")
                # "called the raid on Novorossiysk an act of terrorism": the parser may hang the verdict on the
                # object as an apposition ("an act of ...")
                named_as = verb is not None and any(
                    a.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in a.children)
                    for a in tok.ancestors if a.i != verb.i and verb in a.ancestors)
                if verb is None or _verdict_hops(tok, verb) > (7 if named_as else 3) or (
                        self._object(verb) is None and any(c.dep_ in ("prep", "prt") and c.lower_ in (
                            "on", "for", "upon") for c in verb.children)):
                    continue  # not "called on Israel to end the violation of the truce": a request
                speaker, act = next(iter(self.subject(verb)), None), self._object(verb)
                if act is not None and tok in act.subtree and not named_as:
                    continue  # "condemned the violation of the truce": what is condemned, not a verdict on it
            if speaker is None or act is None or any(t.dep_ == "neg" for t in verb.children):
                continue
            named = [e for e in self.entities(act) if e.country and e.country != speaker.country]
            answered = self.lx.answered_acts.get(act.lemma_.lower())
            if not named and answered:  # "this demand": whoever made the last demand told ("demanded that ...")
                named = self.disc.last_doer(*answered, {speaker.country})
            if not named:  # "the sanctions", "the strike": the party the article reports doing such acts
                named = self._act_party(self._noun_types(act))
            # "This demand is unacceptable", "called the plan a non-starter": a proposal judged is turned down
            sense = Sense(type="REJECT", cameo="120") if act.lemma_.lower() in PROPOSALS else \
                Sense(type="ACCUSE", cameo="111", mode="disapprove")
            # (the act is what is judged, not reported anew)
            self._spoken(cands, verb, sense, speaker, [e for e in named if e.country != speaker.country], act)

    def _evidence(self, cands: dict[int, Candidate]) -> None:
        """A speaker who says an act shows what a party is ("Peskov said the drone attacks showed that Kyiv is not
        interested in peace", "the strike proves Moscow wants no ceasefire") charges that party: an accusation by
        the speaker against the party the conclusion names, else against the act's doer. The act is what is
        judged, not reported anew."""
        for tok in self.doc:
            if tok.lemma_.lower() not in EVIDENCE_VERBS or tok.pos_ != "VERB" or (
                    tok.i in cands and cands[tok.i].event_type != "PROTEST"):  # ("demonstrated that": no rally)
                continue
            act = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            told = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if act is None or told is None or not self._noun_types(act) & _ACTS_JUDGED:
                continue
            speaker = self._claimant(tok)
            if speaker is None or not speaker.country:
                continue
            concluded = next((c for c in told.children if c.dep_ in SUBJ), None)
            named = [e for e in self.entities(concluded) if e.country and e.country != speaker.country] \
                if concluded is not None else []
            named = named or [e for e in self.entities(act) if e.country and e.country != speaker.country] or \
                [e for e in self._act_party(self._noun_types(act) & _ACTS_JUDGED) if e.country != speaker.country]
            if not named:
                continue
            self._spoken(cands, tok, Sense(type="ACCUSE", cameo="111", mode="disapprove"), speaker, named, act)

    def _spoken(self, cands: dict[int, Candidate], tok, sense: Sense, speaker: Entity, aimed: list[Entity],
                judged) -> None:
        """Code at ``tok`` an act of ``speaker``'s towards ``aimed`` (a charge, a demand); what it judges or asks
        (the phrase headed by ``judged``) is not reported anew."""
        c = Candidate(tok, sense, "verb", sense.type, sense.cameo)
        c.actor, c.recipient, c.claimed_by = [speaker], aimed, speaker
        c.depth = self._depth(tok)
        for t in judged.subtree:
            if t.i in cands:
                cands[t.i].absorbed = True
        cands[tok.i] = c

    def _casualty_verbs(self, cands: dict[int, Candidate]) -> None:
        """"Israeli strikes killed several people" reports the strikes, not a second event; "the earthquake
        killed 3,000" and "were killed in the fighting" report no new event; "a car bomb killed ten" has an
        unknown actor; a verb whose named subject is no party at all is not an event."""
        for c in cands.values():
            tok = c.token
            if c.kind != "verb" or c.actor:  # (parties a construction already gave: a verdict, a violation)
                continue
            participle = tok.dep_ in ("acl", "relcl") or (
                tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(x.dep_ in SUBJ for x in tok.children))
            if c.event_type == "ASSAULT" and participle and any(
                    t.i in cands and cands[t.i].event_type == "SANCTION" for t in tok.head.subtree if t.i < tok.i):
                c.absorbed = True  # "a package of sanctions targeting tankers": what the sanctions reach
                continue
            if tok.lemma_.lower() in ("kill", "wound", "injure", "damage", "destroy") and tok.dep_ == "advcl" and \
                    tok.tag_ == "VBG" and \
                    tok.head.i in cands and cands[tok.head.i].event_type == "ASSAULT" and \
                    not any(x.dep_ in SUBJ for x in tok.children):
                c.absorbed, c.absorbed_into = True, cands[tok.head.i]  # "attacked Kharkiv, killing five": its toll
                continue
            if tok.lemma_.lower() in ("wound", "injure", "hurt", "maim") and tok.dep_ in ("conj", "acl") and any(
                    o.event_type == "ASSAULT" and o is not c and not o.absorbed for o in cands.values()):
                c.absorbed = True  # "a woman was killed and two men wounded": the same attack's toll
                continue
            subj = next((x for x in tok.children if x.dep_ in SUBJ), None)
            passive = any(x.dep_ == "auxpass" for x in tok.children)
            if tok.dep_ == "relcl" and passive and any(t.lower_ == "whose" for t in tok.subtree if t.i < tok.i):
                c.absorbed = True  # "residents whose homes were damaged": who they are, not a new attack
                continue
            if subj is not None and tok.dep_ == "relcl" and subj.lower_ in RELATIVE:
                subj = tok.head
            elif subj is not None and subj.lower_ in RELATIVE and c.event_type == "ASSAULT":
                # "a drone attack on Kyiv on Wednesday morning that killed two people", parsed as a clause of its
                # own: the attack named just before it
                before = [x for x in cands.values() if x.kind == "noun" and x.event_type == "ASSAULT"
                          and x.token.i < subj.i and not x.absorbed]
                if before:
                    c.absorbed, c.absorbed_into = True, max(before, key=lambda x: x.token.i)
                    continue
            if subj is not None and not passive and subj.i in cands and cands[subj.i].kind == "noun":
                # "a prisoner swap freed 175 soldiers", "Israeli strikes killed several people": one event
                c.absorbed = True
                c.absorbed_into = cands[subj.i]
                continue
            if c.event_type == "AID" and subj is not None and not passive and subj.lemma_.lower() in FACILITIES:
                c.absorbed = True  # "a substation that supplies the hospital", "the plant supplied the army": a thing
                continue
            if c.event_type not in ("ASSAULT", "COERCE"):
                continue
            if tok.lemma_.lower() in ("die", "perish") or (passive and not any(x.dep_ == "agent" for x in
                                                                              tok.children)):
                attack = self._attack_when(tok, cands)
                if attack is not None:
                    # "two soldiers were killed when Pakistani troops opened fire", "three people died when a
                    # missile struck": the toll of that attack
                    c.absorbed, c.absorbed_into = True, attack
                    continue
            if subj is not None and not passive:
                lemma = subj.lemma_.lower()
                if lemma in self.lx.calamities:
                    c.absorbed = True
                elif lemma in self.lx.weapons or lemma in PLATFORMS or subj.pos_ == "PRON" or subj.lower_ in RELATIVE:
                    continue  # "its aircraft struck back": a force's machines act for it
                elif not (self.entities(subj) and self._agentive(subj)) and not self.personal(subj):
                    c.absorbed = True  # "inflation is killing businesses", "the series attacks the Kremlin"
            elif passive and not any(x.dep_ == "agent" for x in tok.children) and \
                    tok.lemma_.lower() in TOLL_VERBS:  # (not "munitions were dropped in an armed conflict")
                for p in tok.children:
                    if p.dep_ != "prep":
                        continue
                    objs = [o for o in p.children if o.dep_ == "pobj"]
                    if p.lower_ == "since" or (p.lower_ in ("in", "during") and any(
                            o.lemma_.lower() in self.lx.calamities or o.i in cands for o in objs)):
                        c.absorbed = True
                        for o in objs:
                            if o.i in cands:
                                c.absorbed_into = cands[o.i]

    @staticmethod
    def _attack_when(tok, cands: dict[int, Candidate]) -> Candidate | None:
        """The attack a "when" or "as" clause of a casualty verb (or of the verb it is joined to) reports."""
        for v in [tok, *(x for x in tok.children if x.dep_ == "conj")]:
            for cl in v.children:
                if cl.dep_ != "advcl" or not any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as")
                                                 for m in cl.children):
                    continue
                for t in cl.subtree:
                    if t.i in cands and cands[t.i].event_type == "ASSAULT" and not cands[t.i].absorbed:
                        return cands[t.i]
        return None

    def _background(self, cands: dict[int, Candidate]) -> None:
        """Event nouns that only date or label something ("since the invasion", "the anniversary of the war",
        "operational information regarding the Russian invasion"), or that a copula describes as already reported
        ("The attack was one of the heaviest")."""
        for c in cands.values():
            if c.event_type != "ASSAULT" and _aside(c.token):
                c.absorbed = True  # "Cuba, which has hosted several rounds, reiterated ...": what a party is known by
        for c in cands.values():
            if c.kind != "noun":
                continue
            tok = c.token
            if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in JUDGING_VERBS \
                    and self._judges_an_act(tok.head.head, cands):
                c.absorbed = True  # "condemned the strike as a deliberate attack": what the strike is called
                continue
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("be", "remain", "seem", "become", "appear",
                                                                     "need", "require") and \
                    any(d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those") for d in tok.children):
                c.absorbed = True  # "The attack was one of the heaviest": said of the attack already reported
                continue
            if tok.dep_ in ("dobj", "pobj") and (tok.head if tok.dep_ == "dobj" else tok.head.head).lemma_.lower() \
                    in STUDY_VERBS and any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in tok.children):
                c.absorbed = True  # "while they study the sanctions", "comply with the restrictions": told before
                continue
            if c.event_type == "CONSULT" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in OBSTRUCT_VERBS:
                c.absorbed = True  # "stalling the negotiations": the talks are what is obstructed, not new talks
                continue
            if self._told_before(c):
                c.absorbed = True  # "a survivor of the attack", "after the strike": the one reported before
                continue
            if c.event_type == "RETREAT" and c.sense.mode == "ceasefire" and not self._truce_made(tok):
                c.absorbed = True  # "move toward a ceasefire", "respected the truce": a truce named, not made
                continue
            for a in c.token.ancestors:
                if a.lower_ in ("since", "regarding", "concerning") or a.lemma_.lower() == "anniversary":
                    c.absorbed = True
                    break
                if a.pos_ in ("VERB", "AUX"):
                    break

    def _truce_made(self, noun) -> bool:
        """Whether a noun of a pause in fighting ("ceasefire", "truce", "silence regime") reports one made, kept or
        begun: the object of a verb that makes one ("declared a truce", "called a ceasefire"), the subject of one
        that starts or keeps it ("a local truce will hold from 10:00", "the ceasefire took effect"), or a
        headline's noun ("Truce in Sumy from 10:00"). Named anywhere else ("pressed Moscow to move toward a
        ceasefire", "a violation of the ceasefire", "during a local ceasefire", "since the truce began") it is
        the background of another clause."""
        head = noun.head
        if noun.dep_ == "ROOT" or (noun.dep_ in ("appos", "conj") and head.dep_ == "ROOT" and head.pos_ != "VERB"):
            return True
        if noun.dep_ in ("nsubj", "nsubjpass"):
            if any(c.dep_ == "mark" for c in head.children) or head.dep_ in ("advcl", "relcl", "acl"):
                return False  # "since the truce began", "after the ceasefire took effect"
            return head.lemma_.lower() in (TRUCE_STARTS if noun.dep_ == "nsubj" else TRUCE_MAKERS)
        return (self._governor(noun) or "") in TRUCE_MAKERS

    @staticmethod
    def _things_given(verb, person) -> set[str]:
        """What a verb of giving hands a person the parser took for its object: "handed her counterpart, Dmytro
        Lubinets, a list of 500 civilians" (the list hangs on the apposition or stands beside the person)."""
        out = set()
        for t in [*verb.children, *person.children]:
            for x in [t, *t.children]:
                if x.i != person.i and x.dep_ in ("dobj", "appos", "npadvmod", "attr", "oprd") and x.pos_ == "NOUN":
                    out.add(x.lemma_.lower())
        return out

    def _judges_an_act(self, verb, cands) -> bool:
        """Whether a verb of judging has an act as its object ("condemned the strike", "described it"), so that
        its "as ..." renames that act; not "what Moscow described as a drone attack", which reports one."""
        obj = next((x for x in verb.children if x.dep_ == "dobj"), None)
        if obj is None:
            return False
        return obj.i in cands or obj.lemma_.lower() in self.lx.nouns or obj.lower_ in ("it", "this", "that")

    def _stances(self, cands: dict[int, Candidate]) -> None:
        """What a party says it does or does not do as a rule, of a kind of target, is a stance, not an act:
        "Moscow denies targeting civilians", "its strikes target only military sites", "the group does not
        target civilian supply routes" (a habit in the present, or denied, of a bare plural)."""
        for c in cands.values():
            tok = c.token
            if c.event_type != "ASSAULT" or c.kind != "verb" or c.absorbed:
                continue
            obj = next((x for x in tok.children if x.dep_ == "dobj"), None)
            if obj is None or obj.tag_ not in ("NNS", "NNPS") or any(
                    x.dep_ in ("det", "nummod", "poss") for x in obj.children):
                continue  # "denied shelling the town", "struck 41 bombers": an act
            only = any(x.lower_ == "only" for x in [*tok.children, *obj.children])
            habit = tok.tag_ in ("VBZ", "VBP") and (only or any(x.dep_ == "neg" for x in tok.children))
            denied = tok.tag_ == "VBG" and tok.head.lemma_.lower() in DENIAL
            if habit or denied:
                c.absorbed = True

    def _told_before(self, c: Candidate) -> bool:
        """A bare definite event noun after "of" a noun or after "after"/"following" ("a survivor of the attack",
        "hours after the strike") names an event of its type the article has already reported."""
        tok = c.token
        if c.event_type not in self.disc.types_seen or tok.dep_ != "pobj" or not any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in tok.children):
            return False
        if any(d.dep_ not in ("det", "amod", "punct", "compound") for d in tok.children):
            return False  # "the attack on the market", "the strike that killed": says what it was
        prep = tok.head
        return (prep.lower_ == "of" and prep.head.pos_ == "NOUN") or prep.lower_ in (
            "after", "following", "before", "during", "amid", "despite")

    def _conditions(self, cands: dict[int, Candidate]) -> None:
        """The condition of a coded event is its terms, not a second event: "will withdraw unless a ceasefire is
        arranged", "would meet him if he gave them a veto". A condition on nothing coded stays, hypothetical:
        "if Russia attacks a NATO member, the alliance will respond"."""
        for c in cands.values():
            for a in [c.token, *c.token.ancestors]:
                if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in a.children):
                    c.absorbed = c.absorbed or a.head.i in cands
                    break

    def _protest_demands(self, cands: dict[int, Candidate]) -> None:
        """A protest's demand is what the protest is about, not a second event: "students staged demonstrations
        to demand reforms", "Kurds demonstrated, calling for independence", "joined protesters in demanding"."""
        for c in cands.values():
            if c.event_type != "REQUEST" or c.kind != "verb" or c.token.dep_ not in ("advcl", "xcomp", "pcomp", "acl"):
                continue
            gov = c.token.head.head if c.token.dep_ == "pcomp" else c.token.head
            near = [gov, *(x for x in gov.children if x.dep_ in ("dobj", "nsubj", "pobj", "attr"))]
            near += [p for x in gov.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj"]
            if any(t.i in cands and cands[t.i].event_type == "PROTEST" for t in near):
                c.absorbed = True

    def _talk_topics(self, cands: dict[int, Candidate]) -> None:
        """What talks are about is no second event: "officials met in Riyadh to discuss a ceasefire at sea",
        "negotiations on a ceasefire", "produced no breakthrough on a truce"."""
        for c in cands.values():
            tok = c.token
            if c.kind == "noun" and c.event_type != "CONSULT" and tok.dep_ == "pobj" and \
                    tok.head.lower_ in ("on", "over", "about", "regarding") and (
                    tok.head.head.lemma_.lower() in TALK_HEADS or any(  # "produced no breakthrough on a truce"
                        x.dep_ == "dobj" and x.lemma_.lower() in TALK_HEADS for x in tok.head.head.children)):
                c.absorbed = True
        for c in list(cands.values()):
            if c.event_type != "CONSULT" or c.kind != "verb":
                continue
            for purpose in c.token.children:
                if purpose.dep_ in ("advcl", "xcomp") and purpose.lemma_.lower() in TOPIC_VERBS:
                    for t in purpose.subtree:
                        if t.i != c.token.i and t.i in cands and cands[t.i].kind == "noun":
                            cands[t.i].absorbed = True

    def _obligations(self, cands: dict[int, Candidate]) -> None:
        """"X said Y must do Z": a demand by X on Y (the clause's own triggers are its content)."""
        for tok in self.doc:
            if tok.pos_ not in ("VERB", "AUX") or not any(
                    c.dep_ == "aux" and c.lower_ in OBLIGATION_WORDS for c in tok.children):
                continue
            if _inverted_condition(tok):
                continue  # "should Vilnius go ahead": a condition, not what Vilnius should do
            claimant = self._claimant(tok)
            target = self.subject(tok)
            if claimant is None or not target or (claimant.country and claimant.country in {
                    e.country for e in target}):
                continue  # (one side saying what it must do itself is no demand on another)
            self._spoken(cands, tok, Sense(type="REQUEST", cameo="100"), claimant, target, tok)

    def _commitment(self, c: Candidate) -> None:
        """A party's statement of what it will do is a commitment (AGREE) or a threat (THREATEN), as CAMEO
        codes "express intent to cooperate" and "threaten"; the status stays planned or intended."""
        if c.kind == "verb" and not c.future and c.status == "hypothetical" and c.event_type in ("ASSAULT",
                                                                                                "COERCE"):
            said = self._claimant(c.token)  # "Medvedev said Russia could use nuclear weapons if ...": a party's
            own = {e.country for e in c.actor if e.country}  # own side saying what it could do threatens it
            if said is not None and said.country and said.country in own:
                c.event_type, c.cameo, c.status = "THREATEN", "130", "occurred"  # the threat is made
            return
        if c.kind != "verb" or not c.future or c.event_type in ("AGREE", "THREATEN", "REQUEST", "REJECT",
                                                                        "ACCUSE"):
            return
        if c.event_type == "CONSULT" and (not self._pledged(c) or c.token.lemma_.lower() == "host"):
            # a meeting or a call the report schedules is that meeting, planned: "will discuss ... with"; and an
            # offer to host talks is the hosting, intended ("ready to host a meeting of the two presidents")
            return
        if any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in ch.children)
               for ch in c.token.children):
            c.event_type, c.cameo = "THREATEN", "139"  # "will withdraw its force unless ...": an ultimatum
            return
        if c.event_type == "SANCTION" and _conditional(c.token):
            c.event_type, c.cameo = "THREATEN", "130"  # "would expel its diplomats should Chisinau go ahead"
            return
        if c.event_type == "SANCTION":
            return  # "announced it would suspend aid": a measure decided, planned (CAMEO codes the measure)
        if c.event_type == "AID" and not _conditional(c.token) and not self._ready(c.token):
            # "said Germany would deliver more IRIS-T systems to Ukraine": the delivery, planned (being "ready to
            # contribute troops" stays a willingness, AGREE)
            return
        obj = self._object(c.token)
        if c.event_type == "RETREAT" and c.sense.mode == "withdraw" and obj is not None and \
                obj.lemma_.lower() in INVOLVEMENT:
            c.event_type, c.cameo = "THREATEN", "136"  # "will withdraw its inspectors": halting involvement
            return
        if c.event_type == "MOBILIZE" and not _conditional(c.token):
            return  # "1,200 soldiers will be sent to Cauca": a deployment planned, not a threat (unless conditional)
        if c.event_type in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST"):
            c.event_type, c.cameo = "THREATEN", "130"
        else:
            c.event_type, c.cameo = "AGREE", "030"

    @staticmethod
    def _offer_to_host(c: Candidate) -> None:
        """"Erdogan offered to host the next round in Istanbul": an offer whose content is hosting talks is that
        hosting, intended (a go-between's act, as when it is "ready to host" them)."""
        if c.event_type != "AGREE" or c.kind != "verb" or c.token.lemma_.lower() not in ("offer", "propose"):
            return
        if any(ch.dep_ == "xcomp" and ch.lemma_.lower() == "host" for ch in c.token.children):
            c.event_type, c.cameo, c.status = "CONSULT", "043", "intended"

    def _pledged(self, c: Candidate) -> bool:
        """Whether a party states its own intent ("Hamas said it would meet the mediators if ...", "said they
        would attend"), or makes it conditional: a commitment, not a meeting on the calendar."""
        if any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in ch.children)
               for ch in c.token.children):
            return True
        said = self._claimant(c.token)
        return said is not None and bool(said.country) and said.country in {e.country for e in c.actor}

    @staticmethod
    def _ready(tok) -> bool:
        return tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and tok.head.lemma_.lower() in READY

    def _absorb(self, cands: dict[int, Candidate]) -> None:
        """Mark triggers that are the content of another trigger (its object or its complement)."""
        for c in list(cands.values()):
            if c.kind == "noun" and not c.absorbed and c.event_type in ("REQUEST", "THREATEN", "AGREE", "REJECT"):
                # "the demand that Ukrainian troops pull out", "a call for troops to withdraw": what is asked
                clauses = [ch for ch in c.token.children if ch.dep_ in ("acl", "ccomp") and ch.pos_ in ("VERB", "AUX")]
                nxt = c.token.nbor(1) if c.token.i + 1 < len(self.doc) else None
                if nxt is not None and nxt.lower_ == "to" and nxt.head.dep_ == "advcl" and nxt.head.i == c.token.i + 2:
                    clauses.append(nxt.head)  # "shook hands on a deal to repatriate ...", hung on the verb
                for ch in clauses:
                    for t in ch.subtree:
                        if t.i in cands and t.i != c.token.i:
                            cands[t.i].absorbed = True
                continue
            if c.absorbed or c.kind != "verb" or c.event_type == "ACCUSE" and c.sense.mode == "allege" and \
                    c.token.lemma_.lower() in ("fail",):
                continue
            tok = c.token
            if c.event_type == "AGREE" and tok.lemma_.lower() in PROMISE_VERBS and any(
                    ch.dep_ in ("xcomp", "ccomp") and ch.lemma_.lower() in RESPONSE_VERBS for ch in tok.children):
                c.event_type, c.cameo = "THREATEN", "130"  # "vowed to respond forcefully", "pledged to avenge"
            inner_roots = []
            obj = self._object(tok)
            if obj is not None:
                inner_roots.append(obj)
            if c.event_type in ("SUPPORT", "CONCEDE", "PROTEST", "REQUEST", "REJECT", "THREATEN", "SANCTION"):
                # the grievance or the reason: "protest over the halt to talks", "thanked X for cooperating"
                inner_roots.extend(p for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in GRIEVANCE_PREPS
                                   for p in ch.children)
            for ch in tok.children:
                if ch.dep_ in COMPLEMENT_DEPS:
                    inner_roots.append(ch)
                elif ch.dep_ in ("advcl", "acl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in ch.children):
                    inner_roots.append(ch)
            for root in inner_roots:
                for t in root.subtree:
                    if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBD", "VBZ", "VBP") and \
                            root.dep_ not in COMPLEMENT_DEPS and (t.dep_ == "acl" or any(
                                x.dep_ == "nsubj" and x.lower_ not in RELATIVE for x in t.children)):
                        continue  # a finite verb the parser hung on the object is a clause of its own ("a
                        # memorandum, which Kyiv rejected as an ultimatum": Kyiv's rejection)
                    if t.i != tok.i and t.i in cands and not self._is_allegation(c, cands[t.i]):
                        cands[t.i].absorbed = True
                        if c.event_type == "AGREE" and (root.dep_ == "xcomp" or _to_clause(root) or (
                                root.dep_ == "ccomp" and tok.lemma_.lower() in PROMISE_VERBS)) and \
                                _verb_chain(t, root) and not _ceasing(t, root) and \
                                cands[t.i].event_type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
                            c.event_type, c.cameo = "THREATEN", "130"  # "vowed to retaliate", "to keep targeting"
                        elif c.event_type == "AGREE" and cands[t.i].event_type == "THREATEN":
                            c.event_type, c.cameo = "THREATEN", "130"  # "vowed to take necessary measures"
                        elif c.event_type == "AGREE" and root is obj and cands[t.i].event_type == "SANCTION" and \
                                tok.lemma_.lower() in ("approve", "adopt", "endorse", "pass", "back"):
                            c.event_type, c.cameo = "SANCTION", cands[t.i].cameo  # "approved its 19th sanctions
                            # package": the measure is what was approved

    def _giver(self, c: Candidate) -> list[Entity]:
        """Who gave what the subject received: "from Russia", else the last other party named."""
        obj = self._object(c.token)
        for ch in [*c.token.children, *(obj.subtree if obj is not None else ())]:
            if ch.dep_ == "prep" and ch.lower_ == "from":  # "received the remains of two hostages from Hamas"
                found = [e for p in ch.children if p.dep_ == "pobj" for e in self.entities(p) if e.country]
                if found:
                    return found
        own = {e.country for e in c.actor if e.country}
        if c.event_type == "RETREAT" and len(own) == 1:
            # "Ukraine received 1,000 bodies": captives come back from the side their country fights, not from a
            # mediator named last
            home = next(iter(own))
            foe = self.disc.war_foe(home, self.res.gaz.enemies_of(home))
            if foe:
                return [self.disc.last_of(foe)]
        other = self.disc.other_party(own, countries_only=True) if own else None
        return [other] if other is not None else []

    def _asked(self, c: Candidate) -> list[Entity]:
        """Who a demand or a call is made of when its clause names them: "its demand that Armenia amend its
        constitution"."""
        if c.kind != "noun" or c.event_type != "REQUEST":
            return []
        for ch in c.token.children:
            if ch.dep_ in ("acl", "ccomp") and ch.pos_ in ("VERB", "AUX"):
                subj = next((x for x in ch.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                found = [e for e in self.entities(subj) if e.country] if subj is not None else []
                if found:
                    return found
        return []

    def _threatened(self, c: Candidate, cands: dict[int, Candidate]) -> list[Entity]:
        """Who a threat with no one named is aimed at: the target of the attack it promises ("vowed to keep
        targeting ships bound for Israeli ports")."""
        if c.event_type != "THREATEN" or c.kind != "verb":
            return []
        for t in c.token.subtree:
            inner = cands.get(t.i)
            if inner is not None and inner is not c and inner.absorbed and inner.kind == "verb" and \
                    inner.event_type in ("ASSAULT", "COERCE", "SANCTION"):
                found = [e for e in self.recipient(inner) if e.country]
                # "ships bound for Israeli ports": a party named further down the target's phrase
                obj = self._object(inner.token)
                for n in (x for x in (obj.subtree if obj is not None else ()) if x.dep_ == "pobj"):
                    if found:
                        break
                    found = [e for e in self.entities(n) if e.country]
                if found:
                    return found
        return []

    def _is_allegation(self, outer: Candidate, inner: Candidate) -> bool:
        return outer.event_type == "ACCUSE" and (inner.token.dep_ == "pcomp" or (
            inner.token.dep_ == "pobj" and inner.token.head.lower_ in ("of", "for")))

    def _negation(self, c: Candidate) -> bool:
        """Apply negation: a refusal becomes REJECT, anything else is negated. True when status is settled."""
        tok = c.token
        if c.kind == "noun":
            if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in tok.children):
                c.status = "negated"  # "No strikes were carried out against civilian facilities"
                return True
            gov = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if gov is not None and any(ch.dep_ == "neg" for ch in gov.children) and \
                    gov.lemma_.lower() in self.lx.negation_to_reject:
                c.event_type, c.cameo, c.status = "REJECT", "120", "occurred"
                return True
            return False
        negated = any(ch.dep_ == "neg" for ch in tok.children)
        if not negated and tok.dep_ == "xcomp":
            negated = any(ch.dep_ == "neg" for ch in tok.head.children) and \
                tok.head.lemma_.lower() in self.lx.control_verbs
        if not negated:
            return False
        future = any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "wo", "shall", "'ll", "ca", "can", "could")
                     for ch in tok.children)
        refusal = tok.lemma_.lower() in self.lx.negation_to_reject or (
            future and QUAD_COOPERATIVE.get(c.event_type, False))
        if refusal and c.event_type != "REJECT":
            c.event_type, c.cameo = "REJECT", "120"
            c.status = "occurred"
        else:
            c.status = "negated"
        return True

    def _status(self, c: Candidate) -> str:
        tok = c.token
        chain = [tok]
        t = tok
        if c.kind == "noun" and c.event_type in _PLANNED_NOUNS:
            np = tok  # the phrase the noun heads or qualifies: "a sanctions package", "a package of sanctions"
            while np.dep_ == "compound" or (
                    np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ == "NOUN"):
                np = np.head if np.dep_ == "compound" else np.head.head
            if np.dep_ in ("dobj", "nsubjpass") and np.head.pos_ in ("VERB", "AUX"):
                t = np.head  # "will present a 19th sanctions package": the verb's modal
                chain.append(t)
        elif c.kind == "noun" and c.event_type == "RETREAT" and tok.dep_ == "nsubjpass" and tok.head.pos_ == "VERB":
            t = tok.head  # "a further swap was being prepared" (not "will open a corridor": the promise, AGREE)
            chain.append(t)
        while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            chain.append(t)
        for t in chain:
            for ch in t.children:
                if ch.dep_ == "aux" and ch.lower_ in MODAL_STATUS:
                    if ch.lower_ == "would" and self._claimant(tok) is not None:
                        c.future = True
                        return "planned"  # reported speech: "said they would boycott" is their "will"
                    c.future = MODAL_STATUS[ch.lower_] == "planned"
                    return MODAL_STATUS[ch.lower_]
                if ch.dep_ == "mark" and ch.lower_ in ("if", "unless"):
                    return "hypothetical"
            if t.i != tok.i and t.lemma_.lower() in self.lx.control_verbs and _controls(t, chain):
                if c.event_type == "ASSAULT" and t.lemma_.lower() in ATTEMPT_VERBS and t.tag_ in ("VBD", "VBN", "VBG"):
                    # an attack tried is an attack made, repelled or not: "the enemy tried to advance four times"
                    return "ongoing" if t.tag_ == "VBG" else "occurred"
                return self.lx.control_verbs[t.lemma_.lower()]
        if self._ready(tok):
            c.future = True
            return "intended"
        if tok.dep_ in ("xcomp", "ccomp", "pcomp") and tok.head.lemma_.lower() in DENIAL and not answers(tok, tok.head):
            return "negated"
        t = tok
        while t.dep_ in ("pobj", "pcomp") and t.head.dep_ == "prep":
            if t.head.lower_ in ("without", "instead"):
                return "negated"  # "the talks ended without agreement on a truce", "left without signing"
            t = t.head.head
        if any(ch.dep_ == "prep" and ch.lower_ == "without" and any(
                x.type == c.event_type for p in ch.children for x in self.lx.nouns.get(p.lemma_.lower(), ()))
                for ch in tok.children):
            return "negated"  # the clause that ended "without agreement" is the agreement that did not happen
        if c.kind == "verb":
            if tok.tag_ == "VBG" and any(ch.dep_ == "aux" and ch.lemma_ == "be" for ch in tok.children):
                return "ongoing"
            if tok.lemma_.lower() in ("continue",):
                return "ongoing"
        else:
            mods = {ch.lower_ for ch in tok.children}
            if mods & {"any", "possible", "potential", "future", "hypothetical"}:
                return "hypothetical"
            if mods & {"ongoing", "continuing", "continued"}:
                return "ongoing"
            if mods & {"planned", "upcoming", "proposed", "future", "next", "possible", "potential"}:
                return "planned"
            head = tok.head
            if head.lemma_.lower() in ("continue", "resume") or any(
                    ch.lower_ in ("ongoing", "underway", "continuing") for ch in head.children if ch.dep_ in
                    ("acomp", "attr", "advmod")):
                return "ongoing"
        return "occurred"

    def _needs(self, cands: dict[int, Candidate]) -> None:
        """Drop senses whose 'needs' is not met: a meeting needs someone to meet ('partner'); a warning, a
        threat, blame or help needs a party or an event as its content ('content': "warned Russia",
        "condemned the attack", "threatened to strike"), not a topic ("warned that growth may slow")."""
        for c in cands.values():
            if c.absorbed:
                continue
            if c.sense.needs == "content":
                tok = c.token
                obj = self._object(tok)
                if obj is None and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
                    obj = tok.head  # "a step Beijing condemned": what the relative clause is about
                inner = any(x.absorbed and tok.i in [a.i for a in x.token.ancestors] for x in cands.values())
                has_party = obj is not None and obj.pos_ != "PRON" and bool(self.entities(obj))
                has_event = obj is not None and obj.i in cands
                threat = c.event_type == "THREATEN" and (
                    (tok.lemma_.lower() == "threaten" and any(ch.dep_ == "xcomp" for ch in tok.children)) or any(
                        ch.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll")
                                                   for a in ch.children) for ch in tok.children))
                if not (inner or has_party or has_event or threat or c.recipient):
                    c.absorbed = True
                continue
            if c.sense.needs != "partner":
                continue
            if c.recipient or len({e.country for e in c.actor}) >= 2 or any(
                    ch.dep_ == "prep" and ch.lower_ in ("with", "between") for ch in c.token.children):
                continue
            if c.kind == "verb" and c.token.tag_ in ("VBD", "VBZ", "VBP", "VBN") and any(
                    e.text.lower().endswith(("leaders", "sides", "ministers", "countries", "delegations"))
                    for e in c.actor):
                continue
            c.absorbed = True
