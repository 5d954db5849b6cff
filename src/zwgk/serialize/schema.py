"""The JSON Schema (draft 2020-12) of zwgk's report JSON, derived from the model and the catalogue.

Types, required fields and constraints come from the attrs classes (constraints declared once with
``zwgk.model.common.constraints``); descriptions are the official labels from the catalogue, so
``natural_person`` says 自然人 and ``withheld`` says （三）不予公开. Nothing here is written by hand per
field; ``docs/report.schema.json`` is this function's output, checked by the tests to be current.
"""

from __future__ import annotations

import copy
import enum
import inspect
import types
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any, Union, get_args, get_origin

import attrs

from .. import catalogue
from ..catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS
from ..model import Active2019, Active2021, OtherHandling, Report, Requests, Review, ReviewOutcomes
from ..model.common import SAFE_INTEGER, Template
from ..model.requests import RequestRow
from .json import DECIMAL_MAX_LENGTH, DECIMAL_PATTERN, FORMAT_KEY


def _request_labels(rows: tuple[catalogue.Row, ...], owner: type) -> Iterator[tuple[tuple[type, str], str]]:
    """(model class, field) → label for table 三's rows; a group row's children belong to its class."""
    attrs.resolve_types(owner)
    types_ = {f.name: f.type for f in attrs.fields(owner)}
    for row in rows:
        if row.field is None:  # 三、本年度办理结果 groups rows that are fields of Requests itself
            yield from _request_labels(row.children, owner)
            continue
        yield (owner, row.field), row.label
        child = types_.get(row.field)
        if row.children and isinstance(child, type) and attrs.has(child):
            yield from _request_labels(row.children, child)
        elif row.children:  # other_handling: a union, its three rows are OtherHandling's
            yield from _request_labels(row.children, OtherHandling)


@cache
def _descriptions() -> dict[tuple[type, str], str]:
    """(model class, field) → the catalogue's label for it."""
    found: dict[tuple[type, str], str] = {}
    found.update(((Report, s.field), f"{'一二三四五六'[s.number - 1]}、{s.title}") for s in SECTIONS)
    found.update(((RequestRow, c.field), c.label) for c in REQUEST_COLUMNS)
    found.update(((ReviewOutcomes, c.field), c.label) for c in REVIEW_COLUMNS)
    found.update(((Review, g.field or ""), g.label) for g in REVIEW_GROUPS)
    for template in Template:
        found.update(_request_labels(REQUEST_ROWS[template], Requests))
        cls: type[Active2019] | type[Active2021] = Active2019 if template is Template.V2019 else Active2021
        attrs.resolve_types(cls)
        row_types = {f.name: f.type for f in attrs.fields(cls)}
        for block in ACTIVE_BLOCKS[template]:
            for row in block.rows:
                found[(cls, row.field or "")] = f"第二十条第（{block.item}）项 {row.label}"
                for column in block.columns:
                    found[(row_types[row.field or ""], column.field)] = column.label
    return found


def _summary(cls: type) -> str:
    return (inspect.getdoc(cls) or cls.__name__).split("\n\n")[0].replace("\n", " ")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, type_: Any, constraints: dict[str, Any] | None = None) -> dict[str, Any]:
        """The schema of a value of ``type_``; ``constraints`` bind its non-null values."""
        origin = get_origin(type_)
        if origin in (Union, types.UnionType):
            members = [a for a in get_args(type_) if a is not type(None)]
            nullable = len(members) < len(get_args(type_))
            choices = [self.of(m, constraints) for m in members] + ([{"type": "null"}] if nullable else [])
            return choices[0] if len(choices) == 1 else {"anyOf": choices}
        return {**self._plain(type_), **(constraints or {})}

    def _plain(self, type_: Any) -> dict[str, Any]:
        if get_origin(type_) is tuple:
            return {"type": "array", "items": self.of(get_args(type_)[0])}
        if type_ is int:
            return {"type": "integer", "minimum": -SAFE_INTEGER, "maximum": SAFE_INTEGER}
        if type_ is str:
            return {"type": "string"}
        if type_ is Decimal:
            return {"type": "string", "pattern": DECIMAL_PATTERN, "maxLength": DECIMAL_MAX_LENGTH}
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return {"enum": [member.value for member in type_]}
        if attrs.has(type_):
            return self.object(type_)
        raise TypeError(f"no JSON Schema for {type_!r}")

    def object(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name: classes refer to themselves through $ref
            attrs.resolve_types(cls)
            properties: dict[str, Any] = {}
            tag = next((t for t, c in (("2019", Active2019), ("2021", Active2021)) if c is cls), None)
            if tag is not None:
                properties[FORMAT_KEY] = {"const": tag, "description": f"表二的格式：{tag} 年格式"}
            for field in attrs.fields(cls):
                if field.metadata.get("provenance"):
                    continue  # where a report was read from: not part of its JSON
                schema = self.of(field.type, field.metadata.get("constraints"))
                description = _descriptions().get((cls, field.name))
                if description:
                    schema = {"description": description, **schema}
                properties[field.name] = schema
            required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
            self.defs[name] = {
                "type": "object",
                "description": _summary(cls),
                "properties": properties,
                "required": ([FORMAT_KEY] if tag else []) + required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}


@cache
def _schema() -> dict[str, Any]:
    builder = _Builder()
    root = builder.of(Report)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zwgk Report",
        "description": "A 政府信息公开工作年度报告 as zwgk.to_json writes it and zwgk.from_json reads it.",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON ``zwgk.to_json`` writes and ``zwgk.from_json`` reads."""
    return copy.deepcopy(_schema())
