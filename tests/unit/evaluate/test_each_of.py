"""`Component.each_of`: the executives' contact (2568/2569 O2) is wanted for each executive. One phone number
under three or more executives is the office's line (`one_for_all`, review); each one's own number, or a small
team's one line, is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.catalogue.rules import CatalogueError, catalogue_path_for, load_catalogue
from oit_checker.model import Finding, Status
from tests.support.evaluate import finding_from_html

URL = "https://www.nongbua.go.th/executives.html"
PEOPLE = [("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลหนองบัว"),
          ("นางสาวมาลี ศรีสุข", "รองนายกองค์การบริหารส่วนตำบลหนองบัว"),
          ("นายประเสริฐ ทองดี", "รองนายกองค์การบริหารส่วนตำบลหนองบัว"),
          ("นายวีระ คำมี", "เลขานุการนายกองค์การบริหารส่วนตำบลหนองบัว")]


def _finding(people: list[tuple[str, str]], phones: list[str], office: str = "", year: int = 2568) -> Finding:
    cards = "".join(f"<div><p><b>{n}</b><br>{p}</p>{f'<p>โทร. {t}</p>' if t else ''}</div>"
                    for (n, p), t in zip(people, phones, strict=True))
    html = f"<html><body><main><h1>คณะผู้บริหาร</h1>{cards}{office}</main></body></html>"
    return finding_from_html("O2", html, URL, year)


@pytest.mark.parametrize("year", [2568, 2569])
def test_one_office_line_under_four_executives_is_for_a_person_to_look_at(year: int) -> None:
    f = _finding(PEOPLE, ["", "", "", ""], "<p>ติดต่อสำนักปลัด โทร. 0 4224 5678 ต่อ 101</p>", year)
    [one] = [r for r in f.reasons if r.code == "one_for_all"]
    assert f.status is Status.REVIEW and one.detail["n"] == 4 and one.detail["values"] == 1
    assert "0 4224 5678" in one.evidence[0].snippet


def test_each_executives_own_number_passes() -> None:
    f = _finding(PEOPLE, ["08 1234 5671", "08 1234 5672", "08 1234 5673", "08 1234 5674"])
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]


def test_two_executives_sharing_a_line_are_no_list_to_doubt() -> None:
    f = _finding(PEOPLE[:2], ["0 4224 5678", ""])
    assert "one_for_all" not in {r.code for r in f.reasons} and f.status is Status.PASS


def test_the_offices_phone_fax_and_e_mail_under_four_executives_are_still_the_offices() -> None:
    office = "<p>ติดต่อสำนักปลัด โทรศัพท์ 0 4224 5678 โทรสาร 0 4224 5679 อีเมล saraban@nongbua.go.th</p>"
    f = _finding(PEOPLE, ["", "", "", ""], office)
    [one] = [r for r in f.reasons if r.code == "one_for_all"]
    assert one.detail["values"] == 2  # the phone and the e-mail; a fax reaches nobody


def test_one_line_with_each_executives_own_extension_passes() -> None:
    f = _finding(PEOPLE, ["0 4224 5678 ต่อ 101", "0 4224 5678 ต่อ 102", "0 4224 5678 ต่อ 103", "0 4224 5678 ต่อ 104"])
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]


def test_a_name_quoted_again_in_a_caption_is_one_person() -> None:
    caption = "<p>ภาพ: นาย สมชาย ใจดีนายกองค์การบริหารส่วนตำบลหนองบัว และนางสาวมาลี ศรีสุข</p>"
    f = _finding(PEOPLE[:2], ["0 4224 5678", ""], caption)
    assert "one_for_all" not in {r.code for r in f.reasons} and f.status is Status.PASS


def test_each_of_must_name_another_component(tmp_path: Path) -> None:
    path = tmp_path / "wg.toml"
    path.write_text('[[items]]\nid = "O2"\n[[items.components]]\nid = "contact"\neach_of = "nobody"\n',
                    encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(catalogue_path_for(2568), [path])
    assert "components[contact].each_of" in str(info.value) and "'nobody'" in str(info.value)
