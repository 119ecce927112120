"""Articles in, coded documents out: the one public entry point of the coder.

Work is streamed in chunks of articles: each chunk's sentences are split, the ones that cannot hold an event
are dropped by a cheap word filter, the rest are parsed together with ``nlp.pipe`` and coded.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from parley.actors.gazetteer import load_gazetteer
from parley.actors.resolve import ActorResolver
from parley.events.build import HOSTILE_NOUNS, _is_country, build_events, note_voice, rescue_event, sentence_place
from parley.events.classify import ACLED_TYPES, PLOVER_OF, load_classifier
from parley.events.definitions import settle
from parley.events.detect import load_detector
from parley.events.discourse import Discourse
from parley.events.domain import document_domain
from parley.events.extract import BLAME_WORDS, DELIBERATELY, OBLIGATION_WORDS
from parley.events.lexicon import Sense, load_lexicon
from parley.events.segment import Sentence, blank_editorial, split_sentences, trigger_filter
from parley.events.voice import maybe_header
from parley.ground.dates import date_range, stamp_date
from parley.ground.numbers import attach_numbers, other_side, report_toll
from parley.model import Article, CodedDocument, Location
from parley.nlp import MODEL_NAME, load_pipeline

log = logging.getLogger(__name__)

# Documents of at most this many sentences are short reports (event notes, snippets, wire briefs): there the
# trained model's sub-type is used.
SNIPPET_SENTENCES = 6
RESCUE_P = 0.35  # the model's probability needed to code the main clause as the event it names
RESCUE_BESIDE_P = 0.6  # ... when the rules found other (non-ACLED) events in the report
UNREAL = ("THREATEN", "REQUEST", "AGREE", "REJECT")  # what these govern has not happened
RESCUE_SENTENCES = 3  # the sentences of a short report in which the main event is looked for
SURE_P = 0.5  # ... even when no clause names a party with a known country: the model's label is more likely
# right than wrong (its calibrated confidence, fitted on the training folds, not its raw probability)
DETECT_P = 0.5  # the detector's probability of a type needed to code a sentence the rules left empty
DETECT_NONE_P = 0.3  # ... with at most this probability that the sentence reports no event


# A lone surrogate (JSON's "\ud800") is not a character; replaced by U+FFFD, which keeps every offset.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Options:
    """Settings of a coding run: one picklable object, so that workers can receive it."""

    model: str = MODEL_NAME
    batch_size: int = 64
    chunk_articles: int = 64
    chunk_chars: int = 200_000  # a chunk also ends at this much text, so its memory does not depend on lengths
    min_confidence: float = 0.0
    use_model: bool = True
    use_detector: bool = True


class Coder:
    """Holds the loaded pipeline, lexicon and gazetteer; codes articles. Build once, reuse."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self.nlp = load_pipeline(self.options.model)
        self.lexicon = load_lexicon()
        self.gazetteer = load_gazetteer()
        self.resolver = ActorResolver(self.nlp, self.gazetteer)
        # sentences with a trigger word, those whose words name the voice's adversary ("the Russian
        # aggression": they say whose side a bulletin's voice is on), demands ("X said Y must ...") and blame
        # ("X said Y was responsible for ...")
        self.filter = trigger_filter(self.lexicon.word_forms() | HOSTILE_NOUNS | OBLIGATION_WORDS | BLAME_WORDS |
                                     DELIBERATELY | {"terrorise", "terrorize"})
        self.classifier = load_classifier() if self.options.use_model else None
        self.detector = load_detector() if self.options.use_detector else None

    def code(self, articles: Iterable[Article]) -> Iterator[CodedDocument]:
        """Code ``articles`` lazily, in input order."""
        chunk: list[Article] = []
        size = 0
        for art in articles:
            if art.text and _SURROGATE.search(art.text):  # no Unicode: the tokenizers raise on it
                art = dataclasses.replace(art, text=_SURROGATE.sub("\ufffd", art.text))
            chunk.append(art)
            size += len(art.text or "")
            if len(chunk) >= self.options.chunk_articles or size >= self.options.chunk_chars:
                yield from self._zoned(chunk)
                chunk, size = [], 0
        if chunk:
            yield from self._zoned(chunk)

    def _zoned(self, chunk: list[Article]) -> Iterator[CodedDocument]:
        """Code a chunk inside a spaCy memory zone: the strings its words added to the vocabulary are freed
        when it is done, so memory does not grow with the number of articles. Events hold plain strings only."""
        with self.nlp.memory_zone():
            docs = list(self._code_chunk(chunk))
        yield from docs

    def _code_chunk(self, articles: list[Article]) -> Iterator[CodedDocument]:
        plans: list[tuple[Article, list[Sentence], str | None]] = []
        jobs: list[tuple[str, tuple[int, int]]] = []
        for ai, art in enumerate(articles):
            sentences = split_sentences(blank_editorial(art.text or ""))  # an editor's note is no news text
            domain = document_domain(art.title, art.text or "", self.lexicon)
            plans.append((art, sentences, domain))
            if domain in ("sport", "entertainment"):
                continue
            posts = any(s.stamp for s in sentences)  # an official's posts: every line may instruct the public
            for si, s in enumerate(sentences):
                if si <= 1 and is_headline(s, art):
                    continue
                if self.filter.search(s.text) or _SAYING.search(s.text) or posts or (
                        si + 1 < len(sentences) and _REFERS_BACK.match(sentences[si + 1].text)):
                    # (a sentence the next refers back to is read for whom it is about: "Russia's Defence Ministry
                    # made no mention of the vessel. Its forces had destroyed ...")
                    jobs.append((s.text, (ai, si)))
        parsed = self._parse(jobs, articles)
        for ai, (art, sentences, domain) in enumerate(plans):
            date = parse_date(art.date)
            discourse = Discourse()
            events = []
            entry = date  # a live blog's entries are dated by their stamps ("14:05 GMT, Sunday -")
            entries, voices = [], []
            article_voice, blog = None, False  # a live blog's entry that cites a source speaks for it alone
            for si, s in enumerate(sentences):
                entry = stamp_date(s.stamp, date) if s.stamp else entry
                entries.append(entry)
                if s.stamp and s.poster is None:
                    blog = True
                    discourse.voice = article_voice  # (the next entry: the article's own voice again)
                if s.poster is not None:
                    self._poster_voice(s.poster, discourse)
                if s.dateline:
                    discourse.dateline = self._dateline(s.dateline)
                doc = parsed.get((ai, si))
                if maybe_header(s.text) and domain is None:
                    doc = doc or parsed.setdefault((ai, si), self.nlp(s.text))
                    note_voice(doc, self.lexicon, self.resolver, discourse, entry)
                if not blog:
                    article_voice = discourse.voice
                voices.append((discourse.voice, len(discourse.recent), discourse.place, discourse.place_sentence,
                               discourse.sentence))
                if doc is None or _headline_above_body(si, s, art, sentences):
                    continue  # (a headline read for its bulletin label, not coded: it repeats the lead)
                try:
                    events.extend(build_events(doc, s, self.lexicon, self.resolver, discourse, entry, domain))
                except Exception:  # a bug on one sentence must not lose the rest of the stream: report it
                    log.exception("[P014] %s: coding the sentence at characters %d-%d failed; it is skipped",
                                  art.id, s.start, s.end)
            if self.classifier is not None and len(sentences) <= SNIPPET_SENTENCES and domain is None:
                events = self._classify(art, sentences, parsed, ai, events, date, discourse)
            if self.detector is not None and domain is None:  # after the ACLED model: it reads the rules' events
                events = self._detect(art, sentences, parsed, ai, events, entries, voices, discourse)
            share_clause_places(events, sentences)
            attach_numbers(events, sentences)
            events = fold_tolls(events, sentences)
            if len(sentences) <= SNIPPET_SENTENCES:
                one_happening(events, sentences, date)
                self._lead_place(events, sentences, parsed, ai, discourse, date)
            country_scenes(events)
            events = [e for e in events if e.confidence >= self.options.min_confidence]
            for e in events:
                # the evidence is the document's sentence as written, any editor's note in it
                e.evidence.sentence = art.text[e.evidence.start:e.evidence.end]
                span = date_range(e.date)
                e.date_start, e.date_end = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
            yield CodedDocument(id=art.id, title=art.title, date=art.date, url=art.url, outlet=art.outlet,
                                events=events)


    def _parse(self, jobs: list[tuple[str, tuple[int, int]]], articles: list[Article]) -> dict:
        """The parses of ``jobs`` (sentence text, (article, sentence) key), in batches; when a batch fails, its
        sentences one by one, so that one bad sentence (reported as P014) never loses the others."""
        parsed: dict[tuple[int, int], object] = {}
        try:
            for doc, key in self.nlp.pipe(jobs, batch_size=self.options.batch_size, as_tuples=True):
                parsed[key] = doc
            return parsed
        except Exception:  # the parser's own failure: retried sentence by sentence below
            log.warning("parsing a batch of %d sentences failed; parsing them one by one", len(jobs))
        for text, key in jobs:
            if key in parsed:
                continue
            try:
                parsed[key] = self.nlp(text)
            except Exception:  # one sentence the parser cannot take: reported, the others kept
                art = articles[key[0]]
                log.exception("[P014] %s: parsing the sentence of %d characters failed; it is skipped", art.id,
                              len(text))
        return parsed

    def _classify(self, art: Article, sentences, parsed, ai, events, date, discourse):
        """Short reports: the trained model names the ACLED sub-type of the main event (the first the rules
        gave an ACLED type), or, when there is none, codes a clause of the first sentences as the event it
        names. Either event's confidence becomes the model's calibrated one."""
        pred = self.classifier.predict([art.text])[0]
        if not pred.is_event:
            return events
        first = next((e for e in events if e.acled_sub_event_type), None)
        if first is not None:
            # In a short report the model names the ACLED sub-type (measured better than the rules' on both dev
            # sets). ACLED codes the report, the rules code the clause: "police arrested 45 protesters" stays a
            # COERCE (arrest) in PLOVER and is a "Protest with intervention" in ACLED's terms.
            _name(first, pred, art.text)
            return events
        if pred.probability < (RESCUE_P if not events else RESCUE_BESIDE_P) or not sentences:
            return events
        etype, cameo, mode = PLOVER_OF[pred.sub_event_type]
        sense = Sense(type=etype, cameo=cameo, mode=mode)
        docs = [(s, parsed.get((ai, si)) or self.nlp(s.text)) for si, s in enumerate(sentences[:RESCUE_SENTENCES])]
        country = _report_country(events, discourse) or self._named_country(docs, date)
        rescued = None
        for s, doc in docs:  # the lead, else the next sentences ("News India. Mob lynches man ...")
            rescued = rescue_event(doc, s, sense, self.lexicon, self.resolver, discourse, date, country,
                                   taken=_triggers(events, s), unreal=_triggers(events, s, UNREAL))
            if rescued is not None:
                break
        if rescued is None and (pred.confidence >= SURE_P if not events else pred.probability >= RESCUE_BESIDE_P):
            s, doc = docs[0]  # the model is sure: the lead's main clause, even with its parties unknown
            rescued = rescue_event(doc, s, sense, self.lexicon, self.resolver, discourse, date, country,
                                   unknown_ok=True, taken=_triggers(events, s), unreal=_triggers(events, s, UNREAL))
        if rescued is None:
            return events
        _name(rescued, pred, art.text)
        return [*events, rescued]  # the rules' main event stays first

    def _detect(self, art: Article, sentences, parsed, ai, events, dates, voices, discourse):
        """Sentences that name a party and in which the rules coded nothing: the detector reads each, and where
        it is sure of a type, the main clause is coded as that type. Events stay in sentence order."""
        coded = {e.evidence.start for e in events}
        short = self.classifier is not None and len(sentences) <= SNIPPET_SENTENCES
        todo = [(si, s) for si, s in enumerate(sentences) if s.start not in coded and self._has_party(s.text)
                and not _headline_above_body(si, s, art, sentences)]
        if not todo:
            return events
        found = []
        for (si, s), d in zip(todo, self.detector.detect([s.text for _, s in todo])):
            if not d.is_event or d.probability < DETECT_P or d.none_probability > DETECT_NONE_P:
                continue
            doc = parsed.get((ai, si)) or self.nlp(s.text)
            # the issuer or poster in force at this sentence, and the parties named before it (not those after)
            later = (discourse.recent, discourse.place, discourse.place_sentence, discourse.sentence)
            discourse.voice, seen, discourse.place, discourse.place_sentence, discourse.sentence = voices[si]
            discourse.recent = discourse.recent[:seen]
            try:
                event = rescue_event(doc, s, Sense(type=d.event_type, cameo=TYPE_CAMEO[d.event_type]), self.lexicon,
                                     self.resolver, discourse, dates[si], _report_country(events, discourse))
            except Exception:  # as for the rules: one sentence's bug must not lose the rest of the stream
                log.exception("[P014] %s: coding the sentence at characters %d-%d failed; it is skipped",
                              art.id, s.start, s.end)
                continue
            finally:
                discourse.recent, discourse.place, discourse.place_sentence, discourse.sentence = later
            if event is not None:
                _charge_by_claimant(event, self.lexicon, doc)
                event.confidence = round(min(event.confidence, d.probability), 2)
                if short:  # a short report's ACLED type is the ACLED model's to give (``_classify``)
                    event.acled_event_type = event.acled_sub_event_type = None
                found.append(event)
        if not found:
            return events
        return sorted([*events, *found], key=lambda e: e.evidence.start)  # stable: rule order within a sentence

    def _poster_voice(self, poster: tuple[str, str], discourse) -> None:
        """The person a post is by ("KHARKIV, Oleh Syniehubov, 07:45:") speaks for the country of the place the
        post is from: the voice of the post's events (who claims them, whose enemy "the enemy" is)."""
        from parley.model import Entity

        place, person = poster
        # (a region the stamp names as such, "KURSK REGION GOVERNOR", is that region, wherever the article is)
        prefer = [discourse.main_country()] if discourse.main_country() and not place.endswith(" REGION") else []
        found = _town(place, place.title(), prefer)
        if found is not None:
            discourse.voice = Entity(text=person, country=found.country, sector="GOV")
            discourse.post_place = found

    @staticmethod
    def _dateline(dateline: str):
        """Where a wire dateline says the report was filed ("OUAGADOUGOU, June 3 -"), or None; None too for a
        report filed from several cities ("AMMAN/DAMASCUS, June 10 -"), which points to no one country."""
        from parley.events.segment import dateline_place

        if "/" in dateline.split(",")[0]:
            return None
        name = dateline_place(dateline)
        return _town(name, name, []) if name else None

    def _has_party(self, text: str) -> bool:
        """Whether ``text`` names a known party or a kind of actor (tokenizer only: no parse)."""
        doc = self.nlp.make_doc(text)
        if self.resolver.matcher(doc):
            return True
        return any(t.lower_ in self.resolver.agents for t in doc)

    def _named_country(self, docs, date) -> str | None:
        """The country a short report names most (places, nationalities, office holders), for parties it
        names only by their kind."""
        counts = Counter()
        for _, doc in docs:
            found = {(m.start, m.end): m for m in self.resolver.find_mentions(doc, date).values()}
            counts.update(m.country for m in found.values() if m.country)
        return counts.most_common(1)[0][0] if counts else None

    def _lead_place(self, events, sentences, parsed, ai, discourse, date) -> None:
        """A short report's main event that no clause placed, or placed only in a country, takes the place its
        lead sentence gives."""
        main = next((e for e in events if e.acled_event_type), None)
        if main is None or _in_a_country(main.location):
            return
        for si in range(min(2, len(sentences))):
            doc = parsed.get((ai, si))
            if doc is None:  # a lead with no trigger word ("On 4 May, a curfew was announced in X (Y).")
                doc = self.nlp(sentences[si].text)
            place = sentence_place(doc, self.resolver, discourse, date)
            if place is not None and si > 0 and not (place.admin1 or place.geonameid) and \
                    place.country not in {e.country for e in main.actor + main.recipient}:
                continue  # a country the next sentence names may be a third party ("The United States urged")
            if place is not None and (main.location is None or (
                    place.country == main.location.country and (place.admin1 or place.geonameid))):
                main.location = place
                return
        filed = discourse.dateline  # "KUPIANSK, March 5, 2024 - Shelling killed two": where the report is from
        if filed is not None and (filed.admin1 or filed.geonameid) and (
                main.location is None or main.location.country == filed.country):
            main.location = filed


# The CAMEO code of an event whose type the detector named (not the wording): the type's general code.
TYPE_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
              "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130",
              "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190"}


def _name(event, pred, text: str) -> None:
    """Give ``event`` the model's ACLED sub-type, as ACLED's definitions settle it between siblings (who took
    the town, whether the demonstrators were violent or hurt), and the model's calibrated confidence."""
    sector = event.actor[0].sector if event.actor else None
    harmed = bool(event.fatalities)
    aimed = frozenset(r.sector for r in event.recipient if r.sector)
    sub = settle(pred.sub_event_type, text, sector, harmed, aimed)
    event.acled_event_type, event.acled_sub_event_type = ACLED_TYPES[sub], sub
    event.confidence = pred.confidence


# A sentence in which someone speaks, though it tells no event, is parsed for its speaker: whom "it" and "the
# headquarters" mean later ("..., Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said").
_SAYING = re.compile(r"\b(?:said|says|reported|stated|announced)\b")
# The start of a sentence that refers back to a party of the one before: a pronoun, "the ministry", "the group".
_REFERS_BACK = re.compile(r"(?:It|Its|They|Their|He|His|She|Her)\b|The (?:[a-z]+ )?(?:ministry|group|coalition|agency"
                          r"|office|committee|council|movement|alliance|mission|organisation|organization|network|"
                          r"government|army|military|militia|command|service|authorities)\b")


def _charge_by_claimant(event, lexicon, doc) -> None:
    """An accusation the detector read in a clause that tells the wrongdoing itself ("the Kyiv regime continues
    to commit terrorist crimes against civilians", in a Russian ministry's summary) is made by whoever the report
    is claimed by, against the clause's subject; a verb of saying keeps its subject as the accuser."""
    said = event.claimed_by
    if event.event_type != "ACCUSE" or said is None or not said.country or not event.actor:
        return
    if said.country in {e.country for e in event.actor}:
        return
    verb = next((t for t in doc if t.text == event.trigger), None)
    senses = lexicon.verbs.get(verb.lemma_.lower(), ()) if verb is not None else ()
    if any(x.type in ("ACCUSE", "REJECT", "REQUEST", "THREATEN") for x in senses) or \
            (verb is not None and verb.lemma_.lower() in lexicon.report_verbs):
        return
    event.recipient, event.actor = event.actor, [dataclasses.replace(said)]
    if event.status == "ongoing":
        event.status = "occurred"  # the charge is made; what goes on is the wrongdoing it tells


def _triggers(events, sentence: Sentence, types=None) -> frozenset[str]:
    """The words that trigger the rules' events in ``sentence`` ("threatened" in "Iran threatened to shell"),
    of ``types`` only when given."""
    return frozenset(w for e in events if e.evidence.start == sentence.start and e.trigger
                     and (types is None or e.event_type in types) for w in e.trigger.split())


def _report_country(events, discourse: Discourse) -> str | None:
    """The country a short report is about: where its other events happened, else the one it names most."""
    return next((e.location.country for e in events if e.location is not None and e.location.country),
                None) or discourse.main_country()


# The words of a toll told on its own ("Three people were injured.", "Two residents were taken to hospital")
TOLL_WORDS = frozenset({"killed", "injured", "wounded", "died", "hurt", "hospitalised", "hospitalized", "taken",
                        "dead", "wounding", "killing"})


_ATTACK_WORDS = re.compile(r"\b(?:fire|fired|shell\w*|strike|strikes|struck|attack\w*|drones?|missiles?|bomb\w*|"
                           r"rockets?|artillery|mortars?|explosion|blast|raid)\b", re.IGNORECASE)


# What an attack leaves behind, told in a sentence of its own: "A private house and a shop were damaged."
DAMAGE_WORDS = frozenset({"damaged", "destroyed", "burned", "burnt", "caught", "collapsed", "gutted"})
# How many sentences back a toll or damage may look for the attack it follows, within one post or entry
_TOLL_LOOKBACK = 3


def _toll_only(e) -> bool:
    """Whether an event's trigger is a word of a toll ("were injured", "were taken to hospital") or of damage
    ("the building was damaged"), not of an attack ("were taken prisoner")."""
    word = (e.trigger or "").lower()
    if word in DAMAGE_WORDS and word != "caught":  # damage told of what was hit, not by who hit it
        return bool(re.search(rf"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?{word}\b", e.evidence.sentence or "",
                              re.IGNORECASE))
    return word in TOLL_WORDS | {"caught"} and e.mode != "abduct"


def _named_actors(e) -> list:
    """The actors of an event its own sentence names (not those remembered from an earlier one)."""
    said = e.evidence.sentence or ""
    return [a for a in e.actor if a.start is not None and e.evidence.start <= a.start < e.evidence.end and
            said[a.start - e.evidence.start:a.end - e.evidence.start] == a.text]


def _attack_before(si: int, sentences, by_sentence):
    """The attack a toll or damage told in sentence ``si`` follows: the last one told in the sentences before it,
    no more than a few back and within one post or entry, past other tolls and damage."""
    for back in range(si - 1, max(-1, si - 1 - _TOLL_LOOKBACK), -1):
        after = sentences[back + 1]
        if after.stamp or after.poster or after.dateline:
            return None  # (a new post or entry: a toll there is not the last one's)
        found = [x for x in by_sentence.get(back, []) if x.event_type == "ASSAULT"]
        # ("a drone dropped a bomb on a house, killing a man": an attack, whatever its trigger word)
        attack = next((x for x in reversed(found) if not _toll_only(x) or _named_actors(x)), None)
        if attack is not None:
            return attack
    return None


def fold_tolls(events, sentences) -> list:
    """A toll or damage told after an attack, with no attacker of its own ("Russian drones struck a school in
    Sumy. Three people were injured, among them a girl."), is that attack's toll, not a second attack: its
    numbers go to the attack, which keeps its own where it gave them."""
    index = {s.start: i for i, s in enumerate(sentences)}
    by_sentence: dict[int, list] = {}
    for e in events:
        by_sentence.setdefault(index.get(e.evidence.start, -1), []).append(e)
    dropped = set()
    for e in events:
        si = index.get(e.evidence.start, -1)
        named = _named_actors(e)
        if e.event_type != "ASSAULT" or named or not _toll_only(e) or si <= 0:
            continue  # (an attacker the sentence names makes it an attack of its own)
        if any(x.event_type == "ASSAULT" and x is not e and not _toll_only(x) for x in by_sentence.get(si, [])) or \
                _ATTACK_WORDS.search(sentences[si].text):
            continue  # the sentence tells its own attack ("came under artillery fire, and one person was killed")
        attack = _attack_before(si, sentences, by_sentence)
        if attack is None or (attack.location is not None and e.location is not None and (
                attack.location.country != e.location.country or (_in_a_country(e.location) and (
                    e.location.name, e.location.admin1) != (attack.location.name, attack.location.admin1)))):
            continue  # ("... shelled 34 settlements. In Stanislav, a house was destroyed": a strike of its own)
        strikers = other_side(e, attack)
        if strikers:  # "Thai and Cambodian troops exchanged fire. One Thai ranger was wounded": the other side's
            e.actor = strikers
            continue
        attack.fatalities = attack.fatalities if attack.fatalities is not None else e.fatalities
        attack.injured = attack.injured if attack.injured is not None else e.injured
        dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


# What an air defence claim says of drones or missiles: brought down over the claimant's own country
_AIR_DEFENCE = re.compile(r"\b(?:air[- ]defen[cs]e|intercept\w*|shot down|downed|shooting down)\b", re.IGNORECASE)


# A ship's country is its flag's or owner's, not where it was when hit ("a Liberian-flagged bulk carrier")
_AT_SEA = re.compile(r"\b(?:ship|vessel|carrier|tanker|freighter|bulker|boat|ferry|barge|containership|crew|sailors?|"
                     r"seafarers?)$", re.IGNORECASE)


def _scene(e) -> str | None:
    """The country an event the text places nowhere happened in, where its kind tells: force used on a country's
    people or places, in that country ("Russian troops shelled Ukrainian positions": Ukraine); drones shot down,
    over the claimant's own ("air defence destroyed 27 drones overnight"); a visit, at the host's; aid an agency
    or a state gives at home, where it is given."""
    own = {a.country for a in e.actor if _is_country(a.country)}
    them = {r.country for r in e.recipient if _is_country(r.country) and not _AT_SEA.search(r.text or "")}
    if e.event_type in ("ASSAULT", "COERCE"):
        if len(own) == 1 and _AIR_DEFENCE.search(e.evidence.sentence or ""):
            return next(iter(own))
        return next(iter(them)) if len(them) == 1 else None
    if e.event_type == "CONSULT" and e.mode == "visit" or e.event_type == "AID" and (
            own == them or any(a.sector in ("IGO", "NGO") for a in e.actor)):
        return next(iter(them)) if len(them) == 1 else None
    return None


def country_scenes(events) -> None:
    """Place at their country, with precision 3, the events the text names no place for but whose kind says
    which country they happened in (:func:`_scene`)."""
    from parley.ground.places import load_places

    for e in events:
        code = _scene(e) if e.location is None else None
        if code is None:
            continue
        place, country = load_places().country(code), load_gazetteer().country(code)
        if place is None or country is None:
            continue
        e.location = Location(text=country.name, name=country.name, country=code, lat=place.lat, lon=place.lon,
                              precision=3)


def one_happening(events, sentences, date) -> None:
    """A short report tells one happening: its main event takes the place, the toll and the date that the
    report gives in other clauses ("On 8 May 2020, soldiers clashed ... One fighter was killed.")."""
    main = next((e for e in events if e.acled_event_type), None)
    if main is None:
        return
    if main.location is None:  # the place the report gives for another of its clauses
        main.location = next((e.location for e in events if e.location is not None), None)
    if main.event_type in ("ASSAULT", "PROTEST", "COERCE"):
        toll = report_toll(sentences)
        if toll is not None:
            main.fatalities = toll
    if main.date_source != "text":
        from parley.ground.dates import resolve

        for s in sentences[:2]:
            m = re.search(r"\b(?:on|around|between)?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|\b[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\b",
                          s.text)
            value = resolve(m.group(0), date) if m else None
            if value:
                main.date, main.date_source = value, "text"
                break


def _in_a_country(location) -> bool:
    """Whether ``location`` places an event inside a country (a town or a region), not only in the country."""
    return location is not None and bool(location.admin1 or location.geonameid)


def share_clause_places(events, sentences: list[Sentence]) -> None:
    """An event that its clause did not place (or placed only in a country) takes the town or region that another
    clause of the same sentence gives, when a semicolon parted them: "A drone hit a car near the border; two men
    died in the strike at Sinjar" happened at Sinjar."""
    group: dict[int, int] = {}  # sentence start -> the start of the sentence its clauses make up
    for i, s in enumerate(sentences):
        group[s.start] = group[sentences[i - 1].start] if s.joined and i else s.start
    placed: dict[int, list] = {}
    for e in events:
        if _in_a_country(e.location):
            placed.setdefault(group.get(e.evidence.start, -1), []).append(e)
    for e in events:
        if _in_a_country(e.location):
            continue
        g = group.get(e.evidence.start, -1)
        other = next((o for o in placed.get(g, ()) if o.evidence.start != e.evidence.start and (
            e.location is None or o.location.country == e.location.country)), None)
        if other is not None:
            e.location = other.location


def _town(text: str, name: str, countries: list[str]):
    """The location of a town a post stamp or a dateline names (``text`` as written, ``name`` looked up), or
    None when the table has no such town."""
    from parley.ground.locate import as_location
    from parley.ground.places import load_places

    found = load_places().lookup(name, countries=countries)
    return as_location(text, found) if found is not None else None


def _headline_above_body(si: int, sentence: Sentence, article: Article, sentences) -> bool:
    """Whether a sentence is (a clause of) the headline of an article with a body below it: read for its
    bulletin label, never coded, since it repeats the lead."""
    return si <= 1 and len(sentences) > 2 and is_headline(sentence, article)


def is_headline(sentence: Sentence, article: Article) -> bool:
    """A first line that is the article's title, or that stands alone above the body without a full stop,
    is a headline: it repeats the lead sentence in telegraphic form and is not coded."""
    if article.title and sentence.text.strip() == article.title.strip():
        return True
    text = article.text
    begin = len(text) - len(text.lstrip())
    line_end = min((i for i in (text.find("\n", begin), text.find("\r", begin)) if i >= 0), default=-1)
    if line_end < 0 or sentence.start < begin or sentence.end > line_end:
        return False
    line = text[begin:line_end].rstrip()
    # the whole first line, or a clause of it ("RSF seizes En Nahud; tens of thousands flee")
    return bool(line) and not line.endswith((".", "!", "?", '"', "”", ":")) and line_end < len(text.rstrip())


def parse_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or the date part of an ISO timestamp) to a date, else None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def code_articles(articles: Iterable[Article], options: Options | None = None) -> Iterator[CodedDocument]:
    """Code ``articles`` with a fresh ``Coder`` (convenience for one-off use)."""
    return Coder(options).code(articles)
