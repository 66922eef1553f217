"""A trail stopped by the cap on URLs per submitted URL (`FollowSettings.max_total`, 25) says so, end to end: a
hub page (fixtures/crawler/hub/, the layout of a Thai municipality's download centre) links ten follow-up reports
and four sets of ten documents, every link naming the plan; the plan itself is the last file of the fourth set. The
follower reads the hub, six of its reports (the per-page limit) and the four sets, then the first set's ten files
and four of the second's: 25 URLs. The other 26 chosen links, the plan among them, are not opened. What the item
lacks may be behind them: review naming them, not a fail. Every file is a real service manual, the plan the
verdict fixtures' compliant FY 2568 plan."""

from __future__ import annotations

import httpx

from oit_checker.model import Agency, Status
from tests.support.paths import ROOT
from tests.support.spa_site import check, codes, finding

SITE = ROOT / "fixtures" / "crawler" / "hub"
FILES = ROOT / "fixtures" / "verdicts" / "site" / "www.huaitabaek-demo.go.th" / "files"
HOST = "www.bankhok.go.th"
PLAN = "/files/cat4-10.pdf"


class Site(httpx.AsyncBaseTransport):
    """The fixture's pages; every file a real service manual, the last of the fourth set the real plan."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.paths.append(path)
        page = SITE / path.lstrip("/")
        if request.url.host == HOST and path.endswith(".html") and page.is_file():
            return httpx.Response(200, content=page.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"})
        if path.startswith("/files/") and path.endswith(".pdf"):
            name = "o25-anti-corruption-plan-2568.pdf" if path == PLAN else "o08-staff-manual-land-tax.pdf"
            return httpx.Response(200, content=(FILES / name).read_bytes(), headers={"Content-Type": "application/pdf"})
        return httpx.Response(404, content=b"not found", headers={"Content-Type": "text/plain"})


def _agency(url: str) -> Agency:
    # the plan is ห้วยตะแบกทอง's (fixtures/verdicts): the agency's own
    return Agency(name="องค์การบริหารส่วนตำบลห้วยตะแบกทอง", home=f"https://{HOST}/",
                  items={"O25": (f"https://{HOST}{url}",)})


async def test_links_left_by_the_url_cap_make_a_missing_plan_review_naming_them() -> None:
    site = Site()
    f = finding(await check([_agency("/ita/o25.html")], site, items=["O25"]), "O25")
    assert len([p for p in site.paths if p != "/"]) == 25 and PLAN not in site.paths  # the cap: never opened
    assert "/download/cat-4.html" in site.paths and "/files/cat2-5.pdf" not in site.paths
    # Before: fail, as if the agency had not published its plan.
    assert f.status is Status.REVIEW, f.reasons
    assert all(r.severity is not Status.FAIL for r in f.reasons), f.reasons
    reason = next(r for r in f.reasons if r.code == "follow_cap_reached")
    assert "26 ลิงก์" in reason.message_th and "26 more" in reason.message_en
    assert reason.evidence[0].url == f"https://{HOST}/download/cat-2.html"
    assert codes(f)["missing_component"] == "review"


async def test_the_plan_submitted_through_its_own_category_passes_with_nothing_cut() -> None:
    site = Site()
    f = finding(await check([_agency("/download/cat-4.html")], site, items=["O25"]), "O25")
    assert PLAN in site.paths
    assert f.status is Status.PASS, f.reasons
    assert "follow_cap_reached" not in codes(f)
