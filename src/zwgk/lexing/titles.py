"""Titles and the names of organs: which opening lines are a report's title and which are the site's
furniture, and the organ and year a title names.

A page copied from a website opens with the site's furniture — menus (``设为首页|加入收藏``),
breadcrumbs (``当前位置：首页 > …``), metadata fields (``发布时间：…  浏览次数：``), buttons (``【打印】``).
None of it is ever a title or an organ. The title is the first run of one to three short lines that
ends in the one saying 报告; where the first such run names no organ (a site's heading, ``2023年度政府
信息公开工作年度报告``) and a later one does, the later one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..patterns import regex
from .lines import is_escaped, without_heading_mark

_YEAR = r"((?:19|20)\d{2})\s*年\s*度?"
YEAR = regex(_YEAR)
"""A report year as reports write it: ``2023年``, ``2023 年度``."""
_AROUND_TITLE = "|｜ \t\u3000\xa0"
"""What stands around a title on a page: the pipes of a metadata table's cells, and spaces."""
_FIELD_TITLE = regex(r"^(?:(?:标\s*题|题\s*目|名\s*称|文章标题)\s*[:：]\s*)+")
"""A metadata field that holds the title (``名 称： | …年度报告 | ||``), its label printed once or more
(``标题:标题: …``)."""
_FURNITURE_FIELDS = (
    r"索\s*引\s*号|发布机构|发文机关|发布时间|发布日期|发表时间|成文日期|生效日期|来\s*源|信息来源|文\s*号"
    r"|发文字号|主题分类|体裁分类|分\s*类|作\s*者|录\s*入|日\s*期|时\s*间|责任编辑|编辑|是否有效|有效性"
    r"|内容概述|关\s*键\s*词"
)
"""The labels of a page's metadata fields, each furniture when a colon follows it."""
_FURNITURE_WORDS = regex(
    r">|＞|»|当前位置|您的位置|您当前|首页|登录|注册|收藏|手机版|导航|无障碍|长者|适老|智能问答|网站支持"
    r"|全文检索|检索|打印|分享|关闭|字号|字体|浏览|点击|阅读|访问量|二维码|扫一扫|微信|微博"
)
"""The words only a site's furniture holds: menus, breadcrumbs, buttons. Each branch opens with a
character of its own (not a class, not a group): sre then looks only where one of those stands."""
_FURNITURE_FIELD = regex("|".join(rf"{field}\s*[:：]" for field in _FURNITURE_FIELDS.split("|")))
"""A metadata field's label and its colon (``发布机构：``): searched for only in a line with a colon,
its branches opening with characters (信, 发, 文 …) that titles are full of."""
_DATE = regex(r"\d\d{3}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")
"""A date (``2023-01-30``), the other thing furniture holds; written to open with one digit, for the
same reason."""
_PAGE_NUMBER = regex(r"Page\s*\d+")
_PIPES = ("|", "｜")
_FURNITURE_EDGES = (*_PIPES, "•", "·", "●", "◆", "■")
"""What a line of furniture may open with (a metadata table's pipe, a list's bullet); it may end with a
pipe."""
_FURNITURE_CHARS = 150
"""No line of furniture is longer (a metadata table's row, all its fields on one line, is ~100)."""
_SITE_SECTIONS = frozenset(
    {"政府信息公开", "信息公开", "政务公开", "政府信息公开年报", "信息公开年报", "政府信息公开年度报告"}
)
"""Names of a site's sections, printed alone above a report."""
_PAGE_MARKERS = frozenset({"正文", "目录", "附件"})
"""Words a converted document prints alone above its title; never part of it."""
_TITLE_MAX_LINES = 3
_TITLE_MAX_CHARS = 60
_SCANNED_LINES = 40
_FIGURE_CELL = regex(r"\t\s*[\d.,]+\s*(?:\t|$)")
"""A cell of figures in a tab-separated row: what no title holds."""
_SENTENCE_PUNCTUATION = regex(r"[，。；！？,;]")
_REPORT = regex(r"报告|年报")
_OPENING_NOISE = regex(r"^(?:关于|[#\s]+)+")
_CLOSING_NOISE = regex(r"(?:关于|的)$")
"""What a title prints between the organ and the year: 某某县财政局关于2023年…"""
_AFTER_ORGAN = regex(r"\s*的?(?:政府信息公开|政务公开|信息公开|政府信息|年度).*$")
"""What follows the organ in a title. Its branches open with literals (no ``的?`` each): sre tries a
branch only where its first character stands."""
_ORGAN_SUFFIX = regex(
    r"(?:人民政府|政府|委员会|管委会|办事处|街道|乡|镇|县|区|市|州|盟|旗|局|委|厅|办公室|办|中心|站|所|院|馆|队|部|署|处"
    r"|公司|集团|场|园)(?:[(（][^()（）]{1,12}[)）])?$"
)
_PRONOUN = regex(r"(?:我|本|该|贵)(?:单位|机关|部门|级|[局委办室厅院乡镇街区县市所站])")
"""我局, 本机关: what a report calls its own organ."""
_PARTY_COMMITTEES = ("党委", "县委", "区委", "市委", "省委")
_TITLE_WORDS = ("信息公开", "政务公开", "年度报告")
"""Words of a title, never of an organ's name."""
_ORGAN_CHARS = regex(r"^[\u4e00-\u9fff()（）·]{2,40}$")


def title_text(line: str) -> str:
    """A title line without what stands around it on a page: a Markdown heading mark, a metadata
    field's label (``标题：``), the pipes of a metadata table."""
    text = without_heading_mark(line).strip(_AROUND_TITLE)
    return _FIELD_TITLE.sub("", text).strip(_AROUND_TITLE)


_LINES_ASKED_AGAIN = 64
_TITLES_ASKED_AGAIN = 4
"""How many of their last answers ``is_furniture`` and ``title_parts`` keep: a parse asks them of the
same opening lines and title twice (``find_title``, then the assembly's organ and year), a few dozen
lines and a title or two apart."""


@lru_cache(maxsize=_LINES_ASKED_AGAIN)
def is_furniture(line: str) -> bool:
    """Whether a line is a site's furniture, never a title or an organ (a metadata field that holds
    the title is the title, if what it holds is no furniture: ``标题：…年度报告发布时间：…`` is)."""
    text = line.strip()
    if len(text) > _FURNITURE_CHARS:  # a paragraph of prose
        return False
    bare = text.strip("|｜").strip()
    if _FIELD_TITLE.match(bare) and _REPORT.search(bare):  # the title, unless furniture ran into it
        return is_furniture(title_text(bare))
    return (
        _FURNITURE_WORDS.search(text) is not None
        or (("：" in text or ":" in text) and _FURNITURE_FIELD.search(text) is not None)
        or _DATE.search(text) is not None
        or text.startswith(_FURNITURE_EDGES)
        or text.endswith(_PIPES)
        or _PAGE_NUMBER.fullmatch(text) is not None
        or text in _SITE_SECTIONS
        or len(text) < 2
    )


def organ_name(text: str) -> str | None:
    """``text`` as the name of an organ, if it is one: without spaces and leading noise (``关于``),
    ending in what organs' names end in (局, 人民政府, 街道办事处 …), not a pronoun (我局, 本机关) and not
    the site's furniture."""
    organ = _CLOSING_NOISE.sub("", "".join(_OPENING_NOISE.sub("", text).split()).strip("：:，,。-—|｜"))
    if not _ORGAN_CHARS.match(organ) or _ORGAN_SUFFIX.search(organ) is None:
        return None
    if (
        organ.startswith("各")
        or organ.endswith(_PARTY_COMMITTEES)
        or any(word in organ for word in _TITLE_WORDS)
        or _PRONOUN.fullmatch(organ) is not None
        or is_furniture(organ)
    ):
        return None
    return organ


@lru_cache(maxsize=_TITLES_ASKED_AGAIN)
def title_parts(title: str) -> tuple[str | None, int | None]:
    """The organ and year a title names: 梁园区王楼乡人民政府2020年政府信息公开工作年度报告,
    2024年上海市科委政府信息公开工作年度报告, 盐城市行政审批局政府信息公开工作2022年度情况的报告."""
    match = YEAR.search(title)
    if match is None:
        return organ_name(_AFTER_ORGAN.sub("", title)), None
    before = organ_name(_AFTER_ORGAN.sub("", title[: match.start()]))
    return before or organ_name(_AFTER_ORGAN.sub("", title[match.end() :])), int(match.group(1))


def find_title(lines: Sequence[str], end: int) -> list[int]:
    """Indices of the title lines among the lines before ``end`` (the first heading): a run of one to
    three short lines, not furniture, ending in the one that says 报告 — the first run that names an
    organ, else the first run. Empty when the report opens without a title."""
    runs: list[list[int]] = []
    chosen: list[int] = []
    texts: dict[int, str] = {}
    """``title_text`` of each chosen line as it stands (not stripped first), made once."""
    for i in range(min(end, _SCANNED_LINES)):
        raw = lines[i].strip()
        text = title_text(raw)
        if not text or text in _PAGE_MARKERS:
            continue
        if is_furniture(raw) or _FIGURE_CELL.search(raw):  # furniture, or a table's row
            chosen = []
            continue
        if len(text) > _TITLE_MAX_CHARS or _SENTENCE_PUNCTUATION.search(text) or is_escaped(text):
            break  # the report's prose begins
        chosen = [*chosen, i][-_TITLE_MAX_LINES:]
        texts[i] = title_text(lines[i])
        while sum(len(texts[k]) for k in chosen) > _TITLE_MAX_CHARS:
            chosen = chosen[1:]  # the title is one line as written: no longer than one line may be
        if _REPORT.search(text):
            runs.append(chosen)
            if title_parts("".join(texts[k] for k in chosen))[0] is not None:
                return chosen
            chosen = []
    return runs[0] if runs else []
