"""MkDocs hook: the parts of the documentation that are generated from the code at build time.

A marker standing alone on a line of a page is replaced by Markdown before the page is rendered:

* ``<!-- catalogue: sections -->`` — the six sections, their official headings and known variants;
* ``<!-- catalogue: active 2019 -->``, ``requests``, ``review`` (``2019`` or ``2021``) — table 二, 三
  or 四 of a format: every row and column with its label, its field and the variants read as it, all
  from ``zwgk.catalogue``;
* ``<!-- cli -->`` — the help of ``zwgk`` and of each of its commands, from ``zwgk.cli._arguments()``;
* ``<!-- readme: run -->``, ``<!-- readme: test -->`` — the command of the README's fenced block after
  ``<!-- ci:run -->`` or ``<!-- ci:test -->`` (the commands CI runs), as a ``sh`` block;
* ``<!-- api: others -->`` — a ``::: zwgk.NAME`` directive for each name in ``zwgk.__all__`` that no
  page in ``api/`` documents with a directive of its own, so the reference covers the whole public API.

A marker this hook does not know stops the build. A name in ``zwgk.__all__`` that no API page
documents, or a directive for a ``zwgk`` name that is not in ``zwgk.__all__``, is a warning, which
``mkdocs build --strict`` turns into a failure.
"""

from __future__ import annotations

import argparse
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

import zwgk
from zwgk import catalogue
from zwgk.catalogue import Column, Row
from zwgk.cli import _arguments
from zwgk.model.common import Template

log = logging.getLogger("mkdocs.plugins.zwgk_docs")

_MARKER = re.compile(r"^<!--\s*(catalogue:[^>]*?|cli|api:[^>]*?|readme:[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
_API_DIRECTIVE = re.compile(r"^:::\s*zwgk\.(\w+)\s*$", re.MULTILINE)
_HELP_WIDTH = 100

_API_PAGES = "api/"
_documented: dict[str, str] = {}
"""Names of ``zwgk`` documented on the API pages, with the page that documents them."""


# ---------------------------------------------------------------------------------------------------
# Markdown


def _text(text: str) -> str:
    """Text for a table cell."""
    return text.replace("|", r"\|")


def _code(text: str) -> str:
    return f"`{text}`"


def _variants(aliases: Iterable[str]) -> str:
    return "<br>".join(_text(a) for a in aliases)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _template(argument: str) -> Template:
    try:
        return Template(argument)
    except ValueError:
        formats = ", ".join(t.value for t in Template)
        raise PluginError(f"zwgk_docs: unknown format {argument!r} (one of {formats})") from None


# ---------------------------------------------------------------------------------------------------
# The catalogue


def _sections() -> str:
    return _table(
        ("", "official heading", "field", "variants read as it", "table"),
        (
            (
                section.numeral,
                _text(section.heading),
                _code(f"report.{section.field}"),
                _variants(section.variants),
                f"table {section.numeral}" if section.tabular else "",
            )
            for section in catalogue.SECTIONS
        ),
    )


def _column_head(column: Column) -> str:
    """A column's label, its field and, unless it is a count, what it holds."""
    unit = f" ({column.unit})" if column.unit and column.unit not in column.label else ""
    kind = "" if column.kind is catalogue.Kind.COUNT else f"<br>*{column.kind.value}*"
    return f"{_text(column.label)}{unit}<br>{_code(column.field)}{kind}"


def _alias_list(pairs: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """The variants real reports print, as a list: ``official ← variant, variant``."""
    seen = dict.fromkeys((label, aliases) for label, aliases in pairs if aliases)
    if not seen:
        return ""
    items = [f"* {_text(label)} ← " + "，".join(_text(a) for a in aliases) for label, aliases in seen]
    return "Variants read as the official label:\n\n" + "\n".join(items)


def _active(template: Template) -> str:
    """Table 二, one grid per 《条例》第二十条 item, as the form prints it; each cell gives its path."""
    parts: list[str] = []
    for block in catalogue.ACTIVE_BLOCKS[template]:
        header = (
            f"第二十条第（{block.item}）项<br>{catalogue.ACTIVE_LABEL_HEADER}",
            *map(_column_head, block.columns),
        )
        rows = (
            (
                f"{_text(row.label)}<br>{_code(row.field or '')}",
                *(_code(f"{row.field}.{c.field}") for c in block.columns),
            )
            for row in block.rows
        )
        parts.append(_table(header, rows))
    kinds = sorted(
        {column.kind for block in catalogue.ACTIVE_BLOCKS[template] for column in block.columns},
        key=list(catalogue.Kind).index,
    )
    parts.append(
        "What the columns hold (a column not marked holds counts):\n\n"
        + "\n".join(f"* {kind.value}: {_kind_doc(kind)}" for kind in kinds)
    )
    aliases = _alias_list(
        [(row.label, row.aliases) for block in catalogue.ACTIVE_BLOCKS[template] for row in block.rows]
        + [(c.label, c.aliases) for block in catalogue.ACTIVE_BLOCKS[template] for c in block.columns]
    )
    if aliases:
        parts.append(aliases)
    return "\n\n".join(parts)


def _kind_doc(kind: catalogue.Kind) -> str:
    return {
        catalogue.Kind.COUNT: "a whole number of 件, 项 or 个 (`int`); a negative one is flagged (ZW227)",
        catalogue.Kind.SIGNED: "a whole number that keeps its sign (`int`)",
        catalogue.Kind.AMOUNT: "an exact decimal amount (`decimal.Decimal`)",
    }[kind]


def _rows(rows: tuple[Row, ...]) -> str:
    """A row table: each row's label, indented under its group, its path and its variants."""
    depth: dict[int, int] = {}
    lines = []
    for path, row, parent in catalogue.walk_rows(rows):
        depth[id(row)] = 0 if parent is None else depth[id(parent)] + 1
        indent = "&emsp;" * 2 * depth[id(row)]
        label = _text(row.label)
        if path is None:
            field = "—"
        elif row.children:
            field = f"{_code(path)} (group)"
        else:
            field = _code(path)
        lines.append(
            (
                f"{indent}{label}" if not row.children else f"{indent}**{label}**",
                field,
                _variants(row.aliases),
            )
        )
    return _table(("row", "field", "variants read as it"), lines)


def _columns(columns: tuple[Column, ...]) -> str:
    return _table(
        ("column", "field", "variants read as it"),
        ((_text(c.label), _code(c.field), _variants(c.aliases)) for c in columns),
    )


def _requests(template: Template) -> str:
    return "\n\n".join(
        (
            "Rows:",
            _rows(catalogue.REQUEST_ROWS[template]),
            f"Columns (申请人情况; each row has all {len(catalogue.REQUEST_COLUMNS)}):",
            _columns(catalogue.REQUEST_COLUMNS),
        )
    )


def _review(template: Template) -> str:
    # Table 四 is the same in both formats; the argument is accepted for symmetry.
    return "\n\n".join(
        (
            f"Groups (each a row of {len(catalogue.REVIEW_COLUMNS)} cells):",
            _rows(catalogue.REVIEW_GROUPS),
            "Columns of each group:",
            _columns(catalogue.REVIEW_COLUMNS),
        )
    )


_TABLES = {"active": _active, "requests": _requests, "review": _review}


def _catalogue(argument: str) -> str:
    words = argument.split()
    if words == ["sections"]:
        return _sections()
    if len(words) == 2 and words[0] in _TABLES:
        return _TABLES[words[0]](_template(words[1]))
    raise PluginError(
        f"zwgk_docs: unknown marker <!-- catalogue: {argument} -->; "
        f"use sections, or one of {', '.join(_TABLES)} followed by a format"
    )


# ---------------------------------------------------------------------------------------------------
# The command line


def _fixed_width(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The parser, formatting help the same on every terminal."""
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=_HELP_WIDTH)
    if hasattr(parser, "color"):  # Python 3.14 may colour help
        parser.color = False
    return parser


def _cli() -> str:
    parser = _fixed_width(_arguments())
    parts = ["## `zwgk`", f"```text\n{parser.format_help().rstrip()}\n```"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help for choice in action._choices_actions}
            for name, command in action.choices.items():
                parts.append(f"## `zwgk {name}`")
                if summaries.get(name):
                    parts.append(f"{summaries[name][0].upper()}{summaries[name][1:]}.")
                parts.append(f"```text\n{_fixed_width(command).format_help().rstrip()}\n```")
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------------------
# The README


def _readme(argument: str, config_file: Path) -> str:
    """The fenced block after ``<!-- ci:ARGUMENT -->`` in the README, as ``.ci/run`` finds it."""
    lines = (config_file.parent / "README.md").read_text(encoding="utf-8").splitlines()
    marker = f"<!-- ci:{argument} -->"
    if marker in lines:
        rest = lines[lines.index(marker) + 1 :]
        fences = [i for i, line in enumerate(rest) if line.startswith("```")]
        if len(fences) >= 2:
            command = "\n".join(rest[fences[0] + 1 : fences[1]])
            return f"```sh\n{command}\n```"
    raise PluginError(f"zwgk_docs: no fenced block after {marker} in README.md")


# ---------------------------------------------------------------------------------------------------
# The API reference


def _directives(markdown: str) -> list[str]:
    return _API_DIRECTIVE.findall(markdown)


def _api(argument: str, docs_dir: Path) -> str:
    if argument != "others":
        raise PluginError(f"zwgk_docs: unknown marker <!-- api: {argument} -->; use <!-- api: others -->")
    placed = {
        name
        for page in sorted((docs_dir / _API_PAGES).rglob("*.md"))
        for name in _directives(page.read_text(encoding="utf-8"))
    }
    others = [name for name in zwgk.__all__ if name not in placed]
    if not others:
        return "Every public name is documented on one of the pages above."
    for name in others:
        log.info(f"zwgk_docs: zwgk.{name} is documented with the others; it may belong on a page of its own")
    return "\n\n".join(f"::: zwgk.{name}" for name in others)


# ---------------------------------------------------------------------------------------------------
# Hooks


def on_pre_build(config: Any) -> None:
    _documented.clear()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        marker = match.group(1)
        if marker == "cli":
            return _cli()
        if marker.startswith("readme:"):
            return _readme(marker.removeprefix("readme:").strip(), Path(config.config_file_path))
        if marker.startswith("api:"):
            return _api(marker.removeprefix("api:").strip(), Path(config.docs_dir))
        return _catalogue(marker.removeprefix("catalogue:").strip())

    markdown = _MARKER.sub(replace, markdown)
    uri = page.file.src_uri
    if uri.startswith(_API_PAGES):
        for name in _directives(markdown):
            _documented[name] = uri
    return markdown


def on_env(env: Any, config: Any, files: Any) -> Any:
    missing = [name for name in zwgk.__all__ if name not in _documented]
    if missing:
        log.warning(
            "zwgk_docs: in zwgk.__all__ but on no API page (add `::: zwgk.NAME` to a page in docs/api/): "
            + ", ".join(missing)
        )
    unknown = sorted(name for name in _documented if name not in zwgk.__all__)
    if unknown:
        log.warning("zwgk_docs: documented on an API page but not in zwgk.__all__: " + ", ".join(unknown))
    return env
