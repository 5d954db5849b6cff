"""Hypothesis strategies for zwgk reports (``pip install zwgk[testing]``).

* ``reports(template=None, consistent=None)`` — Report objects, built from the catalogue.
* ``noisy_text(report)`` — the report rendered the way real copies look.
"""

from ._noisy import LAYOUTS, noisy_text
from ._reports import reports

__all__ = ["LAYOUTS", "noisy_text", "reports"]
