"""Every real report among the fixtures makes the round trip through each format and comes back the same
report — equal as reports are: in content, not in the diagnostics or source lines of one reading — and
its canonical text is a fixed point. Unplaced content comes back as unplaced content of its section."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import zwgk

from .conftest import FIXTURES, SEEDS

_READABLE = (".txt", ".md", ".html", ".pdf", ".docx")
"""What ``zwgk.parse_file`` reads; a folder's SOURCES.md says where its reports came from."""


def _real_reports() -> list[Path]:
    corpus = [
        p
        for p in sorted((FIXTURES / "corpus").rglob("*"))
        if p.suffix in _READABLE and p.name != "SOURCES.md"
    ]
    return [
        *sorted(SEEDS.glob("*.txt")),
        *corpus,
        *sorted((FIXTURES / "html").glob("*.html")),
        *sorted((FIXTURES / "pages").glob("*.txt")),
    ]


REAL = _real_reports()


@cache
def _read(path: Path) -> zwgk.Report:
    return zwgk.parse_file(path)


def test_every_kind_of_real_fixture_is_included() -> None:
    kinds = {p.suffix for p in REAL}
    assert kinds >= {".txt", ".md", ".html", ".pdf"}
    assert len(REAL) >= 80


@pytest.mark.parametrize("path", REAL, ids=[str(p.relative_to(FIXTURES)) for p in REAL])
def test_real_reports_round_trip_every_format(path: Path) -> None:
    report = _read(path)
    text = zwgk.to_text(report)
    assert zwgk.parse(text) == report
    assert zwgk.to_text(zwgk.parse(text)) == text
    assert zwgk.from_json(zwgk.to_json(report)) == report
    assert zwgk.from_csv(zwgk.to_csv([report])) == [report]


def test_unplaced_rows_of_a_table_section_come_back_each_as_it_was() -> None:
    """沭阳 2025 prints sub-tables of its own in section 三: ``| (数据项目) | 数量 |`` (lines 82 and 92),
    ``| - | - |`` (84, 94), ``| - | - | - | - | - |`` (89) fit no row of table 三."""
    report = zwgk.parse(zwgk.to_text(_read(FIXTURES / "corpus" / "shuyang" / "shuyang-2025.txt")))
    kept = [u.text for u in report.unplaced if u.section == "requests"]
    assert kept.count("(数据项目) 数量") == 2
    assert kept.count("- -") == 2
    assert kept.count("- - - - -") == 1
    assert report.requests is not None and report.requests.notes == ()


def test_canonical_text_marks_unplaced_content_at_the_end_of_its_section() -> None:
    report = zwgk.Report(
        title="某县2024年政府信息公开工作年度报告",
        organ="某县",
        year=2024,
        preamble=("根据《条例》编制。",),
        overview=zwgk.TextSection(("总体情况良好。",)),
        review=zwgk.model.Review(notes=("单位：件",)),
        unplaced=(
            zwgk.Unplaced("正文", None),
            zwgk.Unplaced("（一）主要问题", "overview"),
            zwgk.Unplaced("类别 数据1 数据2", "review"),
            zwgk.Unplaced("", "review"),
        ),
    )
    lines = zwgk.to_text(report).splitlines()
    assert lines[:3] == ["某县2024年政府信息公开工作年度报告", "根据《条例》编制。", "未归位：正文"]
    assert lines[3:6] == ["一、总体情况", "总体情况良好。", "未归位：（一）主要问题"]
    assert lines[-3:] == ["\\单位：件", "未归位：类别 数据1 数据2", "未归位："]
    assert zwgk.parse("\n".join(lines)) == report


def test_a_paragraph_that_starts_with_the_mark_is_escaped() -> None:
    report = zwgk.Report(title=None, overview=zwgk.TextSection(("未归位：不是未归位内容",)))
    assert zwgk.to_text(report) == "一、总体情况\n\\未归位：不是未归位内容\n"
    assert zwgk.parse(zwgk.to_text(report)) == report
