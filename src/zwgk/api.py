"""Reading reports: ``parse`` for text, ``parse_file`` for files, ``parse_url`` for URLs."""

from __future__ import annotations

import os
import stat

import attrs

from .assembly.report import assemble, in_section_order
from .characters import lone_surrogate
from .codes import Findings
from .errors import (
    BinaryInputError,
    DecodingError,
    InputTooLargeError,
    NotAReportError,
    UnsupportedSourceError,
    ZwgkError,
)
from .grammar import parse_tokens, token_text
from .lexing.flattened import unflatten
from .lexing.headings import figures_beside
from .lexing.lexer import tokens
from .lexing.lines import source_lines
from .lexing.tokens import Token
from .model.common import Unplaced
from .model.report import Report
from .normalize import NOTABLE_CHARS, WIDE_DIGITS, half_width_digits, scrub, to_simplified
from .patterns import keep, regex

MAX_INPUT_CHARS = 5_000_000
"""The longest text ``parse`` accepts. A long report is some 50,000 characters."""
MAX_FILE_BYTES = 4 * MAX_INPUT_CHARS
DEFAULT_TIMEOUT = 30.0
"""Seconds ``parse_url`` may take by default: to connect, for any wait on the server, and in all."""
_CONTROL = regex(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BINARY_CONTROL = regex(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SHARE = 0.01
_OTHER_NEWLINES = regex(r"[\u2028\u2029\x85]")
_ODD_CHARS = "\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\x85"
"""A lone surrogate, a control character or a line end other than ``\\n`` and ``\\r``."""
_ODD = regex(f"[{_ODD_CHARS}]")
_NOTABLE = regex(f"[{_ODD_CHARS}{NOTABLE_CHARS}{WIDE_DIGITS}]")
"""An odd character or one that ``scrub``, ``to_simplified`` or ``half_width_digits`` acts on: one scan
finds none in most text, where a scan for each kind took as long each."""


def _usable(text: object) -> tuple[str, bool]:
    """The text with line ends made ``\n`` and stray control characters made spaces, and whether it is
    plain (no character of ``_NOTABLE``); raises for input that is not text (see ``characters`` for
    lone surrogates)."""
    if not isinstance(text, str):
        raise ZwgkError(f"parse() 需要 str，得到 {type(text).__name__}；文件请用 parse_file()")
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLargeError(
            f"输入有 {len(text):,} 个字符，超过上限 {MAX_INPUT_CHARS:,}（input too large）"
        )
    plain = _NOTABLE.search(text) is None
    odd = not plain and _ODD.search(text) is not None
    if odd:
        text = _without_controls(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if odd:
        text = _OTHER_NEWLINES.sub("\n", text)
    return text.lstrip("\ufeff"), plain


def _without_controls(text: str) -> str:
    """``text`` with stray control characters made spaces; raises for a lone surrogate and for binary
    data."""
    surrogate = lone_surrogate(text)
    if surrogate is not None:
        raise DecodingError(
            f"第 {surrogate.line} 行第 {surrogate.column} 列是孤立的代理码位 U+{surrogate.code:04X}，"
            "文本解码有误，不是有效的 Unicode 文本（lone surrogate: the text was decoded wrongly）"
        )
    if _CONTROL.search(text):
        sample = text[:100_000]
        if "\x00" in text or len(_BINARY_CONTROL.findall(sample)) > _BINARY_SHARE * len(sample):
            raise BinaryInputError("输入含大量控制字符，是二进制数据而不是报告文本（binary data, not text）")
        text = _CONTROL.sub(" ", text)
    return text


_REPORT_TOKENS = frozenset(("TITLE", "HEADING", "ITEM", "LABEL"))
"""What shows the report format: a title (``find_title`` takes only lines that say 报告 or 年报), a
section heading, a table label; without one, a text is no report."""

_NOT_A_REPORT = "文本中没有年度报告的标题、章节标题或表格标签，不是政府信息公开工作年度报告（not a report）"


def _has_format(report: Report) -> bool:
    """Whether a report read holds some part of the format: a title, a section, a table."""
    parts = (
        report.overview,
        report.active,
        report.requests,
        report.review,
        report.problems,
        report.other_matters,
    )
    return report.title is not None or any(part is not None for part in parts)


def _quote_heading_figures(found: list[Token], findings: Findings) -> None:
    """A heading holding figures its official wording does not is quoted (ZW207): the report keeps no
    heading's text, and the figures would be lost with it."""
    for heading in found:
        if heading.type == "HEADING" and figures_beside(heading.value[0], heading.value[1].key):
            section, line = heading.value
            said = f"章节标题“{line.text.strip()}”含格式标题以外的内容，按第{section.numeral}部分读取"
            findings.add("ZW207", said, line.number)


def parse(text: str, *, simplify: bool = True) -> Report:
    """Read a report from its text.

    Returns a ``Report`` whatever a report's text holds: what had to be inferred, aliased or left out is
    in ``report.diagnostics``. Raises a ``ZwgkError`` only for input that is not usable text (not a
    ``str``, binary data, more than ``MAX_INPUT_CHARS`` characters; ``DecodingError`` for a lone
    surrogate, see ``zwgk.characters``) and ``NotAReportError`` for text with no sign of the format
    (no title naming a 年度报告, no section heading, no table label).

    Traditional characters are restored to simplified unless ``simplify=False``, which keeps the text
    as written (labels are matched on a simplified copy either way).
    """
    return _parse(text, simplify, Findings())


def _parse(text: str, simplify: bool, findings: Findings) -> Report:
    """``parse``, adding to the findings made while the text was obtained."""
    usable, plain = _usable(text)
    cleaned = scrub(usable, findings, plain=plain)
    # no character of _NOTABLE, nothing to convert or fold: unless scrub changed the text (an HTML entity
    # may name a traditional character or a full-width digit)
    untouched = plain and cleaned is usable
    simplified = cleaned if untouched else to_simplified(cleaned)
    if simplified is not cleaned:
        findings.add(
            "ZW107",
            "繁体字已转换为简体（traditional characters converted）"
            if simplify
            else "繁体字按原样保留，仅用简体副本识别标签",
        )
    key = simplified if untouched else half_width_digits(simplified)
    lines, footers = source_lines(simplified if simplify else cleaned, key)
    if footers:
        findings.add("ZW108", f"已略去页码行 {len(footers)} 处（page numbers dropped）", footers[0])
    lines, flattened = unflatten(lines)
    if flattened:
        message = f"{len(flattened)} 行连写的内容已按标题、表格标签和数字断开（run-together text broken into lines）"
        findings.add("ZW109", message, flattened[0])
    found = tokens(lines)
    if all(t.type not in _REPORT_TOKENS for t in found):
        raise NotAReportError(_NOT_A_REPORT)
    _quote_heading_figures(found, findings)
    document, skipped = parse_tokens(found)
    report = assemble(document, findings, glued=bool(flattened))
    if not _has_format(report):  # its labels were words of its prose (canonical text would escape them)
        raise NotAReportError(_NOT_A_REPORT)
    if skipped:
        leftovers = tuple(Unplaced(token_text(t), None, t.line) for t in skipped)
        for leftover in leftovers:
            findings.add(
                "ZW231",
                f"“{leftover.text}”无法归入报告结构，作为未归位内容保留",
                leftover.line,
            )
        report = attrs.evolve(
            report,
            unplaced=in_section_order(report.unplaced + leftovers),
            diagnostics=tuple(findings.diagnostics),
        )
    keep()  # the patterns the first parse compiled (those built from the catalogue), for the next process
    return report


def file_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a report file, refused beyond ``limit`` (``MAX_FILE_BYTES``) and when it is no regular
    file: a FIFO would block for ever, a device (``/dev/zero``) never end. Never reads more than
    ``limit`` + 1 bytes, whatever the file's size says."""
    name = os.fspath(path)
    if "\x00" in name:  # no file system names a file so: the path itself is damaged
        raise ZwgkError(f"无法读取 {name!r}：路径中含 NUL 字符（a path cannot hold a NUL byte）")
    try:
        # non-blocking, so that opening a FIFO returns at once and is refused by its type
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise UnsupportedSourceError(
                    f"{name} 不是普通文件（FIFO、设备或目录），不读取（not a regular file）"
                )
            size = status.st_size
            data = handle.read(limit + 1) if size <= limit else b""
    except OSError as error:
        raise ZwgkError(f"无法读取 {name}：{error.strerror or error}") from None
    if size > limit or len(data) > limit:
        raise InputTooLargeError(f"{name}：文件超过上限 {limit:,} 字节（file too large）")
    return data


def file_text(path: str | os.PathLike[str]) -> str:
    """The text zwgk reads from a report file — decoded text, or what it makes of an HTML page, a PDF
    or a Word document (tables one row per line, cells tab-separated). Line numbers in diagnostics
    count lines of this text."""
    from .sources import document_text

    return document_text(os.fspath(path), file_bytes(path)).text


def parse_document(name: str, data: bytes, *, simplify: bool = True) -> Report:
    """Read a report from a document's bytes, of any kind ``parse_file`` reads; ``name`` (a path, a URL,
    ``-``) tells its kind where the bytes do not, names it in errors, and is the report's ``source``."""
    from .sources import document_text, named

    source = document_text(name, data)
    findings = Findings()
    if source.detected_encoding is not None:
        findings.add("ZW110", f"文件编码检测为 {source.detected_encoding}（encoding detected）")
    with named(name):
        return attrs.evolve(_parse(source.text, simplify, findings), source=name)


def parse_file(path: str | os.PathLike[str], *, simplify: bool = True) -> Report:
    """Read a report from a file: text (UTF-8 with or without BOM, UTF-16, GB18030/GBK, else the
    encoding detected — flagged ZW110), an HTML page (``zwgk[html]``), a PDF (``zwgk[pdf]``) or a Word
    .docx document (``zwgk[docx]``). The report's ``source`` is the path."""
    return parse_document(os.fspath(path), file_bytes(path), simplify=simplify)


def parse_url(
    url: str, *, simplify: bool = True, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_FILE_BYTES
) -> Report:
    """Read a report from the page or file a URL names (``zwgk[web]``): an HTML page, plain text, a PDF
    or a Word .docx, told apart by the ``Content-Type`` the server sends (by the bytes, as a file's,
    when that says only ``application/octet-stream``), each read as ``parse_file`` reads its kind.

    Redirects are followed; ``timeout`` seconds bound connecting, each wait for the server and the
    whole download, and at most ``max_bytes`` are read. A charset the server or the page declares
    that the bytes contradict is overruled and reported (ZW111). Every failure is a ``ZwgkError``
    naming the URL: ``FetchError`` (no such host, refused, timed out, an HTTP error status, endless
    redirects), ``InputTooLargeError``, ``UnsupportedSourceError`` (not http(s), a content type that is
    no report), ``MissingExtraError``.
    """
    from .sources import named
    from .sources.web import read_url

    page = read_url(url, timeout=timeout, max_bytes=max_bytes)
    findings = Findings()
    if page.charset_note is not None:
        findings.add("ZW111", page.charset_note)
    with named(url):
        return attrs.evolve(_parse(page.text, simplify, findings), source=url)


def parse_html(page: str | bytes, *, simplify: bool = True) -> Report:
    """Read a report from an HTML page (``zwgk[html]``): tables from the ``<table>`` markup, text from
    the paragraphs around them, the site's navigation and footers left out."""
    from .sources.html import text_of

    return parse(text_of(page), simplify=simplify)
