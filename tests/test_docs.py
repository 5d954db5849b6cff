"""The documentation site builds without a warning, with the tables generated from the catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("mkdocs")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the repository's mkdocs.yml: any warning fails the build."""
    site_dir = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def test_site_builds_strictly(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / "api" / "reading" / "index.html").is_file()


def test_format_tables_come_from_the_catalogue(site: Path) -> None:
    page = (site / "formats" / "2021" / "index.html").read_text(encoding="utf-8")
    assert "3.其他" in page
    assert "<code>other_handling.other</code>" in page
    assert "<!-- catalogue:" not in page
    page_2019 = (site / "formats" / "2019" / "index.html").read_text(encoding="utf-8")
    assert "<code>procurement.amount</code>" in page_2019
    assert "<code>other_handling.other</code>" not in page_2019


def test_command_line_reference_comes_from_the_parser(site: Path) -> None:
    page = (site / "cli" / "index.html").read_text(encoding="utf-8")
    assert "usage: zwgk check" in page
    assert "--select" in page
