"""The fifty-eighth reviewer's documents (fixtures/pages/review58): an อบต. whose name looks like another kind of body
— อบต.เมืองเก่า in อำเภอเมืองขอนแก่น, beside the city เทศบาลนครขอนแก่น and neighbours whose names start with its
place (ITA 2569). Each verdict was written before the checker ran (fixtures/pages/review58/README.md says what
misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review58"
MUEANG_KAO = "องค์การบริหารส่วนตำบลเมืองเก่า"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: own executives "นายก อบต.เมืองเก่า", 2 "รองนายก อบต.เมืองเก่า", phones, photos
    ("a01_good_o2_executives_short_forms.html", "O2", 2569, P, set()),
    # pass: own address "…ตำบลเมืองเก่า อำเภอเมืองขอนแก่น…", tel, e-mail, map iframe, Facebook/Q&A/Line
    ("a02_good_o3_contacts_address_mueang.html", "O3", 2569, P, set()),
    # pass: own FY2569 plan, one row "(ร่วมกับเทศบาลนครขอนแก่น)", one "อุดหนุนที่ทำการปกครองอำเภอเมืองขอนแก่น",…
    ("a03_good_o6_plan_joint_project_city.pdf", "O6", 2569, P, set()),
    # pass: own FY2568 report; rows "อุดหนุนเทศบาลนครขอนแก่น", "ร่วมกับเทศบาลตำบลเมืองเก่าพัฒนา และ…
    ("a04_good_o7_report_fy2568_subsidies_neighbours.html", "O7", 2569, P, set()),
    # pass: own cover letter "เรียน นายอำเภอเมืองขอนแก่น" + สขร.1 table ต.ค. 68 – เม.ย. 69, signed นายก อบต.
    ("a05_good_o11_letter_to_nai_amphoe.pdf", "O11", 2569, P, set()),
    # pass: own FY2568 annual summary, analysis, "ผู้รับจ้างในพื้นที่อำเภอเมืองขอนแก่นมีน้อย", improvements; "นายก…
    ("a06_good_o12_annual_summary_fy2568.html", "O12", 2569, P, set()),
    # pass: own guideline; forwards to "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น", reports to "นายอำเภอเมืองขอนแก่น"
    ("a07_good_o16_guideline_forward_district.html", "O16", 2569, P, set()),
    # pass: own channels: in person, post, phone, online form, Facebook; plus district 1567
    ("a08_good_o17_channels_plus_district.html", "O17", 2569, P, set()),
    # pass: own FY2568 corruption complaint statistics by quarter, handled/in progress
    ("a09_good_o18_stats_fy2568.html", "O18", 2569, P, set()),
    # pass: "ประกาศ อบต.เมืองเก่า", "ข้าพเจ้า … นายก อบต.เมืองเก่า", activity 8 ต.ค. 68 42 คน, 3,000 บาท rule
    ("a10_good_o20_no_gift_short_nayok.html", "O20", 2569, P, set()),
    # pass: own FY2569 risk table: events, likelihood, impact, level, measures
    ("a11_good_o21_risks_fy2569.html", "O21", 2569, P, set()),
    # pass: own FY2568 report "อบต.เมืองเก่า อ.เมืองขอนแก่น จ.ขอนแก่น", results, spend, problems, suggestions; one…
    ("a13_good_o24_report_fy2568.docx", "O24", 2569, P, set()),
    # pass: short form "อบต.เมืองเก่า ต.เมืองเก่า อ.เมืองขอนแก่น",…
    ("a15_good_o3_compact_next_to_tessaban.html", "O3", 2569, P, set()),
    # pass: own forum report FY2569 held "ร่วมกับเทศบาลนครขอนแก่น", co-signed by นายกองค์การบริหารส่วนตำบลเมืองเก่า…
    ("a16_good_o19_joint_forum_cosigned_city.html", "O19", 2569, P, set()),
    # pass: own FY2569 plan, heading "องค์การบริหารส่วนตำบลเมืองเก่า / อำเภอเมืองขอนแก่น จังหวัดขอนแก่น", 4 projects,…
    ("a17_good_o23_plan_district_line.html", "O23", 2569, P, set()),
    # pass: own สขร.1 "อบต.เมืองเก่า", months ต.ค. 68 – เม.ย. 69, vendors "หจก.เมืองเก่าก่อสร้าง",…
    ("a18_good_o11_short_forms_city_vendor.html", "O11", 2569, P, set()),
    # fail/review: the city's plan: "เทศบาลนครขอนแก่น", signed นายกเทศมนตรีนครขอนแก่น; names "ตำบลเมืองเก่า" only as…
    ("b01_fail_o6_city_plan_names_muangkao.pdf", "O6", 2569, R, {"peer_signed_document"}),
    # fail: "ประกาศเทศบาลตำบลเมืองเก่าพัฒนา", declarant/signature นายกเทศมนตรีตำบลเมืองเก่าพัฒนา; "ตำบลเมืองเก่า"…
    ("b02_fail_o20_tessaban_nogift_muangkao_address.html", "O20", 2569, F, {"peer_agency_document"}),
    # fail: "ประกาศเทศบาลตำบลเมืองเก่าพัฒนา" signed นายกเทศมนตรีตำบลเมืองเก่าพัฒนา
    ("b03_fail_o20_tessaban_nogift_plain.html", "O20", 2569, F, {"peer_agency_document"}),
    # fail: heading "…องค์การบริหารส่วนตำบลเมืองเก่าใหม่", reporter "เจ้าพนักงานพัสดุ อบต.เมืองเก่าใหม่"
    ("b04_fail_o11_abt_muangkaomai_procurement.html", "O11", 2569, F, {"peer_agency_document"}),
    # fail/review: "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น ที่ว่าการอำเภอเมืองขอนแก่น" table of 4 local govts, signed…
    ("b05_fail_o18_district_stats_signed_for_nai_amphoe.html", "O18", 2569, F, {"other_body_document"}),
    # fail/review: district's statistics of "เทศบาลตำบลเมืองเก่าพัฒนา" and "องค์การบริหารส่วนตำบลเมืองเก่าใหม่" only;…
    ("b06_fail_o18_district_stats_peers_only_centre_head.html", "O18", 2569, F, {"other_body_document"}),
    # fail/review: "ประกาศจังหวัดขอนแก่น", signed ผู้ว่าราชการจังหวัดขอนแก่น
    ("b07_fail_o21_province_risk_governor.pdf", "O21", 2569, R, {"another_agency_document"}),
    # fail/review: "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น"; names only "เทศบาลตำบลเมืองเก่าพัฒนา"; signed…
    ("b08_fail_o21_province_risk_names_tessaban_office_head.html", "O21", 2569, R, {"another_agency_document"}),
    # fail/review: "ประกาศองค์การบริหารส่วนตำบลเมืองเก่า" but signed "(นายวีระพงษ์ ชัยมงคล)…
    ("b09_fail_o20_agency_heading_tessaban_mayor_signs.html", "O20", 2569, R, {"peer_signed_document"}),
    # fail/review: agency heading, approved/signed "นายก อบต.เมืองเก่าใหม่"
    ("b10_fail_o23_agency_heading_signed_abt_muangkaomai.html", "O23", 2569, R, {"peer_signed_document"}),
    # fail/review: agency heading, signed "นายกเทศมนตรีนครขอนแก่น"
    ("b11_fail_o16_agency_heading_city_mayor_signs.html", "O16", 2569, R, {"peer_signed_document"}),
    # fail: "ทำเนียบผู้บริหาร เทศบาลนครขอนแก่น", นายกเทศมนตรีนครขอนแก่น
    ("b12_fail_o2_city_executives.html", "O2", 2569, F, {"peer_agency_document"}),
    # fail: "เทศบาลตำบลเมืองเก่าพัฒนา" contacts; its address "ตำบลเมืองเก่า", its e-mail/Facebook
    ("b13_fail_o3_tessaban_contacts_muangkao_address.html", "O3", 2569, F, {"peer_agency_document"}),
    # fail: องค์การบริหารส่วนตำบลเมืองเก่าใหม่'s FY2568 report, signed its นายก
    ("b14_fail_o7_abt_muangkaomai_report.pdf", "O7", 2569, F, {"peer_agency_document"}),
    # fail/review: ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น's channels; no channel of the agency
    ("b15_fail_o17_district_channels.html", "O17", 2569, R, {"another_agency_document"}),
    # fail/review: the city's FY2568 report, signed นายกเทศมนตรีนครขอนแก่น; the agency once as partner…
    ("b16_fail_o24_city_report_mentions_agency_once.html", "O24", 2569, R, {"peer_signed_document"}),
    # fail: "…2568 อบต.เมืองเก่าใหม่", signed "นายก อบต.เมืองเก่าใหม่"
    ("b17_fail_o12_abt_muangkaomai_annual_short_form.html", "O12", 2569, F, {"peer_agency_document"}),
    # fail/review: "ประกาศองค์การบริหารส่วนจังหวัดขอนแก่น", signed นายก อบจ.
    ("b18_fail_o20_pao_no_gift.html", "O20", 2569, F, {"other_body_document"}),
    # fail/review: agency's cover page only; the plan inside is "…เทศบาลนครขอนแก่น", signed นายกเทศมนตรีนครขอนแก่น
    ("b19_fail_o6_agency_cover_city_plan_inside.pdf", "O6", 2569, R, {"peer_signed_document"}),
    # fail/review: agency heading and นายก signature, but "ข้าพเจ้า นายวีระพงษ์ ชัยมงคล…
    ("b20_fail_o20_agency_heading_peer_declarant.html", "O20", 2569, R, {"peer_declarant_document"}),
    # fail: "คณะผู้บริหาร อบต.เมืองเก่าใหม่"
    ("b21_fail_o2_abt_muangkaomai_executives_short.html", "O2", 2569, F, {"peer_agency_document"}),
    # fail: "เทศบาลตำบลเมืองเก่าพัฒนา / ตำบลเมืองเก่า อำเภอเมืองขอนแก่น…", signed นายกเทศมนตรีตำบลเมืองเก่าพัฒนา
    ("b22_fail_o23_tessaban_plan_muangkao_address.html", "O23", 2569, F, {"peer_agency_document"}),
    # fail/review: agency heading, signed "ปลัดองค์การบริหารส่วนตำบลเมืองเก่าใหม่ ผู้รายงาน"
    ("b23_fail_o7_agency_heading_abt_muangkaomai_palad.html", "O7", 2569, R, {"peer_signed_document"}),
]

# Known gaps, not asserted (fixtures/pages/review58/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_fifty_eighth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                              codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, MUEANG_KAO) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
