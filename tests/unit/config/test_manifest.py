"""Manifest parsing: the issue's exact shape, many agencies, and errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.config.manifest import ManifestError, ManifestFiles, load_manifests

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

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
    (EXACT.replace('home = "https://www.example.go.th/"', 'home = "www.example.go.th"'),
     "'home' 'www.example.go.th' has no scheme — did you mean https://www.example.go.th?"),
    (EXACT.replace('home = "https://www.example.go.th/"', "home = 42"), "'home' must be"),
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


def test_an_unknown_item_names_the_table_it_sits_in(tmp_path: Path) -> None:
    # A single agency's items are in [items] (not [agency]); many agencies' in their [agency.items].
    with pytest.raises(ManifestError, match=r"\[items\]: item 'O42' is not in the rule catalogue"):
        load_manifests([write(tmp_path, EXACT.replace("O11 = []", "O42 = []"))], KNOWN)
    nested = '[agency]\nname = "x"\n[agency.items]\nO42 = []\n'
    with pytest.raises(ManifestError, match=r"\[agency\.items\]: item 'O42'"):
        load_manifests([write(tmp_path, nested)], KNOWN)
    many = '[[agency]]\nname = "หนึ่ง"\n[agency.items]\nO1 = []\n[[agency]]\nname = "สอง"\n[agency.items]\nO42 = []\n'
    with pytest.raises(ManifestError, match=r"\[\[agency\]\] #2 \(สอง\) \[agency\.items\]: item 'O42'"):
        load_manifests([write(tmp_path, many)], KNOWN)


def test_manifests_are_read_once_for_both_readings(tmp_path: Path) -> None:
    """A command reads the manifests before it knows the catalogue (their fiscal year picks it), then checks
    their item ids against it: the files are read once, and the second reading is the same as loading them
    with the ids, errors included."""
    d = tmp_path / "agencies"
    d.mkdir()
    write(d, EXACT, "a.toml")
    write(d, EXACT.replace("O11 = []", "O42 = []").replace("ตะเคียนราม", "สอง"), "b.toml")
    files = ManifestFiles([d])
    assert [a.name for a in files.preliminary] == ["องค์การบริหารส่วนตำบลตะเคียนราม", "องค์การบริหารส่วนตำบลสอง"]
    assert files.agencies() == files.preliminary
    for f in d.iterdir():
        f.unlink()  # nothing is read again
    with pytest.raises(ManifestError, match=r"b\.toml: \[items\]: item 'O42' is not in the rule catalogue"):
        files.agencies(KNOWN)
    assert [a.items.keys() for a in files.agencies([*KNOWN, "O42"])][1] == {"O6", "O7", "O42"}


def test_a_manifest_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "notepad.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXACT.encode("utf-8"))  # what Windows Notepad writes
    (agency,) = load_manifests([path], KNOWN)
    assert agency.name == "องค์การบริหารส่วนตำบลตะเคียนราม" and agency.fiscal_year == 2568
    assert agency.items["O6"] == ("https://www.example.go.th/ita/o6.html",)


@pytest.mark.parametrize(("url", "needle"), [
    ("www.example.go.th/ita/o6.html", "did you mean https://www.example.go.th/ita/o6.html?"),
    ("example.go.th/files/a.pdf", "did you mean https://example.go.th/files/a.pdf?"),
    ("//www.example.go.th/a", "did you mean https://www.example.go.th/a?"),
    ("ดูในเอกสารแนบ", "is not a URL"),
])
def test_a_url_without_a_scheme_is_caught_at_load(tmp_path: Path, url: str, needle: str) -> None:
    text = EXACT.replace('O6 = ["https://www.example.go.th/ita/o6.html"]', f'O6 = ["{url}"]')
    with pytest.raises(ManifestError) as info:
        load_manifests([write(tmp_path, text)], KNOWN)
    assert "[items]: item O6" in str(info.value) and needle in str(info.value)


def test_urls_with_a_scheme_load_as_written(tmp_path: Path) -> None:
    # A wrong scheme is the evaluator's to report (bad_scheme), with the rest of the run going on.
    text = EXACT.replace('O6 = ["https://www.example.go.th/ita/o6.html"]', 'O6 = ["ftp://x.go.th/a", "http://x.go.th:8080/b"]')
    (agency,) = load_manifests([write(tmp_path, text)], KNOWN)
    assert agency.items["O6"] == ("ftp://x.go.th/a", "http://x.go.th:8080/b")


def test_an_unclosed_bracket_is_reported_on_the_line_that_opened_it(tmp_path: Path) -> None:
    text = '[agency]\nname = "x"\n[items]\nO6 = ["https://x.go.th/a"\nO7 = []\n'
    with pytest.raises(ManifestError) as info:
        load_manifests([write(tmp_path, text)], KNOWN)
    assert "opened on line 4 is never closed" in str(info.value)
    assert 'the line reads: O6 = ["https://x.go.th/a"' in str(info.value)
    trailing = '[agency]\nname = "x"\n[items]\nO6 = ["https://x.go.th/a",\n\nO7 = []\n'
    with pytest.raises(ManifestError, match="opened on line 4"):
        load_manifests([write(tmp_path, trailing)], KNOWN)
    # A bracket inside a string or a comment is not an opening one.
    quoted = '[agency]\nname = "x [y"  # [z\n[items]\nO6 = ["https://x.go.th/a"\nO7 = []\n'
    with pytest.raises(ManifestError, match="opened on line 4"):
        load_manifests([write(tmp_path, quoted)], KNOWN)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="file not found"):
        load_manifests([tmp_path / "nope.toml"], KNOWN)
