"""The exceptions zwgk raises: only for input it cannot use at all.

Problems *inside* a report (a broken label, a missing row, figures that do not add up) never raise;
they come back as diagnostics on the Report.
"""

from __future__ import annotations


class ZwgkError(Exception):
    """Base class of every error zwgk raises on purpose."""


class InputTooLargeError(ZwgkError):
    """The input is larger than zwgk accepts (see ``zwgk.MAX_INPUT_CHARS``)."""


class BinaryInputError(ZwgkError):
    """The input is binary data, not the text of a report."""


class NotAReportError(ZwgkError):
    """The text shows no sign of the report format: no title naming a 年度报告, no section heading, no
    table label."""


class DecodingError(ZwgkError):
    """The bytes could not be decoded as UTF-8, UTF-16 or GB18030 text; or text holds a lone surrogate
    (U+D800–U+DFFF), the mark of bytes decoded wrongly (see ``zwgk.characters``)."""


class UnsupportedSourceError(ZwgkError):
    """The file is of a kind zwgk cannot read (or needs an optional extra to read)."""


class FetchError(ZwgkError):
    """A URL could not be fetched: its host did not resolve, the connection was refused or timed out,
    the server answered with an error status, or its redirects did not end. ``url`` is the URL asked
    for, ``status`` the HTTP status the server answered with (``None`` when it did not answer)."""

    def __init__(self, message: str, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class MissingExtraError(ZwgkError):
    """What was asked for (reading a PDF, a DataFrame) needs an optional extra that is not installed; the
    message names it."""


MAX_PROBLEMS = 20
"""The most problems an error lists, and ``from_json`` reports of one array (the rest counted)."""


def listed(problems: list[str]) -> str:
    """Problems a line each, the first ``MAX_PROBLEMS`` of them (the rest counted)."""
    lines = "\n".join(f"  - {p}" for p in problems[:MAX_PROBLEMS])
    if len(problems) > MAX_PROBLEMS:
        lines += f"\n  … and {len(problems) - MAX_PROBLEMS:,} more"
    return lines


class InvalidDataError(ZwgkError):
    """Serialized reports (JSON, CSV) that do not describe reports; ``problems`` lists each problem
    with where it is (a JSON path, a CSV line)."""

    what = "数据"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{self.what}不是有效的报告，{len(problems)} 处问题：\n{listed(problems)}")


class InvalidJsonError(InvalidDataError):
    """JSON that does not describe a report."""

    what = "JSON（invalid report JSON）"


class InvalidCsvError(InvalidDataError):
    """CSV that does not describe reports."""

    what = "CSV（invalid report CSV）"


class OrganMappingError(ZwgkError):
    """A file mapping organ names to canonical ones (``zwgk.organ_mapping``, ``--organs``) that cannot
    be used: ``path`` is the file, ``problems`` each problem with where it is (a line, a name)."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            f"机关名称对照表 {path} 无法使用（unusable organ mapping），{len(problems)} 处问题：\n"
            + listed(problems)
        )
