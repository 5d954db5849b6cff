"""The organ and the year of a report, from where real pages state them — never from site furniture.

In order: the title; the opening sentence (``特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度
报告``, ``现公布2021年本级政府信息公开工作年度报告``); the contact sentence (``如对本报告有疑问，请与鹤城镇
人民政府党政办联系``); the page's metadata fields (``发布机构：…``, ``来源：…``); the first sentences of the
body (``2025年，铁东区退役军人事务局通过区政府网站…``, ``统计期限自2022年1月1日``). Where the page's
header prints the title's organ more fully (title ``万潮镇2023年…``, ``来源：万潮镇人民政府``), the fuller
name is the organ. Whatever did not come from the title is said in a diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..codes import Findings
from ..lexing.lines import SourceLine
from ..lexing.titles import YEAR, is_furniture, organ_name, title_parts, title_text
from ..normalize import PINYIN_REMOVED, half_width_digits, without_pinyin_notes
from ..patterns import regex

_CLAUSE = r"[^，。；,;：:“”《》\n]"
_PUBLISH = r"(?:编制|公布|公开|发布|形成|提交|呈报|报送|印发)"
_STATED = regex(
    rf"{_PUBLISH}了?(?:本机关)?((?:(?!{_PUBLISH}){_CLAUSE}){{0,40}}?){YEAR.pattern}"
    rf"({_CLAUSE}{{0,40}}?)(?:政府信息公开|政务公开|信息公开){_CLAUSE}{{0,12}}?报告"
)
"""The opening sentence that names the report: ``特编制X2023年政府信息公开工作年度报告``."""
_MADE_BY = regex(rf"本报告由({_CLAUSE}{{2,30}}?)(?:根据|依据|按照|编制|制作)")
_CONTACT = regex(rf"(?:请?与|请联系|联系单位[:：]?)({_CLAUSE}{{2,40}}?)(?:联系|联络|[（(]|地址)")
_INNER_OFFICE = regex(
    r"(?:党政综合办公室|党政综合办|党政办公室|党政办|综合办公室|综合办|办公室|政务公开办公室|政务公开办|信息公开办|综合科|办公科)$"
)
"""An organ's own office, named in a contact sentence after the organ (鹤城镇人民政府党政办)."""
_FIELD = regex(
    r"(?:发布机构|发文机关|信息来源|来\s*源|发布单位|发布部门|主办单位)\s*[:：]\s*[|｜]?\s*([^\s|｜：:]{2,40})"
)
_FIELD_ALONE = regex(r"^[•·●◆■\s]*(?:发布机构|发文机关|信息来源|来源|发布单位|发布部门)\s*[:：]?\s*$")
_STATISTICS = regex(rf"(?:统计期限|统计时限|统计时间|统计起止时间|统计区间)[^。]{{0,12}}?{YEAR.pattern}")
_VERB_WORDS = (
    "在|坚持|以|按照|深入|认真|紧紧|全面|始终|高度|围绕|持续|进一步|积极|严格|切实|根据|依据|紧扣|聚焦|扎实"
    "|通过|共|主动|依法|不断|着力|全年|累计|继续|大力|严|结合|立足|牢固|贯彻"
)
_VERBS = rf"(?=[{''.join(dict.fromkeys(word[0] for word in _VERB_WORDS.split('|')))}])(?:{_VERB_WORDS})"
"""The verbs that follow a body paragraph's organ, behind a test of their first characters: tried after
each of the organ's characters, the alternation is entered only where a verb can begin."""
_BODY_ORGAN = rf"\s*({_CLAUSE}{{2,30}}?){_VERBS}"
_OPENING_ORGAN = regex(_BODY_ORGAN)
_CLAUSE_ORGAN = regex(rf"[，,。；;年]{_BODY_ORGAN}")
"""``2025年，铁东区退役军人事务局通过…``: the organ opens a paragraph (``_OPENING_ORGAN``, matched at its
start) or a clause (after its punctuation, or after a year) and its verb follows."""
_FIRST_YEAR = regex(rf"{YEAR.pattern}(?![\d-])")
_BODY_PARAGRAPHS = 3
_NAME_CHARS = 40
"""No line that is an organ's name alone is longer."""


def title_of(lines: Sequence[SourceLine], findings: Findings) -> str | None:
    """The title its lines make, without a mirror site's field label and the pipes around it, and
    without a pinyin note the joining made whole (said in ``findings``, as ``scrub`` says its own)."""
    title, notes = without_pinyin_notes("".join(title_text(line.text) for line in lines))
    if notes:
        findings.add("ZW101", f"{PINYIN_REMOVED}（标题）{notes} 处", lines[0].number, ("title",))
    return title or None


def _stated(paragraphs: Iterable[str]) -> tuple[str | None, int | None]:
    """Organ and year from a sentence that names the report, or says who made it."""
    for paragraph in paragraphs:
        if "报告" not in paragraph:
            continue
        found = _STATED.search(paragraph)
        if found is not None:
            before, year, after = found.groups()
            return organ_name(before) or organ_name(after), int(year)
        made = _MADE_BY.search(paragraph)
        if made is not None and (organ := organ_name(made.group(1))) is not None:
            return organ, None
    return None, None


def _contact(paragraphs: Iterable[str]) -> str | None:
    for paragraph in paragraphs:
        if "联" not in paragraph:
            continue
        for found in _CONTACT.finditer(paragraph):
            named = found.group(1)
            organ = organ_name(_INNER_OFFICE.sub("", named)) or organ_name(named)
            if organ is not None:
                return organ
    return None


def _fields(front: Sequence[str]) -> list[str]:
    """The organs the page's metadata fields name (``发布机构：…``, ``来源：…``, or a label alone on its
    line with its value on the next)."""
    found = []
    for i, line in enumerate(front):
        if ":" not in line and "：" not in line and not _FIELD_ALONE.match(line):
            continue
        for match in _FIELD.finditer(line):
            if (organ := organ_name(match.group(1))) is not None:
                found.append(organ)
        if (
            _FIELD_ALONE.match(line)
            and i + 1 < len(front)
            and (organ := organ_name(front[i + 1].strip(" •·●◆■"))) is not None
        ):
            found.append(organ)
    return found


def _alone(front: Sequence[str]) -> list[str]:
    """Lines of the page's header that are an organ's name and nothing else (a site's own name)."""
    return [
        organ
        for line in front
        if len(line) <= _NAME_CHARS and not is_furniture(line) and (organ := organ_name(line)) is not None
    ]


def _body_organ(paragraphs: Sequence[str]) -> str | None:
    for paragraph in paragraphs:
        opening = _OPENING_ORGAN.match(paragraph)
        if opening is not None and (organ := organ_name(opening.group(1))) is not None:
            return organ
        for found in _CLAUSE_ORGAN.finditer(paragraph, opening.end() if opening else 0):
            organ = organ_name(found.group(1))
            if organ is not None:
                return organ
    return None


def _body_year(paragraphs: Sequence[str]) -> int | None:
    for pattern in (_STATISTICS, _FIRST_YEAR):
        for paragraph in paragraphs:
            found = pattern.search(paragraph)
            if found is not None:
                return int(found.group(1))
    return None


_GOVERNMENT = ("人民政府", "政府", "街道办事处", "办事处")
"""What makes a place's name the name of its government (万潮镇 → 万潮镇人民政府)."""


def _fuller(organ: str, names: Iterable[str]) -> str:
    """The fullest of ``names`` that is ``organ`` named more fully, as the page's header prints it: with
    the places above it (高新区(新市区) → 乌鲁木齐国家高新区(新市区)), or as the government of the place
    (万潮镇 → 万潮镇人民政府) — not an office of it (平潭综合实验区管委会办公室)."""
    longer = [
        n
        for n in names
        if len(n) > len(organ) and (n.endswith(organ) or n.removeprefix(organ) in _GOVERNMENT)
    ]
    return max(longer, key=len, default=organ)


def organ_and_year(
    title: str | None, front: Sequence[str], body: Sequence[str], findings: Findings
) -> tuple[str | None, int | None]:
    """The organ and year of a report with ``title``, from it or else from the text before the first
    heading (``front``: the site's header and the preamble) and the first paragraphs of ``body``; all of
    it read with full-width digits as ASCII (``２０２３年``)."""
    organ, year = title_parts(half_width_digits(title)) if title else (None, None)
    from_title = organ is not None, year is not None
    front = [half_width_digits(line) for line in front]
    if organ is None or year is None:
        body = [half_width_digits(paragraph) for paragraph in body]
        header = [line for line in front if not is_furniture(line) or _FIELD.search(line)]
        sentences = [*header, *body[:_BODY_PARAGRAPHS]]
        stated_organ, stated_year = _stated(sentences)
        year = year or stated_year or _body_year(sentences)
        organ = (
            organ
            or stated_organ
            or _contact([*front, *body])
            or next(iter(_fields(front)), None)
            or _body_organ(sentences)
        )
    if organ is not None and front:
        fuller = _fuller(organ, [*_fields(front), *_alone(front)])
        from_title = (from_title[0] and fuller == organ, from_title[1])
        organ = fuller
    taken = [
        what
        for what, found, titled in (
            (f"机关“{organ}”", organ, from_title[0]),
            (f"年度 {year}", year, from_title[1]),
        )
        if found is not None and not titled
    ]
    if taken:
        findings.add(
            "ZW201", f"报告标题中未见{'、'.join(taken)}，取自正文或页面信息", None, ("organ", "year")
        )
    missing = [name for name, found in (("机关", organ), ("年度", year)) if found is None]
    if missing:
        findings.add("ZW202", f"未能确定报告的{'和'.join(missing)}", None, ("organ", "year"))
    return organ, year
