"""Years, dates and fiscal years (oit_checker.text.fiscal). Every date is fixed: nothing reads the clock."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from urllib.parse import quote, unquote

import pytest

from oit_checker.text.fiscal import (
    BE_OFFSET,
    THAI_MONTHS,
    MentionKind,
    YearMention,
    be_to_ce,
    ce_to_be,
    current_fiscal_year,
    default_fiscal_year_from,
    display,
    find_year_mentions,
    first_half_bounds,
    fiscal_year_bounds,
    fiscal_year_of,
    years_in_url,
)
from tests.support.corpus import known
from tests.support.paths import ROOT

F, D, R, B, C = MentionKind.FISCAL, MentionKind.DATE, MentionKind.RANGE, MentionKind.BARE, MentionKind.CE
CORPUS = ROOT / "fixtures" / "corpus"


KT = known

Row = tuple[MentionKind, tuple[int, ...], str, date | None]


def _rows(mentions: list[YearMention]) -> list[Row]:
    return [(m.kind, m.fiscal_years, m.text, m.date) for m in mentions]


# ---------------------------------------------------------------- calendar arithmetic


def test_era_conversion() -> None:
    assert BE_OFFSET == 543
    assert be_to_ce(2569) == 2026
    assert ce_to_be(2025) == 2568
    assert all(be_to_ce(ce_to_be(y)) == y for y in range(1990, 2100))


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2025, 9, 30), 2568),  # the last day of FY 2568
        (date(2025, 10, 1), 2569),  # 1 October opens the next fiscal year
        (date(2025, 12, 31), 2569),
        (date(2026, 1, 1), 2569),
        (date(2026, 3, 31), 2569),
        (date(2026, 9, 30), 2569),
        (date(2026, 10, 1), 2570),
        (date(2024, 2, 29), 2567),  # leap day
        (date(2024, 12, 9), 2568),  # 9 ธันวาคม 2567 belongs to FY 2568
        (date(2000, 1, 1), 2543),
    ],
)
def test_fiscal_year_of(day: date, fy: int) -> None:
    assert fiscal_year_of(day) == fy
    assert current_fiscal_year(day) == fy
    assert default_fiscal_year_from(day) == fy


@pytest.mark.parametrize(
    ("fy", "bounds", "half"),
    [
        (2569, (date(2025, 10, 1), date(2026, 9, 30)), (date(2025, 10, 1), date(2026, 3, 31))),
        (2568, (date(2024, 10, 1), date(2025, 9, 30)), (date(2024, 10, 1), date(2025, 3, 31))),
        (2567, (date(2023, 10, 1), date(2024, 9, 30)), (date(2023, 10, 1), date(2024, 3, 31))),
    ],
)
def test_bounds(fy: int, bounds: tuple[date, date], half: tuple[date, date]) -> None:
    assert fiscal_year_bounds(fy) == bounds
    assert first_half_bounds(fy) == half


@pytest.mark.parametrize("fy", range(2550, 2600))
def test_bounds_agree_with_fiscal_year_of(fy: int) -> None:
    first, last = fiscal_year_bounds(fy)
    assert fiscal_year_of(first) == fy == fiscal_year_of(last)
    assert fiscal_year_of(first - timedelta(days=1)) == fy - 1
    assert fiscal_year_of(last + timedelta(days=1)) == fy + 1
    h_first, h_last = first_half_bounds(fy)
    assert h_first == first and h_last < last and fiscal_year_of(h_last) == fy
    assert (h_last + timedelta(days=1)).month == 4


# ---------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("มกราคม", 1), ("ม.ค.", 1), ("ม.ค", 1), ("มค", 1), ("มค.", 1), ("ม. ค.", 1),
        ("กุมภาพันธ์", 2), ("กุมภาพันธ", 2), ("กุมภาพันธุ์", 2), ("ก.พ.", 2), ("กพ", 2),
        ("มีนาคม", 3), ("มี.ค.", 3), ("มีค", 3),
        ("เมษายน", 4), ("เม.ย.", 4), ("เมย", 4),
        ("พฤษภาคม", 5), ("พฤศภาคม", 5), ("พ.ค.", 5), ("พค", 5),
        ("มิถุนายน", 6), ("มิ.ย.", 6), ("มิย", 6),
        ("กรกฎาคม", 7), ("กรกฏาคม", 7), ("ก.ค.", 7), ("กค", 7),
        ("สิงหาคม", 8), ("ส.ค.", 8), ("สค", 8),
        ("กันยายน", 9), ("ก.ย.", 9), ("กย", 9),
        ("ตุลาคม", 10), ("ต.ค.", 10), ("ต.ค", 10), ("ตค", 10), ("ตุลา", 10),
        ("พฤศจิกายน", 11), ("พฤษจิกายน", 11), ("พ.ย.", 11), ("พย", 11),
        ("ธันวาคม", 12), ("ธ.ค.", 12), ("ธค", 12), ("ธันวา", 12),
    ],
)  # fmt: skip
def test_thai_months(name: str, month: int) -> None:
    assert THAI_MONTHS[name] == month


def test_every_month_has_full_and_abbreviated_forms() -> None:
    assert set(THAI_MONTHS.values()) == set(range(1, 13))
    for n in range(1, 13):
        forms = [k for k, v in THAI_MONTHS.items() if v == n]
        assert any(len(f) > 5 for f in forms) and any("." in f for f in forms) and len(forms) >= 8


# ---------------------------------------------------------------- year mentions: one form each


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fiscal-year wording
        ("ปีงบประมาณ พ.ศ. 2569", [(F, (2569,), "ปีงบประมาณ พ.ศ. 2569", None)]),
        ("ปีงบประมาณ พ.ศ.2567", [(F, (2567,), "ปีงบประมาณ พ.ศ.2567", None)]),
        ("ประจำปีงบประมาณ 2567", [(F, (2567,), "ประจำปีงบประมาณ 2567", None)]),
        ("ประจำปีงบประมาณ พ.ศ. 2568", [(F, (2568,), "ประจำปีงบประมาณ พ.ศ. 2568", None)]),
        ("ปีงบ 68", [(F, (2568,), "ปีงบ 68", None)]),
        ("ปีงบฯ 2568", [(F, (2568,), "ปีงบฯ 2568", None)]),
        ("ปีงบประมาณ ๒๕๖๘", [(F, (2568,), "ปีงบประมาณ 2568", None)]),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๘", [(F, (2568,), "ปีงบประมาณ พ.ศ. 2568", None)]),
        ("ปีงบประมาณ ๒๕68", [(F, (2568,), "ปีงบประมาณ 2568", None)]),  # Thai and Arabic digits mixed
        ("ประจำปี พ.ศ. 2567", [(F, (2567,), "ประจำปี พ.ศ. 2567", None)]),
        ("ประจำปี 2566", [(F, (2566,), "ประจำปี 2566", None)]),
        ("ITA ปี พ.ศ.2567", [(F, (2567,), "ITA ปี พ.ศ.2567", None)]),
        ("ผลการประเมิน ITA 2568", [(F, (2568,), "ITA 2568", None)]),
        ("OIT2569", [(F, (2569,), "OIT2569", None)]),
        ("ปี พ.ศ. 2567", [(F, (2567,), "ปี พ.ศ. 2567", None)]),
        ("ในปี พ.ศ. 2567", [(F, (2567,), "ปี พ.ศ. 2567", None)]),
        ("งบประมาณปี 2568", [(F, (2568,), "งบประมาณปี 2568", None)]),
        ("ปีงบประมาน 2568", [(F, (2568,), "ปีงบประมาน 2568", None)]),  # misspelt ณ
        ("ปีงบ\nประมาณ 2568", [(F, (2568,), "ปีงบ ประมาณ 2568", None)]),  # wrapped inside the word
        ("ปีงบประมาณ\nพ.ศ.\n๒๕๖๙", [(F, (2569,), "ปีงบประมาณ พ.ศ. 2569", None)]),
        ("ประจำ\r\nปี งบประมาณ พ.ศ. ๒๕๖๙", [(F, (2569,), "ประจำ ปี งบประมาณ พ.ศ. 2569", None)]),  # a3
        # a year split by a justified line, after fiscal wording or พ.ศ. only (review52 a05, l02)
        ("ประจำปีงบประมาณ พ.ศ. 25 69", [(F, (2569,), "ประจำปีงบประมาณ พ.ศ. 25 69", None)]),
        ("ปีงบประมาณ ๒๕ ๖๗", [(F, (2567,), "ปีงบประมาณ 25 67", None)]),
        ("ประกาศ ณ พ.ศ. 25 68", [(B, (2568,), "พ.ศ. 25 68", None)]),
        ("ปี 25 69", []),
        ("ปีงบประมาณ 25 69 บาท", []),
        # พ.ศ. alone is a year, not fiscal wording
        ("พ.ศ. 2568", [(B, (2568,), "พ.ศ. 2568", None)]),
        ("พ.ศ.. 2568", [(B, (2568,), "พ.ศ.. 2568", None)]),  # typo seen at RTRDA
        ("พ.ศ.2568", [(B, (2568,), "พ.ศ.2568", None)]),
        ("พศ 2568", [(B, (2568,), "พศ 2568", None)]),
        ("พ.ศ. 68", [(B, (2568,), "พ.ศ. 68", None)]),
        # bare BE years
        ("รายงานปี 2568 รายงานผล", [(B, (2568,), "2568", None)]),
        ("คำสั่งที่ 123/2567", [(B, (2567,), "2567", None)]),
        ("2566,2567", [(B, (2566,), "2566", None), (B, (2567,), "2567", None)]),
        ("ปี ๒๕๖๑", [(B, (2561,), "2561", None)]),
        ("ปีการศึกษา 2567", [(B, (2567,), "2567", None)]),
        ("ประกาศ2567", [(B, (2567,), "2567", None)]),
        ("ปี 2400 และ 2699", [(B, (2400,), "2400", None), (B, (2699,), "2699", None)]),
    ],
)
def test_fiscal_and_bare_forms(text: str, expected: list[Row]) -> None:
    assert _rows(find_year_mentions(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day + month + BE year → a concrete date; October–December belong to the next FY
        ("๑ ตุลาคม ๒๕๖๘", [(D, (2569,), "1 ตุลาคม 2568", date(2025, 10, 1))]),
        ("30 กันยายน 2568", [(D, (2568,), "30 กันยายน 2568", date(2025, 9, 30))]),
        ("ประกาศ ณ วันที่ ๓๑ ธันวาคม ๒๕๖๗", [(D, (2568,), "วันที่ 31 ธันวาคม 2567", date(2024, 12, 31))]),
        ("๑๕ มกราคม ๒๕๖๗", [(D, (2567,), "15 มกราคม 2567", date(2024, 1, 15))]),
        ("วันพฤหัสบดีที่ 9 ธันวาคม 2567", [(D, (2568,), "9 ธันวาคม 2567", date(2024, 12, 9))]),
        ("1 ตุลาคม พ.ศ. 2568", [(D, (2569,), "1 ตุลาคม พ.ศ. 2568", date(2025, 10, 1))]),
        # month + year only: the 1st of the month
        ("ตุลาคม 68", [(D, (2569,), "ตุลาคม 68", date(2025, 10, 1))]),
        ("เดือนกันยายน 2568", [(D, (2568,), "กันยายน 2568", date(2025, 9, 1))]),
        ("ต.ค.68", [(D, (2569,), "ต.ค.68", date(2025, 10, 1))]),
        ("ต.ค. ๖๘", [(D, (2569,), "ต.ค. 68", date(2025, 10, 1))]),
        ("ธ.ค. 2567", [(D, (2568,), "ธ.ค. 2567", date(2024, 12, 1))]),
        ("มค 68", [(D, (2568,), "มค 68", date(2025, 1, 1))]),
        ("ก.พ. 2568", [(D, (2568,), "ก.พ. 2568", date(2025, 2, 1))]),
        ("กรกฏาคม 2567", [(D, (2567,), "กรกฏาคม 2567", date(2024, 7, 1))]),  # misspelt ฏ
        # 2-digit BE glued to the month
        ("18ธค66", [(D, (2567,), "18ธค66", date(2023, 12, 18))]),
        ("๑ ต.ค. ๖๘", [(D, (2569,), "1 ต.ค. 68", date(2025, 10, 1))]),
        ("5 มี.ค.67", [(D, (2567,), "5 มี.ค.67", date(2024, 3, 5))]),
        # an impossible day is left out; the month still dates the text
        ("วันที่ 31 กันยายน 2568", [(D, (2568,), "กันยายน 2568", date(2025, 9, 1))]),
        # numeric dates
        ("ข้อมูล ณ วันที่ 30/09/2568", [(D, (2568,), "30/09/2568", date(2025, 9, 30))]),
        ("1/10/67", [(D, (2568,), "1/10/67", date(2024, 10, 1))]),
        ("๔.๓.๒๕๖๗", [(D, (2567,), "4.3.2567", date(2024, 3, 4))]),
        ("2569/10/01", [(D, (2570,), "2569/10/01", date(2026, 10, 1))]),
    ],
)
def test_date_forms(text: str, expected: list[Row]) -> None:
    assert _rows(find_year_mentions(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2566-2570", [(R, (2566, 2567, 2568, 2569, 2570), "2566-2570", None)]),
        ("2566 – 2570", [(R, (2566, 2567, 2568, 2569, 2570), "2566 – 2570", None)]),
        ("(พ.ศ. 2561 – 2564)", [(R, (2561, 2562, 2563, 2564), "พ.ศ. 2561 – 2564", None)]),
        ("แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570", [(R, (2566, 2567, 2568, 2569, 2570), "พ.ศ. 2566-2570", None)]),
        ("พ.ศ. 2566-70", [(R, (2566, 2567, 2568, 2569, 2570), "พ.ศ. 2566-70", None)]),
        ("ปีงบ 67–68", [(R, (2567, 2568), "ปีงบ 67–68", None)]),
        ("ปีงบประมาณ 67-68", [(R, (2567, 2568), "ปีงบประมาณ 67-68", None)]),
        (
            "ปีงบประมาณ พ.ศ. 2566 ถึง พ.ศ. 2570",
            [(R, (2566, 2567, 2568, 2569, 2570), "ปีงบประมาณ พ.ศ. 2566 ถึง พ.ศ. 2570", None)],
        ),
        ("ปีงบประมาณ 2568 ถึง 2569", [(R, (2568, 2569), "ปีงบประมาณ 2568 ถึง 2569", None)]),
        ("ปี 2566 - 2570", [(R, (2566, 2567, 2568, 2569, 2570), "ปี 2566 - 2570", None)]),
        ("ประจำปี 2566-2567", [(R, (2566, 2567), "ประจำปี 2566-2567", None)]),
        ("ยุทธศาสตร์ชาติ 2561-2580", [(R, tuple(range(2561, 2581)), "2561-2580", None)]),
        # month ranges: every fiscal year they touch
        ("(ต.ค. 67 – ก.ย. 68)", [(R, (2568,), "ต.ค. 67 – ก.ย. 68", None)]),
        ("ไตรมาส 1 (ต.ค. 67 - ธ.ค. 67)", [(R, (2568,), "ต.ค. 67 - ธ.ค. 67", None)]),
        ("ตุลาคม ๒๕๖๘ – กันยายน ๒๕๖๙", [(R, (2569,), "ตุลาคม 2568 – กันยายน 2569", None)]),
        ("๑ ต.ค. ๖๘ - ๓๐ ก.ย. ๖๙", [(R, (2569,), "1 ต.ค. 68 - 30 ก.ย. 69", None)]),
        ("ต.ค. - ธ.ค. 67", [(R, (2568,), "ต.ค. - ธ.ค. 67", None)]),  # the first month borrows the year
        ("ต.ค. - ก.ย. 68", [(R, (2568,), "ต.ค. - ก.ย. 68", None)]),  # … one earlier across January
        ("มกราคม 2567 ถึง ธันวาคม 2568", [(R, (2567, 2568, 2569), "มกราคม 2567 ถึง ธันวาคม 2568", None)]),
        ("1/10/2567 - 30/9/2568", [(R, (2568,), "1/10/2567 - 30/9/2568", None)]),
        # a hyphen look-alike (Word's non-breaking hyphen U+2011, the minus sign) is a dash (review52 h02)
        ("ต.ค. ๖๗\u2011ก.ย. ๖๘", [(R, (2568,), "ต.ค. 67-ก.ย. 68", None)]),
        ("พ.ศ. 2566\u22122570", [(R, (2566, 2567, 2568, 2569, 2570), "พ.ศ. 2566-2570", None)]),
    ],
)
def test_range_forms(text: str, expected: list[Row]) -> None:
    assert _rows(find_year_mentions(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scan2023-10-16", [(C, (2567,), "2023-10-16", date(2023, 10, 16))]),
        ("oit2023-ita2023", [(C, (2566,), "oit2023", None), (C, (2566,), "ita2023", None)]),
        ("ค.ศ. 2026", [(C, (2569,), "ค.ศ. 2026", None)]),
        ("ในปี 2026", [(C, (2569,), "ปี 2026", None)]),
        ("ปีงบประมาณ 2026", [(C, (2569,), "ปีงบประมาณ 2026", None)]),  # fiscal wording, CE year
        ("October 2025", [(C, (2569,), "October 2025", None)]),
        ("15 Oct 2025", [(C, (2569,), "15 Oct 2025", date(2025, 10, 15))]),
        ("Sep 30, 2025", [(C, (2568,), "Sep 30, 2025", date(2025, 9, 30))]),
        ("2023-10-16", [(C, (2567,), "2023-10-16", date(2023, 10, 16))]),
        ("16/10/2023", [(C, (2567,), "16/10/2023", date(2023, 10, 16))]),
        ("ตุลาคม 2025", [(C, (2569,), "ตุลาคม 2025", None)]),
        ("Scan20231016", [(C, (2567,), "20231016", date(2023, 10, 16))]),
        (
            "ดู https://x.go.th/wp-content/uploads/2023/10/a.pdf ครับ",
            [(C, (2567,), "2023/10", None)],
        ),
    ],
)
def test_ce_forms(text: str, expected: list[Row]) -> None:
    assert _rows(find_year_mentions(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "จำนวน 2,569 บาท",
        "25,690",
        "2,500",
        "2,569,000 บาท",
        "2569,000",
        "งบประมาณ 2500 บาท",
        "2560 คน",
        "2,450.50",
        "2569.50",
        "1.2567",
        "25671",
        "125690",
        "โทร 02-141-2567",
        "โทร. 043-256-789",
        "โทรศัพท์ 0 2141 2567",
        "081-234-2567",
        "+66 2 141 2567",
        "เลขที่ 2567",
        "ISO 9001:2015",
        "ปี 68",  # a two-digit year needs a month, ปีงบ or พ.ศ.
        "ประจำปี 68",
        "68",
        "อายุ 25 ปี 67-68",
        "2026",  # a CE year outside a date or a URL is an amount
        "จำนวน 2023 ราย",
        "20231016",  # an 8-digit number in prose
        "2023.10",
        "ไตรมาสที่ 1-4",
        "รอบ ๖ เดือน",
        "ต.ค. 15",  # below the two-digit floor
        "ก.ค.ศ.",
        "1-4",
        "",
    ],
)
def test_not_years(text: str) -> None:
    assert find_year_mentions(text) == []


def test_a_phone_number_next_to_a_year_hides_only_itself() -> None:
    rows = _rows(find_year_mentions("ปีงบประมาณ 2568 โทร 0 4325 2567"))
    assert rows == [(F, (2568,), "ปีงบประมาณ 2568", None)]


def test_a_unit_named_after_the_year_is_no_quantity() -> None:
    """"หน่วย" after a number is a quantity ("2568 หน่วย"), but not the name of a body on the next line: the title
    "…ภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๘" over "หน่วยตรวจสอบภายในรวบรวมผล…" (review64 g27)."""
    rows = _rows(find_year_mentions("ภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๘\nหน่วยตรวจสอบภายในรวบรวมผลการดำเนินการ"))
    assert rows == [(F, (2568,), "ประจำปีงบประมาณ 2568", None)]
    assert _rows(find_year_mentions("ปีงบประมาณ 2568 หน่วยบริการ")) == [(F, (2568,), "ปีงบประมาณ 2568", None)]
    assert find_year_mentions("ใช้ไฟฟ้า 2568 หน่วย") == []


def test_the_teachers_commission_is_not_july() -> None:
    assert _rows(find_year_mentions("ก.ค.ศ. 2567")) == [(B, (2567,), "2567", None)]


def test_a_fiscal_year_and_a_period_side_by_side() -> None:
    rows = _rows(find_year_mentions("ปีงบประมาณ 2569 (1 ต.ค. 68 – 30 ก.ย. 69)"))
    assert rows == [
        (F, (2569,), "ปีงบประมาณ 2569", None),
        (R, (2569,), "1 ต.ค. 68 – 30 ก.ย. 69", None),
    ]


def test_a_dated_event_and_its_fiscal_year() -> None:
    text = "วันพฤหัสบดีที่ 9 ธันวาคม 2567 … ประจำปีงบประมาณ พ.ศ. 2568"
    rows = _rows(find_year_mentions(text))
    assert rows == [
        (D, (2568,), "9 ธันวาคม 2567", date(2024, 12, 9)),
        (F, (2568,), "ประจำปีงบประมาณ พ.ศ. 2568", None),
    ]


def test_thai_and_arabic_digits_in_one_table() -> None:
    rows = _rows(find_year_mentions("ปี ๒๕๖๑ … ปี ๒๕๖๔ | 2561 – 2564"))
    assert rows == [
        (B, (2561,), "2561", None),
        (B, (2564,), "2564", None),
        (R, (2561, 2562, 2563, 2564), "2561 – 2564", None),
    ]


def test_the_known_content() -> None:
    text = "\n".join(
        [KT.TITLE, KT.SUBTITLE, KT.DATE_LINE, *KT.PARAS, *(" | ".join(r) for r in KT.TABLE_ROWS), *KT.SIGN]
    )
    assert _rows(find_year_mentions(text)) == [
        (F, (2569,), "ประจำปีงบประมาณ พ.ศ. 2569", None),
        (D, (2569,), "วันที่ 1 ตุลาคม 2568", date(2025, 10, 1)),
        (F, (2569,), "ประจำปีงบประมาณ พ.ศ. 2569", None),
        (R, (2569,), "ตุลาคม 2568 – กันยายน 2569", None),
        (R, (2569,), "1 ต.ค. 68 - 30 ก.ย. 69", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join([KT.TITLE, KT.DATE_LINE, *KT.PARAS]),
        "  ปีงบ\nประมาณ\u200b พ.ศ. ๒๕๖๙ (๑ ต.ค. ๖๘ – ๓๐ ก.ย. ๖๙)\n\nhttps://x.go.th/2023/10/Scan2023-10-16.pdf",
    ],
)
def test_positions_index_the_display_text(text: str) -> None:
    shown = display(text)
    mentions = find_year_mentions(text)
    assert mentions
    for m in mentions:
        assert shown[m.start : m.end] == m.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_mentions_are_frozen() -> None:
    m = find_year_mentions("ปีงบ 68")[0]
    with pytest.raises(AttributeError):
        m.kind = MentionKind.BARE  # type: ignore[misc]
    assert str(MentionKind.RANGE) == "range" and str(MentionKind.CE) == "ce"


# ---------------------------------------------------------------- URLs

_TH_OCT_68 = quote("ประกาศ-ตุลาคม-68.pdf")  # upper-case percent-encoding, as the Docs viewer writes it


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.go.th/ita-2568/", [(F, (2568,), "ita-2568", None)]),
        ("https://x.go.th/ita-online-2568/o1", [(F, (2568,), "ita-online-2568", None)]),
        ("https://x.go.th/2567/", [(B, (2567,), "2567", None)]),
        ("https://x.go.th/files/o24-2569.pdf", [(B, (2569,), "2569", None)]),
        ("https://x.go.th/files/" + _TH_OCT_68, [(D, (2569,), "ตุลาคม-68", date(2025, 10, 1))]),
        ("https://x.go.th/files/ประกาศ-ตุลาคม-68.pdf", [(D, (2569,), "ตุลาคม-68", date(2025, 10, 1))]),
        (
            "https://x.go.th/files/%e0%b8%9b%e0%b8%b5-%e0%b9%92%e0%b9%95%e0%b9%96%e0%b9%98.pdf",
            [(B, (2568,), "๒๕๖๘", None)],  # Thai digits in a URL: the text is the decoded URL's
        ),
        ("https://x.go.th/wp-content/uploads/2023/10/report.pdf", [(C, (2567,), "2023/10", None)]),
        ("https://x.go.th/wp-content/uploads/2025/11/a.pdf", [(C, (2569,), "2025/11", None)]),
        (
            "https://x.go.th/wp-content/uploads/2023/10/Scan2023-10-16.pdf",
            [(C, (2567,), "2023/10", None), (C, (2567,), "2023-10-16", date(2023, 10, 16))],
        ),
        ("http://s.ac.th/oit2023-ita2023/", [(C, (2566,), "oit2023", None), (C, (2566,), "ita2023", None)]),
        ("https://x.go.th/vendor/4.3.2567/a.pdf", [(D, (2567,), "4.3.2567", date(2024, 3, 4))]),
        ("https://x.go.th/uploads/2567/10/a.pdf", [(D, (2568,), "2567/10", date(2024, 10, 1))]),
        ("https://x.go.th/doc/25671001.pdf", [(D, (2568,), "25671001", date(2024, 10, 1))]),
        ("https://x.go.th/files/report-2026.pdf", [(C, (2569,), "2026", None)]),
        # the year folder of a reused WordPress install, and the slug's year, both reported
        ("https://x.go.th/2567/ita-2569/", [(B, (2567,), "2567", None), (F, (2569,), "ita-2569", None)]),
        # a viewer's path-like query value is read; numeric ids are not
        (
            "https://docs.google.com/viewer?url=https%3A%2F%2Fx.go.th%2F2567%2Fa.pdf&embedded=true",
            [(B, (2567,), "2567", None)],
        ),
        ("https://x.go.th/?p=2567", []),
        ("https://x.go.th/index.php?page_id=2566&lang=th", []),
        # neither the host nor camera counters nor image sizes are years
        ("https://ita2568.example.go.th/a.pdf", []),
        ("https://x.go.th/images/IMG_2045.jpg", []),
        ("https://x.go.th/images/DSC2031.JPG", []),
        ("https://x.go.th/images/banner-2048x1536.png", []),
        ("https://x.go.th/node/12567", []),
        ("https://x.go.th/", []),
        ("", []),
    ],
)
def test_years_in_url(url: str, expected: list[Row]) -> None:
    assert _rows(years_in_url(url)) == expected


def test_url_positions_index_the_decoded_url() -> None:
    url = "https://x.go.th/%E0%B8%9B%E0%B8%B5/2567/" + _TH_OCT_68
    decoded = unquote(url)
    mentions = years_in_url(url)
    assert [m.text for m in mentions] == ["2567", "ตุลาคม-68"]
    for m in mentions:
        assert decoded[m.start : m.end] == m.text
