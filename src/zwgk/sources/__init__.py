"""Documents to text: each kind of file a report comes in, as the lines zwgk's parser reads.

Text files are decoded; HTML, PDF and Word files are read through an optional extra each
(``zwgk[html]``, ``zwgk[pdf]``, ``zwgk[docx]``), their tables turned into one tab-separated line per
row with the cell positions the document gives (``tables.table_lines``). A URL is fetched (``web``,
``zwgk[web]``) and its bytes read the same way.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

from ..errors import MissingExtraError, UnsupportedSourceError, ZwgkError
from .decode import SourceText, decode

_READERS = {"html": "HTML 网页", "pdf": "PDF 文件", "docx": "Word (.docx) 文件", "web": "网址（URL）"}
_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<table", b"<meta")


def require(module: str, extra: str) -> ModuleType:
    """``module``, or an error naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"读取{_READERS[extra]}需要可选依赖 {module}：pip install 'zwgk[{extra}]'"
            f"（missing extra zwgk[{extra}]）"
        ) from None


@contextmanager
def named(source: str) -> Iterator[None]:
    """Errors of reading a document, their message led by its path or URL (as the CLI leads a file's)."""
    try:
        yield
    except ZwgkError as error:
        raise type(error)(f"{source}：{error}") from None


def _is_word(data: bytes) -> bool:
    """Whether a ZIP archive holds a Word document; ``False`` for a damaged one, which ``zipfile`` says
    in many ways (a bad directory, an unknown version or compression, a name that is no UTF-8)."""
    import zipfile  # here: only ZIP archives need it, and it costs a text file's reading ~10 ms

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError):
        return False


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def kind_of(name: str, data: bytes) -> str:
    """``text``, ``html``, ``pdf`` or ``docx``: from the file's first bytes, else its name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _suffix(name) == ".docx" or _is_word(data):
            return "docx"
        raise UnsupportedSourceError("文件是 ZIP 压缩包（或已损坏），但不是 Word (.docx) 文档")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedSourceError("文件是旧版 Word (.doc) 文件；请另存为 .docx 后再读取")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_START):
        return "html"
    return _SUFFIXES.get(_suffix(name), "text")


def reader(kind: str) -> Callable[[bytes], str]:
    """The function that reads a document of ``kind`` (``html``, ``pdf``, ``docx``) from its bytes."""
    text_of: Callable[[bytes], str] = importlib.import_module(f"{__name__}.{kind}").text_of
    return text_of


def document_text(name: str, data: bytes) -> SourceText:
    """The text of a report file, whatever its kind; ``name`` tells its kind where the bytes do not, and
    leads the message of every error."""
    with named(name):
        kind = kind_of(name, data)
        return decode(data) if kind == "text" else SourceText(reader(kind)(data))
