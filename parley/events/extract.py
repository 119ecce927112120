"""Clause-level event extraction over a dependency parse.

For each parsed sentence: find trigger words (verbs and event nouns), read their arguments from the parse
(subject, object, passive agent, prepositional partners; subjects inherited through xcomp/conj/relcl), decide
which triggers are the content of another (the object of "halt attacks", the complement of "agreed to"),
and what kind of statement each is (reported by whom, negated, planned, hypothetical, ongoing).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from parley.actors.resolve import ActorResolver, Mention
from parley.events.arguments import parties, phrase_tokens, place_objects
from parley.events.discourse import Discourse
from parley.events.lexicon import Lexicon, Sense
from parley.model import Entity

SUBJ = {"nsubj", "csubj"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "npadvmod"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj", "attr"}
PARTNER_PREPS = {"with", "to", "against", "on", "at", "upon", "from", "toward", "towards", "into", "over"}
NOUN_PARTNER_PREPS = {"with", "on", "against", "to", "between", "at", "upon", "toward", "towards", "into", "of",
                      "for"}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
RELATIVE = {"who", "which", "that", "whom"}
MODAL_STATUS = {"could": "hypothetical", "might": "hypothetical", "may": "hypothetical", "would": "hypothetical",
                "should": "hypothetical", "must": "hypothetical", "will": "planned", "shall": "planned",
                "'ll": "planned", "wo": "planned", "ca": "hypothetical"}
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "persuade", "allow", "tell", "invite", "press", "help",
                  "encourage", "compel", "pressure", "push", "authorize", "instruct", "request", "want"}
QUAD_COOPERATIVE = {t: t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
                    for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their", "we"}
DENIAL = {"deny", "dismiss", "refute", "rebut"}
READY = {"ready", "willing", "prepared", "determined", "eager", "keen", "set", "poised"}
WEAPON_OBJECTS = {"missile", "rocket", "drone", "shell", "bomb", "projectile", "round", "salvo", "munition", "mortar",
                  "weapon", "uav", "ballistic", "cruise", "artillery"}
GRIEVANCE_PREPS = {"for", "over", "against", "about", "on"}
MEDIATION = {"help", "assistance", "mediation", "support", "aid", "backing", "participation", "involvement"}
GROUP_WORDS = {"leader", "side", "country", "nation", "party", "government", "president", "state", "neighbour",
               "neighbor", "rival", "foe", "adversary", "delegation", "army", "minister"}


@dataclass
class Candidate:
    """A trigger being turned into an event."""

    token: object
    sense: Sense
    kind: str  # "verb" or "noun"
    event_type: str
    cameo: str
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    object_head: object = None
    status: str = "occurred"
    claimed_by: Entity | None = None
    absorbed: bool = False
    inferred_recipient: bool = False
    depth: int = 0
    future: bool = False
    absorbed_into: "Candidate | None" = None  # the status comes from "will"/"would" or "ready to": a commitment or a threat


_QUANTIFIERS = {"some", "most", "many", "all", "part", "dozen", "dozens", "hundred", "hundreds", "thousand",
               "thousands", "several", "one", "two", "three", "half", "none", "each", "any", "few", "number"}


def _head_lemma(tok) -> str:
    """The lemma that says what a phrase is: "59 of the missiles" and "dozens of protesters" by their "of"."""
    if tok.pos_ == "NUM" or tok.lemma_.lower() in _QUANTIFIERS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj.lemma_.lower()
    return tok.lemma_.lower()


def _fits(word: str, ents: list[Entity]) -> bool:
    """Whether a pronoun can stand for these entities ("it" is not a named person, "he" is one)."""
    if word in ("it", "its"):
        return len(ents) == 1 and not (ents[0].name and ents[0].sector in ("GOV",) and " " in (ents[0].name or "")
                                       and ents[0].text == ents[0].name)
    return True


class SentenceExtractor:
    """Extracts candidates from one parsed sentence. One instance per sentence; cheap to build."""

    def __init__(self, doc, lexicon: Lexicon, resolver: ActorResolver, mentions: dict[int, Mention],
                 discourse: Discourse):
        self.doc = doc
        self.lx = lexicon
        self.res = resolver
        self.mentions = mentions
        self.disc = discourse
        self._subj_cache: dict[int, list[Entity]] = {}
        self._resolving: set[int] = set()  # pronouns being resolved (a pronoun inside its own antecedent)

    # ------------------------------------------------------------------ entities
    def entities(self, head) -> list[Entity]:
        """Entities named by the noun phrase headed by ``head`` (coreference included)."""
        if head is None:
            return []
        if head.pos_ == "PRON" or head.lower_ in RELATIVE:
            if head.lower_ in RELATIVE and head.dep_ in SUBJ | PASS_SUBJ:
                rel = head.head
                if rel.dep_ == "relcl":
                    return self.entities(rel.head)
            return self._pronoun(head)
        out: list[Entity] = []
        seen = set()
        for party in parties(head):
            for e in self._party_entities(party):
                key = (e.country, e.sector)
                if key not in seen:
                    seen.add(key)
                    out.append(e)
        if not out or all(e.country is None for e in out):
            group = self._group_reference(head)
            if group:
                return group
        if out and all(e.country is None for e in out):
            # "troops from NATO countries": an agent's origin names its country
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    origin = [e for e in self.entities(pobj) if e.country] if pobj is not None else []
                    if origin:
                        return [Entity(text=e.text, country=origin[0].country, sector=e.sector, name=e.name,
                                       start=e.start, end=e.end) for e in out]
        if not out:
            for c in head.children:  # "negotiators from Russia and the United States"
                if c.dep_ == "prep" and c.lower_ == "from":
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    origin = [e for e in self.entities(pobj) if e.country] if pobj is not None else []
                    if origin:
                        return origin
        if not out:
            for p in place_objects(head):
                for party in parties(p):
                    e = self.res.entity(party, self.mentions)
                    if e is not None and e.country:
                        span = self.doc[head.left_edge.i:head.i + 1]
                        out.append(Entity(text=span.text, country=e.country, sector=None, start=span.start_char,
                                          end=span.end_char))
                        break
                if out:
                    break
        return out

    def _pronoun(self, pron) -> list[Entity]:
        """A pronoun subject in what someone says is, first, the speaker ("Hungary said it will support");
        otherwise the last fitting party named before it in the sentence, then earlier in the article."""
        word = pron.lower_
        if word not in PRONOUNS or pron.i in self._resolving:
            return []
        self._resolving.add(pron.i)
        try:
            return self._resolve_pronoun(pron, word)
        finally:
            self._resolving.discard(pron.i)

    def _resolve_pronoun(self, pron, word: str) -> list[Entity]:
        t = pron.head
        while t.head.i != t.i:
            t = t.head
            if t.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in t.children if c.dep_ in SUBJ), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i < pron.i:
                ents = self.entities(subj)
                if ents and _fits(word, ents):
                    return ents
                break
        before = [m for i, m in sorted(self.mentions.items()) if i < pron.i and m.country]
        for m in reversed(before):
            ent = Entity(text=self.doc[m.start:m.end].text, country=m.country, sector=m.sector, name=m.name)
            if _fits(word, [ent]) and (word not in ("he", "she", "his", "her", "him") or m.kind == "person"):
                return [ent]
        return self.disc.pronoun(word)

    def _party_entities(self, party) -> list[Entity]:
        persons = {}
        for t in party:
            m = self.mentions.get(t.i)
            if m is not None and m.kind in ("person", "country") and t.dep_ != "poss" and not (
                    m.kind == "country" and self.doc[m.end - 1].dep_ in ("poss", "compound", "amod")):
                persons[m] = None
        countries = {m.country for m in persons}
        if len(countries) > 1:  # a parse that glued two named people or countries into one phrase
            out = []
            for m in persons:
                span = self.doc[m.start:m.end]
                out.append(Entity(text=span.text, country=m.country, sector=m.sector, name=m.name,
                                  start=span.start_char, end=span.end_char))
            return out
        e = self.res.entity(party, self.mentions)
        if e is not None and e.country is None:
            owner = next((t for t in party if t.dep_ == "poss" and t.lower_ in PRONOUNS), None)
            ref = self._pronoun(owner) if owner is not None else []
            if ref and ref[0].country:
                e = Entity(text=e.text, country=ref[0].country, sector=e.sector, name=e.name, start=e.start,
                           end=e.end)
        if e is not None and any(t.lower_ == "ethnic" for t in party):
            e = self._ethnic(e, party)
        return [e] if e is not None else []

    def _ethnic(self, e: Entity, party) -> Entity:
        """"ethnic Albanians in Serbia" are coded by where they live: the other country the sentence names."""
        inside = {t.i for t in party}
        others = [m for i, m in sorted(self.mentions.items()) if i not in inside and m.country
                  and m.country != e.country and m.kind in ("country", "capital")]
        if not others:
            return e
        return Entity(text=e.text, country=others[0].country, sector=e.sector, name=e.name, start=e.start,
                      end=e.end)

    def _group_reference(self, head) -> list[Entity]:
        """"the two leaders", "both sides", "the two countries": the last group of two or more parties."""
        if head.lemma_.lower() not in GROUP_WORDS:
            return []
        words = {c.lower_ for c in head.children}
        if words & {"two", "both", "three", "all"} or head.lower_ in {"sides"}:
            # "sides" are the parties to a conflict: the last two countries named; "leaders" the last group
            return self.disc.group(prefer_pair=head.lemma_.lower() in ("side", "party", "rival", "foe", "adversary"))
        return []

    # ------------------------------------------------------------------ triggers
    def sense_for(self, tok) -> tuple[str, Sense] | None:
        lemma = tok.lemma_.lower()
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

    def _object(self, tok):
        for c in tok.children:
            if c.dep_ in OBJ:
                return c
        if any(c.dep_ == "auxpass" for c in tok.children):
            for c in tok.children:
                if c.dep_ in PASS_SUBJ:
                    return c
        return None

    def _match_verb(self, tok, senses) -> Sense | None:
        obj = self._object(tok)
        obj_lemma = _head_lemma(obj) if obj is not None else None
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent")}
        for s in senses:
            if s.prt and not (s.prt & preps):
                continue
            if s.obj and obj_lemma not in s.obj:
                continue
            if s.not_obj and obj_lemma in s.not_obj:
                continue
            if s.needs == "object" and obj is None:
                continue
            if s.needs == "complement" and not any(c.dep_ in COMPLEMENT_DEPS for c in tok.children):
                continue
            if s.needs == "dative" and not any(c.dep_ == "dative" for c in tok.children):
                continue
            if s.needs == "no_object" and obj is not None:
                continue
            if s.needs == "passive_agent" and not any(c.dep_ == "agent" for c in tok.children):
                continue
            if s.needs == "actor_object" and (obj is None or obj.pos_ == "PRON" or not self.entities(obj)):
                continue
            return s
        return None

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
            if s.plural and not tok.lower_.endswith("s"):
                continue
            if s.gov and self._governor(tok) not in s.gov:
                continue
            return s
        return None

    def _governor(self, noun) -> str | None:
        """Lemma of the verb that takes ``noun`` as its object ("reached a deal", "opened an inquiry into")."""
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "obj") and head.pos_ in ("VERB", "AUX", "NOUN"):
            return head.lemma_.lower()
        if noun.dep_ == "pobj" and head.head.pos_ == "VERB":
            return head.head.lemma_.lower()
        return None

    # ------------------------------------------------------------------ arguments
    def subject(self, tok) -> list[Entity]:
        """The entities acting in the clause of verb ``tok`` (inherited through xcomp, conj and relcl)."""
        if tok.i in self._subj_cache:
            return self._subj_cache[tok.i]
        self._subj_cache[tok.i] = []
        out: list[Entity] = []
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                out = self.entities(pobj)
        elif subj is not None:
            out = self.entities(subj)
        elif tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)):
            head = tok.head
            if head.lemma_.lower() in OBJECT_CONTROL and self._object(head) is not None:
                out = self.entities(self._object(head))
            else:
                out = self.subject(head) if head.pos_ in ("VERB", "AUX") else self._noun_owner(head)
        elif tok.dep_ in ("conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            out = self.subject(tok.head)
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            out = self.entities(tok.head)  # "the leaders, who spoke"; "von der Leyen, visiting Kyiv"
        elif tok.dep_ == "pcomp" and tok.head.head is not None:
            gov = tok.head.head  # "accused Russia of attacking": the accused acts
            if gov.lemma_.lower() in ("accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise"):
                out = self.entities(self._object(gov))
            elif gov.pos_ == "VERB":
                out = self.subject(gov)
        self._subj_cache[tok.i] = out
        return out

    def _noun_owner(self, noun, cooperative: bool = True) -> list[Entity]:
        """Who owns an event noun: its possessor, its nationality adjective, the parties "between" whom it
        is, its "by" agent, or the clause around it. A country name used as a modifier ("the Ukraine
        invasion") is the target of a conflict noun, not its owner."""
        for c in noun.children:
            if c.dep_ == "poss":
                return self.entities(c)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                ents = self.entities(pobj)
                if len(ents) >= 2:
                    return ents
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("amod", "compound", "nmod")]
        for c in modifiers:
            if c.i in self.mentions:
                m = self.mentions[c.i]
                if not cooperative and m.kind in ("country", "capital") and c.dep_ == "compound":
                    continue
                e = self.res.entity([c], self.mentions)
                if e is not None:
                    return [e]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.entities(pobj)
        if not cooperative and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                                   for c in noun.children):
            earlier = self.disc.last_actor(self.lx.nouns[noun.lemma_.lower()][0].type
                                           if noun.lemma_.lower() in self.lx.nouns else "ASSAULT")
            if earlier:
                return earlier  # "the strikes killed 31 civilians": the strikes reported before
        # the clause around it: "X carried out a swap", "after a call, X and Y agreed", "X said talks ...";
        # a speaker is a party to the talks they report, not to the attacks they report
        t = noun
        while t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() in self.lx.report_verbs and not cooperative:
                    return []
                for c in t.children:  # "clashes took place between X and Y"
                    if c.dep_ == "prep" and c.lower_ == "between":
                        ents = self.entities(next((p for p in c.children if p.dep_ == "pobj"), None))
                        if len(ents) >= 2:
                            return ents
                subj = next((c for c in t.children if c.dep_ in SUBJ), None)
                if subj is not None and noun in subj.subtree:
                    continue  # the noun is (in) the subject: look further up
                ents = self.subject(t)
                if ents:
                    return ents
        return []

    def _noun_target(self, noun) -> list[Entity]:
        """A country name modifying a conflict noun is its target ("the Ukraine invasion")."""
        for c in noun.children:
            m = self.mentions.get(c.i)
            if c.dep_ == "compound" and m is not None and m.kind in ("country", "capital"):
                e = self.res.entity([c], self.mentions)
                if e is not None:
                    return [e]
        return []

    def recipient(self, cand: Candidate) -> list[Entity]:
        tok = cand.token
        if cand.kind == "noun":
            holders = [tok]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
                holders.append(tok.head.head)  # "a package of sanctions against Russia"
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in NOUN_PARTNER_PREPS and not (h is not tok and c.lower_ == "of"):
                        for p in c.children:
                            if p.dep_ == "pobj" and p.i != tok.i:
                                ents = self.entities(p)
                                if ents:
                                    return ents
            return []
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        obj = self._object(tok) if not passive else next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)
        if obj is not None and _head_lemma(obj) in self.lx.weapons | WEAPON_OBJECTS:
            # "launched missiles at Kyiv", "fired drones on the city": the object is the weapon
            for holder in [obj, *[x for x in obj.children if x.dep_ == "conj"]]:
                for c in holder.children:
                    if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "into", "toward", "towards"):
                        for p in c.children:
                            ents = self.entities(p) if p.dep_ == "pobj" else []
                            if ents:
                                return ents
            obj = None
        if obj is not None:
            ents = self.entities(obj)
            if ents:
                return ents
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is not None:
                ents = self.entities(owner)
                if ents:
                    return ents
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "with", "to", "from", "against", "on", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            ents = self.entities(p)
                            if ents:
                                return ents
        for c in tok.children:
            if c.dep_ in ("dative",):
                target = c if c.pos_ != "ADP" else next((p for p in c.children if p.dep_ == "pobj"), None)
                ents = self.entities(target)
                if ents:
                    return ents
            if c.dep_ in ("prep",) and c.lower_ in PARTNER_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() not in MEDIATION:
                        ents = self.entities(p)
                        if ents:
                            return ents
        # "help manage Ukraine's plants", "threatened to cut off power to X", "demanded that the US cancel":
        # the complement clause names the party
        for c in tok.children:
            if c.dep_ == "ccomp" and cand.event_type in ("REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE"):
                subj = next((x for x in c.children if x.dep_ in SUBJ), None)
                ents = [e for e in self.entities(subj) if e.country not in {a.country for a in cand.actor}] \
                    if subj is not None else []
                if ents:
                    return ents
            if c.dep_ == "xcomp":
                inner = Candidate(c, cand.sense, "verb", cand.event_type, cand.cameo, actor=cand.actor)
                ents = self.recipient(inner)
                if ents:
                    return ents
                o = self._object(c)
                if o is not None:
                    ents = self.entities(next((x for x in o.children if x.dep_ == "poss"), None))
                    if ents:
                        return ents
        return []

    # ------------------------------------------------------------------ the sentence
    def candidates(self) -> list[Candidate]:
        """Every event this sentence reports, arguments resolved, main clause first."""
        cands: dict[int, Candidate] = {}
        for tok in self.doc:
            found = self.sense_for(tok)
            if found is None:
                continue
            kind, sense = found
            cands[tok.i] = Candidate(tok, sense, kind, sense.type, sense.cameo)
        self._violations(cands)
        self._obligations(cands)
        self._casualty_verbs(cands)
        self._background(cands)
        self._absorb(cands)
        self._intent_nouns(cands)
        for c in cands.values():
            if c.absorbed or c.actor or c.recipient:
                continue
            coop = QUAD_COOPERATIVE.get(c.event_type, False)
            c.actor = self.subject(c.token) if c.kind == "verb" else self._noun_owner(c.token, coop)
            c.recipient = self.recipient(c) or (self._noun_target(c.token) if c.kind == "noun" and not coop
                                                else [])
            if not self._negation(c):
                c.status = self._status(c)
                self._commitment(c)
            if c.claimed_by is None:
                c.claimed_by = self._claimant(c.token)
            c.depth = sum(1 for a in c.token.ancestors if a.lemma_.lower() not in self.lx.report_verbs)
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
        self._needs(cands)
        return sorted((c for c in cands.values() if not c.absorbed), key=lambda c: (c.depth, c.token.i))

    def _intent_nouns(self, cands: dict[int, Candidate]) -> None:
        """"readiness to stop attacks", "willingness to accept": an AGREE (or THREATEN) by the noun's owner."""
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lx.intent_nouns or tok.i in cands:
                continue
            comp = next((c for c in tok.children if c.dep_ in ("acl", "xcomp", "relcl")
                         and any(a.lower_ == "to" for a in c.children)), None)
            if comp is None:
                continue
            inner = [cands[t.i] for t in comp.subtree if t.i in cands and not cands[t.i].absorbed]
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
            elif lemma in self.lx.violation_verbs and tok.pos_ == "VERB" and self._object(tok) is not None and \
                    self._object(tok).lemma_.lower() in self.lx.violation_objects:
                violator = tok
            if violator is None:
                continue
            claimant = self._claimant(tok)
            if claimant is None:
                continue
            c = Candidate(tok, Sense(type="ACCUSE", cameo="112", mode="allege"), "verb", "ACCUSE", "112")
            c.actor = [claimant]
            c.recipient = self.subject(tok)
            c.claimed_by = claimant
            c.depth = sum(1 for a in tok.ancestors if a.lemma_.lower() not in self.lx.report_verbs)
            for t in tok.subtree:
                if t.i in cands:
                    cands[t.i].absorbed = True
            cands[tok.i] = c

    def _casualty_verbs(self, cands: dict[int, Candidate]) -> None:
        """"Israeli strikes killed several people" reports the strikes, not a second event; "the earthquake
        killed 3,000" and "were killed in the fighting" report no new event; "a car bomb killed ten" has an
        unknown actor; a verb whose named subject is no party at all is not an event."""
        for c in cands.values():
            tok = c.token
            if c.kind != "verb":
                continue
            subj = next((x for x in tok.children if x.dep_ in SUBJ), None)
            passive = any(x.dep_ == "auxpass" for x in tok.children)
            if subj is not None and tok.dep_ == "relcl" and subj.lower_ in RELATIVE:
                subj = tok.head
            if subj is not None and not passive and subj.i in cands and cands[subj.i].kind == "noun":
                # "a prisoner swap freed 175 soldiers", "Israeli strikes killed several people": one event
                c.absorbed = True
                c.absorbed_into = cands[subj.i]
                continue
            if c.event_type not in ("ASSAULT", "COERCE"):
                continue
            if subj is not None and not passive:
                lemma = subj.lemma_.lower()
                if lemma in self.lx.calamities:
                    c.absorbed = True
                elif lemma in self.lx.weapons or subj.pos_ == "PRON" or subj.lower_ in RELATIVE:
                    continue
                elif not self.entities(subj) or not self._agentive(subj):
                    c.absorbed = True  # "inflation is killing businesses", "the series attacks the Kremlin"
            elif passive and not any(x.dep_ == "agent" for x in tok.children):
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

    def _agentive(self, head) -> bool:
        """Whether a subject names a party (a known name, an agent word: "members of the UDPS party"), not
        a thing or an abstraction that merely has a country attached ("Argentina's inflation")."""
        if head.i in self.mentions or head.pos_ == "PROPN" or head.pos_ == "NUM":
            return True
        owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        words = [t for t in phrase_tokens(head) if t.i not in owners]
        return self.res.has_agent(words) or any(t.i in self.mentions and t.i != head.i for t in words)

    def bare_patient(self, c: Candidate) -> Entity | None:
        """The subject phrase of a passive ("a man was killed", "4 journalists were beaten") as an entity of
        unknown country: who it happened to."""
        subj = next((x for x in c.token.children if x.dep_ == "nsubjpass"), None)
        if subj is None or subj.pos_ in ("PRON", "DET") or subj.lower_ in RELATIVE:
            return None
        span = self.doc[subj.left_edge.i:subj.i + 1]
        return Entity(text=span.text, country=None, start=span.start_char, end=span.end_char)

    def bare_subject(self, c: Candidate) -> Entity | None:
        """The subject phrase of a candidate as an entity of unknown country and sector ("taxi drivers",
        "hundreds"), for events that the place they happened in can still anchor; None for pronouns."""
        tok = c.token
        if any(x.dep_ in ("auxpass", "nsubjpass") for x in tok.children):
            return None  # the subject of a passive is who it happened to
        subj = next((x for x in tok.children if x.dep_ in SUBJ), None)
        if subj is None and c.kind == "noun":
            t = tok
            while t.head.i != t.i and subj is None:
                t = t.head
                subj = next((x for x in t.children if x.dep_ in SUBJ and tok not in x.subtree), None) \
                    if t.pos_ in ("VERB", "AUX") else None
        start = None
        if subj is None and c.kind == "verb":
            # a parse that hung the subject elsewhere ("in Morelia, Michoacan, 400 bus drivers protested"):
            # the noun phrase right before the verb
            j = tok.i - 1
            while j >= 0 and self.doc[j].pos_ in ("ADV", "AUX", "PART"):
                j -= 1
            if j >= 0 and self.doc[j].pos_ in ("NOUN", "PROPN") and not self.doc[j].ent_type_ == "DATE":
                subj = self.doc[j]
                start = j
                while start > 0 and self.doc[start - 1].dep_ in ("compound", "amod", "nummod", "quantmod", "det") \
                        and self.doc[start - 1].pos_ != "PUNCT":
                    start -= 1
        if subj is None or subj.pos_ in ("PRON", "DET") or subj.lower_ in RELATIVE:
            return None
        if subj.lemma_.lower() in self.lx.calamities:
            return None
        span = self.doc[(subj.left_edge.i if start is None else start):subj.i + 1]
        return Entity(text=span.text, country=None, start=span.start_char, end=span.end_char)

    def _background(self, cands: dict[int, Candidate]) -> None:
        """Event nouns that only date something ("since the invasion", "the anniversary of the war")."""
        for c in cands.values():
            if c.kind != "noun":
                continue
            for a in c.token.ancestors:
                if a.lower_ == "since" or a.lemma_.lower() == "anniversary":
                    c.absorbed = True
                    break
                if a.pos_ in ("VERB", "AUX"):
                    break

    def _obligations(self, cands: dict[int, Candidate]) -> None:
        """"X said Y must do Z": a demand by X on Y (the clause's own triggers are its content)."""
        for tok in self.doc:
            if tok.pos_ not in ("VERB", "AUX") or not any(
                    c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
                continue
            claimant = self._claimant(tok)
            target = self.subject(tok)
            if claimant is None or not target or claimant.country in {e.country for e in target}:
                continue
            c = Candidate(tok, Sense(type="REQUEST", cameo="100"), "verb", "REQUEST", "100")
            c.actor, c.recipient, c.claimed_by = [claimant], target, claimant
            c.depth = sum(1 for a in tok.ancestors if a.lemma_.lower() not in self.lx.report_verbs)
            for t in tok.subtree:
                if t.i in cands:
                    cands[t.i].absorbed = True
            cands[tok.i] = c

    def _commitment(self, c: Candidate) -> None:
        """A party's statement of what it will do is a commitment (AGREE) or a threat (THREATEN), as CAMEO
        codes "express intent to cooperate" and "threaten"; the status stays planned or intended."""
        if c.kind != "verb" or not c.future or c.event_type in ("AGREE", "THREATEN", "REQUEST", "REJECT",
                                                                        "ACCUSE"):
            return
        if c.event_type in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"):
            c.event_type, c.cameo = "THREATEN", "130"
        else:
            c.event_type, c.cameo = "AGREE", "030"

    @staticmethod
    def _ready(tok) -> bool:
        return tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and tok.head.lemma_.lower() in READY

    def _absorb(self, cands: dict[int, Candidate]) -> None:
        """Mark triggers that are the content of another trigger (its object or its complement)."""
        for c in list(cands.values()):
            if c.absorbed or c.kind != "verb" or c.event_type == "ACCUSE" and c.sense.mode == "allege" and \
                    c.token.lemma_.lower() in ("fail",):
                continue
            tok = c.token
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
                    if t.i != tok.i and t.i in cands and not self._is_allegation(c, cands[t.i]):
                        cands[t.i].absorbed = True
                        if c.event_type == "AGREE" and root.dep_ == "xcomp" and t.i == root.i and \
                                cands[t.i].event_type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
                            c.event_type, c.cameo = "THREATEN", "130"  # "vowed to retaliate"

    def _is_allegation(self, outer: Candidate, inner: Candidate) -> bool:
        return outer.event_type == "ACCUSE" and (inner.token.dep_ == "pcomp" or (
            inner.token.dep_ == "pobj" and inner.token.head.lower_ in ("of", "for")))

    def _negation(self, c: Candidate) -> bool:
        """Apply negation: a refusal becomes REJECT, anything else is negated. True when status is settled."""
        tok = c.token
        if c.kind == "noun":
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
            if t.i != tok.i and t.lemma_.lower() in self.lx.control_verbs:
                return self.lx.control_verbs[t.lemma_.lower()]
        if self._ready(tok):
            c.future = True
            return "intended"
        if tok.dep_ in ("xcomp", "ccomp", "pcomp") and tok.head.lemma_.lower() in DENIAL:
            return "negated"
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

    def _claimant(self, tok) -> Entity | None:
        """Who the text attributes the clause of ``tok`` to: a reporting verb's subject or "according to X"."""
        t = tok
        while True:
            for ch in t.children:
                if ch.dep_ == "prep" and ch.lower_ == "according":
                    to = next((x for x in ch.children if x.lower_ == "to"), None)
                    pobj = next((x for x in (to or ch).children if x.dep_ == "pobj"), None)
                    ents = self.entities(pobj)
                    if ents:
                        return ents[0]
                if ch.dep_ in ("parataxis", "ccomp") and ch.lemma_.lower() in self.lx.report_verbs and ch.i > tok.i:
                    ents = self.subject(ch)
                    if ents:
                        return ents[0]
            if t.head.i == t.i:
                return None
            parent = t.head
            if parent.lemma_.lower() in self.lx.report_verbs and t.dep_ in ("ccomp", "parataxis", "xcomp", "conj",
                                                                             "advcl", "dobj"):
                if t.dep_ != "conj" or parent.lemma_.lower() in self.lx.report_verbs:
                    ents = self.subject(parent)
                    if ents:
                        return ents[0]
            t = parent

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
