"""The forty-sixth reviewer's documents (fixtures/pages/review46): the items answered by web pages themselves —
executives, contact, news, E-Service, complaints, participation — in modern and table-layout CMS pages (ITA 2569).
Each verdict was written before the checker ran (fixtures/pages/review46/README.md says what misled it at the first
run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review46"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: นายก "นายสมพงษ์ ศรีภูเวียง" + 2 รองนายก + เลขานุการนายก, photo cards, each "โทร. ๐๘x-…" of his own;…
    ("a01_good_o2_executive_cards.html", "O2", 2569, P, set()),
    # pass: table รูปถ่าย/ชื่อ/ตำแหน่ง/ช่องทางติดต่อ; each executive his own extension "๐-๔๓๐๐-๐๐๐๐ ต่อ ๑๐๑ … ต่อ…
    ("a02_good_o2_table_extensions.html", "O2", 2569, P, set()),
    # fail: photo cards with names and positions only; no telephone/e-mail for anyone
    ("b03_fail_o2_no_contact.html", "O2", 2569, F, {"missing_component"}),
    # fail/review: "คณะผู้บริหาร… วาระการดำรงตำแหน่ง พ.ศ. ๒๕๖๔ – ๒๕๖๘": a team whose term ended, shown in May 2569
    ("b04_fail_o2_previous_term_2564_2568.html", "O2", 2569, R, {"term_ended"}),
    # fail/review: only the นายก with phone/e-mail; no รองนายก at all
    ("b05_fail_o2_only_nayok.html", "O2", 2569, F, {"missing_component"}),
    # pass: current team with "โทร ๐๘๑ ๓๖๒ ๔๕๗๑ | LINE ID"; "ทำเนียบอดีตนายก… พ.ศ. ๒๕๖๔ – ๒๕๖๘" below is history
    ("a06_good_o2_new_team_with_former_list.html", "O2", 2569, P, set()),
    # pass: address, "๐-๔๓๐๐-๐๐๐๐ ต่อ ๑๒๓", saraban@khoksung.go.th, Google Maps iframe, LINE OA, "ติดต่อสอบถาม" form
    ("a07_good_o3_contact_full.html", "O3", 2569, P, set()),
    # pass/review: address, phone, Messenger enquiry, Google Maps link; e-mail shown only as an image with alt="" —…
    ("a08_good_o3_email_as_image.html", "O3", 2569, P, set()),
    # fail: contact page content is just the agency's name and a photo; footer address + phone only; no e-mail, no…
    ("b09_fail_o3_footer_address_only.html", "O3", 2569, F, {"missing_component"}),
    # fail: page content is "องค์การบริหารส่วนตำบลหนองแวงใหญ่ … อำเภอโนนศิลา", its phone, nongwaengyai@gmail.com,…
    ("b10_fail_o3_copied_other_sao.html", "O3", 2569, F, {"peer_agency_document"}),
    # pass: table: address, โทร, saraban@khoksung.go.th, LINE OA @khoksung "สอบถาม/แจ้งเรื่อง", กระดานถามตอบ, Google…
    ("a11_good_o3_plain_table_line.html", "O3", 2569, P, set()),
    # fail/review: address, phone, e-mail, map; no enquiry channel, which ITA 2569 adds
    ("b12_fail_o3_no_enquiry_channel.html", "O3", 2569, F, {"missing_component"}),
    # pass: 8 own news posts dated "๑๒ พ.ค. ๖๙" … "๒๐ พ.ย. ๖๘", all FY2569
    ("a13_good_o4_news_short_thai_dates.html", "O4", 2569, P, set()),
    # pass: table CMS: "2 วันที่แล้ว", "อัพเดท 10/05/2569" … "อัพเดท 29/12/2568"; own activities
    ("a14_good_o4_news_relative_dates_tablecms.html", "O4", 2569, P, set()),
    # fail: newest post "๒๒ ก.ย. ๖๘"; all posts FY2568 or older
    ("b15_fail_o4_last_year_only.html", "O4", 2569, F, {"stale_fiscal_year"}),
    # fail/review: page is only a Facebook page-plugin iframe; no news or date on the site itself
    ("b16_fail_o4_facebook_plugin_only.html", "O4", 2569, F, {"missing_component", "no_fiscal_year"}),
    # pass: WordPress "พฤษภาคม 7, 2026" … "พฤศจิกายน 5, 2025": own activities in FY2569
    ("a17_good_o4_wordpress_dates.html", "O4", 2569, P, set()),
    # fail: titles say "ปีงบประมาณ พ.ศ. ๒๕๖๙" but posts dated "๒ มิ.ย. ๖๘" – "๒๕ ก.ย. ๖๘"; none in FY2569
    ("b18_fail_o4_titles_2569_dated_2568.html", "O4", 2569, R, {"fiscal_year_mismatch"}),
    # pass: 4 services each "กรอกแบบฟอร์ม" → forms.gle; "ยื่นคำร้องผ่านช่องทางออนไลน์ได้ตลอด ๒๔ ชั่วโมง"
    ("a19_good_o10_google_forms_list.html", "O10", 2569, P, set()),
    # pass: "แบบคำร้องออนไลน์": a real <form> ชื่อ-นามสกุล, โทรศัพท์, ประเภทคำร้อง, รายละเอียด, "ส่งคำร้อง"
    ("a20_good_o10_own_request_form.html", "O10", 2569, P, set()),
    # fail: "ลิงก์หน่วยงานภาครัฐที่น่าสนใจ": banners of DOPA, กรมสรรพากร e-Filing, ประกันสังคม e-Service, 1111;…
    ("b22_fail_o10_national_banners.html", "O10", 2569, R, {"no_online_channel"}),
    # fail/review: only "แบบประเมินความพึงพอใจการให้บริการ (Google Form)": a survey, not a service
    ("b24_fail_o10_survey_only.html", "O10", 2569, R, {"no_online_channel"}),
    # pass: แนวทางการจัดการเรื่องร้องเรียนการทุจริต: เรียกรับเงิน/ใช้อำนาจโดยมิชอบ, 5-step table with…
    ("a25_good_o16_handling_steps_page.html", "O16", 2569, P, set()),
    # fail: steps for ร้องทุกข์ "ถนนชำรุด ไฟฟ้าสาธารณะดับ น้ำประปาไม่ไหล"; nothing on corruption
    ("b26_fail_o16_general_grievance_steps.html", "O16", 2569, F, {"missing_component"}),
    # pass: ศูนย์รับเรื่องร้องเรียนการทุจริต อบต.โคกสูง: ด้วยตนเอง, ๐-๔๓๐๐-๐๐๐๐ ต่อ ๑๒๓, ไปรษณีย์, ตู้,…
    ("a27_good_o17_channels_and_form.html", "O17", 2569, P, set()),
    # fail: only "ศูนย์ดำรงธรรมจังหวัดขอนแก่น… ๑๕๖๗", "สำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น", สถ., 1111: no channel of…
    ("b28_fail_o17_damrongtham_only.html", "O17", 2569, F, {"another_agency_document", "missing_component"}),
    # pass: FY2568 monthly table ต.ค. ๖๗ – ก.ย. ๖๘, "รวมทั้งปี ๑ เรื่อง … เรียกรับเงิน … ยุติเรื่อง"
    ("a29_good_o18_stats_fy2568_table.html", "O18", 2569, P, set()),
    # pass: "ปีงบประมาณ พ.ศ. ๒๕๖๘ … ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    ("a30_good_o18_none_fy2568.html", "O18", 2569, P, set()),
    # fail: "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", months ต.ค. ๖๖ – ก.ย. ๖๗: two years old
    ("b31_fail_o18_stats_fy2567.html", "O18", 2569, F, {"stale_fiscal_year"}),
    # fail/review: FY2568 grievance counts: ไฟฟ้า ถนน ประปา เหตุเดือดร้อนรำคาญ; no corruption complaints
    ("b32_fail_o18_general_grievance_stats_fy2568.html", "O18", 2569, F, {"missing_component"}),
    # pass: forum "เมื่อวันที่ ๑๒ กุมภาพันธ์ ๒๕๖๙", 85 people, 6 projects "อบต.ได้บรรจุไว้ในแผนพัฒนาท้องถิ่น…
    ("a33_good_o19_forum_post.html", "O19", 2569, P, set()),
    # fail/review: invitation "จึงขอเชิญประชาชน…" to forums of 20–30 พ.ค. ๖๙, after the check day; no result
    ("b34_fail_o19_invitation_only.html", "O19", 2569, F, {"missing_component"}),
    # fail: forum "เมื่อวันที่ ๒๓ กรกฎาคม ๒๕๖๘" = FY2568, posted "๑๐ ต.ค. ๖๘"
    ("b35_fail_o19_last_year_forum_posted_oct.html", "O19", 2569, R, {"activity_date_earlier"}),
    # fail: heading "E-Service" over PDF/DOCX forms to download;… (a known gap until the fortieth session)
    ("b21_fail_o10_pdf_forms_tablecms.html", "O10", 2569, R, {"no_online_channel"}),
    # pass: the agency's own taxes paid online via ltax.dla.go.th… (a known gap until the fortieth session)
    ("a23_good_o10_ltax_and_line.html", "O10", 2569, P, set()),
    # fail/review: probe after the first run: a08 with the e-mail cell… (a known gap until the fortieth session)
    ("c01_fail_o3_email_label_dash_no_address.html", "O3", 2569, F, {"component_said_none"}),
    # pass/review: probe after the first run: a23 with only the LINE OA way… (a known gap until the fortieth
    # session)
    ("c02_good_o10_line_oa_only.html", "O10", 2569, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review46/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_forty_sixth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                             codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
