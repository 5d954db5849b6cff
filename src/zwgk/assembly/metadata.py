"""The organ and the year of a report: from its title, or from its first sentences when it has none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..codes import Findings

_YEAR = r"((?:19|20)\d{2})\s*年\s*度?"
_TITLE_YEAR = re.compile(_YEAR)
_TITLE_LABEL = re.compile(r"^(?:标题|题目|文章标题)\s*[:：]\s*")
"""A mirror site's field label before the title (``标题: …``)."""
_LEADING_NOISE = re.compile(r"^(?:关于|[#\s]+)+")
_ORGAN_END = re.compile(r"\s*(?:政府信息公开|政务公开|信息公开).*$")
_SPACES = re.compile(r"\s+")
# Where a report without a title states its year.
_BODY_YEARS = (
    re.compile(r"统计期限[^。]{0,10}?" + _YEAR),
    re.compile(_YEAR + r"(?:政府信息公开|政务公开)[^。，]{0,6}?年度?报告"),
    re.compile(r"^[^。]{0,10}?" + _YEAR),
)
_ORGAN_SUFFIX = (
    r"(?:人民政府|办事处|管理委员会|管委会|委员会|街道|乡|镇|县|区|市|州|盟|旗|局|委|厅|办公室|中心)"
)
_VERBS = r"(?:在|坚持|以|按照|深入|认真|紧紧|全面|始终|高度|围绕|持续|进一步|积极|严格|切实|根据|依据|紧扣|聚焦|扎实)"
# "2023年，一平垣乡在区政府的正确领导下": the organ opens a clause and is followed by its verb.
_BODY_ORGAN = re.compile(rf"(?:^|[，,。；])\s*([\u4e00-\u9fff]{{2,24}}?{_ORGAN_SUFFIX}){_VERBS}")


def title_of(lines: Sequence[str]) -> str | None:
    """The title its lines make, without a mirror site's field label."""
    return _TITLE_LABEL.sub("", "".join(line.strip() for line in lines)) or None


def _clean_organ(text: str) -> str | None:
    organ = _SPACES.sub("", _LEADING_NOISE.sub("", text)).strip("：:，,。-—")
    return organ or None


def from_title(title: str) -> tuple[str | None, int | None]:
    """Organ and year from a title such as 梁园区王楼乡人民政府2020年政府信息公开工作年度报告 or
    2024年上海市科委政府信息公开工作年度报告."""
    match = _TITLE_YEAR.search(title)
    if match is None:
        return _clean_organ(_ORGAN_END.sub("", title)), None
    organ = _clean_organ(title[: match.start()]) or _clean_organ(_ORGAN_END.sub("", title[match.end() :]))
    return organ, int(match.group(1))


def from_body(paragraphs: Sequence[str]) -> tuple[str | None, int | None]:
    """Organ and year from the first paragraphs of a report without a title."""
    text = "\n".join(paragraphs[:3])
    year = None
    for pattern in _BODY_YEARS:
        found = pattern.search(text)
        if found is not None:
            year = int(found.group(1))
            break
    organ = _BODY_ORGAN.search(text)
    return (organ.group(1) if organ else None), year


def organ_and_year(
    title: str | None, paragraphs: Sequence[str], findings: Findings
) -> tuple[str | None, int | None]:
    organ, year = from_title(title) if title else (None, None)
    if organ is None or year is None:
        body_organ, body_year = from_body(paragraphs)
        taken = []
        if organ is None and body_organ is not None:
            organ = body_organ
            taken.append(f"机关“{organ}”")
        if year is None and body_year is not None:
            year = body_year
            taken.append(f"年度 {year}")
        if taken:
            findings.add(
                "ZW201", f"报告无标题或标题中未见，{'、'.join(taken)}取自正文开头", None, ("organ", "year")
            )
    if organ is None or year is None:
        missing = [name for name, found in (("机关", organ), ("年度", year)) if found is None]
        findings.add("ZW202", f"未能确定报告的{'和'.join(missing)}", None, ("organ", "year"))
    return organ, year
