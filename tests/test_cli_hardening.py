"""The command line under bad requests: an output it cannot write, sizes, the size limit, the progress bar and the
summary line. Each answer is a coded message, never a traceback."""
import io
import sys

import pytest

from parley.cli import _size, main
from tests.test_cli import parley, write


def test_an_output_file_that_cannot_be_written_is_p027_before_any_coding(tmp_path, capsys):
    article = write(tmp_path / "a.txt", "Russian drones attacked Kharkiv on Tuesday.\n")
    assert main(["code", str(article), "-o", str(tmp_path / "no" / "such" / "dir" / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "[P027]" in err and "out.jsonl" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["csv", "acled", "parquet"])
def test_an_export_to_a_path_that_cannot_be_written_is_p027(tmp_path, capsys, fmt):
    target = tmp_path / "missing" / f"events.{fmt}"
    assert main(["export", "--format", fmt, "--db", str(tmp_path / "s.db"), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "[P027]" in err and "Traceback" not in err


@pytest.mark.parametrize("text, size", [("20000000", 20_000_000), ("500KB", 500_000), ("10MB", 10_000_000),
                                        ("1.5GB", 1_500_000_000), ("2 mb", 2_000_000)])
def test_sizes_read_with_their_units(text, size):
    assert _size(text) == size


@pytest.mark.parametrize("text", ["10XB", "-5MB", "", "5", "MB"])
def test_a_size_that_is_none_is_refused_with_p028(text, capsys):
    with pytest.raises(SystemExit):
        main(["code", "x.txt", f"--max-size={text}"])
    assert "is not a size" in capsys.readouterr().err


def test_an_article_over_the_size_limit_is_refused_and_the_rest_coded(tmp_path):
    folder = tmp_path / "news"
    write(folder / "a_big.txt", "Russian troops shelled the outskirts of the town again. " * 60)  # 3.4 KB
    write(folder / "b_small.txt", "Ukraine and Russia exchanged 150 prisoners each on Friday.\n")
    run = parley("code", folder, "--format", "jsonl", "--max-size", "2KB", "--date", "2025-03-07")
    assert run.code == 1, run
    refusal = next(line for line in run.err.splitlines() if "[P036]" in line)
    assert "a_big.txt" in refusal and "2,000" in refusal
    assert [d["id"] for d in run.docs()] == ["b_small.txt"]
    assert "1 articles" in run.err and "1 skipped" in run.err and "Traceback" not in run.err


def test_quiet_leaves_out_the_summary_line(tmp_path):
    article = write(tmp_path / "a.txt", "Russian drones attacked Kharkiv on Tuesday.\n")
    loud = parley("code", article, "--format", "jsonl")
    quiet = parley("code", article, "--format", "jsonl", "--quiet")
    assert loud.code == quiet.code == 0
    assert "parley code: 1 articles, " in loud.err and " events, 0 skipped, " in loud.err
    assert quiet.err == "" and quiet.out == loud.out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_has_the_total_on_a_terminal_only(tmp_path, monkeypatch):
    from parley.progress import progress_bar

    write(tmp_path / "one.txt", "A text.\n")
    write(tmp_path / "many.jsonl", "".join(f'{{"id": "{i}", "text": "t"}}\n' for i in range(5)))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_bar([str(tmp_path)]) is None  # a pipe or a log file: no bar
    monkeypatch.setattr(sys, "stderr", Terminal())
    bar = progress_bar([str(tmp_path)])
    assert bar is not None and bar.total == 6
    bar.update(6)
    bar.close()
    assert "6/6" in sys.stderr.getvalue()
    assert progress_bar([str(tmp_path)], enabled=False) is None
