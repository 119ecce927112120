"""Routes: place names geocoded one by one, and how far a point lies from the path through them.

A route is an ordered list of places ("from Enerhodar via Vasylivka to Zaporizhzhia"), each a dict with
``name``, ``lat``, ``lon``, ``country``, ``geonameid`` (and ``admin1`` and ``text``, the name as written).
Only towns and regions are route places: a country's centroid says nothing about where a road runs.
"""
from __future__ import annotations

import math

from parley.ground.locate import lookup_name
from parley.ground.places import REGION_WORDS, PlaceIndex, fold, haversine_km, skeleton


def geocode_place(name: str, countries: list[str], index: PlaceIndex) -> dict | None:
    """The town or region called ``name`` (preferring ``countries``, most likely first), as a route place; None
    when the table has no such town or region."""
    words = name.split()
    place = lookup_name(index, name, countries)
    if place is None and len(words) > 1 and words[-1].lower() in REGION_WORDS:
        place = lookup_name(index, " ".join(words[:-1]), countries)
    if place is not None and not _own_name(name, place.name):
        # a town's own name before another town's alias: "Pokrovsk" in Ukraine, not Engels (once Pokrovsk) in Russia
        own = (lookup_name(index, name, [c]) for c in countries if c != place.country)
        place = next((p for p in own if p is not None and _own_name(name, p.name)), place)
    if place is None or place.kind == "country":
        return None
    if countries and place.country not in countries and not _own_name(name, place.name):
        return None  # an alias abroad ("Masisi" read as a town in Mozambique): likelier a miss than the place
    return {"name": place.name, "lat": round(place.lat, 5), "lon": round(place.lon, 5), "country": place.country,
            "geonameid": place.geonameid, "admin1": place.admin1, "text": name}


def _own_name(said: str, name: str) -> bool:
    """Whether ``said`` is the place's own name, give or take romanisation ("Zaporizhzhia", "Zaporizhzhya")."""
    a, b = skeleton(fold(said)), skeleton(fold(name))
    return a == b or a.startswith(b) or b.startswith(a) or (len(a) > 5 and _close(a, b))


def _close(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def km_to_route(lat: float, lon: float, route: list[dict]) -> float | None:
    """Kilometres from (``lat``, ``lon``) to the nearest point of the path through ``route``'s places (straight
    legs between consecutive places; one place: the distance to it). None for an empty route."""
    points = [(p["lat"], p["lon"]) for p in route if p.get("lat") is not None]
    if not points:
        return None
    best = min(haversine_km(lat, lon, a, b) for a, b in points)
    for (a_lat, a_lon), (b_lat, b_lon) in zip(points, points[1:]):
        # project onto the leg in a local flat frame (legs of a corridor are short: tens to hundreds of km)
        k = math.cos(math.radians((a_lat + b_lat) / 2))
        ax, ay, bx, by, px, py = a_lon * k, a_lat, b_lon * k, b_lat, lon * k, lat
        dx, dy = bx - ax, by - ay
        span = dx * dx + dy * dy
        if span == 0:
            continue
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / span))
        best = min(best, haversine_km(lat, lon, a_lat + t * (b_lat - a_lat), a_lon + t * (b_lon - a_lon)))
    return best
