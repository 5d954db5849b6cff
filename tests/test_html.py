"""Reports read from HTML pages (``zwgk[html]``): a real page and built ones, every table cell checked."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest

import zwgk
from zwgk.errors import MissingExtraError
from zwgk.sources.html import text_of

from .conftest import FIXTURES
from .expected import Verdict, load, verdicts

HTML = FIXTURES / "html"
CHROME = (
    *(
        "版权所有",
        "网站标识码",
        "导航",
        "当前位置",
        "您的位置",
        "分享到",
        "微信",
        "首页",
        "ICP备",
        "打印本页",
    ),
    *("关闭窗口", "请输入", "浏览次数", "来源：", "网站地图", "闽政通", "长者模式"),
)

PAGES = {
    # page: (organ, year, template, first words of each text section: 总体情况, 存在的主要问题, 其他需要报告的事项)
    "pingtan-2024": (
        "平潭综合实验区",
        2024,
        "2021",
        ("2024年，平潭综合实验区坚持", "2024年，实验区", "2024年，无收取"),
    ),
    "built-2019-gbk": (
        "桃源县市场监督管理局",
        2019,
        "2019",
        ("2019年，本局", "公开内容不够全面", "本年度无其他"),
    ),
    "built-2021-word": ("青溪区应急管理局", 2022, "2021", ("（一）主动公开", "一是公开质量", "本年度未收取")),
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def page(request: pytest.FixtureRequest) -> tuple[str, zwgk.Report]:
    name: str = request.param
    return name, zwgk.parse_file(HTML / f"{name}.html")


def test_every_table_cell_is_read(page: tuple[str, zwgk.Report]) -> None:
    name, report = page
    expectation = load(HTML / f"{name}.expected.json")
    found = verdicts(report, expectation)
    wrong = {
        path: verdict for path, verdict in found.items() if verdict not in {Verdict.RIGHT, Verdict.BLANK}
    }
    assert not wrong
    blank = {path for path, value in expectation.cells.items() if value is None}
    assert {path for path, verdict in found.items() if verdict is Verdict.BLANK} == blank
    assert report.template.value == expectation.template.value


def test_organ_year_and_sections(page: tuple[str, zwgk.Report]) -> None:
    name, report = page
    organ, year, template, starts = PAGES[name]
    assert (report.organ, report.year, report.template.value) == (organ, year, template)
    sections = (report.overview, report.problems, report.other_matters)
    for section, start in zip(sections, starts, strict=True):
        assert section.paragraphs and section.paragraphs[0].startswith(start)
    assert not report.unplaced
    assert not [d for d in report.diagnostics if d.severity.value == "error"]


def test_no_site_chrome(page: tuple[str, zwgk.Report]) -> None:
    name, report = page
    text = text_of((HTML / f"{name}.html").read_bytes())
    assert not [line for line in text.splitlines() if any(word in line for word in CHROME)]
    assert "function" not in text and "{" not in text  # no script or style
    assert text.splitlines()[0] == report.title


def test_pingtan_rows_are_one_line_each() -> None:
    lines = text_of((HTML / "pingtan-2024.html").read_bytes()).splitlines()
    assert "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他" in lines
    assert "三、本年度办理结果\t（一）予以公开\t71\t0\t0\t0\t0\t0\t71" in lines
    assert (
        "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1"
        in lines
    )
    assert "2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13\t2\t4\t0\t19" in lines


def test_blank_cells_keep_their_place() -> None:
    lines = text_of((HTML / "built-2021-word.html").read_bytes()).splitlines()
    assert "7.属于行政执法案卷\t0\t0\t0\t0\t\t0\t0" in lines
    assert "（一）主动公开。全年主动公开政府信息1208条。" in lines  # figures split over spans joined


def test_str_and_bytes_read_the_same() -> None:
    data = (HTML / "built-2021-word.html").read_bytes()
    page = data.decode("utf-8")
    report = zwgk.parse_html(page)
    assert zwgk.parse_html(data) == report
    assert zwgk.parse_html(codecs.BOM_UTF8 + data) == report
    assert zwgk.parse_html(page.encode("utf-16")) == report  # BOM
    gbk = page.replace("<head>", '<head><meta charset="gbk">').encode("gbk")
    assert zwgk.parse_html(gbk) == report
    assert zwgk.parse_html(page.encode("gb18030")) == report  # no declaration: sniffed


def test_declared_charset_is_used() -> None:
    data = (HTML / "built-2019-gbk.html").read_bytes()
    assert b'charset=gb2312"' in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert text_of(data) == text_of(data.decode("gb18030"))
    wrong = data.replace(b"charset=gb2312", b"charset=utf-8")  # a wrong declaration: sniffed instead
    assert text_of(wrong) == text_of(data)


@pytest.mark.parametrize("declared", ["undefined", "idna", "punycode", "base64", "rot13"])
def test_a_charset_that_names_no_text_codec_is_passed_over(declared: str) -> None:
    data = (HTML / "built-2019-gbk.html").read_bytes()
    named = data.replace(b"charset=gb2312", f"charset={declared}".encode())
    assert text_of(named) == text_of(data)


def test_table_in_layout_table_and_rowspan_zero() -> None:
    page = """<body><table><tr><td><a href="/">首页</a></td><td>
    <p>某某镇2020年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>
    <table><tr><td rowspan="0">甲</td><td>1</td></tr><tr><td>2</td></tr></table>
    </td></tr></table></body>"""
    assert text_of(page).splitlines() == [
        "某某镇2020年政府信息公开工作年度报告",
        "一、总体情况",
        "正文",
        "二、主动公开政府信息情况",
        "甲\t1",
        "2",
    ]


def test_without_anything_to_go_by_the_body_is_read() -> None:
    page = "<html><body><div class='nav'>导航</div><div>第一段<br>第二段</div><footer>版权所有</footer></body></html>"
    assert text_of(page) == "第一段\n第二段\n"


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(MissingExtraError, match=r"zwgk\[html\]"):
        zwgk.parse_html("<p>一、总体情况</p>")
    with pytest.raises(MissingExtraError, match=r"zwgk\[html\]"):
        zwgk.parse_file(HTML / "built-2021-word.html")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"<html>\x00\x01\x02\x03\xff\xfe\x00</html>",
        b"\xff\xfe\x00\xd8",  # a UTF-16 BOM, then half a surrogate pair
        b"<html><body>   </body></html>",
        "<p>\x00</p>",
        b"",
    ],
)
def test_bad_input_is_a_zwgk_error(data: bytes | str) -> None:
    with pytest.raises(zwgk.ZwgkError):
        zwgk.parse_html(data)


def test_not_a_page_is_a_zwgk_error() -> None:
    with pytest.raises(zwgk.ZwgkError):
        text_of(42)  # type: ignore[arg-type]


def test_file_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((HTML / "built-2019-gbk.html").read_bytes())
    assert zwgk.parse_file(path) == zwgk.parse_file(HTML / "built-2019-gbk.html")


@pytest.mark.parametrize("declared", ["gb2312", "iso-8859-1"])
def test_a_declared_charset_the_bytes_contradict_gives_way(tmp_path: Path, declared: str) -> None:
    """A page saved as UTF-8 that still declares its old charset, or a server default, reads as UTF-8."""
    page = (HTML / "pingtan-2024.html").read_bytes()
    assert page.count(b'<meta charset="utf-8"') == 1
    path = tmp_path / "saved.html"
    path.write_bytes(page.replace(b'<meta charset="utf-8"', f'<meta charset="{declared}"'.encode()))
    assert zwgk.parse_file(path) == zwgk.parse_file(HTML / "pingtan-2024.html")
