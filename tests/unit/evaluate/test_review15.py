"""A fifteenth reviewer's documents (fixtures/pages/review15): aimed at the newest checks (an ITA label anywhere near a
line's start, the executives' update stamp, a report's signing day, the procurement summary's money beside its
contracts, a neighbour's longer name, one event or one unit, an ethics activity only planned, the guideline's
exclusions and the NACC, the folded-in amendment, a nil spend ending a row), each verdict written before the checker
ran. Failures must not pass (a person may look: review); good documents pass, but where the file says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review15"
K = "องค์การบริหารส่วนตำบลหนองบัว"
L = "เทศบาลตำบลบ้านดงเย็น"
M = "เทศบาลเมืองนาเจริญ"
P = "องค์การบริหารส่วนจังหวัดภูผาทอง"

# file, item, agency, status, the non-pass codes it must give (fiscal year 2569, the 2569 catalogue). At the round,
# f02, f04, f08, f09, f19, f22, f23, f25, f30, f32, f33, f34 passed and p21, p35 went to a person; p18 (the agency
# naming itself "เทศบาลตำบลดงเย็น" without "บ้าน") goes to a person, as the reviewer accepted.
CASES = [
    ("p01_o17_label_colon_good.html", "O17", K, Status.PASS, set()),
    ("f02_o17_label_midline_general.html", "O17", M, Status.REVIEW, {"component_in_label_only"}),
    ("f03_o17_kho_label_general.html", "O17", L, Status.REVIEW, {"component_in_label_only"}),
    ("f04_o18_general_stats_o17_link.html", "O18", K, Status.REVIEW, {"component_in_label_only"}),
    ("p05_o16_label_first_line.docx", "O16", K, Status.PASS, set()),
    ("f06_o16_label_first_line_general.docx", "O16", L, Status.REVIEW, {"component_in_label_only"}),
    ("p07_o2_old_population_box.html", "O2", K, Status.PASS, set()),
    ("f08_o2_stale_numeric_stamp.html", "O2", L, Status.REVIEW, {"executives_not_updated"}),
    ("f09_o2_stale_weekday_stamp.html", "O2", M, Status.REVIEW, {"executives_not_updated"}),
    ("p10_o2_recent_stamp_old_counter.html", "O2", P, Status.PASS, set()),
    ("p11_o7_fy68_cites_old_letters.html", "O7", L, Status.PASS, set()),
    ("f12_o24_fy67_under_68.html", "O24", K, Status.REVIEW, {"dates_earlier"}),
    ("f13_o14_hr_fy67_under_68.html", "O14", M, Status.REVIEW, {"dates_earlier"}),
    ("p14_o26_fy68_good.html", "O26", P, Status.PASS, set()),
    ("p15_o12_summary_vidhi_jadha.html", "O12", L, Status.PASS, set()),
    ("f16_o12_plan_by_method.html", "O12", K, Status.FAIL, {"missing_component"}),
    ("p17_o20_own_short_form.html", "O20", K, Status.PASS, set()),
    ("p18_o20_own_without_baan.html", "O20", L, Status.REVIEW, {"another_agency_document"}),
    ("f19_o20_neighbour_longer_twice.html", "O20", K, Status.REVIEW, {"peer_signed_document"}),
    ("f20_o20_neighbour_other_name.html", "O20", L, Status.REVIEW, {"peer_signed_document"}),
    ("p21_o7_pao_year_schools_sangkat.html", "O7", P, Status.PASS, set()),
    ("f22_o7_one_event_khrongkan_kijakam.html", "O7", M, Status.REVIEW, {"one_project_report"}),
    ("f23_o7_child_centre_counts.html", "O7", L, Status.REVIEW, {"one_project_report"}),
    ("p24_o15_held_participants.html", "O15", M, Status.PASS, set()),
    ("f25_o15_scheduled_only.html", "O15", K, Status.REVIEW, {"component_doubted"}),
    ("p26_o9_copy_service_good.html", "O9", L, Status.PASS, set()),
    ("f27_o9_no_papers.html", "O9", M, Status.FAIL, {"missing_component"}),
    ("f28_o5_bare_amendment.html", "O5", K, Status.REVIEW, {"partial_document"}),
    ("p29_o5_rawmlem.html", "O5", M, Status.PASS, set()),
    ("f30_o24_tracking_form.html", "O24", M, Status.FAIL, {"component_empty", "missing_component"}),
    ("p31_o22_nil_rows_good.html", "O22", K, Status.PASS, set()),
    ("f32_o16_nacc_after_phoobrihan.html", "O16", M, Status.REVIEW, {"component_doubted"}),
    ("f33_o16_exclusion_other_wording.html", "O16", L, Status.REVIEW, {"component_doubted"}),
    ("f34_o16_exclusion_with_gform.html", "O16", K, Status.REVIEW, {"component_doubted"}),
    ("p35_o16_nacc_for_mayor_far.html", "O16", P, Status.PASS, set()),
]


@pytest.mark.parametrize(("name", "item", "agency", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_fifteenth_reviewers_documents(name: str, item: str, agency: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
