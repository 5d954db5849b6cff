"""The comparison page in a real headless Chromium: it renders (a screenshot is taken) and holds the
cells a person read off the two reports. Skipped only where no Chromium is installed, and never in CI
(``.ci/run`` installs it)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

import zwgk
from tests.expected import load, source_of
from zwgk.comparison.html import comparison_html

PINGTAN = Path(__file__).parent / "fixtures" / "corpus" / "pingtan"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="no chromium binary (apt-get install chromium)"
)

PAIRS = [("2019_80576", "2020_80595"), ("2020_80595", "2021_80613")]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


class _Cells(HTMLParser):
    """The text of each ``td`` with a ``data-cell`` in the rendered DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cell = dict(attrs).get("data-cell")
        if tag == "td" and cell:
            self._open = cell
            self.cells[cell] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[self._open] += data


def _shown(value: int | Decimal | None) -> str:
    return "·" if value is None else str(value)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=["2019-2020", "2020-2021"])
def test_the_page_renders_with_the_cells_a_person_read(tmp_path: Path, old: str, new: str) -> None:
    expected = {name: load(PINGTAN / f"{name}_page.expected.json") for name in (old, new)}
    reports = [zwgk.parse_file(source_of(PINGTAN / f"{name}_page.expected.json")) for name in (old, new)]
    page = tmp_path / "comparison.html"
    page.write_text(comparison_html(zwgk.compare(*reports), everything=True), encoding="utf-8")

    shot = tmp_path / "comparison.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2400", page.as_uri())
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == (1400, 2400)

    parser = _Cells()
    parser.feed(_chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    cells = parser.cells
    before, after = expected[old].cells, expected[new].cells
    compared = 0
    for path in before.keys() & after.keys():
        if path.startswith("active.") or before[path] is None or after[path] is None:
            continue  # table 二's cells change names with the format: checked one by one below
        was, now = before[path], after[path]
        text = " ".join(cells[path].split())
        assert text == _shown(now) if was == now else text.startswith(f"{was} → {now}"), (path, text)
        compared += 1
    assert compared >= 22 * 7 + 15
    if new.startswith("2021"):
        # 2020's 处理决定数量 is not legible, 2021's 本年处理决定数量 is 2293; 其他处理 4 only in 2020
        assert " ".join(cells["active.licensing.decisions"].split()) == "· → 2293"
        assert cells["requests.other_handling.total"] == "4"
        assert cells["requests.other_handling.other.natural_person"] == "1"
        assert cells["requests.new_received.natural_person"].endswith("+44，+220.0%")  # 20 → 64
