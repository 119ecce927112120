"""Where an event happened: the place phrase of its clause, geocoded.

Not every place in a sentence is where the event happened: "Moscow said drones hit a refinery in Ryazan"
happened in Ryazan, and Moscow is who said so. The place is looked for in this order: a place preposition
("in", "near", "outside", ...) on the trigger or on its object; a place anywhere in the trigger's phrase
(not in its subject); a place preposition on the clauses above it. The phrase is then geocoded with the
qualifiers the text gives ("Ahwar (Ahwar, Abyan)", "San Mateo Capulhuac, Mexico"), preferring the countries
the article is about.
"""
from __future__ import annotations

from collections import deque

from parley.ground.places import DISTRICT_WORDS, REGION_WORDS, PlaceIndex, fold, region_keys, region_match, skeleton
from parley.model import Location

PLACE_PREPS = {"in", "at", "near", "outside", "around", "across", "into", "inside", "throughout", "within", "from",
               "towards", "toward", "on", "over"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
DIRECTIONS = {"southern", "northern", "eastern", "western", "central", "south", "north", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
              "south-eastern", "south-western", "occupied", "rural"}


def place_spans(doc, mentions, index: PlaceIndex | None = None) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of each place phrase: NER places and gazetteer country/capital names. With
    the gazetteer (``index``), also a capitalised word the tagger took for a common noun when the sentence uses
    it as a place and a town has the name ("Marganets was shelled", "Opytnoye came under fire")."""
    from parley.actors.resolve import backs, made_at  # (a backer names no place: "the Rwanda-backed M23"; nor
    # where arms were made: "bombs made in the USA")

    spans: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not backs(doc, ent.end) and not made_at(doc, ent.end):
            for i in range(ent.start, ent.end):
                spans[i] = (ent.start, ent.end)
    for i, m in mentions.items():
        if m.kind in ("country", "capital") and i not in spans and not backs(doc, m.end):
            spans[i] = (m.start, m.end)
    # proper nouns the sentence uses as places, whatever the NER took them for ("in Montes Claros", "in the
    # town of Douris", "Thiruvananthapuram city", "Lumbishi (Kalehe, Sud-Kivu)"); names of known actors excepted
    for t in doc:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.i in spans or t.i in mentions or \
                t.ent_type_ in _NOT_PLACES or not _used_as_place(doc, t) or made_at(doc, t.i + 1):
            continue  # (not "at sea" tagged as a name)
        start, end = _proper_run(doc, t)
        if any(i in mentions for i in range(start, end)):
            continue
        for i in range(start, end):
            spans.setdefault(i, (start, end))
    if index is not None:
        for t in doc:
            if t.is_title and t.pos_ in _MISTAGGED and len(t) >= 4 and not t.is_stop and t.i not in spans and \
                    t.i not in mentions and t.ent_type_ not in _NOT_PLACES and _used_as_place(doc, t) and \
                    any(p.population >= 1000 or p.exact for p in index.cities.get(fold(t.text), ())):
                spans[t.i] = (t.i, t.i + 1)
    # a name before a unit word is the unit's, whatever the tagger took it for: "the Komyshuvakha hromada",
    # "Bilozerka community", "Polohy district"
    for t in doc:
        town = t.lower_ in ("town", "city", "village", "township") and not t.is_title  # "Macomia town"
        if not (t.lower_ in REGION_WORDS or town) or t.i == 0 or not doc[t.i - 1].is_title or (t.i - 1) in spans:
            continue
        start = t.i - 1
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].text == "-") and (start - 1) not in spans:
            start -= 1
        if start < t.i and not any(i in mentions for i in range(start, t.i)) and doc[start].text != "-":
            end = t.i if town else t.i + 1  # a unit keeps its word, which says what kind of place it is
            for i in range(start, end):
                spans[i] = (start, end)
    head = heading(doc)
    if head is not None and not any(i in mentions for i in range(*head)):
        for i in range(*head):
            spans[i] = head
    return spans


# Verbs whose object is where the event happened when the object is a place: what is attacked, struck, besieged or
# taken ("Russian drones attacked Kharkiv", "militants raided Damboa", "the army retook Kidal").
STRUCK_VERBS = frozenset({"shell", "bomb", "bombard", "pound", "strike", "hit", "besiege", "encircle", "storm",
                          "capture", "seize", "retake", "recapture", "liberate", "overrun", "attack", "target",
                          "raid", "assault", "invade", "occupy", "surround", "blockade", "rocket", "torch",
                          "ransack", "loot", "sack", "blitz", "block", "close", "cut", "take", "clear"})
# Installations named by the town they serve.
INSTALLATIONS = frozenset({"refinery", "depot", "airport", "airbase", "airfield", "port", "junction", "bridge", "dam",
                           "terminal", "substation"})
_MISTAGGED = frozenset({"NOUN", "ADJ", "VERB", "ADV"})  # what the tagger takes an unknown name for
_NOT_PLACES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW"}


def _used_as_place(doc, t) -> bool:
    """Whether the proper noun ``t`` heads (or names) a phrase the sentence uses as a place."""
    head = t
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.pos_ == "PROPN":
        head = head.head
    if _placeish(head):
        return True  # "in Barja", "in the town of Douris", "Russian drones struck Lviv", "Kharkiv was shelled"
    if head.dep_ == "compound" and head.head.lower_ in PLACE_NOUNS | REGION_WORDS and _placeish(head.head):
        return True  # "in Veliyankode village", "in villages of Nabha district", "shelled the Sumy region"
    if head.dep_ in ("compound", "amod") and head.head.lower_ in INSTALLATIONS:
        return True  # "the Vasilkov oil depot", "the Koziatyn railway junction": an installation named by its town
    unit = _region_follows(doc, _proper_run(doc, t)[1])
    if unit is not None and (head.head.i == unit or doc[unit].head.i == head.i):
        return True  # "shelled Shebekino, Belgorod region", "Kupiansk (Kharkiv oblast)": a town and its region
    start = _proper_run(doc, t)[0]
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
        return True  # "the village of Babaky", however the parser attached it
    i = _proper_run(doc, t)[1]
    while i < len(doc) and doc[i].lower_ in PLACE_NOUNS | REGION_WORDS:
        i += 1
    return i < len(doc) and doc[i].text == "(" and _region_list(doc, i)


# What a place "comes under" when it is attacked ("Kupiansk came under heavy shelling"), and what it "sees".
UNDER_NOUNS = frozenset({"fire", "shelling", "attack", "attacks", "bombardment", "bombing", "strike", "strikes",
                         "assault", "siege", "barrage", "shellfire", "gunfire"})
SEEN_NOUNS = frozenset({"clash", "clashes", "fighting", "battle", "battles", "violence", "shelling", "strikes",
                        "attack", "attacks", "explosion", "explosions", "protest", "protests", "unrest"})


def _placeish(tok) -> bool:
    """A phrase the sentence uses as a place: the object of a place preposition, what is shelled or struck
    ("Russian drones struck Lviv", "Kharkiv was shelled"), or what comes under fire or sees fighting ("Kupiansk
    came under shelling", "Lalibela saw clashes"). A report's heading is :func:`heading`."""
    if _place_object(tok) or (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in STRUCK_VERBS):
        return True
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_.lower() == "come":
        doc = tok.doc  # "came under heavy Russian shelling", however the parser attached the noun
        return any(c.dep_ == "prep" and c.lower_ == "under" and any(
            p.lower_ in UNDER_NOUNS for p in doc[c.i + 1:c.i + 5]) for c in verb.children)
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in ("see", "witness", "experience"):
        return any(c.dep_ == "dobj" and c.lower_ in SEEN_NOUNS for c in verb.children)
    return False


# Labels that head a report before a colon and are not places ("Breaking: ...", "Update: ...").
NOT_HEADINGS = frozenset({"breaking", "update", "updated", "exclusive", "analysis", "live", "watch", "video",
                          "opinion", "explainer", "factbox", "timeline", "correction", "editorial", "photos",
                          "war", "ukraine war", "latest", "news", "report", "urgent", "flash", "summary"})


def heading(doc) -> tuple[int, int] | None:
    """The name that heads the sentence as a label before a colon, the place its report is about: "Izium: a
    missile hit ...", "Kharkiv region: strikes on ...", "Kramatorsk district: ..." (the span of the name)."""
    end = 0
    while end < len(doc) and (doc[end].is_title or doc[end].text in ("-", "'")) and \
            doc[end].lower_ not in REGION_WORDS and doc[end].ent_type_ not in _NOT_PLACES:
        end += 1
    i = end
    while i < len(doc) and doc[i].lower_ in REGION_WORDS:
        i += 1
    if end == 0 or end > 4 or i >= len(doc) or doc[i].text != ":" or fold(doc[:end].text) in NOT_HEADINGS:
        return None
    return 0, end


def _place_object(tok) -> bool:
    """The object of a place preposition, or of "of" after a place noun ("the outskirts of X")."""
    up = tok.head
    return tok.dep_ == "pobj" and (up.lower_ in PLACE_PREPS or (up.lower_ == "of" and up.head.lower_ in PLACE_NOUNS))


def _proper_run(doc, t) -> tuple[int, int]:
    """The run of proper nouns (and name particles: "Wadi al-Rabi", "Norte de Santander") around ``t``."""
    start = end = t.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in _PARTICLES) and \
            doc[start - 1].ent_type_ not in _NOT_PLACES:
        start -= 1
    while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].text == "-" or (
            doc[end + 1].lower_ in _PARTICLES and end + 2 < len(doc) and doc[end + 2].pos_ == "PROPN")) and \
            doc[end + 1].ent_type_ not in _NOT_PLACES:
        end += 1
    while start < end and (doc[start].pos_ != "PROPN" and doc[start].lower_ not in _PARTICLES - {"-"} or
                           doc[start].pos_ == "ADP" and doc[start].is_lower):
        start += 1  # a name's particle, not the preposition before it ("at Chernozemnoye", "as Kyiv")
    return start, end + 1


def _region_follows(doc, i: int) -> int | None:
    """The index of the unit word of a region named right after a place, at ``doc[i]`` (", Belgorod region" or
    "(Kharkiv oblast)"), or None. The region's phrase ends there: ", Kharkiv region governor" is no such region."""
    if i >= len(doc) or doc[i].text not in (",", "("):
        return None
    j = i + 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-") and doc[j].text[:1].isupper() and j - i < 5:
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].lower_ not in REGION_WORDS:
        return None
    after = doc[j + 1] if j + 1 < len(doc) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.tag_ == "POS"):
        return None  # the region's governor, or the region's: a person's title
    return j


def _region_list(doc, i: int) -> bool:
    """Whether ``doc[i]`` opens a parenthesis of region names: "(Kalehe, Sud-Kivu)"."""
    j = i + 1
    while j < len(doc) and doc[j].text != ")" and j - i < 12:
        if not (doc[j].pos_ == "PROPN" or doc[j].text in (",", "-") or doc[j].lower_ in _PARTICLES):
            return False
        j += 1
    return j < len(doc) and doc[j].text == ")" and j > i + 1


def _prep_places(node, spans, banned) -> list[tuple[int, int]]:
    out = []
    preps = PLACE_PREPS | ({"of"} if node.lemma_.lower() in PLACE_NOUNS else set())
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_phrase_places(p, spans, banned))
    return out


def _phrase_places(head, spans, banned) -> list[tuple[int, int]]:
    """Places named by the phrase headed by ``head``: itself, or a place its own place preposition names
    ("a refinery in Ryazan"), or its compound ("the Kharkiv region")."""
    if head.i in spans and head.i not in banned:
        return [spans[head.i]]
    for c in head.children:
        if c.dep_ in ("compound", "amod", "poss") and c.i in spans and c.i not in banned:
            return [spans[c.i]]
    return _prep_places(head, spans, banned)


def choose_place(tok, spans, banned: set[int]) -> tuple[int, int] | None:
    """The place phrase of the event triggered by ``tok`` (token span), or None."""
    found = _prep_places(tok, spans, banned)
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "attr", "nsubjpass", "dative") or (c.dep_ == "prep" and c.lower_ not in
                                                                        PLACE_PREPS):
            for x in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]):
                found += _phrase_places(x, spans, banned) if x.i not in spans else []
                found += _prep_places(x, spans, banned)
    if found:
        return found[0]
    skip = {"nsubj", "nsubjpass", "csubj", "relcl", "ccomp", "parataxis", "advcl"}
    # nearest first, in the tree: the object before what its clause's source is ("struck Kapitolovka, ...,
    # according to the Kharkiv regional administration"); who says so names no place of the event
    def below(t):
        return (c for c in t.children if c.dep_ not in skip and c.lower_ != "according")

    queue = deque(below(tok))
    while queue:
        t = queue.popleft()
        if t.i in spans and t.i not in banned and not _modifier(t, spans):
            return spans[t.i]
        queue.extend(below(t))
    node = tok
    while node.head.i != node.i:
        node = node.head
        found = _prep_places(node, spans, banned)
        if found:
            return found[0]
    return None


def is_modifier(doc, span: tuple[int, int], spans) -> bool:
    """Whether a place phrase only qualifies a thing ("the US dollar")."""
    return _modifier(doc[span[1] - 1], spans)


# What a place joined by a hyphen says of a thing or a party, not where anything happened ("a Malta-flagged tanker",
# "a Kyiv-based analyst", "Iran-backed militias").
HYPHEN_QUALIFIERS = frozenset({"flagged", "owned", "registered", "operated", "managed", "based", "made", "built",
                               "backed", "funded", "allied", "aligned", "bound"})


def _modifier(t, spans) -> bool:
    """A place name that only qualifies a thing ("the US dollar", "Gaza health officials", "a Malta-flagged
    tanker")."""
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ in HYPHEN_QUALIFIERS:
        return True
    head = t
    while head.dep_ == "compound" and head.head.i in spans and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN" and head.head.lower_ not in PLACE_NOUNS


PLACE_NOUNS = {"outskirts", "suburbs", "centre", "center", "village", "town", "city", "camp", "district", "neighbourhood", "neighborhood", "area", "suburb",
               "commune", "municipality", "locality", "settlement", "market", "township", "quarter", "front",
               "countryside", "sector", "subdistrict", "division", "county", "valley", "island"}
# Roads, crossings and installations a place names: "blocked the Zahle roundabout", "the Miniyeh highway".
PLACE_NOUNS |= {"road", "highway", "motorway", "bridge", "roundabout", "intersection", "junction", "crossing",
                "checkpoint", "airbase", "airport", "port", "square", "refinery", "depot"}
# Directions from a place: "Petropavlivka, east of Kupiansk" names Kupiansk as a place (near which it lies).
PLACE_NOUNS |= {"east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
                "north-east", "north-west", "south-east", "south-west"}
# Nouns of an attack on a place: their "of" object is where it happened ("the shelling of Kherson").
PLACE_NOUNS |= {"shelling", "bombardment", "bombing", "siege", "blockade", "storming", "capture", "liberation",
                "occupation", "evacuation", "encirclement", "outskirt"}


def _qualifiers(doc, start: int, end: int) -> list[str]:
    """Names the text puts right after a place: ", Mexico" or "(Ahwar, Abyan)"."""
    out = []
    i = end
    while i < len(doc) and doc[i].lower_ in PLACE_NOUNS:
        i += 1  # "Menakuru village (Nellore, AP)"
    if i < len(doc) and doc[i].text == "(":
        j = i + 1
        while j < len(doc) and doc[j].text != ")" and j - i < 12:
            j += 1
        out.extend(part.strip() for part in doc[i + 1:j].text.split(",") if part.strip())
    else:
        while len(out) < 3 and i + 1 < len(doc) and doc[i].text == "," and (
                doc[i + 1].ent_type_ in PLACE_LABELS or doc[i + 1].pos_ == "PROPN"):
            j = i + 1  # ", Mexico", ", Nuevo Chimbote, Ancash": the capitalised words after each comma
            while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-" or (
                    doc[j].lower_ in _PARTICLES and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")) and j - i < 6:
                j += 1
            if j == i + 1:
                break
            out.append(doc[i + 1:j].text)
            i = j
    while len(out) < 3 and i + 1 < len(doc) and doc[i].lower_ in ("in", "of") and (
            not out or doc[i - 1].lower_ in REGION_WORDS):
        # "Maan town in Hama countryside", "Karama in eastern Ar-Raqqa countryside": the region around it; and
        # the units above that one ("in the Zolochiv hromada of Bohodukhiv district")
        j = i + 1
        while j < len(doc) and (doc[j].lower_ in DIRECTIONS or doc[j].lower_ == "the"):
            j += 1
        k = j
        while k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].text == "-" or (
                doc[k].lower_ in _PARTICLES and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN")) and k - j < 5:
            k += 1
        if k == j:
            break
        if k < len(doc) and doc[k].lower_ in REGION_WORDS:
            k += 1  # with its unit word, which tells a district named by an adjective ("in Belgorodsky district")
        out.append(doc[j:k].text)
        i = k
    return out


def has_qualifier(doc, span: tuple[int, int]) -> bool:
    """Whether a place comes with the region names of an event report: "Ahwar (Ahwar, Abyan)"."""
    i = span[1]
    while i < len(doc) and doc[i].lower_ in PLACE_NOUNS:
        i += 1
    return i < len(doc) and doc[i].text == "("


def geocode_span(doc, span: tuple[int, int], index: PlaceIndex, countries: list[str],
                 country_names: dict[str, str], context: list[str] = (), weak: list[str] = ()) -> Location | None:
    """Geocode the place phrase ``doc[start:end]`` (with its qualifiers and directions). ``countries`` are the
    countries the text points to, ``weak`` those of its parties (see ``PlaceIndex.lookup``). ``context`` are the
    other place names of the sentence: a namesake in a region among them is preferred ("Maan town in Hama
    countryside")."""
    start, end = span
    comma = next((t.i for t in doc[start:end] if t.text == ","), None)
    inner = [] if comma is None else [p.strip() for p in doc[comma + 1:end].text.split(",") if p.strip()]
    if comma is not None and comma > start:  # one entity "Zacatecas, Zacatecas": a town and its region
        end = comma
    words = [t for t in doc[start:end] if t.lower_ not in ("the",)]
    if not words:
        return None
    text = doc[start:end].text
    quals = inner + _qualifiers(doc, start, span[1])
    hints = list(countries)
    for q in quals:
        code = country_names.get(fold(q))
        if code and code not in hints:
            hints.insert(0, code)
    name = " ".join(t.text for t in words if t.lower_ not in DIRECTIONS)
    if not name or fold(name) in PLACE_NOUNS | REGION_WORDS | {"zone", "front", "line"}:
        return None  # "the North Zone": no place name left to look up
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in REGION_WORDS:
        name = f"{name} {after.text}"
        text = f"{text} {after.text}"
    code = country_names.get(fold(name))
    if code:  # a country: its centroid ("in southern Russia" is Russia)
        place = index.country(code)
        return Location(text=text, name=name, country=code, lat=place.lat if place else None,
                        lon=place.lon if place else None, precision=3)
    others = [c for c in context if fold(c) != fold(name)]
    place = _lookup(index, name, hints, quals, others, weak)
    fallback = False
    bare = _bare_name(name)
    regions = [q for q in quals if len(q) > 3 and fold(q) not in country_names]
    keys = region_keys(regions)
    if place is not None and regions and place.admin1 and not region_match(place.admin1, keys) \
            and not (place.admin2 and region_match(place.admin2, keys)):
        # "Kamianka, Donetsk" where the table's Kamianka lies elsewhere: the region the text names is nearer
        named = next((p for p in (_lookup(index, q, [place.country, *hints], quals, (), weak) for q in regions)
                      if p is not None), None)
        if named is not None and named.admin1 != place.admin1 and (
                named.country == place.country or place.population < 100000 or
                skeleton(fold(bare)) != skeleton(fold(place.name))):
            place, fallback = named, True  # a namesake abroad of a village the table lacks: "Maan town in Hama"
    for q in regions:  # a village the table lacks: the district or region the text names with it
        if place is not None:
            break
        place = _region_lookup(index, q, hints, quals, weak)
        fallback = True
    if place is None:
        return None
    # a district named after its town is not the town: "Sudzhansky district" placed at Sudzha is precision 2
    district = place.kind == "city" and bool(DISTRICT_WORDS & set(fold(text).split()))
    loc = as_location(text, place, near=is_near(doc, span) or district)
    if loc.precision == 1 and (fallback or index.has_namesake(bare, place, quals)):
        loc.precision = 2  # a stand-in for the place named, or one of several of its name, is not certain
    return loc


def _region_lookup(index: PlaceIndex, name: str, hints, quals, weak=()):
    """The region (else district, else town) a qualifier names: "Donetsk" after a village is Donetsk region."""
    words = set(fold(name).split())
    if not words & REGION_WORDS:
        place = index.lookup(f"{name} region", hints, quals, weak=weak)
        if place is not None and place.kind == "admin1":
            return place
    return index.lookup(name, hints, quals, weak=weak) or index.lookup(_bare_name(name), hints, quals, weak=weak)


def lookup_name(index: PlaceIndex, name: str, countries: list[str] = (), regions: list[str] = ()):
    """The place a bare name stands for (no sentence around it), with the fallbacks events get: its bare form,
    its first part, other romanisations. ``countries`` are preferred, most likely first."""
    return _lookup(index, name, list(countries), list(regions))


def _lookup(index: PlaceIndex, name: str, hints, quals, others=(), weak=()):
    """``index.lookup`` of a name, else of its bare form ("Piura city"), of its first part ("Mogadishu-Hodan")
    or of another romanisation ("Ar-Raqqa", "Idleb")."""
    def look(n):
        return index.lookup(n, hints, quals, others, weak)

    place = look(name)
    bare = _bare_name(name)
    if place is None and bare != name:
        place = look(bare)
    head = name.split("-")[0].strip()
    if place is None and "-" in name and len(head) > 3:
        place = look(head)
        if place is not None and fold(place.name) != fold(head):
            place = None  # only the city's own name: "Barrah" is no alias of a town abroad
    for variant in _spellings(bare):
        if place is not None:
            break
        place = look(variant)
    return place


_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ath")


def _spellings(name: str) -> list[str]:
    """Other romanisations of a name the table may use: without the Arabic article, with or without a
    final h, with e read as i, k for q."""
    key = fold(name)
    words = key.split()
    out = []
    if len(words) > 1 and words[0] in _ARTICLES:
        out.append(" ".join(words[1:]))
    for k in [key, *out]:
        out.append(k[:-1] if k.endswith("ah") else k + "h" if k.endswith("a") else k)
        if "e" in k:
            out.append(k.replace("e", "i"))
        if "k" in k or "q" in k:  # "Bekaa" is Beqaa, "Qandahar" is Kandahar
            out.append(k.replace("k", "q") if "k" in k else k.replace("q", "k"))
    return [x for x in dict.fromkeys(out) if x != key and len(x) > 3]


def _bare_name(name: str) -> str:
    """A place name without the kind of place around it: "Piura city" -> "Piura"."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in PLACE_NOUNS | {"airport", "port"}:
        words.pop()
    while len(words) > 1 and words[0].lower() in PLACE_NOUNS | {"of"}:
        words.pop(0)
    return " ".join(words)


_PARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "az", "at", "ed", "es", "de", "del", "la", "le", "los", "las",
              "di", "da", "do", "dos", "van", "von", "-"}


def proper_chunks(doc, spans, banned) -> list[tuple[int, int]]:
    """Runs of proper nouns that no entity claims ("al Bab", "Kinyinya"): the last resort of place finding,
    for the many small places the NER does not know. People, organisations and dates are left out."""
    out = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if t.pos_ == "PROPN" and t.i not in banned and t.i not in spans and t.ent_type_ not in (
                "PERSON", "ORG", "DATE", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"):
            j = i
            while j + 1 < n and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].lower_ in _PARTICLES) and \
                    doc[j + 1].ent_type_ not in ("PERSON", "ORG", "DATE"):
                j += 1
            start = i
            if i > 0 and doc[i - 1].lower_ in _PARTICLES:
                start = i - 1
            out.append((start, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def is_located(doc, span: tuple[int, int]) -> bool:
    """Whether the sentence uses a phrase as a place: the object of "in", "near", ..., or a name given with
    its regions ("Ahwar (Ahwar, Abyan)")."""
    for t in doc[span[0]:span[1]]:
        head = t
        while head.dep_ in ("compound", "amod", "conj", "appos") and head.head.i != head.i:
            head = head.head
        if _placeish(head):
            return True
    return has_qualifier(doc, span) or heading(doc) == span


def as_location(text: str, place, near: bool = False) -> Location:
    """The output location of a gazetteer place the text calls ``text``; ``near`` when the text puts the event
    near it or in part of it ("near Bakhmut", "on the outskirts of Kherson")."""
    return Location(text=text, name=place.name, country=place.country, admin1=place.admin1,
                    lat=round(place.lat, 5), lon=round(place.lon, 5), geonameid=place.geonameid,
                    admin2=place.admin2, precision=precision_of(place, near))


def precision_of(place, near: bool = False) -> int:
    """ACLED's geo_precision of a gazetteer place: 1 a town at its own coordinates, 2 near it, a district or a
    community, or a village the table places at its community's centre, 3 a region or a country."""
    if place.kind in ("admin1", "country"):
        return 3
    if place.kind == "admin2" or near or not place.exact:
        return 2
    return 1


# Words that put an event near a place or in part of it, not in the place itself.
NEAR_WORDS = {"near", "outside", "around", "outskirts", "vicinity", "direction", "towards", "toward", "nearby",
              "close", "approaches", "suburbs", "environs", "surroundings", "north", "south", "east", "west",
              "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers", "miles", "area"}


def is_near(doc, span: tuple[int, int]) -> bool:
    """Whether the text puts its event near the place ``doc[span]`` rather than in it: "near Bakhmut", "on the
    outskirts of Kherson", "10 km south of Izium", "in the Pokrovsk direction", "the Toretsk area"."""
    start, end = span
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "of", "to", "from", "city", "town", "village", "settlement"):
        i -= 1
    before = {doc[j].lower_ for j in range(max(0, i - 1), i + 1)}
    j = end
    after = {doc[k].lower_ for k in range(j, min(len(doc), j + 2))}
    # a road named after a town may run far from it: "the Kharkiv highway" is on the way to Kharkiv
    return bool(before & NEAR_WORDS) or bool(after & {"direction", "area", "outskirts", "axis", "sector", "road",
                                                      "highway", "motorway"})
