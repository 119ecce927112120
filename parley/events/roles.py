"""Who the parties of a clause are: subjects, objects, partners and owners read from the dependency parse.

Subjects pass down xcomp, conj and relative clauses; event nouns take their possessor, nationality
adjective, "between" parties, "by" agent or the clause around them; pronouns and "the two leaders" are
resolved in the sentence first, then in the article (``Discourse``); a speaker's claim is read from
reporting verbs and "according to".
"""
from __future__ import annotations

from dataclasses import dataclass, field

from parley.actors.resolve import SPEAKER_TITLES, ActorResolver, Mention
from parley.events.arguments import parties, phrase_tokens, place_objects
from parley.events.discourse import GROUP_NOUNS, Discourse
from parley.events.discourse import ref as remembered
from parley.events.lexicon import Lexicon, Sense
from parley.model import Entity

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj", "attr"}
PARTNER_PREPS = {"with", "to", "against", "on", "at", "upon", "from", "toward", "towards", "into", "over", "behind"}
NOUN_PARTNER_PREPS = {"with", "on", "against", "to", "between", "at", "upon", "toward", "towards", "into", "of",
                      "for"}
RELATIVE = {"who", "which", "that", "whom"}
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "persuade", "allow", "tell", "invite", "press", "help",
                  "encourage", "compel", "pressure", "push", "authorize", "instruct", "request", "want"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their", "we"}
WEAPON_OBJECTS = {"missile", "rocket", "drone", "shell", "bomb", "projectile", "round", "salvo", "munition", "mortar",
                  "weapon", "uav", "ballistic", "cruise", "artillery", "shahed", "geran", "iskander", "kinzhal",
                  "kalibr", "himars", "atacms", "lancet"}
# Verbs that stop a weapon in flight ("air defences destroyed 27 drones"): their weapon object names the party
# that fired it, and the event is a disrupted attack.
INTERCEPT_VERBS = {"intercept", "destroy", "shoot", "down", "neutralise", "neutralize", "repel", "repulse"}
# Report verbs whose object is the speaker's own act ("Downing Street announced new sanctions").
ANNOUNCE_VERBS = {"announce", "declare", "unveil", "proclaim"}
# Verbs whose subject is who suffered ("six dead, dozens hurt"): never the actor of an event near them.
VICTIM_VERBS = {"hurt", "injure", "wound", "die", "kill", "dead", "perish", "suffer"}
# Heads of the names of bodies, not of people: "the Office has documented ..." is no person named before.
BODY_WORDS = frozenset({"office", "ministry", "department", "council", "committee", "agency", "service", "command",
                        "staff", "headquarters", "administration", "commission", "bureau", "directorate", "mission",
                        "government", "parliament", "army", "navy", "police", "court", "cabinet", "assembly"})
# Verbs of a go-between ("a swap brokered by Turkey", "talks mediated by Qatar").
GO_BETWEEN_VERBS = frozenset({"broker", "mediate", "facilitate", "host"})
# Nouns of talks whose "between" or "with" names their sides ("a new round of talks between A and B").
SIDED_TALKS = {"talk", "negotiation", "meeting", "dialogue", "round", "contact", "summit", "consultation",
               "discussion", "mediation", "conversation", "truce", "ceasefire", "deal", "agreement", "exchange"}
MEDIATION = {"help", "assistance", "mediation", "support", "aid", "backing", "participation", "involvement"}
HOLD_VERBS = frozenset({"hold", "control", "occupy", "run", "man", "seize", "capture"})  # "positions held by"
# What a party issues that can itself urge, warn or accuse: "a statement urging ...", "a decree ordering ...".
PAPERS = {"statement", "communique", "communiqué", "declaration", "letter", "resolution", "message", "note", "post",
          "video", "appeal", "decree", "order", "report", "memorandum"}
NEGOTIATORS = {"delegation", "negotiator", "envoy"}  # who talks for each side: "the two delegations"
WARRING = {"warring", "belligerent", "opposing", "fighting", "rival"}  # the two sides of a war: "the warring parties"
GROUP_WORDS = {"leader", "side", "country", "nation", "party", "government", "president", "state", "neighbour",
               "neighbor", "rival", "foe", "adversary", "delegation", "army", "minister"}


# Verbs of a statement one side makes about or to another: their subject is a speaker.
STATEMENT_VERBS = frozenset({"accuse", "blame", "condemn", "denounce", "urge", "demand", "deny", "reject", "warn",
                             "threaten", "appeal", "call", "insist", "vow", "pledge", "promise", "thank", "criticise",
                             "criticize", "accept", "welcome", "praise", "dismiss", "refuse", "ask"})


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
    instruction: bool = False  # an official's instruction to the public in the imperative ("go down to a shelter")


_QUANTIFIERS = {"some", "most", "many", "all", "part", "dozen", "dozens", "hundred", "hundreds", "thousand",
               "thousands", "several", "one", "two", "three", "half", "none", "each", "any", "few", "number"}


PEOPLE = {"man", "men", "woman", "women", "people", "person", "individual", "group", "member", "youth", "boy",
          "resident", "villager", "assailant", "suspect", "unit", "faction", "force", "cadre", "element", "guard",
          "mob", "crowd", "gang", "bomber", "attacker", "gunman", "kidnapper", "abductor", "looter", "rioter",
          "robber", "thief", "bandit", "vigilante", "assassin", "sniper", "raider"}


def under(noun) -> bool:
    """"came under attack", "were under fire", "fell under shelling", "now face a transaction ban": the verb's
    subject suffers the event."""
    return suffering_verb(noun) is not None


# Verbs whose subject suffers the event their object names ("five banks face a transaction ban").
SUFFERING_VERBS = frozenset({"face", "suffer", "endure", "undergo"})


def suffering_verb(noun):
    """The verb whose subject suffers the event ``noun`` names ("came under attack", "face a ban"), if any."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUFFERING_VERBS:
        return noun.head
    return None


def answers(clause, verb) -> bool:
    """Whether report verb ``verb`` answers ``clause`` rather than reports it: "Kyiv blamed Moscow; Russia denied
    it" (a verb after the clause, past a semicolon or with its own object pronoun) is a reply, not attribution."""
    if verb.i < clause.i:
        return False
    between = clause.doc[clause.i:verb.i]
    if any(t.text == ";" for t in between):
        return True
    if clause.lemma_.lower() in _CHARGING and any(t.lemma_.lower() in _CHARGES for t in between):
        return True  # "Kinshasa accuses Rwanda of backing the M23, a charge Kigali denies": the charge stands
    return any(ch.dep_ == "dobj" and ch.pos_ == "PRON" for ch in verb.children)


# Verbs of judging, mourning or recording an act: their subject is not the act's doer ("the WHO condemned a series
# of attacks on clinics", "the mission documented strikes on schools")
JUDGES_OF_ACTS = frozenset({"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "slam", "lament",
                            "mourn", "document", "investigate", "protest", "regret"})

# Pronouns that stress a subject the clause shares with the one before ("and had itself fired on the town")
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})

# Determiners that take the members of a group one by one ("each delegation", "either side")
_EACH = frozenset({"each", "either", "every"})

# What an authority opens into an act ("an investigation into the strike", "a criminal case over the attack")
INQUIRIES = frozenset({"investigation", "inquiry", "probe", "case", "proceeding", "inquest"})

# Prepositions that set an act in time beside another ("after the attack", "despite the shelling")
_WHEN_PREPS = frozenset({"after", "before", "since", "following", "amid", "despite", "during", "until"})

# Determiners that point back to what the text told before ("the strikes", "these measures")
DEFINITE = frozenset({"the", "these", "those", "this", "that"})

# Words that make an attack one more of those told ("a second strike", "a further drone")
_ONE_MORE = frozenset({"second", "third", "fourth", "further", "subsequent", "follow-up", "renewed", "repeated"})

# Acts that answer a proposal, a demand or a charge: towards its author ("accepted a plan put forward by Egypt")
_ANSWERS_TO_AUTHOR = frozenset({"AGREE", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE"})
_CHARGING = frozenset({"accuse", "blame", "allege", "charge", "claim", "say"})  # verbs that make a charge
_CHARGES = frozenset({"charge", "claim", "accusation", "allegation", "assertion"})  # what a reply calls it


def head_lemma(tok) -> str:
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


# Verbs of making an agreement: in the passive with no agent, the parties it is "between" made it
MADE_BETWEEN = frozenset({"agree", "sign", "reach", "conclude", "seal", "strike", "negotiate", "broker", "extend"})
# Types whose object's owner is whom the act is aimed at even as a pronoun ("shelled their positions")
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE"})


class RoleReader:
    """Reads the parties of clauses in one parsed sentence (the base of ``SentenceExtractor``)."""

    def __init__(self, doc, lexicon: Lexicon, resolver: ActorResolver, mentions: dict[int, Mention],
                 discourse: Discourse):
        self.doc = doc
        self.lx = lexicon
        self.res = resolver
        self.mentions = mentions
        self.disc = discourse
        self._subj_cache: dict[int, list[Entity]] = {}
        self._resolving: set[int] = set()  # pronouns being resolved (a pronoun inside its own antecedent)
        self._places: dict[int, tuple[int, int]] | None = None

    @property
    def places(self) -> dict[int, tuple[int, int]]:
        """The sentence's place phrases (``place_spans``), found on first use."""
        if self._places is None:
            from parley.ground.locate import place_spans
            from parley.ground.places import load_places

            self._places = place_spans(self.doc, self.mentions, load_places())
        return self._places

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
            found = self._pronoun(head)
            for other in (c for c in head.children if c.dep_ == "conj"):  # "he and his Russian counterpart"
                found = found + [e for e in self.entities(other) if e.country not in {x.country for x in found}]
            return found
        group = self._group_of(head)
        if group:
            return group
        if head.lower_ in GROUP_NOUNS and head.pos_ == "NOUN" and all(
                c.dep_ in ("det", "case") and c.lower_ in ("the", "'s") or c.dep_ == "punct" for c in head.children):
            # "In a statement, the group urged the mediators ...": the last armed group, party or NGO named
            earlier = sorted({(m.start, m.end): m for m in self.mentions.values() if m.end <= head.i}.values(),
                             key=lambda m: m.start)
            found = self.disc.last_group([Entity(text=self.doc[m.start:m.end].text, country=m.country,
                                                 sector=m.sector, name=m.name) for m in earlier])
            if found is not None:
                span = self.doc[head.left_edge.i:head.i + 1]
                return [Entity(text=span.text, country=found.country, sector=found.sector, name=found.name,
                               start=span.start_char, end=span.end_char)]
        if head.lower_ in SPEAKER_TITLES:  # "the spokesman for the UN Secretary-General": whom he speaks for
            principal = next((p for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                              for p in c.children if p.dep_ == "pobj"), None)
            found = [e for e in self.entities(principal) if e.country] if principal is not None else []
            if found:
                span = self.doc[head.left_edge.i:head.right_edge.i + 1]
                return [Entity(text=span.text, country=found[0].country, sector=found[0].sector, name=found[0].name,
                               start=span.start_char, end=span.end_char)]
        holder = self._holder(head)
        if holder:
            return holder
        out: list[Entity] = []
        seen = set()
        for party in parties(head):
            if not party:
                continue
            inside = {t.i for t in party}
            root = next((t for t in party if t.head.i not in inside or t.head.i == t.i), party[0])
            if head_lemma(root) in self.lx.weapons | WEAPON_OBJECTS and not inside & set(self.mentions) and not any(
                    t.dep_ == "poss" or t.lower_ in self.res.enemy_words for t in party):
                continue  # "a missile", "the drones": a weapon whose owner the phrase does not name is no party
            for e in self._party_entities(party):
                key = (e.country, e.sector, e.name)  # (two named groups of one kind: "M23 fighters and Wazalendo")
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
                    if origin and len(out) == 1 and len({o.country for o in origin}) > 1:
                        # "delegations from Russia and Ukraine": one for each
                        return [Entity(text=out[0].text, country=o.country, sector=out[0].sector, start=out[0].start,
                                       end=out[0].end) for o in origin]
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
        if not out and head.lemma_.lower() not in self.lx.nouns:
            # people or things of a place ("residents in Kharkiv"); not a deal or talks made there ("an agreement
            # in Doha" is not Qatar's)
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
        if not out and head.pos_ == "NOUN" and all(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
                and any(c.dep_ == "det" for c in head.children):
            # "The coalition said ..." after "The Kivu Health Alliance, a coalition of medical charities": the party
            # named before by that noun
            named = self.disc.same_head(head.lower_)
            if named is not None:
                span = self.doc[head.left_edge.i:head.i + 1]
                return [Entity(text=span.text, country=named.country, sector=named.sector, name=named.name,
                               start=span.start_char, end=span.end_char)]
        return out

    def _pronoun(self, pron) -> list[Entity]:
        """A pronoun subject in what someone says is, first, the speaker ("Hungary said it will support");
        otherwise the last fitting party named before it in the sentence, then earlier in the article."""
        word = pron.lower_
        if word in FIRST_PERSON and self.disc.voice is not None and not any(
                a.lemma_.lower() in self.lx.report_verbs for a in pron.ancestors):
            return [self.disc.voice]  # "I have asked the ministry ..." in a governor's post: the poster
        if word not in PRONOUNS or pron.i in self._resolving:
            return []
        self._resolving.add(pron.i)
        try:
            return self._resolve_pronoun(pron, word)
        finally:
            self._resolving.discard(pron.i)

    def _resolve_pronoun(self, pron, word: str) -> list[Entity]:
        verb = pron.head
        if pron.dep_ == "nsubj" and (verb.lemma_.lower() in self.lx.report_verbs or
                                     verb.lemma_.lower() in STATEMENT_VERBS) and word in ("it", "he", "she") \
                and self.disc.last_speaker is not None and \
                self.disc.sentence - self.disc.last_speaker_sentence <= 1 and not any(
                    m.country for i, m in self.mentions.items() if i < pron.i) and _fits(word, [self.disc.last_speaker]):
            # "Air defence units destroyed 37 drones, it said": the speaker of the last claim, when the sentence
            # names no party before the pronoun
            return [self.disc.last_speaker]
        lead = pron.dep_ == "nsubj" and verb.dep_ == "ROOT" or (
            pron.dep_ == "poss" and verb.dep_ == "nsubj" and verb.head.dep_ == "ROOT")  # "Its forces had ..."
        if lead and word in ("it", "its", "they", "their") and self.disc.last_subject and \
                verb.lemma_.lower() not in self.lx.report_verbs and \
                not any(m.country for i, m in self.mentions.items() if i < pron.i) and \
                _fits(word, self.disc.last_subject):
            # "It also urged Rwanda to ..." after "It urged the M23 ...": a sentence's subject pronoun continues the
            # last sentence's subject (not a party named in passing inside it)
            return [remembered(e) for e in self.disc.last_subject]
        if pron.dep_ in ("dobj", "dative") and verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG":
            # "suspended the broadcaster, accusing it of ...": an object pronoun of a participle is the object
            # of the verb it hangs on, never that verb's own subject
            obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
            if obj is not None and obj.lemma_.lower() in self.lx.nouns:
                # "imposed sanctions on two commanders, accusing them of ...": whom the measure is on
                obj = next((p for h in (obj, verb.head) for c in h.children if c.dep_ == "prep" and
                            c.lower_ in ("on", "against") for p in c.children if p.dep_ == "pobj"), obj)
            ents = self.entities(obj) if obj is not None else []
            if ents and _fits(word, ents):
                return ents
        t = pron.head
        while t.head.i != t.i:
            t = t.head
            if t.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in t.children if c.dep_ in SUBJ), None)
            if subj is not None and subj.pos_ == "PRON" and subj.lower_ == word and subj.i < pron.i:
                return self._pronoun(subj)  # "It said it had deployed ...": the same party as the speaker
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
        if e is None and party[-1].lemma_.lower() == "group":
            e = self._formation(party)
        if e is None and head_lemma(party[-1]) in self.lx.weapons | WEAPON_OBJECTS:
            ref = self._owner(party)  # "its drones hit a pumping station": the drones of whoever "its" is
            if ref and ref[0].country:
                e = Entity(text=self.doc[party[0].i:party[-1].i + 1].text, country=ref[0].country, sector="MIL",
                           start=party[0].idx, end=party[-1].idx + len(party[-1]))
        if e is not None and e.country is None:
            ref = self._owner(party)
            if ref and ref[0].country:
                e = Entity(text=e.text, country=ref[0].country, sector=e.sector, name=e.name, start=e.start,
                           end=e.end)
        if e is not None and any(t.lower_ == "ethnic" for t in party):
            e = self._ethnic(e, party)
        return [e] if e is not None else []

    def _owner(self, party) -> list[Entity]:
        """Who a possessive pronoun in the phrase refers to ("its troops", "their delegation"), if any."""
        owner = next((t for t in party if t.dep_ == "poss" and t.lower_ in PRONOUNS), None)
        return self._pronoun(owner) if owner is not None else []

    def _formation(self, party) -> Entity | None:
        """"Its West group", "their Dnipro group": a group a state's army or ministry owns is a formation of
        its forces (the groups of forces of Russia's defence ministry bulletins)."""
        ref = self._owner(party)
        if not ref or not ref[0].country or ref[0].sector not in ("GOV", "MIL"):
            return None
        return Entity(text=self.doc[party[0].i:party[-1].i + 1].text, country=ref[0].country, sector="MIL",
                      start=party[0].idx, end=party[-1].idx + len(party[-1]))

    def _ethnic(self, e: Entity, party) -> Entity:
        """"ethnic Albanians in Serbia" are coded by where they live: the other country the sentence names."""
        inside = {t.i for t in party}
        others = [m for i, m in sorted(self.mentions.items()) if i not in inside and m.country
                  and m.country != e.country and m.kind in ("country", "capital")]
        if not others:
            return e
        return Entity(text=e.text, country=others[0].country, sector=e.sector, name=e.name, start=e.start,
                      end=e.end)

    def _holder(self, head) -> list[Entity]:
        """"positions held by the SDF", "areas controlled by the RSF": places of a party are that party's."""
        if head.pos_ not in ("NOUN",):
            return []
        for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in HOLD_VERBS):
            agent = next((a for a in acl.children if a.dep_ == "agent"), None)
            pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
            found = [e for e in self.entities(pobj) if e.country] if pobj is not None else []
            if found:
                return found
        return []

    def _group_of(self, head) -> list[Entity]:
        """"the foreign ministers of both countries", "the directors general of military operations of the two
        armies": people of a group of parties stand for the group."""
        t = head
        for _ in range(3):
            holders = [t, *(a for a in t.children if a.dep_ == "amod")]  # "the directors general of"
            pobj = next((p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                return []
            group = self._group_reference(pobj)
            if group:
                return group
            t = pobj
        return []

    def _group_reference(self, head) -> list[Entity]:
        """"the two leaders", "both sides", "the two countries": the last group of two or more parties; so is
        "the two" or "both" standing alone as a clause's subject ("the two had agreed to keep working")."""
        if head.lower_ in ("two", "both") and head.dep_ in ("nsubj", "nsubjpass") and not any(
                c.dep_ == "prep" for c in head.children) and (head.lower_ == "both" or any(
                    c.lower_ == "the" for c in head.children)):
            return self.disc.group(prefer_pair=False)
        words = {c.lower_ for c in head.children}
        if head.lemma_.lower() in NEGOTIATORS and self.disc.last_talks and (
                (head.lower_ != head.lemma_.lower() and words & {"two", "both", "the"}) or words & _EACH):
            return self.disc.talks()  # "the two delegations", "the negotiators", "each delegation": the last talks'
        if head.lemma_.lower() not in GROUP_WORDS:
            return []
        if words & WARRING or (head.lower_ == "parties" and words == {"the"}) or (
                head.lemma_.lower() in ("party", "side") and any(
                c.dep_ == "prep" and c.lower_ in ("to", "in", "of") and any(
                    p.lemma_.lower() in ("conflict", "war", "fighting") for p in c.children) for c in head.children)):
            return self.disc.group(prefer_pair=True)  # "the warring parties", "the parties to the conflict"
        if words & ({"two", "both", "three", "all"} | _EACH) or head.lower_ in {"sides"} or (
                words == {"the"} and head.lower_ in ("delegations", "negotiators", "leaders")):
            # "sides" are the parties to a conflict: the last two countries named; "leaders" the last group
            return self.disc.group(prefer_pair=head.lemma_.lower() in ("side", "party", "rival", "foe", "adversary"))
        return []

    # ------------------------------------------------------------------ triggers
    def _object(self, tok):
        for c in tok.children:
            if c.dep_ in OBJ:
                return c
        if any(c.dep_ == "auxpass" for c in tok.children):
            for c in tok.children:
                if c.dep_ in PASS_SUBJ:
                    return c
        if tok.dep_ == "relcl" and tok.i > tok.head.i and any(
                c.dep_ in SUBJ and c.lower_ not in RELATIVE for c in tok.children) and \
                not any(c.dep_ in ("prep", "dative") and c.i > tok.i and not list(c.children) for c in tok.children):
            return tok.head  # an object relative: "a step Beijing condemned" condemned the step
        return None

    def subject(self, tok) -> list[Entity]:
        """The entities acting in the clause of verb ``tok`` (inherited through xcomp, conj and relcl)."""
        if tok.i in self._subj_cache:
            return self._subj_cache[tok.i]
        self._subj_cache[tok.i] = []
        out: list[Entity] = []
        subjects = [c for c in tok.children if c.dep_ in SUBJ]
        # of two subjects a parse gave one verb ("Lebanese troops ... deployed ..., after Israeli forces withdrew"),
        # the one next to it
        subj = max((c for c in subjects if c.i < tok.i), key=lambda c: c.i, default=None) if len(subjects) > 1 \
            else next(iter(subjects), None)
        # a participle after its noun is passive too: "the swap, mediated by the UAE"
        passive = any(c.dep_ == "auxpass" for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")
        root = tok.sent.root
        if tok.dep_ == "acl" and root.pos_ in ("PROPN", "NOUN") and not any(c.dep_ == "agent" for c in tok.children) \
                and (tok.tag_ == "VBD" or (tok.head.i == root.i and (any(
                    c.dep_ == "punct" and c.i < tok.i for c in root.children) or not any(
                    t.pos_ in ("VERB", "AUX") and t.i != tok.i and t.dep_ != "amod" for t in tok.sent)))):
            # "Turkish Foreign Minister Hakan Fidan, who opened the session, called on the delegations to ...", or
            # "Ukrainian units counterattacked near Torske" with no other verb: a sentence whose root the parser
            # left a noun; its participle is the predicate, the noun its subject
            out = self.entities(root)
            self._subj_cache[tok.i] = out
            return out
        if not subjects and tok.tag_ == "VBG" and tok.dep_ in SUBJ:
            # "Fighting between the Arakan Army and the military intensified": a gerund named as a happening is
            # between the parties it names
            out = self._prep_parties(tok, ("between",))
            if len(out) < 2:
                out = []
            self._subj_cache[tok.i] = out
            return out
        if passive:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                out = self.entities(pobj)
            elif (subj := next((c for c in tok.children if c.dep_ in PASS_SUBJ), subj)) is not None and \
                    tok.lemma_.lower() in MADE_BETWEEN:
                # "The truce between Druze factions and Bedouin fighters was agreed late on Tuesday": those it is
                # between made it
                out = self._prep_parties(subj, ("between",))
                if not out:
                    # "The pause was agreed late on Monday after days of indirect contacts between Israel and
                    # Hamas": the sides of the talks that led to it
                    inside = {t.i for t in subj.subtree}
                    out = [e for c in tok.children if c.dep_ == "prep" and c.i not in inside
                           for t in c.subtree if t.lemma_.lower() in SIDED_TALKS
                           for e in self._prep_parties(t, ("between",))]
        elif subj is not None and subj.lower_ in REFLEXIVES and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            out = self.subject(tok.head)  # "Russia had staged the incident and had itself fired on Nikopol"
        elif subj is not None:
            weapon = self._bare_weapon(subj)
            out = [] if weapon else self.entities(subj)
            if not out and not weapon and subj.pos_ == "NOUN":
                out = self._owned(subj)
            if not out and weapon and self._told_again(subj) and any(
                    x.type == "ASSAULT" for x in self.lx.verbs.get(tok.lemma_.lower(), ())):
                # "the strikes killed four people", "a second strike hit the same area": the attack told before
                out = self.disc.last_actor("ASSAULT")
            if not out and subj.pos_ == "PROPN" and subj.lower_ not in BODY_WORDS and \
                    not any(c.dep_ in ("det", "compound", "poss") for c in subj.children):
                # "Syniehubov accused ..." after "according to regional governor Oleh Syniehubov": the person named
                # before, by the last word of the name
                named = self.disc.same_head(subj.text)
                if named is not None and subj.lower_ == named.text.split()[-1].lower():
                    out = [Entity(text=subj.text, country=named.country, sector=named.sector, name=named.name,
                                  start=subj.idx, end=subj.idx + len(subj.text))]
            if not out and subj.ent_type_ == "PERSON":
                # "Head of the regional military administration Oleh Hryhorov called on ...": the parser leaves the
                # title before the name hanging on the verb; the title says who the person is
                title = next((c for c in tok.children if c.dep_ in ("npadvmod", "nmod") and c.i < subj.i and
                              c.i == subj.left_edge.i - len(list(c.subtree))), None)
                sector = self.res.sector_of_words(title.subtree) if title is not None else None
                if sector is not None:
                    span = self.doc[title.left_edge.i:subj.right_edge.i + 1]
                    out = [Entity(text=span.text, country=None, sector=sector, start=span.start_char,
                                  end=span.end_char)]
        elif tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)):
            head = tok.head
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and tok.dep_ == "xcomp":
                out = self.entities(raised)  # "Zelensky and Putin are expected to meet": the passive's subject meets
            elif head.lemma_.lower() in OBJECT_CONTROL and self._object(head) is not None:
                out = self.entities(self._object(head))
            else:
                out = self.subject(head) if head.pos_ in ("VERB", "AUX") else self._noun_owner(head)
        elif tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):
            out = self.subject(tok.head)  # "it was deeply alarmed by ...": the copula's subject
        elif tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and tok.head.tag_ == "VBG" and tok.head.dep_ in (
                "pcomp", "pobj") and (finite := next((a for a in tok.head.ancestors
                                                      if a.tag_ in ("VBD", "VBZ", "VBP")), None)) is not None:
            # "accused Moscow of deliberately targeting homes and called on Washington to ...": the parser joined
            # the second finite verb to the gerund; it is the accuser's
            out = self.subject(finite)
        elif tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "when", "unless", "once", "after", "while") for m in tok.children):
            out = []  # "would respond if attacked again": the subject it shares is who would be attacked, not by whom
        elif tok.dep_ in ("conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            out = self.subject(tok.head)
            speaker = next((c for c in tok.head.children if c.dep_ in ("parataxis", "ccomp") and c.i < tok.i and
                            c.lemma_.lower() in self.lx.report_verbs), None) if tok.tag_ == "VBG" else None
            if not out and speaker is not None:
                # "nine people were killed ..., the government said, blaming the Arakan Army": who spoke blames
                out = self.subject(speaker)
            said = ([a for a in tok.ancestors if a.lemma_.lower() in self.lx.report_verbs and
                     a.pos_ in ("VERB", "AUX")] or [None])[-1]  # the outermost: who made the whole statement
            obj = self._object(tok)
            if tok.dep_ == "conj" and said is not None and tok.lemma_.lower() in STATEMENT_VERBS and (
                    not any(e.country for e in out) or (obj is not None and obj.lower_ in ("it", "them", "him", "her"))
                    or (tok.tag_ == "VBD" and tok.head.tag_ in ("VBG", "VB"))):
                # (a past verb joined to what was said in another tense, "said Russia was playing for time and
                # called on ...", "said Moscow would strike again and urged ...": the speaker's own act)
                # ("said the group would pay and accused it of ...": who is accused is not who accuses)
                # "the ministry said the men showed signs of torture, and accused Moscow of ...", "the ICRC said it
                # could not establish who fired and called on both sides to ...": the parse joined the second
                # statement to what was said; the one who spoke makes it
                out = self.subject(said) or out
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            out = self.entities(tok.head)  # "the leaders, who spoke"; "von der Leyen, visiting Kyiv"
            paper = tok.head
            if not out and tok.dep_ == "acl" and paper.lemma_.lower() in PAPERS:
                # "issued a joint statement urging Washington ...": whoever issued it urges
                owner = next((c for c in paper.children if c.dep_ == "poss"), None)
                out = self.entities(owner) if owner is not None else (
                    self.subject(paper.head) if paper.dep_ == "dobj" and paper.head.pos_ == "VERB" else [])
        elif tok.dep_ == "pcomp" and tok.head.head is not None:
            gov = tok.head.head  # "accused Russia of attacking": the accused acts
            if gov.lemma_.lower() in ("accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise"):
                out = self.entities(self._object(gov))
            elif gov.pos_ == "VERB":
                out = self.subject(gov)
        self._subj_cache[tok.i] = out
        return out

    def _owned(self, noun) -> list[Entity]:
        """A subject known only as its owner's ("its special unit destroyed two bombers", "their engineers
        repaired the line"): of the owner's country, the owner being whom the pronoun means."""
        poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        owner = [e for e in self._pronoun(poss) if e.country] if poss is not None else []
        if not owner:
            return []
        span = self.doc[noun.left_edge.i:noun.i + 1]
        return [Entity(text=span.text, country=owner[0].country, start=span.start_char, end=span.end_char)]

    @staticmethod
    def _told_again(phrase) -> bool:
        """Whether a phrase names what the text told before: by a definite article or a demonstrative ("the
        strikes", "these drones") or as one more of them ("a second strike", "another drone")."""
        return any((c.dep_ == "det" and c.lower_ in DEFINITE | {"another"}) or
                   (c.dep_ == "amod" and c.lower_ in _ONE_MORE) for c in phrase.children)

    def _bare_weapon(self, phrase) -> bool:
        """A weapon named without its owner ("a ballistic missile hit Sumy", "a drone struck a block") is no
        party: whoever fired it is unknown. "Russian drones" name their owner and stay."""
        return head_lemma(phrase) in self.lx.weapons | WEAPON_OBJECTS and not any(
            t.i in self.mentions for t in phrase.subtree) and not any(
            c.dep_ == "poss" for c in phrase.children) and not any(  # "its drones hit a pumping station"
            t.lower_ in self.res.enemy_words for t in phrase.subtree)  # "an enemy drone dropped explosives"

    def _noun_owner(self, noun, cooperative: bool = True) -> list[Entity]:
        """Who owns an event noun: its possessor, its nationality adjective, the parties "between" whom it
        is, its "by" agent, or the clause around it. A country name used as a modifier ("the Ukraine
        invasion") is the target of a conflict noun, not its owner."""
        if under(noun):
            # "Belgorod came under a missile attack": the subject is hit, the attacker unnamed unless a "by" or
            # "from" names it ("Russia faces new sanctions from the EU")
            # (an attack "from" somewhere is where it came from: "came under fire from across the river")
            froms = ("by",) if noun.lemma_.lower() not in self.lx.nouns or any(
                x.type in ("ASSAULT", "COERCE") for x in self.lx.nouns[noun.lemma_.lower()]) else ("from", "by")
            found = [e for h in (noun, suffering_verb(noun)) for c in h.children
                     if c.dep_ in ("prep", "agent") and c.lower_ in froms for e in self._pobj_parties(c)]
            if not found and any(x.type == "SANCTION" for x in self.lx.nouns.get(noun.lemma_.lower(), ())):
                found = self.disc.last_actor("SANCTION")  # "three banks will face a transaction ban": the
                # sanctions the report told of
            return found
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
            if c.lower_ in self.res.enemy_words and c.i not in self.mentions:
                ents = self.entities(c)  # "an enemy attack on an energy facility": the side the voice fights
                if ents:
                    return ents
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
        if not cooperative and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            earlier = self.disc.last_actor(self.lx.nouns[noun.lemma_.lower()][0].type
                                           if noun.lemma_.lower() in self.lx.nouns else "ASSAULT")
            if earlier:
                return earlier  # "the strikes killed 31 civilians": the strikes reported before
        # the clause around it: "X carried out a swap", "after a call, X and Y agreed", "X said talks ...";
        # a speaker is a party to the talks they report, not to the attacks they report
        if any(c.lower_ in ("next", "another", "further", "fresh") for c in noun.children) and \
                any(x.type == "RETREAT" for x in self.lx.nouns.get(noun.lemma_.lower(), ())):
            earlier = self.disc.last_actor("RETREAT")
            if earlier:
                return earlier  # "the next exchange could take place within weeks": between those of the last
                # (not "the army launched a fresh offensive": an attack's owner is who launches it)
        if not cooperative and noun.dep_ == "pobj" and noun.head.lower_ in _WHEN_PREPS and \
                noun.head.head.pos_ in ("VERB", "AUX"):
            return []  # "engineers restored power after the attack": the attack is when, not their act
        if not cooperative and noun.dep_ == "pobj" and noun.head.lower_ in ("into", "over", "of", "about") and \
                {t.lemma_.lower() for t in (noun.head.head, *noun.head.head.children)} & INQUIRIES:
            return []  # "opened an investigation into the strike": the investigators made none of it
        t = noun
        while t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() in self.lx.report_verbs and not cooperative and not (
                        t.lemma_.lower() in ANNOUNCE_VERBS and noun.dep_ == "dobj" and noun.head.i == t.i):
                    return []  # "announced new sanctions", "declared mobilisation": the announcer's own act
                if not cooperative and t.lemma_.lower() in JUDGES_OF_ACTS:
                    return []  # "condemned a series of attacks on clinics": the judge made none of them
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

    def _bare(self, noun) -> bool:
        """Whether a noun says nothing of whose or against whom it is ("the measures", "this decision", "the new
        sanctions"; not "Brussels' measures", "the EU's decision", "the sanctions on Iran", "the Ukrainian claims")."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE | {"such"} for c in noun.children):
            return False
        return not any(c.dep_ in ("poss", "compound", "relcl", "acl") or c.i in self.mentions or
                       (c.dep_ == "prep" and c.lower_ != "as") or  # ("dismissed the measures as illegal")
                       (c.dep_ == "amod" and c.pos_ == "PROPN") for c in noun.children)

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
        if cand.kind == "noun" and under(tok):
            verb = suffering_verb(tok)
            subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
            return self.entities(subj) if subj is not None else []
        if cand.kind == "noun":
            holders = [tok]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
                holders.append(tok.head.head)  # "a package of sanctions against Russia"
            if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                holders.append(tok.head)  # "opened investigations against 28 officials": the verb holds the "against"
            if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and cand.event_type == "ASSAULT" and \
                    head_lemma(tok) in self.lx.weapons | WEAPON_OBJECTS:
                ents = self.entities(self._object(tok.head))  # "shells struck a school": what the weapons hit
                if ents:
                    return ents
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in NOUN_PARTNER_PREPS and not (h is not tok and c.lower_ == "of"):
                        for p in c.children:
                            if p.dep_ == "pobj" and p.i != tok.i:
                                ents = self.entities(p)
                                if ents:
                                    return ents
            return []
        if tok.tag_ == "VBG" and tok.dep_ in SUBJ and not any(c.dep_ in SUBJ for c in tok.children):
            ents = self._prep_parties(tok, ("between",))  # "Fighting between A and B": each side's to the other
            if len(ents) >= 2:
                return ents
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        obj = self._object(tok) if not passive else next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)
        if obj is not None and head_lemma(obj) in self.lx.weapons | WEAPON_OBJECTS and \
                tok.lemma_.lower() not in INTERCEPT_VERBS:
            # "launched missiles at Kyiv", "fired drones on the city": the object is the weapon; in the passive
            # the verb holds the target ("bombs were dropped on the town")
            for holder in [obj, *[x for x in obj.children if x.dep_ == "conj"], *([tok] if passive else [])]:
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
            named = self.lx.answered_acts.get(obj.lemma_.lower())
            if named and cand.event_type in _ANSWERS_TO_AUTHOR and self._bare(obj):
                # "the Kremlin dismissed the measures", "Kyiv welcomed the decision": a reply to an act told before
                ents = self.disc.last_doer(*named, {e.country for e in cand.actor})
                if ents:
                    return ents
            done = [x.type for x in self.lx.nouns.get(obj.lemma_.lower(), ())]
            if cand.event_type in ("ACCUSE", "REJECT", "REQUEST") and done and not any(
                    c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") or c.i in self.mentions
                    for c in obj.children):  # (not "denied Ukrainian claims": the claims are Ukraine's)
                ents = self.disc.last_actor(done[0])
                if ents:  # "condemned the strike": whoever the report said struck
                    return ents
            if cand.event_type == "ASSAULT" and tok.lemma_.lower() in ("repel", "repulse") and "ASSAULT" in done:
                # "troops repelled the assault": those who made the attack told before, not the troops' own side
                ours = {(e.country, e.sector) for e in cand.actor}
                ents = [e for e in self.disc.last_actor("ASSAULT") if (e.country, e.sector) not in ours]
                if ents:
                    return ents
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON" and owner.lower_ in ("its", "their", "his", "her") and \
                    cand.event_type not in _HOSTILE:
                owner = None  # "Slovakia dropped its veto", "withdrew their objection": the subject's own
            if owner is not None:
                ents = self.entities(owner)
                if ents:
                    return ents
            if cand.event_type in _ANSWERS_TO_AUTHOR:
                # "accepted a plan put forward by Qatar and Egypt", "rejected a proposal for a truce proposed by
                # Cairo": an answer to a proposal is to whoever made it
                held = [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                               for p in c.children if p.dep_ == "pobj")]
                ents = [e for h in held for c in h.children if c.dep_ == "acl"
                        for a in c.children if a.dep_ == "agent" for e in self._pobj_parties(a)]
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
            if c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and c.i > tok.i:
                # "spoke by phone with Trump", "talked over video link with ...": the parser hangs the partner on
                # the means
                for p in (x for x in c.children if x.dep_ == "pobj"):
                    for w in (x for x in p.children if x.dep_ == "prep" and x.lower_ == "with"):
                        for q in (x for x in w.children if x.dep_ == "pobj"):
                            ents = self.entities(q)
                            if ents:
                                return ents
            if c.dep_ in ("prep",) and c.lower_ in PARTNER_PREPS and c.i > tok.i:
                # (a phrase before the verb sets the scene: "At the United Nations, Guterres appealed to ...")
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() not in MEDIATION and not (
                            c.lower_ == "with" and head_lemma(p) in self.lx.weapons | WEAPON_OBJECTS):
                        # "shelled the town with artillery": an instrument, not a partner
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
                ents = self._sides_of_talks(c)
                if ents:
                    return ents
            elif c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                ents = self._sides_of_talks(c)  # (the parser's "offered on Sunday to host talks between ...")
                if ents:
                    return ents
        if cand.event_type in ("AGREE", "CONSULT", "SUPPORT", "REQUEST"):
            # "ready to mediate between Tehran and Washington"
            ents = self._prep_parties(tok, ("between",))
            if ents:
                return ents
            if tok.dep_ == "acl" and tok.lemma_.lower() in GO_BETWEEN_VERBS:
                # "in a swap brokered by Turkey": those the brokered deal is between, else those who made it
                deal = tok.head
                ents = self._prep_parties(deal, ("between",))
                if not ents and deal.dep_ == "pobj" and deal.head.head.pos_ == "VERB":
                    ents = self.subject(deal.head.head)
                if ents:
                    return ents
            # "called for dialogue between the two sides", "proposed talks with the rebels", "brokered a truce
            # between A and B": what is asked, offered or made is talks or a deal, and their sides are whom it is for
            # (talk "about" a summit between two leaders is no talk with them)
            talks = [] if cand.event_type == "CONSULT" else [p for c in tok.children if c.dep_ == "prep"
                                                              for p in c.children if p.dep_ == "pobj"]
            talks += [c for c in tok.children if c.dep_ == "dobj"]
            for t in talks:
                if t.lemma_.lower() in SIDED_TALKS:
                    ents = self._prep_parties(t, ("between", "with"))
                    if ents:
                        return ents
        return []

    def _prep_parties(self, tok, preps: tuple[str, ...]) -> list[Entity]:
        """The parties the objects of ``tok``'s prepositions ``preps`` name ("talks between A and B")."""
        return [e for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for e in self._pobj_parties(c)]

    def _pobj_parties(self, prep) -> list[Entity]:
        """The parties the objects of the preposition ``prep`` name."""
        return [e for p in prep.children if p.dep_ == "pobj" for e in self.entities(p)]

    def _sides_of_talks(self, clause) -> list[Entity]:
        """The parties of the talks a complement offers or proposes ("offered to host talks between Kinshasa and
        the M23", "is ready to mediate between the two governments", "proposed a meeting with the rebels")."""
        for t in clause.subtree:
            if t.dep_ != "prep" or t.lower_ not in ("between", "with"):
                continue
            if t.head.lemma_.lower() not in SIDED_TALKS and not (t.lower_ == "between" and t.head.pos_ == "VERB"):
                continue
            found = self._pobj_parties(t)
            if found:
                return found
        return []

    # ------------------------------------------------------------------ the sentence
    def _agentive(self, head) -> bool:
        """Whether a subject names a party (a known name, an agent word: "members of the UDPS party"), not
        a thing or an abstraction that merely has a country attached ("Argentina's inflation")."""
        if head.i in self.mentions or head.pos_ == "PROPN" or head.pos_ == "NUM":
            return True
        owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        words = [t for t in phrase_tokens(head) if t.i not in owners]
        return self.res.has_agent(words) or any(t.i in self.mentions and t.i != head.i for t in words)

    def personal(self, subj) -> bool:
        """Whether a subject the lexicon does not know still names people ("two armed men", "unidentified
        individuals", "a security guard", "JaS"), unlike "inflation" or "the storm"."""
        if subj is None:
            return False
        if (subj.pos_ == "PROPN" or subj.text[:1].isupper()) and not subj.is_sent_start:
            return True
        return (subj.lemma_.lower() in PEOPLE or self.res.has_agent([subj])
                or any(c.lower_ in ("armed", "unidentified", "unknown", "masked") for c in subj.children))

    def bare_patient(self, c: Candidate) -> Entity | None:
        """The subject phrase of a passive ("a man was killed", "4 journalists were beaten") as an entity of
        unknown country: who it happened to."""
        subj = next((x for x in c.token.children if x.dep_ == "nsubjpass"), None)
        if subj is None or subj.pos_ in ("PRON", "DET") or subj.lower_ in RELATIVE:
            return None
        if head_lemma(subj) in self.lx.weapons | WEAPON_OBJECTS:  # "bombs were dropped on a market": the market
            subj = next((p for c in c.token.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "into")
                         for p in c.children if p.dep_ == "pobj"), None)
            if subj is None or subj.pos_ in ("PRON", "DET"):
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
        if subj is None and tok.dep_ == "conj" and c.kind == "verb":  # "gunmen attacked and injured a man"
            subj = next((x for x in tok.head.children if x.dep_ in SUBJ and x.dep_ != "nsubjpass"), None)
        if subj is None and c.kind == "noun" and not under(tok):
            t = tok
            while t.head.i != t.i and subj is None:
                t = t.head
                if t.lemma_.lower() in self.lx.report_verbs:
                    break  # "... in dawn raids, a press freedom group said": the speaker did not raid
                subj = next((x for x in t.children if x.dep_ in SUBJ and tok not in x.subtree), None) \
                    if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in VICTIM_VERBS else None
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
        if subj.lemma_.lower() in self.lx.calamities or self._bare_weapon(subj):
            return None
        span = self.doc[(subj.left_edge.i if start is None else start):subj.i + 1]
        return Entity(text=span.text, country=None, start=span.start_char, end=span.end_char)

    def _quoted_on(self) -> Entity | None:
        """The speaker of a quotation that goes on into this sentence: '"Bombing a school cannot be justified,"
        the High Commissioner said. "The military must halt its attacks."' (a sentence that opens with a quote
        mark and has no report verb of its own)."""
        first = next((t for t in self.doc if not t.is_space), None)
        if first is None or first.text not in ('"', "“", "'", "‘") or any(
                t.lemma_.lower() in self.lx.report_verbs and t.pos_ in ("VERB", "AUX") for t in self.doc):
            return None
        speaker = self.disc.quote_speaker
        return speaker if speaker is not None and self.disc.sentence - self.disc.quote_sentence <= 1 else None

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
                if ch.dep_ in ("parataxis", "ccomp") and ch.lemma_.lower() in self.lx.report_verbs and ch.i > tok.i \
                        and self._object(ch) is None:  # "...; Russia denied it" answers the clause, not reports it
                    ents = self.subject(ch)
                    if ents:
                        return ents[0]
            if t.head.i == t.i:
                return self._quoted_on()
            parent = t.head
            if parent.lemma_.lower() in self.lx.report_verbs and t.dep_ in ("ccomp", "parataxis", "xcomp", "conj",
                                                                             "advcl", "dobj") \
                    and not answers(t, parent):
                if t.dep_ != "conj" or parent.lemma_.lower() in self.lx.report_verbs:
                    ents = self.subject(parent)
                    if ents:
                        return ents[0]
            t = parent

