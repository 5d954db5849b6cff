"""Time spent reading a PDF report: every PDF fixture read through ``zwgk.file_text`` (the PDF reader
alone, not the text parse) ``--runs`` times; for each file the best run, and the median of those, in
milliseconds of CPU time — the least that others sharing the machine add.

    python benchmarks/bench_pdf.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import zwgk

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
PDFS = sorted(CORPUS.rglob("*.pdf"))


def _milliseconds(path: Path) -> float:
    start = time.process_time()
    zwgk.file_text(path)
    return (time.process_time() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    zwgk.file_text(PDFS[0])  # imports and first-use costs are not a PDF's
    bests = []
    for path in PDFS:
        best = min(_milliseconds(path) for _ in range(runs))
        bests.append(best)
        print(f"{path.relative_to(CORPUS)}: {best:.1f} ms")
    print(
        f"median over {len(PDFS)} PDFs, best of {runs} runs each: {statistics.median(bests):.1f} ms per PDF"
    )


if __name__ == "__main__":
    main()
