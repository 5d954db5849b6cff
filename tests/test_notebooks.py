"""The notebooks in examples/ run top to bottom on the files the project ships, and show what they say."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
KERNEL = "python3"


def _cell(nb: nbformat.NotebookNode, snippet: str) -> nbformat.NotebookNode:
    """The first code cell whose source contains ``snippet``."""
    found = [c for c in nb.cells if c.cell_type == "code" and snippet in c.source]
    assert found, f"no code cell contains {snippet!r}"
    return found[0]


def _shown(cell: nbformat.NotebookNode, mime: str = "text/plain") -> str:
    """What a cell printed and, as ``mime``, the results it displayed."""
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif mime in output.get("data", {}):
            parts.append(output.data[mime])
    return "\n".join(parts)


def _rows(cell: nbformat.NotebookNode) -> dict[str, list[str]]:
    """The rows of the DataFrame a cell displayed, by their index: ``{index: [cell, ...]}``."""
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", _shown(cell, "text/html"), re.DOTALL):
        cells = [c.strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.DOTALL)]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


def _quickstart(nb: nbformat.NotebookNode) -> None:
    shown = [c for c in nb.cells if c.cell_type == "code" and c.source.strip() == "report"]
    assert len(shown) == 1
    html = _shown(shown[0], "text/html")
    assert "<table" in html and "景芝镇" in html and "本机关不掌握相关政府信息" in html
    assert "ZW311 warning" in _shown(_cell(nb, "findings = zwgk.check(report)"))
    assert "round trips" in _shown(_cell(nb, "zwgk.from_csv(as_csv) == [report]"))
    table = _rows(_cell(nb, "frame.pivot("))
    assert table["unavailable.not_held"] == ["1", "0", "0", "0", "0", "0", "1"]


def _corpus_study(nb: nbformat.NotebookNode) -> None:
    assert "14 reports read, 0 files could not be read" in _shown(_cell(nb, "zwgk.parse_many(files, jobs=2)"))
    old = _shown(_cell(nb, "old_key ="))
    assert "year=2018" in old and "requests: None" in old and "ZW204" in old
    counts = _rows(_cell(nb, 'agg(cells="size"'))  # organ, year, template, tables, cells, figures
    assert counts["corpus/pingtan/2018_80529_page.txt"][3:] == ["二四", "0", "0"]  # no table 三, no cells
    assert counts["corpus/pingtan/2021_80613_page.txt"][3:] == ["二三四", "175", "175"]
    broken = _shown(_cell(nb, "ARITHMETIC ="))
    assert "do not add up: corpus/pingtan/2020_80595_page.txt\n" in broken
    assert "ZW302" in broken and "各项办理结果之和为 27，（七）总计为 21" in broken
    plot = _cell(nb, "plt.show()")
    assert "missing from font" not in _shown(plot)  # every label drawn in a font that has its glyphs


def _formats(nb: nbformat.NotebookNode) -> None:
    differences = _shown(_cell(nb, "only_2019 ="))
    assert "23 rows with figures in 2019, 25 in 2021" in differences
    assert "['other_handling']" in differences and "other_handling.overdue_fee" in differences
    seeds = _rows(_cell(nb, "seeds = {"))  # organ, year, template, table 二, （六）其他处理
    assert {seed: row[2:] for seed, row in seeds.items() if seed != "seed"} == {
        "000": ["2019", "Active2019", "RequestRow"],
        "001": ["2019", "Active2019", "RequestRow"],
        "002": ["2021", "Active2021", "OtherHandling"],
        "003": ["2021", "Active2021", "OtherHandling"],
        "004": ["2019", "Active2019", "RequestRow"],
    }
    combined = _rows(_cell(nb, "combined = ("))  # （六）其他处理 per column, natural_person … total
    assert combined["2020_80595_page.txt"] == ["4", "0", "0", "0", "0", "0", "4"]  # the 2019 row
    assert combined["2022_80629_page.txt"] == ["2", "2", "0", "0", "0", "0", "4"]  # three rows, summed


def _compare_series(nb: nbformat.NotebookNode) -> None:
    notes = _shown(_cell(nb, "comparison = zwgk.compare(reports[2020], reports[2021])"))
    assert notes.startswith("True True\n") and "表三格式不同：2019 年格式 → 2021 年格式" in notes
    changed = _rows(_cell(nb, "changed = cells_frame("))  # 2020, 2021, change, relative: 总计 column
    assert changed["本年新收.总计"] == ["21", "70", "49", "2.333"]
    assert changed["予以公开.总计"] == ["7", "30", "23", "3.286"]
    assert changed["不予公开.属于行政执法案卷.总计"] == ["0", "6", "6", "&lt;NA&gt;"]  # from 0: no ratio
    apart = _rows(_cell(nb, "apart = cells_frame("))  # the 2019 row, and the three 2021 rows
    blank = "&lt;NA&gt;"
    assert apart["其他处理.总计"] == ["old_only", "4", blank, blank, blank]
    assert apart["其他处理.其他.总计"] == ["new_only", blank, "1", blank, blank]
    assert "其他处理.逾期不补正.总计" in apart and "其他处理.逾期未缴纳费用.总计" in apart
    carry = _rows(_cell(nb, "carry = {}"))  # carried forward, carried over, holds (总计, every column)
    assert carry["2021 → 2022"] == ["1", "1", "True", "True"]
    assert len(carry) == 6 and all(row[2:] == ["True", "True"] for row in carry.values())
    shares = _rows(_cell(nb, "shares = pd.DataFrame("))  # 2019 … 2025
    assert shares["予以公开及部分公开占比"][:3] == ["0.348", "0.619", "0.507"]  # 8/23, 13/21, 35/69
    assert shares["复议纠错率"][:2] == [blank, blank]  # no 复议 case in 2019 or 2020
    rows = _rows(_cell(nb, "summary = summarise("))  # format, received, handled, granted, errors
    assert rows["2020"] == ["2019", "21", "21", "0.619", "2"]
    assert rows["2024"][:3] == ["2021", "218", "218"]
    assert "missing from font" not in _shown(_cell(nb, "plt.show()"))


EXPECTED: dict[str, Callable[[nbformat.NotebookNode], None]] = {
    "quickstart.ipynb": _quickstart,
    "corpus_study.ipynb": _corpus_study,
    "formats_2019_vs_2021.ipynb": _formats,
    "compare_series.ipynb": _compare_series,
}


@pytest.fixture(scope="module")
def kernel() -> str:
    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        pytest.fail(
            f"no {KERNEL!r} Jupyter kernel: install ipykernel in this environment (pip install ipykernel)"
        )
    return KERNEL


def test_every_notebook_is_checked() -> None:
    assert {p.name for p in NOTEBOOKS} == set(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, kernel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")  # the kernel inherits it: plots draw without a display
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name=kernel, resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    # and a cell tagged raises-exception, which execute() lets fail, fails here
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    EXPECTED[path.name](nb)
