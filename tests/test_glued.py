"""Figures glued together, and text run together into one line: split only where one reading holds."""

from __future__ import annotations

from pathlib import Path

import pytest

import zwgk
from zwgk.assembly import glued
from zwgk.assembly.glued import ROW, SplitSearch, Totals
from zwgk.codes import Findings
from zwgk.lexing.cells import cell
from zwgk.lexing.flattened import unflatten
from zwgk.lexing.lines import SourceLine

FIXTURES = Path(__file__).parent / "fixtures"
REVIEW = Totals((5, 5, 5))
THREE_FREE_CELLS = Totals((3,), summed=False)


def splits(found: list[str], totals: Totals) -> tuple[tuple[int, ...], ...] | None:
    options, cut_short = SplitSearch().splits(found, totals)
    assert not cut_short
    return options


def test_a_row_splits_where_its_total_holds() -> None:
    assert splits(["640020470"], ROW) == ((64, 0, 0, 2, 0, 4, 70),)


def test_a_space_that_survived_is_a_boundary() -> None:
    assert splits(["22", "0000325"], ROW) == ((22, 0, 0, 0, 0, 3, 25),)


def test_several_readings_are_all_returned() -> None:
    assert sorted(splits(["220000325"], ROW) or ()) == [(2, 20, 0, 0, 0, 3, 25), (22, 0, 0, 0, 0, 3, 25)]


def test_no_reading_when_nothing_adds_up() -> None:
    assert splits(["1111111"], ROW) == ()


def test_a_figure_never_starts_with_zero() -> None:
    # 1000 into three cells without a sum: only 10 0 0 — "00" is no figure
    assert splits(["1000"], THREE_FREE_CELLS) == ((10, 0, 0),)
    assert splits(["000"], THREE_FREE_CELLS) == ((0, 0, 0),)
    assert len(splits(["1234"], THREE_FREE_CELLS) or ()) == 3


def test_no_size_is_assumed_for_a_figure() -> None:
    # twenty-one digits in three cells are not three seven-digit figures: that is a guess
    assert len(splits(["103721352566013756900"], THREE_FREE_CELLS) or ()) > 1


def test_the_review_groups_each_add_up() -> None:
    found = splits(["10001", "00000", "20002"], REVIEW)
    assert found == ((1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2),)


def test_a_run_too_long_to_search_gives_up() -> None:
    assert splits(["1" * 60], ROW) is None


def test_the_rows_searched_once_the_parse_s_steps_run_out_are_cut_short() -> None:
    search = SplitSearch(steps=200)  # 640020470 takes 86
    assert search.splits(["640020470"], ROW) == (((64, 0, 0, 2, 0, 4, 70),), False)
    assert search.splits(["1" * 60], ROW) == (None, True)  # searched until the steps ran out
    assert search.splits(["22", "0000325"], ROW) == (None, True)  # not searched at all
    assert search.splits(["640020470"], ROW) == (((64, 0, 0, 2, 0, 4, 70),), False)  # as found before


def test_a_row_cut_short_is_blank_and_says_so() -> None:
    search = SplitSearch(steps=0)
    findings = Findings()
    found = glued.read([cell("640020470", "640020470", 3)], ROW, search)
    assert found is not None and found.cut_short
    assert glued.place(found, ROW, findings, "表三“一、本年新收政府信息公开申请数量”行") == [None] * 7
    (said,) = findings.diagnostics
    assert said.code == "ZW229" and said.line == 3
    assert "“640020470”的拆分未搜索完（本次解析的拆分搜索已达步数上限）" in said.message


def test_a_run_longer_than_its_figures_can_be_has_no_split() -> None:
    """Fifteen figures of at most 16 digits (2⁵³−1, ``catalogue.MAX_FIGURE``) hold 240 digits, not 241."""
    assert splits(["1" * 241], REVIEW) == ()


HEAD = "某某县人民政府2021年政府信息公开工作年度报告"
FLAT_TABLE_THREE = (
    "三、收到和处理政府信息公开申请情况"
    "一、本年新收政府信息公开申请数量640020470"
    "二、上年结转政府信息公开申请数量1000001"
)


def test_a_report_run_into_one_line_is_read_cell_by_cell() -> None:
    text = f"{HEAD}\n{HEAD}一、总体情况本年度共收到申请70件。{FLAT_TABLE_THREE}五、存在的主要问题及改进情况无。\n"
    report = zwgk.parse(text)
    assert report.requests is not None
    assert report.requests.new_received.natural_person == 64
    assert report.requests.new_received.total == 70
    assert report.requests.carried_over.total == 1
    assert report.overview is not None and report.overview.paragraphs == ("本年度共收到申请70件。",)
    split = [d for d in report.diagnostics if d.code == "ZW228"]
    assert "640020470" in split[0].message and split[0].line == 2
    assert any(d.code == "ZW109" for d in report.diagnostics)


def test_a_row_with_several_readings_is_left_blank_with_its_candidates() -> None:
    text = (
        f"{HEAD}一、总体情况无。三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量220000325\n"
    )
    report = zwgk.parse(text)
    assert report.requests is not None
    assert report.requests.new_received.total is None
    (warned,) = [d for d in report.diagnostics if d.code == "ZW229"]
    assert "22 0 0 0 0 3 25" in warned.message and "2 20 0 0 0 3 25" in warned.message


def _numbered(lines: list[str]) -> list[SourceLine]:
    return [SourceLine(n, line, line) for n, line in enumerate(lines, 1)]


def test_a_laid_out_report_is_not_broken_at_headings_its_sentences_mention() -> None:
    lines = [
        "一、总体情况",
        "本机关按照二、主动公开政府信息情况和三、收到和处理政府信息公开申请情况的要求，逐项落实。",
        "二、主动公开政府信息情况",
    ]
    read, broken = unflatten(_numbered(lines))
    assert broken == [] and [line.text for line in read] == lines


def test_tab_and_pipe_rows_are_left_to_the_layouts_that_read_them() -> None:
    lines = ["规章\t0\t0\t0", "规范性文件 |", "行政许可\t1\t2\t3\t规章\t4\t5\t6\t行政处罚\t7"]
    read, broken = unflatten(_numbered(lines))
    assert broken == [] and len(read) == 3


@pytest.mark.skipif(zwgk.compiled, reason="a compiled module calls its own functions directly: none to count")
def test_each_run_is_searched_once_in_a_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """A flattened report's rows are read to test them, then to place them: the search runs once a row."""
    searched: list[tuple[tuple[str, ...], Totals]] = []
    search = glued._search

    def counted(found: tuple[str, ...], totals: Totals, steps: int) -> tuple[glued.Splits | None, int]:
        searched.append((found, totals))
        return search(found, totals, steps)

    monkeypatch.setattr(glued, "_search", counted)
    zwgk.parse((FIXTURES / "corpus" / "pingtan" / "2025_105587_page.txt").read_text(encoding="utf-8"))
    assert searched and len(searched) == len(set(searched))
