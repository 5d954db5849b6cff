"""Reports rendered the way real copies look: the layouts and the noise the seed reports show, and
mixtures of them. Noise is added only where a person could still read every cell unambiguously."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from hypothesis import strategies as st

from ..catalogue import SECTIONS, Section
from ..lexing.lexer import reads_back
from ..lexing.lines import ESCAPE
from ..model import Active2019, Active2021, Report, TextSection
from ..serialize.text import Cells, table_rows, to_text

LAYOUTS = ("tabs", "pipes", "lines", "spaces")
_FIGURE = re.compile(r"^-?[0-9]+(\.[0-9]+)?(万元|元)?$")
_HAN = re.compile("[\u4e00-\u9fff]")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789-", "０１２３４５６７８９－")
_CONTINUATION_CHARS = 24
"""A broken label's second line stays shorter than the lexer's sentence length."""


def _is_figure(cell: str) -> bool:
    return not cell or _FIGURE.match(cell) is not None


def _is_value_row(cells: Cells) -> bool:
    return all(_is_figure(c) for c in cells)


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
def _pipes(draw: st.DrawFn, rows: list[Cells]) -> list[str]:
    """One cell per line ending in `` |``; the row's last cell ends in `` | |`` (or more pipes)."""
    lines = []
    for cells in rows:
        ends = draw(st.sampled_from((" |", " ||", " ||||")))
        lines += [f"{c} |" for c in cells[:-1]] + [f"{cells[-1]} |{ends}"]
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


_WRITERS = {"tabs": _tabs, "pipes": _pipes, "lines": _lines, "spaces": _spaces}


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
    if layout == "spaces" and isinstance(content, Active2019 | Active2021) and content.extras:
        layout = "tabs"  # an extra column's header does not split off from spaces
    lines: list[str] = draw(_WRITERS[layout](table_rows(content)))
    lines += [_escaped(note) for note in content.notes]
    indent = "\t" if layout == "lines" else ""
    lines += [indent + u.text for u in report.unplaced if u.section == field]
    return lines


def _alone(report: Report, field: str) -> Report:
    """A report with only one section, to take that section's canonical lines."""
    return Report(title=None, **{field: getattr(report, field)})


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
    """``report`` rendered as real copies look: per table one of ``layouts`` (``tabs``: tab rows with
    ragged tabs; ``pipes``: one cell per line ending `` |``; ``lines``: one tab-indented cell per line
    with blank lines and broken labels; ``spaces``: space-separated rows as PDF text layers give
    them), headings numbered ``1、`` or ``一,、`` or not at all, figures with full-width digits and
    padding, HTML and Word residue, page numbers, and with ``traditional`` (drawn when ``None``)
    traditional characters with pinyin notes. Reading it gives back the report's metadata and every
    table cell."""
    lines = draw(_title_lines(report))
    lines += to_text(Report(title=None, preamble=report.preamble)).split("\n")[:-1]
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
