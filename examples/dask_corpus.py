"""Parse a corpus too large for one machine with dask.bag, and write one long-form CSV.

python examples/dask_corpus.py [FOLDER_OR_FILES ...] [--out corpus.csv] [--scheduler processes]

Default: the 平潭 report pages in the repository's test fixtures. Each file becomes the long-CSV records
of its report, keyed by its path, in a task of its own; the records are written in input order, so
the CSV is the same, byte for byte, as ``zwgk.to_csv`` of the same reports read one after another.
A file that cannot be read is reported and left out. On a cluster, point ``dask.distributed.Client``
at the scheduler before ``compute``; with Spark, ``sc.parallelize(paths).map(records)`` maps the same
function (see docs/batch.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import dask.bag as db

import zwgk
from zwgk.batch import files_in

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "pingtan"


def records(path: str) -> tuple[str, str, str | None]:
    """``(path, CSV records without the header, why it failed or None)`` for one report file."""
    try:
        report = zwgk.parse_file(path)
    except zwgk.ZwgkError as error:
        return path, "", str(error)
    body = zwgk.to_csv([report], keys=[path]).split("\r\n", 1)[1]
    return path, body, None


def corpus_csv(
    paths: list[str], scheduler: str = "processes", partitions: int | None = None
) -> tuple[str, list[str]]:
    """The long CSV of every readable report in ``paths``, in order, and the failures."""
    bag = db.from_sequence(paths, npartitions=partitions or min(len(paths), 64) or 1)
    found = bag.map(records).compute(scheduler=scheduler)
    csv = zwgk.to_csv([]) + "".join(body for _, body, error in found if error is None)  # the header, then
    return csv, [f"{path}: {error}" for path, _, error in found if error is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        default=[str(p) for p in sorted(CORPUS.glob("*_page.txt"))],
        help="report files or folders",
    )
    parser.add_argument("--out", default="corpus.csv", help="where the long CSV goes")
    parser.add_argument("--scheduler", default="processes", choices=("processes", "threads", "synchronous"))
    args = parser.parse_args(argv)
    paths = [str(p) for p in files_in(args.paths)]
    csv, failed = corpus_csv(paths, args.scheduler)
    Path(args.out).write_text(csv, encoding="utf-8", newline="")
    for failure in failed:
        print(f"dask_corpus: {failure}", file=sys.stderr)
    print(f"{len(paths) - len(failed)} reports from {len(paths)} files → {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
