"""Many files at once: parse_many over processes, and the command line over folders."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import zwgk
from zwgk.cli import main
from zwgk.progress import Progress

from .conftest import FIXTURES, SEEDS

PINGTAN = FIXTURES / "corpus" / "pingtan"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The seeds, the 平潭 series in a subfolder, and a file that is no report."""
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path)
    (tmp_path / "pingtan").mkdir()
    for page in sorted(PINGTAN.glob("20*_page.txt"))[1:]:  # 2019 to 2025
        shutil.copy(page, tmp_path / "pingtan")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 not a report")
    (tmp_path / "notes.xlsx").write_bytes(b"not searched for")
    return tmp_path


def test_parse_many_keeps_the_input_order_across_processes_and_survives_a_bad_file(folder: Path) -> None:
    paths = zwgk.batch.files_in([folder])
    assert all(p.suffix == ".txt" for p in paths) and len(paths) == 5 + 7 + 1
    serial = list(zwgk.parse_many(paths))
    parallel = list(zwgk.parse_many(paths, jobs=2))
    assert [p.path for p in parallel] == [str(p) for p in paths]
    assert parallel == serial
    (bad,) = [p for p in parallel if not p.ok]
    assert bad.path.endswith("broken.txt") and bad.report is None
    assert isinstance(bad.error, zwgk.BinaryInputError) and "binary" in str(bad.error)
    assert {p.report.organ for p in parallel if p.report and "pingtan" in p.path} == {"平潭综合实验区"}


def test_a_missing_file_is_an_error_result_naming_it(tmp_path: Path) -> None:
    (found,) = zwgk.parse_many([tmp_path / "nowhere.txt"])
    assert not found.ok and "nowhere.txt" in str(found.error)


def test_a_file_that_is_no_report_is_an_error_result_of_its_type(tmp_path: Path) -> None:
    (tmp_path / "hello.txt").write_text("hello world", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    found = list(zwgk.parse_many([tmp_path / "hello.txt", tmp_path / "empty.txt"]))
    assert [type(p.error) for p in found] == [zwgk.NotAReportError, zwgk.NotAReportError]
    assert [p.report for p in found] == [None, None]


def test_the_command_line_reads_a_folder_over_processes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(folder), "--jobs", "2", "--select", "ZW302"]) == 2  # the broken file
    captured = capsys.readouterr()
    assert "2020_80595_page.txt:10: ZW302 error" in captured.out
    assert "broken.txt" in captured.err
    summary = captured.err.splitlines()[-1]
    assert summary.startswith(
        "zwgk check: 13 个文件，12 份报告，1 个文件无法读取，2 条结果，其中 2 条错误，用时 "
    )
    assert "\r" not in captured.err  # no progress bar when stderr is not a terminal


def test_convert_a_folder_to_one_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "broken.txt").unlink()
    assert main(["convert", str(folder / "pingtan"), "-j", "2", "--to", "csv"]) == 0
    reports = zwgk.from_csv(capsys.readouterr().out)
    assert [r.year for r in reports] == list(range(2019, 2026))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(4, stream)
        for name in "abcd":
            progress.advance(name)
        assert progress.close() >= 0
    assert "[###############               ] 2/4 b" in terminal.getvalue()
    assert pipe.getvalue() == ""
