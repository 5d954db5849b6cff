"""The command line, run as a user runs it."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import zwgk
from zwgk.cli import main

from .conftest import SEEDS
from .handmade import consistent_report, with_cell

RESULT_ROWS = [
    "granted",
    "partially_granted",
    *[f"withheld.{f.name}" for f in attrs.fields(zwgk.Withheld)],
    *[f"unavailable.{f.name}" for f in attrs.fields(zwgk.Unavailable)],
    *[f"not_processed.{f.name}" for f in attrs.fields(zwgk.NotProcessed)],
    *[f"other_handling.{f.name}" for f in attrs.fields(zwgk.OtherHandling)],
]


def test_parse_sample_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--sample"]) == 0
    out = capsys.readouterr().out
    assert "景芝镇2019年政府信息公开工作年度报告" in out
    assert "机关：景芝镇  年度：2019  格式：2019" in out


def test_parse_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS / "002_ec2c52ebd74edb1b.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["organ"], data["year"], data["template"]) == ("一平垣乡", 2023, "2021")
    assert data["active"]["format"] == "2021"
    assert data["active"]["licensing"]["decisions"] == 512
    assert data["requests"]["new_received"]["total"] is None


def test_several_files_as_json_make_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["parse", *files, "--format", "json"]) == 0
    assert [r["year"] for r in json.loads(capsys.readouterr().out)] == [2020, 2020, 2023, 2021, 2019]


def test_unusable_file_exits_2_and_the_rest_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert main(["parse", str(binary), str(SEEDS / "000_a590bb6f50b0561d.txt")]) == 2
    captured = capsys.readouterr()
    assert "binary.txt" in captured.err
    assert "梁园区王楼乡人民政府" in captured.out


def test_no_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == 2
    assert "--sample" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("environment", "output", "said"),
    [
        ({"PYTHONIOENCODING": "ascii"}, None, "standard output's encoding ascii cannot write"),
        ({}, Path("/dev/full"), "No space left on device"),
    ],
    ids=["narrow-encoding", "full-device"],
)
def test_output_that_cannot_be_written_is_an_error_not_a_traceback(
    environment: dict[str, str], output: Path | None, said: str
) -> None:
    if output is not None and not output.exists():
        pytest.skip(f"no {output} here")
    with output.open("wb") if output is not None else contextlib.nullcontext(subprocess.PIPE) as out:
        result = subprocess.run(
            [sys.executable, "-m", "zwgk", "parse", "--sample"],
            stdout=out,
            stderr=subprocess.PIPE,
            env={**os.environ, **environment},
            check=False,
        )
    error = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == 2 and said in error and "Traceback" not in error, error


def test_installed_command_runs_from_any_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zwgk", "parse", "--sample", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["organ"] == "景芝镇"


def test_fmt_prints_canonical_text(capsys: pytest.CaptureFixture[str]) -> None:
    golden = Path(__file__).parent / "fixtures" / "canonical" / "golden-2019.txt"
    assert main(["fmt", str(golden)]) == 0
    assert capsys.readouterr().out == golden.read_text(encoding="utf-8")


def test_fmt_in_place_rewrites_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((SEEDS / "002_ec2c52ebd74edb1b.txt").read_bytes())
    assert main(["fmt", "--in-place", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("2023年，一平垣乡在区政府的正确领导下")
    assert "\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t\n" in text


def test_convert_between_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(SEEDS / "004_9208575a96190eff.txt")
    assert main(["convert", seed, "--to", "json"]) == 0
    (tmp_path / "r.json").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["convert", str(tmp_path / "r.json"), "--to", "csv"]) == 0
    (tmp_path / "r.csv").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["convert", str(tmp_path / "r.csv"), "--to", "text"]) == 0
    assert capsys.readouterr().out.startswith("景芝镇2019年政府信息公开工作年度报告\n一、总体情况\n")


def test_convert_wide_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", *(str(p) for p in sorted(SEEDS.glob("*.txt"))), "--to", "csv", "--wide"]) == 0
    assert len(capsys.readouterr().out.splitlines()[0].split(",")) > 200


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$schema"].endswith("2020-12/schema")


# ---- zwgk check


def write_json(path: Path, report: zwgk.Report) -> Path:
    path.write_text(zwgk.to_json(report), encoding="utf-8")
    return path


def test_check_prints_one_line_per_finding_like_a_linter(capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS / "004_9208575a96190eff.txt"
    assert main(["check", str(seed)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{seed}:8: ZW311 warning 总体情况中写“2019年，收到公民申请公开政府信息0件。”" in out[-1]


def test_check_exits_1_on_an_error_and_names_the_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_json(tmp_path / "broken.json", with_cell(consistent_report(), "requests.granted.total", 5))
    assert main(["check", str(broken), "--select", "ZW30"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{broken}: ZW302 error 表三“总计”列：各项办理结果之和为 7，（七）总计为 6",
        f"{broken}: ZW303 error 表三“（一）予以公开”行：自然人至其他六列之和为 4，总计为 5",
    ]
    assert main(["check", str(broken), "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in records} == {"ZW302", "ZW303"}
    assert records[0] == {
        "source": str(broken),
        "code": "ZW302",
        "severity": "error",
        "message": "表三“总计”列：各项办理结果之和为 7，（七）总计为 6",
        "line": None,
        "paths": [
            "requests.total.total",
            *[f"requests.{leaf}.total" for leaf in RESULT_ROWS],
        ],
    }


def test_check_select_ignore_and_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_json(tmp_path / "broken.json", with_cell(consistent_report(), "requests.granted.total", 5))
    assert main(["check", str(broken), "--ignore", "ZW302,ZW312"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["ZW303"]
    assert main(["check", str(broken), "--select", "zw303"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["ZW303"]
    assert main(["check", str(broken), "--level", "error", "--ignore", "ZW30"]) == 0
    assert capsys.readouterr().out == ""
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["check", *seeds, "--level", "warning", "--ignore", "ZW2"]) == 0
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["ZW106", "ZW311"]


def test_check_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    earlier = write_json(tmp_path / "2020.json", consistent_report(2020))
    later = consistent_report(2021)
    for path, value in (("carried_over.natural_person", 0), ("carried_over.total", 0)):
        later = with_cell(later, f"requests.{path}", value)
    for path, value in (("new_received.natural_person", 6), ("new_received.total", 7)):
        later = with_cell(later, f"requests.{path}", value)
    later_file = write_json(tmp_path / "2021.json", later)
    assert main(["check", str(earlier), str(later_file)]) == 0
    capsys.readouterr()
    assert main(["check", "--series", "--select", "ZW305", str(later_file), str(earlier)]) == 1
    assert capsys.readouterr().out.startswith(f"{later_file}: ZW305 error 某某县人民政府 2020 年")


def test_check_unusable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": 1}', encoding="utf-8")
    broken = write_json(tmp_path / "broken.json", with_cell(consistent_report(), "requests.granted.total", 5))
    assert main(["check", str(bad), str(broken)]) == 2
    captured = capsys.readouterr()
    assert "bad.json" in captured.err
    assert "ZW302" in captured.out
    assert main(["check"]) == 2


def test_codes_prints_the_diagnostics_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codes"]) == 0
    out = capsys.readouterr().out
    assert "| ZW302 | error |" in out


# --- never destroy or mislead --------------------------------------------------------------------

PDF = Path(__file__).parent / "fixtures" / "corpus" / "huaian" / "szfgs2024.pdf"
GOLDEN = Path(__file__).parent / "fixtures" / "canonical" / "golden-2019.txt"


def test_fmt_in_place_refuses_what_is_not_a_text_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF.read_bytes())
    renamed = tmp_path / "report.txt"  # a PDF by its content, whatever its name
    renamed.write_bytes(PDF.read_bytes())
    for path in (pdf, renamed):
        assert main(["fmt", "--in-place", str(path)]) == 2
        assert path.read_bytes() == PDF.read_bytes()
        assert "不是文本文件" in capsys.readouterr().err


def test_fmt_in_place_writes_through_a_temporary_file_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((SEEDS / "002_ec2c52ebd74edb1b.txt").read_bytes())
    path.chmod(0o640)
    assert main(["fmt", "--in-place", str(path)]) == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left


def test_fmt_check_and_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes((SEEDS / "002_ec2c52ebd74edb1b.txt").read_bytes())
    assert main(["fmt", "--check", str(GOLDEN)]) == 0
    assert main(["fmt", "--check", str(GOLDEN), str(seed)]) == 1
    err = capsys.readouterr().err
    assert "seed.txt" in err and "2 个文件，1 个不是规范文本" in err
    assert seed.read_bytes() == (SEEDS / "002_ec2c52ebd74edb1b.txt").read_bytes()
    assert main(["fmt", "--diff", str(seed)]) == 0
    diff = capsys.readouterr().out.splitlines()
    assert diff[0] == f"--- {seed}" and diff[1].startswith(f"+++ {seed}")
    assert "+一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t" in diff
    assert main(["fmt", "--diff", str(GOLDEN)]) == 0
    assert capsys.readouterr().out == ""


def test_fmt_keeps_traditional_characters_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "某某縣人民政府2023年政府信息公開工作年度報告\n一、總體情況\n本機關全年公開信息。\n", encoding="utf-8"
    )
    assert main(["fmt", str(path)]) == 0
    assert capsys.readouterr().out.startswith("某某縣人民政府2023年政府信息公開工作年度報告\n")
    assert main(["fmt", "--simplify", str(path)]) == 0
    assert capsys.readouterr().out.startswith("某某县人民政府2023年政府信息公开工作年度报告\n")


@pytest.mark.parametrize("content", ["hello world\n", "", "# zwgk\n\nA Python library.\n"])
def test_a_file_that_is_no_report_exits_2_and_converts_to_nothing(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(content, encoding="utf-8")
    assert main(["parse", str(path)]) == 2
    assert "not a report" in capsys.readouterr().err
    assert main(["convert", str(path), "--to", "csv"]) == 2
    assert capsys.readouterr().out.splitlines() == [",".join(zwgk.serialize.csv.COLUMNS)]


# --- every result traceable ------------------------------------------------------------------------


def test_json_objects_name_their_source_and_jsonl_keeps_one_shape(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["parse", files[0], "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == files[0]
    for chosen in (files[:1], files):
        assert main(["parse", *chosen, "--format", "jsonl"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [json.loads(line)["source"] for line in lines] == chosen


def test_check_json_lists_the_files_it_could_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["check", str(missing), str(GOLDEN), "--format", "json"]) == 2
    records = json.loads(capsys.readouterr().out)
    (failure,) = [r for r in records if "error" in r]
    assert failure["source"] == str(missing) and failure["error_type"] == "ZwgkError"
    assert "missing.txt" in failure["error"]


def test_csv_names_reports_by_their_source(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    assert main(["convert", *files, "--to", "csv", "--wide"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")  # Excel reads the BOM as UTF-8
    assert [row[0] for row in csv.reader(io.StringIO(out))][1:] == files


# --- conventions of well-loved tools ---------------------------------------------------------------


def test_standard_input_output_file_and_quiet(tmp_path: Path) -> None:
    def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "zwgk", *args], input=stdin, capture_output=True, check=False
        )

    seed = (SEEDS / "004_9208575a96190eff.txt").read_bytes()
    result = run("parse", "-", "--format", "json", stdin=seed)
    assert result.returncode == 0 and json.loads(result.stdout)["organ"] == "景芝镇"
    assert result.stderr == b""  # one file: no closing line
    out = tmp_path / "out.json"
    result = run("convert", "-", str(GOLDEN), "--to", "jsonl", "-o", str(out), stdin=seed)
    assert result.returncode == 0 and result.stdout == b""
    assert [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "-",
        str(GOLDEN),
    ]
    assert "2 个文件" in result.stderr.decode()
    result = run("convert", "-", str(GOLDEN), "--to", "json", "-q", stdin=seed)
    assert result.returncode == 0 and result.stderr == b""


def test_check_sorts_findings_and_shows_warnings_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["check", *reversed(seeds)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(" info " not in line for line in lines)
    keys = [
        (line.split(":")[0], int(part) if (part := line.split(":")[1]).isdigit() else 0) for line in lines
    ]
    assert keys == sorted(keys)
    assert main(["check", seeds[0], "--level", "info"]) == 0
    assert " info " in capsys.readouterr().out


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_is_an_error(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(GOLDEN), option, "ZW3,ZW999"]) == 2
    assert "ZW999" in capsys.readouterr().err


def test_a_folder_search_picks_up_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "report.md").write_bytes(GOLDEN.read_bytes())
    assert main(["parse", str(tmp_path), "--format", "jsonl"]) == 0
    assert [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()] == [
        str(tmp_path / "report.md")
    ]


def test_convert_to_a_workbook_and_chinese_column_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    seed = str(SEEDS / "004_9208575a96190eff.txt")
    book = tmp_path / "reports.xlsx"
    assert main(["convert", seed, "--to", "xlsx", "-o", str(book)]) == 0
    assert openpyxl.load_workbook(book).sheetnames == ["报告", "表二", "表三", "表四"]
    assert main(["convert", seed, "--to", "xlsx"]) == 2  # a workbook needs -o
    assert "-o" in capsys.readouterr().err
    assert main(["convert", seed, "--to", "csv", "--wide", "--labels", "zh"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out.removeprefix("\ufeff"))))
    assert "表三.本年新收.自然人" in header
    assert main(["convert", seed, "--to", "csv", "--labels", "zh"]) == 2  # only the wide CSV has them
