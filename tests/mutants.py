"""Seeded mutants of the real fixtures: lines deleted, duplicated, swapped, cut, joined; a figure, a
label or an odd cell put in. What a damaged copy of a real report looks like, made repeatably."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

from zwgk.catalogue import REQUEST_ROWS, walk_rows
from zwgk.model.common import Template

from .conftest import FIXTURES

FIXTURE_PATHS = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "pages").glob("*.txt"))
LABELS = [
    *sorted({row.label for _, row, _ in walk_rows(REQUEST_ROWS[Template.V2021])}),
    "第二十条第（六）项",
    "其他事项",
    "规章",
    "行政许可",
    "结果维持",
]
ODD_CELLS = ("约5", "abc", "5人", "二十", "12%", "64件", "约64", "-", "1.5")

_Lines = list[str]


def _delete(lines: _Lines, rng: random.Random) -> None:
    del lines[rng.randrange(len(lines))]


def _duplicate(lines: _Lines, rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])


def _swap(lines: _Lines, rng: random.Random) -> None:
    at = rng.randrange(len(lines) - 1)
    lines[at], lines[at + 1] = lines[at + 1], lines[at]


def _cut(lines: _Lines, rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]


def _join(lines: _Lines, rng: random.Random) -> None:
    at = rng.randrange(len(lines) - 1)
    lines[at : at + 2] = [lines[at] + lines[at + 1]]


def _figure(lines: _Lines, rng: random.Random) -> None:
    """A figure put in as a cell of its own: at the end of a line, or before one of its separators."""
    at = rng.randrange(len(lines))
    line = lines[at]
    where = rng.choice([len(line), *(i for i, c in enumerate(line) if c in "\t|")])
    figure = rng.choice(("\t", " | ")) + str(rng.choice((0, 1, 7, 42, 365, 2023)))
    lines[at] = line[:where] + figure + line[where:]


def _label(lines: _Lines, rng: random.Random) -> None:
    label = rng.choice(LABELS)
    lines.insert(rng.randrange(len(lines) + 1), label + rng.choice(("", "\t5", "\t0\t0\t0")))


def _odd_cell(lines: _Lines, rng: random.Random) -> None:
    """A figure of a table row replaced by text that is no figure."""
    rows = [i for i, line in enumerate(lines) if "\t0" in line or "| 0" in line]
    if rows:
        at = rng.choice(rows)
        lines[at] = lines[at].replace("0", rng.choice(ODD_CELLS), 1)


MUTATIONS: tuple[Callable[[_Lines, random.Random], None], ...] = (
    _delete,
    _duplicate,
    _swap,
    _cut,
    _join,
    _figure,
    _label,
    _odd_cell,
)


def mutant(text: str, rng: random.Random) -> str:
    """``text`` with one to three random mutations."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        if len(lines) > 2:
            rng.choice(MUTATIONS)(lines, rng)
    return "\n".join(lines)


def mutants(per_fixture: int, seed: int = 13) -> Iterator[tuple[str, str]]:
    """``per_fixture`` mutants of each fixture, as (name, text), the same ones on every run."""
    for path in FIXTURE_PATHS:
        rng = random.Random(f"{seed}:{path.name}")
        text = _text(path)
        for k in range(per_fixture):
            yield f"{path.stem}~{k}", mutant(text, rng)


def _text(path: Path) -> str:
    import zwgk

    return zwgk.file_text(path)
