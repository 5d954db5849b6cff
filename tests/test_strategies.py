"""The strategies draw from the domain they claim: text zwgk keeps as it is, and reports that hold."""

from __future__ import annotations

import opencc
from hypothesis import given

import zwgk
from zwgk.codes import Findings
from zwgk.normalize import has_traditional, scrub
from zwgk.strategies import reports
from zwgk.strategies._text import HAN, PUNCTUATION, SPECIAL_LINES


def test_the_text_alphabet_is_kept_as_it_is() -> None:
    alphabet = HAN + PUNCTUATION
    assert not has_traditional(alphabet)
    assert scrub(alphabet, Findings()) == alphabet


def test_the_text_alphabet_survives_traditional_copies() -> None:
    s2t, t2s = opencc.OpenCC("s2t").convert, opencc.OpenCC("t2s").convert
    assert "".join(t2s(s2t(c)) for c in HAN) == HAN


def test_special_lines_do_not_read_as_paragraphs() -> None:
    from zwgk.lexing.lexer import reads_back

    assert not any(
        reads_back(line, tabular=False) and reads_back(line, tabular=True) for line in SPECIAL_LINES
    )


@given(reports(consistent=True))
def test_consistent_reports_add_up(report: zwgk.Report) -> None:
    requests = report.requests
    if requests is not None:
        for row in (requests.new_received, requests.total, requests.carried_forward):
            parts = (
                row.natural_person,
                row.commercial,
                row.research,
                row.social_welfare,
                row.legal_service,
                row.other,
            )
            assert sum(parts) == row.total  # type: ignore[arg-type]
        assert requests.new_received.total + requests.carried_over.total == (  # type: ignore[operator]
            requests.total.total + requests.carried_forward.total  # type: ignore[operator]
        )
