"""One walk over an HTML page, in time linear in its size however deeply its elements nest: where each
element stands (so that whether one holds another is a lookup) and a sketch of the text below it.

Reading the text below every element of a page, or walking up to the root from each, takes time
quadratic in the nesting: 100,000 nested ``<div>`` took minutes, 20,000 unclosed ones all the memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode as Node

_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
_WHOLE = 64
"""A text up to this long is kept whole in its sketch."""
_EDGE = 8
"""Characters kept at each end of a longer text: more than the longest word searched for."""


class Sketch(NamedTuple):
    """The text below an element, spaces removed (as ``node.text()`` joins it): its length, the text itself
    when at most ``_WHOLE`` characters (else its ends around a NUL), whether it holds one of the words
    searched for, whether a link (``<a>``) is among the elements below."""

    length: int
    text: str
    has_word: bool
    has_link: bool

    @property
    def whole(self) -> str | None:
        return self.text if self.length <= _WHOLE else None


def _sketch(text: str, words: re.Pattern[str], *, below: Sequence[Sketch] = (), link: bool = False) -> Sketch:
    """The sketch of ``text`` (the children's sketches joined, for an element)."""
    length = sum(s.length for s in below) if below else len(text)
    short = text if length <= _WHOLE else f"{text[:_EDGE]}\x00{text[-_EDGE:]}"
    has_word = any(s.has_word for s in below) or words.search(text) is not None
    return Sketch(length, short, has_word, link or any(s.has_link for s in below))


def children(node: Node) -> Iterator[Node]:
    """The nodes right below ``node``, text and comments too."""
    child = node.child
    while child is not None:
        yield child
        child = child.next


class Outline:
    """The elements below ``root`` (``root`` too): ``shown``, those outside the subtrees ``skipped`` leaves
    out, in document order; the ``Sketch`` of each shown element whose tag is in ``sketched``, for the
    ``words`` pattern (words of at most ``_EDGE`` characters)."""

    def __init__(
        self, root: Node, skipped: Callable[[Node], bool], words: re.Pattern[str], sketched: frozenset[str]
    ) -> None:
        self.shown: list[Node] = []
        self.sketches: dict[int, Sketch] = {}
        self._start: dict[int, int] = {}
        """Each element's number in document order."""
        self._end: dict[int, int] = {}
        """The number after its last descendant's."""
        below: dict[int, list[Sketch]] = {0: []}  # the sketches of the children of an element being walked
        stack: list[tuple[Node, int, bool, bool]] = [(root, 0, False, False)]  # node, parent, walked, hidden
        while stack:
            node, parent, walked, hidden = stack.pop()
            key = node.mem_id
            if node.tag == "-text":
                below[parent].append(_sketch(_SPACES.sub("", node.text_content or ""), words))
            elif (node.tag or "-").startswith("-"):  # a comment: no element, no text
                continue
            elif not walked:
                self._start[key] = len(self._start)
                hidden = hidden or skipped(node)
                if not hidden:
                    self.shown.append(node)
                below[key] = []
                stack.append((node, parent, True, hidden))
                stack.extend((child, key, False, hidden) for child in reversed([*children(node)]))
            else:
                self._end[key] = len(self._start)
                parts = below.pop(key)
                sketch = _sketch("".join(s.text for s in parts), words, below=parts, link=node.tag == "a")
                below[parent].append(sketch)
                if not hidden and node.tag in sketched:
                    self.sketches[key] = sketch

    def contains(self, ancestor: Node, node: Node) -> bool:
        """Whether ``node`` is ``ancestor`` or below it (an element above ``root`` holds every one)."""
        start = self._start.get(ancestor.mem_id)
        return start is None or start <= self._start[node.mem_id] < self._end[ancestor.mem_id]

    def precedes(self, node: Node, other: Node) -> bool:
        """Whether ``node`` starts before ``other`` (an element above ``root`` starts first)."""
        return self._start[node.mem_id] < self._start.get(other.mem_id, 0)

    def common_ancestor(self, nodes: Sequence[Node]) -> Node:
        """The lowest element holding all of ``nodes``: the lowest holding the first and the last of them."""
        first = min(nodes, key=lambda n: self._start[n.mem_id])
        last = max(nodes, key=lambda n: self._start[n.mem_id])
        common = first
        while not self.contains(common, last) and common.parent is not None:
            common = common.parent
        return common

    def innermost(self, nodes: Sequence[Node]) -> list[Node]:
        """Those of ``nodes`` (in document order) that hold none of the others: an element's descendants
        follow it directly."""
        return [
            n
            for n, after in zip(nodes, [*nodes[1:], None], strict=False)
            if after is None or not self.contains(n, after)
        ]
