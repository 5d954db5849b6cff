"""A person's word on which organ names are one organ, read from a file (``--organs FILE``): the names
the rules of ``zwgk.organs`` cannot tell apart, each mapped to the canonical name it stands for.

The file is one of two forms:

- JSON — a name ending in ``.json``, or text beginning with ``{`` or ``[`` — holding one object,
  ``{"淮安市洪泽区人民政府": "洪泽区人民政府", …}``;
- otherwise CSV, a row per name with two cells: the name as a report writes it, the canonical name.
  The first row may be the header ``name,canonical`` (or ``名称,规范名称``); blank rows are skipped, and
  so are empty cells after the second (a spreadsheet pads rows to its widest).

It is UTF-8 (with or without BOM), UTF-16 or GB18030 (what a spreadsheet on a Chinese Windows saves as
CSV), of at most ``MAX_ORGAN_MAPPING_BYTES``. Every name and canonical name is a non-empty string
(whitespace around it dropped). Refused, each problem named with its line or name: two names of one
``organ_key`` mapped to different canonical names (which is meant?), and a file that names no organ
at all (the wrong file, most likely).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import defaultdict
from typing import Any

from .api import file_bytes
from .errors import OrganMappingError, ZwgkError
from .organs import organ_key
from .sources.decode import decode

MAX_ORGAN_MAPPING_BYTES = 4 * 2**20
"""The largest mapping file read: some 60,000 organs, each under two names."""

_HEADERS = (("name", "canonical"), ("名称", "规范名称"))
_JSON_TYPES = {
    tuple: "对象",
    list: "数组",
    str: "字符串",
    int: "数字",
    float: "数字",
    bool: "布尔值",
    type(None): "空值 null",
}

_SHOWN = 40
"""The most characters of a name an error message shows."""

_Entry = tuple[str, str, str]
"""Where a name is (``第 3 行``, or the name in JSON), the name, its canonical name."""


def _brief(name: str) -> str:
    return name if len(name) <= _SHOWN else name[:_SHOWN] + "…"


def _problem(where: str, name: Any, canonical: Any) -> str | None:
    """What is wrong with one entry, if anything."""
    for what, value in (("名称", name), ("规范名称", canonical)):
        if not isinstance(value, str):
            return f"{where}：{what}应为字符串，而是{_JSON_TYPES[type(value)]}（not a string）"
        if not value.strip():
            return f"{where}：{what}为空（empty {'name' if what == '名称' else 'canonical name'}）"
    return None


def _json_entries(text: str) -> tuple[list[_Entry], list[str]]:
    try:
        data = json.loads(text, object_pairs_hook=tuple)  # an object: its pairs, in order, repeats kept
    except json.JSONDecodeError as error:
        return [], [f"不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}（invalid JSON）"]
    except RecursionError:
        return [], ["不是有效的 JSON：嵌套过深（nested too deeply）"]
    if not isinstance(data, tuple):
        kind = _JSON_TYPES[type(data)]
        return [], [f'应为一个 JSON 对象 {{"名称": "规范名称", …}}，而是{kind}（not an object）']
    entries, problems = [], []
    for name, canonical in data:
        where = f"“{_brief(name)}”"
        problem = _problem(where, name, canonical)
        if problem:
            problems.append(problem)
        else:
            entries.append((where, name.strip(), canonical.strip()))
    return entries, problems


def _row_problem(where: str, cells: list[str]) -> str | None:
    if len(cells) == 2:
        return _problem(where, *cells)
    hint = "；单元格以英文逗号 , 分隔" if len(cells) == 1 and ("，" in cells[0] or "\t" in cells[0]) else ""
    return f"{where}：应为两个单元格（名称，规范名称），而是 {len(cells)} 个{hint}（not two cells）"


def _csv_entries(text: str) -> tuple[list[_Entry], list[str]]:
    entries, problems = [], []
    rows = csv.reader(io.StringIO(text, newline=""))
    first = True
    try:
        for row in rows:
            cells = [cell.strip() for cell in row]
            while len(cells) > 2 and not cells[-1]:
                cells.pop()
            if not any(cells):
                continue
            header, first = first and tuple(c.lower() for c in cells) in _HEADERS, False
            if header:
                continue
            where = f"第 {rows.line_num} 行"
            problem = _row_problem(where, cells)
            if problem:
                problems.append(problem)
            else:
                entries.append((where, cells[0], cells[1]))
    except csv.Error as error:
        problems.append(f"第 {rows.line_num} 行：不是有效的 CSV：{error}（invalid CSV）")
    return entries, problems


def _contradictions(entries: list[_Entry]) -> list[str]:
    """Names of one organ (one ``organ_key``) mapped to different canonical names."""
    by_key: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_key[organ_key(entry[1])].append(entry)
    found = []
    for key, same in by_key.items():
        first = same[0]
        for other in same[1:]:
            if other[2] != first[2]:
                found.append(
                    f"{first[0]}与{other[0]}是同一机关（{key}），对照的规范名称却不同："
                    f"“{_brief(first[2])}”、“{_brief(other[2])}”（contradictory names）"
                )
    return found


def read_organ_mapping(path: str | os.PathLike[str]) -> dict[str, str]:
    """The mapping in the file at ``path`` (the forms are in this module's docstring): each name as
    written to its canonical name, in the file's order, ready for ``organs=`` of ``zwgk.check_series``,
    ``zwgk.compare`` and ``summary.summarise``. Raises ``OrganMappingError`` for what the file holds,
    the errors of ``api.file_bytes`` (``ZwgkError``, ``InputTooLargeError``; they name the file) when
    it cannot be read."""
    name = os.fspath(path)
    data = file_bytes(path, MAX_ORGAN_MAPPING_BYTES)
    try:
        text = decode(data).text
    except ZwgkError as error:
        raise OrganMappingError(name, [str(error)]) from None
    is_json = name.lower().endswith(".json") or text.lstrip("\ufeff \t\r\n").startswith(("{", "["))
    entries, problems = (_json_entries if is_json else _csv_entries)(text)
    problems += _contradictions(entries)
    if not entries and not problems:
        problems.append("没有列出任何机关名称（no names）")
    if problems:
        raise OrganMappingError(name, problems)
    return {entry[1]: entry[2] for entry in entries}
