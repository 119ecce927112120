"""Tests for parley.ingest: every input format, id and date rules, bad input, streaming, round trips."""
from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import InputError
from parley.ingest import ReadReport, read_path, read_paths, records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def read(*paths, **kwargs):
    """All articles and the report from reading ``paths``."""
    report = ReadReport()
    articles = list(read_paths([str(p) for p in paths], report=report, **kwargs))
    return articles, report


def codes(report):
    """(code, source) of each error in the report."""
    return [(e.code, e.source) for e in report.errors]


def write(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8, newlines untouched) or bytes to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def jsonl(*lines) -> str:
    """JSON Lines text: dicts are dumped, strings are written as they are."""
    return "".join((json.dumps(line) if isinstance(line, dict) else line) + "\n" for line in lines)


# --- each format ---------------------------------------------------------------------------


def test_txt_text_is_the_file_content_exactly():
    path = FIXTURES / "statement.txt"
    [article], report = read(path)
    assert article.text == path.read_bytes().decode("utf-8")
    assert article.text.startswith("\u201cTalks") and article.text.endswith("summit.\n")
    assert article.id == "statement.txt"
    assert article.source == str(path)
    assert (article.title, article.url, article.outlet, article.date) == (None, None, None, None)
    assert report.read == 1 and report.skipped() == 0


def test_txt_keeps_crlf_and_spacing_so_offsets_hold(tmp_path):
    content = "  Line one.\r\nLine \u201ctwo\u201d.\r\n\r\n"
    [article], _ = read(write(tmp_path / "000_abc.txt", content))
    assert article.id == "000_abc.txt"
    assert article.text == content
    assert article.text[article.text.index("two") - 1] == "\u201c"


def test_txt_byte_order_mark_is_dropped(tmp_path):
    [article], _ = read(write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello.\n"))
    assert article.text == "Hello.\n"


def test_html_main_text_and_metadata():
    [article], report = read(FIXTURES / "page.html")
    assert article.id == "page.html"
    assert "returned to work on Tuesday" in article.text
    assert "halted container traffic" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert "Reader comment" not in article.text
    assert article.title == "Dock workers end three-day strike"
    assert article.url == "https://gazette.example.org/2024/03/port-strike-ends"
    assert article.date == "2024-03-05"
    assert report.errors == []


def test_html_in_a_declared_legacy_charset(tmp_path):
    page = ('<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><article>'
            '<p>The caf\xe9 owner said the protest in the square lasted until late in the evening.</p>'
            '<p>Police did not intervene, according to witnesses quoted by the local paper.</p>'
            '</article></body></html>')
    [article], _ = read(write(tmp_path / "legacy.htm", page.encode("cp1252")))
    assert "caf\xe9 owner" in article.text


def test_html_without_main_text_is_p006(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>x</title></head><body></body></html>")
    articles, report = read(path)
    assert articles == []
    assert codes(report) == [("P006", str(path))]


def test_jsonl_fields_ids_and_outlet_aliases():
    path = FIXTURES / "records.jsonl"
    articles, report = read(path)
    assert [a.id for a in articles] == ["101", "b-2", "records.jsonl:4"]
    first, second, third = articles
    assert first.title == "Border crossing to reopen"
    assert first.url == "https://ledger.example.com/101"
    assert first.outlet == "Capital Ledger"
    assert first.date == "2024-03-04"
    assert second.outlet == "Coastal Times"  # "source" is accepted as the outlet
    assert second.date == "2024-03-05"  # the local date of the ISO datetime
    assert third.outlet == "Valley Post"  # and so is "publisher"
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert report.errors == []


def test_json_extension_is_json_lines_and_ids_become_strings(tmp_path):
    path = write(tmp_path / "dump.json", jsonl({"id": 5, "text": "Five."}, {"id": 2.5, "text": "Half."}))
    articles, _ = read(path)
    assert [a.id for a in articles] == ["5", "2.5"]


def test_csv_fields_bom_header_case_and_quoted_newlines():
    path = FIXTURES / "records.csv"
    articles, report = read(path)
    assert [a.id for a in articles] == ["7", "records.csv:4"]
    talks = articles[0]
    assert talks.text == "The talks stalled on Friday.\r\nBoth delegations left Vienna."
    assert (talks.title, talks.outlet, talks.date) == ("Talks stall", "Danube Daily", "2024-03-01")
    assert articles[1].outlet is None and articles[1].date is None
    assert [a.source for a in articles] == [f"{path}:2", f"{path}:4"]
    assert report.errors == []


def test_rss_items():
    path = FIXTURES / "feed.rss"
    articles, report = read(path)
    assert [a.id for a in articles] == ["hg-1001", "https://gazette.example.org/2024/03/protest"]
    talks, protest = articles
    assert talks.title == "Ceasefire talks resume in Geneva"
    assert talks.url == "https://gazette.example.org/2024/03/ceasefire-talks"
    assert talks.outlet == "Harbour Gazette"
    assert talks.date == "2024-03-05"  # RFC 822, local date
    assert talks.text == ("Negotiators from both sides met in Geneva on Monday.\n"
                          "A UN envoy chaired the talks & said progress was made.")
    assert protest.text == "Thousands of protesters gathered outside parliament.\nPolice said the crowd was peaceful."
    assert protest.date == "2024-03-06"  # dc:date
    assert talks.source == f"{path}:7"
    # the headline-only item has no text: reported with its line, the items around it are kept
    assert codes(report) == [("P006", f"{path}:14")]


def test_atom_entries():
    articles, report = read(FIXTURES / "feed.atom")
    resigns, floods = articles
    assert resigns.id == "tag:wire.example.net,2024:1"
    assert resigns.title == "Transport minister resigns"
    assert resigns.url == "https://wire.example.net/minister-resigns"
    assert resigns.date == "2024-03-07"  # published wins over updated
    assert resigns.outlet == "Northern Wire"
    assert resigns.text == "The transport minister resigned on Thursday.\nThe prime minister accepted the resignation."
    assert floods.url == "https://wire.example.net/flooding"  # the alternate link, not rel="self"
    assert floods.text == "Heavy rain flooded several roads.\nSchools stayed closed."
    assert floods.date == "2024-03-08"
    assert report.errors == []


def test_rss_1_rdf_feed(tmp_path):
    feed = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://x.example/"><title>Old Style</title></channel>
  <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link>
    <description>First story.</description></item>
</rdf:RDF>
"""
    [article], _ = read(write(tmp_path / "old.xml", feed))
    assert (article.id, article.text, article.outlet) == ("https://x.example/1", "First story.", "Old Style")


def test_feed_item_with_empty_content_falls_back_to_description(tmp_path):
    feed = """<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><guid>g1</guid><content:encoded>  </content:encoded><description>&lt;p&gt;The summary.&lt;/p&gt;</description></item>
</channel></rss>
"""
    [article], _ = read(write(tmp_path / "f.rss", feed))
    assert article.text == "The summary."


def test_folder_is_recursive_sorted_skips_hidden_and_reports_unknown(tmp_path):
    write(tmp_path / "b.txt", "Bee.")
    write(tmp_path / "a" / "z.txt", "Zed.")
    write(tmp_path / "a.txt", "Ay.")
    write(tmp_path / "c.jsonl", jsonl({"id": "c1", "text": "See."}))
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / ".git" / "x.txt", "Hidden folder.")
    write(tmp_path / "notes.md", "Unknown extension.")
    write(tmp_path / "image.png", b"\x89PNG\x00\x00")
    articles, report = read(tmp_path)
    assert [a.text for a in articles] == ["Zed.", "Ay.", "Bee.", "See."]
    assert articles[0].source == str(tmp_path / "a" / "z.txt")
    # unknown extensions are reported (P002, as for a file named on the command line); hidden files are not
    assert codes(report) == [("P002", str(tmp_path / "image.png")), ("P002", str(tmp_path / "notes.md"))]
    assert "'.png'" in report.errors[0].detail


def test_stdin_json_lines(monkeypatch):
    stdin = "\n  " + jsonl({"id": "s1", "text": "From a pipe."}, {"text": "No id."})
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    articles, _ = read("-")
    assert [a.id for a in articles] == ["s1", "stdin:3"]
    assert [a.source for a in articles] == ["<stdin>:2", "<stdin>:3"]


def test_stdin_plain_text_is_kept_exactly(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n  \u201cQuoted,\u201d he said.\n"))
    [article], _ = read("-")
    assert (article.id, article.text, article.source) == ("stdin", "\n  \u201cQuoted,\u201d he said.\n", "<stdin>")


def test_stdin_empty_is_p003(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    articles, report = read("-")
    assert articles == [] and codes(report) == [("P003", "<stdin>")]


def test_read_path_is_the_single_path_reader(tmp_path):
    report = ReadReport()
    articles = list(read_path(str(write(tmp_path / "one.txt", "One.")), report=report, default_date="2024-01-02"))
    assert [(a.id, a.date) for a in articles] == [("one.txt", "2024-01-02")]
    assert report.read == 1


# --- dates ---------------------------------------------------------------------------------


def test_default_date_fills_missing_dates_and_record_dates_win(tmp_path):
    path = write(tmp_path / "d.jsonl", jsonl({"id": 1, "text": "A.", "date": "2023-12-31"}, {"id": 2, "text": "B."}))
    articles, _ = read(path, write(tmp_path / "t.txt", "C."), default_date="2024-03-05")
    assert [a.date for a in articles] == ["2023-12-31", "2024-03-05", "2024-03-05"]


def test_without_default_date_missing_dates_stay_none(tmp_path):
    [article], _ = read(write(tmp_path / "d.jsonl", jsonl({"text": "A."})))
    assert article.date is None


def test_unparsable_date_is_logged_and_left_empty(tmp_path, caplog):
    path = write(tmp_path / "d.jsonl", jsonl({"text": "A.", "date": "sometime in March"}))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read(path)
    assert article.date is None
    assert "[P009]" in caplog.text and f"{path}:1" in caplog.text
    assert report.errors == []  # a bad date does not skip the record


def test_unparsable_date_falls_back_to_default_date(tmp_path):
    [article], _ = read(write(tmp_path / "d.jsonl", jsonl({"text": "A.", "date": "n/a"})), default_date="2024-01-01")
    assert article.date == "2024-01-01"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024-03-05 08:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("5 Mar 2024 10:00 +0100", "2024-03-05"),
        ("Tue, 05 Mar 2024", "2024-03-05"),
        ("2024-02-30", None),
        ("March 2024", None),
        ("2024", None),
        (20240305, None),
    ],
)
def test_date_normalisation(tmp_path, value, expected):
    [article], _ = read(write(tmp_path / "d.jsonl", jsonl({"text": "A.", "date": value})))
    assert article.date == expected


def test_read_paths_rejects_a_single_string():
    with pytest.raises(TypeError):
        read_paths("statement.txt")


def test_invalid_default_date_raises_p009_before_reading():
    with pytest.raises(InputError) as caught:
        read_paths(["does-not-matter"], default_date="05/03/2024")
    assert caught.value.code == "P009"


# --- bad input: reported with file and line, never stops the run ------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.csv", "empty.rss"])
def test_empty_file_is_p003_and_the_next_file_is_read(tmp_path, name):
    empty = write(tmp_path / name, "")
    articles, report = read(empty, write(tmp_path / "next.txt", "Next."))
    assert codes(report) == [("P003", str(empty))]
    assert [a.id for a in articles] == ["next.txt"]


def test_whitespace_only_text_file_is_p003(tmp_path):
    path = write(tmp_path / "blank.txt", " \n\t\n")
    assert codes(read(path)[1]) == [("P003", str(path))]


@pytest.mark.parametrize("name", ["photo.txt", "photo.html", "photo.jsonl", "photo.csv", "photo.xml"])
def test_binary_file_is_p004(tmp_path, name):
    path = write(tmp_path / name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, report = read(path, FIXTURES / "statement.txt")
    assert codes(report) == [("P004", str(path))]
    assert [a.id for a in articles] == ["statement.txt"]


def test_latin1_text_file_is_decoded_not_refused(tmp_path, caplog):
    path = write(tmp_path / "latin.txt", "Caf\xe9 society gathered in the square on Tuesday.".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read(path)
    assert article.text == "Caf\xe9 society gathered in the square on Tuesday."
    assert report.errors == []
    assert caplog.records[0].getMessage().startswith(f"[P035] {path}: ")


def test_a_latin1_line_in_a_small_jsonl_file_decodes_the_file_as_latin1(tmp_path):
    content = jsonl({"id": "a", "text": "A."}).encode() + b'{"id": "b", "text": "Caf\xe9"}\n'
    content += jsonl({"id": "c", "text": "C."}).encode()
    path = write(tmp_path / "mixed.jsonl", content)
    articles, report = read(path)
    assert [(a.id, a.text) for a in articles] == [("a", "A."), ("b", "Caf\xe9"), ("c", "C.")]
    assert report.errors == []


def test_broken_json_line_is_p005_with_its_line(tmp_path):
    broken = '{"id": "b", "text": "B.'
    path = write(tmp_path / "b.jsonl", jsonl({"id": "a", "text": "A."}, broken, {"id": "c", "text": "C."}))
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P005", f"{path}:2")]
    assert "line 2" in report.errors[0].detail


@pytest.mark.parametrize("line, kind", [("[1, 2]", "array"), ('"text"', "string"), ("42", "number"), ("null", "null")])
def test_json_line_that_is_not_an_object_is_p012(tmp_path, line, kind):
    path = write(tmp_path / "n.jsonl", jsonl({"id": "a", "text": "A."}, line, {"id": "c", "text": "C."}))
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P012", f"{path}:2")]
    assert kind in report.errors[0].detail


@pytest.mark.parametrize("record", [{"id": "b"}, {"id": "b", "text": ""}, {"id": "b", "text": " \n"}, {"id": "b", "text": 7}])
def test_record_without_text_is_p006(tmp_path, record):
    path = write(tmp_path / "t.jsonl", jsonl({"id": "a", "text": "A."}, record, {"id": "c", "text": "C."}))
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P006", f"{path}:2")]


def test_csv_row_without_text_is_p006_with_its_line(tmp_path):
    path = write(tmp_path / "t.csv", 'id,text\na,"A\nspans two lines"\nb,\nc,C.\n')
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P006", f"{path}:4")]
    assert articles[1].source == f"{path}:5"


def test_csv_without_text_column_is_p007(tmp_path):
    path = write(tmp_path / "no_text.csv", "id,body\n1,Something.\n")
    articles, report = read(path, write(tmp_path / "next.txt", "Next."))
    assert codes(report) == [("P007", f"{path}:1")]
    assert "id, body" in report.errors[0].detail
    assert [a.id for a in articles] == ["next.txt"]


def test_csv_header_only_is_p003(tmp_path):
    path = write(tmp_path / "h.csv", "id,text\n")
    assert codes(read(path)[1]) == [("P003", str(path))]


def test_csv_row_with_undecodable_bytes_is_p008_and_other_rows_are_kept(tmp_path, monkeypatch):
    from parley.ingest import charset

    monkeypatch.setattr(charset, "SAMPLE_BYTES", 32)  # the start decides the encoding: UTF-8
    path = write(tmp_path / "u.csv", b"id,text\na,A first row that fills the start.\nb,Caf\xe9\nc,C.\n")
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P008", f"{path}:3")]


def test_csv_long_text_beyond_the_default_field_limit(tmp_path):
    long_text = "word " * 40_000
    path = tmp_path / "long.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "text"], ["1", long_text]])
    [article], _ = read(path)
    assert article.text == long_text


def test_broken_feed_gives_the_items_recovered_and_p011_with_the_line(tmp_path):
    # feedparser recovers the items after a syntax error too (the old pull parser stopped at it)
    feed = ("<rss><channel><title>T</title>\n<item><guid>1</guid><description>One.</description></item>\n"
            "<item><guid>2</guid><description>Two & broken</description></item>\n</channel></rss>\n")
    path = write(tmp_path / "broken.rss", feed)
    articles, report = read(path)
    assert [(a.id, a.text, a.source) for a in articles] == [("1", "One.", f"{path}:2"), ("2", "Two & broken", f"{path}:3")]
    assert codes(report) == [("P011", f"{path}:3")]


def test_xml_that_is_not_a_feed_is_reported(tmp_path):
    path = write(tmp_path / "data.xml", "<?xml version='1.0'?>\n<catalog><book/></catalog>\n")
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P011", f"{path}:2")]


def test_unknown_extension_given_explicitly_is_p002(tmp_path):
    path = write(tmp_path / "notes.md", "Markdown.")
    articles, report = read(path, FIXTURES / "statement.txt")
    assert codes(report) == [("P002", str(path))]
    assert "'.md'" in report.errors[0].detail
    assert [a.id for a in articles] == ["statement.txt"]


def test_missing_path_is_p001_and_the_run_goes_on(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    articles, report = read(missing, FIXTURES / "statement.txt")
    assert codes(report) == [("P001", str(missing))]
    assert [a.id for a in articles] == ["statement.txt"]


def test_errors_are_logged_and_counted(tmp_path, caplog):
    path = write(tmp_path / "m.jsonl", jsonl({"text": "A."}, "oops", "[]", {"text": "D."}))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles, report = read(path, tmp_path / "missing.txt")
    assert report.read == 2 == len(articles)
    assert report.skipped() == 3
    assert [r.getMessage() for r in caplog.records] == [str(e) for e in report.errors]
    assert caplog.records[0].getMessage().startswith(f"[P005] {path}:2: ")


def test_without_a_report_errors_are_only_logged(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles = list(read_paths([str(tmp_path / "missing.txt"), str(FIXTURES / "statement.txt")]))
    assert [a.id for a in articles] == ["statement.txt"]
    assert "[P001]" in caplog.text


# --- streaming -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(200_000):
            f.write(f'{{"id": {i}, "text": "Record number {i} of a large file."}}\n')
    return path


def test_jsonl_is_read_lazily(big_jsonl, monkeypatch):
    opened = []

    def spy_open(*args, **kwargs):
        opened.append(open(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(records, "open", spy_open, raising=False)
    started = time.perf_counter()
    articles = read_paths([str(big_jsonl)])  # kept alive so the file stays open for the check
    first = list(itertools.islice(articles, 3))
    elapsed = time.perf_counter() - started
    assert [a.id for a in first] == ["0", "1", "2"]
    [f] = opened
    assert not f.closed
    assert f.tell() < 1024 < big_jsonl.stat().st_size  # three lines consumed, not the whole file
    assert elapsed < 1.0


def test_jsonl_lines_are_pulled_one_at_a_time():
    def lines():
        for i in range(3):
            yield json.dumps({"id": i, "text": f"Line {i}."}).encode() + b"\n"
        raise AssertionError("read past the records that were asked for")

    first = list(itertools.islice(records.read_jsonl_lines(lines(), "gen", "gen"), 3))
    assert [a.id for a in first] == ["0", "1", "2"]


def test_stdin_json_lines_are_read_lazily(monkeypatch):
    class Tripwire(io.StringIO):
        """Standard input that fails if more than four lines are read or it is read whole."""

        lines_read = 0

        def __next__(self):
            Tripwire.lines_read += 1
            if Tripwire.lines_read > 4:
                raise AssertionError("stdin was read past the records asked for")
            return super().__next__()

        def read(self, size=-1):
            assert size is not None and size >= 0, "stdin was read whole"
            return super().read(size)

    monkeypatch.setattr("sys.stdin", Tripwire(jsonl(*({"id": i, "text": "T."} for i in range(100)))))
    first = list(itertools.islice(read_paths(["-"]), 3))
    assert [a.id for a in first] == ["0", "1", "2"]


# --- round trips ---------------------------------------------------------------------------

_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_records = st.lists(
    st.tuples(st.text(_chars, min_size=1, max_size=20), st.text(_chars, min_size=1).filter(str.strip)),
    min_size=1,
    max_size=8,
    unique_by=lambda record: record[0],
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_records)
def test_any_records_round_trip_through_jsonl_and_csv(rows):
    with tempfile.TemporaryDirectory() as folder:
        as_jsonl = Path(folder, "r.jsonl")
        with open(as_jsonl, "w", encoding="utf-8") as f:
            for record_id, text in rows:
                f.write(json.dumps({"id": record_id, "text": text}, ensure_ascii=False) + "\n")
        as_csv = Path(folder, "r.csv")
        with open(as_csv, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([["id", "text"], *rows])
        for path in (as_jsonl, as_csv):
            articles, report = read(path)
            assert report.errors == []
            assert [(a.id, a.text) for a in articles] == rows


def test_feed_declaring_an_unknown_encoding_is_p011_not_a_crash(tmp_path):
    # found by the fuzz (tests/fuzz): expat raised LookupError out of the reader
    path = write(tmp_path / "f.rss", '<?xml version="1.0" encoding="bogus-42"?><rss><channel></channel></rss>')
    articles, report = read(path, FIXTURES / "statement.txt")
    assert codes(report) == [("P011", f"{path}:1")]
    assert "bogus-42" in report.errors[0].detail
    assert [a.id for a in articles] == ["statement.txt"]


def test_record_with_a_lone_surrogate_is_p008_and_the_others_are_read(tmp_path):
    # found by the fuzz: JSON's "\ud800" escape reads as a lone surrogate, which is no Unicode (the coder's
    # tokenizer crashed on it, and no UTF-8 output can hold it)
    content = jsonl({"id": "a", "text": "A."}, '{"id": "b", "text": "Half an emoji \\ud83d."}',
                    '{"id": "c", "text": "C.", "title": "\\udfff"}', {"id": "d", "text": "D."})
    path = write(tmp_path / "s.jsonl", content)
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "d"]
    assert codes(report) == [("P008", f"{path}:2"), ("P008", f"{path}:3")]
    assert "U+D83D at character 14" in report.errors[0].detail and "title" in report.errors[1].detail
