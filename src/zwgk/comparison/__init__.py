"""Comparing two reports: an organ's report against last year's, across the 2019 and 2021 formats.

``zwgk.compare(old, new)`` builds a ``Comparison``; ``text``, ``records`` (JSON, CSV) and ``html`` draw
it. (The package is ``comparison``, not ``compare``, so that importing it never hides the function
``zwgk.compare`` behind a module of the same name.)
"""

from .build import compare
from .model import CellChange, Compared, Comparison, IndicatorChange, Presence

__all__ = ["CellChange", "Compared", "Comparison", "IndicatorChange", "Presence", "compare"]
