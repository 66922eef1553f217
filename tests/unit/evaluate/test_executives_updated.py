"""The executives' page with no term stated, judged by its update stamp (`executives_not_updated`, review): a stamp
before the previous fiscal year began says the page was left as it was under a former team; a recent one, or a
term stated, says nothing of the kind."""

from __future__ import annotations

import pytest

from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_html

AGENCY = "องค์การบริหารส่วนตำบลห้วยทรายคำ"
PAGE = """<html><body><main><h1>คณะผู้บริหาร</h1>
<p>นายบุญเรือง อินต๊ะวงศ์</p><p>นายกองค์การบริหารส่วนตำบลห้วยทรายคำ</p><p>โทร. ๐๘๑-๗๖๓-๒๒๔๘</p>
<p>นายประเสริฐ ก๋องคำ</p><p>รองนายกองค์การบริหารส่วนตำบลห้วยทรายคำ</p><p>โทร. ๐๘๙-๘๕๕-๑๙๐๓</p>
<p>นางบัวผัน ศรีวิชัย</p><p>รองนายกองค์การบริหารส่วนตำบลห้วยทรายคำ</p><p>โทร. ๐๖๒-๓๓๑-๔๐๗๙</p>
<img src="/img/p1.jpg" alt="นายก"><img src="/img/p2.jpg" alt="รองนายก"><img src="/img/p3.jpg" alt="รองนายก">
{extra}</main></body></html>"""


@pytest.mark.parametrize(("extra", "status", "codes"), [
    ("<p>ปรับปรุงข้อมูลเมื่อ ๑๕ มกราคม ๒๕๖๕</p>", Status.REVIEW, {"executives_not_updated"}),
    ("<p>ข้อมูล ณ วันที่ 1 ต.ค. 2564</p>", Status.REVIEW, {"executives_not_updated"}),
    ("<p>ปรับปรุงข้อมูลเมื่อ ๒ ตุลาคม ๒๕๖๘</p>", Status.PASS, set()),  # this fiscal year's
    ("<p>ปรับปรุงข้อมูลล่าสุด 3 มีนาคม 2567</p>", Status.PASS, set()),  # within the previous fiscal year's reach
    ("", Status.PASS, set()),  # no stamp: nothing to go by
    # a term stated decides, not the stamp
    ("<p>วาระการดำรงตำแหน่ง พ.ศ. 2568 – ปัจจุบัน</p><p>ปรับปรุงข้อมูลเมื่อ 15 มกราคม 2565</p>", Status.PASS, set()),
    # a term told as "ดำรงตำแหน่งตั้งแต่… ถึง…" (review21 e01: was a pass), ended; one running on; one begun lately
    ("<p>คณะผู้บริหารชุดนี้ดำรงตำแหน่งตั้งแต่วันที่ 19 ธันวาคม 2564 ถึงวันที่ 18 ธันวาคม 2567</p>", Status.REVIEW,
     {"term_ended"}),
    ("<p>คณะผู้บริหารชุดนี้ดำรงตำแหน่งตั้งแต่วันที่ 19 ธันวาคม 2568 ถึงวันที่ 18 ธันวาคม 2572</p>", Status.PASS, set()),
    ("<p>ดำรงตำแหน่งตั้งแต่วันที่ 19 ธันวาคม 2568</p><p>ปรับปรุงข้อมูลเมื่อ 15 มกราคม 2565</p>", Status.PASS, set()),
])
def test_an_old_update_stamp_without_a_term_goes_to_a_person(extra: str, status: Status, codes: set[str]) -> None:
    f = finding_from_html("O2", PAGE.format(extra=extra), f"{HOME}executives.html", 2569, agency=AGENCY)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)


FORMER = ("<h2>ทำเนียบอดีตนายกองค์การบริหารส่วนตำบลห้วยทรายคำ</h2><table><tr><th>ที่</th><th>ชื่อ-สกุล</th>"
          "<th>ดำรงตำแหน่ง</th></tr><tr><td>1</td><td>นายบุญมี ทองดี</td><td>ดำรงตำแหน่งตั้งแต่ 1 มี.ค. 47 ถึง 28 ก.พ. 55</td>"
          "</tr><tr><td>2</td><td>นายประเสริฐ ดีงาม</td><td>วาระ 19 ธ.ค. 64 – 18 ธ.ค. 67</td></tr></table>")


@pytest.mark.parametrize(("extra", "status", "codes"), [
    # a list of former mayors under the present team: history, not the executives' terms (review23 e04)
    (FORMER, Status.PASS, set()),
    # the present team's term said ended on a day (review23 e03), beside the same list
    ("<p>หมายเหตุ : คณะผู้บริหารข้างต้นครบวาระการดำรงตำแหน่งเมื่อวันที่ 18 ธันวาคม 2567</p>" + FORMER, Status.REVIEW,
     {"term_ended"}),
])
def test_former_mayors_and_a_term_ended_on_a_day(extra: str, status: Status, codes: set[str]) -> None:
    f = finding_from_html("O2", PAGE.format(extra=extra), f"{HOME}executives.html", 2569, agency=AGENCY)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
