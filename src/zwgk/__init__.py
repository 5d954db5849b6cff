"""zwgk: Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as typed,
checked data.

    >>> import zwgk
    >>> report = zwgk.parse_file("report.txt")
    >>> report.requests.new_received.total
"""

from .api import MAX_INPUT_CHARS, parse, parse_file
from .errors import BinaryInputError, DecodingError, InputTooLargeError, UnsupportedSourceError, ZwgkError
from .model import (
    Active2019,
    Active2021,
    Decisions,
    Diagnostic,
    Documents2019,
    Documents2021,
    ExtraCell,
    FeeAmount,
    FeeItems2019,
    Items2019,
    NotProcessed,
    OtherHandling,
    Procurement2019,
    Report,
    RequestRow,
    Requests,
    Review,
    ReviewOutcomes,
    Severity,
    Template,
    TextSection,
    Unavailable,
    Unplaced,
    Withheld,
)
from .samples import sample_path

__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_CHARS",
    "Active2019",
    "Active2021",
    "BinaryInputError",
    "Decisions",
    "DecodingError",
    "Diagnostic",
    "Documents2019",
    "Documents2021",
    "ExtraCell",
    "FeeAmount",
    "FeeItems2019",
    "InputTooLargeError",
    "Items2019",
    "NotProcessed",
    "OtherHandling",
    "Procurement2019",
    "Report",
    "RequestRow",
    "Requests",
    "Review",
    "ReviewOutcomes",
    "Severity",
    "Template",
    "TextSection",
    "Unavailable",
    "Unplaced",
    "UnsupportedSourceError",
    "Withheld",
    "ZwgkError",
    "parse",
    "parse_file",
    "sample_path",
]
