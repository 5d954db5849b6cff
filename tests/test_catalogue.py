"""The catalogue is the one declaration of rows and columns: the model, the index and the grammar agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

import zwgk
from zwgk import catalogue
from zwgk.analysis import lark_parser
from zwgk.catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS
from zwgk.lexing.cells import ITEM, TEXT, Reading, read
from zwgk.lexing.headings import _keywords, candidate
from zwgk.lexing.labels import ITEM_PREFIX_CHARS, index, split_key
from zwgk.model import (
    Active2019,
    Active2021,
    OtherHandling,
    Report,
    RequestRow,
    Requests,
    Review,
    ReviewOutcomes,
)

_TABLE_EXTRAS = {"extras", "notes"}


def _field_names(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


def _resolved(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    return {f.name: f.type for f in attrs.fields(cls)}


def test_table_2_model_has_exactly_the_catalogue_rows_and_columns() -> None:
    for template, cls in ((zwgk.Template.V2019, Active2019), (zwgk.Template.V2021, Active2021)):
        rows = [row for block in ACTIVE_BLOCKS[template] for row in block.rows]
        assert [n for n in _field_names(cls) if n not in _TABLE_EXTRAS] == [r.field for r in rows]
        types = _resolved(cls)
        for block in ACTIVE_BLOCKS[template]:
            for row in block.rows:
                value_fields = [n for n in _field_names(types[row.field or ""]) if n != "amount_unit"]
                assert value_fields == [c.field for c in block.columns], row.field


def test_table_3_model_has_exactly_the_catalogue_rows_and_columns() -> None:
    assert _field_names(RequestRow) == [c.field for c in REQUEST_COLUMNS]
    for template, other in ((zwgk.Template.V2019, RequestRow), (zwgk.Template.V2021, OtherHandling)):
        requests = Requests(other_handling=other())
        paths = [leaf.path for leaf in catalogue.request_leaves(template)]
        for path in paths:
            found: Any = requests
            for part in path.split("."):
                found = getattr(found, part)
            assert isinstance(found, RequestRow), path
        leaves_in_model = _leaf_paths(requests)
        assert leaves_in_model == paths


def _leaf_paths(obj: Any, prefix: str = "") -> list[str]:
    paths = []
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if isinstance(value, RequestRow):
            paths.append(prefix + field.name)
        elif attrs.has(type(value)):
            paths.extend(_leaf_paths(value, f"{prefix}{field.name}."))
    return paths


def test_table_4_model_has_exactly_the_catalogue_groups_and_columns() -> None:
    assert [n for n in _field_names(Review) if n != "notes"] == [g.field for g in REVIEW_GROUPS]
    assert _field_names(ReviewOutcomes) == [c.field for c in REVIEW_COLUMNS]


def test_report_has_a_field_for_every_section() -> None:
    assert {s.field for s in SECTIONS} <= set(_field_names(Report))


def test_every_label_and_alias_is_found_by_the_index() -> None:
    labels = index()
    for template in zwgk.Template:
        for path, row, _ in catalogue.walk_rows(catalogue.REQUEST_ROWS[template]):
            for spelling in (row.label, *row.aliases):
                match = labels.lookup(*split_key(spelling))
                assert match is not None, spelling
                assert (path or "results") in {label.name for label in match.labels}, spelling
        for block in ACTIVE_BLOCKS[template]:
            for item in (*block.rows, *block.columns):
                for spelling in (item.label, *item.aliases):
                    match = labels.lookup(*split_key(spelling))
                    assert match is not None and item.field in {label.name for label in match.labels}, (
                        spelling
                    )


def test_an_item_header_is_read_after_the_longest_prefix_it_may_have() -> None:
    prefix = "中华人民共和国政府信息公开条例".ljust(ITEM_PREFIX_CHARS, "甲")
    longest = "第二十条第（三十三）项"
    assert read(prefix + longest) == read(longest) == Reading(ITEM, item="三十三")
    assert read("乙" + prefix + longest).kind is TEXT


def test_every_section_title_and_variant_is_a_heading() -> None:
    for section in SECTIONS:
        for title in (section.title, *section.variants):
            assert _keywords().search(title), title  # the prefilter never hides a heading
            for numbered in (
                title,
                f"{'一二三四五六'[section.number - 1]}、{title}",
                f"{section.number}、 {title}",
            ):
                found = candidate(0, numbered)
                assert found is not None and found.section is section, numbered


def test_row_labels_are_not_headings() -> None:
    for template in zwgk.Template:
        for _, row, _ in catalogue.walk_rows(catalogue.REQUEST_ROWS[template]):
            assert candidate(0, row.label) is None, row.label


def test_the_grammar_has_no_conflicts() -> None:
    grammar = (Path(zwgk.__file__).parent / "grammars" / "report.lark").read_text(encoding="utf-8")
    lark_parser(grammar, strict=True)
