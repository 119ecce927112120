"""Hand-made coded documents, stored in a SQLite store and read back as ``Store.events()`` gives them: the
rows every export receives. No coder: each event says exactly what a test needs."""
import pytest

from parley.model import Article, CodedDocument, Entity, Event, Evidence, Location
from parley.store import Store


def _event(sentence: str, event_type: str, **kw) -> Event:
    return Event(event_type=event_type, evidence=Evidence(sentence=sentence, start=0, end=len(sentence)), **kw)


def _ent(text: str, country: str | None, sector: str | None = None) -> Entity:
    return Entity(text=text, country=country, sector=sector)


SUDAN = Location(text="Sudan", name="Sudan", country="SDN", lat=15.1, lon=30.2, precision=3)
KHARKIV_REGION = Location(text="the Kharkiv region", name="Kharkiv Oblast", country="UKR", admin1="Kharkiv Oblast",
                          lat=49.99, lon=36.23, precision=3)
IZIUM = Location(text="Izium", name="Izium", country="UKR", admin1="Kharkiv Oblast", admin2="Izium Raion",
                 lat=49.2, lon=37.25, geonameid=707292, precision=1)
BUKAVU = Location(text="Bukavu", name="Bukavu", country="COD", admin1="South Kivu", lat=-2.5, lon=28.86,
                  geonameid=217831, precision=1)

# doc id -> (article fields, events); every field a test looks at is set on purpose
DOCS = {
    "007": (dict(title="Month-long shelling", outlet="Plains Herald", date="2024-09-02"), [
        _event("Through August 2024 the army kept shelling villages near the border.", "ASSAULT",
               mode="heavy-weapons", cameo="195", quad_class="MATERIAL_CONFLICT",
               acled_event_type="Explosions/Remote violence",
               acled_sub_event_type="Shelling/artillery/missile attack",
               actor=[_ent("the army", "RUS", "MIL")], recipient=[_ent("villages", "UKR", "CVL")],
               date="2024-08", date_source="text", date_start="2024-08-01", date_end="2024-08-31"),
    ]),
    "a-year": (dict(title="A year of rallies", outlet="Harbour Post", date="2024-01-05"), [
        _event("In 2023 British students rallied against Israel's war.", "PROTEST", cameo="141",
               quad_class="MATERIAL_CONFLICT", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
               actor=[_ent("British students", "GBR", "EDU")], recipient=[_ent("Israel", "ISR", "GOV")],
               date="2023", date_source="text", date_start="2023-01-01", date_end="2023-12-31"),
    ]),
    "places": (dict(title="Strikes", outlet="Plains Herald", date="2025-03-04"), [
        _event("Drones hit Sudan on 2 March.", "ASSAULT", mode="drone", cameo="190", quad_class="MATERIAL_CONFLICT",
               acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
               actor=[_ent("RSF", "SDN", "REB")], recipient=[_ent("Sudan", "SDN", "GOV")], date="2025-03-02",
               date_source="text", date_start="2025-03-02", date_end="2025-03-02", location=SUDAN),
        _event("Missiles struck the Kharkiv region on 3 March.", "ASSAULT", mode="heavy-weapons", cameo="195",
               quad_class="MATERIAL_CONFLICT", acled_event_type="Explosions/Remote violence",
               acled_sub_event_type="Shelling/artillery/missile attack", actor=[_ent("Russia", "RUS")],
               recipient=[_ent("Ukraine", "UKR")], date="2025-03-03", date_source="text", date_start="2025-03-03",
               date_end="2025-03-03", location=KHARKIV_REGION),
        _event("Shells fell on Izium on 3 March, killing two.", "ASSAULT", mode="heavy-weapons", cameo="195",
               quad_class="MATERIAL_CONFLICT", acled_event_type="Explosions/Remote violence",
               acled_sub_event_type="Shelling/artillery/missile attack", actor=[_ent("Russia", "RUS", "MIL")],
               recipient=[_ent("Izium", "UKR", "CVL")], date="2025-03-03", date_source="text",
               date_start="2025-03-03", date_end="2025-03-03", location=IZIUM, fatalities=2),
    ]),
    "nowhere": (dict(title="Unnamed gunmen", outlet="Harbour Post", date="2025-05-10"), [
        _event("Gunmen killed a farmer, witnesses said.", "ASSAULT", cameo="190", quad_class="MATERIAL_CONFLICT",
               acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
               actor=[_ent("Gunmen", None)], recipient=[_ent("a farmer", None, "CVL")], fatalities=1),
        _event("A country nobody names released 12 detainees.", "CONCEDE", mode="release", cameo="084",
               quad_class="VERBAL_COOPERATION", actor=[_ent("the authorities", None, "GOV")],
               date="2025-05-09", date_source="text", date_start="2025-05-09", date_end="2025-05-09"),
    ]),
    "hostile": (dict(title="=HYPERLINK(\"http://x.example\",\"open\")", outlet="+Wire", date="2025-06-01"), [
        _event("-2+3 said @officials as rebels shelled Bukavu.", "ASSAULT", cameo="195",
               quad_class="MATERIAL_CONFLICT", acled_event_type="Explosions/Remote violence",
               acled_sub_event_type="Shelling/artillery/missile attack",
               actor=[_ent("=cmd|' /C calc'!A0", "COD", "REB")], recipient=[_ent("\tBukavu residents", "COD", "CVL")],
               date="2025-06-01", date_source="document", date_start="2025-06-01", date_end="2025-06-01",
               location=BUKAVU, trigger="@shelled"),
        _event("\rA second report from the same town.", "ACCUSE", cameo="112", quad_class="VERBAL_CONFLICT",
               actor=[_ent("-the governor", "COD", "GOV")], recipient=[_ent("rebels", "COD", "REB")],
               date="2025-06", date_source="text", date_start="2025-06-01", date_end="2025-06-30"),
    ]),
}


def coded_documents() -> list[tuple[Article, CodedDocument]]:
    out = []
    for doc_id, (fields, events) in DOCS.items():
        text = " ".join(e.evidence.sentence for e in events)
        art = Article(id=doc_id, text=text, url=f"https://news.example/{doc_id}", **fields)
        out.append((art, CodedDocument(id=doc_id, title=art.title, date=art.date, url=art.url, outlet=art.outlet,
                                       events=events)))
    return out


@pytest.fixture(scope="module")
def coded():
    """The ``DOCS`` as the coder would have given them."""
    return [doc for _, doc in coded_documents()]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """The events of ``DOCS`` as the store returns them (dicts: the record, its article's fields, event_id)."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('store') / 'events.db'}")
    store.write(coded_documents(), coder_version="test")
    return list(store.events())


@pytest.fixture(scope="module")
def event_of(stored):
    """The stored event whose evidence sentence starts with the given words."""
    def find(start: str) -> dict:
        [row] = [r for r in stored if r["evidence"]["sentence"].startswith(start)]
        return row
    return find
