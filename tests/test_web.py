"""Reports read from URLs (``zwgk[web]``), against a real HTTP server on 127.0.0.1 serving the fixtures:
pages, a PDF, a Word file and GB18030 text, and servers that are slow, too large, mislabelled, missing,
redirecting or looping."""

from __future__ import annotations

import gzip
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

import zwgk
from zwgk.cli import main

from .conftest import FIXTURES
from .docx_builder import REPORT_2021, build
from .expected import Verdict, load, verdicts

pytest.importorskip("httpx")

HTML = FIXTURES / "html"
PDF = FIXTURES / "corpus" / "huaian" / "szfgs2024.pdf"
TEXT = FIXTURES / "corpus" / "pingtan" / "2024_97791_page.txt"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

Handler = Callable[[BaseHTTPRequestHandler], None]


def _send(
    body: bytes, content_type: str, *, status: int = 200, length: bool = True, **headers: str
) -> Handler:
    """A response: ``body`` with its type; without ``Content-Length`` (read until the connection closes)
    when ``length`` is false."""

    def respond(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        if length:
            request.send_header("Content-Length", str(len(body)))
        else:
            request.send_header("Connection", "close")
            request.close_connection = True
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)

    return respond


def _redirect(to: str) -> Handler:
    return _send(b"", "text/html", status=302, Location=to)


def _drip(request: BaseHTTPRequestHandler) -> None:
    """A page sent a byte every 50 ms: each read gets data, the whole would take over a minute."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html; charset=utf-8")
    request.send_header("Content-Length", "2000")
    request.end_headers()
    for _ in range(2000):
        request.wfile.write(b" ")
        request.wfile.flush()
        time.sleep(0.05)


def _endless(request: BaseHTTPRequestHandler) -> None:
    """Text without end and without a length: only the size cap stops it."""
    request.send_response(200)
    request.send_header("Content-Type", "text/plain; charset=utf-8")
    request.send_header("Connection", "close")
    request.close_connection = True
    request.end_headers()
    line = "本年新收政府信息公开申请数量\n".encode() * 1000
    while True:
        request.wfile.write(line)


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, Handler]] = {}
    stalled = threading.Event()

    def do_GET(self) -> None:
        respond = self.routes.get(self.path)
        if respond is None:
            self.send_error(404)
        else:
            respond(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # not a client that gave up, as it should
            super().handle_error(request, client_address)


def _stall(request: BaseHTTPRequestHandler) -> None:
    """Headers, then silence until the test is over."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Content-Length", "100")
    request.end_headers()
    request.wfile.flush()
    _Site.stalled.wait(30)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a server on 127.0.0.1 (an ephemeral port) serving the fixtures."""
    gbk_page = (HTML / "built-2019-gbk.html").read_bytes()  # GBK bytes, <meta … charset=gb2312>
    utf8_page = (HTML / "pingtan-2024.html").read_bytes()
    gb18030_text = TEXT.read_text(encoding="utf-8").encode("gb18030")
    pdf = PDF.read_bytes()
    docx = build(tmp_path_factory.mktemp("web") / "report.docx", REPORT_2021).read_bytes()
    _Site.routes = {
        "/gbk.html": _send(gbk_page, "text/html"),
        "/pingtan.html": _send(utf8_page, "text/html; charset=utf-8"),
        "/pingtan-gzip.html": _send(
            gzip.compress(utf8_page), "text/html; charset=UTF-8", Content_Encoding="gzip"
        ),
        "/report.txt": _send(gb18030_text, "text/plain; charset=GB18030"),
        "/report.pdf": _send(pdf, "application/pdf"),
        "/download?id=7": _send(pdf, "application/octet-stream", length=False),
        "/report.docx": _send(docx, DOCX_TYPE),
        "/attachment?file=3": _send(docx, "application/msword"),
        # declarations the bytes contradict
        "/said-utf8.txt": _send(gb18030_text, "text/plain; charset=utf-8"),
        "/said-latin1.html": _send(gbk_page, "text/html; charset=ISO-8859-1"),
        "/said-gbk.html": _send(utf8_page, "text/html; charset=gbk"),
        # servers that do not give a report
        "/slow.html": _drip,
        "/stalled.html": _stall,
        "/endless.txt": _endless,
        "/broken": _send(b"oops", "text/plain", status=500),
        "/logo.png": _send(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/moved": _redirect("/gbk.html"),
        "/moved-twice": _redirect("/moved"),
        "/loop": _redirect("/loop"),
        "/to-ftp": _redirect("ftp://127.0.0.1/report.txt"),
    }
    server = _Server(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    _Site.stalled.set()
    server.shutdown()
    server.server_close()


def _reads_right(report: zwgk.Report, expected: Path) -> None:
    """Every cell a person could read off the fixture (``expected``) is the cell zwgk read."""
    found = set(verdicts(report, load(expected)).values())
    assert Verdict.RIGHT in found and found <= {Verdict.RIGHT, Verdict.BLANK}


def _codes(report: zwgk.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


# --- what a URL can name --------------------------------------------------------------------------


def test_a_page_in_gbk_reads_by_the_charset_it_declares(site: str) -> None:
    report = zwgk.parse_url(f"{site}/gbk.html")
    assert (report.organ, report.year) == ("桃源县市场监督管理局", 2019)
    _reads_right(report, HTML / "built-2019-gbk.expected.json")
    assert "ZW111" not in _codes(report)
    assert report == zwgk.parse_file(HTML / "built-2019-gbk.html")  # the reader files use


@pytest.mark.parametrize("path", ["/pingtan.html", "/pingtan-gzip.html"])
def test_a_real_page_reads_whole_also_compressed(site: str, path: str) -> None:
    report = zwgk.parse_url(site + path)
    assert (report.organ, report.year) == ("平潭综合实验区", 2024)
    _reads_right(report, HTML / "pingtan-2024.expected.json")


def test_text_in_gb18030(site: str) -> None:
    report = zwgk.parse_url(f"{site}/report.txt")
    assert (report.organ, report.year) == ("平潭综合实验区", 2024)
    _reads_right(report, TEXT.with_name("2024_97791_page.expected.json"))
    assert report.requests is not None and report.requests.new_received.total == 218


@pytest.mark.parametrize("path", ["/report.pdf", "/download?id=7"])
def test_a_pdf_by_its_type_or_by_its_bytes(site: str, path: str) -> None:
    report = zwgk.parse_url(site + path)
    assert (report.organ, report.year) == ("淮安市人民政府", 2024)
    _reads_right(report, PDF.with_name("szfgs2024.expected.json"))


@pytest.mark.parametrize("path", ["/report.docx", "/attachment?file=3"])
def test_a_word_file_by_its_type_or_by_its_bytes(site: str, path: str) -> None:
    report = zwgk.parse_url(site + path)
    assert (report.title, report.organ, report.year) == (
        "平安县市场监督管理局2021年政府信息公开工作年度报告",
        "平安县市场监督管理局",
        2021,
    )
    assert report.requests is not None
    assert report.requests.new_received.total == 39  # docx_builder's REPORT_2021, as typed
    assert report.requests.withheld.prohibited_by_law.research is None  # its blank cell
    assert report.review is not None and report.review.reconsideration.total == 5


def test_redirects_are_followed(site: str) -> None:
    report = zwgk.parse_url(f"{site}/moved-twice")
    assert (report.organ, report.year) == ("桃源县市场监督管理局", 2019)


# --- declared charsets the bytes contradict: the bytes win, and the report says so ----------------


def test_gb18030_text_said_to_be_utf8(site: str) -> None:
    report = zwgk.parse_url(f"{site}/said-utf8.txt")
    _reads_right(report, TEXT.with_name("2024_97791_page.expected.json"))
    (note,) = [d for d in report.diagnostics if d.code == "ZW111"]
    assert "服务器声明的 utf-8" in note.message and "GB18030" in note.message
    assert note.severity is zwgk.Severity.WARNING


def test_a_server_default_of_latin1_gives_way_to_the_page(site: str) -> None:
    report = zwgk.parse_url(f"{site}/said-latin1.html")
    _reads_right(report, HTML / "built-2019-gbk.expected.json")
    (note,) = [d.message for d in report.diagnostics if d.code == "ZW111"]
    assert "服务器声明的 iso-8859-1" in note and "页面" not in note


def test_utf8_said_to_be_gbk(site: str) -> None:
    report = zwgk.parse_url(f"{site}/said-gbk.html")
    assert (report.organ, report.year) == ("平潭综合实验区", 2024)
    _reads_right(report, HTML / "pingtan-2024.expected.json")
    (note,) = [d.message for d in report.diagnostics if d.code == "ZW111"]
    assert "服务器声明的 gbk" in note and "UTF-8" in note


# --- failures: each a ZwgkError naming the URL ----------------------------------------------------


def test_a_slow_drip_is_cut_off_at_the_deadline(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(zwgk.FetchError, match=r"slow\.html.*timed out"):
        zwgk.parse_url(f"{site}/slow.html", timeout=0.5)
    assert time.monotonic() - started < 3


def test_a_silent_server_times_out(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(zwgk.FetchError, match=r"stalled\.html.*timed out"):
        zwgk.parse_url(f"{site}/stalled.html", timeout=0.3)
    assert time.monotonic() - started < 3


def test_too_large_by_its_length(site: str) -> None:
    with pytest.raises(zwgk.InputTooLargeError, match=r"report\.pdf.*412,842 字节"):
        zwgk.parse_url(f"{site}/report.pdf", max_bytes=100_000)


@pytest.mark.parametrize("path", ["/download?id=7", "/endless.txt"])
def test_too_large_as_it_arrives(site: str, path: str) -> None:
    """No length given: the download stops at the cap (an endless body would otherwise hit the deadline)."""
    with pytest.raises(zwgk.InputTooLargeError, match="超过上限 100,000 字节"):
        zwgk.parse_url(site + path, max_bytes=100_000, timeout=10)


@pytest.mark.parametrize(("path", "status"), [("/nowhere.html", 404), ("/broken", 500)])
def test_an_error_status(site: str, path: str, status: int) -> None:
    with pytest.raises(zwgk.FetchError, match=f"HTTP {status}") as caught:
        zwgk.parse_url(site + path)
    assert caught.value.status == status and caught.value.url == site + path
    assert site + path in str(caught.value)


def test_a_redirect_loop(site: str) -> None:
    with pytest.raises(zwgk.FetchError, match=r"/loop.*too many redirects"):
        zwgk.parse_url(f"{site}/loop")


def test_a_redirect_to_another_scheme(site: str) -> None:
    with pytest.raises(zwgk.FetchError, match="/to-ftp"):
        zwgk.parse_url(f"{site}/to-ftp")


def test_a_type_that_is_no_report(site: str) -> None:
    with pytest.raises(zwgk.UnsupportedSourceError, match=r"logo\.png.*image/png"):
        zwgk.parse_url(f"{site}/logo.png")


def test_a_refused_connection() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(zwgk.FetchError, match=rf"127\.0\.0\.1:{port}.*connection failed"):
        zwgk.parse_url(f"http://127.0.0.1:{port}/report.html", timeout=5)


def test_a_host_that_does_not_exist() -> None:
    with pytest.raises(zwgk.FetchError, match=r"report\.invalid.*connection failed"):
        zwgk.parse_url("http://report.invalid/2024.html", timeout=5)  # .invalid never resolves


@pytest.mark.parametrize(
    "url", ["ftp://example.com/report.txt", "file:///etc/hostname", "https:/report.html"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(zwgk.UnsupportedSourceError, match="only http and https"):
        zwgk.parse_url(url)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    with pytest.raises(zwgk.MissingExtraError, match=r"zwgk\[web\]"):
        zwgk.parse_url("https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm")


def test_a_reader_error_names_the_url(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(zwgk.MissingExtraError, match=rf"^{site}/report\.pdf：.*zwgk\[pdf\]"):
        zwgk.parse_url(f"{site}/report.pdf")


# --- telling a URL from a path --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://www.pingtan.gov.cn/zwgk/t20250310_97791.htm", True),
        ("HTTP://example.com/a.pdf", True),
        ("ftp://example.com/a.txt", True),  # a URL, which parse_url refuses clearly
        ("report.txt", False),
        ("reports/2024/report.html", False),
        ("C:\\reports\\2024.docx", False),
        ("/tmp/https://x", False),
        ("https:/report.html", False),
    ],
)
def test_is_url(text: str, url: bool) -> None:
    assert zwgk.is_url(text) is url


# --- on the command line --------------------------------------------------------------------------


def test_the_command_line_reads_a_url_and_names_it(site: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{site}/gbk.html"
    assert main(["parse", url, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["organ"], data["year"], data["source"]) == ("桃源县市场监督管理局", 2019, url)
    assert main(["parse", f"{site}/broken", url, "--format", "jsonl", "-q"]) == 2
    captured = capsys.readouterr()
    assert "500" in captured.err and [json.loads(line)["source"] for line in captured.out.splitlines()] == [
        url
    ]
    assert main(["fmt", "--in-place", url]) == 2
    assert "网址" in capsys.readouterr().err
