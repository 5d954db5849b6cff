"""The typed schema of a report: attrs classes, frozen and slotted."""

from .active import (
    Active,
    Active2019,
    Active2021,
    Decisions,
    Documents2019,
    Documents2021,
    ExtraCell,
    FeeAmount,
    FeeItems2019,
    Items2019,
    Procurement2019,
)
from .common import Diagnostic, Severity, Template, TextSection, Unplaced
from .report import Report
from .requests import NotProcessed, OtherHandling, RequestRow, Requests, Unavailable, Withheld
from .review import Review, ReviewOutcomes

__all__ = [
    "Active",
    "Active2019",
    "Active2021",
    "Decisions",
    "Diagnostic",
    "Documents2019",
    "Documents2021",
    "ExtraCell",
    "FeeAmount",
    "FeeItems2019",
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
    "Withheld",
]
