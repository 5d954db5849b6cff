"""The standard indicators: on a report built by hand, and on every real fixture against the shares a
person computed from the printed cells (``fixtures/indicators.expected.json``)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import zwgk
from zwgk.indicator import OUTCOME_SHARES
from zwgk.model import RequestRow, Template

from .expected import source_of
from .handmade import consistent_report, with_cell

FIXTURES = Path(__file__).parent / "fixtures"


def test_indicators_of_a_report_built_by_hand() -> None:
    """6 handled: 4 granted, 1 in part, 1 not held; 1 carried forward of 5 + 1; 复议 2 cases, none corrected."""
    found = zwgk.indicators(consistent_report())
    assert list(found) == [i.name for i in zwgk.INDICATORS]
    assert found["granted_share"] == Fraction(5, 6)
    assert found["withheld_share"] == 0
    assert found["not_held_share"] == Fraction(1, 6)
    assert found["unavailable_share"] == Fraction(1, 6)
    assert found["carried_forward_share"] == Fraction(1, 7)
    assert found["reconsideration_correction_rate"] == 0
    assert found["litigation_correction_rate"] is None  # no case: 0 ÷ 0


def test_a_blank_is_no_zero() -> None:
    report = with_cell(consistent_report(), "requests.withheld.state_secret.total", None)
    found = zwgk.indicators(report)
    assert found["withheld_share"] is None
    assert found["withheld_state_secret_share"] is None
    assert found["withheld_prohibited_by_law_share"] == 0
    assert found["granted_share"] == Fraction(5, 6)
    assert zwgk.indicators(with_cell(report, "requests.total.total", None))["granted_share"] is None


def test_a_missing_table_gives_none() -> None:
    found = zwgk.indicators(attrs.evolve(consistent_report(), requests=None, review=None))
    assert set(found.values()) == {None}


def test_the_2019_format_has_one_other_handling_row() -> None:
    report = consistent_report()
    assert report.requests is not None
    requests = attrs.evolve(
        report.requests,
        granted=RequestRow(2, 1, 0, 0, 0, 0, 3),
        other_handling=RequestRow(1, 0, 0, 0, 0, 0, 1),
    )
    found = zwgk.indicators(attrs.evolve(report, template=Template.V2019, requests=requests))
    assert found["other_handling_share"] == Fraction(1, 6)
    assert found["granted_share"] == Fraction(4, 6)


def test_outcome_shares_part_the_total() -> None:
    found = zwgk.indicators(consistent_report())
    assert sum(found[name] or 0 for name in OUTCOME_SHARES) == 1


def test_each_indicator_is_named_and_explained_once() -> None:
    names = [i.name for i in zwgk.INDICATORS]
    assert len(set(names)) == len(names)
    assert len({i.label for i in zwgk.INDICATORS}) == len(names)
    by_name = {i.name: i for i in zwgk.INDICATORS}
    assert (
        by_name["granted_share"].formula
        == "表三（总计列）：（“（一）予以公开” + “（二）部分公开”） ÷ “（七）总计”"
    )
    assert "未经复议直接起诉·结果纠正" in by_name["litigation_correction_rate"].formula
    assert "复议后起诉·总计" in by_name["litigation_correction_rate"].formula


# ---- real fixtures


def _expected() -> dict[str, dict[str, str | None]]:
    data = json.loads((FIXTURES / "indicators.expected.json").read_text(encoding="utf-8"))
    reports: dict[str, dict[str, str | None]] = data["reports"]
    return reports


@pytest.mark.parametrize("fixture", sorted(_expected()))
def test_indicators_of_a_real_report(fixture: str) -> None:
    expected = {
        name: None if value is None else Fraction(value) for name, value in _expected()[fixture].items()
    }
    found = zwgk.indicators(zwgk.parse_file(FIXTURES / fixture))
    assert {n: found[n] for n in expected} == expected


def test_every_real_fixture_has_expected_indicators() -> None:
    pages = {
        p.with_name(p.name.replace(".truth.json", ".txt")) for p in (FIXTURES / "pages").glob("*.truth.json")
    }
    corpus = {source_of(p) for p in (FIXTURES / "corpus").glob("*/*.expected.json")}
    assert {p.relative_to(FIXTURES).as_posix() for p in pages | corpus} == set(_expected())
