"""zwgk: Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as typed,
checked data.

    >>> import zwgk
    >>> report = zwgk.parse_file("report.txt")  # or zwgk.parse_url("https://…"), with zwgk[web]
    >>> report.requests.new_received.total
    >>> zwgk.check(report)  # the 勾稽 rules, the text against the tables, the structure
    >>> for parsed in zwgk.parse_many(paths, jobs=4): ...  # a corpus, over processes
    >>> zwgk.to_dataframe(reports, table="requests")  # pandas, with zwgk[pandas]
    >>> zwgk.to_xlsx(reports, "reports.xlsx")  # a sheet per table, with zwgk[excel]
"""

from __future__ import annotations

import gc as _gc

_collecting = _gc.isenabled()
_gc.disable()  # zwgk's imports make tens of thousands of objects and no garbage: nothing to collect
try:
    import importlib
    from importlib.machinery import EXTENSION_SUFFIXES as _EXTENSION_SUFFIXES
    from typing import TYPE_CHECKING, Any

    from . import class_code as _class_code
    from . import patterns as _patterns

    with _class_code.kept():  # what zwgk's classes compile (attrs' methods, annotations)
        from . import model as _model
        from .api import MAX_INPUT_CHARS, file_text, parse, parse_file, parse_html, parse_url
        from .check import check, check_series, filter_diagnostics
        from .errors import (
            BinaryInputError,
            DecodingError,
            FetchError,
            InputTooLargeError,
            InvalidCsvError,
            InvalidDataError,
            InvalidJsonError,
            MissingExtraError,
            NotAReportError,
            OrganMappingError,
            UnsupportedSourceError,
            ZwgkError,
        )
        from .lexing import lexer as _lexer
        from .model import *  # noqa: F403 — the model is the public schema
finally:
    # What the imports made is moved to the oldest generation without a scan (a young generation
    # holding all of it costs ~3 ms to scan at the first collection) — unless the process keeps
    # objects frozen of its own, which unfreezing would let go. Collecting resumes, if it was on.
    if not _gc.get_freeze_count():
        _gc.freeze()
        _gc.unfreeze()
    if _collecting:
        _gc.enable()

if TYPE_CHECKING:
    from .batch import Parsed, parse_many
    from .comparison import Comparison, compare
    from .indicator import INDICATORS, indicators
    from .organs import organ_key
    from .samples import sample_path
    from .serialize.csv import from_csv, to_csv
    from .serialize.frame import to_dataframe
    from .serialize.json import from_json, to_json
    from .serialize.schema import json_schema
    from .serialize.text import to_text
    from .serialize.xlsx import to_xlsx
    from .sources.web import is_url

_LAZY = {
    "Parsed": "batch",
    "parse_many": "batch",
    "Comparison": "comparison",
    "compare": "comparison",
    "INDICATORS": "indicator",
    "indicators": "indicator",
    "organ_key": "organs",
    "sample_path": "samples",
    "from_csv": "serialize.csv",
    "to_csv": "serialize.csv",
    "to_dataframe": "serialize.frame",
    "from_json": "serialize.json",
    "to_json": "serialize.json",
    "json_schema": "serialize.schema",
    "to_text": "serialize.text",
    "to_xlsx": "serialize.xlsx",
    "is_url": "sources.web",
}
"""Public names a parse does not need, each imported from its module on first use: the serializers
(cattrs), the process pool, the document readers stay out of a process that only parses."""
_SUBPACKAGES = frozenset({"batch", "comparison", "samples", "serialize", "sources"})
"""Modules ``import zwgk`` once loaded, still reachable as ``zwgk.batch`` and so on."""


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


_patterns.keep()  # what the imports above compiled afresh, for the next process to read back

__version__ = "0.1.0"

compiled: bool = (_lexer.__file__ or "").endswith(tuple(_EXTENSION_SUFFIXES))
"""Whether this install reads text with modules compiled by mypyc (built with ``ZWGK_COMPILE=1``) or as
pure Python; reports read the same either way."""

__all__ = [
    *_model.__all__,
    "INDICATORS",
    "MAX_INPUT_CHARS",
    "BinaryInputError",
    "Comparison",
    "DecodingError",
    "FetchError",
    "InputTooLargeError",
    "InvalidCsvError",
    "InvalidDataError",
    "InvalidJsonError",
    "MissingExtraError",
    "NotAReportError",
    "OrganMappingError",
    "Parsed",
    "UnsupportedSourceError",
    "ZwgkError",
    "check",
    "check_series",
    "compare",
    "compiled",
    "file_text",
    "filter_diagnostics",
    "from_csv",
    "from_json",
    "indicators",
    "is_url",
    "json_schema",
    "organ_key",
    "parse",
    "parse_file",
    "parse_html",
    "parse_many",
    "parse_url",
    "sample_path",
    "to_csv",
    "to_dataframe",
    "to_json",
    "to_text",
    "to_xlsx",
]
