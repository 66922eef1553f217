"""Manifest parsing: the issue's exact shape, many agencies, and errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.config.manifest import ManifestError, load_manifests

KNOWN = [f"O{n}" for n in range(1, 28)]

EXACT = """
[agency]
name = "องค์การบริหารส่วนตำบลตะเคียนราม"
home = "https://www.example.go.th/"
fiscal_year = 2568          # optional; --fiscal-year overrides, default from today's date

[items]
O6 = ["https://www.example.go.th/ita/o6.html"]
O7 = ["https://www.example.go.th/files/report.pdf", "https://www.example.go.th/ita/o7.html"]
O11 = []                    # listed but nothing submitted → not_submitted
"""


def write(tmp_path: Path, text: str, name: str = "agency.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_the_issue_shape_is_accepted(tmp_path: Path) -> None:
    [agency] = load_manifests([write(tmp_path, EXACT)], KNOWN)
    assert agency.name == "องค์การบริหารส่วนตำบลตะเคียนราม"
    assert agency.home == "https://www.example.go.th/" and agency.fiscal_year == 2568
    assert agency.items == {
        "O6": ("https://www.example.go.th/ita/o6.html",),
        "O7": ("https://www.example.go.th/files/report.pdf", "https://www.example.go.th/ita/o7.html"),
        "O11": (),
    }


def test_many_agencies_in_one_file_and_in_a_directory(tmp_path: Path) -> None:
    many = """
[[agency]]
name = "อบต.หนึ่ง"
home = "https://one.go.th/"
[agency.items]
O1 = ["https://one.go.th/o1"]

[[agency]]
name = "อบต.สอง"
[agency.items]
O2 = ["https://two.go.th/o2"]
"""
    d = tmp_path / "agencies"
    d.mkdir()
    write(d, many, "a.toml")
    write(d, EXACT, "b.toml")
    agencies = load_manifests([d], KNOWN)
    assert [a.name for a in agencies] == ["อบต.หนึ่ง", "อบต.สอง", "องค์การบริหารส่วนตำบลตะเคียนราม"]
    assert agencies[1].home is None and agencies[1].items == {"O2": ("https://two.go.th/o2",)}


@pytest.mark.parametrize(("text", "needle"), [
    (EXACT.replace("O11 = []", "O99 = []"), "item 'O99' is not in the rule catalogue"),
    (EXACT.replace("O11 = []", "X11 = []"), "item id 'X11' is not of the form"),
    (EXACT.replace('home = "https://www.example.go.th/"', 'home = "www.example.go.th"'), "'home' must be"),
    (EXACT.replace("fiscal_year = 2568", "fiscal_year = 2025"), "Buddhist-Era"),
    (EXACT.replace("fiscal_year = 2568", 'fiscal_yaer = 2568'), "unknown key(s) fiscal_yaer"),
    (EXACT.replace('O6 = ["https://www.example.go.th/ita/o6.html"]', "O6 = [1, 2]"), "item O6: expected a list"),
    ("[items]\nO1 = []\n", "no [agency] table"),
    ("[agency\nname = 'x'", "not valid TOML"),
])
def test_errors_name_the_file_and_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as info:
        load_manifests([path], KNOWN)
    assert str(path) in str(info.value) and needle in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="file not found"):
        load_manifests([tmp_path / "nope.toml"], KNOWN)
