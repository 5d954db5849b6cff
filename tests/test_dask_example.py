"""examples/dask_corpus.py on dask's local scheduler gives the CSV a serial run gives."""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

import pytest

import zwgk

from .conftest import FIXTURES, SEEDS

EXAMPLE = Path(__file__).parent.parent / "examples" / "dask_corpus.py"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in [*SEEDS.glob("*.txt"), FIXTURES / "html" / "pingtan-2024.html"]:
        shutil.copy(source, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01 no report")
    return folder


def test_the_dask_run_writes_what_a_serial_run_writes(corpus: Path, tmp_path: Path) -> None:
    example = runpy.run_path(str(EXAMPLE))
    out = tmp_path / "corpus.csv"
    status = example["main"]([str(corpus), "--out", str(out), "--scheduler", "processes"])
    assert status == 1  # broken.txt is reported, the rest written
    paths = [str(p) for p in zwgk.batch.files_in([corpus]) if p.name != "broken.txt"]
    serial = zwgk.to_csv([zwgk.parse_file(p) for p in paths], keys=paths)
    with open(out, encoding="utf-8", newline="") as written:
        assert written.read() == serial
    assert {r.organ for r in zwgk.from_csv(serial)} >= {"景芝镇", "平潭综合实验区"}
