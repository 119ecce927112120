"""Text that is not UTF-8: decoded in the encoding found for it, with a P035 warning; binary data refused (P004)."""
from __future__ import annotations

import io
import json
import logging
import random
import zipfile

import pytest

from parley.ingest import ReadReport, read_paths

ENGLISH = ("The caf\xe9 owner said the protest in the square lasted until late \u2014 \u201cwe stayed\u201d, "
           "she told reporters on Tuesday.\nPolice did not intervene, according to witnesses.\n")
SPANISH = "El presidente de Espa\xf1a dijo que la reuni\xf3n en Bogot\xe1 termin\xf3 sin acuerdo el martes.\n"
RUSSIAN = ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, "
           "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0432 "
           "\u0416\u0435\u043d\u0435\u0432\u0435 \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f "
           "\u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0435\u0439 \u043d\u0435\u0434\u0435\u043b\u0435.\n")


def read(*paths, **kwargs):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report, **kwargs)), report


def codes(report):
    return [(e.code, e.source) for e in report.errors]


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def warnings(caplog, code="P035"):
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith(f"[{code}]")]


@pytest.mark.parametrize("text, encoding, named", [
    (ENGLISH, "utf-16", "utf-16"),
    (ENGLISH, "utf-16-le", "utf_16_le"),
    (ENGLISH, "utf-16-be", "utf_16_be"),
    (RUSSIAN, "utf-16-le", "utf_16_le"),
    (ENGLISH, "utf-32", "utf-32"),
    (ENGLISH, "cp1252", "cp1252"),
    (SPANISH, "cp1252", "cp1252"),
    (SPANISH, "latin-1", "cp1252"),
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8_r"),
], ids=lambda value: value if len(value) < 12 else value[:2])
def test_txt_in_another_encoding_is_decoded_with_a_warning(tmp_path, caplog, text, encoding, named):
    path = write(tmp_path / "article.txt", text.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read(path)
    assert article.text == text  # the whole file, decoded one way: evidence offsets index into it
    assert report.errors == []
    [warning] = warnings(caplog)
    assert warning.startswith(f"[P035] {path}: ") and f"decoded as {named} " in warning


def test_utf8_gives_no_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read(write(tmp_path / "a.txt", ENGLISH.encode("utf-8")))
    assert article.text == ENGLISH and report.errors == [] and caplog.records == []


def test_html_in_utf16_and_in_an_undeclared_legacy_charset(tmp_path, caplog):
    page = ("<html><head><title>Caf\xe9 protest</title></head><body><article>"
            f"<p>{ENGLISH.splitlines()[0]}</p><p>{ENGLISH.splitlines()[1]}</p></article></body></html>")
    sixteen = write(tmp_path / "sixteen.html", page.encode("utf-16"))
    legacy = write(tmp_path / "legacy.htm", page.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        articles, report = read(sixteen, legacy)
    assert report.errors == []
    assert all("caf\xe9 owner" in a.text and "\u201cwe stayed\u201d" in a.text for a in articles)
    assert len(warnings(caplog)) == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1251"])
def test_jsonl_and_json_in_another_encoding(tmp_path, encoding):
    lines = "".join(json.dumps({"id": f"r{i}", "text": RUSSIAN}, ensure_ascii=False) + "\n" for i in range(3))
    as_jsonl = write(tmp_path / "records.jsonl", lines.encode(encoding))
    array = json.dumps([{"id": "j0", "text": RUSSIAN}, {"id": "j1", "text": RUSSIAN}], ensure_ascii=False, indent=1)
    as_json = write(tmp_path / "records.json", array.encode(encoding))
    articles, report = read(as_jsonl, as_json)
    assert report.errors == []
    assert [(a.id, a.text) for a in articles] == [(i, RUSSIAN) for i in ("r0", "r1", "r2", "j0", "j1")]
    assert [a.source for a in articles[:3]] == [f"{as_jsonl}:{n}" for n in (1, 2, 3)]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_csv_in_another_encoding(tmp_path, encoding):
    rows = f'id,text\nc1,"{ENGLISH}"\nc2,"{SPANISH}"\n'
    articles, report = read(write(tmp_path / "records.csv", rows.encode(encoding)))
    assert report.errors == []
    assert [(a.id, a.text) for a in articles] == [("c1", ENGLISH), ("c2", SPANISH)]


@pytest.mark.parametrize("declaration, encoding", [
    ("", "cp1251"),  # nothing declared: detected
    ('<?xml version="1.0" encoding="windows-1251"?>\n', "cp1251"),
    ('<?xml version="1.0" encoding="UTF-16"?>\n', "utf-16"),
    ("", "utf-16-le"),
])
def test_feed_in_another_encoding(tmp_path, declaration, encoding):
    feed = (f"{declaration}<rss><channel><title>\u0412\u0435\u0441\u0442\u0438</title>\n"
            f"<item><guid>n1</guid><description>{RUSSIAN}</description></item>\n</channel></rss>\n")
    [article], report = read(write(tmp_path / "feed.rss", feed.encode(encoding)))
    assert report.errors == []
    assert article.text == RUSSIAN.strip() and article.outlet == "\u0412\u0435\u0441\u0442\u0438"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", ENGLISH * 50)
    return buffer.getvalue()


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "zip": _zip(),
    "random": random.Random(14).randbytes(4096),
    "random-short": random.Random(7).randbytes(300),
}


@pytest.mark.parametrize("kind", sorted(BINARY))
@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".json", ".csv", ".rss"])
def test_binary_data_is_still_p004(tmp_path, kind, suffix):
    path = write(tmp_path / f"data{suffix}", BINARY[kind])
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P004", str(path))]


def test_jsonl_bad_line_after_the_sampled_start_spoils_only_itself(tmp_path, monkeypatch):
    from parley.ingest import charset

    monkeypatch.setattr(charset, "SAMPLE_BYTES", 64)  # the first 64 bytes decide: UTF-8
    content = b'{"id": "a", "text": "A first record, long enough to fill the sample."}\n'
    content += b'{"id": "b", "text": "Caf\xe9"}\n{"id": "c", "text": "C."}\n'
    path = write(tmp_path / "mixed.jsonl", content)
    articles, report = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert codes(report) == [("P008", f"{path}:2")]
    assert "0xe9" in report.errors[0].detail


def test_stdin_bytes_in_utf16_are_decoded(monkeypatch, caplog):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-16"))))
    with caplog.at_level(logging.WARNING, logger="parley.ingest"):
        [article], report = read("-")
    assert (article.id, article.text) == ("stdin", ENGLISH)
    assert warnings(caplog)[0].startswith("[P035] <stdin>: ")


def test_stdin_json_lines_as_bytes(monkeypatch):
    lines = "".join(json.dumps({"id": f"s{i}", "text": SPANISH}, ensure_ascii=False) + "\n" for i in range(2))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n " + lines.encode("utf-8"))))
    articles, report = read("-")
    assert [(a.id, a.text, a.source) for a in articles] == [("s0", SPANISH, "<stdin>:2"), ("s1", SPANISH, "<stdin>:3")]
    assert report.errors == []


def test_html_declaring_utf16_without_a_byte_order_mark_is_not_a_crash(tmp_path):
    # found by the fuzz: Python's UTF-16 decoder raised UnicodeError (not UnicodeDecodeError) for the declared charset
    page = (f'<html><head><meta charset="utf-16"></head><body><article><p>{ENGLISH.splitlines()[0]}</p>'
            f"<p>{ENGLISH.splitlines()[1]}</p></article></body></html>")
    data = page.encode("cp1252")
    data += b" " * (len(data) % 2)  # an even length: the bytes pass for UTF-16 code units, without a mark
    [article], report = read(write(tmp_path / "declared.html", data))
    assert report.errors == [] and "caf\xe9 owner" in article.text
