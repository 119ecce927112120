"""Folders: an ``index.json`` manifest gives files their metadata; unknown files are reported; the samples folder
reads cleanly; count_articles estimates what a read gives."""
from __future__ import annotations

import io
import json
import logging
import time
from pathlib import Path

import pytest

from parley.ingest import ReadReport, count_articles, read_paths

SAMPLES = Path(__file__).resolve().parents[2] / "parley" / "samples"


def read(*paths, **kwargs):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report, **kwargs)), report


def codes(report):
    return [(e.code, e.source) for e in report.errors]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_the_samples_folder_reads_dated_articles_without_a_warning(caplog):
    index = json.loads((SAMPLES / "index.json").read_text(encoding="utf-8"))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles, report = read(SAMPLES)
    assert report.errors == [] and caplog.records == []
    assert [(a.id, a.date, a.title, a.outlet) for a in articles] == [
        (row["file"], row["date"], row["title"], row["outlet"]) for row in index]


def test_expected_output_is_not_in_the_samples_folder():
    assert not (SAMPLES / "expected.json").exists()
    assert (Path(__file__).resolve().parents[1] / "golden" / "expected.json").exists()


def test_manifest_gives_files_their_metadata_and_is_not_read_as_records(tmp_path):
    write(tmp_path / "a.txt", "Troops crossed the border.")
    write(tmp_path / "sub" / "b.html", "<html><head><title>Page title</title></head><body><article><p>"
          + "Negotiators met again in the capital on Monday and agreed to continue. " * 3 + "</p></article></body></html>")
    write(tmp_path / "c.txt", "No entry for this one.")
    write(tmp_path / "index.json", json.dumps([
        {"file": "a.txt", "date": "2024-12-25", "title": "Crossing", "outlet": "Wire", "url": "https://x.example/a"},
        {"file": "sub/b.html", "date": "2025-01-02", "title": "Manifest title"},
    ], indent=2))
    articles, report = read(tmp_path, default_date="2020-01-01")
    assert report.errors == []
    a, c, b = articles  # sorted by path: sub/ after c.txt
    assert (a.id, a.date, a.title, a.outlet, a.url) == ("a.txt", "2024-12-25", "Crossing", "Wire", "https://x.example/a")
    assert (b.id, b.date) == ("b.html", "2025-01-02")
    assert b.title == "Page title"  # the page's own metadata stands; the manifest fills what it lacks
    assert (c.id, c.date, c.title) == ("c.txt", "2020-01-01", None)


def test_manifest_entry_naming_no_file_is_logged(tmp_path, caplog):
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "index.json", json.dumps([{"file": "a.txt", "date": "2024-01-01"}, {"file": "gone.txt"}]))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read(tmp_path)
    assert article.date == "2024-01-01" and report.errors == []
    assert [r.getMessage()[:6] for r in caplog.records] == ["[P039]"]
    assert "'gone.txt'" in caplog.records[0].getMessage()


def test_an_index_json_of_records_is_read_as_records(tmp_path):
    write(tmp_path / "index.json", json.dumps([{"id": "r1", "text": "A record."}]))
    articles, report = read(tmp_path)
    assert [a.id for a in articles] == ["r1"] and report.errors == []


def test_an_index_json_given_alone_is_one_p037(tmp_path):
    path = write(tmp_path / "index.json", json.dumps([{"file": "a.txt"}] * 3))
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P037", str(path))]


def test_unknown_extensions_in_a_folder_are_reported_hidden_files_are_not(tmp_path, caplog):
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "notes.docx", "Unknown.")
    write(tmp_path / "README", "No suffix at all.")
    write(tmp_path / ".DS_Store", b"\x00\x01")
    write(tmp_path / ".cache" / "x.txt", "Hidden folder.")
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles, report = read(tmp_path)
    assert [a.id for a in articles] == ["a.txt"]
    assert codes(report) == [("P002", str(tmp_path / "README")), ("P002", str(tmp_path / "notes.docx"))]
    assert [r.getMessage() for r in caplog.records] == [str(e) for e in report.errors]


# --- count_articles ---------------------------------------------------------------------------------


def _mixed_folder(base: Path) -> Path:
    write(base / "a.txt", "One.")
    write(base / "b.html", "<html><body><article><p>" + "Talks resumed on Monday in the capital. " * 4
          + "</p></article></body></html>")
    write(base / "c.jsonl", "".join(json.dumps({"id": f"c{i}", "text": "T."}) + "\n" for i in range(3)))
    write(base / "d.csv", 'id,text\nd1,"Two\nlines"\nd2,Text\n')
    write(base / "e.rss", "<rss><channel><title>T</title><item><guid>e1</guid><description>One.</description></item>"
          "\n<item><guid>e2</guid><description>Two.</description></item></channel></rss>")
    write(base / "f.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>f1</id>'
          "<content>One.</content></entry></feed>")
    write(base / "g.json", json.dumps([{"id": "g1", "text": "One."}, {"id": "g2", "text": "Two.", "x": "text"}],
                                      indent=2))
    write(base / "h" / "one.json", json.dumps({"text": "Single."}))
    write(base / "i.ndjson", json.dumps({"text": "Last line without a break."}))
    write(base / "index.json", json.dumps([{"file": "a.txt", "date": "2024-01-01"}]))
    write(base / "notes.md", "Unknown.")
    write(base / ".hidden.txt", "Hidden.")
    return base


def test_count_articles_matches_what_a_read_gives(tmp_path):
    folder = _mixed_folder(tmp_path / "news")
    articles, _ = read(folder)
    # the CSV's quoted field over two lines is counted twice: an estimate by lines, as documented
    assert count_articles([str(folder)]) == len(articles) + 1 == 15
    assert count_articles([str(SAMPLES)]) == len(json.loads((SAMPLES / "index.json").read_text(encoding="utf-8")))
    assert count_articles([str(folder / "c.jsonl"), str(folder / "a.txt"), str(tmp_path / "missing.txt")]) == 4


def test_count_articles_of_standard_input_is_unknown(tmp_path):
    assert count_articles([str(_mixed_folder(tmp_path)), "-"]) is None


@pytest.fixture
def big_files(tmp_path):
    lines = "".join(json.dumps({"id": i, "text": "Record number %d of a large file." % i}) + "\n"
                    for i in range(100_000)).encode()
    write(tmp_path / "big.jsonl", lines)
    write(tmp_path / "big.json", b"[" + lines.replace(b"}\n", b"},\n")[:-2] + b"]")
    write(tmp_path / "big.rss", b"<rss><channel>" + b"<item><description>x</description></item>\n" * 100_000
          + b"</channel></rss>")
    return tmp_path


def test_count_articles_is_a_fast_byte_scan(big_files):
    started = time.perf_counter()
    total = count_articles([str(big_files)])
    assert time.perf_counter() - started < 2.0
    assert total == 300_000


def test_stdin_is_not_counted_nor_read_by_count(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("must not be read"))
    assert count_articles(["-"]) is None
    assert __import__("sys").stdin.read() == "must not be read"
