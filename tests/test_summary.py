"""``zwgk summary``: the 平潭 series 2019–2025 against the cells a person read, and the charts."""

from __future__ import annotations

import builtins
import csv
import io
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import zwgk
from zwgk.cli import main
from zwgk.summary import summarise

PINGTAN = Path(__file__).parent / "fixtures" / "corpus" / "pingtan"
SERIES = sorted(p for p in PINGTAN.glob("20*_page.txt") if not p.name.startswith("2018"))


def _read(expected: Path, row: str, column: int = 6) -> int:
    """A figure a person read: ``row`` of table 三 or 四 (``review.reconsideration``), 总计 by default."""
    data = json.loads(expected.read_text(encoding="utf-8"))
    table, _, name = row.partition(".") if row.startswith("review.") else ("requests", "", row)
    return int(data[table][name].split()[column])


def test_summary_json_of_the_pingtan_series(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--format", "json", "-q", *map(str, SERIES)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [r["year"] for r in found["reports"]] == list(range(2019, 2026))
    assert [r["template"] for r in found["reports"]] == ["2019"] * 2 + ["2021"] * 5
    for path, row in zip(SERIES, found["reports"], strict=True):
        expected = path.with_name(path.name.replace(".txt", ".expected.json"))
        assert row["organ"] == "平潭综合实验区"
        assert row["totals"]["new_received_total"] == _read(expected, "new_received")
        assert row["totals"]["carried_over_total"] == _read(expected, "carried_over")
        assert row["totals"]["handled_total"] == _read(expected, "total")
        assert row["totals"]["carried_forward_total"] == _read(expected, "carried_forward")
        assert row["totals"]["reconsideration_total"] == _read(expected, "review.reconsideration", 4)
        granted = _read(expected, "granted") + _read(expected, "partially_granted")
        assert Fraction(row["indicators"]["granted_share"]) == Fraction(granted, _read(expected, "total"))
    # of the 复议 concluded: 2021 none corrected of 3; 2024 1 of 2 + 1 + 3 (read off the printed 21317 | 00000 | 132401 9)
    assert [r["indicators"]["reconsideration_correction_rate"] for r in found["reports"]][2:6] == [
        "0",
        "1/2",
        "1/2",
        "1/6",
    ]
    granted = next(d for d in found["distributions"] if d["indicator"] == "granted_share")
    # 8/23 13/21 35/69 30/75 42/81 100/218 71/148: the smallest 8/23, the largest 13/21, the median 71/148
    assert (granted["n"], granted["missing"]) == (7, 0)
    assert (granted["min"], granted["median"], granted["max"]) == ("8/23", "71/148", "13/21")
    litigation = next(d for d in found["distributions"] if d["indicator"] == "litigation_correction_rate")
    assert (litigation["n"], litigation["missing"]) == (5, 2)  # 2019, 2020: no case at all


def test_summary_text_and_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["summary", "-q", *map(str, SERIES)]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["来源", "机关", "年度", "格式"]
    assert "予以公开及部分公开占比" in lines[0] and "属于国家秘密" not in lines[0]
    assert any(line.startswith("不予公开（属于国家秘密）占比") for line in lines)  # in the distributions
    assert "50.7%" in lines[3]  # 2021: 35 of 69
    assert len({line.index("平潭") for line in lines[1:8]}) == 1  # aligned
    out = tmp_path / "summary.csv"
    assert main(["summary", "--format", "csv", "-q", "-o", str(out), *map(str, SERIES)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8").split("\n\n")[0])))
    assert rows[2]["granted_share"] == "0.507246" and rows[2]["handled_total"] == "69"
    assert rows[0]["reconsideration_correction_rate"] == ""  # 0 of 0: no rate, not 0


def test_blank_cells_are_missing_not_zero() -> None:
    report = zwgk.parse_file(SERIES[2])
    assert report.requests is not None
    blank = zwgk.Report(organ="某县", year=2021, requests=zwgk.Requests())
    summary = summarise([report, blank])
    granted = summary.distributions[0]
    assert (granted.n, granted.missing, granted.min, granted.max) == (
        1,
        1,
        Fraction(35, 69),
        Fraction(35, 69),
    )
    assert summary.reports[1].totals["handled_total"] is None


def test_plot_writes_png_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "charts"
    assert main(["summary", "--plot", str(folder), "-o", str(tmp_path / "s.txt"), *map(str, SERIES)]) == 0
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == ["outcome_shares.png", "received_per_organ.png"]
    for path in written:
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and b"IEND" in data[-12:]
    note = capsys.readouterr().err
    assert "outcome_shares.png" in note and ("字体" in note)


@pytest.mark.filterwarnings("ignore:Glyph")
def test_plot_with_and_without_a_cjk_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zwgk import plot

    summary = summarise(zwgk.parse_file(p) for p in SERIES)
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    plain = plot.plot(summary, tmp_path / "plain")
    assert plain.font is None and plain.organs == {"organ 1": "平潭综合实验区"}
    monkeypatch.setattr(plot, "cjk_font", lambda: "DejaVu Sans")
    chinese = plot.plot(summary, tmp_path / "zh")
    assert chinese.organs == {"平潭综合实验区": "平潭综合实验区"}
    assert all(p.stat().st_size > 10_000 for p in (*plain.paths, *chinese.paths))


def test_without_matplotlib_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] == "matplotlib":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    out = tmp_path / "s.txt"
    assert main(["summary", "--plot", str(tmp_path), "-o", str(out), str(SERIES[0])]) == 2
    assert "zwgk[plot]" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(zwgk.MissingExtraError, match="matplotlib"):
        from zwgk.plot import plot

        plot(summarise([]), tmp_path)
