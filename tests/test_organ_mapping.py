"""A person's mapping of organ names, from a file: ``zwgk.organ_mapping`` and ``--organs FILE`` of
``check --series``, ``compare`` and ``summary``, over the 洪泽 reports, which name their organ
洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import zwgk
from zwgk.cli import main
from zwgk.organ_mapping import MAX_ORGAN_MAPPING_BYTES, read_organ_mapping
from zwgk.summary import summarise

from .handmade import with_cell

HONGZE = Path(__file__).parent / "fixtures" / "corpus" / "hongze"
REPORTS = [str(HONGZE / f"hzq{year}_working.pdf") for year in (2023, 2024)]
HONGZE_MAPPING = {"淮安市洪泽区人民政府": "洪泽区人民政府"}


def _file(folder: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return str(path)


@pytest.fixture
def mapping_file(tmp_path: Path) -> str:
    return _file(tmp_path, "organs.json", '{"淮安市洪泽区人民政府": "洪泽区人民政府"}')


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("organs.json", '{"淮安市洪泽区人民政府": "洪泽区人民政府"}', "utf-8"),
        ("organs.json", '\ufeff{ "淮安市洪泽区人民政府" : " 洪泽区人民政府 " }\n', "utf-8"),
        ("organs.txt", '{"淮安市洪泽区人民政府": "洪泽区人民政府"}', "utf-8"),  # JSON by its first character
        ("organs.csv", "淮安市洪泽区人民政府,洪泽区人民政府\n", "utf-8"),
        ("organs.csv", "name,canonical\r\n淮安市洪泽区人民政府,洪泽区人民政府\r\n", "utf-8"),
        ("organs.csv", "\ufeff名称,规范名称\n\n淮安市洪泽区人民政府 , 洪泽区人民政府,,\n,,\n", "utf-8"),
        ("organs.csv", "名称,规范名称\r\n淮安市洪泽区人民政府,洪泽区人民政府\r\n", "gb18030"),  # Excel's CSV
        ("organs.csv", '"淮安市洪泽区人民政府","洪泽区人民政府"\n', "utf-16"),
    ],
)
def test_each_form_reads_as_the_same_mapping(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    assert read_organ_mapping(_file(tmp_path, name, text, encoding)) == HONGZE_MAPPING


def test_several_names_in_the_files_order(tmp_path: Path) -> None:
    text = "淮安市洪泽区人民政府,洪泽区人民政府\n洪泽区政府,洪泽区人民政府\n长春新区管委会,长春新区\n"
    assert list(read_organ_mapping(_file(tmp_path, "organs.csv", text)).items()) == [
        ("淮安市洪泽区人民政府", "洪泽区人民政府"),
        ("洪泽区政府", "洪泽区人民政府"),  # another name of one organ, mapped alike: no contradiction
        ("长春新区管委会", "长春新区"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "problems"),
    [
        ("organs.json", '["淮安市洪泽区人民政府", "洪泽区人民政府"]', ["而是数组（not an object）"]),
        ("organs.json", '"洪泽区人民政府"', ["而是字符串（not an object）"]),
        (
            "organs.json",
            '{"淮安市洪泽区人民政府": "洪泽区人民政府",}',
            ["不是有效的 JSON：第 1 行第 26 列"],
        ),  # the } after the comma
        (
            "organs.json",
            '{"淮安市洪泽区人民政府": 1, "洪泽区": ["洪泽区人民政府"], "洪泽": null}',
            [
                "“淮安市洪泽区人民政府”：规范名称应为字符串，而是数字",
                "“洪泽区”：规范名称应为字符串，而是数组",
                "“洪泽”：规范名称应为字符串，而是空值 null",
            ],
        ),
        ("organs.json", '{" ": "洪泽区人民政府", "洪泽区": ""}', ["“ ”：名称为空", "“洪泽区”：规范名称为空"]),
        ("organs.json", "{}", ["没有列出任何机关名称"]),
        (
            "organs.json",
            '{"洪泽区政府": "洪泽区人民政府", "洪泽区人民政府": "淮安市洪泽区人民政府"}',
            ["“洪泽区政府”与“洪泽区人民政府”是同一机关（洪泽区），对照的规范名称却不同"],
        ),
        (
            "organs.csv",
            "name,canonical\n淮安市洪泽区人民政府\n洪泽区,洪泽区人民政府,淮安市\n,洪泽区人民政府\n",
            [
                "第 2 行：应为两个单元格（名称，规范名称），而是 1 个（",
                "第 3 行：应为两个单元格（名称，规范名称），而是 3 个",
                "第 4 行：名称为空",
            ],
        ),
        (
            "organs.csv",
            "淮安市洪泽区人民政府，洪泽区人民政府\n",
            ["第 1 行：应为两个单元格（名称，规范名称），而是 1 个；单元格以英文逗号 , 分隔"],
        ),
        (
            "organs.csv",
            "淮安市洪泽区人民政府,洪泽区人民政府\n淮安市 洪泽区 人民政府,淮安市洪泽区\n",
            ["第 1 行与第 2 行是同一机关（淮安市洪泽区），对照的规范名称却不同"],
        ),
        ("organs.csv", "name,canonical\n\n", ["没有列出任何机关名称"]),
    ],
)
def test_unusable_files_are_refused_naming_each_problem(
    tmp_path: Path, name: str, text: str, problems: list[str]
) -> None:
    path = _file(tmp_path, name, text)
    with pytest.raises(zwgk.OrganMappingError) as raised:
        read_organ_mapping(path)
    assert raised.value.path == path and str(raised.value).startswith(f"机关名称对照表 {path} 无法使用")
    assert len(raised.value.problems) == len(problems)
    for found, expected in zip(raised.value.problems, problems, strict=True):
        assert expected in found


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    large = tmp_path / "large.csv"
    large.write_bytes(b"a,b\n" * (MAX_ORGAN_MAPPING_BYTES // 4 + 1))
    with pytest.raises(zwgk.InputTooLargeError, match=r"large\.csv"):
        read_organ_mapping(large)
    with pytest.raises(zwgk.ZwgkError, match=r"missing\.csv"):
        read_organ_mapping(tmp_path / "missing.csv")
    binary = tmp_path / "organs.csv"
    binary.write_bytes(b"\x00\x01\x02PK" * 100)
    with pytest.raises(zwgk.OrganMappingError, match=r"organs\.csv"):
        read_organ_mapping(binary)


def test_check_series_takes_the_mapping(
    tmp_path: Path, mapping_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    series = ["check", "--series", "--select", "ZW305,ZW390"]
    # both years carry nothing over, as printed: one organ now, and its 结转 holds
    assert main([*series, "--organs", mapping_file, *REPORTS]) == 0
    assert capsys.readouterr().out == ""
    # 2024 made to say it carried 1 over: checked only when the mapping makes the two one organ
    broken = with_cell(zwgk.parse_file(REPORTS[1]), "requests.carried_over.total", 1)
    later = tmp_path / "2024.json"
    later.write_text(zwgk.to_json(broken), encoding="utf-8")
    assert main([*series, REPORTS[0], str(later)]) == 0
    assert capsys.readouterr().out == ""
    assert main([*series, "--organs", mapping_file, REPORTS[0], str(later)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{later}: ZW305 error ")
    assert line.endswith("2023 年表三“结转下年度继续办理”“总计”为 0，2024 年“上年结转”为 1")


def test_check_takes_a_mapping_only_with_series(
    mapping_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--organs", mapping_file, *REPORTS]) == 2
    assert "--organs 只用于 --series" in capsys.readouterr().err


def test_compare_says_same_organ(mapping_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--format", "json", *REPORTS]) == 0
    assert json.loads(capsys.readouterr().out)["same_organ"] is False
    assert main(["compare", "--organs", mapping_file, *REPORTS]) == 0
    text = capsys.readouterr().out
    assert "不是同一机关" not in text
    assert "比较：洪泽区人民政府 2023 年（2021 年格式） → 淮安市洪泽区人民政府 2024 年" in text
    assert "本年新收.总计：21 → 95" in text  # as printed, 2023 and 2024
    assert "“结转下年度继续办理” → 2024 年“上年结转”" in text


def test_summary_names_the_canonical_organ(mapping_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--format", "json", "-q", "--organs", mapping_file, *REPORTS]) == 0
    rows = json.loads(capsys.readouterr().out)["reports"]
    assert [(r["organ"], r["canonical_organ"]) for r in rows] == [
        ("洪泽区人民政府", None),  # the mapping does not list it: its name is its own
        ("淮安市洪泽区人民政府", "洪泽区人民政府"),
    ]
    assert main(["summary", "-q", "--organs", mapping_file, *REPORTS]) == 0
    header, first, second, *_ = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["来源", "机关", "规范机关名称"]
    assert first.split()[1:3] == ["洪泽区人民政府", "2023"]  # no canonical name: the cell is blank
    assert second.split()[1:3] == ["淮安市洪泽区人民政府", "洪泽区人民政府"]
    assert main(["summary", "-q", *REPORTS]) == 0
    assert "规范机关名称" not in capsys.readouterr().out  # no mapping, no such column in the text


@pytest.mark.filterwarnings("ignore:Glyph")
def test_the_charts_draw_one_organ(tmp_path: Path) -> None:
    from zwgk.plot import plot

    reports = [zwgk.parse_file(path) for path in REPORTS]
    assert len(plot(summarise(reports), tmp_path / "two").organs) == 2
    drawn = plot(summarise(reports, HONGZE_MAPPING), tmp_path / "one")
    assert list(drawn.organs.values()) == ["洪泽区人民政府"]


@pytest.mark.parametrize(
    "command", [["compare", *REPORTS], ["summary", *REPORTS], ["check", "--series", *REPORTS]]
)
def test_an_unusable_file_exits_2_without_a_traceback(tmp_path: Path, command: list[str]) -> None:
    bad = _file(tmp_path, "organs.json", '{"淮安市洪泽区人民政府": 2024}')
    done = subprocess.run(
        [sys.executable, "-m", "zwgk", *command, "--organs", bad], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout == ""
    assert f"机关名称对照表 {bad} 无法使用" in done.stderr and "规范名称应为字符串，而是数字" in done.stderr
    assert "Traceback" not in done.stderr
