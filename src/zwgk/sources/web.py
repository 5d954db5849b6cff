"""URLs to text (``zwgk[web]``, httpx): the page or file a URL names, fetched within a deadline and a
size cap, then read as a file of its kind would be.

The kind comes from the server's ``Content-Type``: HTML, plain text, PDF, Word .docx; a generic type
(``application/octet-stream``, ``application/msword``, which servers give .docx files too) is told
from the bytes and the URL's suffix as a file's is. The charset is weighed by
``decode.decode_declared``: the server's declaration before the page's, neither trusted over what
the bytes are; a declaration the bytes contradict is reported (``Page.charset_note``).
"""

from __future__ import annotations

import re
import time
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..errors import FetchError, InputTooLargeError, UnsupportedSourceError
from . import html, kind_of, named, reader, require
from .decode import decode_declared

MAX_REDIRECTS = 10

_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_GENERIC = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/download",
        "application/force-download",
        "application/x-download",
        "application/msword",
        "application/zip",
        "application/x-zip-compressed",
    }
)
"""Types that do not say what the document is: it is told from its bytes and the URL's suffix."""
_HEADERS = {
    "User-Agent": "zwgk (reads government information-disclosure annual reports)",
    "Accept": ", ".join([*_KINDS, "*/*;q=0.5"]),
}


class Download(NamedTuple):
    requested: str
    """The URL asked for, which errors name."""
    url: str
    """Where the bytes came from, after redirects."""
    media_type: str
    """The ``Content-Type`` without its parameters, lower case; empty when the server gave none."""
    charset: str | None
    """The charset the ``Content-Type`` declares."""
    data: bytes


class Page(NamedTuple):
    text: str
    """The text zwgk reads, as ``zwgk.file_text`` gives a file's."""
    charset_note: str | None
    """Which declared charset the bytes overruled and what they were read in (ZW111's message);
    ``None`` when no declaration was overruled."""


def is_url(text: str) -> bool:
    """Whether ``text`` is a URL (``scheme://…``) rather than a path: ``https://…``, and also schemes
    zwgk does not fetch (``ftp://…``), so that those get a clear error instead of "no such file"."""
    return _URL.match(text) is not None


def _no_scheme_but_http(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UnsupportedSourceError(
            f"无法读取 {url}：只能读取 http:// 或 https:// 网址（only http and https URLs）"
        )


def _timed_out(url: str, timeout: float) -> FetchError:
    return FetchError(f"无法读取 {url}：{timeout:g} 秒内未能读完（timed out）", url)


def _body(url: str, response: Any, max_bytes: int, timeout: float, deadline: float) -> bytes:
    """The response's (decompressed) body, cut off past ``max_bytes`` or past the fetch's deadline."""
    too_large = f"{url}：内容超过上限 {max_bytes:,} 字节（input too large）"
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputTooLargeError(
            f"{url}：内容有 {int(length):,} 字节，超过上限 {max_bytes:,}（input too large）"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLargeError(too_large)
        if time.monotonic() > deadline:
            raise _timed_out(url, timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, timeout: float, max_bytes: int) -> Download:
    """The bytes a URL names, redirects followed (at most ``MAX_REDIRECTS``).

    ``timeout`` bounds connecting, each wait for the server and the whole download (a server that
    drips its body is cut off). Raises ``FetchError`` for what goes wrong on the way (no such host,
    refused, timed out, an error status, endless redirects), ``InputTooLargeError`` past
    ``max_bytes``, ``UnsupportedSourceError`` for a URL that is not http(s), ``MissingExtraError``
    without httpx.
    """
    _no_scheme_but_http(url)
    httpx = require("httpx", "web")
    deadline = time.monotonic() + timeout
    client = httpx.Client(
        headers=_HEADERS, timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS
    )
    try:
        with client, client.stream("GET", url) as response:
            if not response.is_success:
                raise FetchError(
                    f"无法读取 {url}：服务器返回 HTTP {response.status_code} {response.reason_phrase}"
                    "（HTTP error）",
                    url,
                    response.status_code,
                )
            data = _body(url, response, max_bytes, timeout, deadline)
            media_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
            return Download(url, str(response.url), media_type, response.charset_encoding, data)
    except httpx.TimeoutException:
        raise _timed_out(url, timeout) from None
    except httpx.TooManyRedirects:
        raise FetchError(
            f"无法读取 {url}：重定向超过 {MAX_REDIRECTS} 次（too many redirects）", url
        ) from None
    except httpx.ConnectError as error:
        raise FetchError(f"无法读取 {url}：无法连接服务器（connection failed: {error}）", url) from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FetchError(f"无法读取 {url}：{error}（{type(error).__name__}）", url) from None


def _kind(download: Download) -> str:
    kind = _KINDS.get(download.media_type)
    if kind is not None:
        return kind
    if download.media_type in _GENERIC:
        with named(download.requested):
            return kind_of(urlsplit(download.url)._replace(query="", fragment="").geturl(), download.data)
    raise UnsupportedSourceError(
        f"{download.requested} 的内容类型为 {download.media_type}，不是 zwgk 能读取的报告文件"
        "（unsupported content type）"
    )


def page_of(download: Download) -> Page:
    """The text of what a URL gave, read by its kind; charsets as the module docstring says."""
    kind = _kind(download)
    with named(download.requested):
        if kind not in ("html", "text"):
            return Page(reader(kind)(download.data), None)
        page = html.page_charset(download.data) if kind == "html" else None
        decoded = decode_declared(download.data, download.charset, page)
        text = html.text_of(decoded.text) if kind == "html" else decoded.text
    note = None
    if decoded.overruled:
        said = [
            f"{who}声明的 {charset}"
            for who, charset in (("服务器", download.charset), ("页面", page))
            if charset in decoded.overruled
        ]
        note = (
            f"{'、'.join(said)} 与内容不符，已按 {decoded.encoding.upper()} 解码"
            "（declared charset does not fit the bytes）"
        )
    return Page(text, note)


def read_url(url: str, *, timeout: float, max_bytes: int) -> Page:
    """The text of the report a URL names: ``fetch`` then ``page_of``."""
    return page_of(fetch(url, timeout=timeout, max_bytes=max_bytes))
