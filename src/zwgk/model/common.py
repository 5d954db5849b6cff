"""Types shared by every part of the model: the format, diagnostics and unplaced content."""

from __future__ import annotations

import enum
from typing import Any

import attrs

SAFE_INTEGER = 2**53 - 1
"""The largest magnitude an integer may have in zwgk's JSON: beyond it, JSON readers that use
doubles (JavaScript, spreadsheets) lose digits."""


def constraints(**rules: Any) -> dict[str, Any]:
    """Field metadata with JSON Schema constraints (``minimum``, ``maximum``, ``pattern``, ``enum``):
    ``zwgk.from_json`` enforces them and ``zwgk.json_schema`` states them."""
    return {"constraints": rules}


class Template(enum.Enum):
    """The official report format a report (or one of its tables) follows."""

    V2019 = "2019"
    """国办公开办函〔2019〕60号, the trial format used for the 2019 and 2020 reports."""
    V2021 = "2021"
    """国办公开办函〔2021〕30号, the revised format used from the 2021 reports on."""

    __hash__ = object.__hash__  # by identity, as members compare: Enum's own hashes the name in Python


class Severity(enum.Enum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Diagnostic:
    """One finding about a report: from the parser or from the checks.

    ``code`` is stable (``ZW…``, listed in docs/diagnostics.md); ``message`` is Chinese with the figures
    involved; ``paths`` name the cells concerned (``requests.total.natural_person``); ``line`` is the
    1-based source line where the report came from text.
    """

    code: str = attrs.field(metadata=constraints(pattern=r"^ZW[0-9]{3}$"))
    severity: Severity
    message: str
    line: int | None = attrs.field(default=None, metadata=constraints(minimum=1))
    paths: tuple[str, ...] = ()


@attrs.frozen
class Unplaced:
    """Content found in a report that fits no part of the format, kept with where it was found:
    ``section`` is the field of its section (``None``: before the first heading). A report keeps its
    unplaced content in the order of its sections, and as found within each."""

    text: str
    section: str | None = None
    line: int | None = attrs.field(default=None, eq=False, metadata=constraints(minimum=1))


@attrs.frozen
class TextSection:
    """A free-text section (一、五、六): its paragraphs as written, subheadings included."""

    paragraphs: tuple[str, ...] = ()
