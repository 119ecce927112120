"""The actor knowledge base: the shipped TSV files load, are consistent, and resolve office holders by date."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from importlib.resources import files

import pytest

from parley.actors.gazetteer import (
    DEFENCE_MINISTER_OFFICES,
    FOREIGN_MINISTER_OFFICES,
    HEAD_OF_GOVERNMENT_OFFICES,
    HEAD_OF_STATE_OFFICES,
    ORG_CODES,
    SECTORS,
    Gazetteer,
    OfficeHolder,
    load_gazetteer,
)
from parley.errors import ModelError

DATA = files("parley") / "data"
TSVS = ["countries.tsv", "office_holders.tsv", "organisations.tsv", "metonyms.tsv", "agents.tsv", "adversaries.tsv"]

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
WAR_PARTIES = "RUS UKR ISR PSE SDN MMR MLI BFA NER".split()
CODE = re.compile(r"^[A-Z]{3}$")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _on(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _names(holders: list[OfficeHolder]) -> set[str]:
    return {h.name for h in holders}


# ------------------------------------------------------------------------------------------- loading
def test_each_file_loads_and_is_not_empty(gaz):
    assert len(gaz.countries) >= 198
    assert len(gaz.office_holders) >= 500
    assert len(gaz.organisations) >= 60
    assert len(gaz.metonyms) >= 60
    assert len(gaz.agents) >= 120


def test_loading_is_cached(gaz):
    assert load_gazetteer() is gaz


def test_files_are_tab_separated_utf8_with_header_first():
    for name in TSVS:
        text = (DATA / name).read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert "\t" in first and not first.startswith("#"), name
        assert text.endswith("\n"), name


def test_loading_from_a_copied_folder(tmp_path):
    for name in TSVS:
        shutil.copy(str(DATA / name), tmp_path / name)
    g = load_gazetteer(tmp_path)
    assert g == load_gazetteer()


# ------------------------------------------------------------------------------------------- countries
def test_country_codes_are_unique_iso_alpha3(gaz):
    codes = [c.code for c in gaz.countries]
    assert len(codes) == len(set(codes))
    assert all(CODE.match(c) for c in codes)


def test_every_un_member_and_extra_territory_present(gaz):
    assert len(UN_MEMBERS) == 193
    codes = {c.code for c in gaz.countries}
    missing = set(UN_MEMBERS) - codes
    assert not missing
    assert {"PSE", "XKX", "TWN", "ESH", "VAT"} <= codes
    assert set(G20) <= codes


def test_key_aliases_demonyms_and_capitals(gaz):
    usa, gbr, ukr, civ, mmr, cod = (gaz.country(c) for c in ("USA", "GBR", "UKR", "CIV", "MMR", "COD"))
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(usa.aliases)
    assert {"American", "Americans"} <= set(usa.demonyms)
    assert {"UK", "Britain", "Great Britain"} <= set(gbr.aliases)
    assert {"British", "Britons"} <= set(gbr.demonyms)
    assert {"Kyiv", "Kiev"} <= set(ukr.capitals)
    assert "Côte d'Ivoire" in civ.aliases
    assert "Burma" in mmr.aliases and "Burmese" in mmr.demonyms
    assert {"DRC", "DR Congo", "Congo-Kinshasa"} <= set(cod.aliases)
    assert "Soviet" in gaz.country("RUS").demonyms
    assert "Gaza" in gaz.country("PSE").aliases
    assert "Türkiye" in gaz.country("TUR").aliases
    assert gaz.country("ZZZ") is None


def test_country_names_are_not_repeated_across_countries(gaz):
    owner: dict[str, str] = {}
    for c in gaz.countries:
        for n in (c.name, *c.aliases):
            assert owner.setdefault(n, c.code) == c.code, f"{n!r} names both {owner[n]} and {c.code}"


# ------------------------------------------------------------------------------------------- codes & sectors
def test_codes_are_iso_or_known_organisation_codes(gaz):
    for h in gaz.office_holders:
        assert CODE.match(h.country) or h.country in ORG_CODES, h
    for o in gaz.organisations:
        assert CODE.match(o.country) or o.country in ORG_CODES, o
    for m in gaz.metonyms:  # a seat of a bloc stands for it too ("Brussels" for the EU)
        assert CODE.match(m.country) or m.country in ORG_CODES, m


def test_sectors_are_valid(gaz):
    for h in gaz.office_holders:
        assert h.sector in SECTORS, h
    for o in gaz.organisations:
        assert o.sector in SECTORS, o
    for m in gaz.metonyms:
        assert m.sector in SECTORS, m
    for a in gaz.agents:
        assert a.sector is None or a.sector in SECTORS, a


# ------------------------------------------------------------------------------------------- office holders
def test_start_is_not_after_end(gaz):
    for h in gaz.office_holders:
        if h.start and h.end:
            assert h.start <= h.end, h


def test_no_duplicate_rows(gaz):
    keys = [(h.name, h.country, h.office, h.start) for h in gaz.office_holders]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("country", G20)
def test_every_g20_member_has_a_head_of_state_or_government_since_2020(gaz, country):
    offices = HEAD_OF_STATE_OFFICES | HEAD_OF_GOVERNMENT_OFFICES
    for year in range(2020, 2026):
        assert gaz.holders(country, offices, dt.date(year, 7, 1)), (country, year)
    assert gaz.holders(country, FOREIGN_MINISTER_OFFICES, _on("2024-09-01")), country
    assert gaz.holders(country, DEFENCE_MINISTER_OFFICES, _on("2024-09-01")), country


@pytest.mark.parametrize("country", WAR_PARTIES)
def test_war_parties_have_head_of_state_and_foreign_minister_in_2024(gaz, country):
    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)

    def overlaps(h: OfficeHolder) -> bool:
        return (h.start is None or h.start <= end) and (h.end is None or h.end >= start)

    heads = [h for h in gaz.holders(country, HEAD_OF_STATE_OFFICES) if overlaps(h)]
    fms = [h for h in gaz.holders(country, FOREIGN_MINISTER_OFFICES) if overlaps(h)]
    assert heads, country
    assert fms, country


def test_international_organisation_leaders(gaz):
    assert _names(gaz.holders("UN", {"secretary-general"}, _on("2024-06-01"))) == {"Antonio Guterres"}
    assert _names(gaz.holders("UN", {"secretary-general"}, _on("2005-06-01"))) == {"Kofi Annan"}
    assert _names(gaz.holders("NATO", {"secretary-general"}, _on("2025-01-15"))) == {"Mark Rutte"}
    assert _names(gaz.holders("NATO", {"secretary-general"}, _on("2010-01-15"))) == {"Anders Fogh Rasmussen"}
    assert _names(gaz.holders("EU", {"commission president"}, _on("2024-06-01"))) == {"Ursula von der Leyen"}
    assert _names(gaz.holders("EU", {"council president"}, _on("2025-06-01"))) == {"Antonio Costa"}
    assert _names(gaz.holders("AU", {"commission chairperson"}, _on("2024-06-01"))) == {"Moussa Faki Mahamat"}


@pytest.mark.parametrize("country,offices,on,expected", [
    ("USA", {"president"}, "2025-03-20", "Donald Trump"),
    ("USA", {"president"}, "2023-06-01", "Joe Biden"),
    ("USA", {"president"}, "2019-06-01", "Donald Trump"),
    ("USA", {"president"}, "2003-03-20", "George W. Bush"),
    ("UKR", {"president"}, "2025-03-20", "Volodymyr Zelensky"),
    ("GBR", {"prime minister"}, "2024-08-01", "Keir Starmer"),
    ("GBR", {"prime minister"}, "2023-01-01", "Rishi Sunak"),
    ("GBR", {"prime minister"}, "2003-03-20", "Tony Blair"),
    ("RUS", {"president"}, "2010-01-01", "Dmitry Medvedev"),
    ("RUS", {"president"}, "2022-02-24", "Vladimir Putin"),
    ("ISR", {"prime minister"}, "2023-10-07", "Benjamin Netanyahu"),
    ("ISR", {"prime minister"}, "2022-01-01", "Naftali Bennett"),
    ("ISR", {"defence minister"}, "2024-01-01", "Yoav Gallant"),
    ("DEU", {"chancellor"}, "2024-01-01", "Olaf Scholz"),
    ("FRA", {"president"}, "2024-01-01", "Emmanuel Macron"),
    ("RUS", {"defence minister"}, "2023-01-01", "Sergei Shoigu"),
    ("RUS", {"defence minister"}, "2025-01-01", "Andrei Belousov"),
    ("UKR", {"commander-in-chief"}, "2023-01-01", "Valerii Zaluzhnyi"),
    ("UKR", {"commander-in-chief"}, "2025-01-01", "Oleksandr Syrskyi"),
    ("SYR", {"president"}, "2020-01-01", "Bashar al-Assad"),
    ("SYR", {"president"}, "2025-06-01", "Ahmed al-Sharaa"),
    ("IRQ", {"president"}, "2000-01-01", "Saddam Hussein"),
    ("IRN", {"supreme leader"}, "2024-01-01", "Ali Khamenei"),
    ("IRN", {"supreme leader"}, "2026-06-01", "Mojtaba Khamenei"),
    ("VEN", {"president"}, "2025-06-01", "Nicolas Maduro"),
    ("VEN", {"acting president"}, "2026-02-01", "Delcy Rodriguez"),
    ("UKR", {"defence minister"}, "2026-02-01", "Mykhailo Fedorov"),
])
def test_in_office_resolves_by_date(gaz, country, offices, on, expected):
    assert _names(gaz.holders(country, offices, _on(on))) == {expected}


def test_in_office_bounds_and_open_ends():
    h = OfficeHolder("A B", (), "USA", "GOV", "president", _on("2020-01-01"), _on("2020-12-31"))
    assert h.in_office(None)
    assert h.in_office(_on("2020-01-01")) and h.in_office(_on("2020-12-31"))
    assert not h.in_office(_on("2019-12-31")) and not h.in_office(_on("2021-01-01"))
    open_end = OfficeHolder("A B", (), "USA", "GOV", "president", _on("2020-01-01"), None)
    assert open_end.in_office(_on("2099-01-01")) and not open_end.in_office(_on("2019-01-01"))
    open_start = OfficeHolder("A B", (), "USA", "GOV", "president", None, _on("2020-01-01"))
    assert open_start.in_office(_on("1900-01-01")) and not open_start.in_office(_on("2020-01-02"))


def test_required_people_and_aliases(gaz):
    by_name: dict[str, list[OfficeHolder]] = {}
    for h in gaz.office_holders:
        by_name.setdefault(h.name, []).append(h)
    for name in ["Ismail Haniyeh", "Yahya Sinwar", "Mohammed Deif", "Hassan Nasrallah", "Naim Qassem",
                 "Abdul-Malik al-Houthi", "Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo", "Min Aung Hlaing",
                 "Aung San Suu Kyi", "Assimi Goita", "Ibrahim Traore", "Abdourahamane Tiani", "Mohamed Bazoum",
                 "Mahamat Deby", "Valery Gerasimov", "Herzi Halevi", "Saddam Hussein", "Yasser Arafat",
                 "Slobodan Milosevic", "Kim Jong Un", "Hibatullah Akhundzada", "Nicolas Maduro"]:
        assert name in by_name, name
    assert {"Zelensky", "Zelenskyy", "Zelenskiy"} <= set(by_name["Volodymyr Zelensky"][0].aliases)
    assert "Hemedti" in by_name["Mohamed Hamdan Dagalo"][0].aliases
    assert {h.sector for h in by_name["Abdel Fattah al-Burhan"]} == {"GOV", "MIL"}
    assert {h.sector for h in by_name["Mohamed Hamdan Dagalo"]} >= {"REB"}
    assert by_name["Abdul-Malik al-Houthi"][0].sector == "REB"
    assert by_name["Valery Gerasimov"][0].sector == "MIL"
    assert len(by_name["Benjamin Netanyahu"]) == 3


def test_a_persons_last_row_is_the_latest_term(gaz):
    """The resolver takes a name's last row when the document has no date."""
    last: dict[str, OfficeHolder] = {}
    for h in gaz.office_holders:
        last[h.name] = h
    assert last["Donald Trump"].start == _on("2025-01-20") and last["Donald Trump"].end is None
    assert last["Benjamin Netanyahu"].start == _on("2022-12-29")


# ------------------------------------------------------------------------------------------- orgs, metonyms, agents
def test_organisations(gaz):
    by_alias = {}
    for o in gaz.organisations:
        for n in (o.name, *o.aliases):
            by_alias[n] = o
    expect = {
        "Hamas": ("PSE", "REB"), "Hezbollah": ("LBN", "REB"), "Ansar Allah": ("YEM", "REB"),
        "RSF": ("SDN", "REB"), "Taliban": ("AFG", "REB"), "ISIS": ("IMG", "REB"), "Daesh": ("IMG", "REB"),
        "al-Shabaab": ("SOM", "REB"), "M23": ("COD", "REB"), "NUG": ("MMR", "GOV"), "IRGC": ("IRN", "MIL"),
        "Wagner": ("RUS", "MIL"), "Palestinian Authority": ("PSE", "GOV"), "Fatah": ("PSE", "PTY"),
        "NATO": ("NATO", "IGO"), "United Nations": ("UN", "IGO"), "ICRC": ("NGO", "NGO"),
        "Doctors Without Borders": ("NGO", "NGO"), "Arab League": ("ARL", "IGO"), "World Bank": ("WB", "IGO"),
        "UN Security Council": ("UN", "IGO"), "World Food Programme": ("UN", "IGO"), "UNICEF": ("UN", "IGO"),
        "ECOWAS": ("ECOWAS", "IGO"),
    }
    for alias, (country, sector) in expect.items():
        assert alias in by_alias, alias
        assert (by_alias[alias].country, by_alias[alias].sector) == (country, sector), alias
    igo_codes = {o.country for o in gaz.organisations if o.sector == "IGO"}
    assert {"UN", "NATO", "EU", "AU", "ASEAN", "OSCE", "OPEC", "IAEA", "WHO", "IMF", "WB", "ICC", "ICJ", "OIC",
            "ARL", "GCC", "SCO", "BRICS", "G7", "G20", "CIS", "CSTO", "IGAD", "SADC"} <= igo_codes
    # the UN's own bodies and agencies are the UN's (CAMEO's IGOUNO), their names kept
    assert not {"UNSC", "UNHCR", "UNICEF", "WFP"} & igo_codes


def test_metonyms(gaz):
    m = {x.text: (x.country, x.sector) for x in gaz.metonyms}
    assert m["Kremlin"] == ("RUS", "GOV")
    assert m["White House"] == ("USA", "GOV")
    assert m["Pentagon"] == ("USA", "MIL")
    assert m["Downing Street"] == ("GBR", "GOV")
    assert m["Tatmadaw"] == ("MMR", "MIL")
    assert m["Rapid Support Forces"] == ("SDN", "REB")
    assert not any(x.text.lower().startswith("the ") for x in gaz.metonyms)
    pairs = [(x.text, x.country) for x in gaz.metonyms]
    assert len(set(pairs)) == len(pairs), "duplicate metonym rows"
    shared = {x.text for x in gaz.metonyms if sum(y.text == x.text for y in gaz.metonyms) > 1}
    assert shared == {"Foreign Office"}, "a name two countries use is listed on purpose, one row each"


def test_agents(gaz):
    a = {x.word: x for x in gaz.agents}
    for word, sector in [("troops", "MIL"), ("police", "COP"), ("protesters", "CVL"), ("rebels", "REB"),
                         ("civilians", "CVL"), ("drones", "MIL"), ("drone", "MIL"), ("gunmen", "UAF")]:
        assert a[word].kind == "agent" and a[word].sector == sector, word
    assert a["president"].kind == "title" and a["president"].sector == "GOV"
    assert a["general"].sector == "MIL"
    assert a["spokesman"].sector is None
    assert all(x.word == x.word.lower() for x in gaz.agents)
    assert sum(x.kind == "agent" for x in gaz.agents) >= 120


# ------------------------------------------------------------------------------------------- malformed files
def _copy_data(tmp_path):
    for name in TSVS:
        shutil.copy(str(DATA / name), tmp_path / name)


def _append(path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


@pytest.mark.parametrize("filename,line,reason", [
    ("office_holders.tsv", "Jane Doe\t\tUSA\tGOV\tpresident\t2020-01-01", "columns"),
    ("office_holders.tsv", "Jane Doe\t\tUSA\tGOV\tpresident\t2020-13-45\t", "date"),
    ("office_holders.tsv", "Jane Doe\t\tUSA\tGOV\tpresident\t20 Jan 2020\t", "date"),
    ("office_holders.tsv", "Jane Doe\t\tUSA\tXYZ\tpresident\t2020-01-01\t", "sector"),
    ("office_holders.tsv", "Jane Doe\t\tUSA\tGOV\tpresident\t2021-01-01\t2020-01-01", "after"),
    ("office_holders.tsv", "Jane Doe\t\tusa\tGOV\tpresident\t2021-01-01\t", "country code"),
    ("countries.tsv", "USA\tUnited States again\t\t\t", "duplicate"),
    ("countries.tsv", "USA\tUnited States", "columns"),
    ("metonyms.tsv", "the Kremlin\tRUS\tGOV", "leading"),
    ("metonyms.tsv", "Kremlin\tRUS\tGOVT", "sector"),
    ("organisations.tsv", "Some Group\t\tXX\tREB", "country code"),
    ("agents.tsv", "troopers\tMIL\tnoun", "kind"),
    ("agents.tsv", "Troopers\tMIL\tagent", "lower case"),
    ("adversaries.tsv", "UKR\tRussia\t2014", "country code"),
    ("adversaries.tsv", "UKR\tRUS\tlong ago", "year"),
])
def test_malformed_line_raises_model_error_naming_file_and_line(tmp_path, filename, line, reason):
    _copy_data(tmp_path)
    lineno = _append(tmp_path / filename, line)
    with pytest.raises(ModelError) as err:
        load_gazetteer(tmp_path)
    msg = str(err.value)
    assert "P011" in msg
    assert filename in msg
    assert f"line {lineno}" in msg
    assert reason in msg


def test_bad_header_raises(tmp_path):
    _copy_data(tmp_path)
    (tmp_path / "agents.tsv").write_text("word\tsector\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"agents\.tsv.*line 1"):
        load_gazetteer(tmp_path)


def test_missing_file_raises(tmp_path):
    _copy_data(tmp_path)
    (tmp_path / "metonyms.tsv").unlink()
    with pytest.raises(ModelError, match=r"metonyms\.tsv"):
        load_gazetteer(tmp_path)


def test_comments_and_blank_lines_are_skipped(tmp_path):
    _copy_data(tmp_path)
    _append(tmp_path / "metonyms.tsv", "# a comment\n\nFoo Palace\tFRA\tGOV")
    g = load_gazetteer(tmp_path)
    assert any(m.text == "Foo Palace" for m in g.metonyms)


# ------------------------------------------------------------------------------------------- adversaries
def test_adversaries_say_who_the_enemy_is_for_each_side(gaz):
    assert gaz.enemies_of("UKR")[0] == "RUS"
    assert gaz.enemies_of("RUS")[0] == "UKR"
    assert "PSE" in gaz.enemies_of("ISR") and "ISR" in gaz.enemies_of("LBN")
    assert gaz.enemies_of("ISL") == []


def test_enemy_words_are_agents_of_their_own_kind(gaz):
    kinds = {a.word: a.kind for a in gaz.agents}
    assert kinds["enemy"] == kinds["occupiers"] == kinds["invaders"] == "enemy"
    assert kinds["troops"] == "agent"
