"""Every year notation seen on Thai agency sites, in text and in URLs (oit_checker.text.fiscal)."""

from __future__ import annotations

import pytest

from oit_checker.text.fiscal import MentionKind, find_year_mentions, years_in_url


@pytest.mark.parametrize(("text", "kind", "years"), [
    ("ประจำปีงบประมาณ พ.ศ. 2569", MentionKind.FISCAL, (2569,)),
    ("ประจำปีงบประมาณ ๒๕๖๙", MentionKind.FISCAL, (2569,)),  # Thai digits
    ("ประจำปีงบประมาณ พ.ศ.. 2568", MentionKind.FISCAL, (2568,)),  # the พ.ศ.. typo
    ("ITA 2568", MentionKind.FISCAL, (2568,)),
    ("ต.ค.68", MentionKind.DATE, (2569,)),  # two-digit BE, October starts FY 2569
    ("รับสมัคร 18ธค66", MentionKind.DATE, (2567,)),  # glued day, month and year
    ("วันที่ 9 ธันวาคม 2567", MentionKind.DATE, (2568,)),  # December 2567 belongs to FY 2568
    ("แผนพัฒนา พ.ศ. 2566-2570", MentionKind.RANGE, (2566, 2567, 2568, 2569, 2570)),
    ("ปีงบ 67–68", MentionKind.RANGE, (2567, 2568)),
    ("ปี ๒๕๖๑ – 2564", MentionKind.RANGE, (2561, 2562, 2563, 2564)),  # Thai and Arabic digits mixed
    ("(ต.ค. 67 – ก.ย. 68)", MentionKind.RANGE, (2568,)),
])
def test_every_year_notation_seen_on_agency_sites(text: str, kind: MentionKind, years: tuple[int, ...]) -> None:
    [m] = find_year_mentions(text)
    assert (m.kind, m.fiscal_years) == (kind, years)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://x.go.th/wp-content/uploads/2023/10/Scan2023-10-16_105945.pdf",
     [(MentionKind.CE, (2567,)), (MentionKind.CE, (2567,))]),
    ("https://x.go.th/oit2023-ita2023/o25/", [(MentionKind.CE, (2566,)), (MentionKind.CE, (2566,))]),
    ("https://x.go.th/ita-2568/plan-2569.pdf", [(MentionKind.FISCAL, (2568,)), (MentionKind.BARE, (2569,))]),
    ("https://x.go.th/files/%E0%B8%87%E0%B8%A7%E0%B8%94-1-%E0%B8%95%E0%B8%B8%E0%B8%A5%E0%B8%B2%E0%B8%84%E0%B8%A1-68.pdf",
     [(MentionKind.DATE, (2569,))]),  # งวด-1-…-ตุลาคม-68.pdf
])
def test_years_in_slugs_and_file_names(url: str, expected: list[tuple[MentionKind, tuple[int, ...]]]) -> None:
    assert [(m.kind, m.fiscal_years) for m in years_in_url(url)] == expected
