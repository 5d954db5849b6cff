"""Hypothesis strategies for zwgk reports (``pip install zwgk[testing]``).

* ``reports(template=None, consistent=None)`` — Report objects, built from the catalogue.
* ``noisy_text(report)`` — the report rendered the way real copies look.
* ``flattened_text(report)`` — the report as a crawler runs it together on one line.
"""

from ._noisy import LAYOUTS, flattened_text, noisy_text
from ._reports import reports

__all__ = ["LAYOUTS", "flattened_text", "noisy_text", "reports"]
