"""``fold_width``: full-width forms to half width, text without any returned as it is."""

from __future__ import annotations

from zwgk.normalize import fold_width, half_width_digits


def test_full_width_forms_are_folded() -> None:
    assert fold_width("１２３，（一）：５％") == "123,(一):5%"
    assert fold_width("合计\u3000７\xa0件") == "合计 7 件"
    assert fold_width("\u2212３") == "-3"


def test_text_without_full_width_forms_is_kept() -> None:
    text = "本年新收政府信息公开申请数量 12"
    assert fold_width(text) is text


def test_every_full_width_form_is_folded() -> None:
    """The Unicode block's full-width forms of ASCII ``!`` to ``~`` (U+FF01–U+FF5E), each alone in a text
    (the quick test for a character to fold misses none), and the wide and no-break spaces."""
    for code in range(0xFF01, 0xFF5F):
        assert fold_width(f"第{chr(code)}项") == f"第{chr(code - 0xFEE0)}项", hex(code)
    for space in "\u3000\xa0\u2002\u2003\u2009":
        assert fold_width(f"一{space}二") == "一 二"


def test_half_width_digits_folds_digits_only() -> None:
    assert half_width_digits("２０２３年（一）：１２，５") == "2023年（一）：12，5"
    text = "本年新收政府信息公开申请数量 12"
    assert half_width_digits(text) is text
