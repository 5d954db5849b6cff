"""Every report survives each format and comes back equal: canonical text, JSON, CSV; and real copies'
noise does not change what is read. (The real reports among the fixtures: test_fixture_roundtrip.py.)"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import zwgk
from zwgk.strategies import LAYOUTS, flattened_text, noisy_text, reports

from .conftest import FIXTURES
from .expected import cell

GOLDEN = sorted((FIXTURES / "canonical").glob("golden-*.txt"))


@given(reports())
def test_canonical_text_round_trip(report: zwgk.Report) -> None:
    text = zwgk.to_text(report)
    assert zwgk.parse(text) == report
    assert zwgk.to_text(zwgk.parse(text)) == text  # canonical text is a fixed point


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_golden_canonical_text_is_a_fixed_point(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = zwgk.parse(text)
    assert zwgk.to_text(report) == text
    assert report.diagnostics == ()


@given(reports())
def test_json_round_trip_and_schema(report: zwgk.Report) -> None:
    text = zwgk.to_json(report)
    assert zwgk.from_json(text) == report
    jsonschema.validate(json.loads(text), zwgk.json_schema(), cls=jsonschema.Draft202012Validator)


@given(st.lists(reports(), max_size=3))
def test_csv_round_trip(many: list[zwgk.Report]) -> None:
    assert zwgk.from_csv(zwgk.to_csv(many)) == many
    rows = zwgk.to_csv(many, wide=True)
    assert rows.count("\n") >= len(many) + 1


def _tables(report: zwgk.Report) -> tuple[object, ...]:
    without_notes = [
        None if t is None else attrs.evolve(t, notes=())
        for t in (report.active, report.requests, report.review)
    ]
    return (report.title, report.organ, report.year, report.template, *without_notes)


@given(st.data())
def test_noisy_copies_read_as_the_report(data: st.DataObject) -> None:
    report = data.draw(reports())
    text = data.draw(noisy_text(report))  # layouts mixed, table by table
    assert _tables(zwgk.parse(text)) == _tables(report)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_each_layout_reads_as_the_report(layout: str, data: st.DataObject) -> None:
    report = data.draw(reports())
    text = data.draw(noisy_text(report, layouts=[layout], traditional=False))
    assert _tables(zwgk.parse(text)) == _tables(report)


@given(st.data())
def test_traditional_copies_with_pinyin_read_as_the_report(data: st.DataObject) -> None:
    report = data.draw(reports())
    text = data.draw(noisy_text(report, traditional=True))
    assert _tables(zwgk.parse(text)) == _tables(report)


@given(st.text(max_size=2000))
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(zwgk.ZwgkError):  # unusable input is refused with zwgk's own error
        assert isinstance(zwgk.parse(text), zwgk.Report)


@given(st.text(alphabet="一二三、（）0123456789\t| \n第条项总计行政许可规章-/无", max_size=400))
def test_parse_never_raises_on_table_like_text(text: str) -> None:
    with contextlib.suppress(zwgk.NotAReportError):  # no label, heading or title among the characters
        assert isinstance(zwgk.parse(text), zwgk.Report)


def _cells(table: object, prefix: str) -> Iterator[tuple[str, object]]:
    """``(path, value)`` of every figure of a table."""
    for field in attrs.fields(type(table)):
        value = getattr(table, field.name)
        if attrs.has(type(value)):
            yield from _cells(value, f"{prefix}.{field.name}")
        elif isinstance(value, int | Decimal):
            yield f"{prefix}.{field.name}", value


def _plain(report: zwgk.Report) -> zwgk.Report:
    """The report without table notes, unplaced content or table 二's extra cells."""
    tables = {
        name: attrs.evolve(table, notes=())
        for name in ("active", "requests", "review")
        if (table := getattr(report, name)) is not None
    }
    if "active" in tables:
        tables["active"] = attrs.evolve(tables["active"], extras=())
    return attrs.evolve(report, unplaced=(), **tables)


@given(st.data())
def test_flattened_copies_never_give_a_wrong_figure(data: st.DataObject) -> None:
    report = _plain(data.draw(reports(consistent=True)))
    sections = [s for s in ("overview", "active", "requests", "review", "problems", "other_matters")]
    assume(sum(getattr(report, s) is not None for s in sections) >= 2)  # one section is no run of them
    read = zwgk.parse(data.draw(flattened_text(report)))
    blank_lines = {d.line for d in read.diagnostics if d.code == "ZW229"}
    for name in ("active", "requests", "review"):
        table = getattr(report, name)
        if table is None:
            continue
        for path, value in _cells(table, name):
            got = cell(read, path)
            assert got == value or (got is None and blank_lines), path
    if report.requests is not None and report.review is not None:
        assert read.requests is not None and read.review is not None
