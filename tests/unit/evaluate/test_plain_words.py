"""Pages a reviewer wrote to break the plain-word readings the tenth trial taught (fixtures/pages/plain_words): a plan,
a memo, an order or a blank form holding a report's or a manual's words must not pass; an ITA listing page headed by
the item's code and name must still pass; the agency's own document under an old or misspelled name must not fail as
another body's."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_files, finding_from_html

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "plain_words"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"

CASES = [  # file, item, fiscal year, agency, status, the non-pass codes it must give
    ("hrplan_o14.html", "O14", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("hrplan_o15_2568.html", "O15", 2568, AGENCY, Status.FAIL, {"missing_component"}),
    ("o25doc_as_o26.html", "O26", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("o25doc_as_o26_nosugg.html", "O26", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("memo_o7.html", "O7", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("memo_o7_2568.html", "O7", 2568, AGENCY, Status.FAIL, {"missing_component"}),
    ("blank_form_o7.html", "O7", 2569, AGENCY, Status.REVIEW, {"component_empty"}),
    ("o8_order.html", "O8", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("o16_channel.html", "O16", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("o4_label.html", "O4", 2569, AGENCY, Status.PASS, set()),
    ("o10_label.html", "O10", 2569, AGENCY, Status.PASS, set()),
    ("o10_label.html", "O10", 2568, AGENCY, Status.PASS, set()),
    ("o17_label2.html", "O17", 2569, AGENCY, Status.PASS, set()),
    ("o18_label_2568.html", "O18", 2568, AGENCY, Status.PASS, set()),
    ("o6_paren.html", "O6", 2569, AGENCY, Status.PASS, set()),
    ("p_spelling.html", "O16", 2569, "องค์การบริหารส่วนตำบลโนนสะอาด", Status.REVIEW, {"another_agency_document"}),
    ("p_new_name.html", "O16", 2569, "เทศบาลตำบลบ้านหนองบัว", Status.REVIEW, {"another_agency_document"}),
    ("p_pao_short.html", "O16", 2569, "องค์การบริหารส่วนจังหวัดนครราชสีมา", Status.PASS, set()),
    ("p_renamed_same.html", "O16", 2569, "เทศบาลตำบลหนองบัว", Status.PASS, set()),
    # the second review: a memo in questions, a training's news, a statistics report, a no-gift policy, a staff manual
    ("memo_o7_questions2.html", "O7", 2568, AGENCY, Status.FAIL, {"directive_only", "missing_component"}),
    ("memo_o7_questions_2569.html", "O7", 2569, AGENCY, Status.FAIL, {"directive_only", "missing_component"}),
    ("o23_training_news.html", "O23", 2568, AGENCY, Status.FAIL, {"missing_component"}),
    ("o21_training_news_2569.html", "O21", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("o17_stats_report.html", "O17", 2568, AGENCY, Status.FAIL, {"missing_component"}),
    ("o16_stats_report_2569.html", "O16", 2569, AGENCY, Status.FAIL, {"missing_component"}),
    ("o22_nogift_policy.html", "O22", 2568, AGENCY, Status.FAIL, {"missing_component"}),
    ("o9_staff_sop.html", "O9", 2568, AGENCY, Status.REVIEW, {"component_doubted"}),
    # …and good documents with a blank form printed in them, spare rows, a two-line header, a Gantt chart
    ("o17_manual_with_form.html", "O17", 2568, AGENCY, Status.PASS, set()),
    ("o17_manual_with_form.html", "O16", 2569, AGENCY, Status.PASS, set()),
    ("o18_channel_form.html", "O18", 2568, AGENCY, Status.PASS, set()),
    ("o9_manual_with_form.html", "O9", 2568, AGENCY, Status.PASS, set()),
    ("o26_trailing_rows.html", "O26", 2568, AGENCY, Status.PASS, set()),
    ("o26_twoline_header.html", "O26", 2568, AGENCY, Status.PASS, set()),
    ("o6_gantt.html", "O6", 2568, AGENCY, Status.PASS, set()),
    # a general risk plan under the Finance Ministry's rules naming corruption twice in passing (was a pass)
    ("o21_general_risk_plan.html", "O21", 2569, AGENCY, Status.REVIEW, {"component_doubted"}),
]


@pytest.mark.parametrize(("name", "item", "year", "agency", "status", "codes"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_what_an_assessor_gives_it(name: str, item: str, year: int, agency: str, status: Status,
                                   codes: set[str]) -> None:
    f = finding_from_html(item, (PAGES / name).read_text(encoding="utf-8"), f"{HOME}ita/{name}", year, agency=agency)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)


def test_the_memos_words_are_no_results_and_the_blank_forms_header_no_parts() -> None:
    memo = finding_from_html("O7", (PAGES / "memo_o7.html").read_text(encoding="utf-8"), f"{HOME}ita/m.html", 2569)
    [missing] = [r for r in memo.reasons if r.code == "missing_component"]
    assert {"results", "budget_spent"} <= set(missing.detail["missing"])  # type: ignore[arg-type]
    form = finding_from_html("O7", (PAGES / "blank_form_o7.html").read_text(encoding="utf-8"), f"{HOME}ita/f.html",
                             2569)
    [empty] = [r for r in form.reasons if r.code == "component_empty"]
    assert "ผลการดำเนินงานรายโครงการ/กิจกรรม" in str(empty.detail["components"])


# The third review: good documents with a blank form in the appendix, a public questionnaire beside them, a committee's
# signature lines, a cover memo above the plan, a memo giving the measures, a table of dashes for none, a Gantt chart
# whose months carry the year. PDFs printed by Chromium (Sawasdee).
GOOD = [  # item, fiscal year, the files submitted for it
    ("O7", 2569, ("c3a_report_with_blank_form.pdf",)),
    ("O23", 2569, ("c3b_plan_with_report_form.pdf",)),
    ("O19", 2569, ("c3d_o19_report_only.pdf", "c3e_blank_questionnaire.pdf")),
    ("O19", 2569, ("c3d_o19_with_public_form.pdf",)),
    ("O21", 2569, ("c3c_o21_numbered_signatures.pdf",)),
    ("O23", 2569, ("c2b_o23_cover_memo_plan.pdf",)),
    ("O25", 2569, ("c2a_o25_memo_measures.pdf",)),
    ("O18", 2569, ("c4b_o18_dashes.html",)),
    ("O23", 2569, ("c4c_o23_gantt_months_year.html",)),
    ("O23", 2569, ("c4c_o23_gantt_months_year4.html",)),
]


# the two plans headed "เทศบาลตำบลหนองบัว" and signed by its นายกเทศมนตรี are the town's: checked for it (for the
# อบต.หนองบัว they are the town's beside it, never its own renamed: review65 m02)
TOWN_OWN = {"c3b_plan_with_report_form.pdf", "c2b_o23_cover_memo_plan.pdf"}


@pytest.mark.parametrize(("item", "year", "names"), GOOD, ids=[f"{g[0]}-{g[2][0]}" for g in GOOD])
def test_good_documents_with_blank_forms_memos_and_dashes_pass(item: str, year: int, names: tuple[str, ...]) -> None:
    agency = "เทศบาลตำบลหนองบัว" if TOWN_OWN & set(names) else AGENCY
    f = finding_from_files(item, [PAGES / n for n in names], year, agency=agency)
    assert f.status is Status.PASS, [(r.code, r.detail) for r in f.reasons if r.severity is not Status.PASS]


# ---- the right kind of document for the complaint items, told from a near miss (review24 c05, d02, d04, e03; review34
# p01): the thirty-ninth session's fixes, each with its own page in plain words

def _page(body: str, title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


@pytest.mark.parametrize(("item", "year"), [("O12", 2569), ("O13", 2568)])
def test_a_memo_assigning_the_analysis_holds_none(item: str, year: int) -> None:
    """"เห็นควรมอบหมายเจ้าหน้าที่พัสดุวิเคราะห์ปัญหาและอุปสรรค พร้อมทั้งข้อเสนอแนะ เพื่อ…" asks for the analysis: the
    problems and suggestions are named only as work to do (component_not_stated, review)."""
    rows = "".join(f"<tr><td>{m}</td><td>{n}</td><td>{a}</td><td>{b}</td></tr>" for m, n, a, b in (
        ("วิธีเฉพาะเจาะจง", 81, "3,412,500.00", "3,354,870.00"),
        ("วิธีประกาศเชิญชวนทั่วไป", 3, "4,860,000.00", "4,511,000.00"),
        ("รวม", 84, "8,272,500.00", "7,865,870.00")))
    body = ("<p>บันทึกข้อความ ส่วนราชการ งานพัสดุ กองคลัง วันที่ 10 ตุลาคม 2568 เรียน นายกองค์การบริหารส่วนตำบลหนองบัว</p>"
            "<p>งานพัสดุขอรายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568 ดังนี้</p><table><tr><th>วิธีการจัดซื้อจัดจ้าง</th>"
            "<th>จำนวนโครงการ</th><th>วงเงินงบประมาณ (บาท)</th><th>ราคาที่ตกลงซื้อหรือจ้าง (บาท)</th></tr>" + rows + "</table>"
            "<p>จึงเรียนมาเพื่อโปรดทราบ และเห็นควรมอบหมายเจ้าหน้าที่พัสดุวิเคราะห์ปัญหาและอุปสรรค พร้อมทั้งข้อเสนอแนะ "
            "เพื่อนำไปปรับปรุงการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. 2569 ต่อไป</p>")
    f = finding_from_html(item, _page(body, "สรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568"), HOME + "o12.html",
                          year, agency=AGENCY)
    codes = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert f.status is not Status.PASS and "component_not_stated" in codes, [(r.code, r.message_en) for r in f.reasons]


@pytest.mark.parametrize(("item", "year"), [("O16", 2569), ("O17", 2568)])
def test_handling_steps_are_not_a_citizens_steps_to_file(item: str, year: int) -> None:
    scope = ("<p>ขอบเขต คู่มือนี้ใช้กับการร้องเรียนกล่าวหาพนักงานส่วนตำบล ลูกจ้าง และพนักงานจ้างของ อบต.หนองบัว ว่าทุจริต "
             "เรียกรับเงินหรือทรัพย์สิน หรือปฏิบัติหน้าที่โดยมิชอบ</p>")
    steps = ("<p>วิธีปฏิบัติเมื่อได้รับเรื่อง</p><p>(1) เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน สำนักปลัด ลงทะเบียนรับเรื่องในสมุดทะเบียน "
             "ภายใน 1 วันทำการ</p><p>(2) เสนอเรื่องต่อปลัด อบต. เพื่อพิจารณาสั่งการ ภายใน 3 วันทำการ</p><p>(3) มีหนังสือแจ้งผู้ร้อง"
             "ให้ทราบว่าได้รับเรื่องแล้ว ภายใน 15 วัน</p><p>(4) แจ้งผลการพิจารณาให้ผู้ร้องทราบ ภายใน 7 วันนับแต่ได้ผล</p>"
             "<p>การคุ้มครองผู้ร้อง ไม่เปิดเผยชื่อและที่อยู่ของผู้ร้อง เว้นแต่ได้รับความยินยอม</p>")
    title = "คู่มือการรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ องค์การบริหารส่วนตำบลหนองบัว"
    f = finding_from_html(item, _page(scope + steps, title), HOME + "o16.html", year, agency=AGENCY)
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]
    howto = ("<p>ขั้นตอนการแจ้งเรื่องร้องเรียนการทุจริต สำหรับประชาชน</p><p>1. เข้าสู่เว็บไซต์ www.nongbua.go.th 2. เลือกเมนู "
             "ร้องเรียนการทุจริต 3. กรอกชื่อ ที่อยู่ และหมายเลขโทรศัพท์ที่ติดต่อได้ 4. ระบุรายละเอียดพฤติการณ์ที่พบเห็น เช่น "
             "เจ้าหน้าที่เรียกรับเงิน ชื่อผู้ถูกร้อง วัน เวลา สถานที่ 5. แนบพยานหลักฐาน (ถ้ามี) แล้วกดส่ง</p><p>ข้อควรทราบ "
             "เรื่องร้องเรียนควรใช้ถ้อยคำสุภาพ มีข้อเท็จจริงหรือพฤติการณ์ชัดเจนเพียงพอที่จะสืบสวนได้ กรณีไม่ประสงค์เปิดเผยชื่อ "
             "ขอให้ระบุพยานหลักฐานให้ชัดเจน หรือแจ้งทางโทรศัพท์ 043-261234 ในวันและเวลาราชการ</p>")
    title = "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ องค์การบริหารส่วนตำบลหนองบัว"
    f = finding_from_html(item, _page(howto, title), HOME + "o16.html", year, agency=AGENCY)
    assert f.status is Status.FAIL and "missing_component" in {r.code for r in f.reasons}, \
        [(r.code, r.message_en) for r in f.reasons]


def test_a_breadcrumb_and_a_column_of_banners_give_no_subject() -> None:
    """A general grievance manual whose corruption words are only its breadcrumb's and its sidebar banners' (the
    layout's names do not mark them as chrome: review34 p01) is about no corruption."""
    banners = "".join(f'<p><a href="/b{i}">{t}</a></p>' for i, t in enumerate((
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต อบต.หนองบัว", "แจ้งเรื่องร้องเรียนการทุจริต คลิกที่นี่", "No Gift Policy ไม่รับของขวัญ",
        "ศูนย์ข้อมูลข่าวสารทางราชการ")))
    rows = "".join(f"<tr><td>{n}</td><td>{s}</td><td>{t}</td></tr>" for n, s, t in (
        (1, "รับเรื่องร้องเรียน/ร้องทุกข์ ทางหนังสือ โทรศัพท์ ด้วยตนเอง", "ทันที"), (2, "ลงทะเบียนรับเรื่องและออกใบรับแจ้ง", "1 วัน"),
        (3, "ส่งเรื่องให้กองที่รับผิดชอบตรวจสอบพื้นที่และแก้ไข", "7 วัน"), (4, "แจ้งผลการดำเนินการให้ผู้ร้องทราบ", "ภายใน 15 วัน")))
    html = ('<html><head><title>แนวปฏิบัติการจัดการเรื่องร้องเรียน</title></head><body><div class="container">'
            '<div class="path-way">หน้าหลัก » ITA 2569 » มาตรการภายในเพื่อป้องกันการทุจริต » O16 แนวปฏิบัติการจัดการเรื่องร้องเรียน'
            '</div><div class="col-md-9 detail"><h3>แนวปฏิบัติการจัดการเรื่องร้องเรียน</h3><p>คู่มือการปฏิบัติงานศูนย์รับเรื่องราว'
            'ร้องทุกข์ องค์การบริหารส่วนตำบลหนองบัว</p><p>ขอบเขต ใช้กับเรื่องร้องเรียน/ร้องทุกข์ที่ประชาชนได้รับความเดือดร้อน เช่น '
            'ถนนชำรุด ไฟฟ้าส่องสว่างดับ น้ำประปาไม่ไหล ขยะตกค้าง เหตุเดือดร้อนรำคาญจากกลิ่นหรือเสียง</p><table><tr><th>ลำดับ</th>'
            '<th>ขั้นตอนการดำเนินการ</th><th>ระยะเวลา</th></tr>' + rows + '</table></div><div class="col-md-3 box-right">'
            + banners + '</div></div></body></html>')
    f = finding_from_html("O16", html, HOME + "o16.html", 2569, agency=AGENCY)
    missing = next((r for r in f.reasons if r.code == "missing_component"), None)
    assert f.status is Status.FAIL and missing is not None and "ทุจริต" in missing.message_th, \
        [(r.code, r.message_en) for r in f.reasons]


@pytest.mark.parametrize("strip", [
    # links side by side on one line, under the breadcrumb (review40 h04)
    '<div class="banners"><a href="/complaint">แจ้งเรื่องร้องเรียนการทุจริต คลิกที่นี่</a> <a href="/ita">ITA 2569</a> '
    '<a href="/nogift">No Gift Policy</a> <a href="/oic">ศูนย์ปฏิบัติการต่อต้านการทุจริต</a> <a href="/es">E-Service</a></div>',
    # one a line, one of them a URL the menu links too under another text ("ITA" / "ITA 2569")
    '<ul class="banners"><li><a href="/complaint">แจ้งเรื่องร้องเรียนการทุจริต คลิกที่นี่</a></li><li><a href="/ita">ITA 2569'
    '</a> <a href="/nogift">No Gift Policy</a></li><li><a href="/oic">ศูนย์ปฏิบัติการต่อต้านการทุจริต</a></li></ul>',
])
def test_a_strip_of_banners_gives_no_subject(strip: str) -> None:
    """A general grievance manual (ถนนชำรุด, ไฟฟ้าดับ, น้ำประปาไม่ไหล) whose only corruption words are a strip of banners'
    under its breadcrumb: a line made only of links' texts is navigation (review40 h04)."""
    html = ('<html><head><title>คู่มือการจัดการเรื่องร้องเรียน/ร้องทุกข์</title></head><body><nav><ul><li><a href="/">หน้าหลัก'
            '</a></li><li><a href="/ita">ITA</a></li></ul></nav>' + strip + '<main><h1>คู่มือการจัดการเรื่องร้องเรียน/ร้องทุกข์'
            '</h1><p>องค์การบริหารส่วนตำบลหนองบัว จัดตั้งศูนย์รับเรื่องราวร้องทุกข์ เพื่อรับเรื่องความเดือดร้อนของประชาชน เช่น '
            'ถนนชำรุด ไฟฟ้าส่องสว่างดับ น้ำประปาไม่ไหล</p><h2>ขั้นตอนการจัดการเรื่องร้องเรียน/ร้องทุกข์</h2><ol><li>รับเรื่องและ'
            'ลงทะเบียน ภายใน ๑ วันทำการ</li><li>ส่งให้กองที่เกี่ยวข้องตรวจสอบและแก้ไข ภายใน ๗ วันทำการ</li><li>แจ้งผลให้ผู้ร้อง'
            'ทราบ ภายใน ๑๕ วัน</li></ol></main></body></html>')
    f = finding_from_html("O16", html, HOME + "o16.html", 2569, agency=AGENCY)
    missing = next((r for r in f.reasons if r.code == "missing_component"), None)
    assert f.status is Status.FAIL and missing is not None and "ทุจริต" in missing.message_th, \
        [(r.code, r.message_en) for r in f.reasons]


@pytest.mark.parametrize(("item", "year"), [("O17", 2569), ("O18", 2568)])
def test_channels_all_in_person_are_for_a_person_to_look_at(item: str, year: int) -> None:
    """Only "ยื่นหนังสือร้องเรียนด้วยตนเอง" and the box at the office (review24 e03): no channel used without coming in
    (missing_component at review); a telephone number beside them is one."""
    body = ("<p>ประชาชนที่พบเห็นการทุจริตหรือประพฤติมิชอบของเจ้าหน้าที่ อบต.หนองบัว สามารถร้องเรียนได้โดยยื่นหนังสือร้องเรียน"
            "ด้วยตนเอง ที่ศูนย์รับเรื่องร้องเรียน สำนักปลัด อบต.หนองบัว ในวันและเวลาราชการ (08.30 – 16.30 น.) หรือหย่อนตู้รับเรื่อง"
            "ร้องเรียนหน้าสำนักงาน</p><p>หนังสือร้องเรียนต้องลงลายมือชื่อและที่อยู่ของผู้ร้อง</p>")
    title = "ช่องทางการร้องเรียนการทุจริต องค์การบริหารส่วนตำบลหนองบัว"
    f = finding_from_html(item, _page(body, title), HOME + "o17.html", year, agency=AGENCY)
    assert f.status is Status.REVIEW and {r.code for r in f.reasons if r.severity is Status.REVIEW} == {
        "missing_component"}, [(r.code, r.message_en) for r in f.reasons]
    f = finding_from_html(item, _page(body + "<p>หรือโทร. 0 4224 5678</p>", title), HOME + "o17.html", year,
                          agency=AGENCY)
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]
