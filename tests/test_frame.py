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


def test_table_two_keeps_counts_and_amounts_in_columns_of_their_own(reports: list[zwgk.Report]) -> None:
    frame = zwgk.to_dataframe(reports, "active", keys=NAMES)
    assert str(frame["value"].dtype) == "Int64" and str(frame["amount"].dtype) == "Float64"
    zhoujia = frame[frame["organ"] == "垫江县周嘉镇人民政府"].set_index(["row", "column"])
    assert zhoujia.loc[("other_services", "change"), "value"] == -45  # 其他对外管理服务事项 本年增/减
    assert zhoujia.loc[("licensing", "decisions"), "value"] == 1496
    assert zhoujia.loc[("procurement", "amount"), "amount"] == 0  # 政府集中采购 采购总金额 0
    assert pd.isna(zhoujia.loc[("procurement", "amount"), "value"])
    assert pd.isna(zhoujia.loc[("licensing", "decisions"), "amount"])
    jingzhi = frame[frame["organ"] == "景芝镇"].set_index(["row", "column"])
    assert pd.isna(jingzhi.loc[("other_services", "previous"), "value"])  # printed blank


def test_an_amount_keeps_its_decimals_and_an_extra_cell_is_an_amount() -> None:
    from decimal import Decimal

    fees = zwgk.Active2021(
        fees=zwgk.FeeAmount(Decimal("9116.36")),
        extras=(zwgk.ExtraCell("八", "行政事业性收费", "收费项目数", Decimal("3")),),
    )
    report = zwgk.Report(template=zwgk.Template.V2021, active=fees)
    tidy = zwgk.to_dataframe([report], "active").set_index(["row", "column"])
    assert tidy.loc[("fees", "amount"), "amount"] == 9116.36
    assert tidy.loc[("（八）行政事业性收费", "收费项目数"), "amount"] == 3
    wide = zwgk.to_dataframe([report], "active", wide=True)
    assert wide.loc["1", "fees.amount"] == 9116.36 and str(wide["fees.amount"].dtype) == "Float64"
    assert str(wide["licensing.decisions"].dtype) == "Int64" and pd.isna(wide.loc["1", "licensing.decisions"])
    assert zwgk.from_csv(zwgk.to_dataframe([report], "active").to_csv(index=False))[0].active == fees


@pytest.mark.parametrize("table", ["active", "requests", "review"])
def test_every_wide_column_has_one_numeric_type(reports: list[zwgk.Report], table: str) -> None:
    wide = zwgk.to_dataframe(reports, table, wide=True, keys=NAMES)
    types = {str(t) for t in wide.dtypes.iloc[3:]}
    assert types == ({"Int64", "Float64"} if table == "active" else {"Int64"})


def test_a_csv_cell_with_both_a_value_and_an_amount_is_refused() -> None:
    text = "report,organ,year,template,table,row,column,value,amount\n1,x,2020,2021,active,fees,amount,1,2\n"
    with pytest.raises(zwgk.InvalidCsvError, match="CSV line 2: a cell holds a value or an amount"):
        zwgk.from_csv(text)


def test_reports_read_from_files_are_named_by_their_paths(reports: list[zwgk.Report]) -> None:
    wide = zwgk.to_dataframe(reports, "review", wide=True)
    assert list(wide.index) == [str(SEEDS / name) for name in NAMES]
    twice = zwgk.to_dataframe([reports[0], reports[0]], "review", wide=True)  # one file, read twice
    assert list(twice.index) == [f"{SEEDS / NAMES[0]}#1", f"{SEEDS / NAMES[0]}#2"]
    assert list(zwgk.to_dataframe([zwgk.parse(zwgk.to_text(reports[0]))], "review", wide=True).index) == ["1"]
