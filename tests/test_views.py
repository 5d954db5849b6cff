"""How a report shows itself: a short line in a terminal, its tables in Jupyter."""

from __future__ import annotations

import attrs

import zwgk


def test_repr_is_one_short_line() -> None:
    report = zwgk.parse_file(zwgk.sample_path())
    assert repr(report) == (
        "Report(organ='景芝镇', year=2019, template='2019', tables='二三四', diagnostics=1, unplaced=0)"
    )


def test_repr_stays_short_however_large_the_report() -> None:
    report = zwgk.parse_file(zwgk.sample_path())
    huge = attrs.evolve(
        report,
        organ="某" * 500,
        unplaced=tuple(zwgk.Unplaced("x" * 100, None, i) for i in range(10_000)),
    )
    assert len(repr(huge)) < 160 and "unplaced=10000" in repr(huge)


def test_jupyter_shows_the_tables() -> None:
    report = zwgk.parse_file(zwgk.sample_path())  # 2019 format: table 二 in five 第二十条 items
    shown = report._repr_html_()
    assert shown.startswith("<div>") and shown.count("<table") == 5 + 1 + 1
    assert shown.count("第二十条第（") == 5
    assert "1.本机关不掌握相关政府信息" in shown and "结果维持" in shown
    assert "景芝镇" in shown


def test_a_blank_cell_shows_as_a_dot_never_as_zero() -> None:
    report = zwgk.parse(
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t\t\t\t\t\t2"
    )
    shown = report._repr_html_()
    assert ">·</td>" in shown and "（未找到）" in shown
