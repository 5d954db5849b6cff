"""Table 四: 政府信息公开行政复议、行政诉讼情况 — administrative reconsideration and litigation."""

from __future__ import annotations

import attrs


@attrs.frozen
class ReviewOutcomes:
    """The five columns of one group of table 四."""

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None


@attrs.frozen
class Review:
    """Table 四: 行政复议, 未经复议直接起诉 and 复议后起诉."""

    reconsideration: ReviewOutcomes = ReviewOutcomes()
    direct_litigation: ReviewOutcomes = ReviewOutcomes()
    post_reconsideration_litigation: ReviewOutcomes = ReviewOutcomes()
    notes: tuple[str, ...] = ()
