"""Reports as JSON and back, through one cattrs converter.

Decimals are exact strings, enums their values, keys in the model's field order. Table 二 carries a
``format`` key (``"2019"``/``"2021"``) first: its fields differ by format, and a hybrid report's table
二 need not follow the report's template. ``from_json`` treats its input as untrusted: nothing is
coerced (``"1"`` is no count, ``1.5`` no integer), unknown keys are refused, so is text holding a lone
surrogate or a control character other than tab and line ends (``zwgk.characters``), the constraints
declared on the model (``zwgk.model.common.constraints``) are enforced, and every problem is reported
at once with its JSON path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, get_args, get_origin

import attrs
from cattrs import transform_error
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter, make_converter
from cattrs.v import format_exception

from ..characters import field_problem
from ..errors import MAX_PROBLEMS, InvalidJsonError
from ..model.active import Active2019, Active2021
from ..model.common import SAFE_INTEGER
from ..model.report import Report
from ..model.requests import OtherHandling, RequestRow

FORMAT_KEY = "format"
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
DECIMAL_MAX_LENGTH = 64
MAX_JSON_CHARS = 50_000_000
MAX_ARRAY_ITEMS = 100_000
"""The longest array read: far more than any report holds (tens of paragraphs, diagnostics, unplaced
lines), few enough to read in a second."""
_ACTIVE: dict[str, type[Active2019] | type[Active2021]] = {"2019": Active2019, "2021": Active2021}
_DECIMAL = re.compile(DECIMAL_PATTERN)
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


class _Invalid(ValueError):
    """A value refused with a message that says why."""


def _json_type(value: Any) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def _integer(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise _Invalid(f"expected an integer, got {_json_type(value)}")
    if abs(value) > SAFE_INTEGER:
        raise _Invalid(f"integer {value} is beyond ±{SAFE_INTEGER}")
    return value


def _string(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise _Invalid(f"expected a string, got {_json_type(value)}")
    problem = field_problem(value)
    if problem is not None:
        raise _Invalid(f"the text holds {problem}")
    return value


def _decimal(value: Any, _: Any) -> Decimal:
    if type(value) is not str or len(value) > DECIMAL_MAX_LENGTH or not _DECIMAL.match(value):
        raise _Invalid(
            f'expected a decimal number written as a string such as "9116.36", got {value!r}'[:200]
        )
    return Decimal(value)


def _check(value: Any, constraints: dict[str, Any]) -> None:
    if value is None:
        return
    if "minimum" in constraints and value < constraints["minimum"]:
        raise _Invalid(f"{value} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        raise _Invalid(f"{value} is above the maximum {constraints['maximum']}")
    if "pattern" in constraints and not re.search(constraints["pattern"], value):
        raise _Invalid(f"{value!r} does not match {constraints['pattern']}")
    if "enum" in constraints and value not in constraints["enum"]:
        raise _Invalid(f"{value!r} is not one of {constraints['enum']}")


def _is_homogeneous_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple and len(get_args(cls)) == 2 and get_args(cls)[1] is Ellipsis


def _has_constraints(cls: Any) -> bool:
    return attrs.has(cls) and any("constraints" in f.metadata for f in attrs.fields(cls))


def _provenance(cls: type) -> list[str]:
    """Fields that record where a report was read from: never written, never read."""
    return [f.name for f in attrs.fields(cls) if f.metadata.get("provenance")]


@cache
def converter() -> JsonConverter:
    """The converter every JSON conversion of zwgk goes through."""
    made = make_converter(forbid_extra_keys=True)
    made.register_structure_hook(int, _integer)
    made.register_structure_hook(str, _string)
    made.register_structure_hook(Decimal, _decimal)
    made.register_unstructure_hook(Decimal, lambda value: format(value, "f"))

    def sequence(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item = get_args(cls)[0]

        def _at(error: Exception, index: int) -> Exception:
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {cls} @ index {index}", index, item),
            ]
            return error

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Invalid(f"expected an array, got {_json_type(value)}")
            if len(value) > MAX_ARRAY_ITEMS:
                raise _Invalid(f"an array of {len(value):,} items, more than the {MAX_ARRAY_ITEMS:,} read")
            items: list[Any] = []
            errors: list[Exception] = []
            unlisted: list[int] = []
            for index, element in enumerate(value):
                try:
                    items.append(made.structure(element, item))
                except Exception as error:
                    if len(errors) < MAX_PROBLEMS - 1:  # and one line for the rest
                        errors.append(_at(error, index))
                    else:
                        unlisted.append(index)
            if unlisted:
                errors.append(_at(_Invalid(f"… and {len(unlisted):,} more items refused"), unlisted[0]))
            if errors:
                raise IterableValidationError(f"While structuring {cls}", errors, cls)
            return tuple(items)

        return structure

    def with_constraints(cls: Any) -> Callable[[Any, Any], Any]:
        def checked(field: attrs.Attribute[Any]) -> Callable[[Any, Any], Any]:
            def structure(value: Any, type_: Any) -> Any:
                found = made.structure(value, type_)
                _check(found, field.metadata["constraints"])
                return found

            return structure

        hooks: dict[str, Any] = {
            f.name: override(struct_hook=checked(f)) for f in attrs.fields(cls) if "constraints" in f.metadata
        }
        hooks.update({name: override(omit=True) for name in _provenance(cls)})
        return make_dict_structure_fn(cls, made, _cattrs_forbid_extra_keys=True, **hooks)

    made.register_structure_hook_factory(_is_homogeneous_tuple, sequence)
    made.register_structure_hook_factory(_has_constraints, with_constraints)

    for tag, cls in _ACTIVE.items():
        made.register_unstructure_hook(cls, _tagged(tag, make_dict_unstructure_fn(cls, made)))
    omitted: dict[str, Any] = {name: override(omit=True) for name in _provenance(Report)}
    made.register_unstructure_hook(Report, make_dict_unstructure_fn(Report, made, **omitted))

    def active(value: Any, _: Any) -> Active2019 | Active2021 | None:
        if value is None:
            return None
        if type(value) is not dict:
            raise _Invalid(f"expected an object, got {_json_type(value)}")
        fields = dict(value)
        tag = fields.pop(FORMAT_KEY, None)
        if tag not in _ACTIVE:
            raise _Invalid(f'table 二 needs "{FORMAT_KEY}": "2019" or "2021", got {tag!r}')
        return made.structure(fields, _ACTIVE[tag])

    # keys only the three sub-rows have ("other" is also a column of a row)
    other_fields = {f.name for f in attrs.fields(OtherHandling)} - {f.name for f in attrs.fields(RequestRow)}

    def other_handling(value: Any, _: Any) -> RequestRow | OtherHandling:
        """（六）其他处理: three sub-rows (2021) or one row (2019), told apart by their keys."""
        if type(value) is dict and other_fields & set(value):
            return made.structure(value, OtherHandling)
        return made.structure(value, RequestRow)

    # The preconfigured converter takes None off an optional union itself, then asks for the rest.
    made.register_structure_hook(Active2019 | Active2021 | None, active)
    made.register_structure_hook(Active2019 | Active2021, active)
    made.register_structure_hook(RequestRow | OtherHandling, other_handling)
    return made


def _tagged(tag: str, unstructure: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    return lambda table: {FORMAT_KEY: tag, **unstructure(table)}


def _message(error: BaseException, type_: Any) -> str:
    return str(error) if isinstance(error, _Invalid) else format_exception(error, type_)


def problems(error: Exception) -> list[str]:
    """What the converter refused, one ``$.path: reason`` per problem; characters no encoding can write
    (a key's lone surrogate) escaped, so that the message can be printed."""
    found = []
    for problem in transform_error(error, format_exception=_message):
        message, _, path = problem.rpartition(" @ ")
        said = f"{path}: {message}" if message else problem
        found.append(said.encode("utf-8", "backslashreplace").decode("utf-8"))
    return found


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON text."""
    return json.dumps(converter().unstructure(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """The report a JSON text describes. Raises ``zwgk.InvalidJsonError`` listing every problem with its
    JSON path (``$.requests.total.natural_person: expected an integer, got string``)."""
    if len(text) > MAX_JSON_CHARS:
        raise InvalidJsonError([f"$: the JSON text is longer than {MAX_JSON_CHARS:,} characters"])
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InvalidJsonError([f"$: not JSON ({error})"]) from None
    if type(data) is not dict:
        raise InvalidJsonError([f"$: expected an object, got {_json_type(data)}"])
    try:
        report: Report = converter().structure(data, Report)
    except Exception as error:
        raise InvalidJsonError(problems(error)) from None
    return report
