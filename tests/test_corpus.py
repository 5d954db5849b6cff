"""Real reports from the corpus: every cell a person can read is read right, none is guessed, and the
checks find what is wrong with them."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import zwgk
from zwgk.cli import main

from .conftest import FIXTURES
from .expected import Verdict, load, source_of, verdicts

PINGTAN = FIXTURES / "corpus" / "pingtan"
EXPECTED = sorted(PINGTAN.glob("*.expected.json"))
SERIES = sorted(PINGTAN.glob("20*_page.txt"))[1:]  # 2019 to 2025: the official formats


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name[:4])
def test_flattened_reports_read_every_table_cell_right(expected: Path) -> None:
    expectation = load(expected)
    report = zwgk.parse_file(source_of(expected))
    assert report.template is expectation.template
    found = verdicts(report, expectation)
    wrong = {p: v for p, v in found.items() if v in (Verdict.WRONG, Verdict.GUESSED)}
    assert wrong == {}
    tables_three_and_four = {p: v for p, v in found.items() if not p.startswith("active.")}
    assert set(tables_three_and_four.values()) == {Verdict.RIGHT}
    assert report.organ == "平潭综合实验区"
    assert {d.code for d in report.diagnostics} >= {"ZW109", "ZW228"}


def test_a_table_two_split_the_table_leaves_open_is_taken_from_the_prose() -> None:
    """“行政规范性文件8855698” splits many ways; the overview says “现行有效行政规范性文件698件，动态更新
    本年度制发的规范性文件88件”."""
    report = zwgk.parse_file(PINGTAN / "2022_80629_page.txt")
    documents = report.active.normative_documents  # type: ignore[union-attr]
    assert (documents.issued, documents.repealed, documents.in_force) == (88, 55, 698)
    (said,) = [d for d in report.diagnostics if "8855698" in d.message]
    assert (said.code, said.line) == ("ZW228", 10)
    assert "正文" in said.message


def test_detached_labels_and_appended_tables_of_a_converted_pdf() -> None:
    """上海科委 2024: tables appended as 一、二、三 after the report's own sections, and table 三's rows
    cut from their labels, which come as fragments out of order (see the fixture's SOURCES.md)."""
    report = zwgk.parse_file(FIXTURES / "corpus" / "kewei" / "kewei-2024-source.md")
    assert report.requests is not None and report.review is not None
    assert report.requests.partially_granted.total == 0
    assert report.requests.withheld.internal_affairs.total == 1
    assert report.requests.unavailable.not_held.total == 4
    assert report.requests.unavailable.needs_creation.total == 6
    assert report.requests.other_handling.overdue_correction.total == 10  # type: ignore[union-attr]
    assert report.review.reconsideration.upheld == 1
    assert report.review.reconsideration.total == 1
    assert {d.code for d in report.diagnostics} >= {"ZW213"}
    assert "ZW230" not in {d.code for d in report.diagnostics}


def test_an_older_format_report_invents_nothing() -> None:
    report = zwgk.parse_file(PINGTAN / "2018_80529_page.txt")
    assert report.overview is not None and report.overview.paragraphs[0].startswith("2018年以来")
    assert list(_figures((report.active, report.requests, report.review))) == []


def _figures(value: object) -> Iterator[object]:
    """Every figure in ``value``, however deep in attrs classes and tuples."""
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _figures(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _figures(item)
    elif isinstance(value, int | Decimal):
        yield value


def test_a_repeated_row_is_kept_with_its_label() -> None:
    """沭阳 2025, line 151: a stray header row of a new Markdown table (“| 项目 | 本年新收件数 | 上年结转件数
    | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |”) repeats the labels 予以公开 and 部分公开 without
    figures; its other cells, but the group label 不予公开, are kept too."""
    report = zwgk.parse_file(FIXTURES / "corpus" / "shuyang" / "shuyang-2025.txt")
    repeated = [u.text for u in report.unplaced if u.line == 151]
    assert repeated == ["项目 本年新收件数 上年结转件数 予以公开", "部分公开", "结转下年度", "总计"]
    assert report.requests is not None and report.requests.granted.total == 294


@pytest.mark.parametrize("expected", sorted(FIXTURES.rglob("*.expected.json")), ids=lambda p: p.name[:-14])
def test_no_real_report_keeps_empty_unplaced_content(expected: Path) -> None:
    report = zwgk.parse_file(source_of(expected))
    assert [u for u in report.unplaced if not u.text.strip()] == []


def test_pingtan_2020_breaks_the_results_total_rule() -> None:
    report = zwgk.parse_file(PINGTAN / "2020_80595_page.txt")
    errors = [d for d in zwgk.check(report) if d.severity is zwgk.Severity.ERROR]
    assert [(d.code, d.message) for d in errors] == [
        ("ZW302", "表三“自然人”列：各项办理结果之和为 26，（七）总计为 20"),
        ("ZW302", "表三“总计”列：各项办理结果之和为 27，（七）总计为 21"),
    ]
    assert errors[1].line == 10
    assert "requests.total.total" in errors[1].paths


def test_pingtan_2019_to_2025_carries_over() -> None:
    reports = [zwgk.parse_file(path) for path in SERIES]
    assert [r.year for r in reports] == list(range(2019, 2026))
    assert zwgk.check_series(reports) == [[] for _ in reports]
    other = [d for r in reports if r.year != 2020 for d in zwgk.check(r) if d.severity is zwgk.Severity.ERROR]
    assert other == []


def test_check_command_on_the_series(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--series", "--select", "ZW30", *map(str, SERIES)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{PINGTAN / '2020_80595_page.txt'}:10: ZW302 error 表三“自然人”列：各项办理结果之和为 26，（七）总计为 20",
        f"{PINGTAN / '2020_80595_page.txt'}:10: ZW302 error 表三“总计”列：各项办理结果之和为 27，（七）总计为 21",
    ]


ALL_EXPECTED = sorted(FIXTURES.rglob("*.expected.json"))


@pytest.mark.parametrize("expected", ALL_EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_no_real_report_ever_gives_a_wrong_cell(expected: Path) -> None:
    """Whatever the source — flattened text, PDF, HTML, converter Markdown — a cell is right or blank."""
    found = verdicts(zwgk.parse_file(source_of(expected)), load(expected))
    assert {p: v for p, v in found.items() if v in (Verdict.WRONG, Verdict.GUESSED)} == {}
