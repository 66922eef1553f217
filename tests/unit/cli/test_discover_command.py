"""`oit-checker discover`: the command writes the draft manifest of the local fixture site
(fixtures/discover/site, served on 127.0.0.1), says what it found and exits with the documented codes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rich.console import Console

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.cli.discover import cmd_discover
from oit_checker.cli.main import build_parser, main
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.discover import map_pages, scan_page
from oit_checker.model import Catalogue
from tests.support.paths import ROOT

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

SITE = ROOT / "fixtures" / "discover" / "site"
HOST = "www.nongbua-demo.go.th"
HOME = f"http://{HOST}/"
H = f"http://{HOST}"
FILES = f"{H}/files/ita2568"


@pytest.fixture(scope="module")
def cat2568() -> Catalogue:
    return load_catalogue(catalogue_path_for(2568))


@pytest.fixture(scope="module")
def site_base() -> Iterator[str]:
    with serve_directory(SITE) as base:
        yield base


def _scan(name: str, url: str, via: str = "", depth: int = 1):
    return scan_page((SITE / name).read_text(encoding="utf-8"), url, via_text=via, depth=depth)


def _run_cli(argv: list[str], base: str) -> tuple[int, str]:
    args = build_parser().parse_args(argv)
    out = io.StringIO()
    code = cmd_discover(args, Console(file=out), transport=HostMapTransport({HOST: base}))
    return code, out.getvalue()


def test_command_writes_the_draft(site_base: str, cat2568: Catalogue, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "agency.toml"
    code, out = _run_cli(["discover", HOME, "--fiscal-year", "2568", "--delay", "0", "--output", str(target)],
                         site_base)
    assert code == 0 and out == ""
    (agency,) = load_manifests([target], cat2568.ids)
    assert agency.name == "องค์การบริหารส่วนตำบลหนองบัว อำเภอหนองบัวแดง จังหวัดชัยภูมิ"
    assert agency.items["O24"] == (f"{FILES}/risk-report-2568.pdf",)
    err = capsys.readouterr().err
    assert "26 of 27 items have a link" in err and "no link: O5" in err
    assert "ita-2565" in err  # says which stale page it did not read
    assert "Not read (an older ITA year" in target.read_text(encoding="utf-8")


def test_command_to_stdout_with_name_and_only_the_home_page(site_base: str, cat2568: Catalogue) -> None:
    code, out = _run_cli(["discover", HOST, "--criteria", "2568", "--name", "อบต.หนองบัว", "--delay", "0",
                          "--max-pages", "1"], site_base)
    # Only the home page was read: no listing, but its menu entries titled like O1–O4 and O10 give low links.
    assert code == 0
    assert 'name = "อบต.หนองบัว"' in out
    assert "Listing year: none — no ITA/OIT listing on the site; 5 items from its menus" in out
    assert out.count("= []  # no link found") == 22
    assert out.count("# confidence: low — menu entry") == 5


def test_command_finds_nothing_exits_1() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"},
                              content="<title>อบต.ว่าง</title><p>ยินดีต้อนรับ</p>".encode())

    args = build_parser().parse_args(["discover", HOME, "--criteria", "2568", "--delay", "0"])
    out = io.StringIO()
    assert cmd_discover(args, Console(file=out), transport=httpx.MockTransport(handler)) == 1
    assert "No ITA/OIT page was found" in out.getvalue() and out.getvalue().count("= []  # no link found") == 27


def test_a_refused_private_address_is_not_a_page_read_and_the_way_out_is_said(
        capsys: pytest.CaptureFixture[str]) -> None:
    # The fetch policy refuses loopback before any connection: nothing was read, and --allow-private is the way.
    for lang, none_read, way in (("en", "(0 pages read)", "on purpose, add --allow-private"),
                                 ("th", "(อ่าน 0 หน้า)", "ให้ใส่ --allow-private")):
        assert main(["discover", "http://127.0.0.1:9/", "--criteria", "2568", "--delay", "0", "--lang", lang]) == 1
        err = " ".join(capsys.readouterr().err.split())
        assert none_read in err and way in err and "refused_private_address" in err and "manifest" not in err


def test_the_confidence_column_speaks_thai(cat2568: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    from oit_checker.cli.discover import print_summary
    from oit_checker.text import i18n

    monkeypatch.setattr(i18n, "_language", "th")
    d = map_pages([_scan("ita-2568/index.html", f"{H}/ita-2568/index.html", "ITA 2568")], cat2568, [2568])
    buf = io.StringIO()
    print_summary(Console(file=buf, width=200, no_color=True), d, table=True)
    column = [line.split("│")[3].strip() for line in buf.getvalue().splitlines() if line.count("│") >= 5]
    assert {"สูง", "ปานกลาง", "ต่ำ"} <= set(column) and not {"high", "medium", "low"} & set(column)
    # The why column too (before: 'table row "…", link text "…"' in English in a Thai table).
    why = " ".join(line.split("│")[4].strip() for line in buf.getvalue().splitlines() if line.count("│") >= 5)
    assert "ข้อความลิงก์" in why and ("แถวตาราง" in why or "หัวข้อ" in why)
    assert "link text" not in why and "table row" not in why and "heading" not in why


@pytest.mark.parametrize("argv", [["discover", "ftp://www.x.go.th/"], ["discover", "not a url"],
                                  ["discover", "https://www.x.go.th/", "--max-pages", "0"],
                                  ["discover", "https://www.x.go.th/", "--criteria", "2400"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_home_written_with_the_scheme_that_worked(site_base: str) -> None:
    # An http-only LAO host (many have no TLS at all): https cannot connect, the fetcher falls back to http, the
    # manifest says http.
    inner = HostMapTransport({HOST: site_base})

    class HttpOnly(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.scheme == "https":
                raise httpx.ConnectError("connection refused", request=request)
            return await inner.handle_async_request(request)

    args = build_parser().parse_args(["discover", f"https://{HOST}/", "--fiscal-year", "2568", "--delay", "0"])
    out = io.StringIO()
    assert cmd_discover(args, Console(file=out), transport=HttpOnly()) == 0
    assert f'home = "http://{HOST}/"' in out.getvalue()


def test_summary_table(cat2568: Catalogue) -> None:
    from oit_checker.cli.discover import print_summary

    d = map_pages([_scan("ita-2568/index.html", f"{H}/ita-2568/index.html", "ITA 2568")], cat2568, [2568])
    buf = io.StringIO()
    print_summary(Console(file=buf, width=200, no_color=True), d, table=True)
    text = buf.getvalue()
    assert "links found per item" in text and "missing" in text and "risk-report-2568.pdf" in text
    assert "26 of 27 items have a link (best: 4 high, 18 medium, 4 low); no link: O5" in text


def test_command_without_a_year_drafts_for_the_listings_year(site_base: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from oit_checker.text import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 3))  # FY 2570: the ITA 2569 criteria by default
    target = tmp_path / "agency.toml"
    code, _ = _run_cli(["discover", HOST, "--host-delay", "0", "--output", str(target)], site_base)
    assert code == 0
    draft = target.read_text(encoding="utf-8")
    assert "# ITA 2568 criteria" in draft and "fiscal_year = 2568" in draft
    (agency,) = load_manifests([target], load_catalogue(catalogue_path_for(2568)).ids)
    assert agency.fiscal_year == 2568
    code, _ = _run_cli(["discover", HOST, "--criteria", "2569", "--host-delay", "0", "--output", str(target)],
                       site_base)
    draft = target.read_text(encoding="utf-8")
    assert "# ITA 2569 criteria" in draft and "mapping-2568-2569.toml" in draft
