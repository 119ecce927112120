"""End-to-end tests of the command line: ``python -m parley`` run as a subprocess on fixture files.

Each run loads spaCy (a few seconds), so the runs are few: module-scoped fixtures run the command
once and several small tests read the result, so that one failure does not hide the others.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from contract import DOCUMENT_KEYS, ENTITY_KEYS, EVENT_FIELDS, EVIDENCE_KEYS, LOCATION_KEYS, QUANTITY_KEYS

ROOT = Path(__file__).resolve().parents[1]

# --- fixture texts (written for these tests) -------------------------------------------------

DRONES = "Russian drones attacked power stations in Kharkiv on Tuesday, Ukrainian officials said."
TRUCE = "Israel and Hamas agreed to a ceasefire mediated by Qatar and Egypt."
TRUCE_WEDNESDAY = "Israel and Hamas agreed on Wednesday to a ceasefire mediated by Qatar and Egypt."
MARCH = ("Thousands of protesters marched through Belgrade on Wednesday to demand the resignation of the "
         "Serbian government.")
MISSILES = "Russian missiles hit a thermal power plant in Dnipro on Monday, the regional governor said."
WEATHER = "The weather in Oslo was mild this week, with light rain expected on the coast."

# A .txt article with a byte-order mark, CRLF line endings, a headline and non-ASCII punctuation:
# evidence offsets must index the decoded text exactly as it is (BOM dropped, line endings kept).
ARTICLE_TXT = (
    "Kharkiv \u2013 overnight strikes on the grid\r\n\r\n"
    f"{DRONES} Repairs to the city\u2019s network will take several days, engineers warned.\r\n"
)

PAGE_HTML = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Missiles hit Dnipro power plant</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Missiles hit Dnipro power plant</h1>
<p>{MISSILES}</p>
<p>Engineers worked through the night to restore electricity to thousands of homes in the city,
and officials said heating would be back in most districts by the weekend.</p>
</article>
<footer><p>\u00a9 2024 Example News Group. All rights reserved.</p></footer>
</body>
</html>
"""

# JSON Lines: ids out of sorted order (input order must be kept), one numeric id (echoed as a
# string), one record with its own date, two without (they take --date).
RECORDS = [
    {"id": "z-last", "text": MARCH},
    {"id": 42, "title": "Gaza truce", "date": "2025-01-16", "text": TRUCE_WEDNESDAY},
    {"id": "a-first", "text": DRONES},
]

# CSV with a quoted text that spans two lines; the second record has no id, so its id is
# "<file name>:<line it starts on>" (line 4: the first record takes lines 2 and 3).
CSV_TEXT_1 = TRUCE + "\nThe truce is due to take effect on Sunday, officials in Doha said."
RECORDS_CSV = (
    "id,title,date,text\n"
    f'c-1,Gaza truce deal,2025-01-15,"{CSV_TEXT_1}"\n'
    f',Kharkiv grid hit,2025-02-06,"{DRONES}"\n'
)

FEED_RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Example Wire</title>
<link>https://news.example.org/</link>
<item>
  <title>Truce agreed in Gaza</title>
  <link>https://news.example.org/gaza-truce</link>
  <guid>wire-001</guid>
  <pubDate>Wed, 15 Jan 2025 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;{TRUCE}&lt;/p&gt;</description>
</item>
<item>
  <title>Drones hit Kharkiv</title>
  <link>https://news.example.org/kharkiv</link>
  <guid>wire-002</guid>
  <pubDate>Thu, 06 Feb 2025 08:30:00 GMT</pubDate>
  <description>{DRONES}</description>
</item>
</channel>
</rss>
"""

# Known document texts by id, for the evidence offset checks.
TEXTS = {
    "article.txt": ARTICLE_TXT,
    "z-last": MARCH,
    "42": TRUCE_WEDNESDAY,
    "a-first": DRONES,
    "c-1": CSV_TEXT_1,
    "records.csv:4": DRONES,
    "wire-001": TRUCE,
    "wire-002": DRONES,
}

# --- the output contract (/work/shared/eval/README.md) --------------------------------------

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
QUAD_CLASSES = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"}
STATUSES = {"occurred", "ongoing", "planned", "intended", "hypothetical", "negated"}
EVENT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --- helpers -----------------------------------------------------------------------------------


@dataclass(repr=False)
class Run:
    """What one ``python -m parley ...`` run produced (stdout and stderr decoded, newlines untouched)."""

    args: list[str]
    code: int
    out: str
    err: str

    def docs(self) -> list[dict]:
        return parse_jsonl(self.out)

    def __repr__(self) -> str:  # shown by pytest when an assertion on a run fails
        return f"parley {' '.join(self.args)} -> exit {self.code}\n--- stderr ---\n{self.err}"


def parley(*args, stdin: str | None = None) -> Run:
    """Run ``python -m parley ARGS`` from the repository root."""
    argv = [str(a) for a in args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "parley", *argv], cwd=ROOT, env=env, capture_output=True, timeout=300,
        input=None if stdin is None else stdin.encode("utf-8"),
    )
    return Run(argv, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def parse_jsonl(text: str) -> list[dict]:
    """The objects of JSON Lines output; every non-empty line must be one JSON object."""
    docs = []
    for line in text.split("\n"):
        if line.strip():
            doc = json.loads(line)
            assert isinstance(doc, dict), line
            docs.append(doc)
    return docs


def by_id(docs: list[dict]) -> dict[str, dict]:
    return {d["id"]: d for d in docs}


def write(path: Path, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8, newlines untouched) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def jsonl(records: list[dict | str]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def countries(entities: list[dict]) -> list[str | None]:
    return [e["country"] for e in entities]


def events_of(doc: dict, event_type: str) -> list[dict]:
    return [e for e in doc["events"] if e["event_type"] == event_type]


def stderr_line(err: str, needle: str) -> str:
    """The stderr line that names ``needle`` (a file, or file:line)."""
    lines = [line for line in err.splitlines() if needle in line]
    assert lines, f"no line of stderr names {needle!r}:\n{err}"
    return lines[0]


def check_entity(ent: dict, where: str) -> None:
    assert isinstance(ent, dict), where
    assert ENTITY_KEYS <= set(ent), f"{where}: entity lacks {ENTITY_KEYS - set(ent)}"
    assert isinstance(ent["text"], str) and ent["text"], where
    assert ent["country"] is None or isinstance(ent["country"], str), where
    assert ent["sector"] is None or isinstance(ent["sector"], str), where
    for key in ("start", "end"):
        assert ent[key] is None or type(ent[key]) is int, where


def check_event(e: dict, where: str) -> None:
    """Every contract field is present, with a value of the documented kind."""
    missing = [f for f in EVENT_FIELDS if f not in e]
    assert not missing, f"{where}: event lacks {missing}"
    assert e["event_type"] in PLOVER_TYPES, where
    assert e["mode"] is None or isinstance(e["mode"], str), where
    assert isinstance(e["context"], list) and all(isinstance(c, str) for c in e["context"]), where
    assert isinstance(e["cameo"], str) and re.fullmatch(r"\d{2,4}", e["cameo"]), f"{where}: cameo {e['cameo']!r}"
    assert e["quad_class"] in QUAD_CLASSES, where
    for key in ("acled_event_type", "acled_sub_event_type"):
        assert e[key] is None or isinstance(e[key], str), where
    for key in ("actor", "recipient"):
        assert isinstance(e[key], list), where
        for ent in e[key]:
            check_entity(ent, f"{where} {key}")
    if e["claimed_by"] is not None:
        check_entity(e["claimed_by"], f"{where} claimed_by")
    assert e["status"] in STATUSES, where
    assert isinstance(e["targets"], list) and all(isinstance(t, str) for t in e["targets"]), where
    if e["date"] is None:
        assert e["date_source"] in (None, "text", "document"), where
    else:
        assert EVENT_DATE.fullmatch(e["date"]), f"{where}: date {e['date']!r}"
        assert e["date_source"] in ("text", "document"), where
    if e["location"] is not None:
        assert LOCATION_KEYS <= set(e["location"]), where
    for key in ("fatalities", "injured", "arrested"):
        assert e[key] is None or type(e[key]) is int, where
    assert isinstance(e["quantities"], list), where
    for q in e["quantities"]:
        assert QUANTITY_KEYS <= set(q) and type(q["value"]) is int, where
    ev = e["evidence"]
    assert isinstance(ev, dict) and EVIDENCE_KEYS <= set(ev), where
    assert type(ev["start"]) is int and type(ev["end"]) is int and 0 <= ev["start"] < ev["end"], where
    assert isinstance(ev["sentence"], str) and ev["sentence"], where
    assert type(e["confidence"]) in (int, float) and 0 <= e["confidence"] <= 1, where


def check_evidence_offsets(doc: dict, text: str) -> None:
    """Each event's evidence sentence is ``text[start:end]``."""
    for i, e in enumerate(doc["events"]):
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["sentence"], f"{doc['id']} event {i}: {ev}"


def check_entity_offsets(doc: dict, text: str) -> None:
    """Each entity that has offsets is ``text[start:end]`` (offsets index the document, not a sentence)."""
    for i, e in enumerate(doc["events"]):
        for role in ("actor", "recipient", "claimed_by"):
            for ent in e[role] if role != "claimed_by" else [e[role]] if e[role] else []:
                if ent["start"] is not None:
                    assert text[ent["start"]:ent["end"]] == ent["text"], (
                        f"{doc['id']} event {i} ({e['event_type']}, {e['evidence']['sentence']!r}) {role}: {ent}")


# --- fixtures: files and runs ------------------------------------------------------------------


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """One file of each input format, plus a folder holding several of them."""
    base = tmp_path_factory.mktemp("inputs")
    paths = {
        "txt": write(base / "article.txt", b"\xef\xbb\xbf" + ARTICLE_TXT.encode("utf-8")),
        "html": write(base / "page.html", PAGE_HTML),
        "jsonl": write(base / "records.jsonl", jsonl(RECORDS)),
        "csv": write(base / "records.csv", RECORDS_CSV),
        "rss": write(base / "feed.rss", FEED_RSS),
    }
    news = base / "news"
    write(news / "01_kharkiv.txt", DRONES + "\n")
    write(news / "02_batch.jsonl", jsonl([
        {"id": "batch-truce", "text": TRUCE, "date": "2025-01-15"},
        {"id": "batch-weather", "text": WEATHER, "date": "2025-01-15"},
    ]))
    write(news / "sub" / "03_wire.rss", FEED_RSS)
    write(news / "sub" / "04_sheet.csv", RECORDS_CSV)
    write(news / ".hidden.txt", TRUCE + "\n")  # hidden: skipped
    write(news / "notes.md", "# notes\n" + DRONES + "\n")  # unknown extension inside a folder: skipped
    paths["folder"] = news
    return paths


FOLDER_IDS = ["01_kharkiv.txt", "batch-truce", "batch-weather", "wire-001", "wire-002", "c-1", "04_sheet.csv:4"]


@pytest.fixture(scope="module")
def coded(files) -> Run:
    """Every single-file format at once, JSON Lines to standard output, with --date."""
    return parley("code", files["txt"], files["html"], files["jsonl"], files["csv"], files["rss"],
                  "--format", "jsonl", "--date", "2025-03-20")


@pytest.fixture(scope="module")
def folder_jsonl(files, tmp_path_factory) -> tuple[Run, Path]:
    """The folder, JSON Lines written with -o."""
    out = tmp_path_factory.mktemp("out") / "events.jsonl"
    return parley("code", files["folder"], "--format", "jsonl", "-o", out), out


@pytest.fixture(scope="module")
def folder_csv(files) -> Run:
    """The same folder, CSV to standard output."""
    return parley("code", files["folder"], "--format", "csv")


# --- every input format --------------------------------------------------------------------------


def test_code_all_formats_succeeds(coded):
    assert coded.code == 0, coded
    assert "WARNING" not in coded.err and "parley:" not in coded.err, coded


def test_one_document_per_input_record_in_input_order(coded):
    ids = [d["id"] for d in coded.docs()]
    assert ids == ["article.txt", "page.html", "z-last", "42", "a-first", "c-1", "records.csv:4",
                   "wire-001", "wire-002"]


def test_every_document_and_event_follows_the_contract(coded):
    docs = coded.docs()
    assert docs
    for doc in docs:
        assert DOCUMENT_KEYS <= set(doc), doc.keys()
        assert isinstance(doc["events"], list)
        for i, e in enumerate(doc["events"]):
            check_event(e, f"{doc['id']} event {i}")


def test_evidence_offsets_index_the_document_text(coded):
    docs = by_id(coded.docs())
    for doc_id, text in TEXTS.items():
        assert docs[doc_id]["events"], f"{doc_id}: no events"
        check_evidence_offsets(docs[doc_id], text)


def test_entity_offsets_index_the_document_text(coded):
    docs = by_id(coded.docs())
    for doc_id, text in TEXTS.items():
        check_entity_offsets(docs[doc_id], text)


def test_txt_article(coded):
    doc = by_id(coded.docs())["article.txt"]  # a .txt file's id is its file name
    [assault] = events_of(doc, "ASSAULT")
    assert countries(assault["actor"]) == ["RUS"]
    assert assault["evidence"]["sentence"] == DRONES
    assert assault["claimed_by"]["country"] == "UKR"


def test_html_page(coded):
    doc = by_id(coded.docs())["page.html"]
    assert doc["title"] == "Missiles hit Dnipro power plant"
    assaults = events_of(doc, "ASSAULT")
    assert assaults, doc
    # The headline (<h1>) is its own sentence: the strike is coded from the paragraph, Russia acting.
    assert [e["evidence"]["sentence"] for e in assaults] == [MISSILES]
    assert countries(assaults[0]["actor"]) == ["RUS"]


def test_jsonl_records(coded):
    docs = by_id(coded.docs())
    assert events_of(docs["z-last"], "PROTEST")
    [agree] = events_of(docs["42"], "AGREE")
    assert "ISR" in countries(agree["actor"])
    assert docs["42"]["title"] == "Gaza truce"
    [assault] = events_of(docs["a-first"], "ASSAULT")
    assert countries(assault["actor"]) == ["RUS"]


def test_csv_records_with_a_multiline_text(coded):
    docs = by_id(coded.docs())
    first, second = docs["c-1"], docs["records.csv:4"]
    assert (first["title"], first["date"]) == ("Gaza truce deal", "2025-01-15")
    [agree] = events_of(first, "AGREE")
    assert "ISR" in countries(agree["actor"])
    assert agree["evidence"]["sentence"] == TRUCE
    assert (second["title"], second["date"]) == ("Kharkiv grid hit", "2025-02-06")
    [assault] = events_of(second, "ASSAULT")
    assert countries(assault["actor"]) == ["RUS"]


def test_rss_feed_items(coded):
    docs = by_id(coded.docs())
    truce, drones = docs["wire-001"], docs["wire-002"]
    assert (truce["title"], truce["date"]) == ("Truce agreed in Gaza", "2025-01-15")
    assert (drones["title"], drones["date"]) == ("Drones hit Kharkiv", "2025-02-06")
    assert "ISR" in countries(events_of(truce, "AGREE")[0]["actor"])
    assert countries(events_of(drones, "ASSAULT")[0]["actor"]) == ["RUS"]


# --- dates ---------------------------------------------------------------------------------------


def test_date_option_resolves_relative_dates_of_undated_records(coded):
    doc = by_id(coded.docs())["z-last"]
    assert doc["date"] == "2025-03-20"
    [protest] = events_of(doc, "PROTEST")
    assert (protest["date"], protest["date_source"]) == ("2025-03-19", "text")  # "on Wednesday"
    [assault] = events_of(by_id(coded.docs())["a-first"], "ASSAULT")
    assert assault["date"] == "2025-03-18"  # "on Tuesday"


def test_a_records_own_date_wins_over_the_date_option(coded):
    doc = by_id(coded.docs())["42"]
    assert doc["date"] == "2025-01-16"
    [agree] = events_of(doc, "AGREE")
    assert agree["date"] == "2025-01-15"  # "on Wednesday" before Thursday 16 January 2025


def test_date_option_dates_an_html_page_that_carries_no_date(coded):
    # The page has no publication date (only a copyright year in its footer): --date applies.
    doc = by_id(coded.docs())["page.html"]
    assert doc["date"] == "2025-03-20"
    assert [e["date"] for e in events_of(doc, "ASSAULT")] == ["2025-03-17"]  # "on Monday"


def test_invalid_date_option_is_refused(files):
    run = parley("code", files["txt"], "--date", "2025-13-40")
    assert run.code != 0, run
    assert "--date" in run.err and "2025-13-40" in run.err, run
    assert run.out == ""


# --- folders, output formats, -o ---------------------------------------------------------------


def test_folder_to_output_file(folder_jsonl):
    run, out = folder_jsonl
    # the file of unknown extension is reported (exit 1, P002 naming it); hidden files are skipped silently
    assert run.code == 1, run
    assert "[P002]" in run.err and "notes.md" in run.err and ".hidden" not in run.err, run
    assert "7 articles" in run.err and "1 skipped" in run.err  # the summary line
    assert run.out == ""  # everything went to the file
    docs = parse_jsonl(out.read_text(encoding="utf-8"))
    # sorted by path, recursively
    assert [d["id"] for d in docs] == FOLDER_IDS
    assert by_id(docs)["batch-weather"]["events"] == []
    assert countries(events_of(by_id(docs)["01_kharkiv.txt"], "ASSAULT")[0]["actor"]) == ["RUS"]
    for doc in docs:
        for i, e in enumerate(doc["events"]):
            check_event(e, f"{doc['id']} event {i}")


def test_csv_output_has_one_row_per_event(folder_csv, folder_jsonl):
    from parley.export.formats import CSV_COLUMNS

    assert folder_csv.code == 1 and "notes.md" in folder_csv.err, folder_csv
    reader = csv.DictReader(io.StringIO(folder_csv.out, newline=""))
    rows = list(reader)
    assert reader.fieldnames == CSV_COLUMNS
    docs = parse_jsonl(folder_jsonl[1].read_text(encoding="utf-8"))
    expected = [(d["id"], i, e["event_type"]) for d in docs for i, e in enumerate(d["events"])]
    assert [(r["doc_id"], int(r["event_index"]), r["event_type"]) for r in rows] == expected
    assert not [r for r in rows if r["doc_id"] == "batch-weather"]  # a document without events has no row
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), row  # same number of columns
    [drones] = [r for r in rows if r["doc_id"] == "01_kharkiv.txt" and r["event_type"] == "ASSAULT"]
    assert (drones["actor_country"], drones["actor_sector"]) == ("RUS", "MIL")
    assert drones["evidence"] == DRONES
    assert (int(drones["evidence_start"]), int(drones["evidence_end"])) == (0, len(DRONES))
    assert 0 <= float(drones["confidence"]) <= 1
    [truce] = [r for r in rows if r["doc_id"] == "batch-truce" and r["event_type"] == "AGREE"]
    assert "ISR" in truce["actor_country"].split(";")


def test_table_output(files):
    run = parley("code", files["txt"], files["jsonl"])  # table is the default format
    assert run.code == 0, run
    for doc_id in ("article.txt", "z-last", "42", "a-first"):
        assert f"== {doc_id}" in run.out
    for event_type in ("ASSAULT", "AGREE", "PROTEST"):
        assert event_type in run.out
    assert "RUS" in run.out
    assert run.out.index("== article.txt") < run.out.index("== z-last") < run.out.index("== a-first")


# --- standard input ------------------------------------------------------------------------------


def test_stdin_plain_text():
    text = "Belgrade\n\n" + MARCH + "\n"
    run = parley("code", "-", "--format", "jsonl", "--date", "2025-03-20", stdin=text)
    assert run.code == 0, run
    [doc] = run.docs()
    assert (doc["id"], doc["date"]) == ("stdin", "2025-03-20")
    [protest] = events_of(doc, "PROTEST")
    assert protest["date"] == "2025-03-19"
    check_evidence_offsets(doc, text)
    check_entity_offsets(doc, text)


def test_stdin_json_lines_with_a_broken_line():
    lines = jsonl([
        {"id": "s-1", "text": TRUCE},
        '{"id": "s-2", "text": "unterminated',
        {"text": DRONES},  # no id: "stdin:<line>"
    ])
    run = parley("code", "-", "--format", "jsonl", stdin="  " + lines)  # JSON Lines even after blanks
    docs = run.docs()
    assert [d["id"] for d in docs] == ["s-1", "stdin:3"]
    assert "ISR" in countries(events_of(docs[0], "AGREE")[0]["actor"])
    assert countries(events_of(docs[1], "ASSAULT")[0]["actor"]) == ["RUS"]
    assert run.code != 0, run
    assert "JSON" in stderr_line(run.err, "<stdin>:2")


# --- bad input -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> tuple[Run, dict[str, Path]]:
    """A run mixing good input with every kind of bad input."""
    base = tmp_path_factory.mktemp("bad")
    paths = {
        "empty": write(base / "empty.txt", b""),
        "binary": write(base / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
        "mixed": write(base / "mixed.jsonl", jsonl([
            {"id": "good-1", "text": TRUCE},
            '{"id": "broken", "text": "Russian troops',
            {"id": "good-3", "text": DRONES},
        ])),
        "unknown": write(base / "notes.docx", DRONES + "\n"),
        "missing": base / "no_such_article.txt",
        "good": write(base / "good.txt", MARCH + "\n"),
    }
    order = ("empty", "binary", "mixed", "unknown", "missing", "good")
    return parley("code", *(paths[k] for k in order), "--format", "jsonl"), paths


def test_bad_input_fails_the_run_but_the_rest_is_coded(bad):
    run, _ = bad
    assert run.code != 0, run
    docs = run.docs()
    assert [d["id"] for d in docs] == ["good-1", "good-3", "good.txt"]
    assert events_of(docs[0], "AGREE") and events_of(docs[1], "ASSAULT") and events_of(docs[2], "PROTEST")


@pytest.mark.parametrize("kind, words", [
    ("empty", ["empty"]),
    ("binary", ["binary", "not text"]),
    ("unknown", [".docx"]),
    ("missing", ["no such file"]),
])
def test_bad_file_is_named_on_stderr(bad, kind, words):
    run, paths = bad
    line = stderr_line(run.err, str(paths[kind]))
    assert any(w in line.lower() for w in words), line


def test_broken_json_line_is_named_with_its_line_number(bad):
    run, paths = bad
    line = stderr_line(run.err, f"{paths['mixed']}:2")
    assert "JSON" in line
    assert f"{paths['mixed']}:1" not in run.err and f"{paths['mixed']}:3" not in run.err


def test_unknown_extension_message_lists_every_supported_type(bad):
    from parley.ingest import READERS

    run, paths = bad
    line = stderr_line(run.err, str(paths["unknown"]))
    listed = set(re.findall(r"\.[a-z]+\b", line.split("unsupported file type", 1)[-1])) - {".docx"}
    assert listed == set(READERS), f"supported but not listed: {sorted(set(READERS) - listed)}\n{line}"


# --- demo and help -------------------------------------------------------------------------------


def test_demo_prints_the_sample_articles():
    index = json.loads((ROOT / "parley" / "samples" / "index.json").read_text(encoding="utf-8"))
    run = parley("demo")
    assert run.code == 0, run
    for row in index:
        assert f"== {row['file']}" in run.out, row["file"]
    assert "ASSAULT" in run.out and "AGREE" in run.out


@pytest.mark.parametrize("args", [["--help"], ["code", "--help"]])
def test_help_shows_an_example(args):
    run = parley(*args)
    assert run.code == 0, run
    assert "usage: parley" in run.out
    assert "example" in run.out.lower()
    assert "parley code " in run.out  # an example command line
