"""An agreement's terms as its reports state them: when it holds and the route it opens.

**Time window.** ``start`` and ``end`` are ISO 8601 local times, as precise as the report: a day
("2025-03-08") or a day and a clock time ("2025-03-08T10:00", the local time of the place; the report's time zone
word, "Moscow time", is not converted). They are read from the commitment's clause, and clock times from its
sentence: "from 10:00 until 18:00", "between 9 a.m. and 5 p.m.", "from 09:00 Moscow time", "until 14:00 on
Sunday", and lengths, "a 7-day ceasefire", "a four-hour pause", "a 72-hour truce". A window whose end is not
after its start runs past midnight (22:00 to 06:00 ends the next day). A length without a clock time gives the
last day it reaches, counting the first day ("a 7-day ceasefire" from 2 June ends on 8 June).

**Route.** The places a corridor runs through, in order: origins ("from X", "out of X", "civilians can leave
X"), stops ("via Y", "through Y"), destinations ("to Z", "towards Z", "leave X for Z") and both ends ("between X
and Z", "along the X-Z road"). A sentence gives a route only when it speaks of passage (the ``route_words`` of
``parley/data/agreements.yaml``: corridor, buses, evacuation, ...). Each name is geocoded with parley's offline
gazetteer (:mod:`parley.ground.routes`); names it does not know, and countries, are left out.

**Time anchors.** A sentence may place its events against an agreement it names: "hours before the truce began",
"on the eve of the ceasefire", "shortly before the ceasefire came into force" (before its start), "after the truce
began", "despite the ceasefire" (after it), "hours before the truce expired" (before its end), "since the ceasefire
collapsed" (after its end); not "than before the truce" or "since before the truce", which compare. Each event of
the sentence goes with the anchor nearest its trigger in its part of the sentence (parts end at ";" and at "but",
"while", "whereas", "although", "though"; nearest: the fewest commas between, then the fewest characters). The words are the ``anchor_markers``, ``start_verbs``,
``started_words`` and ``end_words`` of the data file.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from parley.ground.dates import MONTHS, WEEKDAYS, resolve
from parley.ground.numbers import WORDS

_CLOCK = (r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}[:h]\d{2}\b|noon|midnight)")
_ZONE = r"(?:\s+(?:\(?(?:local|[A-Z]\w+)\s+time\)?|GMT|UTC|CET|EET|EEST))?"
_DAY = (r"(?:,?\s+(?:on\s+)?(?:(?:this|next)\s+)?(?:" + "|".join(WEEKDAYS) + r"|today|tomorrow|tonight|"
        r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(m for m in MONTHS if len(m) > 3) + r")|"
        r"(?:" + "|".join(m for m in MONTHS if len(m) > 3) + r")\s+\d{1,2}(?:st|nd|rd|th)?))?")


def _time(n: str) -> str:
    """A clock time (group ``n``), its time zone words and its own day (group ``n_day``)."""
    return rf"(?P<{n}>{_CLOCK}){_ZONE}(?P<{n}_day>{_DAY})"


_FROM = r"(?:from|between|starting(?:\s+(?:at|from))?|beginning(?:\s+at)?|as\s+of|effective(?:\s+from)?)"
_TO = r"(?:until|till|til|to|and|through|-|–)"
SPAN = re.compile(_FROM + r"\s+" + _time("a") + r"\s*" + _TO + r"\s*" + _time("b"),
                  re.IGNORECASE)
START = re.compile(r"(?:" + _FROM + r"|at)\s+" + _time("a"), re.IGNORECASE)
END = re.compile(r"(?:until|till|til|up\s+to)\s+" + _time("b"), re.IGNORECASE)
_NUMBER_WORDS = {w: n for w, n in WORDS.items() if " " not in w and w not in (
    "a", "an", "several", "few", "some", "multiple", "dozens", "scores", "hundreds", "thousands", "numerous", "both",
    "dozen")}
LENGTH = re.compile(r"(?<![\w-])(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
                    + r")[- ](hour|day|week|month)s?\b", re.IGNORECASE)
_UNIT_HOURS = {"hour": 1, "day": 24, "week": 24 * 7, "month": 24 * 30}


def clock(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a clock time as written ("10:00", "9 a.m.", "5.30pm", "noon"), or None."""
    t = text.lower().replace(" ", "").replace(".", ":").rstrip(":")
    if t == "noon":
        return 12, 0
    if t == "midnight":
        return 0, 0
    m = re.fullmatch(r"(\d{1,2})(?:[:h](\d{2}))?(?::?([ap]):?m:?)?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    elif m.group(3) == "a" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (m.group(3) is None and m.group(2) is None):
        return None
    return hour % 24, minute


def _day(base: dt.date, expr: str) -> dt.date:
    """The day a clock time's own date phrase names ("on Sunday"), resolved forward from ``base``."""
    if not expr.strip(" ,"):
        return base
    got = resolve(expr.strip(" ,"), base, future=True)
    try:
        return dt.date.fromisoformat(got) if got and len(got) == 10 else base
    except ValueError:
        return base


def _stamp(day: dt.date, hm: tuple[int, int]) -> str:
    return f"{day.isoformat()}T{hm[0]:02d}:{hm[1]:02d}"


def read_window(clause: str, sentence: str, day: str | None) -> tuple[str | None, str | None]:
    """(start, end) that a commitment states, for an agreement whose first day is ``day`` (YYYY-MM-DD). Clock
    times are read from the ``clause`` first, else the ``sentence``; a length only from the clause. ``start`` is
    ``day`` itself when the text gives no clock time; ``end`` is None when it gives no end."""
    try:
        base = dt.date.fromisoformat(day) if day and len(day) == 10 else None
    except ValueError:
        base = None
    if base is None:
        return day, None
    start_at = end_at = None
    for text in dict.fromkeys((clause, sentence)):
        m = SPAN.search(text)
        if m:
            a, b = clock(m.group("a")), clock(m.group("b"))
            if a and b:
                start_day = _day(base, m.group("a_day"))
                end_day = _day(start_day, m.group("b_day"))
                if not m.group("b_day").strip(" ,") and (b <= a or m.group("b").lower() == "midnight"):
                    end_day += dt.timedelta(days=1)  # "from 22:00 to 06:00", "until midnight": the next day
                start_at, end_at = (start_day, a), (end_day, b)
                break
        m = START.search(text)
        a = clock(m.group("a")) if m else None
        if a:
            start_at = (_day(base, m.group("a_day")), a)
        m = END.search(text)
        b = clock(m.group("b")) if m else None
        if b:
            first = start_at[0] if start_at else base
            end_day = _day(first, m.group("b_day"))
            if not m.group("b_day").strip(" ,") and (m.group("b").lower() == "midnight" or (start_at and b <= start_at[1])):
                end_day += dt.timedelta(days=1)
            end_at = (end_day, b)
        if start_at or end_at:
            break
    start = _stamp(*start_at) if start_at else base.isoformat()
    if end_at:
        return start, _stamp(*end_at)
    m = LENGTH.search(clause)
    if m is None:
        return start, None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
    hours = n * _UNIT_HOURS[m.group(2).lower()]
    if start_at:
        until = dt.datetime.combine(start_at[0], dt.time(*start_at[1])) + dt.timedelta(hours=hours)
        return start, until.strftime("%Y-%m-%dT%H:%M")
    return start, (base + dt.timedelta(days=max(1, math.ceil(hours / 24)) - 1)).isoformat()


# ---------------------------------------------------------------------------------------------------- routes
_WORD = r"[A-Z][\w'’]*"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|an|at|az|ed|es|de|del|la|le|di|da|do|dos|van|von|on|upon)"
NAME = rf"{_WORD}(?:(?:\s+|-)(?:{_PARTICLE}(?:\s+|-))?{_WORD}){{0,3}}"
_NOT_PLACES = {w.capitalize() for w in (*WEEKDAYS, *MONTHS)} | {"The", "A", "An", "Some", "All"}
_PLACE_NOUN = r"(?:the\s+)?(?:(?:city|town|village|port|region|district|settlement|camp)\s+of\s+)?"


def route_pattern(markers: dict[str, list[str]]) -> re.Pattern:
    """One pattern for the route markers of the data file, each followed by a place name (or a list of them)."""
    roles = []
    for role, words in markers.items():
        alt = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
        roles.append(rf"(?P<{role}>{alt})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(roles) + r")\s+" + _PLACE_NOUN
                      + rf"(?P<names>{NAME}(?:(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+){NAME})*)")


def route_names(sentence: str, pattern: re.Pattern) -> list[str]:
    """The place names of the route a sentence describes, in order: origin, stops, destination."""
    origin, stops, dest = route_parts(sentence, pattern)
    return list(dict.fromkeys([*origin, *stops, *dest]))


def route_parts(sentence: str, pattern: re.Pattern) -> tuple[list[str], list[str], list[str]]:
    """(origin, stops, destination) names of the route a sentence describes; origin and destination have one
    name at most."""
    origin: list[str] = []
    stops: list[str] = []
    dest: list[str] = []
    ends: list[str] = []
    prev_origin_end = -10
    for m in pattern.finditer(sentence):
        role = next(r for r in ("origin", "via", "destination", "ends", "after_origin") if m.groupdict().get(r))
        after = sentence[m.end("names"):m.end("names") + 2]
        if after.startswith(("'s", "’s")) or re.match(r"-[a-z]", after):
            continue  # "to Moscow's proposal", "towards Kyiv-controlled territory": no place of the route
        names = [n for n in re.split(r"\s*,\s+and\s+|\s*,\s*|\s+and\s+", m.group("names")) if n]
        names = [n for n in names if n.split()[0] not in _NOT_PLACES and not n.endswith(("'s", "’s"))]
        if not names:
            continue
        if role == "after_origin":  # "leave El Fasher for Tawila": a destination only right after an origin
            if m.start() - prev_origin_end > 1:
                continue
            role = "destination"
        if role == "origin":
            origin = origin or names[:1]
            prev_origin_end = m.end("names")
        elif role == "via":
            stops.extend(names)
        elif role == "destination":
            dest = dest or names[:1]
        else:
            ends = ends or _pair(names)
    if ends:
        origin = origin or ends[:1]
        dest = dest or ends[-1:]
    return origin, stops, dest


ORIGIN_KM = 300  # how far from a route's first named place the agreement's own place may start it

_ROAD = re.compile(r"\s+(?:Road|Highway|Motorway|Route|Corridor|Crossing|Checkpoint)$")


def _pair(names: list[str]) -> list[str]:
    """Both ends: "X and Z", or one name "X-Z" (a road between two towns)."""
    if len(names) >= 2:
        return [names[0], names[-1]]
    parts = _split(names[0])
    return [parts[0], parts[-1]] if len(parts) >= 2 else []


def _split(name: str) -> list[str]:
    """"Zaporizhzhia-Mariupol" -> both towns; "Salah al-Din" stays whole (a particle before the hyphen)."""
    parts, start = [], 0
    for m in re.finditer(r"\s*[-–—]\s*(?=[A-Z])", name):
        before = name[start:m.start()].split()
        if before and before[-1][:1].isupper():
            parts.append(name[start:m.start()])
            start = m.end()
    return [*parts, name[start:]]


def read_route(sentence: str, pattern: re.Pattern, countries: list[str], not_places: set[str] = frozenset(),
               origin: dict | None = None) -> list[dict]:
    """The route a sentence describes, each place geocoded (see the module docstring). ``countries`` are
    preferred, most likely first; ``not_places`` are folded names that are no route place (countries).
    ``origin`` (a place with ``lat``/``lon``: where the agreement holds, "a local ceasefire around Kupiansk")
    starts a route whose sentence names a destination but no origin ("so that residents can be evacuated to
    Balakliia"), when it lies within ORIGIN_KM of the first place."""
    from parley.ground.places import fold, haversine_km, load_places
    from parley.ground.routes import geocode_place

    index = load_places()
    route: list[dict] = []
    named_origin, stops, dest = route_parts(sentence, pattern)
    for name in list(dict.fromkeys([*named_origin, *stops, *dest])):
        name = _ROAD.sub("", name)
        if fold(name) in not_places:
            continue
        found = [geocode_place(name, countries, index)]
        if found[0] is None and len(_split(name)) > 1:  # "Zaporizhzhia-Mariupol" as a stop: both towns
            found = [geocode_place(part, countries, index) for part in _split(name)]
        words = name.split()
        for k in range(len(words) - 1, 0, -1):  # "Zaporizhzhia Governor Ivan Fedorov": the town, in the countries
            if found[0] is not None:
                break
            place = geocode_place(" ".join(words[:k]), countries, index)
            found = [place if place is not None and place["country"] in countries else None]
        for place in found:
            if place is not None and not any(p["name"] == place["name"] and p["country"] == place["country"]
                                             for p in route):
                route.append(place)
    if origin and not named_origin and route and origin.get("lat") is not None and \
            not any(p["name"] == origin.get("name") for p in route) and \
            haversine_km(origin["lat"], origin["lon"], route[0]["lat"], route[0]["lon"]) <= ORIGIN_KM:
        route.insert(0, {k: origin.get(k) for k in ("name", "lat", "lon", "country", "geonameid", "admin1", "text")})
    return route


# ---------------------------------------------------------------------------------------------------- time anchors
BEFORE_START, AFTER_START, BEFORE_END, AFTER_END = "before start", "after start", "before end", "after end"
ANCHOR_WORDS = 5  # words between an anchor's marker and the agreement it names ("before Hamas agreed to the truce")
VERB_WORDS = 6  # words after the agreement's name in which its verb is looked for ("a truce with Hamas took effect")
ANCHOR_CHARS = 300  # an anchor further than this from an event's trigger does not place it
_COMPARED = re.compile(r"\b(?:than|since)\s*$", re.IGNORECASE)  # "than before the truce"
_PART_END = re.compile(r";|\s(?:but|while|whereas|although|though)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """A phrase that places the events near it in time against an agreement it names."""

    start: int  # the phrase in its sentence, from its marker to the agreement's name or verb
    end: int
    named: tuple[int, int]  # the agreement's own words in it, from its name to its verb ("truce began")
    kind: str | None  # the kind its name says (None for "it": "before it took effect")
    relation: str  # BEFORE_START, AFTER_START, BEFORE_END or AFTER_END
    started: bool  # its verb says that the agreement did start ("before the truce began", "after it took effect")


def anchor_pattern(markers: dict[str, list[str]], kinds: Iterable[tuple[str, re.Pattern]]) -> re.Pattern:
    """A marker of the data file, up to ANCHOR_WORDS words that are no marker, then a word naming an agreement of
    a kind (group ``k_<kind>``) or "it"/"its" (group ``pronoun``)."""
    def alt(words: list[str]) -> str:
        return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))

    every = alt([w for words in markers.values() for w in words])
    names = "|".join(f"(?P<k_{kind}>{p.pattern})" for kind, p in kinds)
    return re.compile(rf"(?<![\w-])(?:(?P<before>{alt(markers['before'])})|(?P<after>{alt(markers['after'])}))"
                      rf"(?P<gap>(?:\s+(?!(?:{every})(?![\w'’-]))[\w'’-]+){{0,{ANCHOR_WORDS}}}?)"
                      rf"\s+(?:{names}|(?P<pronoun>it|its)(?![\w'’-]))", re.IGNORECASE)


def anchors(sentence: str, pattern: re.Pattern, start_verbs: re.Pattern, started: re.Pattern,
            end_words: re.Pattern) -> list[Anchor]:
    """The time anchors of a sentence (see the module docstring). The agreement's verb is the first start verb
    or end word within VERB_WORDS words after its name, in its clause; "it" is an anchor only with a verb."""
    out = []
    for m in pattern.finditer(sentence):
        if m.group("before") and _COMPARED.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "more attacks than before the truce", "the worst since before the truce": no event's time
        kind = next((g[2:] for g, v in m.groupdict().items() if g.startswith("k_") and v is not None), None)
        rest = re.split(r"[,;:.!?()\"“”]", sentence[m.end():m.end() + 40 * VERB_WORDS], maxsplit=1)[0]
        words = list(re.finditer(r"\S+", rest))[:VERB_WORDS]
        rest = rest[:words[-1].end()] if words else ""
        verb = min((v for v in (start_verbs.search(rest), end_words.search(rest)) if v), key=lambda v: v.start(),
                   default=None)
        if m.group("pronoun") and verb is None:
            continue
        ending = bool(end_words.search(m.group("gap"))) or (verb is not None and bool(end_words.fullmatch(verb.group(0))))
        if m.group("before"):
            relation = BEFORE_END if ending else BEFORE_START
        else:
            relation = AFTER_END if ending else AFTER_START
        name_at = m.start(f"k_{kind}") if kind else m.start("pronoun")
        end = m.end() + verb.end() if verb is not None else m.end()
        out.append(Anchor(m.start(), end, (name_at, end), kind, relation,
                          verb is not None and not ending and bool(started.fullmatch(verb.group(0)))))
    return out


def anchor_at(sentence: str, at: int, found: list[Anchor]) -> Anchor | None:
    """The anchor nearest to character ``at`` in its part of the sentence and within ANCHOR_CHARS of it (the
    fewest commas between, then the fewest characters), or None."""
    if not 0 <= at < len(sentence):
        return None  # a trigger not found in its sentence
    lo, hi = max(0, at - 2 * ANCHOR_CHARS), min(len(sentence), at + ANCHOR_CHARS + 1)  # no anchor beyond
    for m in _PART_END.finditer(sentence, lo, hi):  # its part of the sentence
        if m.end() <= at:
            lo = m.end()
        else:
            hi = m.start()
            break
    first = bisect.bisect_left(found, lo, key=lambda a: a.start)  # found: in order
    last = bisect.bisect_left(found, hi, key=lambda a: a.start)
    near = [a for a in found[first:last] if a.start - ANCHOR_CHARS <= at < a.end + ANCHOR_CHARS]

    def distance(a: Anchor) -> tuple[int, int]:  # commas between first: "X hit A on the eve of it, and Y hit B after"
        if a.start <= at < a.end:
            return 0, 0
        between = sentence[a.end:at] if a.end <= at else sentence[at:a.start]
        return between.count(","), min(abs(at - a.start), abs(at - a.end))

    return min(near, key=distance, default=None)
