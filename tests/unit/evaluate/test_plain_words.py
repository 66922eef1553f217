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


@pytest.mark.parametrize(("item", "year", "names"), GOOD, ids=[f"{g[0]}-{g[2][0]}" for g in GOOD])
def test_good_documents_with_blank_forms_memos_and_dashes_pass(item: str, year: int, names: tuple[str, ...]) -> None:
    f = finding_from_files(item, [PAGES / n for n in names], year, agency=AGENCY)
    assert f.status is Status.PASS, [(r.code, r.detail) for r in f.reasons if r.severity is not Status.PASS]
