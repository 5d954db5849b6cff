"""Reports as JSON, through one cattrs converter: Decimals as exact strings, enums as their values,
keys in the model's field order. Table 二 carries a ``format`` key (``"2019"``/``"2021"``) first: its
fields differ by format, and a hybrid report's table 二 need not follow the report's template."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import JsonConverter, make_converter

from ..model.active import Active2019, Active2021
from ..model.report import Report
from ..model.requests import OtherHandling, RequestRow

FORMAT_KEY = "format"
_ACTIVE: dict[str, type[Active2019] | type[Active2021]] = {"2019": Active2019, "2021": Active2021}


def _tagged(tag: str, unstructure: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    return lambda table: {FORMAT_KEY: tag, **unstructure(table)}


@cache
def converter() -> JsonConverter:
    """The converter every JSON conversion of zwgk goes through."""
    made = make_converter(forbid_extra_keys=True)
    made.register_unstructure_hook(Decimal, str)
    made.register_structure_hook(Decimal, lambda value, _: Decimal(value))
    for tag, cls in _ACTIVE.items():
        made.register_unstructure_hook(cls, _tagged(tag, make_dict_unstructure_fn(cls, made)))

    def active(value: Any, _: Any) -> Active2019 | Active2021 | None:
        if value is None:
            return None
        fields = dict(value)
        return made.structure(fields, _ACTIVE[fields.pop(FORMAT_KEY)])

    def other_handling(value: Any, _: Any) -> RequestRow | OtherHandling:
        """（六）其他处理: three sub-rows (2021) or one row (2019), told apart by their keys."""
        if isinstance(value, dict) and "overdue_correction" in value:
            return made.structure(value, OtherHandling)
        return made.structure(value, RequestRow)

    # The preconfigured converter takes None off an optional union itself, then asks for the rest.
    made.register_structure_hook(Active2019 | Active2021 | None, active)
    made.register_structure_hook(Active2019 | Active2021, active)
    made.register_structure_hook(RequestRow | OtherHandling, other_handling)
    return made


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON text."""
    return json.dumps(converter().unstructure(report), ensure_ascii=False, indent=indent)
