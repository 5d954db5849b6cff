"""One definition of "the same organ", for every comparison across reports (``check_series``, ``compare``).

Two reports are of the same organ when their organ names have the same ``organ_key``. The key
leaves aside only what never tells two organs apart:

- character forms: NFKC (full-width ``（`` is ``(``), every whitespace removed, traditional characters
  simplified (the parser's own conversion, ``normalize.to_simplified``);
- 人民政府 written short: ``某某市政府办公室`` is ``某某市人民政府办公室``;
- the government of a place named by the place: a name that is a place (ending in 省 市 县 区 旗 州 盟
  镇 乡) followed by 人民政府 is the place (``湖东镇人民政府`` is ``湖东镇``: a town's report is its
  government's);
- 街道办事处 named 街道 (``二郎街道办事处`` is ``二郎街道``), 管委会 written out (``管理委员会``).

Everything else tells organs apart: ``某某市人民政府`` and ``某某市人民政府办公室`` are two organs, and so
are ``洪泽区人民政府`` and ``淮安市洪泽区人民政府`` — whether a place name without its parent is the same
place only a person knows. A ``mapping`` says so: raw or keyed names to the canonical name they stand
for, ``{"淮安市洪泽区人民政府": "洪泽区人民政府"}``; it overrides the rules for the names it lists.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from .normalize import to_simplified

_SHORT_GOVERNMENT = re.compile(r"(?<!人民)政府")
_PLACE_GOVERNMENT = re.compile(r"(?<=[省市县区旗州盟镇乡])人民政府$")
_SUBDISTRICT_OFFICE = re.compile(r"街道办事处$")
_COMMITTEE = "管委会"


@functools.lru_cache(maxsize=4096)  # a mapping's names, normalised again for every report compared
def _normalised(name: str) -> str:
    plain = to_simplified("".join(unicodedata.normalize("NFKC", name).split()))
    full = _SHORT_GOVERNMENT.sub("人民政府", plain).replace(_COMMITTEE, "管理委员会")
    return _SUBDISTRICT_OFFICE.sub("街道", _PLACE_GOVERNMENT.sub("", full))


def canonical_name(name: str, mapping: Mapping[str, str] | None) -> str | None:
    """The canonical name ``mapping`` gives ``name`` (listed raw or keyed; of two names of one key, the
    later), ``None`` when it lists no name of that key."""
    key = _normalised(name)
    found = [target for raw, target in (mapping or {}).items() if _normalised(raw) == key]
    return found[-1] if found else None


def organ_key(name: str, mapping: Mapping[str, str] | None = None) -> str:
    """The organ ``name`` stands for, as a key: equal keys, same organ (the rules are in this module's
    docstring). ``mapping`` (raw or keyed name → canonical name) overrides them for the names it lists."""
    canonical = canonical_name(name, mapping)
    return _normalised(name if canonical is None else canonical)


def same_organ(a: str, b: str, mapping: Mapping[str, str] | None = None) -> bool:
    """Whether two organ names stand for the same organ."""
    return organ_key(a, mapping) == organ_key(b, mapping)
