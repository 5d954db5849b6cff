"""The catalogue: every section, table row and column of both official formats, declared once.

Labels are given verbatim as the official forms print them (full-width punctuation); ``aliases`` are the
variants real reports print instead (see official-format.md §7). Field names are the model's attribute
names. The parser's label matching, the renderers, the CSV columns, the JSON Schema and the test
strategies all read this module; adding an alias is a one-line change here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from functools import cache

import attrs

from .model.common import SAFE_INTEGER, Template
from .patterns import regex

_NUMBERING = regex(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+\.)")
"""A row label's number: 一、 （一） 1."""
_NOTE = regex(r"（[^（）]*）$")
"""A label's closing note: （区分处理的，只计这一情形，不计其他情形）, （单位：万元）."""


class Kind(enum.Enum):
    """What a column holds."""

    COUNT = "count"
    """A non-negative whole number (件, 项, 个)."""
    SIGNED = "signed"
    """A whole number that keeps its sign (本年增/减)."""
    AMOUNT = "amount"
    """A decimal amount of money."""


@attrs.frozen
class Column:
    field: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: Kind = Kind.COUNT
    unit: str | None = None
    """The unit the official header prints, if any."""

    @property
    def name(self) -> str:
        """The label as a reader names the column: without its note, with its unit (``本年收费金额（万元）``)."""
        bare = _NOTE.sub("", self.label)
        return f"{bare}（{self.unit}）" if self.unit else bare


@attrs.frozen
class Row:
    """A table row. A row with ``children`` is a group label and carries no values of its own.

    ``field`` is ``None`` for a group that only organises the rows below it (三、本年度办理结果).
    """

    field: str | None
    label: str
    aliases: tuple[str, ...] = ()
    children: tuple[Row, ...] = ()
    short: str | None = attrs.field(default=None, kw_only=True)
    """The name a reader gives a row whose label is a sentence (本年新收 for 一、本年新收政府信息公开申请数量)."""

    @property
    def name(self) -> str:
        """The row as a reader names it: ``short``, else the label without its number and note."""
        return self.short or _NOTE.sub("", _NUMBERING.sub("", self.label))


@attrs.frozen
class Block:
    """One 《条例》第二十条 item of table 二: its header columns and its rows."""

    item: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@attrs.frozen
class Section:
    """One of the six sections. ``keywords``: groups of words a numbered heading must contain, one of each.
    A ``tabular`` section holds a table, which zwgk numbers as its section (tables 二, 三, 四)."""

    number: int
    field: str
    title: str
    variants: tuple[str, ...] = ()
    keywords: tuple[tuple[str, ...], ...] = ()
    tabular: bool = False

    @property
    def numeral(self) -> str:
        """The section's number as headings write it: 一 … 六."""
        return SECTION_NUMERALS[self.number - 1]

    @property
    def heading(self) -> str:
        """The official heading: ``一、总体情况``."""
        return f"{self.numeral}、{self.title}"

    @property
    def table(self) -> str:
        """The name of a tabular section's table: ``表三``."""
        return f"表{self.numeral}"


SECTION_NUMERALS = "一二三四五六"

SECTIONS: tuple[Section, ...] = (
    Section(1, "overview", "总体情况", (), (("总体情况", "基本情况", "概述"),)),
    Section(
        2,
        "active",
        "主动公开政府信息情况",
        ("主动公开政府信息的情况",),
        (("主动公开",), ("情况",)),
        tabular=True,
    ),
    Section(
        3,
        "requests",
        "收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请的情况", "依申请公开政府信息情况"),
        (("申请",), ("处理", "办理", "答复")),
        tabular=True,
    ),
    Section(
        4,
        "review",
        "政府信息公开行政复议、行政诉讼情况",
        (
            "政府信息公开行政法复议、行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "政府信息公开行政复议和行政诉讼情况",
        ),
        (("复议",), ("诉讼",)),
        tabular=True,
    ),
    Section(
        5,
        "problems",
        "存在的主要问题及改进情况",
        (
            "政府信息公开工作存在的主要问题及改进情况",
            "存在问题及改进情况",
            "存在的问题及改进情况",
            "存在的主要问题及改进措施",
        ),
        (("问题",), ("改进", "整改", "措施")),
    ),
    Section(6, "other_matters", "其他需要报告的事项", ("其他需报告的事项",), (("其他",), ("事项", "报告"))),
)

# ---------------------------------------------------------------------------------------------------
# Table 二 — 主动公开政府信息情况

ACTIVE_LABEL_HEADER = "信息内容"

_PREVIOUS = Column("previous", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", ("本年增减", "本年增（减）"), Kind.SIGNED)
_DECISIONS_2019 = Column("decisions", "处理决定数量")
_DECISIONS_2021 = Column("decisions", "本年处理决定数量")
_FEES = Row("fees", "行政事业性收费", ("行政事业型收费",))

ACTIVE_BLOCKS: dict[Template, tuple[Block, ...]] = {
    Template.V2019: (
        Block(
            "一",
            (
                Column("made", "本年新制作数量"),
                Column("published", "本年新公开数量"),
                Column("total_published", "对外公开总数量"),
            ),
            (
                Row("regulations", "规章"),
                Row("normative_documents", "规范性文件", ("行政规范性文件", "规范性档案")),
            ),
        ),
        Block(
            "五",
            (_PREVIOUS, _CHANGE, _DECISIONS_2019),
            (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ),
        Block(
            "六",
            (_PREVIOUS, _CHANGE, _DECISIONS_2019),
            (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Block("八", (_PREVIOUS, _CHANGE), (_FEES,)),
        Block(
            "九",
            (Column("projects", "采购项目数量"), Column("amount", "采购总金额", kind=Kind.AMOUNT)),
            (Row("procurement", "政府集中采购"),),
        ),
    ),
    Template.V2021: (
        Block(
            "一",
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            (
                Row("regulations", "规章"),
                Row("normative_documents", "行政规范性文件", ("规范性文件", "规范性档案", "行政规范性档案")),
            ),
        ),
        Block("五", (_DECISIONS_2021,), (Row("licensing", "行政许可"),)),
        Block("六", (_DECISIONS_2021,), (Row("punishment", "行政处罚"), Row("coercion", "行政强制"))),
        Block(
            "八",
            (Column("amount", "本年收费金额（单位：万元）", ("本年收费金额",), Kind.AMOUNT, "万元"),),
            (_FEES,),
        ),
    ),
}

# ---------------------------------------------------------------------------------------------------
# Table 三 — 收到和处理政府信息公开申请情况

REQUEST_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUEST_HEADER_LABELS = ("申请人情况", "法人或其他组织")

REQUEST_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social_welfare", "社会公益组织", ("社会组织",)),
    Column("legal_service", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计"),
)


def _sub_rows(
    *rows: tuple[str, str] | tuple[str, str, tuple[str, ...]] | tuple[str, str, tuple[str, ...], str],
) -> tuple[Row, ...]:
    return tuple(Row(*row[:3], short=row[3] if len(row) > 3 else None) for row in rows)


_WITHHELD = Row(
    "withheld",
    "（三）不予公开",
    children=_sub_rows(
        ("state_secret", "1.属于国家秘密"),
        ("prohibited_by_law", "2.其他法律行政法规禁止公开", ("2.其他法律行政止公开",)),
        ("security_stability", "3.危及“三安全一稳定”"),
        ("third_party_rights", "4.保护第三方合法权益"),
        ("internal_affairs", "5.属于三类内部事务信息"),
        ("process_information", "6.属于四类过程性信息"),
        ("enforcement_files", "7.属于行政执法案卷"),
        ("query_matters", "8.属于行政查询事项"),
    ),
)
_UNAVAILABLE = Row(
    "unavailable",
    "（四）无法提供",
    children=_sub_rows(
        ("not_held", "1.本机关不掌握相关政府信息"),
        ("needs_creation", "2.没有现成信息需要另行制作"),
        ("unclear", "3.补正后申请内容仍不明确"),
    ),
)
_NOT_PROCESSED = Row(
    "not_processed",
    "（五）不予处理",
    children=_sub_rows(
        ("petition", "1.信访举报投诉类申请"),
        ("repeated", "2.重复申请"),
        ("publications", "3.要求提供公开出版物"),
        ("excessive", "4.无正当理由大量反复申请"),
        ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ),
)
_OTHER_HANDLING_LABEL = "（六）其他处理"
_OTHER_HANDLING_ALIASES = ("（六）其他",)
_OTHER_HANDLING: dict[Template, Row] = {
    Template.V2019: Row("other_handling", _OTHER_HANDLING_LABEL, _OTHER_HANDLING_ALIASES),
    Template.V2021: Row(
        "other_handling",
        _OTHER_HANDLING_LABEL,
        _OTHER_HANDLING_ALIASES,
        children=_sub_rows(
            (
                "overdue_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                ("1.申请人无正当理由逾期不补正",),
                "逾期不补正",
            ),
            (
                "overdue_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                ("2.申请人逾期未按收费通知要求缴纳费用",),
                "逾期未缴纳费用",
            ),
            ("other", "3.其他"),
        ),
    ),
}


def _request_rows(template: Template) -> tuple[Row, ...]:
    return (
        Row("new_received", "一、本年新收政府信息公开申请数量", short="本年新收"),
        Row("carried_over", "二、上年结转政府信息公开申请数量", short="上年结转"),
        Row(
            None,
            "三、本年度办理结果",
            children=(
                Row("granted", "（一）予以公开"),
                Row(
                    "partially_granted",
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    ("（二）部分公开",),
                ),
                _WITHHELD,
                _UNAVAILABLE,
                _NOT_PROCESSED,
                _OTHER_HANDLING[template],
                Row("total", "（七）总计"),
            ),
        ),
        Row("carried_forward", "四、结转下年度继续办理", ("四、结转下一年度继续办理",)),
    )


REQUEST_ROWS: dict[Template, tuple[Row, ...]] = {t: _request_rows(t) for t in Template}

# ---------------------------------------------------------------------------------------------------
# Table 四 — 政府信息公开行政复议、行政诉讼情况

REVIEW_HEADER_LABELS = ("行政诉讼",)
REVIEW_GROUPS: tuple[Row, ...] = (
    Row("reconsideration", "行政复议"),
    Row("direct_litigation", "未经复议直接起诉"),
    Row("post_reconsideration_litigation", "复议后起诉"),
)
REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)

# ---------------------------------------------------------------------------------------------------
# What a report is, as a reader names it (the wide CSV's and the workbook's headers)

REPORT_LABELS = {
    "report": "报告",
    "title": "标题",
    "organ": "机关",
    "year": "年度",
    "template": "格式",
    "preamble": "前言",
}
"""The parts of a report that are no section, by their field (``report``: the key that names it)."""
UNIT_LABEL = "单位"
"""The header of the unit a report gave its 采购总金额 in."""

# ---------------------------------------------------------------------------------------------------
# Cells

CELL_MARKERS = (
    "-",
    "--",
    "—",
    "——",
    "–",
    "/",
    "\\",
    "无",
    "不适用",
    "N/A",
    "NA",
    "×",
    "未增未减",
    "无增减",
    "持平",
)
"""What reports print instead of a figure; read as a blank (``None``) with a diagnostic."""

UNITS = ("万元", "元", "件", "条", "个", "项", "万")
"""Units reports type into cells after a figure (``万`` alone is ``万元`` cut short)."""
MONEY_UNITS = ("万元", "元", "万")
APPROXIMATE_WORDS = (
    "大约",
    "约",
    "近",
    "逾",
    "超过",
    "不足",
    "不到",
    "共计",
    "共",
    "合计",
    "约计",
    "~",
    ">",
    "<",
    "≥",
    "≤",
)
"""What makes a figure in a cell approximate or a bound (``约64``, ``近百``): no count a column can take."""
ROUNDING_NOTE = regex(r"保留\s*\d+\s*位小数")
"""The figure in a money header's note (``（单位：万元，保留4位小数）``), which is the header's own."""
OTHER_UNITS = ("人次", "人", "次", "家", "户", "起", "宗", "篇", "份", "例", "余", "多", "%", "‰")
"""Units of what the tables do not count (``64人``, ``12%``), and the 余/多 that make a figure approximate."""

MAX_FIGURE = SAFE_INTEGER
"""The largest magnitude a figure of a table may have, count or amount: far beyond any real report's,
and the largest the model holds (JSON keeps it exact). A cell beyond it is no figure (ZW234), so every
later step (checks, JSON, text) handles numbers of a few digits."""
MAX_FIGURE_DIGITS = len(str(MAX_FIGURE))
MAX_DECIMAL_PLACES = 12
"""The most decimal places an amount may print (reports print at most four)."""

SIGN_WORDS = {"增加": "+", "增": "+", "+": "+", "减少": "-", "减": "-", "--": "-", "-": "-"}
"""What reports print before a figure of a 本年增/减 column (``增15``, ``减4``, ``--253``) and the sign it means."""


# ---------------------------------------------------------------------------------------------------
# Walking the catalogue


@attrs.frozen
class Leaf:
    """A row that carries values, with its dotted path inside its table (``withheld.state_secret``)."""

    path: str
    row: Row
    group: Row | None


def walk_rows(rows: tuple[Row, ...], prefix: str = "") -> Iterator[tuple[str | None, Row, Row | None]]:
    """Every row in order, groups before their children: ``(path, row, parent)``; a pure group has no path."""
    yield from _walk(rows, prefix, None)


def _walk(
    rows: tuple[Row, ...], prefix: str, parent: Row | None
) -> Iterator[tuple[str | None, Row, Row | None]]:
    for row in rows:
        path = f"{prefix}{row.field}" if row.field else None
        yield path, row, parent
        if row.children:
            yield from _walk(row.children, f"{path}." if path else prefix, row)


@cache
def request_leaves(template: Template) -> tuple[Leaf, ...]:
    """The rows of table 三 that carry values, in the order the format prints them."""
    return tuple(
        Leaf(path, row, parent)
        for path, row, parent in walk_rows(REQUEST_ROWS[template])
        if path is not None and not row.children
    )


@cache
def active_leaves(template: Template) -> tuple[tuple[Block, Row], ...]:
    """The rows of table 二, each with its block, in the order the format prints them."""
    return tuple((block, row) for block in ACTIVE_BLOCKS[template] for row in block.rows)


# ---------------------------------------------------------------------------------------------------
# Cells, and which of them count the same thing in both formats

CellKey = tuple[str, str, str]
"""A cell as ``(table, row path, column field)``: ``("requests", "withheld.state_secret", "total")``."""


@attrs.frozen
class Place:
    """A cell as a format prints it: its table (the report's field), row and column, and what its row
    stands under — the 第二十条 item (``block``, table 二) or the group with a field (（三）不予公开)."""

    table: str
    path: str
    row: Row
    column: Column
    block: Block | None = None
    group: Row | None = None

    @property
    def key(self) -> CellKey:
        return (self.table, self.path, self.column.field)

    @property
    def name(self) -> str:
        """The cell as a reader names it within its table: ``不予公开.属于国家秘密.自然人``."""
        group = f"{self.group.name}." if self.group is not None else ""
        return f"{group}{self.row.name}.{self.column.name}"


@cache
def places(template: Template) -> tuple[Place, ...]:
    """Every cell of tables 二, 三 and 四 in a format, in the order the format prints them."""
    active = tuple(
        Place("active", row.field or "", row, column, block=block)
        for block, row in active_leaves(template)
        for column in block.columns
    )
    requests = tuple(
        Place(
            "requests",
            leaf.path,
            leaf.row,
            column,
            group=leaf.group if leaf.group and leaf.group.field else None,
        )
        for leaf in request_leaves(template)
        for column in REQUEST_COLUMNS
    )
    review = tuple(
        Place("review", group.field or "", group, column)
        for group in REVIEW_GROUPS
        for column in REVIEW_COLUMNS
    )
    return (*active, *requests, *review)


ACTIVE_ACROSS_FORMATS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("regulations", "made"), ("regulations", "issued")),
    (("normative_documents", "made"), ("normative_documents", "issued")),
    (("licensing", "decisions"), ("licensing", "decisions")),
    (("punishment", "decisions"), ("punishment", "decisions")),
    (("coercion", "decisions"), ("coercion", "decisions")),
)
"""Table 二's cells that count the same thing in the 2019 and the 2021 format: (row, column) in 2019,
(row, column) in 2021. Every other cell of table 二 is in one format only:

- 第（一）项: 本年新制作数量 is 本年制发件数 (the documents the organ made this year; it issues what it
  makes), in both rows (规范性文件 is 行政规范性文件). 本年新公开数量 (2019) has no counterpart, nor
  本年废止件数 (2021); 对外公开总数量 (all ever published) is not 现行有效件数 (those in force: the
  repealed left out).
- 第（五）（六）项: 处理决定数量 is 本年处理决定数量. 上一年项目数量 and 本年增/减 count items, which the
  2021 format no longer lists; 其他对外管理服务事项 is a 2019 row.
- 第（八）项 行政事业性收费 is a row of both, but no cell is the same: the 2019 cells count fee items,
  the 2021 cell is the amount collected (万元).
- 第（九）项 政府集中采购 is a 2019 row.
"""


@cache
def same_cells(old: Template, new: Template) -> dict[CellKey, CellKey]:
    """The cells of format ``old`` that count what a cell of format ``new`` counts, old key → new key.

    Within one format every cell is itself. Across the two: table 二 as ``ACTIVE_ACROSS_FORMATS``
    declares; table 三 row by row, every row but （六）其他处理 — one row in 2019, three in 2021, none
    of which is the 2019 row (each is a part of it), so each is in one format only; table 四 whole.
    """
    if old is new:
        return {place.key: place.key for place in places(old)}
    pairs = {  # 2019 → 2021
        ("active", old_row, old_column): ("active", new_row, new_column)
        for (old_row, old_column), (new_row, new_column) in ACTIVE_ACROSS_FORMATS
    }
    both = {place.key for place in places(old)} & {place.key for place in places(new)}
    pairs |= {key: key for key in both if key[0] != "active"}
    if old is Template.V2019:
        return pairs
    return {new_key: old_key for old_key, new_key in pairs.items()}
