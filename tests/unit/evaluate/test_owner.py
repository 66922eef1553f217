"""Whose document it is (evaluate/owner.py): a document headed by a ministry or department that never names the
agency's place is its parent body's, `another_agency_document` (review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.evaluate.owner import (
    _names_place,
    _without_relay,
    agency_places,
    class_beside,
    declared_by_peer,
    kind_beside,
    named_peer,
    names_agency,
    names_by_kind,
    other_body,
    other_scheme,
    peer_body,
    signed_by_peer,
    unit_body,
    unit_signed,
)
from oit_checker.text.thai import normalize
from tests.support.evaluate import finding_from_html

ROOT = Path(__file__).resolve().parents[3]
SIXTH = ROOT / "fixtures" / "assessor_trial" / "sixth" / "site" / "ita"
OFFICE = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดหนองคาย"
URL = "https://www.nongbua.go.th/ita/o2.html"  # on the helper's home site


@pytest.mark.parametrize(("name", "places"), [
    (OFFICE, ("หนองคาย",)),
    ("เทศบาลตำบลหนองบัวแดง", ("หนองบัวแดง",)),
    ("องค์การบริหารส่วนตำบลคำไผ่ทอง อำเภอกุดจับ จังหวัดอุดรธานี", ("คำไผ่ทอง", "อุดรธานี")),
    ("องค์การบริหารส่วนจังหวัดสกลนคร", ("สกลนคร",)),
    ("อบต.หนองแสง", ("หนองแสง",)),
    ("สำนักงานเกษตรจังหวัดขอนแก่น", ("ขอนแก่น",)),
    ("กรมบัญชีกลาง", ()),  # a department names no place: its documents are not judged for their owner
    ("", ()),
    ("องค์การบริหารส่วนตำบลหนองบัวอ.เมือง", ("หนองบัว",)),  # the district, abbreviated, is no part of the place
    ("อบต.นา", ()),  # a place of two letters is in almost any Thai text
])
def test_the_places_an_agency_name_ends_on(name: str, places: tuple[str, ...]) -> None:
    assert agency_places(name) == places


def test_a_ministry_heading_over_a_document_that_never_names_the_agency_is_the_ministry_s() -> None:
    pages = ["แผนปฏิบัติการด้านการป้องกันและปราบปรามการทุจริต\nกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์\n"
             "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n๑. หลักการและเหตุผล", "๓. โครงการ/กิจกรรม งบประมาณ (บาท)"]
    assert other_body(pages, OFFICE) == "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"


def test_a_province_s_plan_posted_by_a_municipality_is_the_province_s() -> None:
    pages = ["แผนปฏิบัติการป้องกันและปราบปรามการทุจริต\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น",
             "โครงการ/กิจกรรม เป้าหมาย งบประมาณ (บาท) สำนักงานจังหวัดขอนแก่น"]
    assert other_body(pages, "เทศบาลเมืองท่าช้างทอง") == "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น"
    # "จังหวัด" before no province's name is a level, not a province
    assert other_body(["ประชุมประชาคมท้องถิ่นระดับจังหวัด เพื่อรับฟังความคิดเห็น\nรายละเอียด"], "เทศบาลเมืองท่าช้างทอง") is None
    # the municipality's own plan names its province in its heading and itself below
    assert other_body(["แผนปฏิบัติการ อำเภอเมือง จังหวัดขอนแก่น", "เทศบาลเมืองท่าช้างทองจะดำเนินการ"],
                      "เทศบาลเมืองท่าช้างทอง") is None


def test_a_district_s_table_signed_by_its_head_is_the_district_s_though_it_lists_the_agency() -> None:
    # review28 k02: the district complaint centre's statistics, the agency one of its rows
    pages = ["สถิติ 67\nสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567\n"
             "ศูนย์ดำรงธรรมอำเภอภูเวียง ที่ว่าการอำเภอภูเวียง จังหวัดขอนแก่น\n"
             "ที่ | หน่วยงานที่ถูกร้องเรียน | เรื่องร้องเรียนการทุจริต (เรื่อง)\n1 | องค์การบริหารส่วนตำบลโคกสูง | 1\n"
             "2 | เทศบาลตำบลภูเวียง | 1\n(ลงชื่อ) นายอำเภอภูเวียง"]
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    assert other_body(pages, agency) == "ศูนย์ดำรงธรรมอำเภอภูเวียง ที่ว่าการอำเภอภูเวียง จังหวัดขอนแก่น"
    # not signed by the district's head: the agency named, it may be the agency's own
    assert other_body([pages[0].replace("(ลงชื่อ) นายอำเภอภูเวียง", "")], agency) is None
    # signed by the agency's own executive beside him: a joint document
    joint = pages[0] + "\n(นายสมชาย ใจดี)\nนายกองค์การบริหารส่วนตำบลโคกสูง"
    assert other_body([joint], agency) is None
    assert other_body([pages[0] + "\n(นายสมชาย ใจดี) นายก อบต.โคกสูง"], agency) is None
    # review29 e03: the district's complaint manual, headed by its complaint centre and administration office
    manual = ["คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิ\nชอบ\nศูนย์ดำรงธรรมอำเภอภูเวียง\n"
              "ที่ทำการปกครองอำเภอภูเวียง\nจังหวัดขอนแก่น\n๑. หลักการ"]
    assert other_body(manual, agency) == "ศูนย์ดำรงธรรมอำเภอภูเวียง"


def test_the_agency_named_another_way_is_the_agency() -> None:
    # its place outside the province's name heading the plan: a city named after its province
    pages = ["ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น\nแผนปฏิบัติการ", "สำนักงานจังหวัดขอนแก่น ส่วนราชการประจำจังหวัด"]
    assert other_body(pages, "เทศบาลนครขอนแก่น") == "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น"
    assert other_body([*pages, "เทศบาลนครขอนแก่นจะดำเนินการ…"], "เทศบาลนครขอนแก่น") is None
    # a provincial office's own plan under its department's letterhead names the office, not its province
    office = ["กรมส่งเสริมการเกษตร\nสำนักงานเกษตรจังหวัด\nแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569"]
    assert other_body(office, "สำนักงานเกษตรจังหวัดขอนแก่น") is None
    # an address's province heading a contact page is where the agency is
    contact = ["ข้อมูลการติดต่อ\nยินดีให้บริการ\nที่อยู่ | หมู่ที่ ๓ ตำบลหนองบัว อำเภอภูสิงห์ จังหวัดศรีสะเกษ ๓๓๑๔๐"]
    assert other_body(contact, "เทศบาลตำบลโนนสูง") is None


def test_a_parent_s_letterhead_over_the_agency_s_own_document_is_the_agency_s() -> None:
    # The department's name heads the page, but the plan names the office's province further down.
    pages = ["กรมส่งเสริมการเกษตร\nแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานเกษตรจังหวัดขอนแก่น จะดำเนินการ…"]
    assert other_body(pages, "สำนักงานเกษตรจังหวัดขอนแก่น") is None


@pytest.mark.parametrize(("agency", "head"), [
    # the agency is the body its document names: its own
    ("สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ จังหวัดกรุงเทพมหานคร",
     "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"),
    (OFFICE, "กรมธรรม์ประกันภัยรถยนต์ของสำนักงาน"),  # an insurance policy, no department
    ("กรมบัญชีกลาง", "กระทรวงการคลัง"),  # no place to look for: never judged
])
def test_no_other_body(agency: str, head: str) -> None:
    assert other_body([f"{head}\nรายละเอียด"], agency) is None


def test_a_provincial_office_posting_its_ministry_s_executives_is_asked_whose_they_are() -> None:
    html = (SIXTH / "o2b.html").read_text(encoding="utf-8")
    f = finding_from_html("O2", html, URL, agency=OFFICE)
    assert f.status.value == "review"
    reason = next(r for r in f.reasons if r.code == "another_agency_document")
    assert reason.evidence[0].snippet == "ผู้บริหารกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
    assert OFFICE in reason.message_th
    # Without the agency's name nothing tells whose executives they are: every component is there.
    assert finding_from_html("O2", html, URL).status.value == "pass"


def test_the_office_s_own_executives_are_its_own() -> None:
    f = finding_from_html("O2", (SIXTH / "o2.html").read_text(encoding="utf-8"), URL, agency=OFFICE)
    assert (f.status.value, [r.code for r in f.reasons if r.code == "another_agency_document"]) == ("pass", [])


def test_a_second_review_s_cases() -> None:
    town = "เทศบาลตำบลหนองบัวแดง"
    # a ministry and a department before the agency's own name on one line: the name is not swallowed
    assert other_body(["กระทรวงมหาดไทย กรมส่งเสริมการปกครองท้องถิ่น เทศบาลตำบลหนองบัวแดง\nคณะผู้บริหาร"], town) is None
    # a province spaced apart by a PDF is still a province
    assert other_body(["แผนปฏิบัติการป้องกันการทุจริต จัง หวัดขอนแก่น\nข้อความ"], town) is not None
    # "…ส่วนตำบล", "เทศบาลตำบล" in a plan's title are no address
    assert other_body(["แผนพัฒนาจังหวัดขอนแก่น สำหรับองค์การบริหารส่วนตำบลและเทศบาลตำบล\nรายละเอียด"], town) is not None
    # another province's office of the same kind does not name this one
    other_office = ["สำนักงานเกษตรจังหวัดอุดรธานี\nแผนปฏิบัติการ\nบุคลากรของสำนักงานเกษตรจังหวัดอุดรธานีทุกคน"]
    assert other_body(["กรมส่งเสริมการเกษตร\n" + other_office[0]], "สำนักงานเกษตรจังหวัดขอนแก่น") is not None


@pytest.mark.parametrize("head", ["กรม ส่งเสริมการเกษตร", "กระทรวง เกษตรและสหกรณ์"])
def test_a_ministry_split_by_a_pdf_s_space(head: str) -> None:
    assert other_body([f"แผนการดำเนินงาน ประจำปี 2569\n{head}\nโครงการ"], "สำนักงานเกษตรจังหวัดขอนแก่น") == head


@pytest.mark.parametrize("head", ["นายวิกรม ศรีสุข นายกเทศมนตรี", "กระทรวง ทบวง กรม ทุกแห่ง"])
def test_no_ministry_across_words(head: str) -> None:
    assert other_body([f"{head}\nรายละเอียด\nโครงการ"], "เทศบาลตำบลหนองบัวแดง") is None


@pytest.mark.parametrize(("text", "named"), [
    ("ก่อสร้างถนน คสล. สายบ้านโนน – บ้านดอน หมู่ที่ 3 ตำบลหนองบัว", True),  # the place itself, after a route
    ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคกสำราญ – ตำบลหนองบัว อำเภอบ้านไผ่", False),  # the route's end
    ("ซ่อมแซมถนนสายหนองบัว-โนนสูง", False),  # the route's start
    ("สำนักงานตั้งอยู่เลขที่ 5 ถนนหนองบัว ตำบลโคกสำราญ", False),  # a road's name
    ("ประชาชนในเขตองค์การบริหารส่วนตำบลหนองบัว", True),
])
def test_a_road_named_after_the_place_is_no_mention_of_it(text: str, named: bool) -> None:
    assert _names_place(normalize(text), "หนองบัว") is named


def test_a_neighbour_s_report_under_a_retyped_cover_is_signed_for_the_neighbour() -> None:
    agency = "องค์การบริหารส่วนจังหวัดนครธารทอง"
    cover = "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล\nประจำปีงบประมาณ พ.ศ. ๒๕๖๗\nองค์การบริหารส่วนจังหวัดนครธารทอง"
    body = ("องค์การบริหารส่วนจังหวัดลำน้ำเย็น มีบุคลากรทั้งสิ้น ๔๑๘ คน\n"
            "บุคลากรขององค์การบริหารส่วนจังหวัดลำน้ำเย็น ที่ปฏิบัติงานในอำเภอห่างไกล\n"
            "(นายบุญเลิศ ศรีลำน้ำ )\nปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น")
    assert signed_by_peer((cover, body), agency) == "ปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น"
    # the agency's own report, signed by its own ปลัด; a joint one naming both alike, signed by both
    assert signed_by_peer((cover, body.replace("ลำน้ำเย็น", "นครธารทอง")), agency) is None
    own_signs = "\n(นายสมชาย ใจดี)\nปลัดองค์การบริหารส่วนจังหวัดนครธารทอง"
    assert signed_by_peer((cover + "\nองค์การบริหารส่วนจังหวัดนครธารทอง" * 3, body + own_signs), agency) is None
    # …but the agency's heading over the neighbour's signature alone is the neighbour's, named once or as often as
    # the agency (review58 b09, b10, b23: "ประกาศองค์การบริหารส่วนตำบลเมืองเก่า …" signed "นายกเทศมนตรีตำบลเมืองเก่าพัฒนา")
    assert signed_by_peer((cover + "\nองค์การบริหารส่วนจังหวัดนครธารทอง" * 3, body), agency) \
        == "ปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น"
    assert signed_by_peer((cover, "(นายบุญเลิศ ศรีลำน้ำ )\nปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น"), agency) \
        == "ปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น"
    # a neighbour's executive named in the text, no signature: not signed for it
    assert signed_by_peer((cover, "วิทยากร\nปลัดองค์การบริหารส่วนจังหวัดลำน้ำเย็น"), agency) is None


def test_a_joint_report_cosigned_by_a_city_named_for_its_province() -> None:
    """The agency's own executive signing beside the city's mayor: a joint document, though the city's place is
    the province's and the district's name ("จังหวัดขอนแก่น", "อำเภอเมืองขอนแก่น", review58 a16)."""
    agency = "องค์การบริหารส่วนตำบลเมืองเก่า"
    page = ("องค์การบริหารส่วนตำบลเมืองเก่า อำเภอเมืองขอนแก่น จังหวัดขอนแก่น\n"
            "องค์การบริหารส่วนตำบลเมืองเก่า ร่วมกับเทศบาลนครขอนแก่น จัดเวทีประชาคม ณ หอประชุมอำเภอเมืองขอนแก่น "
            "ผู้แทนชุมชนในเขตเทศบาลนครขอนแก่น นำเสนอจังหวัดขอนแก่นพิจารณา\n"
            "(ลงชื่อ) ....................\n(นายสมศักดิ์ พลราชม)\n"
            "นายกองค์การบริหารส่วนตำบลเมืองเก่า | (ลงชื่อ) ....................\n(นายธีระพงษ์ ศรีนคร)\n"
            "นายกเทศมนตรีนครขอนแก่น")
    assert signed_by_peer((page,), agency) is None
    assert signed_by_peer((page.replace("นายกองค์การบริหารส่วนตำบลเมืองเก่า | ", ""),), agency) \
        == "นายกเทศมนตรีนครขอนแก่น"


@pytest.mark.parametrize(("pages", "agency", "named"), [
    # a neighbour's risk assessment kept whole under the agency's heading and signature (review26 r01)
    (("การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 องค์การบริหารส่วนตำบลโคกสูง\n"
      "องค์การบริหารส่วนตำบลบ้านดง ได้แต่งตั้งคณะทำงาน ประกอบด้วยปลัดองค์การบริหารส่วนตำบลบ้านดง เป็นประธาน และหัวหน้า"
      "ส่วนราชการขององค์การบริหารส่วนตำบลบ้านดงเป็นคณะทำงาน\nซึ่งองค์การบริหารส่วนตำบลบ้านดงจะนำมาตรการไปปฏิบัติ\n"
      "(นายวิชัย มั่นคง)\nนายกองค์การบริหารส่วนตำบลโคกสูง",), "องค์การบริหารส่วนตำบลโคกสูง", "องค์การบริหารส่วนตำบลบ้านดง"),
    # named three times only: a partner
    (("โครงการร่วมกับองค์การบริหารส่วนตำบลบ้านดง ร่วมกับ อบต.บ้านดง และ อบต. บ้านดง\nองค์การบริหารส่วนตำบลโคกสูง",),
     "องค์การบริหารส่วนตำบลโคกสูง", None),
    # the neighbour's place as a village and a road, as a body twice (review16 p32): not named as a body often enough
    (("องค์การบริหารส่วนตำบลหนองบัว\nโครงการในพื้นที่บ้านหนองบัวแดง หมู่ที่ 7 และถนนสายหนองบัว-หนองบัวแดง ร่วมกับ"
      "องค์การบริหารส่วนตำบลหนองบัวแดง\nอุดหนุนองค์การบริหารส่วนตำบลหนองบัวแดง ตามโครงการ…\nบ้านหนองบัวแดง\n"
      "นายกองค์การบริหารส่วนตำบลหนองบัว",), "องค์การบริหารส่วนตำบลหนองบัว", None),
    # the agency's own name run on into the next word ("…หนองบัว⏎โทร."), many times (review4 p02)
    (("นายกองค์การบริหารส่วนตำบลหนองบัว\nโทร. 081\n" * 5,), "องค์การบริหารส่วนตำบลหนองบัว", None),
    # "อบต." closing a cell before the next one's words ("…ของ อบต. ค่าธรรมเนียม"): no place
    (("ยื่นที่สำนักงาน อบต. ค่าธรรมเนียม ไม่มี\n" * 5 + "องค์การบริหารส่วนตำบลโคกสูง",), "องค์การบริหารส่วนตำบลโคกสูง", None),
])
def test_a_neighbour_named_throughout(pages: tuple[str, ...], agency: str, named: str | None) -> None:
    assert named_peer(pages, agency) == named


def test_a_declaration_in_the_first_person_of_another_local_government_s_mayor_is_a_neighbour_s() -> None:
    # review29 k03: the neighbour's No Gift declaration under the agency's heading and its own นายก's signature
    body = ("ประกาศองค์การบริหารส่วนตำบลโคกสูง\nเรื่อง ประกาศเจตนารมณ์การไม่รับของขวัญ\n"
            "ข้าพเจ้า นายประเสริฐ มั่นคง นายกองค์การบริหารส่วนตำบลหนองแก พร้อมด้วย\nคณะผู้บริหาร ขอประกาศเจตนารมณ์\n"
            "(นายสมชาย ใจดี)\nนายกองค์การบริหารส่วนตำบลโคกสูง")
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    assert declared_by_peer((body,), agency) == "ข้าพเจ้า นายประเสริฐ มั่นคง นายกองค์การบริหารส่วนตำบลหนองแก"
    # the agency's own นายก declaring, its place spelled alike or written short
    assert declared_by_peer((body.replace("หนองแก", "โคกสูง"),), agency) is None
    assert declared_by_peer((body.replace("นายกองค์การบริหารส่วนตำบลหนองแก", "นายก อบต.โคกสูง"),), agency) is None


def test_another_kind_of_local_government_s_executive_of_a_place_alike_is_not_the_agency_s() -> None:
    # review41 p7: the อบต.ไผ่งาม beside the เทศบาลตำบลบ้านไผ่งาม (the municipality covers part of the ตำบล); its
    # นายก's declaration and signature under the municipality's heading are not the municipality's
    agency = "เทศบาลตำบลบ้านไผ่งาม"
    body = ("ประกาศเทศบาลตำบลบ้านไผ่งาม\nเรื่อง ประกาศเจตนารมณ์ไม่รับของขวัญ (No Gift Policy)\n"
            "ข้าพเจ้า นายบุญมี ทองสุข นายกองค์การบริหารส่วนตำบลไผ่งาม พร้อมด้วยคณะผู้บริหาร ขอประกาศเจตนารมณ์\n"
            "(ลงชื่อ) บุญมี ทองสุข\n(นายบุญมี ทองสุข)\nนายกองค์การบริหารส่วนตำบลไผ่งาม")
    assert declared_by_peer((body,), agency) == "ข้าพเจ้า นายบุญมี ทองสุข นายกองค์การบริหารส่วนตำบลไผ่งาม"
    assert signed_by_peer((body,), agency) == "นายกองค์การบริหารส่วนตำบลไผ่งาม"
    assert signed_by_peer((body.replace("นายกองค์การบริหารส่วนตำบลไผ่งาม", "นายก อบต.ไผ่งาม"),), agency) \
        == "นายก อบต.ไผ่งาม"
    # the municipality's own mayor declaring and signing
    own = body.replace("นายกองค์การบริหารส่วนตำบลไผ่งาม", "นายกเทศมนตรีตำบลบ้านไผ่งาม")
    assert declared_by_peer((own,), agency) is None
    assert signed_by_peer((own,), agency) is None
    # a joint one: the municipality's mayor signs beside the อบต.'s
    assert signed_by_peer((body + "\n(นายสมศักดิ์ ใจดี)\nนายกเทศมนตรีตำบลบ้านไผ่งาม",), agency) is None
    # the agency's very place under its own heading but signed by the other kind's นายก: a person looks (the อบต. of
    # the same name beside it, or the agency half-renamed)
    mixed = body.replace("นายกองค์การบริหารส่วนตำบลไผ่งาม", "นายกองค์การบริหารส่วนตำบลบ้านไผ่งาม")
    assert signed_by_peer((mixed,), agency) == "นายกองค์การบริหารส่วนตำบลบ้านไผ่งาม"
    # all of it the อบต.บ้านไผ่งาม the agency was before it became a เทศบาล: its own
    renamed = mixed.replace("ประกาศเทศบาลตำบลบ้านไผ่งาม", "ประกาศองค์การบริหารส่วนตำบลบ้านไผ่งาม")
    assert signed_by_peer((renamed,), agency) is None
    assert declared_by_peer((renamed,), agency) is None


def test_the_agency_s_mayor_under_a_photo_caption_signs_nothing() -> None:
    # review26 g05: the district's announcement signed by นายอำเภอ; the agency's นายก named below a photo's caption
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    announcement = ("ประกาศอำเภอภูเวียง เรื่อง เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่\n"
                    "อำเภอภูเวียง โดยนายอำเภอภูเวียง พร้อมด้วยผู้บริหารองค์การบริหารส่วนตำบลโคกสูง ขอประกาศเจตนารมณ์\n"
                    "(ลงชื่อ)\n(นายประเสริฐ ศรีภูเวียง)\nนายอำเภอภูเวียง\nภาพกิจกรรม\n")
    caption = announcement + "ภาพ: ร่วมลงนามแสดงเจตนารมณ์\n(นายวิชัย มั่นคง)\nนายกองค์การบริหารส่วนตำบลโคกสูง"
    assert other_body([caption], agency) is not None
    # signed beside him (no caption above): a joint document
    joint = announcement.replace("ภาพกิจกรรม\n", "") + "(ลงชื่อ)\n(นายวิชัย มั่นคง)\nนายกองค์การบริหารส่วนตำบลโคกสูง"
    assert other_body([joint], agency) is None


@pytest.mark.parametrize(("pages", "agency", "unit"), [
    # review36 a04: a child-care centre's contact page
    (["ข้อมูลการติดต่อ\nศูนย์พัฒนาเด็กเล็กบ้านโคกสูง\nสังกัดกองการศึกษา ศาสนาและวัฒนธรรม\nโทรศัพท์ ๐๘ ๕๕๕๖ ๗๘๙๐"],
     "องค์การบริหารส่วนตำบลโคกสูง", "ศูนย์พัฒนาเด็กเล็กบ้านโคกสูง"),
    # review35 a02: a school's action plan
    (["O10 แผนปฏิบัติการประจำปี\nแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nโรงเรียนบ้านโคกสูง\nตำบลโคกสูง อำเภอภูเวียง"],
     "องค์การบริหารส่วนตำบลโคกสูง", "โรงเรียนบ้านโคกสูง"),
    # the agency heads its own contact page, its child-care centre listed below
    (["ข้อมูลการติดต่อ\nองค์การบริหารส่วนตำบลโคกสูง\nศูนย์พัฒนาเด็กเล็กบ้านโคกสูง โทร. ๐๔๓ ๐๐๐ ๐๐๐"],
     "องค์การบริหารส่วนตำบลโคกสูง", None),
    (["ข้อมูลการติดต่อ\nอบต.โคกสูง\nโรงเรียนบ้านโคกสูง"], "องค์การบริหารส่วนตำบลโคกสูง", None),
    # a menu's entry names no unit; a post's title is a sentence
    (["หน้าหลัก\nศูนย์พัฒนาเด็กเล็ก\nข้อมูลการติดต่อ"], "องค์การบริหารส่วนตำบลโคกสูง", None),
    (["โรงเรียนบ้านโคกสูงร่วมกับ อบต. จัดกิจกรรมวันเด็ก"], "องค์การบริหารส่วนตำบลโคกสูง", None),
    # the agency is itself the school
    (["แผนปฏิบัติการประจำปี\nโรงเรียนบ้านโคกสูง"], "โรงเรียนบ้านโคกสูง", None),
])
def test_a_unit_heading_the_document(pages: list[str], agency: str, unit: str | None) -> None:
    assert unit_body(pages, agency) == unit


PAO = "องค์การบริหารส่วนจังหวัดขอนแก่น"


def test_a_provincial_administration_is_named_by_its_kind_not_its_province_alone() -> None:
    assert names_agency(normalize("(นายวัชระ ศรีสุวรรณ) นายก อบจ.ขอนแก่น"), PAO)
    assert names_agency(normalize("ร้องเรียนได้ที่ อบจ. โทร. ๐๔๓-๐๐๐-๑๑๑"), PAO)
    assert not names_agency(normalize("ศูนย์ดำรงธรรมจังหวัดขอนแก่น ศาลากลางจังหวัดขอนแก่น สายด่วน ๑๕๖๗"), PAO)
    assert not names_agency(normalize("ทำเนียบคณะผู้บริหารเทศบาลนครขอนแก่น"), PAO)
    assert not names_agency(normalize("องค์การบริหารส่วนจังหวัดอุดรธานี"), PAO)  # another province's
    # an อบต.'s place is still named by its place alone
    assert names_agency(normalize("ศูนย์พัฒนาเด็กเล็กบ้านโคกสูง"), "องค์การบริหารส่วนตำบลโคกสูง")


def test_the_province_s_documents_are_not_its_provincial_administration_s() -> None:
    # review43 b05: the province's plan, which never names the อบจ.
    plan = ["แผนพัฒนาจังหวัดขอนแก่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)\nฉบับทบทวน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nสำนักงานจังหวัดขอนแก่น\n"
            "(ลงชื่อ) ..............................\n(นายสมศักดิ์ จังตระกุล)\nผู้ว่าราชการจังหวัดขอนแก่น"]
    assert other_body(plan, PAO) == "แผนพัฒนาจังหวัดขอนแก่น (พ.ศ. 2566 – 2570)"  # digits as shown
    # review43 b15: the province's complaint statistics name the อบจ. in a row, signed for the governor, the
    # province's name wrapped onto its own line
    stats = ["สถิติเรื่องร้องเรียน/ร้องทุกข์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nศูนย์ดำรงธรรมจังหวัดขอนแก่น ศาลากลางจังหวัดขอนแก่น\n"
             "เรื่องร้องเรียนการทุจริต ๓๗ เรื่อง จำแนกตามหน่วยงาน: องค์การบริหารส่วนจังหวัดขอนแก่น ๓ เรื่อง\n"
             "(นายวิทยา ผลบุญ)\nหัวหน้าสำนักงานจังหวัดขอนแก่น\nปฏิบัติราชการแทน ผู้ว่าราชการจังหวัด\nขอนแก่น"]
    assert other_body(stats, PAO) == "ศูนย์ดำรงธรรมจังหวัดขอนแก่น ศาลากลางจังหวัดขอนแก่น"
    # the อบจ.'s own heading holds its province's name: not a province's document
    own = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนจังหวัดขอนแก่น\nบัญชีโครงการ\n"
           "(นายวัชระ ศรีสุวรรณ)\nนายก อบจ.ขอนแก่น"]
    assert other_body(own, PAO) is None
    # for a municipality the province heading its own plan is still where it is (unchanged)
    assert other_body(["แผนปฏิบัติการ อำเภอเมือง จังหวัดขอนแก่น", "เทศบาลเมืองท่าช้างทองจะดำเนินการ"],
                      "เทศบาลเมืองท่าช้างทอง") is None


def test_a_city_of_the_province_s_name_is_a_peer_of_its_provincial_administration() -> None:
    # review43 b03, b17: a เทศบาล is never the อบจ., whatever its place
    roster = ["ทำเนียบคณะผู้บริหารเทศบาลนครขอนแก่น\nสำนักงานเทศบาลนครขอนแก่น ถนนประชาสโมสร ตำบลในเมือง\n"
              "นายธีรศักดิ์ ฑีฆายุพันธุ์ นายกเทศมนตรีนครขอนแก่น ๐๘๑-๘๗๑-๐๐๐๑"]
    assert peer_body(roster, PAO) == ("ทำเนียบคณะผู้บริหารเทศบาลนครขอนแก่น", True)
    nogift = ("ประกาศเทศบาลนครขอนแก่น\nเรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)\nข้าพเจ้า นายธีรศักดิ์ ฑีฆายุพันธุ์ "
              "นายกเทศมนตรีนครขอนแก่น พร้อมด้วยคณะผู้บริหาร ขอประกาศเจตนารมณ์\n(นายธีรศักดิ์ ฑีฆายุพันธุ์)\n"
              "นายกเทศมนตรีนครขอนแก่น",)
    assert declared_by_peer(nogift, PAO) is not None
    assert signed_by_peer(nogift, PAO) == "นายกเทศมนตรีนครขอนแก่น"
    # the อบจ.'s own news naming the city is its own
    assert peer_body(["อบจ.ขอนแก่น ร่วมกับเทศบาลนครขอนแก่น จัดงานเทศกาลไหม\nรายละเอียด เทศบาลนครขอนแก่น"], PAO) is None


def test_a_school_affiliated_to_a_provincial_administration_heads_its_own_plan() -> None:
    # review43 b06: "สังกัด<the อบจ.>" is the school's affiliation
    pages = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nโรงเรียนภูเวียงวิทยาคม สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น\n"
             "อำเภอภูเวียง จังหวัดขอนแก่น\n(นายสุเมธ ทองมา)\nผู้อำนวยการโรงเรียนภูเวียงวิทยาคม"]
    assert unit_body(pages, PAO) == "โรงเรียนภูเวียงวิทยาคม สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น"
    # review43 b18: its own announcement, the school's name with its number
    notice = ["ประกาศโรงเรียนขอนแก่นวิทยายน ๒ สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น\nเรื่อง นโยบายไม่รับของขวัญ"]
    assert unit_body(notice, PAO) == "ประกาศโรงเรียนขอนแก่นวิทยายน 2 สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น"
    # the อบจ. heading the document above the school stays the อบจ.'s
    assert unit_body(["องค์การบริหารส่วนจังหวัดขอนแก่น\n" + pages[0]], PAO) is None
    # a municipality's child-care centre "สังกัด" the municipality stays its own (review13 f04)
    assert unit_body(["รายงานผลการดำเนินงาน\nศูนย์พัฒนาเด็กเล็กบ้านนาคูณ สังกัดเทศบาลตำบลนาคูณใหญ่"],
                     "เทศบาลตำบลนาคูณใหญ่") is None


def test_a_local_government_the_agency_works_in_or_funds_is_no_neighbour_s_document() -> None:
    # review43 a04: the อบจ.'s own plan, its rows in and for a municipality
    rows = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ องค์การบริหารส่วนจังหวัดขอนแก่น\n"
            "๑ | ก่อสร้างถนน ในเขตเทศบาลเมืองบ้านไผ่ อำเภอบ้านไผ่ | ๔,๙๕๐,๐๐๐ | ในเขตเทศบาลเมืองบ้านไผ่ | กองช่าง\n"
            "๒ | ปรับปรุงระบบระบายน้ำ ในเขตเทศบาลเมืองบ้านไผ่ (ร่วมกับเทศบาลเมืองบ้านไผ่) | ๗,๓๐๐,๐๐๐\n"
            "๓ | อุดหนุนเทศบาลเมืองบ้านไผ่ ตามโครงการบุญบั้งไฟ | ๕๐๐,๐๐๐ | เทศบาลเมืองบ้านไผ่ | กองการศึกษาฯ\n"
            "(นายวัชระ ศรีสุวรรณ)\nนายก อบจ.ขอนแก่น",)
    assert named_peer(rows, PAO) is None
    # a neighbour named as the one who acts, four times, is still a neighbour's document (review26 r01)
    acting = ("แผนการดำเนินงาน องค์การบริหารส่วนตำบลโคกสูง\n" + "เทศบาลเมืองบ้านไผ่ ได้ดำเนินการ\n" * 4
              + "นายก อบต.โคกสูง",)
    assert named_peer(acting, "องค์การบริหารส่วนตำบลโคกสูง") == "เทศบาลเมืองบ้านไผ่"


def test_a_short_table_titled_by_another_local_government_alone_is_that_one_s() -> None:
    # review44 b13: a one-sheet statistics table names its owner once, in its merged title
    sheet = ["สถิติ\nสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nองค์การบริหารส่วนตำบลโนนทอง อำเภอภูเวียง จังหวัดขอนแก่น\n"
             "ประจำปีงบประมาณ พ.ศ. 2567\nเดือน | จำนวนเรื่องร้องเรียน (เรื่อง)\nตุลาคม 2566 | 0\nรวมทั้งสิ้น | 4"]
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    assert peer_body([sheet[0].replace("สถิติ\n", "", 1)], agency) == (
        "องค์การบริหารส่วนตำบลโนนทอง อำเภอภูเวียง จังหวัดขอนแก่น", True)
    # named once in a sentence of the heading, not as its title: no owner read from one mention
    assert peer_body(["สถิติเรื่องร้องเรียน ร่วมกับองค์การบริหารส่วนตำบลโนนทอง\nเดือน | จำนวน"], agency) is None
    # a long document keeps the rule of two mentions
    long = [sheet[0].replace("สถิติ\n", "", 1) + "\nตุลาคม 2566 | 0" * 200]
    assert peer_body(long, agency) is None


TOWN = "เทศบาลเมืองศรีสำราญ"


def test_a_town_at_its_district_s_seat_is_not_named_by_the_district_s_name() -> None:
    # review47 c01: the district's complaint centre on a line of the town's list of outside channels
    assert not names_agency(normalize("ศูนย์ดำรงธรรมอำเภอศรีสำราญ ที่ว่าการอำเภอศรีสำราญ โทร. ๐๔๓-๗๑๑-๐๙๙ หรือสายด่วน ๑๕๖๗"),
                            TOWN)
    assert not names_agency(normalize("นายอำเภอศรีสำราญ อ.ศรีสำราญ จ.มหาสารคาม"), TOWN)
    assert names_agency(normalize("เทศบาลเมืองศรีสำราญ ขอประชาสัมพันธ์ช่องทางการแจ้งเรื่องร้องเรียน"), TOWN)
    assert names_agency(normalize("ตู้รับเรื่องร้องเรียน หน้าสำนักงาน ทม.ศรีสำราญ อำเภอศรีสำราญ"), TOWN)
    # an อบต.'s place as its ตำบล, a village, its own short name: still named (rounds 20–42)
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    assert names_agency(normalize("ยื่นด้วยตนเองที่ ตำบลโคกสูง อำเภอภูเวียง โทร. ๐๔๓-๐๐๐-๐๐๐"), agency)
    assert names_agency(normalize("ศูนย์ดำรงธรรม อบต.โคกสูง"), agency)


STRUCTURE = ("โครงสร้างองค์กร องค์การบริหารส่วนตำบลศรีสำราญ\nองค์การบริหารส่วนตำบลศรีสำราญ อำเภอศรีสำราญ จังหวัดมหาสารคาม\n"
             "ตั้งอยู่หมู่ที่ ๗ บ้านโนนม่วง ตำบลศรีสำราญ {area} จำนวน ๑๑ หมู่บ้าน\n"
             "ฝ่ายการเมือง : สภาองค์การบริหารส่วนตำบลศรีสำราญ สมาชิกสภา อบต. ๑๑ คน")
PLAN = ("แผนปฏิบัติการป้องกันการทุจริต\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n{body}\nรวม ๕ โครงการ/กิจกรรม งบประมาณรวม ๕๕,๐๐๐ บาท\n"
        "(ลงชื่อ) ..............................\n(นายสมบัติ ดวงมาลา)\nนายกองค์การบริหารส่วนตำบลศรีสำราญ")


def test_the_tao_beside_a_town_of_its_name_is_another_body() -> None:
    # review47 b01: the อบต.'s structure naming the town as another area: surely the อบต.'s
    assert kind_beside((STRUCTURE.format(area="พื้นที่นอกเขตเทศบาลเมืองศรีสำราญ"),), TOWN) \
        == ("โครงสร้างองค์กร องค์การบริหารส่วนตำบลศรีสำราญ", True)
    # never naming the town: the อบต. beside it, or the town's own from before it became a เทศบาล (the caller weighs
    # the item's year)
    assert kind_beside((STRUCTURE.format(area=""),), TOWN) == ("โครงสร้างองค์กร องค์การบริหารส่วนตำบลศรีสำราญ", False)
    # review47 b18: a plan under a heading of no body, signed by the อบต.'s นายก
    assert kind_beside((PLAN.format(body="ส่วนที่ ๑ บทนำ"),), TOWN) == ("นายกองค์การบริหารส่วนตำบลศรีสำราญ", False)
    # review47 c02: its นายก declaring in the first person
    declared = ("ประกาศ\nเรื่อง เจตนารมณ์การไม่รับของขวัญ (No Gift Policy)\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
                "ข้าพเจ้า นายสมบัติ ดวงมาลา นายกองค์การบริหารส่วนตำบลศรีสำราญ พร้อมด้วยคณะผู้บริหาร ขอประกาศเจตนารมณ์")
    assert kind_beside((declared,), TOWN) == ("ข้าพเจ้า นายสมบัติ ดวงมาลา นายกองค์การบริหารส่วนตำบลศรีสำราญ", False)
    # the town named as itself: a joint document, signed_by_peer's to read
    assert kind_beside((PLAN.format(body="เทศบาลเมืองศรีสำราญ ร่วมกับองค์การบริหารส่วนตำบลศรีสำราญ"),), TOWN) is None
    # the town's own old letterhead (review47 a10: "เทศบาลตำบลศรีสำราญ … พ.ศ. ๒๕๖๑", "นายกเทศมนตรีตำบลศรีสำราญ"): its kind
    old = "ศูนย์รับเรื่องร้องเรียนการทุจริต เทศบาลตำบลศรีสำราญ\nอำเภอศรีสำราญ\n(นายประจวบ ศรีบุญเรือง)\nนายกเทศมนตรีตำบลศรีสำราญ"
    assert kind_beside((old,), TOWN) is None
    # another place's อบต. is peer_body's and signed_by_peer's
    assert kind_beside((PLAN.format(body="").replace("ศรีสำราญ", "โนนม่วง"),), TOWN) is None


def test_a_town_at_a_tao_s_place_is_the_town_beside_it() -> None:
    """An อบต. is never a renamed เทศบาล: the plan headed "เทศบาลตำบลโคกสูง" and signed by its นายกเทศมนตรี is surely the
    town's beside the อบต.โคกสูง (review65 m02); not when the อบต. is named too, nor the town as another area."""
    tao = "องค์การบริหารส่วนตำบลโคกสูง"
    plan = ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nเทศบาลตำบลโคกสูง\n"
            "๑๒๐ หมู่ที่ ๑ ตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น ๔๐๑๕๐\n(ลงชื่อ) วิชัย แก้วมณี\n(นายวิชัย แก้วมณี)\n"
            "นายกเทศมนตรีตำบลโคกสูง")
    assert kind_beside((plan,), tao) == ("เทศบาลตำบลโคกสูง", True)
    assert kind_beside((plan.replace("เทศบาลตำบลโคกสูง\n", "เทศบาลตำบลโคกสูง ร่วมกับ อบต.โคกสูง\n"),), tao) is None
    area = "โครงสร้างองค์กร\nพื้นที่ตำบลโคกสูง ทิศเหนือ ติดต่อกับเทศบาลตำบลโคกสูง\nนายกเทศมนตรีตำบลโคกสูง"
    assert kind_beside((area,), tao) is None


@pytest.mark.parametrize(("item", "code"), [
    ("O2", "peer_agency_document"),  # the executives of now (current_term): fail
    ("O25", "another_agency_document"),  # the year's plan: review
    ("O21", "peer_agency_document"),  # the agency's own declaration of the year (own_only): fail
    ("O16", None),  # a manual: maybe the town's own from before it was renamed (plain_words p_renamed_same)
])
def test_a_tao_s_page_for_a_town_of_its_name_by_the_item_s_year(item: str, code: str | None) -> None:
    # review47 b02, b18: the อบต.'s cards or plan, never naming the town
    page = ("<html><body><h1>คณะผู้บริหารองค์การบริหารส่วนตำบลศรีสำราญ</h1>"
            "<p>แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>"
            "<p>นายสมบัติ ดวงมาลา</p><p>นายกองค์การบริหารส่วนตำบลศรีสำราญ</p><p>โทร. ๐๘๑-๐๕๔-๗๗๘๙</p></body></html>")
    codes = {r.code for r in finding_from_html(item, page, URL, 2568, agency=TOWN).reasons}
    assert codes & {"peer_agency_document", "another_agency_document"} == ({code} if code else set())


KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
# review48 b05: a health station's MOIT memo in front of its complaint statistics
MOIT_MEMO = ("บันทึกข้อความ\nส่วนราชการ โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น โทร\n"
             "๐๔๓-๒๔๙๑๑๒\nที่ ขก ๐๐๓๓.๓๐๑.๑๒/๑๑๔ วันที่ ๕ ตุลาคม ๒๕๖๘\n"
             "เรื่อง ขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์ (MOIT 20)\n"
             "เรียน ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง\n"
             "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงานในสังกัดสำนักงาน\nปลัดกระทรวงสาธารณสุข\n"
             "(นายวีระพงษ์ ศรีภูเวียง)\nผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพ\nตำบลบ้านโคกสูง")


@pytest.mark.parametrize(("pages", "unit"), [
    # a memo's "ส่วนราชการ" line names the office it comes from
    ([MOIT_MEMO], "ส่วนราชการ โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น โทร"),
    # review48 a16: the agency's own memo stays its own
    (["บันทึกข้อความ\nส่วนราชการ องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\n"
      "เรื่อง ขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์"], None),
    (["บันทึกข้อความ\nส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง โทร ๐๔๓-๐๐๐-๐๐๐"], None),
    # review48 b09, b34: a school's education-area office after its name, without "สังกัด"
    (["O26\nรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส\nภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
      "โรงเรียนบ้านโคกสูง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๔"],
     "โรงเรียนบ้านโคกสูง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 4"),
    (["แผนปฏิบัติการประจำปี\nโรงเรียนบ้านโคกสูง สพป.ขอนแก่น เขต ๔"], "โรงเรียนบ้านโคกสูง สพป.ขอนแก่น เขต 4"),
    # review48 b07: a police station heading its complaint channels
    (["ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nสถานีตำรวจภูธรภูเวียง ตำบลภูเวียง อำเภอภูเวียง จังหวัดขอนแก่น\n"
      "โทรศัพท์ สภ.ภูเวียง 043-291-191"], "สถานีตำรวจภูธรภูเวียง ตำบลภูเวียง อำเภอภูเวียง จังหวัดขอนแก่น"),
    # the agency's channels naming the police station below its own heading stay its own
    (["ช่องทางแจ้งเรื่องร้องเรียน\nองค์การบริหารส่วนตำบลโคกสูง\nสถานีตำรวจภูธรภูเวียง โทร 043-291-191"], None),
])
def test_a_memo_s_office_a_school_s_area_office_and_a_police_station_head_their_documents(
        pages: list[str], unit: str | None) -> None:
    assert unit_body(pages, KHOKSUNG) == unit


def test_another_scheme_s_mark_without_the_agency_named_by_its_kind() -> None:
    assert other_scheme([MOIT_MEMO], KHOKSUNG) == "เรื่อง ขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์ (MOIT 20)"
    # the health station's name bears the agency's place, not its kind
    assert not names_by_kind(normalize(MOIT_MEMO), KHOKSUNG)
    # named by its kind (a partner: "ร่วมกับองค์การบริหารส่วนตำบลโคกสูง", review48 b28): a person looks
    assert other_scheme([MOIT_MEMO + "\nร่วมกับองค์การบริหารส่วนตำบลโคกสูง"], KHOKSUNG) is None
    assert names_by_kind(normalize("นายก อบต.โคกสูง"), KHOKSUNG)
    # no mark: a word holding the letters is none
    assert other_scheme(["รายงานผล\nโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง\nMOITX"], KHOKSUNG) is None
    # a provincial administration by its short name
    assert names_by_kind(normalize("ร่วมกับ อบจ.ขอนแก่น"), PAO)


CITY = "เทศบาลนครหนองบัวทอง"


def test_a_city_is_not_named_by_its_capital_district_s_name() -> None:
    # review51 f04: "ศูนย์ดำรงธรรมอำเภอเมืองหนองบัวทอง โทร. …" is the district's channel, not the city's
    assert not names_agency(normalize("ศูนย์ดำรงธรรมอำเภอเมืองหนองบัวทอง โทร. ๐๔๓-๒๓๔-๕๖๙"), CITY)
    assert not names_agency(normalize("ถนนศรีจันทร์ ตำบลในเมือง อ.เมืองหนองบัวทอง จ.ขอนแก่น"), CITY)
    assert not _names_place(normalize("ที่ว่าการอำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น"), "หนองบัวทอง")
    assert names_agency(normalize("เทศบาลนครหนองบัวทอง อำเภอเมืองหนองบัวทอง โทร. ๐๔๓-๒๐๐-๑๑๑"), CITY)
    # review51 a07: the district's contact page; g07: its plan under "อำเภอเมือง…" alone, signed by its นายอำเภอ
    assert other_body(["ติดต่อเรา\nที่ว่าการอำเภอเมืองหนองบัวทอง\nศาลากลางอำเภอ ถนนศรีจันทร์ อำเภอเมืองหนองบัวทอง"
                       " จังหวัดขอนแก่น ๔๐๐๐๐\nโทรศัพท์ ๐๔๓-๒๓๔-๕๖๗"], CITY) == "ที่ว่าการอำเภอเมืองหนองบัวทอง"
    plan = ("แผนปฏิบัติการป้องกันและปราบปรามการทุจริต\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nอำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น\n"
            "๑ อบรมปลูกจิตสำนึกกำนันผู้ใหญ่บ้าน ๓๐,๐๐๐\n(ลงชื่อ) วิทยา คงมั่น\n(นายวิทยา คงมั่น)\n{signer}")
    assert other_body([plan.format(signer="นายอำเภอเมืองหนองบัวทอง")], CITY) == "อำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น"
    # the city's own plan with its district as an address line stays its own
    assert other_body([plan.replace("อำเภอเมือง", "เทศบาลนครหนองบัวทอง\nอำเภอเมือง", 1)
                       .format(signer="นายกเทศมนตรีนครหนองบัวทอง")], CITY) is None
    # review51 a02: the district's structure names the city as one of its three local governments
    assert other_body(["โครงสร้างและอำนาจหน้าที่\nที่ว่าการอำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น\n"
                       "องค์กรปกครองส่วนท้องถิ่นในเขตอำเภอ ๓ แห่ง ได้แก่ เทศบาลนครหนองบัวทอง เทศบาลตำบลหนองบัว และ"
                       "องค์การบริหารส่วนตำบลหนองบัวทอง"], CITY) == "ที่ว่าการอำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น"


def test_a_tambon_whose_place_starts_the_city_s_is_another_body() -> None:
    # review51 a08, b02: another kind at another place, surely a peer
    execs = ["คณะผู้บริหาร เทศบาลตำบลหนองบัว\nนายประเสริฐ นามวงศ์ | นายกเทศมนตรีตำบลหนองบัว | ๐๘๑-๒๒๒-๓๓๓๔"]
    assert peer_body(execs, CITY) == ("คณะผู้บริหาร เทศบาลตำบลหนองบัว", True)
    plan = ["แผนการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nเทศบาลตำบลหนองบัว อำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น\n"
            "(นายประเสริฐ นามวงศ์)\nนายกเทศมนตรีตำบลหนองบัว"]
    assert peer_body(plan, CITY) == ("เทศบาลตำบลหนองบัว อำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น", True)
    # the city's own name cut short by a PDF's space ("เทศบาลนครหนองบัว ทอง"), the same kind: not a peer
    assert peer_body(["รายงานผลการดำเนินงาน\nเทศบาลนครหนองบัว ทอง\nเทศบาลนครหนองบัวทอง"], CITY) is None


def test_a_one_sheet_table_titled_for_another_tao() -> None:
    # review50 b19: the name and its year on the title line
    sheet = ["Sheet1\nสถิติเรื่องร้องเรียนการทุจริต องค์การบริหารส่วนตำบลโคกสะอาด ปีงบประมาณ 2567\nไตรมาส | จำนวนเรื่อง\n"
             "1 | 0\n2 | 0\n3 | 2\n4 | 0\nรวม | 2"]
    assert peer_body(sheet, KHOKSUNG) == (sheet[0].split("\n")[1], True)
    # a sentence naming it is no title
    assert peer_body([sheet[0].replace("สถิติเรื่องร้องเรียนการทุจริต", "ร่วมกับ")], KHOKSUNG) is None


def test_a_web_post_s_body_is_headed_by_its_own_first_lines() -> None:
    city = "เทศบาลนครขอนแก่น"
    post = ("สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ ๒๕๖๘\nโพสต์เมื่อ ๕ ตุลาคม ๒๕๖๘ โดย admin\n"
            "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น\n"
            "ที่ว่าการอำเภอเมืองขอนแก่น จังหวัดขอนแก่น\nรวม | ๓ | ๓ | ๐\n(ลงชื่อ) วิชัย ทองดี\n(นายวิชัย ทองดี)\nนายอำเภอเมืองขอนแก่น")
    assert other_body([post], city) == "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น"
    # the city's own post naming the district's centre it forwarded a complaint to, signed by its own ปลัด
    own = post.replace("(ลงชื่อ) วิชัย ทองดี\n(นายวิชัย ทองดี)\nนายอำเภอเมืองขอนแก่น",
                       "(ลงชื่อ) สมศักดิ์ ใจดี\nปลัดเทศบาลนครขอนแก่น").replace(
        "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น\nที่ว่าการ", "เทศบาลนครขอนแก่น ส่งต่อศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น\nที่ว่าการ")
    assert other_body([own], city) is None


def test_a_unit_s_own_document_signed_by_its_head() -> None:
    city = "เทศบาลนครหนองบัวทอง"
    school = ("สรุปผลการจัดซื้อจัดจ้างรายเดือน ประจำปีงบประมาณ ๒๕๖๙\n"
              "โรงเรียนเทศบาล ๑ (บ้านหนองบัว) สังกัดเทศบาลนครหนองบัวทอง\n"
              "๑ | จัดซื้อวัสดุการเรียนการสอน | ๒๕,๐๐๐ | เงินอุดหนุน | เฉพาะเจาะจง\n"
              "(ลงชื่อ) สุนทร ศรีเมือง\nผู้อำนวยการโรงเรียนเทศบาล ๑ (บ้านหนองบัว)")
    assert unit_signed([school], city) == "โรงเรียนเทศบาล 1 (บ้านหนองบัว) สังกัดเทศบาลนครหนองบัวทอง"
    # signed by the city's own executive too, or by no unit's head: the city's document
    assert unit_signed([school + "\n(ลงชื่อ) ประยุทธ มั่นคง\nนายกเทศมนตรีนครหนองบัวทอง"], city) is None
    assert unit_signed([school.replace("ผู้อำนวยการโรงเรียนเทศบาล ๑ (บ้านหนองบัว)", "ปลัดเทศบาลนครหนองบัวทอง")],
                       city) is None


MUEANG_KAO = "องค์การบริหารส่วนตำบลเมืองเก่า"


def test_a_neighbour_whose_place_starts_with_the_agency_s_is_no_mention_of_it() -> None:
    """"เทศบาลตำบลเมืองเก่าพัฒนา", "องค์การบริหารส่วนตำบลเมืองเก่าใหม่" in the district's table name two other bodies,
    not the อบต.เมืองเก่า (review58 b06); the agency's own name beside them still names it."""
    table = ("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
             "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น ที่ว่าการอำเภอเมืองขอนแก่น\n"
             "หน่วยงานที่ถูกร้องเรียน | เรื่อง\nเทศบาลตำบลเมืองเก่าพัฒนา | ๒\nองค์การบริหารส่วนตำบลเมืองเก่าใหม่ | ๑\n"
             "(นายชาตรี ปัญญาดี)\nปลัดอำเภอ หัวหน้าศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น")
    assert other_body([table], MUEANG_KAO) == "ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น ที่ว่าการอำเภอเมืองขอนแก่น"
    text = normalize(table)
    assert not _names_place(text, "เมืองเก่า", ("เมืองเก่าพัฒนา", "เมืองเก่าใหม่"))
    assert _names_place(text + normalize("องค์การบริหารส่วนตำบลเมืองเก่า | ๐"), "เมืองเก่า",
                        ("เมืองเก่าพัฒนา", "เมืองเก่าใหม่"))


def test_a_neighbour_s_address_in_the_agency_s_tambon_is_no_mention_of_the_agency() -> None:
    """The town in the อบต.'s ตำบล writes "ตำบลเมืองเก่า" in its address (review58 b13); the agency by its kind is
    wanted."""
    contacts = ("ข้อมูลการติดต่อ\nเทศบาลตำบลเมืองเก่าพัฒนา\n"
                "ที่อยู่ เลขที่ ๑ หมู่ที่ ๒ ตำบลเมืองเก่า อำเภอเมืองขอนแก่น จังหวัดขอนแก่น ๔๐๐๐๐\n"
                "สอบถามข้อมูล: Facebook เทศบาลตำบลเมืองเก่าพัฒนา")
    assert peer_body([contacts], MUEANG_KAO) == ("เทศบาลตำบลเมืองเก่าพัฒนา", True)
    assert peer_body([contacts + "\nติดกับองค์การบริหารส่วนตำบลเมืองเก่า"], MUEANG_KAO) is None


def test_another_kind_at_a_provincial_administrations_place_is_surely_another_body() -> None:
    pao = "องค์การบริหารส่วนจังหวัดขอนแก่น"
    city = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nเทศบาลนครขอนแก่น\nอำเภอเมืองขอนแก่น จังหวัดขอนแก่น\n"
            "๔ งานเทศกาลไหมนานาชาติ (เงินอุดหนุนจาก อบจ.ขอนแก่น) ๓,๐๐๐,๐๐๐\n"
            "(ลงชื่อ) ..............................\n(นายสมเกียรติ ใจดี)\nนายกเทศมนตรีนครขอนแก่น")
    # review64 b05: the city's plan, the อบจ. named only as a funder: an อบจ. is never a renamed city
    assert kind_beside((city,), pao) == ("เทศบาลนครขอนแก่น", True)
    # the อบจ. heading it too, or signing it: a joint document, for signed_by_peer to read
    assert kind_beside((city.replace("เทศบาลนครขอนแก่น\n", "เทศบาลนครขอนแก่น ร่วมกับ อบจ.ขอนแก่น\n", 1),), pao) is None
    joint = city + "\n(ลงชื่อ) ..............................\n(นายประเสริฐ มั่นคง)\nนายกองค์การบริหารส่วนจังหวัดขอนแก่น"
    assert kind_beside((joint,), pao) is None
    # no other kind heading or signing: nothing to say
    assert kind_beside(("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนจังหวัดขอนแก่น",), pao) is None


DLA_KHON_KAEN = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น"


def test_the_province_is_another_body_for_a_provincial_office_of_its_name() -> None:
    """review66 x03, y04: a provincial office's name holds its province's ("…ท้องถิ่นจังหวัดขอนแก่น"), yet the
    province's report and its complaint centre's statistics are not the office's."""
    report = ("รายงานผลการดำเนินงานตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ.\n๒๕๖๘\nจังหวัดขอนแก่น\n"
              "สำนักงานจังหวัดขอนแก่น กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด\n"
              "ส่งเสริมธรรมาภิบาล อปท. สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ดำเนินการแล้วเสร็จ\n"
              "(ลงชื่อ) ..........\n(นายสมบัติ วงศ์ไพศาล)\nผู้ว่าราชการจังหวัดขอนแก่น")
    assert other_body([report], DLA_KHON_KAEN) == "จังหวัดขอนแก่น"
    stats = ("สถิติเรื่องร้องเรียนร้องทุกข์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\nศูนย์ดำรงธรรมจังหวัดขอนแก่น\n"
             "ประเภทเรื่อง | จำนวนเรื่อง\nที่มา: ศูนย์ดำรงธรรมจังหวัดขอนแก่น ศาลากลางจังหวัดขอนแก่น สายด่วน ๑๕๖๗")
    assert other_body([stats], DLA_KHON_KAEN) == "ศูนย์ดำรงธรรมจังหวัดขอนแก่น"
    # the office's own name, even wrapped over two lines, and its head's title are no province (review66 c03)
    manual = ("คู่มือการปฏิบัติงาน\nกลุ่มงานการเงิน บัญชี และการตรวจสอบ สำนักงานส่งเสริมการปกครอง\n"
              "ท้องถิ่นจังหวัดขอนแก่น\nท้องถิ่นจังหวัดขอนแก่น ผู้อนุมัติ")
    assert other_body([manual, "ขั้นตอนการปฏิบัติงาน"], DLA_KHON_KAEN) is None
    # the province's own office heads its documents as its own
    assert other_body([report], "สำนักงานจังหวัดขอนแก่น") is None


def test_a_local_governments_own_plan_is_surely_not_a_provincial_offices() -> None:
    """review66 x01: its address names the province ("…อำเภอพระยืน จังหวัดขอนแก่น"), the office's place; not the office."""
    plan = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนตำบลบ้านโต้น อำเภอพระยืน จังหวัดขอนแก่น\n"
            "องค์การบริหารส่วนตำบลบ้านโต้นได้จัดทำแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n"
            "(ลงชื่อ) ..........\n(นายสมหมาย ทองดี)\nนายกองค์การบริหารส่วนตำบลบ้านโต้น")
    assert peer_body([plan], DLA_KHON_KAEN) == ("องค์การบริหารส่วนตำบลบ้านโต้น อำเภอพระยืน จังหวัดขอนแก่น", True)
    # naming the office (its training for the อบต.'s staff): a person looks
    assert peer_body([plan + "\nอบรมโดยสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น"], DLA_KHON_KAEN) is None


DEPARTMENT = "กรมส่งเสริมสหกรณ์ชุมชน"
MINISTRY_PLAN = ("แผนปฏิบัติการป้องกันและปราบปรามการทุจริตและ\nประพฤติมิชอบ\nกระทรวงเกษตรและสหกรณ์\n"
                 "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงเกษตรและสหกรณ์\n"
                 "๔ โครงการสหกรณ์ชุมชนโปร่งใส ๔๕๐,๐๐๐ ไตรมาส ๒ – ๔ กรมส่งเสริมสหกรณ์ชุมชน\n"
                 "(ลงชื่อ) ..........................\n(นายอภิชาติ วงศ์สุวรรณ)\nปลัดกระทรวงเกษตรและสหกรณ์")


@pytest.mark.parametrize("pages", [
    [MINISTRY_PLAN],  # the ministry's plan, the department one row of five (review70 x01)
    # a cooperative's report, the department named as its supervisor only (review70 y04)
    ["รายงานผลการดำเนินงาน ประจำปี ๒๕๖๗\nสหกรณ์ชุมชนบ้านโนนสะอาด จำกัด\nอำเภอภูเวียง จังหวัดขอนแก่น (ภายใต้การส่งเสริมของ"
     "กรมส่งเสริมสหกรณ์ชุมชน)\n(นายบุญมี ทองสุข)\nประธานกรรมการสหกรณ์ชุมชนบ้านโนนสะอาด จำกัด"],
    # the ministry's announcement signed by its centre's director (review70 p05)
    ["ประกาศกระทรวงเกษตรและสหกรณ์\nเรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n"
     "(นายอภิชาติ วงศ์สุวรรณ)\nผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงเกษตรและสหกรณ์"],
])
def test_another_body_s_document_on_a_department_s_site(pages: list[str]) -> None:
    assert other_body(pages, DEPARTMENT) is not None


@pytest.mark.parametrize("pages", [
    # the ministry under the department's own name on the cover (review70 a07), in its site header (a04)
    ["รายงานผลการปฏิบัติราชการ\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nสำนักแผนงานและโครงการพิเศษ\nกรมส่งเสริมสหกรณ์ชุมชน\n"
     "กระทรวงเกษตรและสหกรณ์", "๔. ข้อเสนอแนะ"],
    ["กรมส่งเสริมสหกรณ์ชุมชน กระทรวงเกษตรและสหกรณ์\nแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568"],
    # the ministry's letterhead over the department's text, signed by its อธิบดี
    ["กระทรวงเกษตรและสหกรณ์\nรายงานผลการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(นายวรวุฒิ ธนสาร)\n"
     "อธิบดีกรมส่งเสริมสหกรณ์ชุมชน"],
    # an event's place is no body ("ณ จังหวัดเชียงใหม่")
    ["ข่าวประชาสัมพันธ์\nอบรมผู้ตรวจบัญชีสหกรณ์ชุมชน ณ จังหวัดเชียงใหม่\n๓๐ มี.ค. ๒๕๖๙\nรายละเอียด\n"
     "จัดโดยกรมส่งเสริมสหกรณ์ชุมชน"],
])
def test_the_department_s_own_document(pages: list[str]) -> None:
    assert other_body(pages, DEPARTMENT) is None


_CHUMPHAE = "เทศบาลเมืองชุมแพ"


def _class_beside(text: str) -> tuple[str, bool] | None:
    pages = (text,)
    return class_beside(pages, [normalize(p) for p in pages], _CHUMPHAE)


def test_a_tambon_municipalitys_executives_beside_the_town_of_its_place() -> None:
    # review74 b02: not sure by itself (the town's former name is "เทศบาลตำบลชุมแพ"): the caller weighs it
    got = _class_beside("คณะผู้บริหารเทศบาลตำบลชุมแพ\nนายประยูร โพธิ์ศรี\nนายกเทศมนตรีตำบลชุมแพ\nโทร. ๐๘๑-๗๗๗-๑๒๐๑")
    assert got == ("คณะผู้บริหารเทศบาลตำบลชุมแพ", False)
    # …surely another body when it names the town beside itself (review74 b07)
    got = _class_beside("รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลตำบลชุมแพ อำเภอชุมแพ จังหวัดขอนแก่น\n"
                        "ข้อเสนอแนะ\nบูรณาการกิจกรรมร่วมกับเทศบาลเมืองชุมแพและอำเภอชุมแพ\n(นายประยูร โพธิ์ศรี)\n"
                        "นายกเทศมนตรีตำบลชุมแพ")
    assert got is not None and got[1]
    # the town's own history of its upgrade is its own
    assert _class_beside("ประวัติเทศบาลเมืองชุมแพ\nเทศบาลตำบลชุมแพ ได้ยกฐานะเป็นเทศบาลเมืองชุมแพ เมื่อ พ.ศ. ๒๕๔๗") is None
    # the town's own executives
    assert _class_beside("คณะผู้บริหารเทศบาลเมืองชุมแพ\nนายวีระพงษ์ ศรีสุวรรณ\nนายกเทศมนตรีเมืองชุมแพ") is None


def test_a_relay_line_does_not_make_another_bodys_document_the_agencys() -> None:
    # review74 b13: the province's complaint statistics, relayed by the town
    pages = ["สถิติเรื่องร้องเรียน/ร้องทุกข์ ศูนย์ดำรงธรรมจังหวัดขอนแก่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
             "สำนักงานจังหวัดขอนแก่น\nประเภทเรื่อง | จำนวน (เรื่อง)\nรวม | ๒,๒๑๔\n"
             "เทศบาลเมืองชุมแพ นำมาเผยแพร่เพื่อประชาสัมพันธ์ ณ วันที่ ๑๐ ต.ค. ๖๘"]
    assert "ชุมแพ" not in _without_relay(pages, normalize(pages[0]))
    assert other_body(pages, _CHUMPHAE) is not None


def test_the_province_s_complaint_centre_signed_by_a_deputy_governor_is_the_province_s() -> None:
    # review76 e03: the province's statistics name the อบจ. in a row; its deputy governor heads its complaint centre
    stats = ["สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
             "ศูนย์ดำรงธรรมจังหวัดมหาสารคาม ศาลากลางจังหวัดมหาสารคาม\n"
             "ในจำนวนนี้เป็นเรื่องร้องเรียน อบจ.มหาสารคาม ๒ เรื่อง ยุติเรื่องแล้ว\n(ลงชื่อ) ..................................\n"
             "(นายธนพล มั่นคง)\nรองผู้ว่าราชการจังหวัดมหาสารคาม\nหัวหน้าศูนย์ดำรงธรรมจังหวัดมหาสารคาม"]
    pao = "องค์การบริหารส่วนจังหวัดมหาสารคาม"
    assert other_body(stats, pao) == "ศูนย์ดำรงธรรมจังหวัดมหาสารคาม ศาลากลางจังหวัดมหาสารคาม"
    # the centre's head alone signs for the province too
    centre = [stats[0].replace("รองผู้ว่าราชการจังหวัดมหาสารคาม\n", "")]
    assert other_body(centre, pao) == "ศูนย์ดำรงธรรมจังหวัดมหาสารคาม ศาลากลางจังหวัดมหาสารคาม"
    # the อบจ.'s own executive signing beside him: a joint document, it may be the agency's
    joint = [stats[0] + "\n(นายวิชัย ศรีสุข)\nนายกองค์การบริหารส่วนจังหวัดมหาสารคาม"]
    assert other_body(joint, pao) is None


def test_a_signers_place_ends_before_the_signing_date_on_its_line() -> None:
    # one DOCX paragraph: "…นายกองค์การบริหารส่วนตำบลโคกสูง  ลงวันที่ ๒๕ พฤศจิกายน ๒๕๖๘" is the agency's own นายก, not a
    # "โคกสูงลง" (review78 k01)
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    page = ("รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปี พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลโคกสูง\n"
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n(ลงชื่อ) ........................ (นายประเสริฐ คำภูเวียง) "
            "นายกองค์การบริหารส่วนตำบลโคกสูง  ลงวันที่ ๒๕ พฤศจิกายน ๒๕๖๘")
    assert signed_by_peer((page,), agency) is None


def test_a_site_menu_bar_does_not_name_the_agency_as_the_documents_owner() -> None:
    # the agency's site header kept in the text over a hospital's guideline signed by its director (review78 b02)
    agency = "องค์การบริหารส่วนตำบลโคกสูง"
    body = ("คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nโรงพยาบาลภูเวียง สำนักงานสาธารณสุขจังหวัดขอนแก่น\n"
            "๑. วัตถุประสงค์\nเพื่อให้โรงพยาบาลภูเวียงมีแนวทางการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของบุคลากร\n"
            "(นายแพทย์วีระพงษ์ ทองดี)\nผู้อำนวยการโรงพยาบาลภูเวียง")
    menu = ("องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น ๔๐๑๕๐ | หน้าหลัก | ข้อมูลพื้นฐาน | ข่าวสาร | ITA | "
            "ติดต่อเรา\n")
    assert other_body([menu + body], agency) == "โรงพยาบาลภูเวียง สำนักงานสาธารณสุขจังหวัดขอนแก่น"
    # the agency named in the document's own body is still the agency's
    own = body + "\nเผยแพร่บนเว็บไซต์ตามที่องค์การบริหารส่วนตำบลโคกสูงร่วมกับโรงพยาบาลภูเวียงจัดทำ"
    assert other_body([menu + own], agency) is None
