"""Word (.docx) reports: paragraphs and tables in body order, merged cells on the grid, every cell read."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import zwgk
from zwgk.catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS
from zwgk.sources.docx import text_of

from .docx_builder import REPORT_2019, REPORT_2021, build

pytest.importorskip("docx")

SPECS = {"2021": REPORT_2021, "2019": REPORT_2019}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        "2021": build(folder / "report2021.docx", REPORT_2021),
        "2019": build(folder / "report2019.docx", REPORT_2019, framed_table_4=True),
    }


@pytest.fixture(scope="module")
def reports(files: dict[str, Path]) -> dict[str, zwgk.Report]:
    return {name: zwgk.parse_file(path) for name, path in files.items()}


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _rewrite(source: Path, target: Path, old: str, new: str) -> Path:
    """A copy of ``source`` with ``old`` replaced by ``new`` in its document.xml."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            zout.writestr(item, data)
    return target


@pytest.mark.parametrize("name", SPECS)
def test_metadata(name: str, reports: dict[str, zwgk.Report]) -> None:
    expected, found = SPECS[name], reports[name]
    assert (found.title, found.organ, found.year) == (expected["title"], expected["organ"], expected["year"])
    assert found.template is zwgk.Template(expected["template"])


@pytest.mark.parametrize("name", SPECS)
def test_table_2_every_cell(name: str, reports: dict[str, zwgk.Report]) -> None:
    expected, active = SPECS[name], reports[name].active
    assert type(active) is (zwgk.Active2019 if name == "2019" else zwgk.Active2021)
    for row, cells in expected["active"].items():
        for column, value in cells.items():
            found = getattr(getattr(active, row), column)
            assert (found, type(found)) == (value, type(value)), f"{row}.{column}"
    assert active.extras == ()


@pytest.mark.parametrize("name", SPECS)
def test_table_3_every_cell(name: str, reports: dict[str, zwgk.Report]) -> None:
    requests = reports[name].requests
    assert requests is not None
    for path, row in SPECS[name]["requests"].items():
        found = _get(requests, path)
        assert tuple(getattr(found, c.field) for c in REQUEST_COLUMNS) == row, path


@pytest.mark.parametrize("name", SPECS)
def test_table_4_every_cell(name: str, reports: dict[str, zwgk.Report]) -> None:
    review = reports[name].review
    found = tuple(
        getattr(getattr(review, g.field or ""), c.field) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS
    )
    assert found == SPECS[name]["review"]


@pytest.mark.parametrize("name", SPECS)
def test_text_sections(name: str, reports: dict[str, zwgk.Report]) -> None:
    expected, found = SPECS[name], reports[name]
    assert found.preamble == expected["preamble"]
    for section in ("overview", "problems", "other_matters"):
        assert getattr(found, section).paragraphs == expected[section], section


@pytest.mark.parametrize("name", SPECS)
def test_nothing_unplaced_and_no_error(name: str, reports: dict[str, zwgk.Report]) -> None:
    found = reports[name]
    assert found.unplaced == ()
    assert not [d for d in found.diagnostics if d.severity is zwgk.Severity.ERROR]


def test_lines_body_only_merges_on_the_grid(files: dict[str, Path]) -> None:
    lines = text_of(files["2021"].read_bytes()).split("\n")
    assert "政府信息公开专栏" not in lines and "- 1 -" not in lines  # header and footer left out
    assert lines[0] == REPORT_2021["title"]  # runs joined
    assert "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他" in lines  # 商业 / 企业 in two paragraphs
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t1\t0\t0\t0\t0\t4" in lines
    assert "2.其他法律行政法规禁止公开\t0\t0\t\t0\t0\t0\t0" in lines  # the blank cell stays in place
    assert "三、本年度办理结果\t（一）予以公开\t12\t2\t0\t0\t1\t0\t15" in lines
    assert "行政许可\t1496" in lines  # the value cell merged over three columns


def test_explicit_continue_reads_the_same(files: dict[str, Path], tmp_path: Path) -> None:
    path = _rewrite(files["2021"], tmp_path / "continue.docx", "<w:vMerge/>", '<w:vMerge w:val="continue"/>')
    assert text_of(path.read_bytes()) == text_of(files["2021"].read_bytes())


def test_legacy_merges_and_grid_before() -> None:
    from lxml import etree

    from zwgk.sources.docx import _row_cells

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    row = etree.fromstring(
        f'<w:tr xmlns:w="{w}"><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        "<w:tc><w:p><w:r><w:t>规</w:t></w:r><w:r><w:t>章</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p/></w:tc></w:tr>"
    )
    assert _row_cells(row) == [None, "规章", "2", None, ""]


def test_missing_extra_names_it(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(zwgk.MissingExtraError, match=r"zwgk\[docx\]"):
        zwgk.parse_file(files["2021"])


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(zwgk.UnsupportedSourceError, match="docx"):
        zwgk.parse_file(path)


def test_truncated_docx(files: dict[str, Path], tmp_path: Path) -> None:
    data = files["2021"].read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(zwgk.ZwgkError, match="docx"):
        zwgk.parse_file(path)


def test_broken_xml(files: dict[str, Path], tmp_path: Path) -> None:
    path = _rewrite(files["2021"], tmp_path / "broken.docx", "</w:body>", "</w:bod>")
    with pytest.raises(zwgk.ZwgkError, match="docx"):
        zwgk.parse_file(path)


def test_blank_cells_at_either_end_stay_in_place(tmp_path: Path) -> None:
    _ = None
    rows = {
        "new_received": (31, 4, 1, 0, 2, 1, _),
        "carried_over": (_, 0, 0, 0, 0, 1, 3),
        "granted": (_, _, _, _, _, _, _),
        "withheld.state_secret": (_, _, _, _, _, _, 1),
    }
    spec = {**REPORT_2021, "requests": {**REPORT_2021["requests"], **rows}}
    requests = zwgk.parse_file(build(tmp_path / "blanks.docx", spec)).requests
    for path, row in rows.items():
        assert tuple(getattr(_get(requests, path), c.field) for c in REQUEST_COLUMNS) == row, path
