"""The filters of stored events, checked against their vocabularies before any query runs.

:func:`validate_filters` is the one check, called by :meth:`Store.events` and by the commands that take filters
(``parley events``, ``export``, ``stories``). It returns the filters normalised (upper-case codes, dates as the
first or last day they cover) or raises a coded :class:`~parley.errors.InputError` that names the filter and the
nearest valid values:

>>> validate_filters(actor="rus", since="2025-03", until="2025-03")["until"]
'2025-03-31'
>>> validate_filters(type="ASAULT")
Traceback (most recent call last):
parley.errors.InputError: [P043] --type: 'ASAULT' is not a PLOVER event type: did you mean ASSAULT or CONSULT?
"""
from __future__ import annotations

import difflib
import functools
import re

from parley.errors import Errors, InputError

STATUSES = ("occurred", "ongoing", "planned", "intended", "hypothetical", "negated")
"""An event's status (``Event.status``)."""

QUAD_CLASSES = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")
"""An event's quad class (``Event.quad_class``)."""

ACLED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
"""ACLED's event types (``Event.acled_event_type``)."""

FILTERS = ("actor", "recipient", "type", "since", "until", "status", "claimed_by", "place", "precision", "limit",
           "quad_class", "acled_type", "min_confidence", "country", "min_lat", "min_lon", "max_lat", "max_lon",
           "text")
"""Every filter :meth:`Store.events` takes, in the order of its signature."""

BBOX = ("min_lat", "min_lon", "max_lat", "max_lon")

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def validate_filters(*, actor: str | None = None, recipient: str | None = None, type: str | None = None,
                     since: str | None = None, until: str | None = None, status: str | None = None,
                     claimed_by: str | None = None, place: str | None = None, precision: int | None = None,
                     limit: int | None = None, quad_class: str | None = None, acled_type: str | None = None,
                     min_confidence: float | None = None, country: str | None = None, min_lat: float | None = None,
                     min_lon: float | None = None, max_lat: float | None = None, max_lon: float | None = None,
                     text: str | None = None) -> dict:
    """The filters checked and normalised, every one of :data:`FILTERS` as a key (None when not given).

    - ``actor``, ``recipient``, ``claimed_by``: a country code of ``parley/data/countries.tsv`` or an organisation
      code of ``organisations.tsv``, any case; "russia" is refused with RUS as the nearest code (P043).
    - ``type``: PLOVER types, comma-separated, any case (P043).
    - ``status``: one of :data:`STATUSES` (P043).
    - ``since``, ``until``: a real day ``YYYY-MM-DD``, a month ``YYYY-MM`` or a year ``YYYY`` (P042); ``since``
      becomes the first day it covers and ``until`` the last, and ``since`` may not be after ``until`` (P045).
    - ``place``: free text, stripped.
    - ``precision``: 1, 2 or 3 (P025), the largest location precision kept; ``limit``: a whole number of at least
      1 (P044).
    - ``quad_class``: quad classes, comma-separated, any case (P043); ``acled_type``: ACLED event types,
      comma-separated, any case (P043).
    - ``min_confidence``: a number from 0 to 1 (P046).
    - ``country``: the country code of the event's location (P043).
    - ``min_lat``, ``min_lon``, ``max_lat``, ``max_lon``: a bounding box of the location, all four or none
      (P047); a box may not cross the antimeridian.
    - ``text``: words the evidence sentence contains (any case), stripped.

    Checking filters already checked changes nothing."""
    return {
        "actor": _code("actor", actor), "recipient": _code("recipient", recipient), "type": _types(type),
        **_dates(since, until), "status": _status(status), "claimed_by": _code("claimed_by", claimed_by),
        "place": (place or "").strip() or None, "precision": _precision(precision), "limit": _limit(limit),
        "quad_class": _choices("quad_class", quad_class, QUAD_CLASSES, "a quad class"),
        "acled_type": _choices("acled_type", acled_type, ACLED_TYPES, "an ACLED event type"),
        "min_confidence": _confidence(min_confidence), "country": _code("country", country),
        **_bbox(min_lat=min_lat, min_lon=min_lon, max_lat=max_lat, max_lon=max_lon),
        "text": (str(text).strip() or None) if text is not None else None,
    }


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _nearest(value: str, choices) -> list[str]:
    return difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)


def _did_you_mean(found: list[str], fallback: str) -> str:
    if not found:
        return fallback
    return "did you mean " + (f"{', '.join(found[:-1])} or {found[-1]}" if len(found) > 1 else found[0]) + "?"


def _types(value) -> str | None:
    from parley.events.lexicon import PLOVER_TYPES

    if _blank(value):
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for item in (str(i).strip().upper() for i in items):
        if not item:
            continue
        if item not in PLOVER_TYPES:
            hint = _did_you_mean(_nearest(item, PLOVER_TYPES), "give one or more of " + ", ".join(PLOVER_TYPES))
            raise InputError("P043", "--type", Errors.P043.format(value=item, what="a PLOVER event type", hint=hint))
        if item not in out:
            out.append(item)
    return ",".join(out) or None


def _status(value) -> str | None:
    if _blank(value):
        return None
    status = str(value).strip().lower()
    if status not in STATUSES:
        hint = _did_you_mean(_nearest(status, STATUSES), "give one of " + ", ".join(STATUSES))
        raise InputError("P043", "--status", Errors.P043.format(value=value, what="an event status", hint=hint))
    return status


def _choices(name: str, value, vocabulary: tuple[str, ...], what: str) -> str | None:
    """Values of ``vocabulary``, comma-separated, matched in any case (or P043 with the nearest ones)."""
    if _blank(value):
        return None
    by_lower = {v.lower(): v for v in vocabulary}
    out: list[str] = []
    for item in (i.strip() for i in str(value).split(",")):
        if not item:
            continue
        found = by_lower.get(item.lower())
        if found is None:
            near = [by_lower[n] for n in _nearest(item.lower(), by_lower)]
            hint = _did_you_mean(near, "give one or more of " + ", ".join(vocabulary))
            raise InputError("P043", _option(name), Errors.P043.format(value=item, what=what, hint=hint))
        if found not in out:
            out.append(found)
    return ",".join(out) or None


def _number(value) -> float | None:
    """``value`` as a finite float, or None when it is not one."""
    import math

    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _confidence(value) -> float | None:
    if _blank(value):
        return None
    number = _number(value)
    if number is None or not 0 <= number <= 1:
        raise InputError("P046", "--min-confidence", Errors.P046.format(value=value))
    return number


def _bbox(**corners) -> dict:
    given = {k: v for k, v in corners.items() if not _blank(v)}
    if not given:
        return dict.fromkeys(BBOX)
    if len(given) < len(BBOX):
        missing = ", ".join(k for k in BBOX if k not in given)
        raise InputError("P047", "--min-lat", Errors.P047.format(why=f"lacks {missing}"))
    box = {}
    for name in BBOX:
        number = _number(given[name])
        bound = 90 if name.endswith("lat") else 180
        if number is None or not -bound <= number <= bound:
            raise InputError("P047", _option(name), Errors.P047.format(why=f"has {name} {given[name]!r}"))
        box[name] = number
    for axis in ("lat", "lon"):
        if box[f"min_{axis}"] > box[f"max_{axis}"]:
            raise InputError("P047", _option(f"min_{axis}"), Errors.P047.format(
                why=f"has min_{axis} {box[f'min_{axis}']} over max_{axis} {box[f'max_{axis}']}"))
    return box


@functools.lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """Every country and organisation code an event can carry -> its name; and every lower-case name, alias
    and demonym -> its code."""
    from parley.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in gaz.countries:
        codes[c.code] = c.name
        for name in (c.name, *c.aliases, *c.demonyms):
            names.setdefault(name.lower(), c.code)
    for o in sorted(gaz.organisations, key=lambda o: o.country not in (o.name, *o.aliases)):  # UN: United Nations
        codes.setdefault(o.country, o.name)
        for name in (o.name, *o.aliases):
            names.setdefault(name.lower(), o.country)
    return codes, names


def _code(name: str, value) -> str | None:
    if _blank(value):
        return None
    code = str(value).strip().upper()
    codes, names = _codes()
    if code in codes:
        return code
    said = str(value).strip().lower().removeprefix("the ")
    if said in names:  # a name, alias or demonym: its code, and no other
        found = [names[said]]
    else:
        found = _nearest(code, codes)
        found += [names[n] for n in _nearest(said, names) if names[n] not in found]
    hint = _did_you_mean([f"{c} ({codes[c]})" for c in found[:3]],
                         "give an ISO 3166 alpha-3 code such as RUS, or an organisation code such as NATO "
                         "(parley/data/countries.tsv, organisations.tsv)")
    raise InputError("P043", _option(name), Errors.P043.format(value=value, what="a country or organisation code",
                                                               hint=hint))


def _day_range(name: str, value) -> tuple[str, str] | None:
    """The first and last day ``value`` covers, or P042 saying why it is not a date."""
    import calendar

    from parley.ground.dates import date_range

    if _blank(value):
        return None
    said = str(value).strip()
    span = date_range(said)
    if span is not None:
        return span[0].isoformat(), span[1].isoformat()
    why = ""
    m = _DATE.fullmatch(said)
    if m and m.group(2) and not 1 <= int(m.group(2)) <= 12:
        why = f" (there is no month {int(m.group(2))})"
    elif m and m.group(3):
        year, month = int(m.group(1)), int(m.group(2))
        why = f" ({year}-{month:02d} has {calendar.monthrange(year, month)[1]} days)"
    raise InputError("P042", _option(name), Errors.P042.format(value=value, why=why))


def _dates(since, until) -> dict:
    first = _day_range("since", since)
    last = _day_range("until", until)
    if first and last and first[0] > last[1]:
        raise InputError("P045", "--since", Errors.P045.format(since=since, until=until))
    return {"since": first[0] if first else None, "until": last[1] if last else None}


def _precision(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2, 3):
        raise InputError("P025", "--precision", Errors.P025.format(value=value))
    return value


def _limit(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError("P044", "--limit", Errors.P044.format(value=value))
    return value


__all__ = ["ACLED_TYPES", "BBOX", "FILTERS", "QUAD_CLASSES", "STATUSES", "validate_filters"]
