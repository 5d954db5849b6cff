"""Reports rendered the way real copies look: the layouts and the noise the seed reports show, and
mixtures of them. Noise is added only where a person could still read every cell unambiguously."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from hypothesis import strategies as st

from ..catalogue import ACTIVE_BLOCKS, ACTIVE_LABEL_HEADER, REQUEST_COLUMNS, SECTIONS, Kind, Section
from ..lexing.lexer import reads_back
from ..lexing.lines import ESCAPE
from ..model import Active2019, Active2021, Report, Requests, Review, TextSection
from ..serialize.text import Cells, table_format, table_rows, to_text, unplaced_lines

Tables = Active2019 | Active2021 | Requests | Review

LAYOUTS = (
    "tabs",
    "lines",
    "spaces",
    "pipe_rows",
    "markdown",
    "pipe_cells",
    "pipe_lines",
    "tab_cells",
    "blank_lines",
    "glued",
)
"""The layout families real copies print tables in (see ``noisy_text``)."""
_FIGURE = re.compile(r"^(增加|增|减少|减|\+|--|-)?[0-9][0-9,]*(\.[0-9]+)?(万元|元)?$")
_HAN = re.compile("[\u4e00-\u9fff]")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789-", "０１２３４５６７８９－")
_CONTINUATION_CHARS = 24
"""A broken label's second line stays shorter than the lexer's sentence length."""
_MARKERS = ("/", "-", "—", "无")
_GLUED_FIGURES = 3
"""The most figures a row of table 二 has: the rows the glued layout runs together. A glued row of table
三 or 四 splits only where it adds up, and a generated one need not."""
_PADDING = ("|", "||", "|||")
_LABEL_NOTES = {
    "规范性文件": "（行政机关制定发布的决定、公告、通告、意见、通知，一般情况下属于规范性文件）",
    "其他对外管理服务事项": "（指行政许可以外的对外管理服务事项）",
    "规章": "（设区的市、自治州人民政府应提供相关数据）",
}
"""Explanatory notes some provinces print after a row label."""


def _is_figure(cell: str) -> bool:
    return not cell or _FIGURE.match(cell) is not None


def _is_value_row(cells: Cells) -> bool:
    return all(_is_figure(c) for c in cells)


def _is_data_row(cells: Cells) -> bool:
    """A label, then figures (or a row of figures alone)."""
    return _is_value_row(cells[1:])


def _words(cells: Cells) -> list[str]:
    """A header or item row's cells as pages print them: without the grid's empty positions."""
    return [c for c in cells if c]


@cache
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


@st.composite
def _figure_noise(draw: st.DrawFn, cell: str) -> str:
    """A figure as copies print it: full-width digits, padding spaces; a blank as a no-break space."""
    if not cell:
        return draw(st.sampled_from(("", "", "\u00a0")))
    if draw(st.booleans()):
        cell = cell.translate(_FULL_WIDTH_DIGITS)
    return draw(st.sampled_from(("", " "))) + cell + draw(st.sampled_from(("", " ")))


@st.composite
def _printed(draw: st.DrawFn, cell: str, kind: Kind | None) -> str:
    """A figure as pages print it: ``1,113``; in a 本年增/减 column ``增15`` ``减4`` ``+43`` ``--253``."""
    if not cell or not cell.lstrip("-").isdigit():
        return cell
    value = int(cell)
    if kind is Kind.SIGNED and value and draw(st.booleans()):
        if value > 0:
            return draw(st.sampled_from(("增", "增加", "+"))) + str(value)
        return draw(st.sampled_from(("减", "减少", "--"))) + str(-value)
    if value >= 1000 and draw(st.booleans()):
        return f"{value:,}"
    return cell


@st.composite
def _garbled(draw: st.DrawFn, rows: list[Cells], table: Tables) -> list[Cells]:
    """Labels and figures as pages print them (``_printed``); row labels with explanatory notes or a
    variant's typo; header words with stray spaces or a year note (``本年（2023）制发件数``), or cut
    short where the row of columns stays as wide as the format's."""
    out = []
    kinds = list(_column_kinds(rows, table))
    for cells, columns in zip(rows, kinds, strict=True):
        if columns is None:
            out.append(cells)
            continue
        label, *values = cells
        if label in _LABEL_NOTES and draw(st.booleans()):
            label += _LABEL_NOTES[label]
        printed = [draw(_printed(v, columns[i] if i < len(columns) else None)) for i, v in enumerate(values)]
        out.append((label, *printed))
    return [_header_noise(draw, cells) if _is_header(cells) else cells for cells in out]


def _is_header(cells: Cells) -> bool:
    return cells[0] == ACTIVE_LABEL_HEADER or cells[0] in (c.label for c in REQUEST_COLUMNS)


def _header_noise(draw: st.DrawFn, cells: Cells) -> Cells:
    style = draw(st.sampled_from(("none", "none", "spaces", "year")))
    if style == "spaces":
        return tuple(" ".join(c) if 2 <= len(c) <= 5 and _HAN.match(c) else c for c in cells)
    if style == "year":
        return tuple(c.replace("本年", "本年（2023）", 1) for c in cells)
    return cells


def _column_kinds(rows: list[Cells], table: Tables) -> Iterator[list[Kind] | None]:
    """For each row of table 二, the kinds of its value columns (``None``: not a data row)."""
    if not isinstance(table, Active2019 | Active2021):
        yield from (None for _ in rows)
        return
    blocks = {b.item: b for b in ACTIVE_BLOCKS[table_format(table)]}
    block = None
    for cells in rows:
        item = re.match("第二十条第（(.+)）项", cells[0])
        if item is not None:
            block = blocks.get(item.group(1))
        is_row = block is not None and any(cells[0] == r.label for r in block.rows)
        yield [c.kind for c in block.columns] if is_row and block is not None else None


@st.composite
def _tabs(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """Tab rows with ragged tabs: extra tabs before a label (never before a figure), a trailing tab
    after the figures only where the first figure is not blank (so trimming it is unambiguous)."""
    lines = []
    for cells in rows:
        figures = [draw(_figure_noise(c)) if _is_figure(c) and i else c for i, c in enumerate(cells)]
        lead = "" if _is_value_row(cells) else "\t" * draw(st.integers(0, 2))
        trailing = len(cells) > 1 and cells[1] != "" and not _is_value_row(cells) and draw(st.booleans())
        lines.append(lead + "\t".join(figures) + ("\t" if trailing else ""))
    return lines


@st.composite
def _lines(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """One tab-indented cell per line, blank cells as a lone tab, rows apart by a blank line; labels
    broken over two lines (the second unindented)."""
    lines = []
    for cells in rows:
        for cell in cells:
            cuts = [
                i for i in range(max(1, len(cell) - _CONTINUATION_CHARS), len(cell)) if _HAN.search(cell[:i])
            ]
            if len(cell) >= 4 and not _is_figure(cell) and cuts and draw(st.booleans()):
                cut = draw(st.sampled_from(cuts))  # within the label's words, as line widths break it
                lines += [f"\t{cell[:cut]}", cell[cut:]]
            else:
                lines.append(f"\t{draw(_figure_noise(cell)) if _is_figure(cell) else cell}")
        lines.append("")
    return lines


@st.composite
def _spaces(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """Cells separated by spaces, as PDF text layers give them; a row with a blank figure cannot be
    written so and stays a tab row."""
    lines = []
    for cells in rows:
        if any(not c for c in cells) and any(c and _is_figure(c) for c in cells):
            lines += draw(_tabs([cells]))  # a blank between figures: its place would be lost
        else:
            lines.append(" ".join(c for c in cells if c))
    return lines


@st.composite
def _padded_cells(draw: st.DrawFn, cells: Cells, padded: bool) -> tuple[list[str], str]:
    """A row's cells for a pipe layout, and the padding after it. Where the layout pads rows, a blank
    at a row's end could not be told from the padding: it is printed as a marker (``/`` ``-`` ``无``);
    so is a blank first cell, which a leading pipe would turn into a border."""
    if not _is_data_row(cells) or len(cells) == 1:  # an item or header row: padded with a run
        return _words(cells), draw(st.sampled_from(_PADDING[1:])) if padded else ""
    out = list(cells)
    if not out[0]:
        out[0] = draw(st.sampled_from(_MARKERS))
    if padded:
        end = len(out)
        while end > 1 and not out[end - 1]:
            end -= 1
        for i in range(end, len(out)):
            out[i] = draw(st.sampled_from(_MARKERS))
    padding = draw(st.sampled_from(("", *_PADDING))) if padded else ""
    return out, padding


@st.composite
def _pipe_rows(draw: st.DrawFn, rows: list[Cells], leading: bool = False) -> list[str]:
    """A row per line, cells ending in `` |`` (``| `` before the first with ``leading``: Markdown);
    some tables pad rows with runs of pipes (``第二十条第(一)项 | |||``)."""
    padded = draw(st.booleans())
    lines = []
    for cells in rows:
        out, padding = draw(_padded_cells(cells, padded))
        line = " | ".join(out) + " |" + (f" {padding}" if padding else "")
        lines.append(f"| {line}" if leading else line)
    return lines


@st.composite
def _markdown(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    lines: list[str] = draw(_pipe_rows(rows, leading=True))
    return lines


@st.composite
def _pipe_cells(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """One cell per line ending in `` |``; a blank cell a lone ``|``; some tables pad rows with a line
    of pipes (``|||``), and some of those open each row with a lone ``|`` line; header words broken
    over lines."""
    openers = draw(st.booleans())
    padded = openers or draw(st.booleans())  # an opening pipe could not be told from an empty cell
    lines = []
    for cells in rows:
        out, padding = draw(_padded_cells(cells, padded))
        if openers:
            lines.append("|")
        for cell in out:
            if not cell:
                lines.append("|")
            elif _is_header(cells) and 4 <= len(cell) <= 8 and draw(st.booleans()):
                lines += [cell[:2], f"{cell[2:]} |"]  # "商业\n企业 |"
            else:
                lines.append(f"{cell} |")
        if padding:
            lines.append(padding)
    return lines


@st.composite
def _pipe_lines(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """Cell lines and pipe lines alternating (``| 规章`` ``|`` ``0`` ``|`` …): each cell's closing pipe
    on the next line, a blank cell a pipe line more; padding as a line of pipes."""
    padded = draw(st.booleans())
    lines = []
    for cells in rows:
        out, padding = draw(_padded_cells(cells, padded))
        for k, cell in enumerate(out):
            lines += ["|"] if not cell else [f"| {cell}" if k == 0 else cell, "|"]
        if padding:
            lines.append(padding)
    return lines


@st.composite
def _tab_cells(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """One cell per line closed by a tab (``规章⇥`` ``0⇥`` …: table cells joined by tabs and line
    breaks); a blank cell a lone tab, or as a marker where it opens a row (see ``_padded_cells``)."""
    lines = []
    for cells in rows:
        out, _ = draw(_padded_cells(cells, padded=False))
        lines += [f"{cell}\t" if cell else "\t" for cell in out]
    return lines


@st.composite
def _blank_lines(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """One cell per line, every line followed by a blank one; a blank cell printed as a marker."""
    lines = []
    for cells in rows:
        out = _words(cells) if not _is_data_row(cells) else cells
        for cell in out:
            lines += [cell or draw(st.sampled_from(_MARKERS)), ""]
    return lines


@st.composite
def _glued(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """No separators at all: header words run together, and a table-二 row whose figures are single
    digits run into its label (``规章000``, three digits for three columns); other rows space-separated."""
    lines = []
    for cells in rows:
        label, *values = cells
        single = values and all(len(v) == 1 and v.isdigit() for v in values)
        if not _is_data_row(cells):
            lines.append("".join(_words(cells)) if draw(st.booleans()) else " ".join(_words(cells)))
        elif single and label and len(values) <= _GLUED_FIGURES:
            lines.append(label + "".join(values))
        else:
            lines += draw(_spaces([cells]))
    return lines


_WRITERS = {
    "tabs": _tabs,
    "lines": _lines,
    "spaces": _spaces,
    "pipe_rows": _pipe_rows,
    "markdown": _markdown,
    "pipe_cells": _pipe_cells,
    "pipe_lines": _pipe_lines,
    "tab_cells": _tab_cells,
    "blank_lines": _blank_lines,
    "glued": _glued,
}


def _escaped(text: str) -> str:
    return text if text.startswith(ESCAPE) else ESCAPE + text


def _heading(section: Section, style: str) -> str:
    return {
        "official": section.heading,
        "arabic": f"{section.number}、 {section.title}",
        "doubled": f"{section.numeral},、{section.title}",
        "bare": section.title,
    }[style]


@st.composite
def _section_lines(draw: st.DrawFn, report: Report, field: str, layouts: Sequence[str]) -> list[str]:
    content = getattr(report, field)
    canonical = to_text(_alone(report, field)).split("\n")
    if isinstance(content, TextSection):
        return canonical[1:-1]  # its paragraphs, escaped where canonical text escapes them
    layout = draw(st.sampled_from(layouts))
    extras = isinstance(content, Active2019 | Active2021) and bool(content.extras)
    if layout in ("spaces", "glued") and extras:
        layout = "tabs"  # an extra column's header does not split off from spaces
    rows = table_rows(content)
    if not extras:
        rows = draw(_garbled(rows, content))
    lines: list[str] = draw(_WRITERS[layout](rows))
    lines += [_escaped(note) for note in content.notes]
    indent = "\t" if layout == "lines" else ""
    lines += [indent + line for line in unplaced_lines(report, field)]
    return lines


def _alone(report: Report, field: str) -> Report:
    """A report with only one section and its unplaced content, to take that section's canonical lines."""
    kept = tuple(u for u in report.unplaced if u.section == field)
    return Report(title=None, unplaced=kept, **{field: getattr(report, field)})


@st.composite
def _title_lines(draw: st.DrawFn, report: Report) -> list[str]:
    title, organ = report.title or "", report.organ or ""
    splittable = organ and title.startswith(organ) and "报告" not in organ and "年报" not in organ
    if splittable and draw(st.booleans()):  # organ and year on lines of their own
        return [organ, "", title[len(organ) :]]
    return [title] if title else []


@st.composite
def _traditional(draw: st.DrawFn, text: str) -> str:
    """Traditional characters, with pinyin notes after some of them, as spam mirror sites write."""
    text = _s2t()(text)
    places = [m.end() for m in _HAN.finditer(text)]
    chosen = sorted(set(draw(st.lists(st.sampled_from(places), max_size=8)))) if places else []
    for place in reversed(chosen):
        text = text[:place] + draw(st.sampled_from(("(zhèn)", "(bào)", "(xiàng)"))) + text[place:]
    return text


@st.composite
def _residue(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """HTML and Word residue around some lines; page numbers between some."""
    out = []
    for line in lines:
        noise = draw(st.sampled_from(("", "", "", "", "html", "bookmark", "footer")))
        if noise == "html" and line.strip():
            line = f'<span style="font-family:宋体">{line}</span>'
        elif noise == "bookmark" and line.strip() and not line.startswith("\t"):
            line = "[bookmark: _GoBack]" + line
        elif noise == "footer":
            out.append(f"- {draw(st.integers(1, 9))} -")
        out.append(line)
    return out


@st.composite
def noisy_text(
    draw: st.DrawFn, report: Report, layouts: Sequence[str] = LAYOUTS, traditional: bool | None = None
) -> str:
    """``report`` rendered as real copies look. Each table in one of ``layouts``:

    * ``tabs`` — tab rows with ragged tabs; ``lines`` — one tab-indented cell per line, blank lines
      between rows, labels broken over lines; ``spaces`` — space-separated rows (PDF text layers);
    * ``pipe_rows`` — ``a | b |``, ``markdown`` — ``| a | b |``, ``pipe_cells`` — one cell per line ending
      `` |`` (a lone ``|`` opening each row, or not), ``pipe_lines`` — cell lines and ``|`` lines
      alternating; each with or without rows padded by runs of pipes (``|||``), as merged cells leave;
      ``tab_cells`` — one cell per line closed by a tab, a blank cell a lone tab;
    * ``blank_lines`` — one cell per line, blank lines between, blanks printed as markers;
    * ``glued`` — no separators: header words and single-digit rows run together (``规章000``).

    Labels with explanatory notes, headers with stray spaces or a year note, figures as ``1,113`` and
    ``增15`` ``减4`` ``--253``; headings numbered ``1、`` or ``一,、`` or not at all, full-width digits,
    HTML and Word residue, page numbers, and with ``traditional`` (drawn when ``None``) traditional
    characters with pinyin notes. Reading it gives back the report's metadata and every table cell."""
    lines = draw(_title_lines(report))
    lines += to_text(Report(title=None, preamble=report.preamble)).split("\n")[:-1]
    lines += unplaced_lines(report, None)
    for section in SECTIONS:
        if getattr(report, section.field) is None:
            continue
        style = draw(st.sampled_from(("official", "official", "arabic", "doubled", "bare")))
        lines.append(_heading(section, style))
        lines += draw(_section_lines(report, section.field, layouts))
    text = "\n".join(draw(_residue(lines))) + "\n"
    return draw(_traditional(text)) if (draw(st.booleans()) if traditional is None else traditional) else text


@st.composite
def flattened_text(draw: st.DrawFn, report: Report) -> str:
    """``report`` as a crawler renders its web page: a header, then the whole report on one line with
    every table cell run into the next — figures glued (``640020470``), now and then a space between
    two; white space inside a paragraph collapsed to one space, as a browser shows it. Table notes,
    unplaced content and paragraphs that read as a heading or a table row are left out: a crawler keeps
    them, but run together with the cells no reader could tell them apart."""
    header = f"标题: {report.title}\n栏目: 政府信息公开年报\n" if report.title else ""
    parts = [report.title or "", *(p for p in report.preamble if reads_back(p, tabular=False, opening=True))]
    for section in SECTIONS:
        content = getattr(report, section.field)
        if content is None:
            continue
        parts.append(section.heading)
        if isinstance(content, TextSection):
            parts += (" ".join(p.split()) for p in content.paragraphs if reads_back(p, tabular=False))
            continue
        for cells in table_rows(content):
            parts += [
                draw(st.sampled_from(("", "", "", " "))) + cell if _is_figure(cell) else cell
                for cell in cells
            ]
    return header + "".join(parts) + "\n"
