"""The progress bar: one terminal line whatever the width of the paths, CJK ones included."""

from __future__ import annotations

import io

import pytest
import wcwidth

from zwgk.progress import Progress, cut_to_width, display_width

NAMES = [
    "年报/江苏省/淮安市淮安区人民政府2023年政府信息公开工作年度报告.txt",
    "a.txt",
    "報告／２０２４年度.txt",
    "e\u0301cole/政府.txt",  # a combining accent: no column of its own
]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _drawn(columns: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    terminal = _Terminal()
    progress = Progress(len(NAMES), terminal)
    for name in NAMES:
        progress.advance(name)
    progress.close()
    return terminal.getvalue().split("\r\x1b[K")[1:-1]  # each drawing starts with it, closing too


@pytest.mark.parametrize(
    "text, width", [("abc", 3), ("政府信息", 8), ("２０２４", 8), ("e\u0301", 1), ("", 0)]
)
def test_display_width_counts_wide_characters_twice(text: str, width: int) -> None:
    assert display_width(text) == width == wcwidth.wcswidth(text)


@pytest.mark.parametrize("columns", [120, 80, 40, 24, 12, 4])
def test_each_bar_fits_within_the_terminal_line(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _drawn(columns, monkeypatch)
    assert len(drawn) == len(NAMES)
    assert all(wcwidth.wcswidth(line) < columns for line in drawn)


def test_a_long_cjk_path_keeps_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    # 40 columns, 39 used: a 16-column bar, " 1/4 ", then 16 for the name: "..." and 13 of its end
    assert _drawn(40, monkeypatch)[0] == "[####            ] 1/4 ...年度报告.txt"
    assert _drawn(120, monkeypatch)[1].endswith("] 2/4 a.txt")


def test_cut_marks_what_it_leaves_out() -> None:
    assert cut_to_width("政府信息公开", 12) == "政府信息公开"
    assert cut_to_width("政府信息公开", 11) == "...信息公开"
    assert cut_to_width("政府信息公开", 8) == "...公开"
    assert cut_to_width("政府信息公开", 3) == ""
    assert cut_to_width("报告\n2023.txt", 20) == "报告?2023.txt"  # a newline in a name would break the bar


def test_no_bar_when_the_stream_is_not_a_terminal() -> None:
    pipe = io.StringIO()
    progress = Progress(4, pipe)
    for name in NAMES:
        progress.advance(name)
    progress.note("zwgk: a.txt: 无法读取")
    progress.close()
    assert pipe.getvalue() == "zwgk: a.txt: 无法读取\n"
