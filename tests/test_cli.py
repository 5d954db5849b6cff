"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zwgk.cli import main

from .conftest import SEEDS


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
