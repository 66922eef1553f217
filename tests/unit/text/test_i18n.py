"""The one catalogue of user-facing strings is complete in both languages, and the code asks only for
entries that exist."""

from __future__ import annotations

import ast
import re

import pytest

from oit_checker.text import i18n
from tests.support.paths import ROOT

PACKAGE = ROOT / "oit_checker"


def test_every_entry_has_thai_and_english_with_the_same_placeholders() -> None:
    problems = []
    for key, entry in i18n.catalogue().items():
        for lang in i18n.LANGS:
            if not entry.get(lang, "").strip():
                problems.append(f"{key}: no {lang}")
        th = i18n.placeholders(entry.get("th", ""))
        for variant in ("en", "en_one"):
            if variant in entry and i18n.placeholders(entry[variant]) != th:
                problems.append(f"{key}: {variant} placeholders differ from th")
        if set(entry) - {"th", "en", "en_one"}:
            problems.append(f"{key}: unknown fields {set(entry) - {'th', 'en', 'en_one'}}")
    assert problems == []


def _asked_keys() -> set[str]:
    """Every literal key passed to text()/count()/t()/w()/_h() in the package (f-string prefixes excluded)."""
    keys = set()
    prefixes = {"t": "report.", "w": "since.", "_h": "html."}
    # Modules whose messages all sit in one section ask through a helper (`_t(key, …)`, `_words(key, …)`).
    sections = {("catalogue", "rules.py"): ("_t", "rules_check."),
                ("catalogue", "mapping.py"): ("_t", "mapping_check."),
                ("catalogue", "describe.py"): ("_t", "describe."),
                ("fetch", "client.py"): ("_words", "fetch_detail.")}
    for path in PACKAGE.rglob("*.py"):
        helper, section = sections.get((path.parent.name, path.name), ("", ""))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if helper and name == helper and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                keys.add(section + node.args[0].value)
                continue
            if name in ("text", "count") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and "." in node.args[0].value:
                keys.add(node.args[0].value)
            elif name in prefixes and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                    and isinstance(node.args[1].value, str):
                keys.add(prefixes[name] + node.args[1].value)
    return keys


def test_the_code_asks_only_for_entries_that_exist() -> None:
    asked = _asked_keys()
    assert len(asked) > 150
    assert sorted(asked - set(i18n.catalogue())) == []


def test_counts_take_the_english_singular() -> None:
    assert i18n.count("discover.not_found", 1, "en", home="h") == "no ITA/OIT page found from h (1 page read)"
    assert i18n.count("discover.not_found", 2, "en", home="h") == "no ITA/OIT page found from h (2 pages read)"
    assert i18n.count("audit.summary_diff", 1, "en", fixed=0, base=3) == "1 regression, 0 fixed since run 3"
    assert i18n.count("audit.summary_diff", 2, "th", fixed=0, base=3).startswith("แย่ลง 2 ข้อ")


def test_no_english_help_text_is_left_in_the_parsers() -> None:
    # help= and description= always come from the catalogue (i18n.text), never a literal string.
    literal = re.compile(r"""\b(help|description|epilog)=(["'])(?!%\(|\2)""")
    offenders = [f"{p.name}:{n}" for p in (PACKAGE / "cli").glob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert offenders == []


def test_no_english_error_text_is_left_in_the_command_line() -> None:
    # Usage and configuration errors raised by the command line and by --render's checks come from the
    # catalogue too: a literal (or f-string) message there would reach a Thai reader in English.
    literal = re.compile(r"""\b(UsageError|ConfigError|HistoryError)\(f?["']""")
    files = [*(PACKAGE / "cli").glob("*.py"), PACKAGE / "fetch" / "render.py"]
    offenders = [f"{p.name}:{n}" for p in files
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert offenders == []


def test_every_placeholder_of_the_reason_messages_has_a_name_for_explain() -> None:
    # `explain` shows a message's blanks as ‹what goes there› ([placeholder]): a new reason code's blanks too.
    from oit_checker.catalogue import reasons

    named = {key.split(".", 1)[1] for key in i18n.catalogue() if key.startswith("placeholder.")}
    missing = {(spec.code, field) for spec in reasons.specs().values()
               for template in (spec.th, spec.en, spec.fix_th, spec.fix_en)
               for field in i18n.placeholders(template or "") - named}
    assert missing == set()


def test_the_compiled_catalogue_is_the_source_s() -> None:
    source = (PACKAGE / "text" / i18n.SOURCE).read_bytes()
    compiled = (PACKAGE / "text" / i18n.COMPILED).read_text(encoding="utf-8")
    assert compiled == i18n.compiled_form(source), \
        "oit_checker/text/strings.json is stale: run `python -m oit_checker.text.i18n` to write it again"
    assert i18n.catalogue() == i18n.from_source(source) == i18n.from_source(source, compiled.encode())


def test_a_compiled_catalogue_is_read_only_for_the_bytes_it_was_made_from() -> None:
    source = b'[status]\npass = { th = "\xe0\xb8\x9c\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\x99", en = "pass" }\n'
    parsed = {"status.pass": {"th": "ผ่าน", "en": "pass"}}
    assert i18n.from_source(source) == parsed
    made = i18n.compiled_form(source).encode()
    # Made from these bytes: read as it is (here with its words changed, to see which was read).
    changed = made.replace(b'"pass"', b'"passed"')
    assert i18n.from_source(source, changed) == {"status.pass": {"th": "ผ่าน", "en": "passed"}}
    # The source edited since, an unreadable file, or none: the source is parsed.
    edited = source.replace(b'"pass"', b'"ok"')
    assert i18n.from_source(edited, made) == {"status.pass": {"th": "ผ่าน", "en": "ok"}}
    assert i18n.from_source(source, b"{not json") == parsed
    assert i18n.from_source(source, b"[]") == parsed
    right_hash = made.split(b'"catalogue"')[0] + b'"catalogue": []}'  # made from these bytes, but not a catalogue
    assert i18n.from_source(source, right_hash) == parsed


@pytest.mark.parametrize("section", ["shell_signal", "render_note", "discover_why", "fetch_detail"])
def test_every_wording_of_a_stored_section_comes_back_in_thai(section: str) -> None:
    """What the product stores in English (a shell's signals, a render note, why discover placed a link, why a
    fetch failed) is shown in Thai: each entry, written in English, rewords to its own Thai form."""
    entries = {k: v for k, v in i18n.catalogue().items() if k.startswith(section + ".")}
    assert entries
    for key, entry in entries.items():
        values = {f: f"ค่า{i}" for i, f in enumerate(sorted(i18n.placeholders(entry["en"])))}
        english = i18n.text(key, "en", **values)
        assert i18n.reword(section, english, "th") == i18n.text(key, "th", **values), key


def test_quoted_page_text_is_kept_as_written_and_may_hold_quotes() -> None:
    # Reviewers' cases: a table cell or a link text holding '", ' ended a quote early and left "link text" in
    # English; a post's title ending in "; page not read" was translated as if it were the product's words.
    from oit_checker.discover.model import why_text

    link = why_text("link_text", text='ดาวน์โหลด", คลิก')
    row = why_text("row", cell='O1 โครงสร้าง", ผังองค์กร', link=link)
    assert i18n.reword("discover_why", row, "th") == 'แถวตาราง "O1 โครงสร้าง”, ผังองค์กร", ข้อความลิงก์ "ดาวน์โหลด”, คลิก"'
    menu = why_text("menu", entry="รายงาน", phrase="รายงานผล")
    post = why_text("menu_post", menu=menu, post="ประกาศ; page not read")
    assert i18n.reword("discover_why", post, "th").endswith('โพสต์ "ประกาศ; page not read"')
    unread = why_text("menu_unread", menu=menu)
    assert i18n.reword("discover_why", unread, "th") == 'เมนู "รายงาน" (ตรงกับชื่อข้อ "รายงานผล"); ไม่ได้อ่านหน้านั้น'
