"""``.json`` files are JSON documents (an array of records or one record), or JSON Lines under a ``.json`` name."""
from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.ingest import ReadReport, jsondoc, read_paths


def read(*paths, **kwargs):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report, **kwargs)), report


def codes(report):
    return [(e.code, e.source) for e in report.errors]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


RECORDS = [
    {"id": "a1", "text": "Talks resumed in Geneva [day two], {officials} said, \"cautiously\".", "date": "2024-03-05"},
    {"text": "A record without an id,\nover two lines \\ with a backslash.", "outlet": {"name": "Wire"}},
    {"id": 3, "text": "Third.", "title": "Three", "nested": {"list": [1, [2, {"x": "]"}]]}},
]


def test_pretty_printed_array_of_records(tmp_path):
    path = write(tmp_path / "dump.json", json.dumps(RECORDS, indent=2))
    articles, report = read(path)
    assert report.errors == []
    assert [(a.id, a.text) for a in articles] == [("a1", RECORDS[0]["text"]), ("dump.json[1]", RECORDS[1]["text"]),
                                                   ("3", "Third.")]
    assert articles[0].date == "2024-03-05" and articles[1].outlet == "Wire" and articles[2].title == "Three"
    assert [a.source for a in articles] == [f"{path}:2", f"{path}:7", f"{path}:13"]


def test_minified_array_on_one_line(tmp_path):
    path = write(tmp_path / "dump.json", json.dumps(RECORDS, separators=(",", ":")))
    articles, report = read(path)
    assert report.errors == [] and [a.id for a in articles] == ["a1", "dump.json[1]", "3"]


def test_one_record_object(tmp_path):
    path = write(tmp_path / "one.json", json.dumps({"title": "One", "text": "One article."}, indent=2))
    [article], report = read(path)
    assert (article.id, article.text, article.title, article.source) == ("one.json", "One article.", "One", str(path))
    assert report.errors == []


def test_json_lines_under_a_json_name_still_work(tmp_path):
    path = write(tmp_path / "lines.json", "".join(json.dumps(r) + "\n" for r in RECORDS))
    articles, report = read(path)
    assert report.errors == [] and [a.id for a in articles] == ["a1", "lines.json:2", "3"]


def test_a_json_file_without_article_records_is_one_p037(tmp_path, caplog):
    # the shapes of the samples folder's expected output and of a manifest read alone
    expected = write(tmp_path / "expected.json", json.dumps({"about": "x", "articles": {"a.txt": [{"key": 1}]}},
                                                            indent=1))
    listing = write(tmp_path / "listing.json", json.dumps([{"file": f"{i}.txt", "date": "2024-01-01"}
                                                           for i in range(500)], indent=2))
    numbers = write(tmp_path / "numbers.json", json.dumps(list(range(100))))
    lines = write(tmp_path / "log.json", "".join(json.dumps({"level": "info", "n": i}) + "\n" for i in range(50)))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles, report = read(expected, listing, numbers, lines)
    assert articles == []
    assert codes(report) == [("P037", str(p)) for p in (expected, listing, numbers, lines)]
    assert len(caplog.records) == 4
    assert "500 items without a 'text' field" in report.errors[1].detail
    assert "100 items not an object" in report.errors[2].detail


def test_a_file_of_many_non_records_stops_after_the_first_thousand(tmp_path):
    path = write(tmp_path / "many.json", json.dumps([{"n": i} for i in range(5000)]))
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P037", str(path))]
    assert "first 1,000 items" in report.errors[0].detail


def test_problems_before_the_first_article_are_reported_once_one_comes(tmp_path):
    path = write(tmp_path / "mixed.json", json.dumps([{"id": "no-text"}, 7, {"id": "ok", "text": "Fine."}], indent=1))
    articles, report = read(path)
    assert [a.id for a in articles] == ["ok"]
    assert [e.code for e in report.errors] == ["P006", "P012"]


def test_malformed_item_is_p038_and_the_others_are_read(tmp_path):
    text = '[\n {"id": "a", "text": "A."},\n {"id": "b", "text": tru},\n {"id": "c", "text": "C."}\n]\n'
    path = write(tmp_path / "bad.json", text)
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P038", f"{path}:3")]
    assert "line 3, column" in report.errors[0].detail


def test_unclosed_array_keeps_the_items_before(tmp_path):
    path = write(tmp_path / "cut.json", '[\n {"id": "a", "text": "A."},\n {"id": "b", "text": "B')
    articles, report = read(path)
    assert [a.id for a in articles] == ["a"]
    assert codes(report) == [("P038", f"{path}:3")]
    assert "not closed" in report.errors[0].detail


def test_malformed_document_is_p038_naming_line_and_column(tmp_path):
    path = write(tmp_path / "broken.json", '{\n  "id": "x",\n  "text": "unterminated\n}\n')
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P038", str(path))]
    assert "line 3" in report.errors[0].detail


def test_empty_array_is_p037(tmp_path):
    path = write(tmp_path / "empty.json", "[ ]\n")
    assert codes(read(path)[1]) == [("P037", str(path))]


def test_a_huge_integer_is_a_coded_problem_not_a_crash(tmp_path):
    # Python refuses to read integers of more than 4,300 digits with a ValueError that is no JSONDecodeError
    path = write(tmp_path / "n.json", '[{"id": ' + "9" * 5000 + ', "text": "T."}, {"id": "ok", "text": "Fine."}]')
    lines = write(tmp_path / "n.jsonl", '{"id": ' + "9" * 5000 + ', "text": "T."}\n{"id": "ok", "text": "Fine."}\n')
    articles, report = read(path, lines)
    assert [a.id for a in articles] == ["ok", "ok"]
    assert [e.code for e in report.errors] == ["P038", "P005"]


def test_deep_nesting_is_a_coded_problem_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    path = write(tmp_path / "deep.json", f'[{deep}, {{"id": "ok", "text": "Fine."}}]')
    lines = write(tmp_path / "deep.jsonl", f'{{"x": {deep}}}\n{{"id": "ok", "text": "Fine."}}\n')
    articles, report = read(path, lines)
    assert [a.id for a in articles] == ["ok", "ok"]
    assert [e.code for e in report.errors] == ["P038", "P005"]


_chars = st.characters(blacklist_categories=("Cs",))
_record = st.fixed_dictionaries(
    {"id": st.text(_chars, min_size=1, max_size=10), "text": st.text(_chars, min_size=1).filter(str.strip)},
    optional={"title": st.text(_chars, max_size=10), "extra": st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(_chars, max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(_chars, max_size=3), inner, max_size=3),
        max_leaves=6)},
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_record, min_size=1, max_size=6, unique_by=lambda r: r["id"]), st.sampled_from([None, 0, 1, 4]),
       st.booleans(), st.sampled_from([1, 2, 7, 1 << 16]))
def test_any_array_of_records_round_trips_whatever_the_chunking(records, indent, ascii_only, chunk):
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(jsondoc, "_CHUNK", chunk):
        path = write(Path(folder, "r.json"), json.dumps(records, indent=indent, ensure_ascii=ascii_only))
        articles, report = read(path)
    assert report.errors == []
    assert [(a.id, a.text) for a in articles] == [(r["id"], r["text"]) for r in records]
