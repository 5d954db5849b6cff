"""Read a report and look at what zwgk made of it.

python examples/read_report.py [REPORT]     # default: the sample report shipped with zwgk
"""

from __future__ import annotations

import sys

import zwgk

path = sys.argv[1] if len(sys.argv) > 1 else zwgk.sample_path()
report = zwgk.parse_file(path)

print(f"{report.organ}, {report.year}, {report.template.value} format")

requests = report.requests
if requests is not None:
    row = requests.new_received
    print(f"applications received: {row.total} ({row.natural_person} from natural persons)")
    print(f"carried forward to next year: {requests.carried_forward.total}")

if isinstance(report.active, zwgk.Active2019):
    print(f"licensing decisions: {report.active.licensing.decisions}")
elif isinstance(report.active, zwgk.Active2021):
    print(f"licensing decisions: {report.active.licensing.decisions}, fees: {report.active.fees.amount} 万元")

if report.review is not None:
    print(f"administrative reconsiderations: {report.review.reconsideration.total}")

if report.overview is not None:
    print(f"overview: {len(report.overview.paragraphs)} paragraphs")

for diagnostic in report.diagnostics:
    where = f"line {diagnostic.line}: " if diagnostic.line else ""
    print(f"  {diagnostic.code} {diagnostic.severity.value}: {where}{diagnostic.message}")
