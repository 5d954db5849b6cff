"""A report built by hand, with figures chosen so that every rule holds, and a way to change one cell."""

from __future__ import annotations

from typing import Any

import attrs

from zwgk.model import (
    Active2021,
    NotProcessed,
    OtherHandling,
    Report,
    RequestRow,
    Requests,
    Review,
    ReviewOutcomes,
    Template,
    TextSection,
    Unavailable,
    Withheld,
)

ZERO = RequestRow(0, 0, 0, 0, 0, 0, 0)


def row(*six: int) -> RequestRow:
    return RequestRow(*six, sum(six))


def zeros(cls: type) -> Any:
    return cls(**{f.name: ZERO for f in attrs.fields(cls) if f.name != "notes"})


def consistent_report(year: int = 2021, organ: str = "某某县人民政府") -> Report:
    """A 2021-format report whose figures (chosen by hand) satisfy every rule."""
    requests = Requests(
        new_received=row(5, 1, 0, 0, 0, 0),
        carried_over=row(1, 0, 0, 0, 0, 0),
        granted=row(3, 1, 0, 0, 0, 0),
        partially_granted=row(1, 0, 0, 0, 0, 0),
        withheld=zeros(Withheld),
        unavailable=attrs.evolve(zeros(Unavailable), not_held=row(1, 0, 0, 0, 0, 0)),
        not_processed=zeros(NotProcessed),
        other_handling=zeros(OtherHandling),
        total=row(5, 1, 0, 0, 0, 0),
        carried_forward=row(1, 0, 0, 0, 0, 0),
    )
    none = ReviewOutcomes(0, 0, 0, 0, 0)
    review = Review(ReviewOutcomes(1, 0, 0, 1, 2), none, none)
    text = TextSection(("本年度共收到政府信息公开申请6件，办结6件，结转下年度1件。",))
    return Report(
        title=f"{organ}{year}年政府信息公开工作年度报告",
        organ=organ,
        year=year,
        template=Template.V2021,
        overview=text,
        requests=requests,
        review=review,
        problems=TextSection(()),
        other_matters=TextSection(()),
        active=Active2021(),
    )


def with_cell(report: Report, path: str, value: int | None) -> Report:
    """``report`` with the cell at ``path`` (e.g. ``requests.total.natural_person``) set to ``value``."""

    def replace(obj: Any, parts: list[str]) -> Any:
        head, *rest = parts
        return attrs.evolve(obj, **{head: replace(getattr(obj, head), rest) if rest else value})

    return replace(report, path.split("."))


def cell(report: Report, path: str) -> Any:
    obj: Any = report
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj
