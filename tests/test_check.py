"""The checks: each rule passes on a consistent report and fails on one broken in that rule alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import zwgk
from zwgk.catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, request_leaves
from zwgk.codes import CODES, document
from zwgk.model import Report, Severity, TextSection, Unplaced
from zwgk.serialize.text import table_format
from zwgk.strategies import reports

from .handmade import cell, consistent_report, with_cell

ROOT = Path(__file__).parent.parent


def codes(found: Sequence[zwgk.Diagnostic], prefix: str = "ZW3") -> set[str]:
    return {d.code for d in found if d.code.startswith(prefix)}


def errors(found: list[zwgk.Diagnostic]) -> list[zwgk.Diagnostic]:
    return [d for d in found if d.severity is Severity.ERROR]


def test_the_consistent_report_passes_every_rule() -> None:
    assert zwgk.check(consistent_report()) == []


@pytest.mark.parametrize(
    ("path", "rules"),
    [
        ("requests.granted.natural_person", {"ZW302", "ZW303"}),
        ("requests.withheld.state_secret.total", {"ZW302", "ZW303"}),
        ("requests.other_handling.overdue_fee.research", {"ZW302", "ZW303"}),
        ("requests.total.total", {"ZW301", "ZW302", "ZW303"}),
        ("requests.new_received.commercial", {"ZW301", "ZW303"}),
        ("requests.carried_forward.other", {"ZW301", "ZW303"}),
        ("review.reconsideration.upheld", {"ZW304"}),
        ("review.post_reconsideration_litigation.total", {"ZW304"}),
    ],
)
def test_one_broken_cell_fails_the_rules_that_cover_it(path: str, rules: set[str]) -> None:
    report = consistent_report()
    found = errors(zwgk.check(with_cell(report, path, cell(report, path) + 1)))
    assert {d.code for d in found} == rules
    assert all(path in d.paths for d in found)


def test_findings_name_the_figures() -> None:
    report = consistent_report()
    broken = with_cell(report, "requests.total.total", 7)
    (column,) = [d for d in zwgk.check(broken) if d.code == "ZW302"]
    assert column.message == "表三“总计”列：各项办理结果之和为 6，（七）总计为 7"
    (balance,) = [d for d in zwgk.check(broken) if d.code == "ZW301"]
    assert "本年新收 6 + 上年结转 1 = 7，但（七）总计 7 + 结转下年度 1 = 8" in balance.message
    assert balance.paths[:2] == ("requests.new_received.total", "requests.carried_over.total")


def test_a_blank_cell_is_not_checkable_never_passed_nor_failed() -> None:
    report = with_cell(consistent_report(), "requests.granted.research", None)
    found = zwgk.check(report)
    assert {d.code for d in found} == {"ZW390"}
    assert {d.message[:5] for d in found} == {"ZW302", "ZW303"}
    assert all("requests.granted.research" in d.paths and d.severity is Severity.INFO for d in found)
    # the other columns and rows are still checked
    broken = with_cell(report, "requests.partially_granted.natural_person", 2)
    assert codes(errors(zwgk.check(broken))) == {"ZW302", "ZW303"}


def test_a_report_without_tables_has_nothing_to_check() -> None:
    report = attrs.evolve(consistent_report(), requests=None, review=None)
    assert codes(zwgk.check(report)) == set()
    assert codes(zwgk.check(report), "ZW203") == {"ZW203"}


TEXT = "本年度共收到政府信息公开申请6件，办结6件，结转下年度1件。其中自然人申请5件，法人或其他组织申请1件。"


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("收到政府信息公开申请9件", "ZW311"),
        ("办结5件", "ZW312"),
        ("结转下年度2件", "ZW313"),
        ("自然人申请4件", "ZW314"),
        ("法人或其他组织申请3件", "ZW314"),
    ],
)
def test_a_figure_the_text_restates_differently_is_a_warning(said: str, code: str) -> None:
    report = consistent_report()
    right = attrs.evolve(report, overview=TextSection((TEXT,)))
    assert zwgk.check(right) == []
    original = re.sub(r"\d+件", "", said)
    wrong_text = re.sub(re.escape(original) + r"\d+件", said, TEXT)
    assert wrong_text != TEXT
    found = zwgk.check(attrs.evolve(report, overview=TextSection((wrong_text,))))
    assert [(d.code, d.severity) for d in found] == [(code, Severity.WARNING)]
    assert said in found[0].message
    assert found[0].paths[0] == "overview.paragraphs.0"


def test_received_may_include_those_carried_over() -> None:
    text = TextSection(("本年度共受理政府信息公开申请7件（含上年结转1件）。",))
    assert zwgk.check(attrs.evolve(consistent_report(), overview=text)) == []


def _restated(*paragraphs: str) -> list[tuple[str, str]]:
    """The text findings on the consistent report (本年新收 6, 上年结转 1, （七）总计 6, 结转下年度 1,
    自然人 5 + 1 carried over, 法人或其他组织 1) with ``paragraphs`` as its overview."""
    report = attrs.evolve(consistent_report(), overview=TextSection(paragraphs))
    return [(d.code, d.message) for d in zwgk.check(report)]


@pytest.mark.parametrize(
    "text",
    [
        "上年结转申请3件。",
        "含上年度结转申请 3 件。",
        "其中结转上年度申请3件。",
        "本年度共收到申请6件，办结6件（含上一年度结转3件，另有1件顺延到下年度）。",
        "收到自然人申请5件法人或其他组织申请1件，办结6件。",
        "受理行政复议申请2件。",
    ],
)
def test_a_figure_carried_in_or_governed_by_another_phrase_is_no_claim(text: str) -> None:
    assert _restated(text) == []


@pytest.mark.parametrize(
    ("text", "code", "quoted"),
    [
        ("结转至下一年度2件。", "ZW313", "结转至下一年度2件。"),
        ("另有 2 件顺延至下年度办理。", "ZW313", "另有 2 件顺延至下年度办理。"),
        ("共收到申请6件办结5件，结转下年度1件。", "ZW312", "共收到申请6件办结5件，结转下年度1件。"),
        (
            "收到申请6件，其中上年结转1件、结转下年度3件。",
            "ZW313",
            "收到申请6件，其中上年结转1件、结转下年度3件。",
        ),
    ],
)
def test_each_figure_is_bound_to_the_phrase_that_governs_it(text: str, code: str, quoted: str) -> None:
    ((found, message),) = _restated(text)
    assert found == code
    assert message.startswith(f"总体情况中写“{quoted}”")


def test_a_long_sentence_is_quoted_by_its_clause_and_never_from_inside_a_number() -> None:
    filler = "本机关持续深化政务公开工作，" * 4
    clause = (
        f"{filler}2024 年全市共受理申请 6 件，答复 6 件（含上年度结转申请 1 件，另有 3 件顺延到下年度答复）。"
    )
    ((_, by_clause),) = _restated(clause)
    assert "写“另有 3 件顺延到下年度答复”（结转下年度的申请 3 件）" in by_clause
    unbroken = "本机关在过去一年里面向社会公众持续深入广泛开展各项政府信息公开工作并在此基础上不断推进"
    ((_, window),) = _restated(
        f"{unbroken}于20240101日起另有顺延的申请2件并继续按照规定认真地办理完毕各项工作。"
    )
    assert "写“20240101日起另有顺延的申请2件并继续按照规" in window


@pytest.mark.parametrize(
    ("said", "code", "figure"),
    [
        ("本年度共收到政府信息公开申请三件", "ZW311", "3 件，由中文数字“三”读出"),
        ("本年度共收到政府信息公开申请十二件", "ZW311", "12 件，由中文数字“十二”读出"),
        ("办结零件", "ZW312", "0 件，由中文数字“零”读出"),
        ("结转下年度两件", "ZW313", "2 件，由中文数字“两”读出"),
    ],
)
def test_figures_in_chinese_numerals_are_read_in_the_text(said: str, code: str, figure: str) -> None:
    ((found, message),) = _restated(f"{said}。")
    assert found == code
    assert f"的申请 {figure}）" in message


def test_figures_in_chinese_numerals_that_agree_say_nothing() -> None:
    assert _restated("本年度共收到政府信息公开申请六件，办结六件，结转下年度一件。其中自然人申请五件。") == []


def test_figures_in_full_width_digits_are_read_in_the_text() -> None:
    ((found, message),) = _restated("本年度共收到政府信息公开申请９件。")
    assert found == "ZW311"
    assert "申请９件" in message and "的申请 9 件）" in message
    assert _restated("本年度共收到政府信息公开申请６件，办结６件，结转下年度１件。其中自然人申请５件。") == []


def test_fee_notices_against_applications_dropped_for_unpaid_fees() -> None:
    report = with_cell(consistent_report(), "requests.other_handling.overdue_fee.natural_person", 2)
    report = with_cell(report, "requests.other_handling.overdue_fee.total", 2)
    report = with_cell(report, "requests.other_handling.other.natural_person", 0)
    none = attrs.evolve(report, other_matters=TextSection(("本年度未发出收费通知，未收取信息处理费。",)))
    assert codes(zwgk.check(none), "ZW315") == {"ZW315"}
    sent = attrs.evolve(report, other_matters=TextSection(("本年度发出收费通知2件，收取信息处理费0元。",)))
    assert codes(zwgk.check(sent), "ZW31") == set()
    zero = attrs.evolve(report, other_matters=TextSection(("本年度收费通知０件。",)))
    assert codes(zwgk.check(zero), "ZW315") == {"ZW315"}


def test_structure_of_a_report_built_in_code() -> None:
    report = attrs.evolve(consistent_report(), review=None, unplaced=(Unplaced("7 8", "requests"),))
    found = zwgk.check(report)
    assert [d.code for d in found] == ["ZW203", "ZW231"]
    assert "政府信息公开行政复议、行政诉讼情况" in found[0].message


def test_a_parsed_report_does_not_repeat_what_its_reading_found() -> None:
    report = zwgk.parse("某县2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n")
    found = zwgk.check(report)
    assert found[: len(report.diagnostics)] == list(report.diagnostics)
    assert codes(report.diagnostics, "ZW203") == {"ZW203"}
    assert [d.code for d in found[len(report.diagnostics) :]] == []


def test_findings_point_at_the_source_line() -> None:
    report = zwgk.parse_file(ROOT / "tests/fixtures/seeds/004_9208575a96190eff.txt")
    (said,) = [d for d in zwgk.check(report) if d.code == "ZW311"]
    assert said.line == 8
    lines = (ROOT / "tests/fixtures/seeds/004_9208575a96190eff.txt").read_text(encoding="utf-8").splitlines()
    assert "收到公民申请公开政府信息0件" in lines[said.line - 1]
    broken = with_cell(report, "requests.granted.total", 5)
    (row_total,) = [d for d in zwgk.check(broken) if d.code == "ZW303"]
    assert "予以公开" in lines[row_total.line - 1]


# ---- across years


def test_carried_over_across_years() -> None:
    earlier, later = consistent_report(2020), consistent_report(2021)
    assert zwgk.check_series([later, earlier]) == [[], []]
    broken = with_cell(later, "requests.carried_over.natural_person", 2)
    found = zwgk.check_series([earlier, broken])
    assert found[0] == []
    assert [d.code for d in found[1]] == ["ZW305"]
    assert found[1][0].paths == ("requests.carried_over.natural_person",)
    assert "2020 年表三“结转下年度继续办理”“自然人”为 1，2021 年“上年结转”为 2" in found[1][0].message


def test_series_compares_only_the_same_organ_in_consecutive_years() -> None:
    other = with_cell(consistent_report(2021, "另一个县人民政府"), "requests.carried_over.total", 9)
    gap = with_cell(consistent_report(2023), "requests.carried_over.total", 9)
    assert zwgk.check_series([consistent_report(2020), other, gap]) == [[], [], []]


def test_series_that_cannot_be_checked() -> None:
    unknown = attrs.evolve(consistent_report(), year=None)
    twice = [consistent_report(2020), consistent_report(2020), consistent_report(2021)]
    assert [d.code for d in zwgk.check_series([unknown])[0]] == ["ZW390"]
    assert [[d.code for d in f] for f in zwgk.check_series(twice)] == [[], [], ["ZW390"]]
    blank = with_cell(consistent_report(2021), "requests.carried_over.research", None)
    (finding,) = zwgk.check_series([consistent_report(2020), blank])[1]
    assert finding.code == "ZW390" and "科研机构" in finding.message


# ---- generated reports


RULES_OF_REQUEST_ROW = {
    "new_received": {"ZW301", "ZW303"},
    "carried_over": {"ZW301", "ZW303"},
    "carried_forward": {"ZW301", "ZW303"},
    "total": {"ZW301", "ZW302", "ZW303"},
}


@st.composite
def broken_cell(draw: st.DrawFn, report: Report) -> tuple[str, set[str]]:
    """A cell of ``report``'s tables and the rules that cover it."""
    if (report.requests is not None and draw(st.booleans())) or report.review is None:
        assert report.requests is not None
        leaf = draw(st.sampled_from(request_leaves(table_format(report.requests))))
        column = draw(st.sampled_from(REQUEST_COLUMNS))
        rules = RULES_OF_REQUEST_ROW.get(leaf.path, {"ZW302", "ZW303"})
        return f"requests.{leaf.path}.{column.field}", rules
    group = draw(st.sampled_from(REVIEW_GROUPS))
    column = draw(st.sampled_from(REVIEW_COLUMNS))
    return f"review.{group.field}.{column.field}", {"ZW304"}


@given(reports(consistent=True))
def test_a_generated_consistent_report_has_no_error(report: Report) -> None:
    assert errors(zwgk.check(report)) == []
    assert codes(zwgk.check(report), "ZW390") == set()


@given(st.data(), reports(consistent=True).filter(lambda r: r.requests or r.review), st.integers(1, 9))
def test_breaking_one_generated_cell_fails_the_rules_that_cover_it(
    data: st.DataObject, report: Report, delta: int
) -> None:
    path, rules = data.draw(broken_cell(report))
    found = errors(zwgk.check(with_cell(report, path, cell(report, path) + delta)))
    assert {d.code for d in found} == rules
    assert all(path in d.paths for d in found)


# ---- the code catalogue


def test_every_code_is_documented_and_every_documented_code_is_emitted() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "src/zwgk").rglob("*.py") if p.name != "codes.py"
    )
    emitted = set(re.findall(r'"(ZW\d{3})"', source))
    assert emitted == set(CODES)


def test_diagnostics_page_is_current() -> None:
    assert (ROOT / "docs/diagnostics.md").read_text(encoding="utf-8") == document()


def test_a_finding_names_each_cell_once() -> None:
    report = zwgk.parse_file(zwgk.sample_path())  # the overview says 0 applications; table 三 has 1
    (said,) = [d for d in zwgk.check(report) if d.code == "ZW311"]
    assert len(said.paths) == len(set(said.paths))
