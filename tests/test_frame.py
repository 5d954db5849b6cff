"""zwgk.to_dataframe: one table of many reports, tidy or wide, and back through the long CSV."""

from __future__ import annotations

import io
import sys

import attrs
import pandas as pd
import pytest

import zwgk
from zwgk.catalogue import REQUEST_COLUMNS

from .conftest import SEEDS
from .seed_expectations import SEEDS as EXPECTED

NAMES = sorted(EXPECTED)


@pytest.fixture(scope="module")
def reports() -> list[zwgk.Report]:
    return [zwgk.parse_file(SEEDS / name) for name in NAMES]


def test_the_tidy_table_three_holds_every_cell_a_person_read(reports: list[zwgk.Report]) -> None:
    frame = zwgk.to_dataframe(reports, "requests", keys=NAMES)
    assert list(frame.columns) == ["report", "organ", "year", "template", "table", "row", "column", "value"]
    assert str(frame["value"].dtype) == "Int64" and str(frame["year"].dtype) == "Int64"
    fields = [c.field for c in REQUEST_COLUMNS]
    for name in NAMES:
        mine = frame[frame["report"] == name]
        for row, figures in EXPECTED[name]["requests"].items():
            found = mine[mine["row"] == row].set_index("column")["value"]
            assert [None if pd.isna(found[f]) else int(found[f]) for f in fields] == list(figures), (
                name,
                row,
            )


def test_a_blank_cell_is_missing_never_zero(reports: list[zwgk.Report]) -> None:
    frame = zwgk.to_dataframe(reports, "requests", keys=NAMES)
    # 大洼区西安镇 2021 fills only the 总计 column of table 三 (a person read blanks elsewhere)
    xian = frame[(frame["organ"] == "大洼区西安镇") & (frame["row"] == "new_received")].set_index("column")
    assert pd.isna(xian.loc["natural_person", "value"]) and xian.loc["total", "value"] == 0


def test_the_wide_form_has_a_row_per_report(reports: list[zwgk.Report]) -> None:
    wide = zwgk.to_dataframe(reports, "review", wide=True, keys=NAMES)
    assert list(wide.index) == NAMES
    assert list(wide.columns[:3]) == ["organ", "year", "template"]
    assert len(wide.columns) == 3 + 15 and "reconsideration.upheld" in wide.columns
    for name in NAMES:
        assert tuple(wide.loc[name].iloc[3:]) == EXPECTED[name]["review"]


@pytest.mark.parametrize("table", ["active", "requests", "review"])
def test_round_trip_with_the_long_csv(reports: list[zwgk.Report], table: str) -> None:
    frame = zwgk.to_dataframe(reports, table, keys=NAMES)
    back = zwgk.from_csv(frame.to_csv(index=False))
    for original, again in zip(reports, back, strict=True):
        mine, theirs = getattr(original, table), getattr(again, table)
        if isinstance(mine, zwgk.Active2019):  # the 采购 unit is text: JSON and the long CSV carry it
            mine = attrs.evolve(mine, procurement=attrs.evolve(mine.procurement, amount_unit=None))
        assert theirs == mine
    if table != "active":  # the long CSV of the same reports, read by pandas, holds the same records
        long = pd.read_csv(io.StringIO(zwgk.to_csv(reports, keys=NAMES)), dtype=str, keep_default_na=False)
        long = long[long["table"] == table].reset_index(drop=True)
        assert long["value"].tolist() == ["" if pd.isna(v) else str(v) for v in frame["value"]]
        keys = ["report", "row", "column"]
        assert long[keys].values.tolist() == frame[keys].values.tolist()


def test_an_unknown_table_is_refused(reports: list[zwgk.Report]) -> None:
    with pytest.raises(ValueError, match="requests"):
        zwgk.to_dataframe(reports, "table3")


def test_without_pandas_the_error_names_the_extra(
    reports: list[zwgk.Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(zwgk.MissingExtraError, match=r"zwgk\[pandas\]"):
        zwgk.to_dataframe(reports)
