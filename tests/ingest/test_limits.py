"""The size limit of one article (max_bytes): refused with P036 naming file, record and limit; the rest is read."""
from __future__ import annotations

import csv
import io
import json
import pathlib
import time

import pytest

from parley.ingest import MAX_BYTES, ReadReport, read_path, read_paths

SENTENCE = "Negotiators met in Geneva on Monday and agreed to meet again next week. "


def read(*paths, **kwargs):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report, **kwargs)), report


def codes(report):
    return [(e.code, e.source) for e in report.errors]


def jsonl(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_the_default_limit_is_ten_megabytes_and_accepts_a_long_article(tmp_path):
    assert MAX_BYTES == 10_000_000
    long_text = SENTENCE * (1_500_000 // len(SENTENCE))  # 1.5 MB
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "long.jsonl").write_text(jsonl({"id": "l", "text": long_text}), encoding="utf-8")
    articles, report = read(tmp_path / "long.txt", tmp_path / "long.jsonl")
    assert report.errors == [] and [a.text for a in articles] == [long_text, long_text]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_20_mb_file_is_refused_from_its_size_before_it_is_read(tmp_path, monkeypatch, suffix):
    big = tmp_path / f"big{suffix}"
    with open(big, "wb") as f:
        f.truncate(20_000_000)  # a sparse file: 20 MB on paper, nothing to read
    (tmp_path / "next.txt").write_text(SENTENCE, encoding="utf-8")
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(path):
        assert path != big, "the over-long file was read"
        return real_read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    started = time.perf_counter()
    articles, report = read(big, tmp_path / "next.txt")
    assert time.perf_counter() - started < 1.0
    assert codes(report) == [("P036", str(big))]
    assert "20,000,000 bytes" in report.errors[0].detail and "10,000,000 bytes" in report.errors[0].detail
    assert [a.id for a in articles] == ["next.txt"]


def test_max_bytes_is_a_parameter_of_read_path_and_read_paths(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    report = ReadReport()
    assert list(read_path(str(path), max_bytes=10, report=report)) == []
    assert codes(report) == [("P036", str(path))]
    assert [a.id for a in read_paths([str(path)], max_bytes=len(SENTENCE))] == ["a.txt"]


@pytest.mark.parametrize("value", [0, -1, 1.5, None])
def test_max_bytes_must_be_a_positive_whole_number(value):
    with pytest.raises(ValueError):
        read_paths(["a.txt"], max_bytes=value)


def test_jsonl_record_over_the_limit_is_refused_and_the_others_are_read(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(jsonl({"id": "a", "text": "A."}, {"id": "big", "text": SENTENCE * 50}, {"id": "c", "text": "C."}),
                    encoding="utf-8")
    articles, report = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P036", f"{path}:2")]
    detail = report.errors[0].detail
    assert "record at line 2" in detail and "1,000 bytes" in detail and f"{len(path.read_text().splitlines()[1]):,}" in detail


def test_an_over_long_json_line_is_never_held_in_memory(tmp_path, monkeypatch):
    from parley.ingest import records

    path = tmp_path / "r.jsonl"
    path.write_text(jsonl({"id": "big", "text": "x" * 200_000}, {"id": "b", "text": "B."}), encoding="utf-8")
    longest = []
    real = records.bounded_lines

    def spy(f, limit):
        for line in real(f, limit):
            longest.append(len(line) if isinstance(line, bytes | str) else 0)
            yield line

    monkeypatch.setattr(records, "bounded_lines", spy)
    articles, report = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["b"] and codes(report) == [("P036", f"{path}:1")]
    assert max(longest) < 1000


def test_json_array_item_over_the_limit_is_refused_and_the_others_are_read(tmp_path):
    path = tmp_path / "r.json"
    items = [{"id": "a", "text": "A."}, {"id": "big", "text": SENTENCE * 50}, {"id": "c", "text": "C."}]
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    articles, report = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P036", f"{path}:6")]
    assert "item at line 6" in report.errors[0].detail


def test_csv_record_over_the_limit_is_refused_and_the_others_are_read(tmp_path):
    path = tmp_path / "r.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "text"], ["a", "A."], ["big", SENTENCE * 50], ["c", "C."]])
    articles, report = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P036", f"{path}:3")]


def test_feed_item_over_the_limit_is_refused_and_the_others_are_read(tmp_path):
    path = tmp_path / "f.rss"
    path.write_text(f"<rss><channel><title>T</title>\n<item><guid>a</guid><description>A.</description></item>\n"
                    f"<item><guid>big</guid><description>{SENTENCE * 50}</description></item>\n"
                    f"<item><guid>c</guid><description>C.</description></item>\n</channel></rss>\n", encoding="utf-8")
    articles, report = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P036", f"{path}:3")]


def test_single_json_object_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "one", "text": SENTENCE * 50}, indent=1), encoding="utf-8")
    articles, report = read(path, max_bytes=1000)
    assert articles == [] and codes(report) == [("P036", str(path))]


def test_stdin_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((SENTENCE * 50).encode())))
    articles, report = read("-", max_bytes=1000)
    assert articles == [] and codes(report) == [("P036", "<stdin>")]
    assert f"{len(SENTENCE) * 50:,} bytes" in report.errors[0].detail


def test_stdin_json_line_over_the_limit_is_refused_and_the_others_are_read(monkeypatch):
    lines = jsonl({"id": "a", "text": "A."}, {"id": "big", "text": SENTENCE * 50}, {"id": "c", "text": "C."})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    articles, report = read("-", max_bytes=1000)
    assert [a.id for a in articles] == ["a", "c"] and codes(report) == [("P036", "<stdin>:2")]
