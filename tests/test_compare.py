"""zwgk.compare over the 平潭 series 2019→2025, which spans both formats; figures as a person read them
off the pages (``*.expected.json``), never zwgk's output pasted."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import zwgk
from tests.expected import Expectation, load, source_of
from zwgk.comparison import CellChange, Comparison, Presence
from zwgk.comparison.records import comparison_csv, comparison_json
from zwgk.comparison.text import comparison_text

PINGTAN = Path(__file__).parent / "fixtures" / "corpus" / "pingtan"
EXPECTED = sorted(PINGTAN.glob("20*_page.expected.json"))
YEARS = [int(p.name[:4]) for p in EXPECTED]


@pytest.fixture(scope="module")
def series() -> dict[int, tuple[zwgk.Report, Expectation]]:
    return {int(p.name[:4]): (zwgk.parse_file(source_of(p)), load(p)) for p in EXPECTED}


def _cell(comparison: Comparison, table: str, row: str, column: str) -> CellChange:
    """The cell at ``row``/``column`` of either format."""
    found = [
        c
        for c in comparison.table(table)
        if any(
            p is not None and (p.path, p.column.field) == (row, column) for p in (c.old_place, c.new_place)
        )
    ]
    assert len(found) == 1, (table, row, column)
    return found[0]


def test_the_series_spans_both_formats(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    assert list(range(2019, 2026)) == YEARS
    assert {y: r.template for y, (r, _) in series.items()} == {
        y: zwgk.Template.V2019 if y < 2021 else zwgk.Template.V2021 for y in YEARS
    }


@pytest.mark.parametrize("year", YEARS[1:])
def test_each_year_against_the_last_has_the_figures_a_person_read(
    series: dict[int, tuple[zwgk.Report, Expectation]], year: int
) -> None:
    (old, old_read), (new, new_read) = series[year - 1], series[year]
    comparison = zwgk.compare(old, new)
    assert comparison.same_organ and comparison.consecutive
    assert not any("同一机关" in n or "相邻" in n for n in comparison.notes)
    checked = 0
    for cell in comparison.cells:
        read = []
        for place, expectation, got in (
            (cell.old_place, old_read, cell.old),
            (cell.new_place, new_read, cell.new),
        ):
            value = (
                expectation.cells.get(f"{place.table}.{place.path}.{place.column.field}") if place else None
            )
            if value is not None:
                assert got == value, (place, got, value)
                checked += 1
            read.append(value)
        if cell.presence is Presence.BOTH and None not in read:
            assert cell.change == read[1] - read[0]
    assert checked > 300  # tables 三 and 四 are legible in every year: 2 × (23 or 25 rows × 7 + 15)


def test_the_format_change_row_by_row(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    comparison = zwgk.compare(series[2020][0], series[2021][0])
    # table 三: （六）其他处理 is one row in 2020, three in 2021; none is forced onto another
    other_2020 = _cell(comparison, "requests", "other_handling", "total")
    assert (other_2020.presence, other_2020.old, other_2020.new) == (Presence.OLD_ONLY, 4, None)
    assert other_2020.change is None
    sub_rows = [c for c in comparison.table("requests") if c.place.path.startswith("other_handling.")]
    assert {c.presence for c in sub_rows} == {Presence.NEW_ONLY} and len(sub_rows) == 3 * 7
    assert _cell(comparison, "requests", "other_handling.other", "natural_person").new == 1
    # the 2019 row comes before the 2021 sub-rows, and all before （七）总计
    paths = list(dict.fromkeys(c.place.path for c in comparison.table("requests")))
    assert paths[paths.index("other_handling") :][:5] == [
        "other_handling",
        "other_handling.overdue_correction",
        "other_handling.overdue_fee",
        "other_handling.other",
        "total",
    ]
    # every other row of table 三, and table 四, in both
    assert {c.presence for c in comparison.cells if c.table == "review"} == {Presence.BOTH}
    assert sum(c.presence is Presence.BOTH for c in comparison.table("requests")) == 22 * 7
    # table 二: 本年新制作数量 is 本年制发件数 (0 → 0); 处理决定数量 is 本年处理决定数量, blank in 2020
    made = _cell(comparison, "active", "regulations", "issued")
    assert made.old_place is not None and made.old_place.column.field == "made"
    assert (made.old, made.new, made.change) == (0, 0, 0)
    licensing = _cell(comparison, "active", "licensing", "decisions")
    assert (licensing.presence, licensing.old, licensing.new, licensing.change) == (
        Presence.BOTH,
        None,
        2293,
        None,
    )
    assert licensing.changed
    # 对外公开总数量 (7 in 2020) is not 现行有效件数; the fee items are not the fee amount
    assert _cell(comparison, "active", "regulations", "total_published").presence is Presence.OLD_ONLY
    assert _cell(comparison, "active", "regulations", "in_force").presence is Presence.NEW_ONLY
    assert [(c.place.column.field, c.presence) for c in comparison.cells if c.place.path == "fees"] == [
        ("previous", Presence.OLD_ONLY),
        ("change", Presence.OLD_ONLY),
        ("amount", Presence.NEW_ONLY),
    ]
    assert _cell(comparison, "active", "fees", "change").old == -15
    assert {c.presence for c in comparison.cells if c.place.path in ("other_services", "procurement")} == {
        Presence.OLD_ONLY
    }
    assert sum("格式不同" in note for note in comparison.notes) == 2  # 表二, 表三; 表四 is the same


def test_changes_are_exact_and_a_change_from_zero_has_no_ratio(
    series: dict[int, tuple[zwgk.Report, Expectation]],
) -> None:
    comparison = zwgk.compare(series[2020][0], series[2021][0])
    received = _cell(comparison, "requests", "new_received", "natural_person")  # 20 → 64
    assert (received.old, received.new, received.change, received.relative) == (20, 64, 44, Fraction(11, 5))
    partly = _cell(comparison, "requests", "partially_granted", "total")  # 6 → 5
    assert (partly.change, partly.relative) == (-1, Fraction(-1, 6))
    welfare = _cell(comparison, "requests", "new_received", "social_welfare")  # 0 → 2
    assert (welfare.change, welfare.relative) == (2, None)
    unchanged = _cell(comparison, "requests", "new_received", "research")  # 0 → 0
    assert (unchanged.change, unchanged.relative, unchanged.changed) == (0, None, False)
    fees = _cell(zwgk.compare(series[2021][0], series[2022][0]), "active", "fees", "amount")
    assert str(fees.change) == "-15135.951082"  # 24252.311082 → 9116.36 万元, exactly
    assert fees.relative == Fraction("-15135.951082") / Fraction("24252.311082")


def test_reprs_are_one_line(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    comparison = zwgk.compare(series[2020][0], series[2021][0])
    assert repr(comparison).startswith(
        "Comparison(平潭综合实验区 2020 (2019) → 平潭综合实验区 2021 (2021), cells="
    )
    received = _cell(comparison, "requests", "new_received", "natural_person")
    assert repr(received) == "CellChange(requests 本年新收.自然人: 20 → 64)"
    published = _cell(comparison, "active", "regulations", "published")  # 本年新公开数量: 2019 only
    assert repr(published).endswith(" → (none))")


def test_a_blank_stays_blank(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    old, new = series[2021][0], series[2022][0]
    assert old.requests is not None
    blanked = attrs.evolve(
        old, requests=attrs.evolve(old.requests, granted=attrs.evolve(old.requests.granted, total=None))
    )
    cell = _cell(zwgk.compare(blanked, new), "requests", "granted", "total")
    assert (cell.old, cell.change, cell.relative, cell.changed) == (None, None, None, True)


def test_the_carry_over_between_consecutive_years(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    carried = zwgk.compare(series[2021][0], series[2022][0]).carry_over
    assert carried is not None
    # 2021 四、结转下年度继续办理 1 0 0 0 0 0 1; 2022 二、上年结转 1 0 0 0 0 0 1
    assert [(c.column.field, c.carried_forward, c.carried_over, c.holds) for c in carried][::6] == [
        ("natural_person", 1, 1, True),
        ("total", 1, 1, True),
    ]
    for year in YEARS[1:]:
        found = zwgk.compare(series[year - 1][0], series[year][0]).carry_over
        assert found is not None and all(c.holds for c in found), year
    old, new = series[2021][0], series[2022][0]
    assert new.requests is not None
    broken = attrs.evolve(
        new,
        requests=attrs.evolve(new.requests, carried_over=attrs.evolve(new.requests.carried_over, total=2)),
    )
    carried = zwgk.compare(old, broken).carry_over
    assert carried is not None and [c.holds for c in carried][-1] is False
    assert [d.code for d in zwgk.check_series([old, broken])[1]] == ["ZW305"]  # the same rule


def test_diagnostics_that_appear_and_disappear(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    # 2020's table 三 does not add up (results 27 against （七）总计 21): ZW302 in 2020 only
    appeared = zwgk.compare(series[2019][0], series[2020][0]).appeared
    disappeared = zwgk.compare(series[2020][0], series[2021][0]).disappeared
    for found in (appeared, disappeared):
        assert [d.message for d in found if d.code == "ZW302"] == [
            "表三“自然人”列：各项办理结果之和为 26，（七）总计为 20",
            "表三“总计”列：各项办理结果之和为 27，（七）总计为 21",
        ]
    same = zwgk.compare(series[2022][0], series[2022][0])
    assert (same.appeared, same.disappeared, same.changed) == ((), (), ())


def test_other_organs_and_years_are_compared_with_a_note(
    series: dict[int, tuple[zwgk.Report, Expectation]],
) -> None:
    comparison = zwgk.compare(series[2019][0], series[2021][0])
    assert not comparison.consecutive and comparison.carry_over is None
    assert any("不是相邻年度" in note for note in comparison.notes)
    other = attrs.evolve(series[2022][0], organ="福州市人民政府")
    comparison = zwgk.compare(series[2021][0], other)
    assert not comparison.same_organ and any("不是同一机关" in note for note in comparison.notes)
    assert comparison.carry_over is not None  # still the year after
    renamed = attrs.evolve(series[2022][0], organ="平潭综合实验区管委会")
    assert zwgk.compare(
        series[2021][0], renamed, organs={"平潭综合实验区管委会": "平潭综合实验区"}
    ).same_organ


def test_indicators_side_by_side(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    comparison = zwgk.compare(series[2020][0], series[2021][0])
    shares = {i.name: i for i in comparison.indicators}
    assert [i.name for i in comparison.indicators] == [i.name for i in zwgk.INDICATORS]
    carried = shares["carried_forward_share"]  # 2020 carried nothing forward, 2021 one application
    assert carried.old == 0
    assert carried.change == carried.new  # from 0


def test_renderings(series: dict[int, tuple[zwgk.Report, Expectation]]) -> None:
    comparison = zwgk.compare(series[2020][0], series[2021][0])
    text = comparison_text(comparison)
    assert "本年新收.自然人：20 → 64（+44，+220.0%）" in text
    assert "本年新收.社会公益组织：0 → 2（+2）" in text  # no ratio from 0
    assert "本年新收.科研机构" not in text and "本年新收.科研机构：0 → 0" in comparison_text(
        comparison, everything=True
    )
    document = json.loads(comparison_json(comparison))
    record = next(
        c for c in document["cells"] if c["row"] == "new_received" and c["column"] == "natural_person"
    )
    assert record | {"name": None} == {
        "table": "requests",
        "row": "new_received",
        "column": "natural_person",
        "old_row": "new_received",
        "old_column": "natural_person",
        "name": None,
        "presence": "both",
        "old": 20,
        "new": 64,
        "change": 44,
        "relative": "11/5",
        "relative_percent": 220.0,
    }
    licensing = next(c for c in document["cells"] if c["row"] == "licensing" and c["column"] == "decisions")
    assert (licensing["old"], licensing["change"], licensing["relative"]) == (None, None, None)
    rows = list(csv.DictReader(io.StringIO(comparison_csv(comparison, everything=True))))
    assert {r["part"] for r in rows} == {"cell", "carry_over", "indicator", "appeared", "disappeared"}
    assert sum(r["part"] == "cell" for r in rows) == len(comparison.cells)
    blank = next(r for r in rows if r["row"] == "licensing" and r["column"] == "decisions")
    assert (blank["old"], blank["change"]) == ("", "")


def test_the_command(tmp_path: Path) -> None:
    old, new = (str(source_of(PINGTAN / f"{y}_page.expected.json")) for y in ("2020_80595", "2021_80613"))
    run = [sys.executable, "-m", "zwgk", "compare", old, new]
    shown = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "本年新收.总计：21 → 70" in shown
    out = tmp_path / "diff.html"
    subprocess.run([*run, "--format", "html", "-o", str(out)], check=True)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and not re.search(
        r"<script|\b(?:src|href)=|url\(|@import", page
    )
    failed = subprocess.run([*run[:-1], str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert failed.returncode == 2 and "missing.txt" in failed.stderr and "Traceback" not in failed.stderr


def test_import_zwgk_leaves_the_comparison_out() -> None:
    code = (
        "import sys, zwgk; print('zwgk.comparison' in sys.modules);"
        "import zwgk.comparison.html; print(callable(zwgk.compare), zwgk.Comparison.__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "Comparison"]
