"""Numbers the text attaches to an event: people killed, injured, arrested, and other counts.

Figures are read with their wording ("at least 12", "dozens", "175 servicemen each") and the most
conservative one is kept, as ACLED does: "dozens" is 12, "hundreds" 100, "several" 3, a range its lower end;
"thousands" and "tens of thousands" give no figure (never 1,000), "more than 40,000" is 40,000.
"""
from __future__ import annotations

import re

from parley.model import Quantity

WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
    "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "several": 3, "a few": 3, "few": 3, "multiple": 3, "some": 3,
    "a number of": 3, "a couple of": 2, "a couple": 2, "both": 2, "a handful of": 3, "numerous": 3,
}
_SCALE = {"thousand": 1000, "million": 1000000, "m": 1000000, "k": 1000}
_TENS_UNITS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|"
               r"eight|nine)")  # "twenty-three"
_NUMBER = (r"(?:(?:at least|more than|over|nearly|almost|around|about|up to|some|approximately|roughly|"
           r"an estimated|as many as|between)\s+)?"
           r"(?:\d[\d,.]*(?:\s*(?:thousand|million))?|" + _TENS_UNITS + r"|tens of thousands|hundreds of thousands|"
           r"thousands|a dozen|a few|"
           r"a number of|a couple of|a handful of|"
           + "|".join(sorted((w for w in WORDS if " " not in w), key=len, reverse=True))
           + r")\b(?:\s*(?:-|to|and|or)\s*\d[\d,]*\b)?")
_PEOPLE_NOUNS = (r"(?:people|persons|civilians|soldiers|troops|men|women|"
           r"children|fighters|militants|rebels|members|officers|policemen|police|protesters|demonstrators|"
           r"students|villagers|residents|servicemen|personnel|workers|others|guards|militiamen|insurgents|"
           r"combatants|bodies|journalists|farmers|migrants|refugees|worshippers|passengers|individuals|suspects|"
           r"supporters|activists|gunmen|attackers|assailants|them|civilian|soldier|man|woman|child|person|"
           r"policeman|officer|fighter|militant|rebel|member|student|villager|resident|worker|farmer|boy|girl|"
           r"journalist|guard|commander|leader|teacher|driver|trader|protester|demonstrator|suspect)")
_PEOPLE = r"(?:\s+(?:of\s+)?(?:the\s+)?(?:(?!\d)[\w-]+\s+){0,3}?)?" + _PEOPLE_NOUNS
_KILL = (r"(?:killed|dead|died|perished|slain|murdered|executed|assassinated|lost their lives|shot dead|"
         r"shot and killed|pronounced dead|fatalities|deaths|"
         r"(?:shot|beaten|stabbed|hacked|burned|burnt|tortured|lynched) to death|found dead)")
_HURT = r"(?:injured|wounded|hurt|injuring|wounding|injuries)"
_HELD = r"(?:arrested|detained|rounded up|taken into custody|jailed|apprehended)"

_SINGLE = (r"(?:man|woman|child|boy|girl|person|civilian|soldier|officer|policeman|fighter|militant|member|leader|"
           r"commander|journalist|farmer|student|teacher|trader|driver|operator|official|guard|villager|resident|"
           r"worker|activist|suspect|victim|cleric|chief|herder|prisoner|detainee|gunman|militiaman)")
# an event report's own count: "Total fatalities coded as 13", "3 fatalities." standing alone
# (ACLED's editorial notes, "[4 fatalities split across 22 events]", "fatalities coded as 3", are not news text and
# are not read: a user's reports have none.)
STATED = re.compile(r"^\s*(?:total:?\s*)?(?P<m>\d+) (?:reported )?fatalit(?:y|ies)\b\.?\s*$", re.I)
SUMMED = re.compile(rf"\b(?P<a>{_NUMBER}){_PEOPLE}?\s*(?:,\s+|\s+and\s+)(?P<b>{_NUMBER}){_PEOPLE}?\s+"
                    rf"(?:\w+\s+)?(?:were|have been|had been)\s+(?:reportedly\s+)?{_KILL}", re.I)
FATAL = [
    re.compile(rf"\b(?:killing|killed)\s+a family of\s+(?P<n>{_NUMBER})\b", re.I),
    re.compile(rf"\b(?:killing|killed|kills|assassinated|assassinating|murdered|murdering|executed|beheaded|"
               rf"lynched)\s+(?:the|a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_SINGLE}\b", re.I),
    re.compile(rf"\b(?:killing|killed|kills|kill|claimed the lives of|left|leaving|shot dead|shooting dead|"
               rf"shot and killed|stabbed to death|beat to death|beating to death)\s+(?P<n>{_NUMBER}){_PEOPLE}?"
               rf"(?!\s+(?:injured|wounded|hurt))", re.I),
    re.compile(rf"\b(?P<n>{_NUMBER}){_PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was|have been|had been|are|being)?\s*"
               rf"(?:reportedly\s+)?{_KILL}", re.I),
    re.compile(rf"\b(?:shot|beat|stabbed|hacked|burned|burnt)\s+(?P<n>{_NUMBER}){_PEOPLE}?\s+to death", re.I),
    re.compile(rf"\bbodies of (?P<n>{_NUMBER}){_PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was) (?:\w+\s+)?found", re.I),
    # one victim: "a 17-year-old was killed by police", "the body of a man was found", "the soldier later died"
    re.compile(rf"\b(?:a|an|one)\s+(?:[\w'-]+\s+){{0,5}}?was\s+(?:reportedly\s+|later\s+|found\s+)?{_KILL}",
               re.I),
    re.compile(r"\bbody of (?:a|an|one)\s+(?:[\w'-]+\s+){0,5}?was\s+(?:\w+\s+)?(?:found|discovered|recovered)",
               re.I),
    re.compile(r"\b(?:he|she|the (?:victim|man|woman|soldier|officer|civilian|boy|girl|child))\s+(?:later\s+)?"
               r"(?:died|succumbed)|\bresulting in (?:his|her) death", re.I),
    re.compile(rf"\bdeath toll (?:\w+\s+){{0,3}}?(?:to|of|at)\s+(?P<n>{_NUMBER})", re.I),
    re.compile(rf"\b(?P<n>{_NUMBER})\s+(?:reported\s+)?(?:fatalities|deaths|dead)\b", re.I),
]
HURT = [
    re.compile(rf"\b(?:injuring|wounding|injured|wounded|hurt|injures|wounds)\s+(?P<n>{_NUMBER}){_PEOPLE}?", re.I),
    re.compile(rf"\b(?P<n>{_NUMBER}){_PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was|have been|had been|are)?\s*"
               rf"{_HURT}", re.I),
]
HELD = [
    re.compile(rf"\b(?:arrested|detained|arresting|detaining|rounded up|jailed|apprehended)\s+(?P<n>{_NUMBER})"
               rf"{_PEOPLE}?", re.I),
    re.compile(rf"\b(?P<n>{_NUMBER}){_PEOPLE}?\s+(?:\w+\s+){{0,2}}?(?:were|was|have been|had been)?\s*{_HELD}",
               re.I),
]
NONE = re.compile(r"\b(?:no|neither|nor|without)\s+(?:\w+\s+){0,3}?(?:casualties|fatalities|deaths|injuries|"
                  r"one was (?:killed|hurt|injured))", re.I)
COUNTED = re.compile(rf"\b(?:released|freed|exchanged|swapped|returned|handed over|repatriated|launched|fired|"
                     rf"deployed|sent|involving|of|about|some|around|at least)?\s*(?P<n>{_NUMBER})\s+"
                     rf"(?P<unit>(?:[a-z-]+\s+){{0,2}}?(?:prisoners|servicemen|soldiers|hostages|detainees|captives|"
                     rf"drones|missiles|rockets|shells|protesters|demonstrators|people|troops|civilians|bodies|"
                     rf"refugees|migrants|trucks|tonnes|tons|strikes|airstrikes|shellings|attacks|clashes|assaults|"
                     rf"engagements|bombs|sorties|times(?!\s+(?:more|as|the|larger|higher|bigger|less|fewer|greater|"
                     rf"over|a|per)\b)))\b", re.I)


def value(phrase: str) -> int | None:
    """The most conservative integer a number phrase states ("at least 12" -> 12, "10 to 15" -> 10)."""
    p = phrase.lower().strip()
    p = re.sub(r"^(?:at least|more than|over|nearly|almost|around|about|up to|some|approximately|roughly|"
               r"an estimated|as many as|between)\s+", "", p)
    if re.match(r"(?:tens of |hundreds of )?thousands\b|millions\b", p):
        return None  # "thousands", "tens of thousands": no figure a count could stand on (never 1,000)
    for multi in ("a dozen", "a few", "a number of", "a couple of", "a handful of"):
        if p.startswith(multi):
            return WORDS[multi]
    m = re.match(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million)?", p)
    if m:
        digits = m.group(1).replace(",", "")
        try:
            n = float(digits)
        except ValueError:
            return None
        if m.group(2):
            n *= _SCALE[m.group(2)]
        return int(n)
    m = re.match(_TENS_UNITS, p)
    if m:
        tens, units = re.split(r"[- ]", m.group(0))
        return WORDS[tens] + WORDS[units]
    first = p.split()[0] if p.split() else ""
    return WORDS.get(first)


def _first(patterns, text: str) -> int | None:
    """The first figure of the first pattern that finds one (patterns go from the surest wording down)."""
    for pat in patterns:
        found = []
        for m in pat.finditer(text):
            v = value(m.group("n")) if "n" in pat.groupindex else 1
            if v is not None and v < 10_000_000:
                found.append((m.start(), v))
        if found:
            return min(found)[1]
    return None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATES = re.compile(rf"\b\d{{1,2}}(?:\s*-\s*\d{{1,2}})?\s+{_MONTH}(?:,?\s+\d{{4}})?\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
                   rf"(?:,?\s+\d{{4}})?\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:19|20)\d\d\b")


_BRACKETED = re.compile(r"\[[^\]]*\]")  # an editor's insertion ("[Ministry reported 40. ...]"): not the report's


def _readable(text: str) -> str:
    """``text`` with dates and bracketed editorial insertions blanked (same length, offsets kept)."""
    text = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)
    return DATES.sub(lambda m: " " * len(m.group(0)), text)


def _summed(text: str):
    """The match of two groups' deaths added up ("5 soldiers and 1 officer were killed"), not of a range
    ("between 10 and 15 people were killed"); None when the text has none."""
    m = SUMMED.search(text)
    if m and (m.group("a").lower().startswith("between") or
              re.search(r"\b(?:between|from)\s+$", text[:m.start()], re.I)):
        return None
    return m


def casualties(text: str) -> tuple[int | None, int | None, int | None]:
    """(killed, injured, arrested) stated in ``text``; 0 killed when it says there were no casualties.
    A count the report states outright ("fatalities coded as 3") wins; "5 soldiers and 1 officer were
    killed" adds up. Dates and years are not counts ("On 4 May 2020, two soldiers were killed"), nor is what an
    editor put in square brackets."""
    text = _readable(text)
    stated = STATED.search(text)
    if stated:
        return int(stated.group("m")), _first(HURT, text), _first(HELD, text)
    summed = _summed(text)
    killed = None
    if summed:
        a, b = value(summed.group("a")), value(summed.group("b"))
        killed = a + b if a is not None and b is not None else None
    killed = killed if killed is not None else _first(FATAL, text)
    if killed is None and NONE.search(text):
        killed = 0
    return killed, _first(HURT, text), _first(HELD, text)


# A total over a period, not one happening's toll: "over the past day", "in the last 24 hours", "since the start
# of the week", "so far this month", "since the war began".
PERIOD = re.compile(r"\b(?:(?:over|in|during) the (?:past|last|previous) (?:\d+ |two |three |few |several )?"
                    r"(?:day|days|night|24 hours|hours|week|weeks|month|months|year|years)|"
                    r"since the (?:start|beginning) of (?:the |this )?(?:day|week|month|year|war|invasion|"
                    r"offensive|conflict|escalation)|since the (?:war|invasion|conflict|offensive) (?:began|started)|"
                    r"so far (?:this|in) (?:week|month|year)|(?:this|last) (?:week|month) alone|in total since)\b", re.I)


def period_of(text: str) -> str | None:
    """The period a sentence sums its figures over ("over the past day"), or None."""
    m = PERIOD.search(text)
    return m.group(0) if m else None


def sides(text: str) -> list[Quantity]:
    """Each side's deaths where a sentence adds them up: "one soldier and three rebels were killed" gives
    1 soldier killed and 3 rebels killed."""
    text = _readable(text)
    m = _summed(text)
    if m is None:
        return []
    out = []
    for key in ("a", "b"):
        v = value(m.group(key))
        tail = text[m.end(key):].split()
        unit = next((w.strip(",.").lower() for w in tail[:4] if re.fullmatch(_PEOPLE_NOUNS, w.strip(",.").lower())),
                    None)
        if v is not None:
            out.append(Quantity(value=v, unit=f"{unit or 'people'} killed", text=m.group(0).strip()))
    return out if len(out) == 2 else []


def quantities(text: str, start: int = 0) -> list[Quantity]:
    """Other counts ("175 servicemen each", "thousands of protesters", "78 missiles")."""
    out = []
    for m in COUNTED.finditer(text):
        v = value(m.group("n"))
        if v is None or v < 2 or v >= 10_000_000:
            continue
        unit = m.group("unit").split()[-1].lower()
        if re.fullmatch(r"\d{4}", m.group("n").strip()) and 1900 <= v <= 2100:
            continue  # a year, not a count
        out.append(Quantity(value=v, unit=unit, text=m.group(0).strip()))
    return out


_VIOLENT = {"ASSAULT"}
_HOLDING = {"COERCE", "ASSAULT", "PROTEST"}
_QUICK = re.compile(r"kill|dead|die|death|fatalit|perish|slain|murder|execut|assassin|body|bodies|succumb|"
                    r"injur|wound|hurt|arrest|detain|"
                    r"jail|custody|round|apprehend|casualt|lives", re.I)


def attach_numbers(events, sentences) -> None:
    """Give events the casualty and arrest figures of their sentence, and the counts of their clause.

    A figure goes to the first event of the sentence that can have it (deaths and injuries to violence,
    arrests to coercion). A sentence that states a toll but reports no event of its own ("Six people
    were killed in the attack.") adds it to the last violent event before it that has no figure yet; an event
    that only states a toll after an attack ("Three people were injured.", see ``toll_only``) is removed from
    ``events`` and its figures go the same way.
    """
    by_sentence: dict[int, list] = {}
    last_violent = None
    for e in list(events):
        if e.event_type in _VIOLENT and last_violent is not None and toll_only(e):
            strikers = other_side(e, last_violent)
            if strikers:  # one side's losses in an exchange of fire: the other side's strike on it
                e.actor = strikers
                by_sentence.setdefault(e.evidence.start, []).append(e)
                continue
            events.remove(e)  # "Three people were injured." after an attack: its toll, not a new attack
            if last_violent.acled_event_type is None:  # ... and the ACLED type the toll's clause was given
                last_violent.acled_event_type = e.acled_event_type
                last_violent.acled_sub_event_type = e.acled_sub_event_type
            continue
        by_sentence.setdefault(e.evidence.start, []).append(e)
        if e.event_type in _VIOLENT:
            last_violent = e
    previous: list = []
    for s in sentences:
        own = by_sentence.get(s.start, [])
        for e in own:
            e.quantities = e.quantities or quantities(s.text)
        if _QUICK.search(s.text):
            killed, injured, held = casualties(s.text)
            period = period_of(s.text)
            if period is not None:  # a total over a period: counts of the report, not one event's toll
                target = next((e for e in own if e.event_type in _VIOLENT), None)
                if target is not None:
                    for unit, figure in (("killed", killed), ("injured", injured)):
                        if figure:
                            target.quantities.append(Quantity(value=figure, unit=unit, text=s.text.strip(),
                                                              period=period))
                killed = injured = None
            for e in own:
                if e.event_type in _VIOLENT and killed:
                    e.quantities.extend(q for q in sides(s.text) if q not in e.quantities)
                    break
            for field, figure, kinds in (("fatalities", killed, _VIOLENT), ("injured", injured, _VIOLENT),
                                         ("arrested", held, _HOLDING)):
                if figure is None:
                    continue
                target = next((e for e in own if e.event_type in kinds), None)
                if target is None and not own:
                    target = next((e for e in reversed(previous) if e.event_type in kinds
                                   and getattr(e, field) is None), None)
                if target is not None and getattr(target, field) is None:
                    setattr(target, field, figure)
        previous.extend(own)


_CASUALTY_TRIGGER = re.compile(r"(?i)^(?:killed|injured|wounded|hurt|died|dead|perished|injuring|wounding|killing)$")
_WEAPONRY = re.compile(r"(?i)\b(?:attack|strike|shell|bomb|missile|rocket|drone|uav|artillery|mortar|fire|gunfire|"
                       r"explosion|blast|raid|airstrike|grenade|mine|shot|sniper|clash|fighting|ambush|assault)")


def other_side(toll, attack) -> list:
    """In an exchange between two or more countries ("Thai and Cambodian troops exchanged fire"), a toll told after
    it of one side's people alone ("One Thai ranger was wounded") is the others' strike on that side: their
    actors, else none."""
    from dataclasses import replace

    from parley.events.build import _is_country

    sides = {a.country for a in attack.actor if _is_country(a.country)}
    hurt = {r.country for r in toll.recipient if _is_country(r.country)}
    if len(sides) < 2 or not hurt or not hurt < sides:
        return []
    return [replace(a, start=None, end=None) for a in attack.actor if a.country in sides - hurt]


def toll_only(event) -> bool:
    """Whether an event only states a toll ("Three people were injured, among them a girl."): a casualty word
    with no actor, in a sentence that names no attack or weapon. Such a sentence adds its figures to the
    attack reported before it."""
    return (not event.actor and bool(_CASUALTY_TRIGGER.match(event.trigger or ""))
            and not _WEAPONRY.search(event.evidence.sentence))


def report_toll(sentences) -> int | None:
    """The deaths a short report of one happening adds up to: the total it states outright ("4 fatalities."),
    else the sum of the tolls its sentences give ("2 soldiers were killed ... 7 militants were also killed"; a
    figure repeated in a later sentence counts once). Totals over a period are left out. None when it gives no
    toll."""
    total, seen = None, []
    for s in sentences:
        text = _readable(s.text)
        if PERIOD.search(text):
            continue  # a total over a period is no one happening's toll
        stated = STATED.search(text)
        if stated:
            total = int(stated.group("m"))
            seen = None
            continue
        if seen is None or not _QUICK.search(text):
            continue
        killed = casualties(text)[0]
        if killed is not None and killed not in seen:
            seen.append(killed)
    if total is None and seen:
        total = sum(seen)
    return total
