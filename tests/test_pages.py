"""The 67 real report pages (``fixtures/pages``): every legible cell right, none wrong or guessed, the
organ and year where the page states them, and never the site's furniture as title or organ."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

import zwgk
from zwgk.lexing.titles import is_furniture

from .expected import Verdict, tally, verdicts
from .pages import Page, extra_verdicts, pages, same_name

RIGHT_AT_LEAST = 1327
"""Right cells over all pages when this was last raised: the count may only go up (raise it)."""
ORGAN_SHARE = 0.95
YEAR_SHARE = 0.98
PAGES = pages()


@cache
def _parsed(path: Path) -> zwgk.Report:
    return zwgk.parse_file(path)


def _read(page: Page) -> zwgk.Report:
    return _parsed(page.path)


def _verdicts(page: Page) -> dict[str, Verdict]:
    report = _read(page)
    return verdicts(report, page.expectation) | extra_verdicts(report, page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.path.stem)
def test_no_cell_is_wrong_or_guessed(page: Page) -> None:
    found = _verdicts(page)
    assert {p: v for p, v in found.items() if v in (Verdict.WRONG, Verdict.GUESSED)} == {}


def test_right_cells_only_go_up() -> None:
    total: Counter[Verdict] = Counter()
    for page in PAGES:
        total += tally(_verdicts(page))
    assert total[Verdict.RIGHT] >= RIGHT_AT_LEAST


def test_organ_and_year_where_the_page_states_them() -> None:
    named = [p for p in PAGES if p.organ is not None]
    organs = sum(same_name(_read(p).organ, p.organ) for p in named)
    years = sum(_read(p).year == p.year for p in PAGES)
    assert organs >= ORGAN_SHARE * len(named)
    assert years >= YEAR_SHARE * len(PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.path.stem)
def test_an_organ_is_right_or_none_and_never_the_sites_furniture(page: Page) -> None:
    report = _read(page)
    assert report.organ is None or same_name(report.organ, page.organ)
    assert report.title is None or not is_furniture(report.title)
    if report.organ is None:
        assert "ZW202" in {d.code for d in report.diagnostics}


def test_a_page_cut_anywhere_never_gives_a_wrong_cell() -> None:
    """The excerpts stop after some 2,000 characters, mid-row or mid-figure; cut them shorter
    anywhere and no cell may come out other than the page prints it (a figure the cut may have
    shortened is blank, the columns after the cut are blank)."""
    wrong = {}
    for page in PAGES:
        text = page.path.read_text(encoding="utf-8")
        for end in range(200, len(text), 13):
            try:
                report = zwgk.parse(text[:end])
            except zwgk.NotAReportError:  # cut before its title was whole: nothing to read
                continue
            found = verdicts(report, page.expectation) | extra_verdicts(report, page)
            wrong |= {(page.path.stem, end, p): v for p, v in found.items() if v is Verdict.WRONG}
    assert wrong == {}


@pytest.mark.parametrize(
    ("end", "decisions"),
    [("行政许可 | 42", None), ("行政许可 | 42 |", 42), ("行政许可 | 0", 0), ("行政许可\t42\n", 42)],
)
def test_a_figure_the_end_of_the_text_may_have_cut_is_blank(end: str, decisions: int | None) -> None:
    text = f"二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 | 本年处理决定数量 |\n{end}"
    report = zwgk.parse(text)
    assert report.active is not None and report.active.licensing.decisions == decisions  # type: ignore[union-attr]
    assert ("ZW233" in {d.code for d in report.diagnostics}) is (decisions is None)


def test_a_row_cut_short_reads_its_figures_from_the_left() -> None:
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 1 |"
    report = zwgk.parse(text)
    assert report.requests is not None
    row = report.requests.new_received
    assert (row.natural_person, row.commercial, row.research, row.social_welfare, row.total) == (
        3,
        0,
        1,
        None,
        None,
    )
    (said,) = [d for d in report.diagnostics if d.code == "ZW233"]
    assert "3 0 1" in said.message


def test_a_last_figure_its_row_adds_up_to_is_whole() -> None:
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 746 12 0 0 10 1 769"
    report = zwgk.parse(text)
    assert report.requests is not None and report.requests.new_received.total == 769


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.path.stem)
def test_a_page_with_full_width_digits_reads_as_the_page_itself(page: Page) -> None:
    """Some sites print every digit full width (``２０２３年``, ``规章０００``): the cells, the year and
    the organ a person read off the page all come out as from its ASCII digits."""
    wide = page.path.read_text(encoding="utf-8").translate(_FULL_WIDTH_DIGITS)
    report = zwgk.parse(wide)
    found = verdicts(report, page.expectation) | extra_verdicts(report, page)
    assert found == _verdicts(page)
    assert report.year == _read(page).year
    assert same_name(report.organ, page.organ) == same_name(_read(page).organ, page.organ)
