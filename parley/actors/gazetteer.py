"""The actor knowledge base: countries, office holders, organisations, seats of power and agent words.

The data lives in plain TSV files in ``parley/data/`` (UTF-8, first non-comment line is the header, ``#``
lines are comments, list fields are separated by ``|``, an empty field means nothing). Nothing is read at
import time: :func:`load_gazetteer` reads the files on first use and caches the result per folder.

A malformed line (wrong number of columns, a bad date, an unknown sector or code, ...) raises
:class:`parley.errors.ModelError` naming the file and the line.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import importlib.resources.abc
import pathlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from parley.errors import ModelError, coded

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC "
    "IGO NGO".split()
)
"""Valid sector codes (an empty sector is allowed where the column is optional)."""

ORG_CODES = frozenset(
    "UN UNSC UNHCR UNICEF WFP WHO IAEA IMF WB ICC ICJ NATO EU AU ASEAN OSCE OPEC ECOWAS OIC ARL GCC SCO "
    "BRICS G7 G20 CIS CSTO IGAD SADC EAC OAS WTO COE OPCW INTERPOL APEC MERCOSUR CARICOM EAEU AES NGO".split()
)
"""Organisation codes allowed in a ``country`` column besides ISO 3166 alpha-3 codes."""

HEAD_OF_STATE_OFFICES = frozenset({
    "president", "acting president", "interim president", "transitional president", "head of state",
    "king", "queen", "emir", "sultan", "emperor", "supreme leader", "pope",
    "presidential leadership council chairman", "leader",
})
"""``office`` values that name a head of state (de jure or de facto)."""

HEAD_OF_GOVERNMENT_OFFICES = frozenset({
    "prime minister", "acting prime minister", "caretaker prime minister", "chancellor", "premier", "state counsellor",
    "chief adviser", "chief executive",
})
"""``office`` values that name a head of government."""

FOREIGN_MINISTER_OFFICES = frozenset({"foreign minister", "acting foreign minister", "caretaker foreign minister"})
DEFENCE_MINISTER_OFFICES = frozenset({"defence minister", "acting defence minister"})

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Country:
    """A country (or territory) with the names news uses for it."""

    code: str
    """ISO 3166-1 alpha-3 code (XKX for Kosovo)."""
    name: str
    """Common English short name."""
    aliases: tuple[str, ...]
    """Other names used in English news ("U.S.", "Britain", "Burma")."""
    demonyms: tuple[str, ...]
    """Adjective and nationality forms ("Russian", "Russians", "Soviet")."""
    capitals: tuple[str, ...]
    """Capital city names, alternates included ("Kyiv", "Kiev")."""


@dataclass(frozen=True)
class OfficeHolder:
    """One person's term in one office."""

    name: str
    """Canonical name."""
    aliases: tuple[str, ...]
    """Other spellings and the surname alone where it is distinctive."""
    country: str
    """ISO alpha-3 code or organisation code (UN, NATO, EU, AU, ...)."""
    sector: str
    """Sector the person acts for in this office (GOV, MIL, REB, ...)."""
    office: str
    """Office, lower case ("president", "foreign minister", "hamas political bureau chief")."""
    start: dt.date | None
    """First day in office; None when not known."""
    end: dt.date | None
    """Last day in office; None while still in office."""

    def in_office(self, on: dt.date | None) -> bool:
        """True when ``on`` is None or falls within the term (a missing start or end is open)."""
        if on is None:
            return True
        if self.start is not None and on < self.start:
            return False
        if self.end is not None and on > self.end:
            return False
        return True


@dataclass(frozen=True)
class Organisation:
    """An international organisation, NGO, armed group, party or named national body."""

    name: str
    """Canonical name."""
    aliases: tuple[str, ...]
    """Acronyms and other names."""
    country: str
    """ISO alpha-3 code, organisation code, NGO, or IMG (international militarized group)."""
    sector: str
    """Sector code (IGO, NGO, REB, PTY, MIL, ...)."""


@dataclass(frozen=True)
class Metonym:
    """A seat of power or institution standing for an actor ("Kremlin" -> RUS GOV)."""

    text: str
    """The name as written, without a leading "the"."""
    country: str
    """ISO alpha-3 code."""
    sector: str
    """Sector code."""


@dataclass(frozen=True)
class Agent:
    """A generic actor noun ("troops") or an office title ("president"), lower case."""

    word: str
    """The word or phrase, lower case."""
    sector: str | None
    """Sector it marks, or None when it marks none ("spokesman")."""
    kind: str
    """``"agent"``, ``"title"``, or ``"enemy"``: a word that names the speaker's adversary ("the enemy",
    "the occupiers"), whose country is the other side of the war the speaker is in."""


@dataclass(frozen=True)
class Adversaries:
    """Two countries at war or in armed confrontation, and since when: who "the enemy" is for each."""

    a: str
    """ISO alpha-3 code of one side."""
    b: str
    """ISO alpha-3 code of the other."""
    since: str
    """Year the confrontation began (documentation; not used in coding)."""


@dataclass(frozen=True)
class Gazetteer:
    """Everything the actor resolver knows, as loaded from the data files."""

    countries: tuple[Country, ...]
    office_holders: tuple[OfficeHolder, ...]
    organisations: tuple[Organisation, ...]
    metonyms: tuple[Metonym, ...]
    agents: tuple[Agent, ...]
    adversaries: tuple[Adversaries, ...] = ()

    def enemies_of(self, code: str) -> list[str]:
        """The countries ``code`` is at war with, in file order."""
        return [x.b if x.a == code else x.a for x in self.adversaries if code in (x.a, x.b)]

    def country(self, code: str) -> Country | None:
        """The country with ISO code ``code``, or None."""
        for c in self.countries:
            if c.code == code:
                return c
        return None

    def holders(self, country: str | None = None, offices: frozenset[str] | set[str] | None = None,
                on: dt.date | None = None) -> list[OfficeHolder]:
        """Office holders filtered by country, office (a set of ``office`` values) and date, in file order."""
        return [h for h in self.office_holders
                if (country is None or h.country == country)
                and (offices is None or h.office in offices)
                and h.in_office(on)]


# ---------------------------------------------------------------------------------------------- reading
class _Reader:
    """Reads one TSV file: checks the header and yields (line number, fields) for each data line."""

    def __init__(self, resource: importlib.resources.abc.Traversable | pathlib.Path, label: str, columns: list[str]):
        self.label = label
        self.columns = columns
        try:
            raw = resource.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ModelError(coded("P011", name=label, line=0,
                                   reason="the file is missing; reinstall parley or restore the file")) from exc
        except UnicodeDecodeError as exc:
            raise ModelError(coded("P011", name=label, line=0, reason=f"the file is not UTF-8 ({exc.reason})")) from exc
        self.lines = raw.splitlines()

    def error(self, line: int, reason: str) -> ModelError:
        return ModelError(coded("P011", name=self.label, line=line, reason=reason))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        header_seen = False
        for n, line in enumerate(self.lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if not header_seen:
                if fields != self.columns:
                    raise self.error(n, f"the header must be {' | '.join(self.columns)} separated by tabs, "
                                        f"got {' | '.join(fields)}")
                header_seen = True
                continue
            if len(fields) != len(self.columns):
                raise self.error(n, f"expected {len(self.columns)} tab-separated columns, found {len(fields)}")
            yield n, fields
        if not header_seen:
            raise self.error(1, "the file has no header line")

    # field checks ------------------------------------------------------------------------------
    def required(self, n: int, value: str, column: str) -> str:
        if not value:
            raise self.error(n, f"the {column!r} column is empty")
        return value

    def sector(self, n: int, value: str, optional: bool = False) -> str:
        if not value and optional:
            return ""
        if value not in SECTORS:
            raise self.error(n, f"unknown sector {value!r} (valid: {', '.join(sorted(SECTORS))})")
        return value

    def code(self, n: int, value: str, allow_orgs: bool = True, extra: frozenset[str] = frozenset()) -> str:
        if _CODE_RE.match(value) or (allow_orgs and value in ORG_CODES) or value in extra:
            return value
        raise self.error(n, f"country code {value!r} is neither 3 upper-case letters nor a known organisation code")

    def date(self, n: int, value: str, column: str) -> dt.date | None:
        if not value:
            return None
        if not _DATE_RE.match(value):
            raise self.error(n, f"{column} {value!r} is not a date YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise self.error(n, f"{column} {value!r} is not a valid date ({exc})") from exc


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _countries(r: _Reader) -> tuple[Country, ...]:
    out: list[Country] = []
    seen: dict[str, int] = {}
    for n, (code, name, aliases, demonyms, capital) in r.rows():
        if not _CODE_RE.match(code):
            raise r.error(n, f"country code {code!r} is not 3 upper-case letters (ISO 3166 alpha-3)")
        if code in seen:
            raise r.error(n, f"duplicate country code {code!r} (first on line {seen[code]})")
        seen[code] = n
        out.append(Country(code, r.required(n, name, "name"), _split(aliases), _split(demonyms), _split(capital)))
    return tuple(out)


def _office_holders(r: _Reader) -> tuple[OfficeHolder, ...]:
    out: list[OfficeHolder] = []
    for n, (name, aliases, country, sector, office, start, end) in r.rows():
        s, e = r.date(n, start, "start"), r.date(n, end, "end")
        if s is not None and e is not None and s > e:
            raise r.error(n, f"start {start} is after end {end}")
        out.append(OfficeHolder(r.required(n, name, "name"), _split(aliases), r.code(n, country),
                                r.sector(n, sector), r.required(n, office, "office").lower(), s, e))
    return tuple(out)


def _organisations(r: _Reader) -> tuple[Organisation, ...]:
    return tuple(Organisation(r.required(n, name, "name"), _split(aliases), r.code(n, country), r.sector(n, sector))
                 for n, (name, aliases, country, sector) in r.rows())


def _metonyms(r: _Reader) -> tuple[Metonym, ...]:
    out: list[Metonym] = []
    for n, (text, country, sector) in r.rows():
        text = r.required(n, text, "text")
        if text.lower().startswith("the "):
            raise r.error(n, f"write {text!r} without the leading 'the' (matching ignores it)")
        out.append(Metonym(text, r.code(n, country), r.sector(n, sector)))
    return tuple(out)


def _agents(r: _Reader) -> tuple[Agent, ...]:
    out: list[Agent] = []
    seen: dict[str, int] = {}
    for n, (word, sector, kind) in r.rows():
        word = r.required(n, word, "word")
        if word != word.lower():
            raise r.error(n, f"agent word {word!r} must be lower case")
        if kind not in ("agent", "title", "enemy"):
            raise r.error(n, f"kind {kind!r} must be 'agent', 'title' or 'enemy'")
        if word in seen:
            raise r.error(n, f"duplicate word {word!r} (first on line {seen[word]})")
        seen[word] = n
        out.append(Agent(word, r.sector(n, sector, optional=True) or None, kind))
    return tuple(out)


def _adversaries(r: _Reader) -> tuple[Adversaries, ...]:
    out: list[Adversaries] = []
    for n, (a, b, since) in r.rows():
        for code in (a, b):
            if not _CODE_RE.match(code):
                raise r.error(n, f"country code {code!r} is not 3 upper-case letters (ISO 3166 alpha-3)")
        if not re.fullmatch(r"\d{4}", since):
            raise r.error(n, f"since {since!r} is not a year")
        out.append(Adversaries(a, b, since))
    return tuple(out)


_FILES: list[tuple[str, str, list[str], Callable[[_Reader], tuple]]] = [
    ("countries", "countries.tsv", ["code", "name", "aliases", "demonyms", "capital"], _countries),
    ("office_holders", "office_holders.tsv",
     ["name", "aliases", "country", "sector", "office", "start", "end"], _office_holders),
    ("organisations", "organisations.tsv", ["name", "aliases", "country", "sector"], _organisations),
    ("metonyms", "metonyms.tsv", ["text", "country", "sector"], _metonyms),
    ("agents", "agents.tsv", ["word", "sector", "kind"], _agents),
    ("adversaries", "adversaries.tsv", ["a", "b", "since"], _adversaries),
]


@functools.lru_cache(maxsize=8)
def load_gazetteer(data_dir: pathlib.Path | None = None) -> Gazetteer:
    """Read the TSV files from ``data_dir`` (default: the data shipped in ``parley/data``).

    The result is cached per ``data_dir``; raises ``ModelError`` (P011) on a malformed line.
    """
    parts = {}
    for field, filename, columns, parse in _FILES:
        if data_dir is None:
            resource = importlib.resources.files("parley") / "data" / filename
            label = f"parley/data/{filename}"
        else:
            resource = pathlib.Path(data_dir) / filename
            label = str(resource)
        parts[field] = parse(_Reader(resource, label, columns))
    return Gazetteer(**parts)
