"""The schema: every record parley reads or writes is one of these dataclasses.

JSON Lines, CSV and (later) the database are all derived from these classes; each field carries a
docstring (the string literal that follows it), and a test fails when one is missing.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Article:
    """One input document, as read from a file, a record or standard input."""

    id: str
    """The input record's id; a ``.txt`` or ``.html`` file's id is its file name."""
    text: str
    """The document text that events are coded from; evidence offsets index into it."""
    title: str | None = None
    """Headline, when the input gives one."""
    url: str | None = None
    """Address the article was published at, when known."""
    outlet: str | None = None
    """Publisher or news outlet, when known."""
    date: str | None = None
    """Publication date ``YYYY-MM-DD``; relative dates in the text are resolved against it."""
    source: str | None = None
    """Where the record came from: ``path`` or ``path:line`` (for error messages and audit)."""


@dataclass
class Entity:
    """An actor, recipient or claimant, resolved to a country and a sector."""

    text: str
    """The mention as written in the text ("the Kremlin", "Russian drones")."""
    country: str | None
    """ISO 3166 alpha-3 code, or an organisation code (UN, NATO, EU, IGO, NGO, ...)."""
    sector: str | None = None
    """PLOVER sector code (GOV, MIL, REB, CVL, COP, ...), or None when the text does not say."""
    name: str | None = None
    """Canonical name when the mention resolved to a known person or organisation."""
    start: int | None = None
    """Character offset of the mention's first character in the document text."""
    end: int | None = None
    """Character offset just past the mention's last character."""


@dataclass
class Location:
    """Where an event happened, geocoded offline."""

    text: str
    """The place as written in the text."""
    name: str | None = None
    """Canonical place name from the gazetteer."""
    country: str | None = None
    """ISO 3166 alpha-3 code of the country the place lies in."""
    admin1: str | None = None
    """Name of the first-level administrative region."""
    lat: float | None = None
    """Latitude in decimal degrees (WGS84)."""
    lon: float | None = None
    """Longitude in decimal degrees (WGS84)."""
    geonameid: int | None = None
    """GeoNames identifier, where the gazetteer has one."""
    admin2: str | None = None
    """Name of the second-level region (district, Ukraine's raion), where known."""
    precision: int | None = None
    """How exact the place is, as ACLED's geo_precision: 1 the named town itself, 2 near a town or a part of a
    region (a district, a community, a village placed at its community's centre), 3 a region or a country."""


@dataclass
class Quantity:
    """A number the text attaches to the event (prisoners released, crowd size, drones launched)."""

    value: int
    """The most conservative figure the text states, as an integer."""
    unit: str
    """What is counted, as a lower-case noun lemma ("serviceman", "drone", "protester")."""
    text: str
    """The phrase the number was read from."""
    period: str | None = None
    """For a total over a period rather than one event's count ("over the past day"), the period as written."""


@dataclass
class Evidence:
    """The sentence an event was coded from."""

    sentence: str
    """The sentence text, exactly as in the document."""
    start: int
    """Character offset of the sentence's first character in the document text."""
    end: int
    """Character offset just past the sentence's last character."""


@dataclass
class Event:
    """One event: who did what to whom, coded in PLOVER 2.0 with CAMEO and ACLED equivalents."""

    event_type: str
    """PLOVER 2.0 event type (AGREE, CONSULT, ..., ASSAULT)."""
    evidence: Evidence
    """The sentence the event was coded from, with its character offsets."""
    mode: str | None = None
    """PLOVER mode of the event type ("phone", "release", "drone", ...), or None."""
    context: list[str] = field(default_factory=list)
    """PLOVER contexts ("military", "ceasefire", "territory", ...)."""
    cameo: str | None = None
    """CAMEO event code (two to four digits) as a string."""
    quad_class: str | None = None
    """VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT or MATERIAL_CONFLICT."""
    acled_event_type: str | None = None
    """ACLED event type for violence and strategic developments, else None."""
    acled_sub_event_type: str | None = None
    """ACLED sub-event type, else None."""
    actor: list[Entity] = field(default_factory=list)
    """Who acted; several entities for a compound actor ("Trump and Zelensky")."""
    recipient: list[Entity] = field(default_factory=list)
    """Who was acted upon or addressed."""
    claimed_by: Entity | None = None
    """Who the text attributes the report to ("Moscow reported"), or None."""
    status: str = "occurred"
    """occurred, ongoing, planned, intended, hypothetical or negated."""
    targets: list[str] = field(default_factory=list)
    """What was hit, as target categories (energy, medical, residential, ...)."""
    date: str | None = None
    """Event date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, resolved against the document date."""
    date_source: str | None = None
    """``text`` when the sentence dates the event, ``document`` when the document date was used."""
    date_start: str | None = None
    """The first day ``date`` covers, ``YYYY-MM-DD`` (a month's first day for ``2025-03``), or None."""
    date_end: str | None = None
    """The last day ``date`` covers, ``YYYY-MM-DD`` (``2025-03-31`` for ``2025-03``), or None."""
    location: Location | None = None
    """Where the event happened, or None."""
    fatalities: int | None = None
    """People killed, the most conservative figure stated, or None."""
    injured: int | None = None
    """People injured, or None."""
    arrested: int | None = None
    """People arrested or detained, or None."""
    quantities: list[Quantity] = field(default_factory=list)
    """Other numbers attached to the event."""
    confidence: float = 0.5
    """How sure the coder is that the event is right, in [0, 1]."""
    trigger: str | None = None
    """The word or phrase that triggered the event ("agreed", "prisoner swap")."""


@dataclass
class CodedDocument:
    """The output for one input document: its metadata and its events, main event first."""

    id: str
    """The input record's id, echoed."""
    title: str | None = None
    """Headline, when the input had one."""
    date: str | None = None
    """Publication date used to resolve relative dates."""
    url: str | None = None
    """Address of the article, when known."""
    outlet: str | None = None
    """Publisher, when known."""
    events: list[Event] = field(default_factory=list)
    """Events coded from the document, main event first."""


def to_dict(obj: Any) -> Any:
    """A JSON-ready dict of a schema object (dataclasses become dicts, recursively)."""
    return dataclasses.asdict(obj)
