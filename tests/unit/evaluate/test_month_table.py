"""A statistics table laid out by month (evaluate/monthtable.py, review73): months to come filled with counts, and a
year's table that leaves months out."""

from __future__ import annotations

from datetime import date

from oit_checker.evaluate.empty import masked_contacts
from oit_checker.evaluate.monthtable import future_filled, months_left_out

HEADER = ("งานบริการ | ต.ค. ๖๗ | พ.ย. ๖๗ | ธ.ค. ๖๗ | ม.ค. ๖๘ | ก.พ. ๖๘ | มี.ค. ๖๘ | เม.ย. ๖๘ | พ.ค. ๖๘ | มิ.ย. ๖๘ "
          "| ก.ค. ๖๘ | รวม")


def test_counts_for_months_to_come() -> None:
    # review73 a04: "มิ.ย. ๖๘", "ก.ค. ๖๘" counted on 15 May 2025 (May itself is under way)
    page = HEADER + "\nลงทะเบียนผู้สูงอายุและผู้พิการ | 18 | 14 | 11 | 9 | 10 | 12 | 15 | 13 | 16 | 17 | 135"
    assert [c.month for c in future_filled([page], date(2025, 5, 15))] == [date(2025, 6, 1), date(2025, 7, 1)]
    # the months to come left empty, "-" or 0: a form printed for the year
    for cells in (" | ", "- | -", "0 | 0"):
        page = HEADER + f"\nลงทะเบียนผู้สูงอายุและผู้พิการ | 18 | 14 | 11 | 9 | 10 | 12 | 15 | 13 | {cells} | 102"
        assert future_filled([page], date(2025, 5, 15)) == []


def test_a_years_table_that_leaves_months_out() -> None:
    # review73 b02: FY2567 by month, April to September only
    rows = ["เดือน | จำนวนเรื่องร้องเรียนการทุจริต (เรื่อง) | ดำเนินการแล้วเสร็จ | อยู่ระหว่างดำเนินการ"]
    rows += [f"{m} ๒๕๖๗ | ๐ | ๐ | ๐" for m in ("เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน")]
    short = months_left_out(["\n".join(rows)], 2567)
    assert short is not None and short[1][0] == date(2023, 10, 1) and len(short[1]) == 6
    full = rows[:1] + [f"{m} ๒๕๖๖ | ๐ | ๐ | ๐" for m in ("ตุลาคม", "พฤศจิกายน", "ธันวาคม")] + \
        [f"{m} ๒๕๖๗ | ๐ | ๐ | ๐" for m in ("มกราคม", "กุมภาพันธ์", "มีนาคม")] + rows[1:]
    assert months_left_out(["\n".join(full)], 2567) is None
    # another year's months: not this year's table
    assert months_left_out(["\n".join(rows)], 2568) is None


def test_contacts_masked_as_filler() -> None:
    # review73 c06
    page = "โทรศัพท์ ๐๔๓-xxx-xxxx\nอีเมล xxxxxxx@xxxx.go.th\nเว็บไซต์ www.xxxxxxxx.go.th เมนู \"ร้องเรียนการทุจริต\""
    assert masked_contacts([page]) == ["๐๔๓-xxx-xxxx", "xxxxxxx@xxxx.go.th", "www.xxxxxxxx"]
    # real contacts, Latin words with x in them, a complainant's telephone hidden alone
    assert masked_contacts(["Fax 043-241-234 อีเมล saraban@khoksung.go.th ศตวรรษที่ XXI ไฟล์ Excel"]) == []
    assert masked_contacts(["ผู้ร้อง นาย ก. โทร 08x-xxx-xxxx", "ผู้ร้อง นาง ข. โทร 081-xxx-xxxx"]) == []
