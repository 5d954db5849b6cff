"""Every seed report parses exactly: metadata, every cell of tables 二, 三 and 四, each text section."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

import zwgk
from zwgk.catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS

from .conftest import SEEDS
from .seed_expectations import REQUEST_PATHS_2019, REQUEST_PATHS_2021
from .seed_expectations import SEEDS as EXPECTED

NAMES = sorted(EXPECTED)


@cache
def report(name: str) -> zwgk.Report:
    return zwgk.parse_file(SEEDS / name)


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def test_every_seed_has_expectations() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    expected, found = EXPECTED[name], report(name)
    assert (found.title, found.organ, found.year) == (expected["title"], expected["organ"], expected["year"])
    assert found.template is zwgk.Template(expected["template"])


@pytest.mark.parametrize("name", NAMES)
def test_table_2_every_cell(name: str) -> None:
    expected, active = EXPECTED[name], report(name).active
    assert active is not None
    expected_class = zwgk.Active2019 if expected["template"] == "2019" else zwgk.Active2021
    assert type(active) is expected_class
    for row, cells in expected["active"].items():
        for column, value in cells.items():
            assert getattr(getattr(active, row), column) == value, f"{row}.{column}"
            assert type(getattr(getattr(active, row), column)) is type(value), f"{row}.{column}"
    assert [(e.item, e.row, e.column, e.value) for e in active.extras] == expected["extras"]


@pytest.mark.parametrize("name", NAMES)
def test_table_3_every_cell(name: str) -> None:
    expected, requests = EXPECTED[name], report(name).requests
    assert requests is not None
    paths = REQUEST_PATHS_2019 if expected["template"] == "2019" else REQUEST_PATHS_2021
    assert list(expected["requests"]) == list(paths)
    for path, row in expected["requests"].items():
        found = _get(requests, path)
        assert tuple(getattr(found, c.field) for c in REQUEST_COLUMNS) == row, path


@pytest.mark.parametrize("name", NAMES)
def test_table_4_every_cell(name: str) -> None:
    review = report(name).review
    assert review is not None
    found = tuple(
        getattr(getattr(review, g.field or ""), c.field) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS
    )
    assert found == EXPECTED[name]["review"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("section", ["overview", "problems", "other_matters"])
def test_text_sections(name: str, section: str) -> None:
    first, last = EXPECTED[name][section]
    found = getattr(report(name), section)
    assert found is not None
    assert found.paragraphs[0].startswith(first)
    assert found.paragraphs[-1].endswith(last)


@pytest.mark.parametrize("name", NAMES)
def test_preamble(name: str) -> None:
    expected = EXPECTED[name]["preamble"]
    preamble = report(name).preamble
    if expected is None:
        assert preamble == ()
    else:
        first, last = expected
        assert preamble[0].startswith(first)
        assert preamble[-1].endswith(last)


@pytest.mark.parametrize("name", NAMES)
def test_nothing_unplaced_and_no_error(name: str) -> None:
    """Unplaced content only where a row printed more figures than its columns: what ZW222 dropped."""
    found = report(name)
    trimmed = {d.line for d in found.diagnostics if d.code == "ZW222"}
    assert {u.line for u in found.unplaced} <= trimmed
    assert not [d for d in found.diagnostics if d.severity is zwgk.Severity.ERROR]
