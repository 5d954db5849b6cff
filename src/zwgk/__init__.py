"""zwgk: Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as typed,
checked data.

    >>> import zwgk
    >>> report = zwgk.parse_file("report.txt")
    >>> report.requests.new_received.total
"""

from . import model as _model
from .api import MAX_INPUT_CHARS, parse, parse_file
from .errors import BinaryInputError, DecodingError, InputTooLargeError, UnsupportedSourceError, ZwgkError
from .model import *  # noqa: F403 — the model is the public schema
from .samples import sample_path

__version__ = "0.1.0"

__all__ = [
    *_model.__all__,
    "MAX_INPUT_CHARS",
    "BinaryInputError",
    "DecodingError",
    "InputTooLargeError",
    "UnsupportedSourceError",
    "ZwgkError",
    "parse",
    "parse_file",
    "sample_path",
]
