"""Pages drawn by JavaScript, without a browser (issue 16): the shells of real builds are recognised and reported
as `script_rendered` (review), never `empty_page`, `cover_only` or fail; the same content as plain HTML passes;
app routes (`#/ita/o6`) are pages of their own. Rendering itself: tests/integration/test_render.py."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from oit_checker.catalogue.reasons import specs
from oit_checker.cli.main import main
from oit_checker.demo import serve_directory
from oit_checker.discover.crawl import discover
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.softfail import classify_detail
from oit_checker.extract import extract
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.fetch.render import Renderer, RenderSettings
from oit_checker.html.spa import detect_shell
from oit_checker.model import Agency, DocKind, Document, Fetched, Rendered, Status, UrlTrail
from oit_checker.text.urls import is_placeholder, normalize_url, split_route
from tests.support.corpus import PLAN_TEXT
from tests.support.paths import ROOT
from tests.support.spa_site import HOST, SHELLS_HOST, SPA, check, codes, finding, manifest, spa_transport
from tests.unit.evaluate.test_item import HOME, pdf, plan_item, trail

SHELLS = sorted((SPA / "shells").glob("*.html"))
SPA_SHELLS = [SPA / "site" / "index.html", SPA / "site" / "ita" / "o6.html"]
NEGATIVES = [*sorted((SPA / "negatives").glob("*.html")), SPA / "site" / "plain" / "ita-o6.html"]


def _is_html(path: Path) -> bool:
    if path.suffix.lower() in (".html", ".htm"):
        return True
    if path.suffix:
        return False
    return path.read_bytes()[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))


OTHER_PAGES = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.is_file() and _is_html(p)
                     and SPA not in p.parents)


def read(path: Path, url: str = f"https://{HOST}/page.html") -> Document:
    return extract(path.read_bytes(), url, "text/html")


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("path", SHELLS + SPA_SHELLS, ids=lambda p: p.name)
def test_every_shell_is_recognised_with_its_signals(path: Path) -> None:
    doc = read(path)
    assert doc.script_rendered, path
    assert "characters of text" in doc.script_shell
    assert any(s in doc.script_shell for s in ("mount point", "noscript", "app-route")), doc.script_shell
    code, why = classify_detail(doc) or ("", "")
    assert code == "script_rendered" and why == doc.script_shell


def test_the_signals_name_the_mount_point_and_the_bundle() -> None:
    assert read(SPA / "shells" / "react-vite.html").script_shell == (
        "0 characters of text; empty mount point #root; bundle /assets/index-abc123.js")
    assert "32 app-route links" not in read(SPA / "shells" / "hash-routes.html").script_shell  # the mount decides
    assert "[ng-view]" in read(SPA / "shells" / "hash-routes.html").script_shell


def test_a_shell_is_known_by_its_structure_not_its_bundle_name() -> None:
    # Laravel Mix / Vue: /js/app.js, no hash. Before: read as a page of 16 characters, judged cover_only.
    assert read(SPA / "shells" / "laravel-mix.html").script_shell == (
        "16 characters of text; empty mount point #app; script /js/app.js")
    html = (SPA / "shells" / "laravel-mix.html").read_text(encoding="utf-8")
    same = html.replace('src="/js/app.js"', 'src="https://www.spa-demo.go.th/js/app.js"')
    assert detect_shell(same, f"https://{HOST}/ita/o6.html").endswith("script /js/app.js")
    other = html.replace('src="/js/app.js"', 'src="https://cdn.example.invalid/js/app.js"')
    assert detect_shell(other, f"https://{HOST}/ita/o6.html") == ""  # another site's script: not the page's app
    plain = html.replace(' type="module" crossorigin', "")
    assert detect_shell(plain, f"https://{HOST}/ita/o6.html") == ""  # neither module nor deferred
    worded = html.replace("กำลังโหลดข้อมูล…", "ประกาศ ณ วันที่ 1 ต.ค. 2567")
    assert detect_shell(worded, f"https://{HOST}/ita/o6.html") == ""  # the mount holds words, not a loading line


@pytest.mark.parametrize("path", NEGATIVES, ids=lambda p: p.name)
def test_pages_with_their_own_content_are_not_shells(path: Path) -> None:
    assert not read(path).script_rendered


def test_no_other_fixture_page_is_taken_for_a_shell() -> None:
    assert len(OTHER_PAGES) > 200  # demo, real-world sites, corpus, discover, hostile-site pages …
    flagged = [str(p.relative_to(ROOT)) for p in OTHER_PAGES if read(p).script_rendered]
    assert flagged == []


def test_a_genuinely_empty_page_is_no_shell() -> None:
    doc = read(SPA / "negatives" / "empty.html")
    assert doc.text == "" and not doc.script_rendered  # no mount point, no bundle: empty (see the end-to-end test)


def test_detect_shell_reads_decoded_html_of_its_own() -> None:
    angular = (SPA / "shells" / "angular.html").read_text(encoding="utf-8")
    assert detect_shell(angular).endswith("runtime.1a2b3c4d5e6f7a8b.js")
    assert detect_shell((SPA / "negatives" / "next-ssg-content.html").read_text(encoding="utf-8")) == ""


def test_the_cra_noscript_sentence_makes_script_rendered_not_needs_javascript() -> None:
    doc = read(SPA / "shells" / "react-cra-noscript.html")
    assert doc.text == ""  # <noscript> is never page text …
    assert classify_detail(doc) == ("script_rendered", doc.script_shell)  # … but the shell is recognised


# ---------------------------------------------------------------- app routes


def test_app_routes_are_kept_and_other_fragments_dropped() -> None:
    assert normalize_url("https://www.spa-demo.go.th/#/ita/o6") == "https://www.spa-demo.go.th/#/ita/o6"
    assert normalize_url("#!/news?id=5", "https://x.go.th/index.php") == "https://x.go.th/index.php#!/news?id=5"
    assert normalize_url("https://x.go.th/a.html#top") == "https://x.go.th/a.html"
    assert normalize_url("https://x.go.th/#/") == "https://x.go.th/"  # the app's home route is the page itself
    assert normalize_url("#/ข่าว", "https://x.go.th/") == "https://x.go.th/#/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"
    assert split_route("https://x.go.th/#/ita/o6") == ("https://x.go.th/", "/ita/o6")
    assert split_route("https://x.go.th/a.html") == ("https://x.go.th/a.html", "")


def test_a_route_link_is_a_link_not_a_same_page_anchor() -> None:
    assert is_placeholder("#/ita/o6", "https://x.go.th/#/ita/o6", "https://x.go.th/") is None
    assert is_placeholder("#top", "https://x.go.th/", "https://x.go.th/") == "fragment"
    doc = read(SPA / "shells" / "hash-routes.html", "https://www.vendor-demo.go.th/")
    routes = [link.url for link in doc.links if "#/" in link.url]
    assert "https://www.vendor-demo.go.th/#/ita/o6" in routes and len(routes) >= 27


# ---------------------------------------------------------------- verdicts, end to end without a browser


async def test_the_shell_is_review_the_hash_route_is_not_the_home_page_and_the_twin_passes() -> None:
    with spa_transport() as transport:
        shell = finding(await check(manifest("agency-spa.toml"), transport, items=["O6"]), "O6")
        route = finding(await check(manifest("agency-spa-hash.toml"), transport, items=["O6"]), "O6")
        twin = finding(await check(manifest("agency-plain.toml"), transport, items=["O6"]), "O6")
    # Before issue 16: fail empty_page, review home_page_only, pass.
    for f in (shell, route):
        assert f.status is Status.REVIEW, f.reasons
        assert codes(f) == {"script_rendered": "review"}
        reason = f.reasons[0]
        assert "--render" in reason.message_en and "JavaScript" in reason.message_th
        assert "empty mount point #root" in reason.message_en
        # In Thai words too (before: the English signals inside the Thai message).
        assert "จุดวางเนื้อหาของแอปว่าง #root" in reason.message_th and "mount point" not in reason.message_th
        assert "มีข้อความ 0 ตัวอักษร" in reason.message_th and "characters" not in reason.message_th
    assert route.urls == (f"https://{HOST}/#/ita/o6",)
    assert twin.status is Status.PASS, twin.reasons
    assert {r.detail.get("component") for r in twin.found if r.code == "component_found"} >= {"budget", "period"}
    assert any(d.endswith(".pdf") for d in twin.documents)  # the plan's PDF behind the page was read


async def test_routes_of_one_shell_are_fetched_once() -> None:
    agency = Agency(name="อบต.ตะเคียนราม", home=None, items={
        "O6": (f"https://{HOST}/#/ita/o6",), "O7": (f"https://{HOST}/#/ita/o7",), "O1": (f"https://{HOST}/#/ita/o1",)})
    with spa_transport() as transport:
        run = await check([agency], transport, items=["O1", "O6", "O7"])
    assert transport.paths().count("/") == 1  # the server only ever sees the page, once for its three routes
    for item in ("O1", "O6", "O7"):
        assert finding(run, item).status is Status.REVIEW
        assert "script_rendered" in codes(finding(run, item))


@pytest.mark.parametrize("path", SHELLS, ids=lambda p: p.name)
async def test_each_shell_submitted_for_an_item_is_review_never_fail(path: Path) -> None:
    url = f"https://{SHELLS_HOST}/shells/{path.name}"
    agency = Agency(name="อบต.ทดสอบ", home=f"https://{SHELLS_HOST}/", items={"O6": (url,)})
    with spa_transport() as transport:
        f = finding(await check([agency], transport, items=["O6"]), "O6")
    assert f.status is Status.REVIEW, f.reasons
    assert codes(f)["script_rendered"] == "review"
    assert not {"empty_page", "cover_only", "needs_javascript"} & set(codes(f))
    assert all(r.severity is not Status.FAIL for r in f.reasons)


async def test_a_truly_empty_page_still_fails() -> None:
    agency = Agency(name="อบต.ทดสอบ", home=None, items={"O6": (f"https://{SHELLS_HOST}/negatives/empty.html",)})
    with spa_transport() as transport:
        f = finding(await check([agency], transport, items=["O6"]), "O6")
    assert f.status is Status.FAIL and "empty_page" in codes(f)


# ---------------------------------------------------------------- the shell beside other evidence


SHELL_URL = "https://www.nongbua.go.th/ita/o25"


def _shell(text: str = "", **kw: object) -> Document:
    return Document(url=SHELL_URL, kind=DocKind.HTML, pages=(text,), page_count=1,
                    script_shell="0 characters of text; empty mount point #root; bundle /assets/index-abc123.js",
                    **kw)  # type: ignore[arg-type]


def _html_ok(url: str = SHELL_URL) -> Fetched:
    return Fetched(url=url, final_url=url, status=200, content_type="text/html", body=b"<html>")


def test_a_shell_beside_a_passing_document_is_only_a_remark() -> None:
    shell = UrlTrail(SHELL_URL, (trail(_shell(), fetched=_html_ok(), url=SHELL_URL).retrieved[0],))
    f = evaluate_item(plan_item(), [shell, trail(pdf())], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons
    # A remark with a pass-level code of its own: never a review-level reason on a pass (issue 9).
    assert codes(f) == {"script_rendered_also": "pass"}


def test_a_shell_with_a_little_text_of_its_own_is_never_a_pass_or_a_fail() -> None:
    menu = "องค์การบริหารส่วนตำบลหนองบัว\nหน้าหลัก\nข้อมูลพื้นฐาน\nITA"
    f = evaluate_item(plan_item(), [trail(_shell(menu), fetched=_html_ok(), url=SHELL_URL)], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    got = codes(f)
    assert got["script_rendered"] == "review"
    assert "cover_only" not in got and "empty_page" not in got  # the shell is not a cover page
    assert all(r.severity is not Status.FAIL for r in f.reasons)


def test_an_old_plan_behind_a_shell_is_review_not_stale() -> None:
    text = PLAN_TEXT.replace("๒๕๖๙", "๒๕๖๗").replace("2569", "2567").replace("๒๕๖๘", "๒๕๖๖").replace("๖๙", "๖๗")
    old = pdf(text.replace("๖๘", "๖๖"))
    shell_trail = trail(_shell(), old, fetched=_html_ok(), url=SHELL_URL)
    f = evaluate_item(plan_item(), [shell_trail], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    assert codes(f).get("stale_fiscal_year") == "review"  # the drawn page may link this year's plan


def test_a_shell_still_empty_after_rendering_is_rendered_empty_review() -> None:
    doc = _shell(rendered=True, render_note="network not idle within 15 s: read what was drawn by then")
    f = evaluate_item(plan_item(), [trail(doc, fetched=_html_ok(), url=SHELL_URL)], 2569, home=HOME)
    assert f.status is Status.REVIEW
    assert codes(f)["rendered_empty"] == "review"
    reason = next(r for r in f.reasons if r.code == "rendered_empty")
    assert "not idle within 15 s" in reason.message_en


def test_a_rendered_page_with_nothing_readable_is_not_a_pass() -> None:
    blank = Document(url=SHELL_URL, kind=DocKind.HTML, pages=("",), page_count=1, rendered=True,
                     render_note="read when the page's network went idle",
                     links=(pdf().links or ()))
    f = evaluate_item(plan_item(), [trail(blank, fetched=_html_ok(), url=SHELL_URL)], 2569, home=HOME)
    assert f.status is not Status.PASS
    assert "rendered_page" in {r.code for r in f.reasons}


def test_the_three_reason_codes_have_thai_and_english_texts_and_fixes() -> None:
    for code in ("script_rendered", "rendered_empty"):
        spec = specs()[code]
        assert spec.severity is Status.REVIEW and spec.th and spec.en and spec.fix_th and spec.fix_en
    assert specs()["rendered_page"].severity is Status.PASS
    assert "--render" in specs()["script_rendered"].th


# ---------------------------------------------------------------- --render when it cannot run


def test_render_without_the_browser_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # Thai (default)
    for name in ("playwright", "playwright.async_api"):  # the package is there (or as if it were) …
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    args = ["check", str(SPA / "agency-spa.toml"), "--render", "--browser", str(tmp_path / "no-such-chromium")]
    assert main(args) == 2
    err = capsys.readouterr().err.replace("\n", " ")  # the message may wrap at the console's width
    assert "apt-get install chromium" in err and "--browser" in err and "ไม่พบโปรแกรม" in err


def test_render_without_playwright_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)  # as if the extra were not installed
    assert main(["check", str(SPA / "agency-spa.toml"), "--render"]) == 2
    assert "pip install 'oit-checker[render]'" in capsys.readouterr().err.replace("\n", " ")


def test_browser_without_render_is_a_usage_error(capsys: pytest.CaptureFixture[str], english: None) -> None:
    assert main(["check", str(SPA / "agency-spa.toml"), "--browser", "/usr/bin/chromium"]) == 2
    assert "--browser only applies with --render" in capsys.readouterr().err


async def test_no_budget_left_means_no_render_and_no_browser() -> None:
    renderer = Renderer(RenderSettings(browser="/nonexistent"), clock=lambda: 100.0)

    async def fetch(url: str) -> Fetched:
        raise AssertionError("nothing may be fetched")

    got = await renderer.render(f"https://{HOST}/", b"<html>", "text/html", fetch=fetch, deadline=100.5)
    assert got.html is None and "no agency time budget left" in got.note
    assert renderer.launch_s == 0.0  # the browser was never started
    await renderer.close()


async def test_a_browser_that_cannot_start_leaves_the_shell_for_review() -> None:
    renderer = Renderer(RenderSettings(browser="/nonexistent/chromium"))
    try:
        got = await renderer.render(f"https://{HOST}/", b"<html>", "text/html", fetch=_no_fetch)
        again = await renderer.render(f"https://{HOST}/#/ita", b"<html>", "text/html", fetch=_no_fetch)
    finally:
        await renderer.close()
    assert got.html is None and got.note.startswith("the browser could not start")
    assert again.note == got.note  # tried once per run, not once per page


async def _no_fetch(url: str) -> Fetched:
    raise AssertionError("nothing may be fetched")


# ---------------------------------------------------------------- discover


async def test_discover_names_a_script_drawn_home_page(english: None) -> None:
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue

    settings = FetchSettings(retries=0)
    with serve_directory(SPA / "site") as base:
        from oit_checker.demo import HostMapTransport

        async with build_client(settings, transport=HostMapTransport({HOST: base})) as client:
            d = await discover(f"https://{HOST}/", load_catalogue(catalogue_path_for(2568)), Fetcher(client, settings),
                               fiscal_year=2568)
    assert not d.found
    assert d.warnings == (f"https://{HOST}/ is drawn by JavaScript (a single-page app): its menus cannot be read; "
                          "try again with --render",)


# ---------------------------------------------------------------- the drawn DOM decides (--render, a stand-in browser)

# What Chromium serialises for the CRA shell once its bundle has drawn a short O9 page: the <noscript> is kept in
# the DOM (a browser running scripts never shows it), the bundle's <script> too, and three app-route links.
_CRA = (SPA / "shells" / "react-cra-noscript.html").read_text(encoding="utf-8")
_DRAWN_O9 = _CRA.replace('<div id="root"></div>', (
    '<div id="root"><header><h1>เทศบาลตำบลโนนสูง</h1></header><nav><ul><li><a href="/#/ita">ITA 2568</a></li>'
    '<li><a href="/#/ita/o6">แผนการดำเนินงาน</a></li><li><a href="/#/ita/o9">ประมวลจริยธรรม</a></li></ul></nav>'
    '<main><h2>O9 ประมวลจริยธรรม</h2><p>ประมวลจริยธรรมพนักงานเทศบาล พ.ศ. 2568</p>'
    '<p><a href="/files/ethics.pdf">เปิดดูเอกสาร</a></p></main></div>'))


def test_a_drawn_dom_is_a_shell_only_while_its_mount_point_is_empty() -> None:
    url = f"https://{SHELLS_HOST}/shells/react-cra-noscript.html"
    assert "<noscript> asks for JavaScript" in detect_shell(_DRAWN_O9, url)  # read as a server's page …
    assert detect_shell(_DRAWN_O9, url, drawn=True) == ""  # … but a browser drew it: the mount holds the page
    assert "empty mount point #root" in detect_shell(_CRA, url, drawn=True)  # the app drew nothing


@pytest.mark.parametrize(("drawn", "expected", "absent"), [
    (_DRAWN_O9, "rendered_page", "rendered_empty"),  # drawn: the noscript of the shell does not count
    (_CRA, "rendered_empty", "script_rendered"),  # nothing drawn (the bundle failed): still a shell
], ids=["drawn", "still-empty"])
async def test_a_page_drawn_under_render_is_judged_on_what_was_drawn(
        monkeypatch: pytest.MonkeyPatch, drawn: str, expected: str, absent: str) -> None:
    async def render(self: Renderer, url: str, body: bytes, content_type: str, **kw: object) -> Rendered:
        return Rendered(url=url, html=drawn, note="read when the page's network went idle", idle=True)

    monkeypatch.setattr(Renderer, "render", render)  # a stand-in for Chromium: the engine's side is under test
    url = f"https://{SHELLS_HOST}/shells/react-cra-noscript.html"
    agency = Agency(name="อบต.ทดสอบ", home=None, items={"O9": (url,)})
    with spa_transport() as transport:
        f = finding(await check([agency], transport, items=["O9"], render=RenderSettings()), "O9")
    assert expected in codes(f) and absent not in codes(f), f.reasons


def test_a_shell_the_browser_could_not_draw_does_not_advise_render_again() -> None:
    note = "the browser could not start: TargetClosedError: BrowserType.launch: Target page … has been closed"
    f = evaluate_item(plan_item(), [trail(_shell(render_note=note), fetched=_html_ok(), url=SHELL_URL)], 2569,
                      home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    reason = next(r for r in f.reasons if r.code == "render_failed")  # before: script_rendered, "run with --render"
    assert "could not start" in reason.message_en and "เปิดเบราว์เซอร์ไม่ได้" in reason.message_th
    assert "run with --render" not in reason.message_en and "ตรวจใหม่ด้วย --render" not in reason.message_th
    spec = specs()["render_failed"]
    assert "check --render" not in spec.fix_en and "check --render" not in spec.fix_th


def test_the_rendered_page_remark_says_how_the_page_was_read_without_stray_spaces() -> None:
    drawn = Document(url=SHELL_URL, kind=DocKind.HTML, pages=(PLAN_TEXT,), page_count=1, rendered=True,
                     render_note="read when the page's network went idle")
    f = evaluate_item(plan_item(), [trail(drawn, fetched=_html_ok(), url=SHELL_URL)], 2569, home=HOME)
    note = next(r for r in f.reasons if r.code == "rendered_page")
    assert note.detail["detail"] == "read when the page's network went idle"  # before: " (read when …)"
    assert note.message_en.endswith("(--render: read when the page's network went idle)")
    assert note.message_th.endswith("(--render: อ่านเมื่อหน้าเว็บโหลดข้อมูลเสร็จ)")  # before: the English note
