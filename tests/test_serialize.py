"""JSON and CSV as untrusted input, spreadsheet safety, and the shipped JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import zwgk

from .conftest import SEEDS

REPORT = zwgk.parse_file(SEEDS / "004_9208575a96190eff.txt")
DATA: dict[str, Any] = json.loads(zwgk.to_json(REPORT))
SCHEMA_FILE = Path(__file__).parent.parent / "docs" / "report.schema.json"


def problems_of(data: Any) -> list[str]:
    with pytest.raises(zwgk.InvalidJsonError) as caught:
        zwgk.from_json(json.dumps(data, ensure_ascii=False))
    return caught.value.problems


def changed(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(DATA)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return data


def test_json_keeps_decimals_exact_and_enums_as_values() -> None:
    report = zwgk.parse_file(Path(__file__).parent / "fixtures" / "canonical" / "golden-2021.txt")
    data = json.loads(zwgk.to_json(report))
    assert data["active"]["fees"]["amount"] == "9116.36"
    assert data["template"] == "2021"
    assert data["active"]["format"] == "2021"
    assert list(data)[:4] == ["title", "organ", "year", "template"]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            "requests.total.natural_person",
            "1",
            "$.requests.total.natural_person: expected an integer, got string",
        ),
        (
            "requests.total.natural_person",
            1.5,
            "$.requests.total.natural_person: expected an integer, got number",
        ),
        (
            "review.reconsideration.upheld",
            True,
            "$.review.reconsideration.upheld: expected an integer, got boolean",
        ),
        ("requests.total.total", 2**60, "$.requests.total.total: integer 1152921504606846976 is beyond"),
        ("year", 1800, "$.year: 1800 is below the minimum 1900"),
        ("title", 5, "$.title: expected a string, got integer"),
        ("preamble", "abc", "$.preamble: expected an array, got string"),
        ("active.procurement.amount", 1.5, "$.active.procurement.amount: expected a decimal number"),
        ("active.procurement.amount_unit", "美元", "$.active.procurement.amount_unit: '美元' is not one of"),
        ("active.format", "2030", '$.active: table 二 needs "format": "2019" or "2021"'),
        ("template", "2020", "$.template: invalid value for type, expected Template"),
        ("title", "景芝\ud800镇", "$.title: the text holds a lone surrogate U+D800 at character 3"),
        ("organ", "景\x00芝镇", "$.organ: the text holds a control character U+0000 at character 2"),
        ("preamble", ["a\x1bb"], "$.preamble[0]: the text holds a control character U+001B at character 2"),
    ],
)
def test_json_wrong_values_are_named_with_their_path(path: str, value: Any, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems_of(changed(path, value))), problems_of(
        changed(path, value)
    )


def test_json_unknown_keys_are_refused() -> None:
    data = changed("requests.total.bogus", 1)
    assert problems_of(data) == ["$.requests.total: extra fields found (bogus)"]


def test_json_escapes_of_lone_surrogates_are_refused_and_the_message_prints() -> None:
    data = changed("title", "\udcff")
    data["\ud800"] = 1  # an unknown key: named in the message, escaped
    found = problems_of(data)
    assert "$.title: the text holds a lone surrogate U+DCFF at character 1" in found
    assert "$: extra fields found (\\ud800)" in found
    with pytest.raises(zwgk.InvalidJsonError) as caught:
        zwgk.from_json(json.dumps(data))  # ASCII JSON: the surrogates as \u escapes
    str(caught.value).encode("utf-8")


def test_json_lists_every_problem_at_once() -> None:
    data = changed("year", 3000)
    data["title"] = 5
    data["diagnostics"][0]["code"] = "X1"
    assert len(problems_of(data)) == 3


@pytest.mark.parametrize("text", ["", "{", "[1]", '"x"', "[" * 100_000 + "]" * 100_000])
def test_json_that_is_no_report_object_is_refused(text: str) -> None:
    with pytest.raises(zwgk.InvalidJsonError):
        zwgk.from_json(text)


def test_schema_is_valid_and_current() -> None:
    schema = zwgk.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == schema, "docs/report.schema.json is stale: run `zwgk schema > docs/report.schema.json`"


def test_schema_describes_cells_with_the_official_labels() -> None:
    defs = zwgk.json_schema()["$defs"]
    assert defs["RequestRow"]["properties"]["natural_person"]["description"] == "自然人"
    assert defs["Withheld"]["properties"]["state_secret"]["description"] == "1.属于国家秘密"
    assert defs["Requests"]["properties"]["withheld"]["description"] == "（三）不予公开"
    assert defs["Active2021"]["properties"]["fees"]["description"] == "第二十条第（八）项 行政事业性收费"


def test_schema_rejects_what_from_json_rejects() -> None:
    validator = jsonschema.Draft202012Validator(zwgk.json_schema())
    for path, value in [("year", 1800), ("requests.total.total", "1"), ("requests.total.bogus", 1)]:
        assert not validator.is_valid(changed(path, value))


# --- CSV ---------------------------------------------------------------------------------------------


def test_csv_long_form_columns_and_records() -> None:
    text = zwgk.to_csv([REPORT], keys=["景芝镇-2019"])
    lines = text.splitlines()
    assert lines[0] == "report,organ,year,template,table,row,column,value"
    assert "景芝镇-2019,景芝镇,2019,2019,requests,unavailable.not_held,natural_person,1" in lines
    assert "景芝镇-2019,景芝镇,2019,2019,active,other_services,previous," in lines  # a blank cell


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "'quoted"])
def test_csv_text_cannot_run_as_a_formula_and_reads_back_unchanged(text: str) -> None:
    report = zwgk.Report(title=text, organ=text, overview=zwgk.TextSection((text,)))
    written = zwgk.to_csv([report])
    for line in written.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.strip('"').startswith(("=", "+", "-", "@")) or cell.lstrip('"').startswith("'")
    assert zwgk.from_csv(written) == [report]
    assert "'" + text.replace('"', '""') in zwgk.to_csv([report], wide=True)


def test_csv_wide_form_has_one_row_per_report_and_catalogue_columns() -> None:
    reports = [zwgk.parse_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(zwgk.to_csv(reports, wide=True))))
    assert len(rows) == 5
    assert rows[4]["requests.unavailable.not_held.natural_person"] == "1"
    assert rows[2]["requests.other_handling.overdue_fee.total"] == ""
    assert rows[1]["active.other_services.change"] == "-45"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b\n1,2\n", "CSV line 1: the columns must be"),
        (
            "report,organ,year,template,table,row,column,value\n1,x,2020,2019,requests,total,total,x\n",
            "CSV line 2",
        ),
        (
            "report,organ,year,template,table,row,column,value\n1,x,2020,2019,nonsense,a,b,c\n",
            "unknown table",
        ),
        (
            "report,organ,year,template,table,row,column,value\n1,x,2020,2019,requests,bogus,total,1\n",
            "bogus",
        ),
        (
            "report,organ,year,template,table,row,column,value\n1,x,2020,2019,report,title,,景\ud800\n",
            "CSV line 2, column value: the text holds a lone surrogate U+D800 at character 2",
        ),
        (
            "report,organ,year,template,table,row,column,value\n1,x\x00,2020,2019,report,title,,景\n",
            "CSV line 2, column organ: the text holds a control character U+0000 at character 2",
        ),
        (
            "report,organ,year,template,table,row,column,value\n"
            f"1,x,2020,2019,requests,total,total,{'9' * 5000}\n",
            "CSV line 2: expected a whole number",
        ),
    ],
)
def test_csv_that_is_no_report_is_refused(text: str, expected: str) -> None:
    with pytest.raises(zwgk.InvalidCsvError) as caught:
        zwgk.from_csv(text)
    assert expected in str(caught.value)
