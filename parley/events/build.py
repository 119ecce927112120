"""Candidates to output events: fill implicit parties, code equivalents, drop what cannot stand, dedupe."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from parley.actors.resolve import SPEAKER_TITLES, ActorResolver, made_at
from parley.events.coding import QUAD, acled_types, all_labels, first_label, load_tables
from parley.events.discourse import Discourse
from parley.events.extract import TOPIC_VERBS, Candidate, SentenceExtractor
from parley.events.lexicon import Lexicon, Sense
from parley.events.roles import (
    FIRST_PERSON,
    INTERCEPT_VERBS,
    PRONOUNS,
    VICTIM_VERBS,
    WEAPON_OBJECTS,
    head_lemma,
    under,
)
from parley.events.segment import Sentence
from parley.events.voice import issuer
from parley.ground.dates import event_date
from parley.ground.locate import (
    choose_place,
    geocode_span,
    has_qualifier,
    is_located,
    is_modifier,
    place_spans,
    proper_chunks,
)
from parley.ground.places import REGION_WORDS, fold, load_places, skeleton, war_between
from parley.model import Entity, Event, Evidence

PRONOUN_WORDS = PRONOUNS | FIRST_PERSON  # a speaker named by a pronoun is no one to remember
_PLACED = {"ASSAULT", "PROTEST", "COERCE"}  # events that a place anchors when their actor is unknown
_CONFLICT = {"ASSAULT", "ACCUSE", "THREATEN", "COERCE", "SANCTION", "MOBILIZE"}
_STATE_SECTORS = {"GOV", "MIL", "REB", "COP", "LEG", "JUD", "SPY", "UAF", None}


def note_voice(doc, lexicon: Lexicon, resolver: ActorResolver, discourse: Discourse, date: dt.date | None) -> None:
    """If ``doc`` is a bulletin's header ("The General Staff reports:"), its issuer becomes the article's voice."""
    extractor = SentenceExtractor(doc, lexicon, resolver, resolver.find_mentions(doc, date), discourse)
    found = issuer(doc, extractor, lexicon)
    if found is not None:
        discourse.voice = found


def build_events(doc, sentence: Sentence, lexicon: Lexicon, resolver: ActorResolver, discourse: Discourse,
                 date: dt.date | None, domain: str | None) -> list[Event]:
    """Events of one parsed sentence (``doc`` is the sentence alone; offsets are shifted by its start)."""
    mentions = resolver.find_mentions(doc, date, discourse.context_countries())
    extractor = SentenceExtractor(doc, lexicon, resolver, mentions, discourse)
    cands = extractor.candidates()
    _note_speaker(doc, sentence, lexicon, extractor, discourse)
    instruction = _instruction(doc, discourse) if not any(not c.absorbed for c in cands) else None
    if instruction is not None:
        cands.append(instruction)
    ctx = _Context(doc, sentence, resolver, discourse, date, domain, mentions, extractor)
    events = [e for e, c in ((_finish(c, ctx), c) for c in cands) if e is not None and not _doerless(e, c)]
    for m in ctx.ordered_mentions:
        if m.country:
            span = doc[m.start:m.end]
            discourse.add([Entity(text=span.text, country=m.country, sector=m.sector, name=m.name)])
            if _named_hostile(doc, m):
                discourse.hostile[m.country] += 1
    for c in cands:
        if len({e.country for e in c.actor if e.country}) >= 2:
            discourse.add(c.actor)
    words = frozenset(t.lemma_.lower() for t in doc)
    for e in events:
        if e.claimed_by is not None and e.claimed_by.text.lower() not in PRONOUN_WORDS:
            discourse.last_speaker, discourse.last_speaker_sentence = e.claimed_by, discourse.sentence
        discourse.name([e.claimed_by, *e.actor, *e.recipient])
        discourse.add_event(e.event_type, e.actor, words)
        if e.event_type in ("CONSULT", "AGREE") and e.status != "negated":
            discourse.add_talks([*e.actor, *e.recipient])
        if e.event_type in _HOSTILE_ACTS:
            discourse.add_act(e.actor, e.recipient)
        discourse.add_pairs(e.actor, e.recipient)
        if e.event_type == "ACCUSE" and any(r.country for r in e.recipient):
            discourse.last_accused = [r for r in e.recipient if r.country]
        if e.location is not None and e.location.country and e.location is not discourse.place:
            discourse.place, discourse.place_sentence = e.location, discourse.sentence
            discourse.place_counts[e.location.country] += 1
        if e.event_type in _CONFLICT:
            discourse.add_conflict(e.actor, e.recipient)
    _note_subject(doc, extractor, events, discourse)
    discourse.next_sentence()
    return _dedupe(events)


# Acts that are nothing without whoever does them: a statement, a demand, a deal, a measure.
NEEDS_A_DOER = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "CONSULT", "CONCEDE", "SANCTION", "SUPPORT",
                          "THREATEN", "COOPERATE", "MOBILIZE"})


def _doerless(e: Event, c: Candidate) -> bool:
    """Whether ``e`` is a statement, demand, deal or measure told with no one to do it: a verb with no subject of its
    own ("no evidence to support Moscow's claim", "a campaign to cut fuel supplies", "please contact the press
    office", "Speaking to reporters, ...") or a noun with no owner, where the coder found no doer either. Such a
    reading is a word used of no act; a clause with a subject it could not resolve ("the militarist wing refused")
    is still an act, and force, pauses, handovers and aid may be told with no doer ("a shell struck the school")."""
    if e.actor or e.event_type not in NEEDS_A_DOER:
        return False
    tok = c.token
    if c.kind == "verb":
        return not any(ch.dep_ in ("nsubj", "nsubjpass", "csubj", "agent", "expl") for ch in tok.children)
    return not any(ch.dep_ == "poss" or (ch.dep_ == "prep" and ch.lower_ in ("by", "between", "of", "from"))
                   for ch in tok.children)


def _note_subject(doc, extractor, events, discourse: Discourse) -> None:
    """Remember whom the sentence's main clause is about: "It also urged Rwanda ...", "Its forces ..." or "the
    ministry said" in the next sentence most likely refer to them (with the country their event gave them)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = extractor.subject(root) if root is not None and root.pos_ in ("VERB", "AUX") else []
    filled = {a.text: a for e in events for a in e.actor if a.country}
    subject = [filled.get(x.text, x) for x in subject[:1]]
    discourse.last_subject = [x for x in subject if x.country and x.text.lower() not in PRONOUN_WORDS]
    discourse.name(discourse.last_subject)


def _note_speaker(doc, sentence, lexicon, extractor, discourse: Discourse) -> None:
    """Remember who speaks in this sentence, events or none ("The navy said its divers had cleared two mines."):
    "It accused Russia of ..." in the next sentence is that speaker, "the navy" later is that navy; and a
    quotation ('"...," the High Commissioner said.') that goes on into the next sentence is theirs too."""
    quoted = any(q in sentence.text for q in ('"', "“", "”"))
    for tok in doc:
        if tok.lemma_.lower() in lexicon.report_verbs and tok.pos_ in ("VERB", "AUX"):
            said = [e for e in extractor.subject(tok) if e.text.lower() not in PRONOUN_WORDS]
            if not said:
                continue
            if said[0].country:
                discourse.name(said[:1])
            discourse.last_speaker, discourse.last_speaker_sentence = said[0], discourse.sentence
            if quoted:
                discourse.quote_speaker, discourse.quote_sentence = said[0], discourse.sentence
            return
    for tok in doc:
        if tok.lower_ == "according":  # "According to the ministry, Ukraine lost ...": the ministry speaks
            source = next((p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"), None)
            said = [e for e in extractor.entities(source) if e.text.lower() not in PRONOUN_WORDS] \
                if source is not None else []
            if said:
                discourse.last_speaker, discourse.last_speaker_sentence = said[0], discourse.sentence
                return
    if quoted and discourse.quote_sentence == discourse.sentence - 1:
        discourse.quote_sentence = discourse.sentence  # a quotation that goes on again: still the same speaker


class _Context:
    """What coding one sentence needs beside the candidate."""

    def __init__(self, doc, sentence, resolver, discourse, date, domain, mentions, extractor=None):
        self.extractor = extractor
        self.doc, self.sentence, self.resolver, self.discourse = doc, sentence, resolver, discourse
        self.date, self.domain, self.mentions = date, domain, mentions
        self.tables = load_tables()
        self.words = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
        self.ordered_mentions = sorted(set(mentions.values()), key=lambda m: m.start)
        self.places = extractor.places if extractor is not None else place_spans(doc, mentions, load_places())
        self.fallback_country: str | None = None  # the report's country, for parties named by their kind


def _finish(c: Candidate, ctx: _Context, sector_enough: bool = False, unknown_ok: bool = False) -> Event | None:
    """Place, implicit parties and codes of one candidate; None when no party of it is known (unless
    ``unknown_ok``: a trained model is sure the report tells such an event, whoever did it)."""
    doc = ctx.doc
    if c.event_type not in ("ASSAULT", "COERCE") and _appeal(c.token) and not c.instruction:
        # "Support the Defence Forces of Ukraine.", "Glory to Ukraine!": an appeal, no event (a bulletin's
        # "Hit manpower and hardware near Kupiansk." has no subject either, and reports what its issuer did)
        return None
    if c.claimed_by is None:
        c.claimed_by = ctx.discourse.voice  # the issuer of the bulletin the article is, if any
    location = _location(c, doc, ctx.mentions, ctx.places, ctx.resolver, ctx.discourse,
                         ctx.extractor.lx if ctx.extractor is not None else None)
    carried = False
    if location is None and c.event_type == "ASSAULT" and not any(
            m.kind in ("country", "capital", "demonym") for m in ctx.ordered_mentions):
        # "One drone hit a residential building." after "... Lgov": where the report is, unless the sentence
        # names a country of its own
        location = ctx.discourse.recent_place()
        # (a place carried over names the country struck only where the report's events mostly are: not the city
        # where someone spoke about them)
        carried = location is not None and bool(ctx.discourse.place_counts) and \
            location.country == ctx.discourse.place_counts.most_common(1)[0][0]
    # a namesake abroad of a place in the countries the report is about decides no party's country
    trusted = location is not None and bool(location.country) and _plausible(location.country, ctx)
    here = location.country if trusted else (ctx.fallback_country if sector_enough else None)
    own = _enemies(c, ctx.resolver, ctx.discourse, location if trusted else None)
    _fill_countries(c, ctx.ordered_mentions, ctx.discourse, doc, here, ctx.resolver.gaz.enemies_of)
    if not c.recipient and c.actor and len({e.country for e in c.actor if e.country}) < 2:
        other = _other_party(c, ctx.ordered_mentions, ctx.discourse, doc, here, ctx.resolver.gaz.enemies_of)
        if other is not None:
            c.recipient = [other]
            c.inferred_recipient = True
        _appeal_to_sides(c, ctx.discourse)
    _venue_no_party(c, ctx, doc)
    _authorities(c)
    if not c.actor and here and c.event_type in _PLACED and not c.sense.converse:
        bare = ctx.extractor.bare_subject(c) if ctx.extractor is not None else None
        if bare is not None:  # "taxi drivers organized a protest in Batumi": people of the place
            c.actor = [Entity(text=bare.text, country=_named_country(doc, bare, ctx.mentions) or here,
                              start=bare.start, end=bare.end)]
    if not c.recipient and here and c.event_type in _PLACED:
        bare = ctx.extractor.bare_patient(c) if ctx.extractor is not None and c.kind == "verb" else None
        if bare is not None:  # "a man was shot dead in Manaus": someone of the place
            c.recipient = [Entity(text=bare.text, country=here, start=bare.start, end=bare.end)]
    if not c.recipient and c.event_type == "AID" and c.sense.needs == "aid_vehicle" and trusted and \
            _is_country(location.country):
        # "eight aid trucks arrived in Sweida": aid for the people of where it arrives
        c.recipient = [Entity(text=location.country, country=location.country, sector="CVL")]
        c.inferred_recipient = True
    if not c.recipient and c.event_type == "MOBILIZE" and trusted and _is_country(location.country) and \
            any(e.country for e in c.actor):
        # "Russia has concentrated 40,000 troops near Pokrovsk": forces massed in the adversary's country; "Kenya
        # sent two platoons to Port-au-Prince", "the government deployed 1,000 police to Cauca": where they went
        c.recipient = [Entity(text=location.country, country=location.country)]
        c.inferred_recipient = True
    if not c.recipient and c.event_type == "ASSAULT" and trusted and _is_country(location.country) \
            and location.country not in {e.country for e in c.actor} and (c.actor or carried or (
                c.token.dep_ not in ("pobj", "pcomp") and _in_clause(c.token, location)) or under(c.token) or (
                c.token.dep_ == "advcl" and c.token.head.lemma_.lower() in VICTIM_VERBS and
                _in_clause(c.token.head, location))):  # "In Kharkiv, three died when a missile struck a block"
        # "a ballistic missile hit Sumy", "Russian troops shelled Bilozerka": the country where it struck
        c.recipient = [Entity(text=location.country, country=location.country)]
        c.inferred_recipient = True
    if c.claimed_by is not None and not c.claimed_by.country:
        # an official known by title ("regional governor Serhiy Lysak said"): of the country where the event
        # they report took place, else of the country an attack struck, else of the one the article is about
        struck = [e.country for e in c.recipient if _is_country(e.country)] if c.event_type == "ASSAULT" else []
        named = ctx.discourse.same_head(c.claimed_by.text)
        voice = ctx.discourse.voice is not None and c.claimed_by.text == ctx.discourse.voice.text
        against = ctx.discourse.adversary() if voice else None  # "the Russian invasion" in the issuer's words
        country = (named.country if named is not None else None) or (own if voice else None) or \
            (ctx.resolver.enemy_of(against, ctx.discourse) if against else None) or \
            (location.country if trusted and _is_country(location.country) else None) or \
            (struck[0] if struck else None) or ctx.discourse.home_country()
        if country:
            c.claimed_by = replace(c.claimed_by, country=country)
    _bulletin_sides(c, ctx, location if trusted else None)
    _domestic_sides(c, ctx)
    _not_at_oneself(c, ctx)
    if not c.actor and c.recipient and ctx.extractor is not None:
        side = _fallen_side(c, ctx.extractor)
        if side:  # "two militants were killed in a gunfight with security forces": the militants fought
            c.actor = [e if e.country or not trusted else replace(e, country=location.country) for e in side]
    if sector_enough and not c.actor and ctx.extractor is not None:
        subject = ctx.extractor.bare_subject(c)
        bare = subject or (ctx.extractor.bare_patient(c) if not c.recipient else None)
        if bare is not None and ctx.resolver.has_agent(doc.char_span(bare.start, bare.end,
                                                                     alignment_mode="expand") or []):
            found = [Entity(text=bare.text, country=here, start=bare.start, end=bare.end)]
            if subject is not None:
                c.actor = found
            else:
                c.recipient = found  # "three people were injured": who it happened to, not who did it
    if c.event_type == "RETREAT" and not c.actor and c.token.lemma_.lower() in RELEASE_VERBS:
        _releaser(c, ctx)
    if c.sense.converse and c.event_type == "ASSAULT" and not c.actor and len(c.recipient) == 1 and \
            _is_country(c.recipient[0].country):
        # "Ukraine lost up to 190 servicemen": struck by the side it is at war with (the one the article names)
        foes = ctx.resolver.gaz.enemies_of(c.recipient[0].country)
        foe = next((x for x in foes if ctx.discourse.country_counts.get(x)), foes[0] if foes else None)
        if foe:
            c.actor = [Entity(text=foe, country=foe, sector="MIL")]
    known = any(e.country for e in c.actor + c.recipient) or (
        sector_enough and any(e.sector for e in c.actor + c.recipient))
    if not known and unknown_ok and ctx.extractor is not None:
        c.actor = c.actor or [x for x in [ctx.extractor.bare_subject(c)] if x is not None]
        if not c.recipient and c.kind == "verb":
            c.recipient = [x for x in [ctx.extractor.bare_patient(c)] if x is not None]
    if not known and not unknown_ok:
        return None
    if ctx.domain == "business" and not _statelike(c):
        return None  # in business news, firms "offer", "fight" and "sue": only states and armed groups count
    event = _event(c, doc, ctx.sentence, ctx.tables, ctx.words, ctx.date)
    event.location = location
    if event.event_type == "CONSULT" and event.mode is None and trusted and _is_country(location.country) and \
            (location.admin1 or location.geonameid):
        # talks held in a third country are mediated or hosted; held in one side's country, a visit there
        sides = {e.country for e in c.actor} | {e.country for e in c.recipient}
        if location.country not in sides and len(sides - {None}) >= 1:
            event.mode = "third-party"
        elif location.country in {e.country for e in c.recipient} - {e.country for e in c.actor}:
            event.mode = "visit"
    return event


# What a third party calls for that only the sides of a fight can give: "called for calm", "urged restraint"
CALM_WORDS = frozenset({"calm", "restraint", "de-escalation", "deescalation", "dialogue", "ceasefire", "truce",
                        "peace", "moderation", "cessation"})


# Verbs of letting captives go: passive, with no one named ("205 servicemen were returned"), the other side did it
RELEASE_VERBS = frozenset({"return", "release", "free", "hand", "repatriate", "transfer", "swap", "exchange"})


def _releaser(c: Candidate, ctx: _Context) -> None:
    """Who let go captives the sentence names no releaser for: the country whose captivity or territory they
    came from ("released from Russian captivity", "returned from Ukrainian-controlled territory"), else the other
    side of the war their country is in ("205 Russian servicemen were returned": by Ukraine)."""
    freed = {r.country for r in c.recipient if _is_country(r.country)}
    if len(freed) != 1:
        return
    (home,) = freed
    origin = [m.country for p in c.token.children if p.dep_ == "prep" and p.lower_ == "from"
              for m in ctx.ordered_mentions if p.i < m.start <= p.right_edge.i and _is_country(m.country)]
    side = next((x for x in origin if x != home), None) or ctx.discourse.war_foe(home, ctx.resolver.gaz.enemies_of(home))
    if side and side != home:
        c.actor = [Entity(text=side, country=side)]


def _venue_no_party(c: Candidate, ctx: _Context, doc) -> None:
    """Talks between two parties the actor names ("the government and the M23 would return to Doha for talks")
    are between them: a city they go to or meet in is the venue, not a third party to the talks."""
    if c.event_type not in ("CONSULT", "AGREE") or not c.recipient:
        return
    sides = {(e.country, e.sector, e.text) for e in c.actor if e.country}
    if len(sides) < 2:
        return
    places = {(m.start, m.end): m.kind for m in ctx.ordered_mentions if m.kind in ("capital", "demonym", "country")}
    for r in c.recipient:
        span = doc.char_span(r.start, r.end, alignment_mode="expand") if r.start is not None else None
        kind = places.get((span.start, span.end)) if span is not None else None
        if kind is None or (kind != "capital" and not _in_venue(span.root)):
            return
    c.recipient = [replace(e) for e in c.actor if e.country]
    c.inferred_recipient = True


def _in_venue(tok) -> bool:
    """Whether a word is part of a phrase that says where ("in the Chinese city of Kunming", "to Doha")."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return False
        if a.dep_ == "prep" and a.lower_ in ("in", "at", "to", "into"):
            return True
    return False


def _appeal_to_sides(c: Candidate, discourse: Discourse) -> None:
    """A call for calm or restraint that names no one ("China also called for calm") is addressed to the two
    sides of the fighting the report tells, not to the party named last."""
    if c.event_type != "REQUEST" or not c.inferred_recipient:
        return
    asked = {t.lemma_.lower() for t in c.token.subtree if t.dep_ in ("pobj", "dobj")}
    if not asked & CALM_WORDS:
        return
    if discourse.conflict_dyads:
        pair = discourse.conflict_dyads.most_common(1)[0][0]
        sides = [discourse.last_of(code) for code in sorted(pair)]
    else:  # "Indian and Pakistani troops exchanged fire": the two who fought
        sides = discourse.last_actor("ASSAULT")
    mine = {e.country for e in c.actor}
    if len({e.country for e in sides if e.country}) >= 2 and not mine & {e.country for e in sides}:
        c.recipient = sides


def _not_at_oneself(c: Candidate, ctx: _Context) -> None:
    """A state's rejection, charge or threat that the parse aims at its own state ("Umerov refused to discuss
    any pullout of Ukrainian forces", "warned that Ukraine would answer in kind if a Russian missile hit") is
    aimed at the other party: a state the sentence names, else the last one named before."""
    if c.event_type not in _REACTIONS or not c.actor or not c.recipient:
        return
    mine = {e.country for e in c.actor}
    if len(mine) != 1 or not _is_country(next(iter(mine))) or \
            not {e.sector for e in c.actor} <= {"GOV", "MIL", None}:
        return
    if any(r.country not in mine or r.sector not in ("GOV", "MIL", None) or r.text.lower() in PRONOUNS or
           (r.start is None and not c.inferred_recipient) or
           any(a.start is not None and r.start is not None and a.start <= r.start < a.end for a in c.actor)
           for r in c.recipient):
        return  # a party the sentence does not name in its own words ("accused it of ...") stays
    other = next((m for m in ctx.ordered_mentions if _is_country(m.country) and m.country not in mine), None)
    if other is not None:
        span = ctx.doc[other.start:other.end]
        c.recipient = [Entity(text=span.text, country=other.country, sector=other.sector, name=other.name,
                              start=span.start_char, end=span.end_char)]
        return
    before = ctx.discourse.other_party(mine, countries_only=True)
    if before is not None:
        c.recipient = [before]


_STATE_ARMS = ("MIL", "COP")
_NON_STATE_ARMS = ("REB", "UAF", "CRM")


def _domestic_sides(c: Candidate, ctx: _Context) -> None:
    """In a war inside one country, an attack or a capture aimed only at a place or at the country itself is
    aimed at the other side the report names: "M23 captured the town of Lubero" after fighting with government
    troops is against the army, "the army launched a counter-offensive" against the rebels."""
    if c.event_type not in ("ASSAULT", "COERCE") or not c.actor or not c.recipient:
        return
    sectors = {e.sector for e in c.actor}
    countries = {e.country for e in c.actor}
    if len(countries) != 1 or not _is_country(next(iter(countries))):
        return
    country = next(iter(countries))
    if sectors <= set(_NON_STATE_ARMS):
        wanted = _STATE_ARMS
    elif sectors <= set(_STATE_ARMS):
        wanted = _NON_STATE_ARMS
    else:
        return
    if not all(r.country == country and r.sector is None and not r.name for r in c.recipient):
        return
    # the other side named in the sentence ("captured Lubero after fighting with government troops"), else last
    taken = {i for e in c.actor if e.start is not None for i in range(e.start, e.end)}
    for chunk in ctx.doc.noun_chunks:
        sector = ctx.resolver.sector_of_words(chunk)
        if sector in wanted and chunk.start_char not in taken and all(
                ctx.mentions.get(t.i) is None or ctx.mentions[t.i].country == country for t in chunk):
            c.recipient = [Entity(text=chunk.text, country=country, sector=sector, start=chunk.start_char,
                                  end=chunk.end_char)]
            return
    last = next((e for e in reversed(ctx.discourse.recent) if e.country == country and e.sector in wanted), None)
    if last is not None:
        c.recipient = [replace(last, start=None, end=None)]


def _instruction(doc, discourse: Discourse) -> Candidate | None:
    """An official's post that tells the public what to do in the imperative ("When the sirens sound, go down to a
    shelter at once", "Please avoid the road unless the trip is essential"): a request by the poster to the people
    of their country. Only in an official's posts (a bulletin's closing slogan, "Support the Defence Forces!", is
    none)."""
    voice = discourse.voice
    if voice is None or voice.sector != "GOV" or not _is_country(voice.country) or doc[-1].text == "!":
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or root.pos_ != "VERB" or any(
            ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for ch in root.children):
        return None
    if any(t.i < root.i and t.dep_ not in ("intj", "punct") and root not in t.ancestors for t in doc):
        return None  # (only "please", or a clause of the verb's own, before it: "When the sirens sound, go ...")
    c = Candidate(root, Sense(type="REQUEST", cameo="100"), "verb", "REQUEST", "100")
    c.actor = [Entity(text=voice.text, country=voice.country, sector=voice.sector, name=voice.name)]
    c.recipient = [Entity(text=voice.country, country=voice.country, sector="CVL")]
    c.claimed_by, c.instruction = c.actor[0], True
    return c


def _appeal(tok) -> bool:
    """Whether ``tok`` is the verb of a sentence in the imperative (the bare verb first, with no subject), or in
    an exclamation with no verb at all (a slogan)."""
    doc = tok.doc
    if doc[-1].text == "!" and not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return True
    first = next((t for t in doc if not t.is_punct), None)
    return tok.dep_ == "ROOT" and tok.tag_ == "VB" and first is not None and first.i == tok.i and not any(
        ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for ch in tok.children)


# Equipment an army loses in fighting: in a bulletin, what of it "was destroyed" was the enemy's.
MILITARY_KIT = frozenset({"tank", "vehicle", "apc", "ifv", "howitzer", "launcher", "drone", "uav", "helicopter",
                          "aircraft", "jet", "boat", "truck", "system", "gun", "mortar", "depot", "radar"})


def _bulletin_sides(c: Candidate, ctx: _Context, location) -> None:
    """In a bulletin (an issuer speaks for the whole text), or in a claim by a state's military or government in a
    report of its war, fighting or a strike whose sentence names no attacker
    is between the issuer's side and the side it fights: "163 combat clashes took place along the front line" in
    a General Staff summary is the enemy's attacks on the issuer's country; an unattributed strike in the
    adversary's country is the issuer side's ("a fuel depot near Novoshakhtinsk was hit")."""
    voice = ctx.discourse.voice
    if c.event_type != "ASSAULT" or c.actor or c.claimed_by is None or not _is_country(c.claimed_by.country):
        return
    issuer = voice is not None and c.claimed_by.text == voice.text
    if not issuer and c.claimed_by.sector not in ("MIL", "GOV"):
        return
    side = c.claimed_by.country  # the issuer's, as the text gives it (see _finish)
    enemy = ctx.resolver.enemy_of(side, ctx.discourse)
    if not _is_country(enemy) or not (issuer or ctx.discourse.conflict_dyads.get(frozenset((side, enemy)))):
        return  # (a state body's claim outside a bulletin: only in a report of its war with that enemy)
    where = location.country if location is not None else None
    struck = {e.country for e in c.recipient if e.country}
    lost = next((x for x in c.token.children if x.dep_ == "nsubjpass"), None)
    if c.token.lemma_.lower() in INTERCEPT_VERBS and struck == {enemy}:
        attacker, target = side, enemy  # "air defence intercepted 57 Ukrainian UAVs": the issuer's own
    elif struck == {enemy} or (lost is not None and head_lemma(lost) in MILITARY_KIT):
        # "97 occupiers were eliminated", "two armoured vehicles were destroyed": the enemy's losses
        attacker, target = side, enemy
        c.recipient = [e for e in c.recipient if e.country == enemy]
    elif where == enemy and struck <= {enemy}:
        attacker, target = side, enemy
    elif where in (None, side) and struck <= {side}:
        attacker, target = enemy, side
    else:
        return
    c.actor = [Entity(text=attacker, country=attacker, sector="MIL")]
    if not c.recipient:
        c.recipient = [Entity(text=target, country=target)]
        c.inferred_recipient = True


# Fights with two sides: who fell in one "with" the other was the other side of it.
CLASH_NOUNS = frozenset({"clash", "gunfight", "firefight", "shootout", "skirmish", "fighting", "battle", "fight",
                         "exchange", "encounter"})


def _fallen_side(c: Candidate, extractor) -> list[Entity]:
    """The side that fell in a fight with another ("two militants were killed in a gunfight with security
    forces", "three rebels died in fighting with the army"): the subject of the verb of dying, when the fight's
    noun names its other side with "with"; the parties as the subject names them (an armed group's sector, no
    country yet)."""
    tok = c.token
    if c.kind != "noun" or tok.lemma_.lower() not in CLASH_NOUNS or tok.dep_ != "pobj" or \
            not any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in tok.children):
        return []
    verb = tok.head.head
    if tok.head.lower_ not in ("in", "during") or verb.lemma_.lower() not in VICTIM_VERBS:
        return []
    subj = next((x for x in verb.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return []
    return [e for e in extractor.entities(subj) if e.sector]


STATE_VERBS = frozenset({"be", "have", "seem", "remain", "become", "appear", "look", "feel", "stay"})


def rescue_event(doc, sentence: Sentence, sense, lexicon: Lexicon, resolver: ActorResolver,
                 discourse: Discourse, date: dt.date | None, country: str | None = None,
                 unknown_ok: bool = False, taken: frozenset[str] = frozenset(),
                 unreal: frozenset[str] = frozenset()) -> Event | None:
    """Code a clause of ``doc`` as an event of ``sense`` (the type a trained model gave the text): the main
    clause, else the first word the lexicon knows for that type ("clashed", "a shoot-out"). Its subject is
    the actor, its object or partner the recipient, its place, date and figures as for any event. Parties
    named by their kind only ("two armed men") belong to the place's country, else to ``country`` (the
    report's). None when no such clause names a party, unless ``unknown_ok`` (the model is sure). Words in
    ``taken`` are triggers of events the rules already coded in this sentence: not recoded. Words in ``unreal``
    trigger threats, demands, promises or refusals: what they govern has not happened ("threatened to shell")."""
    mentions = resolver.find_mentions(doc, date)
    extractor = SentenceExtractor(doc, lexicon, resolver, mentions, discourse)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
    if root.lemma_.lower() in lexicon.report_verbs and comp is not None:
        root = comp
    obj = extractor._object(root)
    if obj is not None and any(obj.lemma_.lower() in x.not_obj for x in lexicon.verbs.get(root.lemma_.lower(), ())):
        return None  # the lexicon's own veto: "the film was shot in Hungary"
    anchors = [root] + [t for t in _anchors(doc, sense.type, lexicon) if t.i != root.i]
    for anchor in anchors[:3]:
        kind = "noun" if anchor.pos_ in ("NOUN", "PROPN") and anchor is not root else "verb"
        if kind == "verb" and anchor.lemma_.lower() in STATE_VERBS or anchor.text in taken:
            continue  # "the weather was mild": a state, not a happening the model could name
        if any(a.text in unreal or a.lemma_.lower() in TOPIC_VERBS for a in anchor.ancestors):
            continue  # the content of a threat or a demand, the topic of talks ("met to discuss a ceasefire")
        c = Candidate(anchor, sense, kind, sense.type, sense.cameo)
        extractor._casualty_verbs({anchor.i: c})  # "the earthquake killed 300", "inflation is killing firms"
        subj = next((x for x in anchor.children if x.dep_ in ("nsubj", "csubj")), None)
        if c.absorbed and not extractor.personal(subj):
            continue  # "the earthquake killed 300": not this clause; another the lexicon knows may be
        c.actor = extractor.subject(anchor) if kind == "verb" else extractor._noun_owner(anchor)
        c.recipient = extractor.recipient(c)
        if not c.actor and not c.recipient and kind == "verb" and not (
                extractor.bare_subject(c) or extractor.bare_patient(c)):
            party = _chunk_before(doc, anchor, place_spans(doc, mentions))  # a parse that lost the subject
            if party is not None:
                passive = any(x.dep_ == "auxpass" for x in anchor.children)
                (c.recipient if passive else c.actor).append(party)
        c.status = extractor._status(c)
        c.claimed_by = extractor._claimant(anchor)
        c.inferred_recipient = True
        # the model has said what happened: a party known by its kind ("unidentified gunmen") is enough
        ctx = _Context(doc, sentence, resolver, discourse, date, None, mentions, extractor)
        ctx.fallback_country = country
        event = _finish(c, ctx, sector_enough=True, unknown_ok=unknown_ok)
        if event is not None:
            event.confidence = round(max(0.05, event.confidence - 0.1), 2)
            return event
    return None


def _chunk_before(doc, anchor, spans) -> Entity | None:
    """The noun phrase right before a verb ("..., Amazonas, a man was killed"), unless it names a place or a
    date: its subject, when the parse hung it elsewhere."""
    chunk = next((ch for ch in reversed(list(doc.noun_chunks)) if ch.end <= anchor.i), None)
    if chunk is None or anchor.i - chunk.end > 2 or chunk.root.pos_ == "PRON" or chunk.root.i in spans or \
            chunk.root.lemma_.lower() in WEAPON_OBJECTS or \
            chunk.root.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC"):
        return None
    if any(t.pos_ in ("PUNCT", "VERB") for t in doc[chunk.end:anchor.i]):
        return None
    return Entity(text=chunk.text, country=None, start=chunk.start_char, end=chunk.end_char)


def _anchors(doc, etype: str, lexicon: Lexicon) -> list:
    """Words of ``doc`` that the lexicon lists as triggers of ``etype``, verbs before nouns."""
    out = []
    for table, pos in ((lexicon.verbs, ("VERB",)), (lexicon.nouns, ("NOUN", "PROPN"))):
        out += [t for t in doc if t.pos_ in pos and any(x.type == etype for x in table.get(t.lemma_.lower(), ()))]
    return out


# A ministry, parliament, court or army named without a country, outside conflict: the actor's own.
_INSTITUTIONS = {"GOV", "LEG", "JUD", "MIL"}
DOMESTIC = {"REB", "COP", "OPP", "CVL", "PTY", "UAF", "JUD", "LEG", "EDU", "LAB", "REF", "REL", "MED", "JRN", "BUS",
            "AGR", "SOC"}
_NO_PARTNER = {"MOBILIZE"}
_OWN_COUNTRY = {"PROTEST"}


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code) == 3 and code.isupper() and code not in ("IGO", "NGO", "IMG", "ISM", "MNC", "EUR")


def _in_other_predicate(tok, verb) -> bool:
    """Whether ``tok`` is inside the object or complement of a verb joined to ``verb`` (a sibling clause)."""
    for head in tok.ancestors:
        if head.i == verb.i:
            return False
        if head.pos_ in ("VERB", "AUX") and head.dep_ == "conj" and head.head.i == verb.i:
            return True
    return False


def _speaks_for_last(e: Entity, discourse: Discourse) -> bool:
    """Whether ``e`` is a spokesman or spokeswoman named without a country right after a body spoke."""
    said = discourse.last_speaker
    return said is not None and bool(said.country) and discourse.sentence - discourse.last_speaker_sentence <= 1 \
        and any(w in SPEAKER_TITLES for w in e.text.lower().split())


def _report_state(discourse: Discourse, besides=()) -> str | None:
    """The first state among the countries the report is about (``Discourse.context_countries``), other than
    ``besides``."""
    return next((x for x in discourse.context_countries() if _is_country(x) and x not in besides), None)


def _organisations_only(actor: list[Entity]) -> bool:
    """Whether every party of ``actor`` with a code is an international or non-governmental organisation."""
    coded = [e for e in actor if e.country]
    return bool(coded) and all(e.sector in ("IGO", "NGO") or not _is_country(e.country) for e in coded)


def _fill_countries(c: Candidate, mentions, discourse: Discourse, doc, place: str | None = None,
                    enemies_of=lambda code: []) -> None:
    """Agents named without a country ("police", "troops") get one from the context.

    An actor agent takes the nearest country named in the sentence, else the article's main country. A
    recipient agent of an actor from country X ("Russia attacked hospitals") takes a country named in the
    sentence other than X; failing that, a domestic kind of party (police, protesters, a ruling party) is
    X's own, and anything else belongs to the last other country named. Between the parties of a compound
    actor ("the two sides released 175 servicemen each") such an agent belongs to both, and is left out.
    Forces that strike a country at war, or its weapons, with no country named ("troops shelled Kherson", "air
    defences destroyed 27 Ukrainian drones") are its adversary's.
    """
    places = [m for m in mentions if m.kind in ("country", "capital") and _is_country(m.country)]
    if len({e.country for e in c.actor if e.country}) >= 2:
        c.recipient = [e for e in c.recipient if e.country]
    own: dict[str, None] = {}
    clause = _own_clause(c.token)
    for role, ents in (("actor", c.actor), ("recipient", c.recipient)):
        own = dict.fromkeys(e.country for e in c.actor if e.country)  # in the actors' order: the first is the same
        # in every process, which a set's order (string hashing) is not
        for i, e in enumerate(ents):
            if e.country is not None:
                continue
            at = doc.char_span(e.start, e.end, alignment_mode="expand") if e.start is not None else None
            pos = at.start if at is not None else c.token.i
            # an actor is not the party its act is aimed at ("Spokesman Heorhii Tykhyi accused Moscow of ...")
            aimed = {r.country for r in c.recipient if r.country} if role == "actor" else set()
            # an actor's country is not one named in another clause's predicate ("The headquarters thanked the
            # UAE and accused Moscow of ...": not Moscow's)
            # nor does a recipient where the event is placed, from a clause inside its own ("civilians were
            # evacuated from X during a truce that Russia and Ukraine had accepted": of X's country)
            usable = [m for m in places if (role == "actor" and m.country not in aimed and not _in_other_predicate(
                doc[m.start], c.token)) or (role != "actor" and m.country not in own and (
                    not place or m.start in clause))]
            near = min(usable, key=lambda m: abs(m.start - pos), default=None)
            enemies = set(enemies_of(next(iter(own)))) if role == "recipient" and own else set()
            if near is not None and c.event_type == "ASSAULT" and near.country not in enemies and \
                    enemies & (set(discourse.context_countries()) | {m.country for m in mentions}):
                near = None  # "a deliberate attack on sleeping families and urged the United States ...": the
                # victims of a state at war are its adversary's (below), not those of a country named in passing
            named = discourse.same_head(e.text)
            forces = _forces(c, e, place, enemies_of, discourse) if role == "actor" else None
            enemy = _adversary(c, e, place, enemies_of) if role == "actor" and near is None else None
            insurgent = any(a.sector in ("REB", "UAF", "OPP", "CRM") for a in c.actor if a.country)
            if role == "recipient" and own and insurgent and e.sector in ("GOV", "MIL", "COP", "JUD", "LEG"):
                # "the ELN accused the Government of ...": an armed group's or opposition's state is its own
                country = next(iter(own))
            elif role == "recipient" and own and e.sector in _INSTITUTIONS and \
                    c.event_type not in _CONFLICT and near is None and not _organisations_only(c.actor):
                # "asked the Ministry of Defence to strengthen air defence": the asker's own, whatever came before
                country = next(iter(own))
            elif named is not None:
                country = named.country  # "the ministry said" after "Russia's Defence Ministry said"
            elif role == "actor" and e.text.lower().split()[-1] in _LOCAL_TITLES and discourse.place is not None \
                    and discourse.place.country and discourse.sentence - discourse.place_sentence <= 2:
                country = discourse.place.country  # "the mayor said" after a strike on Kharkiv: Kharkiv's mayor
            elif forces is not None:
                country = forces
            elif enemy is not None:
                country = enemy
            elif near is not None:
                country = near.country
            elif role == "actor" and place and own and place not in own and c.event_type in ("CONSULT", "AGREE"):
                # "The KIA and military representatives met in Kunming": a side of talks held abroad is of the
                # country of the side it meets, not of the host's
                country = next(iter(own))
            elif place and (role == "actor" or place not in own):
                country = place  # "police fired tear gas in Mora village (Surat, Gujarat)"
            elif role == "actor" and _speaks_for_last(e, discourse):
                # "China's foreign ministry said ... Spokesman Lin Jian called on Washington to ...": its spokesman
                country = discourse.last_speaker.country
            elif role == "actor":
                country = discourse.home_country()
                states = {r.country for r in c.recipient if r.country and r.sector in (None, "GOV", "MIL")}
                if country in states:  # "Navy spokesman X called the strike ...": not of the state he accuses
                    country = next((x for x in discourse.context_countries() if x not in states and _is_country(x)),
                                   country)
            elif role == "recipient" and own and c.event_type == "ASSAULT" and enemies_of(next(iter(own))):
                # "Russian glide bombs struck a printing house, killing two workers": a state at war strikes its
                # adversary's people (the one the article names, else its first)
                enemies = enemies_of(next(iter(own)))
                country = next((x for x in enemies if discourse.country_counts.get(x)), enemies[0])
            elif own and e.sector in DOMESTIC:
                # "police" beside the actor: the actor's own; an organisation has no rebels or civilians of its
                # own ("MONUSCO condemned the rebel advance": those of the country the report is about)
                country = (_report_state(discourse, own) or next(iter(own))) if _organisations_only(c.actor) \
                    else next(iter(own))
            elif not own and e.sector == "CVL" and _report_state(discourse):
                # "14 people had been rescued alive" after the strike on Kharkiv: people of where the report is,
                # not of the country it names most
                country = _report_state(discourse)
            elif not own:
                country = discourse.main_country()
            else:
                other = discourse.other_party(own, countries_only=True)
                aimed = discourse.target(next(iter(own))) if c.event_type == "SANCTION" else None
                if aimed is not None and aimed not in own:
                    country = aimed  # "add 117 vessels to the EU's blacklist": of whom the EU's measures aim at
                elif other is not None:
                    country = other.country
                elif _organisations_only(c.actor):  # an agency has no army: the one of where the report is
                    country = _report_state(discourse, own)
                else:
                    country = next(iter(own))
            if country:
                ents[i] = Entity(text=e.text, country=country, sector=e.sector, name=e.name, start=e.start,
                                 end=e.end)


# Titles of a town's or region's own officials: with no country named, of the place the report is at
_LOCAL_TITLES = frozenset({"mayor", "governor", "prefect", "burgomaster"})

_CLAUSES = {"advcl", "ccomp", "xcomp", "conj", "parataxis", "relcl", "acl", "csubj"}


def _named_country(doc, entity, mentions) -> str | None:
    """The country a phrase names by a nationality or a country's name ("a Ukrainian FPV drone"), if any."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand") if entity.start is not None else None
    found = {mentions[i].country for i in range(span.start, span.end) if i in mentions and mentions[i].kind in (
        "demonym", "country") and _is_country(mentions[i].country)} if span is not None else set()
    return next(iter(found)) if len(found) == 1 else None


def _plausible(country: str | None, ctx) -> bool:
    """Whether a place's country fits the report: one the article or the sentence names, or at war with one;
    any country while the report names none."""
    named = set(ctx.discourse.country_counts) | {m.country for m in ctx.ordered_mentions if m.country}
    named = {c for c in named if _is_country(c)}
    if not named or not _is_country(country) or country in named:
        return True
    return any(country in ctx.resolver.gaz.enemies_of(c) for c in named)


def _in_clause(tok, location) -> bool:
    """Whether the place an event was given is named in the event's own clause ("a missile hits Sumy"), not
    borrowed from another clause of the sentence."""
    words = {t.text for t in tok.subtree}
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else \
        tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        # "clashes leave 7 dead near Toretsk", "Belgorod came under a missile attack": the phrases of the
        # noun's verb, not its other clauses
        for c in verb.children:
            if c.dep_ not in _CLAUSES and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
                words.update(t.text for t in c.subtree)
    return bool(location.text) and all(w in words for w in location.text.split())


def _forces(c: Candidate, e: Entity, place: str | None, enemies_of, discourse: Discourse) -> str | None:
    """Forces named without a country in a statement ("the armed forces delivered a strike", "units liberated
    the settlement", as a defence ministry reports): the speaker's own when they act abroad, the speaker's
    adversary when they strike the speaker's country."""
    said = c.claimed_by or discourse.voice
    speaker = said.country if said is not None and _is_country(said.country) else None
    intercepts = _intercepts(c)
    if e.sector == "MIL" and intercepts and said is None:
        # "air defence units shot down nine drones over the region", claimed by no one: those of the land defended
        # (where the report's events are, when the sentence names no place; a speaker's own claim: below)
        land = place if _is_country(place) else next((x for x, _ in discourse.place_counts.most_common(1)), None)
        fired = {r.country for r in c.recipient if r.country}  # ("63 Ukrainian drones": never Ukraine's defence)
        if _is_country(land) and land not in fired:
            return land
    if speaker is None or e.sector != "MIL" or c.event_type not in _CONFLICT:
        return None
    struck = {r.country for r in c.recipient if _is_country(r.country)}
    if struck and speaker not in struck:
        return speaker  # "air defences destroyed 89 Ukrainian drones", said Moscow: its own
    if intercepts:
        return speaker  # "air defence units shot down nine drones over the region": the speaker's, over its land
    if _hits_enemy_kit(c):
        # "units of the missile troops hit a Buk-M2 system near Tokmak", "artillery hit 11 areas where enemy
        # personnel were concentrated": the speaker's forces strike the enemy's arms, even on the speaker's land
        return speaker
    if place == speaker or speaker in struck:
        enemies = enemies_of(speaker)
        return enemies[0] if enemies else None
    return speaker


# Words that mark what an attack hit as the enemy's: the other side named by a hostile noun, or held ground
_ENEMY_MARKS = frozenset({"enemy", "occupier", "occupiers", "invader", "invaders", "occupied"})


def _hits_enemy_kit(c: Candidate) -> bool:
    """Whether an attack hit arms or a force of the other side: military kit ("an air defence system", "an
    ammunition depot") or anything the text marks as the enemy's ("areas where enemy personnel were
    concentrated")."""
    hit = next((x for x in c.token.children if x.dep_ in ("dobj", "nsubjpass")), None)
    if c.event_type != "ASSAULT" or hit is None:
        return False
    words = {t.lemma_.lower() for t in hit.subtree} | {t.lower_ for t in hit.subtree}  # ("occupier": lemma "occupi")
    return head_lemma(hit) in MILITARY_KIT or bool(words & _ENEMY_MARKS)


def _intercepts(c: Candidate) -> bool:
    """Whether the event is drones or missiles shot down or intercepted ("destroyed 58 UAVs")."""
    tok = c.token
    shot = next((x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")), None)
    return c.event_type == "ASSAULT" and tok.lemma_.lower() in INTERCEPT_VERBS and shot is not None and (
        head_lemma(shot) in WEAPON_OBJECTS or (head_lemma(shot) == "vehicle" and any(
            x.lower_ in ("unmanned", "aerial") for x in shot.children)))  # "unmanned aerial vehicles"


def _adversary(c: Candidate, e: Entity, place: str | None, enemies_of) -> str | None:
    """The country at war with the one an attack struck, for an attacker named only by its kind."""
    if c.event_type != "ASSAULT" or e.sector in DOMESTIC or any(r.sector in DOMESTIC for r in c.recipient):
        return None
    struck = [r.country for r in c.recipient if _is_country(r.country)] or ([place] if _is_country(place) else [])
    enemies = [x for country in struck for x in enemies_of(country)]
    return enemies[0] if enemies else None


_REACTIONS = frozenset({"THREATEN", "ACCUSE", "REJECT"})
# Acts a party answers with a threat or a protest: sanctions, attacks, coercion, threats and accusations.
_HOSTILE_ACTS = frozenset({"SANCTION", "ASSAULT", "COERCE", "THREATEN", "ACCUSE"})


def _other_party(c: Candidate, mentions, discourse: Discourse, doc, here: str | None = None,
                 enemies_of=lambda code: []) -> Entity | None:
    """The implicit partner of an event with no recipient: protesters address their own state; a domestic
    armed group or police force acts within its country; otherwise the last other party named before; else,
    for an attack abroad, the country where it struck ("Russian drones struck Lviv": Ukraine)."""
    if c.event_type in _NO_PARTNER:
        return None
    own = {e.country for e in c.actor}
    first = next((e for e in c.actor if e.country), None)
    if first is not None and (c.event_type in _OWN_COUNTRY or (
            c.event_type in ("ASSAULT", "COERCE") and first.sector in DOMESTIC) or (
            c.event_type == "COERCE" and first.sector in ("GOV", "COP", "JUD", "LEG"))):
        # a state's measure that names no one it targets ("imposed a curfew from 6pm", "declared a state of
        # emergency", "closed two airports") is taken at home, on its people
        people = c.event_type == "COERCE" and first.sector in ("GOV", "COP", "JUD", "LEG")
        return Entity(text=first.country, country=first.country, sector="CVL" if people else "GOV")
    if c.event_type == "REQUEST" and first is not None and _is_country(first.country) and any(
            x.dep_ == "dobj" and x.lemma_.lower() in _PEOPLE_AT_LARGE for x in c.token.children):
        # "I urge everyone who still lives along the riverbank to leave": an official's appeal to the public
        return Entity(text=first.country, country=first.country, sector="CVL")
    conflict = c.event_type in _CONFLICT
    # an armed clash or an arrest is between states' or groups' people; an accusation or a threat may also be aimed
    # at a bloc of states ("a step Beijing condemned ... vowed to take measures" against the EU's)
    before = reversed([m for m in mentions if m.end <= c.token.i])
    # a sentence whose party is named after the act ("dropped its objection after the Commission gave assurances")
    after = [m for m in mentions if m.start > c.token.i and _in_own_clause(doc[m.start], c.token)] \
        if c.event_type in _LATE_PARTNER else []
    for m in [*before, *after]:
        if not conflict and c.event_type != "CONSULT" and _named_as_place(doc, m):
            continue  # "signed in Doha": where it happened, not who it was with (a visit's host is: "arrived in Amman")
        if _mediator(doc, m):
            continue  # "under an arrangement brokered by the ICRC": the go-between is no side of it
        if m.country and m.country not in own and (not conflict or _is_country(m.country) or (
                c.event_type in _REACTIONS and m.sector == "IGO")):
            span = doc[m.start:m.end]
            return Entity(text=span.text, country=m.country, sector=m.sector, name=m.name, start=span.start_char,
                          end=span.end_char)
    if first is not None and c.event_type in _CIVIL_PARTNER:
        foe = discourse.civil_foe(first)
        if foe is not None:  # a party to a war inside its country acts towards the other side of it
            return foe
    if conflict and here and here not in own and _is_country(here):
        return Entity(text=here, country=here)
    if c.event_type in _REACTIONS and first is not None:
        # a threat or protest with no one named answers the acts against the actor's country: "Moscow will take
        # countermeasures" after "the EU adopted sanctions against Russia"
        against = discourse.against(first.country)
        if against is not None:
            return Entity(text=against, country=against)
    if c.event_type == "RETREAT" and first is not None:
        # "Russian forces are to hold fire along the road": a pause in fighting is towards the other side of it
        foe = discourse.foe(first.country)
        if foe:
            return Entity(text=foe, country=foe)
    other = discourse.other_party(own, countries_only=conflict)
    if c.event_type in _TO_COUNTERPART and first is not None and other is not None and other.country and \
            not discourse.addressed(first.country, other.country):
        # "Umerov proposed that a third round be held" after the host's remarks: a side of talks or a war
        # addresses its counterpart, not the last third party named, unless it has dealt with that party
        side = discourse.counterpart(first.country)
        if side and side != other.country:
            return discourse.last_of(side)
    if c.event_type == "ASSAULT" and first is not None and other is not None and \
            other.country not in enemies_of(first.country):
        # "Moscow has not commented on the bombing": a state at war bombs its adversary (the one the article
        # names), not the last third party named ("urged the United States ...")
        named = [x for x in enemies_of(first.country) if discourse.country_counts.get(x)]
        if named:
            return Entity(text=named[0], country=named[0])
    if other is None and first is not None and c.event_type == "ASSAULT" and enemies_of(first.country):
        # "Russian troops shelled the town": a state's forces at war strike its adversary, not their own country
        enemy = enemies_of(first.country)[0]
        return Entity(text=enemy, country=enemy)
    if other is None and first is not None and _is_country(first.country):
        # a story about one country ("the army retook the airport", "the prime minister resigned")
        return Entity(text=first.country, country=first.country)
    return other


# Words for the public an official addresses ("urged everyone to stay in shelters", "asked residents to leave")
_PEOPLE_AT_LARGE = frozenset({"everyone", "everybody", "anyone", "people", "resident", "residents", "civilian",
                              "citizen", "family", "parent", "all", "those", "inhabitant", "population", "public"})

# Acts a party to a war inside its country makes towards the other side when the sentence names no one
_CIVIL_PARTNER = frozenset({"ASSAULT", "COERCE", "THREATEN", "REQUEST", "CONSULT", "AGREE", "RETREAT", "CONCEDE",
                            "REJECT", "SANCTION"})

# Acts a side of talks or of a war makes towards its counterpart when the sentence names no one (a rejection or a
# reproach answers whoever spoke last, so is not among them)
_TO_COUNTERPART = frozenset({"REQUEST", "CONSULT", "AGREE", "THREATEN", "CONCEDE", "RETREAT"})

# Acts whose partner a sentence may name after them, in an adverbial of the act's own clause ("dropped its
# objection after the Commission gave assurances", "welcomed the package and urged the EU to move quickly")
_LATE_PARTNER = frozenset({"CONCEDE", "SUPPORT"})


def _in_own_clause(tok, verb) -> bool:
    """Whether ``tok`` lies under ``verb`` and not in a clause of what someone said there ("..., saying Kinshasa
    had ...")."""
    for a in [tok, *tok.ancestors]:
        if a.i == verb.i:
            return True
        if a.dep_ in ("ccomp", "parataxis") or (a.dep_ == "advcl" and a.tag_ == "VBG" and
                                                a.lemma_.lower() in ("say", "add", "tell", "note", "insist")):
            return False
    return False


DRONE_WORDS = frozenset({"drone", "uav", "shahed", "quadcopter", "geran", "lancet"})
_WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "throughout", "across"})


MEDIATING = frozenset({"broker", "mediate", "facilitate", "sponsor", "negotiate", "arrange", "host"})


def _mediator(doc, m) -> bool:
    """Whether a mention is the agent of a mediation ("a truce brokered by Qatar", "talks hosted by Turkey")."""
    t = doc[m.start:m.end].root
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower() in MEDIATING


def _named_as_place(doc, m) -> bool:
    """Whether a capital is the object of a place preposition ("in Doha", "at the talks in Riyadh"), naming where
    something happened. (A country so named is often what the event is about: "had no troops in Congo".)"""
    t = doc[m.end - 1]
    return m.kind == "capital" and t.dep_ == "pobj" and t.head.lower_ in _WHERE_PREPS


# Nouns a side uses for the other and never for itself: "the Russian invasion", "Russian occupiers", "Ukrainian
# nationalists", "the Kyiv regime", "Israeli aggression". The country so named is the text's voice's adversary.
HOSTILE_NOUNS = frozenset({"invasion", "invader", "invaders", "aggression", "aggressor", "aggressors", "occupier",
                           "occupiers", "occupation", "incursion", "regime", "nationalists", "neo-nazis", "junta",
                           "terrorists", "enemy", "rashists", "orcs", "punishers"})


_FIRST_PLURAL = re.compile(r"^(?:we|us)$|\bour\b", re.I)


def _named_hostile(doc, m) -> bool:
    """Whether the country mention ``m`` qualifies a noun of hostility: "the Russian invasion", "Russia's
    aggression", "the Kyiv regime", "Ukrainian nationalists" (a country's adjective, possessive or capital)."""
    if m.kind not in ("country", "capital", "demonym") or not _is_country(m.country):
        return False
    i = m.end
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    while i < len(doc) and doc[i].pos_ in ("ADJ", "PROPN") and doc[i].lower_ not in HOSTILE_NOUNS and \
            i - m.end < 2:
        i += 1  # "Russian full-scale invasion", "Russia's brutal aggression"
    return i < len(doc) and doc[i].lower_ in HOSTILE_NOUNS


def _enemies(c: Candidate, resolver: ActorResolver, discourse: Discourse, location) -> None:
    """Parties named as the speaker's adversary ("the enemy shelled Nikopol", "the occupiers") belong to the
    country the speaker fights. The speaker is who the clause is attributed to, else the issuer of the
    bulletin the article is, else the country where an attack of theirs struck (an attacker does not shell its
    own towns), else the country where the report's last located event took place, else the country the
    article is most about."""
    parties = [(role, i, e) for role in (c.actor, c.recipient) for i, e in enumerate(role)
               if e.country is None and resolver.names_enemy(e.text)]
    # and the speaker's own side: "our troops", "our defenders", "our positions" (in a quote, the quoted's)
    ours = [(role, i, e) for role in (c.actor, c.recipient) for i, e in enumerate(role)
            if not e.name and _FIRST_PLURAL.search(e.text)]
    if not parties and not ours:
        return None
    said = c.claimed_by or discourse.voice
    speaker = said.country if said is not None and said.country else None
    if speaker is None and said is not None:  # "..., the ministry said" after "the Russian Defence Ministry said"
        named = discourse.same_head(said.text)
        speaker = named.country if named is not None and _is_country(named.country) else None
    own = _own_side(c, resolver, discourse, ours) if speaker is None else None
    speaker = speaker or own
    if speaker is None and c.event_type in _CONFLICT and location is not None and _is_country(location.country):
        speaker = location.country
    if speaker is None and discourse.place is not None and _is_country(discourse.place.country):
        speaker = discourse.place.country  # a bulletin from the front: where its events have taken place
    if ours and speaker is not None and _is_country(speaker) and (parties or c.event_type in _CONFLICT):
        for role, i, e in ours:
            role[i] = replace(e, country=speaker)
    enemy = resolver.enemy_of(speaker or discourse.main_country(), discourse)
    for role, i, e in parties if enemy is not None else ():
        role[i] = replace(e, country=enemy, sector=e.sector or "MIL")
    return own


def _own_side(c: Candidate, resolver: ActorResolver, discourse: Discourse, ours) -> str | None:
    """The country whose voice the text is, from its own words: the adversary of the country it names as
    invader or aggressor ("the Russian invasion"), else of the country "our" side fights in this clause ("our
    units destroyed four Russian boats")."""
    against = discourse.adversary()
    if against is None and ours:
        mine = {id(e) for _, _, e in ours}
        for own_role, other in ((c.actor, c.recipient), (c.recipient, c.actor)):
            if any(id(e) in mine for e in own_role):
                against = next((e.country for e in other if id(e) not in mine and _is_country(e.country)), None)
                if against:
                    break
    return resolver.enemy_of(against, discourse)


def _authorities(c: Candidate) -> None:
    """Arrests reported in the passive with no agent ("dozens were detained") are the authorities' doing."""
    if c.event_type == "COERCE" and not c.actor and c.recipient and c.recipient[0].country and \
            any(ch.dep_ == "auxpass" for ch in c.token.children):
        code = c.recipient[0].country
        c.actor = [Entity(text="authorities", country=code, sector="COP")]


_ADDRESSING = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "CONCEDE"})


def _location(c: Candidate, doc, mentions, spans: dict[int, tuple[int, int]], resolver: ActorResolver,
              discourse: Discourse, lexicon=None):
    """Where the event happened: the place phrase of its clause (not its actor's name), geocoded.
    ``spans`` are the sentence's place phrases (``place_spans``)."""
    banned: set[int] = set()
    # the parties of a statement named by their capital ("accused Moscow of", "called on Washington") are no
    # place of it; an attack's target may be both ("Russia struck Kyiv")
    addressed = c.recipient if c.event_type not in ("ASSAULT", "COERCE") else []
    for e in c.actor + addressed + ([c.claimed_by] if c.claimed_by else []):
        # (only a party named in this sentence: a bulletin's issuer or a party remembered from an earlier
        # sentence carries that sentence's offsets)
        if e.start is not None and doc.text[e.start:e.end] == e.text:
            at = doc.char_span(e.start, e.end, alignment_mode="expand")
            if at is not None:
                banned.update(range(at.start, at.end))
    if lexicon is not None:  # nor is the party another verb of the sentence addresses ("and accused Moscow of")
        for t in doc:
            senses = lexicon.verbs.get(t.head.lemma_.lower(), ()) if t.dep_ == "dobj" else ()
            if senses and t.i not in banned and all(x.type in _ADDRESSING for x in senses):
                banned.update(range(t.left_edge.i, t.i + 1))
            if t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.lemma_.lower() in ("call", "prevail"):
                banned.update(range(t.left_edge.i, t.i + 1))  # "called on Washington and Berlin to ..."
                banned.update(c.i for c in t.conjuncts for c in c.subtree)
    for rel in (t for t in doc if t.dep_ == "relcl" and t.head.dep_ in ("nsubj", "nsubjpass")):
        inside = {t.i for t in rel.subtree}
        if c.token.i not in inside:  # what a relative clause says of a subject ("the group, which has bases in
            banned.update(inside)    # central Mali, claimed the raid") places no event outside it
    span = choose_place(c.token, spans, banned)
    hints = [e.country for e in c.actor + c.recipient if _is_country(e.country)]
    # when that phrase is no place the table knows, the places of the clause's own phrase come before those
    # of its subject's ("units advancing east of Balakliia cleared Shchurovka on the Siverskyi Donets")
    own = _own_clause(c.token) if span is not None else frozenset()
    return _geocode_first(doc, span, spans, banned, mentions, resolver, discourse, hints, own=own)


def _own_clause(tok) -> set[int]:
    """The tokens of the clause of ``tok`` without its subject and without the clauses inside it ("those who
    killed ... in X")."""
    own, todo = set(), [tok]
    while todo:
        t = todo.pop()
        own.add(t.i)
        todo += [x for x in t.children if x.dep_ not in _NOT_OWN]
    return own


def sentence_place(doc, resolver: ActorResolver, discourse: Discourse, date: dt.date | None = None):
    """The place a sentence gives, whatever clause it belongs to: a short report's lead names where its one
    happening took place ("On 3 May 2020, in Recife, Pernambuco, ...")."""
    mentions = resolver.find_mentions(doc, date)
    return _geocode_first(doc, None, place_spans(doc, mentions), set(), mentions, resolver, discourse, [],
                          anywhere=True)


# Words after a country's name that make it a currency or a market, not a place: "the US dollar", "Chinese yuan".
CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "currency", "pound", "pounds", "rouble", "roubles",
                            "ruble", "rubles", "yuan", "yen", "lira", "rupee", "rupees", "dinar", "dinars", "shekel",
                            "shekels", "hryvnia", "treasuries", "bonds", "stocks", "shares"})


_NOT_OWN = frozenset({"nsubj", "nsubjpass", "csubj", "relcl", "advcl", "ccomp", "parataxis", "acl"})


def _geocode_first(doc, span, spans, banned, mentions, resolver, discourse, party_hints, anywhere=False,
                   own: set[int] = frozenset()):
    """Geocode the clause's place ``span``, else the first of the sentence's other place phrases that the
    table knows (with a ``span``, those among the clause's ``own`` tokens first): a phrase given with its regions
    first, then the ones the sentence uses as places (any place name that qualifies no thing, when
    ``anywhere``), then bare proper nouns."""
    if span is not None:
        span = _town_of(doc, span, spans)
    others = sorted({v for k, v in spans.items() if k not in banned and v != span},
                    key=lambda v: (span is not None and v[0] not in own, v))
    precise = [o for o in sorted(set(spans.values())) if has_qualifier(doc, o)]
    if precise and span not in precise:
        others = [x for x in [span] if x] + [o for o in others if o not in precise]
        span = precise[0]  # an event report's own place, given with its regions
    if span is None and not others:
        return None
    # where the text points: the countries and capitals the sentence names, the countries the article's events
    # took place in; then, weaker, the countries of its parties and their adversaries (Russian forces shell
    # Ukrainian villages: a party's nationality does not place its attack at home)
    # a country or capital named inside a town's name ("Mocimboa da Praia"), or naming a currency ("the US dollar
    # exchange rate"), points nowhere
    # (not one inside the name of a party: "units of the Defence Forces of Ukraine struck a depot in Rostov region")
    named_places = [m for m in sorted(set(mentions.values()), key=lambda m: m.start)
                    if m.kind in ("country", "capital") and _whole(spans.get(m.start, (m.start, m.end)), m, doc)
                    and m.start not in banned
                    and not (m.end < len(doc) and doc[m.end].lower_ in CURRENCY_WORDS)]
    hints = [m.country for m in named_places if _is_country(m.country)]
    hints += [code for code, _ in discourse.place_counts.most_common(3) if _is_country(code)]
    if discourse.post_place is not None:
        hints.append(discourse.post_place.country)
    if discourse.dateline is not None:
        hints.append(discourse.dateline.country)
    ordered = list(dict.fromkeys(h for h in hints if h))
    parties = list(party_hints) + [code for code, _ in discourse.country_counts.most_common(3) if _is_country(code)]
    # a nationality the sentence names that makes it a report on a war ("pounded by Russian guided bombs")
    nationalities = {m.country for m in mentions.values() if m.kind == "demonym" and _is_country(m.country)}
    war = war_between(nationalities | set(parties) | {x for c in nationalities for x in resolver.gaz.enemies_of(c)})
    if war and war & nationalities:
        parties += sorted(war)
    weak = list(dict.fromkeys(parties + [x for c in parties for x in resolver.gaz.enemies_of(c)]))
    index, names = load_places(), resolver.country_codes
    # beyond the clause's own place, only phrases the sentence uses as places ("in X", "X (A, B)"), never a
    # country name that merely qualifies someone ("U.S. President")
    others = [o for o in others if is_located(doc, o) or (anywhere and not is_modifier(doc, o, spans))]
    chunks = [o for o in proper_chunks(doc, spans, banned) if is_located(doc, o) and not made_at(doc, o[1])]
    context = [doc[a:b].text for a, b in sorted(set(spans.values()) | set(chunks))]
    found = [x for x in (geocode_span(doc, c, index, ordered, names, context, weak)
                         for c in dict.fromkeys(([span] if span else []) + others + chunks)) if x is not None]
    if found and found[0].precision == 3 and found[0].admin1:
        # the clause's place is a region, and the sentence names a town in it: "Chernomorskoye in western Crimea
        # was hit" happened in the town, however the parser attached "in western Crimea"
        inner = next((x for x in found[1:] if x.precision in (1, 2) and x.country == found[0].country
                      and x.admin1 == found[0].admin1), None)
        if inner is not None:
            found = [inner] + [x for x in found if x is not inner]
    towns = [x for x in found if x.admin1 or x.geonameid]
    if not towns:
        return found[0] if found else None  # a country, when the sentence names no place in it
    # a place in a country the sentence names ("in Kadikoy, Istanbul, Turkey"), else in the country most of
    # its places are in: "Karama in eastern Ar-Raqqa countryside" is not Calama in Chile
    named = {x.country for x in found if not (x.admin1 or x.geonameid)} | {
        m.country for m in named_places if m.kind == "country"}
    inside = next((x for x in towns if x.country in named), None)
    if inside is not None:
        return inside
    votes: Counter = Counter()
    for x in found:  # a name the table has as the place's own counts more than one it has as an alias
        votes[x.country] += 1.0 if _own_name(x) else 0.4
    return next((x for x in towns if votes[x.country] == max(votes.values())), towns[0])


def _whole(span, m, doc) -> bool:
    """Whether the place phrase ``span`` is the mention ``m`` itself, a possessive included ("Burkina Faso's
    northern Soum province" names the country)."""
    return span == (m.start, m.end) or (span == (m.start, m.end + 1) and doc[m.end].tag_ == "POS")


def _town_of(doc, span, spans):
    """The town a region qualifies: in "shelled Vovchansk, Kharkiv" the parser may take "Kharkiv" for the
    object, but "Kharkiv" only says where Vovchansk is; so does "Kharkiv region" in "the village of Babaky in
    Kharkiv region"."""
    while True:
        i = span[0] - 1
        while i >= 0 and doc[i].lower_ == "the":
            i -= 1
        region = doc[span[1] - 1].lower_ in REGION_WORDS or (span[1] < len(doc) and doc[span[1]].lower_ in
                                                              REGION_WORDS)
        if not (i >= 1 and (doc[i].text == "," or (doc[i].lower_ == "in" and region)) and (i - 1) in spans
                and spans[i - 1] != span):
            return span
        span = spans[i - 1]


def _own_name(loc) -> bool:
    """Whether a geocoded phrase is the place's own name (give or take romanisation), not an alias."""
    said = skeleton(fold(loc.text).removeprefix("the "))
    own = skeleton(fold(loc.name))
    return said == own or said.startswith(own) or own.startswith(said)


def _statelike(c: Candidate) -> bool:
    ents = c.actor + c.recipient
    return bool(c.actor) and all(e.country and e.sector in _STATE_SECTORS for e in ents) and any(
        e.sector in ("GOV", "MIL", "REB", "COP") or e.name for e in ents)


def _event(c: Candidate, doc, sentence: Sentence, tables, sentence_words: set[str], date: dt.date | None) -> Event:
    tok = c.token
    subtree_words = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    actor_words = {w.lower() for e in c.actor for w in e.text.split()}
    mode = c.sense.mode
    if c.event_type == "ASSAULT" and (mode is None or mode == "aerial" and c.kind == "noun"):
        mode = first_label(subtree_words | actor_words, tables.assault_modes) or \
            first_label(sentence_words, tables.assault_modes) or mode
    elif c.event_type == "ASSAULT" and mode == "destroy":
        # "Ukrainian drones set fire to a refinery": what did it is the mode, not that it burned
        mode = next((m for m in [first_label(subtree_words | actor_words, tables.assault_modes)]
                     if m in ("drone", "aerial", "heavy-weapons")), mode)
    elif mode is None and c.event_type in (tables.other_modes or {}):
        mode = first_label(subtree_words, tables.other_modes[c.event_type])
    targets: list[str] = []
    if c.event_type in ("ASSAULT", "COERCE", "RETREAT") or c.cameo == "0871":
        obj_words = {t.lemma_.lower() for t in tok.subtree if t.i != tok.i} - actor_words
        targets = all_labels(obj_words, tables.targets)
    context = list(c.sense.context)
    for label in all_labels(subtree_words, tables.contexts):
        if label not in context:
            context.append(label)
    sectors = {e.sector for e in c.recipient if e.sector}
    grenade = "grenade" in subtree_words
    acled, acled_sub = acled_types(c.event_type, mode, sectors, grenade, c.cameo)
    shot = next((x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")), None)
    if c.event_type == "ASSAULT" and tok.lemma_.lower() in INTERCEPT_VERBS and shot is not None and \
            head_lemma(shot) in WEAPON_OBJECTS:
        # drones or missiles shot down: ACLED's disrupted weapons use; a drone's all the same
        mode, targets = ("drone" if head_lemma(shot) in DRONE_WORDS else None), ["military"]
        acled, acled_sub = "Strategic developments", "Disrupted weapons use"
    confidence = 0.75
    if c.inferred_recipient:
        confidence -= 0.15
    if not c.actor:
        confidence -= 0.15
    if c.status != "occurred":
        confidence -= 0.05
    end = tok.idx + len(tok.text)
    when, when_source = event_date(tok, date, future=c.status in ("planned", "intended"))
    return Event(
        event_type=c.event_type, mode=mode, context=context[:3], cameo=c.cameo, quad_class=QUAD[c.event_type],
        acled_event_type=acled, acled_sub_event_type=acled_sub,
        actor=[_shift(e, sentence.start) for e in c.actor], recipient=[_shift(e, sentence.start) for e in c.recipient],
        claimed_by=_shift(c.claimed_by, sentence.start) if c.claimed_by else None, status=c.status, targets=targets,
        date=when, date_source=when_source,
        evidence=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end),
        confidence=round(max(0.05, min(1.0, confidence)), 2),
        trigger=doc.text[tok.idx:end],
    )


def _shift(e: Entity, offset: int) -> Entity:
    return Entity(text=e.text, country=e.country, sector=e.sector, name=e.name,
                  start=None if e.start is None else e.start + offset, end=None if e.end is None else e.end + offset)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per happening: same type and the same parties in one sentence are reported once, unless they
    are told of different days ("the drones struck on Monday; the same group had attacked a convoy last week") or,
    within one country, of parties of different kinds (the army's strike and the rebels' ambush)."""
    out: list[Event] = []
    seen: dict[tuple, Event] = {}
    for e in events:
        countries = {a.country for a in e.actor} | {r.country for r in e.recipient}
        kinds = frozenset(a.sector for a in e.actor) if len(countries) == 1 else frozenset()
        key = (e.event_type, frozenset(a.country for a in e.actor), frozenset(r.country for r in e.recipient),
               e.date, kinds)
        if key in seen:
            kept = seen[key]
            kept.targets = sorted(set(kept.targets) | set(e.targets))
            kept.mode = kept.mode or e.mode
            continue
        seen[key] = e
        out.append(e)
    return out
