"""Table 三: 收到和处理政府信息公开申请情况 — applications received and how they were handled."""

from __future__ import annotations

import attrs


@attrs.frozen
class RequestRow:
    """One row of table 三: a count per applicant column. ``None`` is a blank cell, ``0`` a printed 0."""

    natural_person: int | None = None
    commercial: int | None = None
    research: int | None = None
    social_welfare: int | None = None
    legal_service: int | None = None
    other: int | None = None
    total: int | None = None


@attrs.frozen
class Withheld:
    """（三）不予公开 and its eight reasons."""

    state_secret: RequestRow = RequestRow()
    prohibited_by_law: RequestRow = RequestRow()
    security_stability: RequestRow = RequestRow()
    third_party_rights: RequestRow = RequestRow()
    internal_affairs: RequestRow = RequestRow()
    process_information: RequestRow = RequestRow()
    enforcement_files: RequestRow = RequestRow()
    query_matters: RequestRow = RequestRow()


@attrs.frozen
class Unavailable:
    """（四）无法提供 and its three reasons."""

    not_held: RequestRow = RequestRow()
    needs_creation: RequestRow = RequestRow()
    unclear: RequestRow = RequestRow()


@attrs.frozen
class NotProcessed:
    """（五）不予处理 and its five reasons."""

    petition: RequestRow = RequestRow()
    repeated: RequestRow = RequestRow()
    publications: RequestRow = RequestRow()
    excessive: RequestRow = RequestRow()
    confirmation: RequestRow = RequestRow()


@attrs.frozen
class OtherHandling:
    """（六）其他处理 as the 2021 format splits it into three sub-rows."""

    overdue_correction: RequestRow = RequestRow()
    overdue_fee: RequestRow = RequestRow()
    other: RequestRow = RequestRow()


@attrs.frozen
class Requests:
    """Table 三. ``other_handling`` is one row in the 2019 format, three sub-rows in the 2021 format."""

    new_received: RequestRow = RequestRow()
    carried_over: RequestRow = RequestRow()
    granted: RequestRow = RequestRow()
    partially_granted: RequestRow = RequestRow()
    withheld: Withheld = Withheld()
    unavailable: Unavailable = Unavailable()
    not_processed: NotProcessed = NotProcessed()
    other_handling: RequestRow | OtherHandling = OtherHandling()
    total: RequestRow = RequestRow()
    carried_forward: RequestRow = RequestRow()
    notes: tuple[str, ...] = ()
