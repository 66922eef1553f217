"""`--render` end to end in a real headless Chromium (issue 16), against the fixture SPA on 127.0.0.1.

Needs the `render` extra (playwright) and a Chromium (Debian's `chromium`); `.ci/run` installs both. Elsewhere
every test here is skipped, saying what to install. Nothing here can reach the network: the browser resolves no
name, and every request it is allowed is made by the product's client through the fixture server's transport.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import AsyncIterator

import psutil
import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.discover.crawl import discover
from oit_checker.errors import UsageError
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.fetch.render import Renderer, RenderSettings, find_browser
from oit_checker.model import Agency, Fetched, Status
from tests.support.spa_site import (
    HOST,
    SHELLS_HOST,
    SPA,
    RecordingTransport,
    check,
    codes,
    finding,
    manifest,
    spa_transport,
)


def _browser() -> str | None:
    try:
        return find_browser(None)
    except UsageError:
        return None


BROWSER = _browser()
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("playwright") is None or BROWSER is None,
    reason="--render needs a Chromium and the playwright package: apt-get install chromium && "
           "pip install -e '.[render]' (.ci/run does both)")

RENDER = RenderSettings(page_timeout_s=15.0)
PLAN_COMPONENTS = {"budget", "period"}


def _chromium_children() -> list[psutil.Process]:
    """This process's Chromium processes; a helper process that ends while they are listed is not one."""
    found = []
    for p in psutil.Process(os.getpid()).children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
            if "chrom" in p.name().lower():
                found.append(p)
    return found


def _components(f: object) -> set[str]:
    return {r.detail.get("component") for r in f.found if r.code == "component_found"}  # type: ignore[attr-defined]


async def test_the_spa_read_through_the_browser_passes_like_its_twin() -> None:
    with spa_transport() as transport:
        twin = finding(await check(manifest("agency-plain.toml"), transport, items=["O6"]), "O6")
        shell = finding(await check(manifest("agency-spa.toml"), transport, items=["O6"], render=RENDER), "O6")
        route = finding(await check(manifest("agency-spa-hash.toml"), transport, items=["O6"], render=RENDER), "O6")
    assert twin.status is Status.PASS
    for f in (shell, route):
        assert f.status is Status.PASS, f.reasons
        assert _components(f) == _components(twin) and _components(f) >= PLAN_COMPONENTS
        assert codes(f) == {"rendered_page": "pass"}  # a remark: read as the browser drew it
        assert any(d.endswith(".pdf") for d in f.documents)  # the PDF behind the drawn page, fetched as usual
        assert any("ปีงบประมาณ 2568" in r.message_th for r in f.found if r.code == "fiscal_year_found")
    # The browser drew the plan table from the lazy chunk: 58 projects' figures were read.
    assert any("งบประมาณ" in (e.snippet or "") for r in shell.found for e in r.evidence)
    assert not _chromium_children()  # the session closed its browser


async def test_every_browser_request_is_made_by_the_product_and_other_sites_are_never_asked() -> None:
    agency = Agency(name="อบต.ตะเคียนราม", home=f"https://{HOST}/", items={
        "O6": (f"https://{HOST}/#/ita/o6",), "O7": (f"https://{HOST}/#/ita/o7",), "O1": (f"https://{HOST}/ita/o6.html",)})
    with spa_transport() as transport:
        run = await check([agency], transport, items=["O1", "O6", "O7"], render=RENDER)
    # The fixture's web font and analytics hosts (*.invalid) were blocked in the browser, never fetched.
    assert transport.hosts() == {HOST}
    # Everything the browser needed came through the product's client (its User-Agent), each URL once a run.
    assert all(agent.startswith("oit-checker/") for _, _, agent in transport.seen)
    paths = transport.paths()
    assert paths.count("/assets/index-3f9a2c1e.js") == 1 and paths.count("/assets/plan-7b41d0c5.js") == 1
    assert paths.count("/") == 1  # the shell of every hash route: fetched once, drawn once per route
    assert "/favicon.svg" not in paths  # images are not fetched for a render
    assert finding(run, "O6").status is Status.PASS
    o7 = finding(run, "O7")  # a route that draws only its title: judged as a page, not as a shell
    assert o7.status is Status.FAIL and "missing_component" in codes(o7) and "script_rendered" not in codes(o7)


async def test_a_shell_whose_bundle_is_missing_stays_review() -> None:
    agency = Agency(name="อบต.ทดสอบ", home=None, items={"O6": (f"https://{SHELLS_HOST}/shells/react-vite.html",)})
    with spa_transport() as transport:
        f = finding(await check([agency], transport, items=["O6"], render=RENDER), "O6")
    assert f.status is Status.REVIEW, f.reasons
    assert codes(f)["rendered_empty"] == "review"
    assert "/assets/index-abc123.js" in transport.paths(SHELLS_HOST)  # asked, 404: the app never drew


@pytest.fixture
async def fetcher() -> AsyncIterator[tuple[Fetcher, RecordingTransport]]:
    settings = FetchSettings(retries=0)
    with spa_transport() as transport:
        async with build_client(settings, transport=transport) as client:
            yield Fetcher(client, settings), transport


async def test_a_page_that_never_goes_idle_is_read_when_its_cap_ends(
        fetcher: tuple[Fetcher, RecordingTransport]) -> None:
    client, transport = fetcher
    renderer = Renderer(RenderSettings(page_timeout_s=2.0))
    url = f"https://{HOST}/busy.html"
    page = await client.fetch(url)
    try:
        got = await renderer.render(url, page.body, "text/html; charset=utf-8", fetch=client.fetch)
        assert _chromium_children()  # one browser, kept for the next page …
    finally:
        await renderer.close()
    assert not _chromium_children()  # … and closed at the end
    assert got.idle is False and got.note == "network not idle within 2 s: read what was drawn by then"
    assert got.html is not None and "ตัวนับผู้เข้าชม" in got.html
    assert got.requests >= 2 and transport.paths().count("/busy.html") == 1  # its polls went through the Fetcher


async def test_discover_reads_the_rendered_menus(english: None) -> None:
    settings = FetchSettings(retries=0)
    renderer = Renderer(RENDER)
    with spa_transport() as transport:
        async with build_client(settings, transport=transport) as client:
            fetcher = Fetcher(client, settings)

            async def draw(page: Fetched) -> str | None:
                got = await renderer.render(page.final_url, page.body, "text/html", fetch=fetcher.fetch)
                return got.html

            try:
                d = await discover(f"https://{HOST}/", load_catalogue(catalogue_path_for(2568)), fetcher,
                                   fiscal_year=2568, render=draw)
            finally:
                await renderer.close()
    assert d.index_pages == (f"https://{HOST}/#/ita",)
    assert not d.missing
    assert [link.url for link in d.items["O6"]] == [f"https://{HOST}/#/ita/o6"]
    assert any("read as a headless browser drew it" in w for w in d.warnings)
    assert (SPA / "site" / "index.html").exists()


async def test_what_escapes_the_route_gate_reaches_nobody() -> None:
    """A page's WebSocket and WebRTC (STUN over UDP) are not HTTP requests the gate sees: they must still reach
    nothing, not even a listener on this machine's loopback."""
    import socket
    import threading

    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(5)
    tcp.settimeout(0.1)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(0.1)
    reached: list[str] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                conn, _ = tcp.accept()
                reached.append("tcp")
                conn.close()
            except OSError:
                pass
            try:
                udp.recvfrom(2048)
                reached.append("udp")
            except OSError:
                pass

    watcher = threading.Thread(target=listen, daemon=True)
    watcher.start()
    tport, uport = tcp.getsockname()[1], udp.getsockname()[1]
    page = (f'<html><body><div id="root"></div><script>new WebSocket("ws://127.0.0.1:{tport}/live");'
            f'const pc = new RTCPeerConnection({{iceServers: [{{urls: "stun:127.0.0.1:{uport}"}}]}});'
            'pc.createDataChannel("d"); pc.createOffer().then((o) => pc.setLocalDescription(o));'
            'document.getElementById("root").textContent = "ข้อมูลหน่วยงาน";</script></body></html>')
    asked: list[str] = []

    async def fetch(url: str) -> Fetched:
        asked.append(url)
        return Fetched(url=url, final_url=url, status=404)

    renderer = Renderer(RenderSettings(page_timeout_s=3.0))
    try:
        got = await renderer.render(f"https://{HOST}/live.html", page.encode(), "text/html; charset=utf-8",
                                    fetch=fetch)
    finally:
        await renderer.close()
        stop.set()
        watcher.join()
        tcp.close()
        udp.close()
    assert got.html is not None and "ข้อมูลหน่วยงาน" in got.html  # the page ran
    assert reached == [] and asked == []


def test_a_browser_path_that_is_no_browser_stops_before_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    from oit_checker.cli.main import main

    # /bin/true exists and runs, but is no browser: said once, before anything is fetched (exit 2).
    args = ["check", str(SPA / "agency-spa.toml"), "--render", "--browser", "/bin/true", "--no-cache"]
    assert main(args) == 2
    err = capsys.readouterr().err.replace("\n", " ")
    assert "/bin/true" in err and "--browser" in err and "เปิดไม่ได้" in err
