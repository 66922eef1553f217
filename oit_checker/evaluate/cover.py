"""A document's title block and its body (pure), so that "cover only" is decided from content.

The seed's assessor failed an item posted as "ลงแค่หน้าปก": the cover of a report — emblem, title, fiscal
year, agency, district, "จัดทำโดย …" — and nothing else. Page count does not tell that apart from a compact
one-page document (a risk-assessment table on one landscape page), content does: a cover is a title block and
no body. This module finds the title block at the top of the first page; the evaluator then calls the document
a cover only when little text is left beyond it and none of the item's required components is found there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from oit_checker.text.thai import display, normalize, thai_digits_to_arabic

# Words of the lines a title block is made of: the year, the agency and its place, who prepared it.
_BLOCK_WORDS = tuple(normalize(w) for w in (
    "ประจำปี", "ปีงบประมาณ", "พ.ศ.", "เทศบาล", "องค์การบริหารส่วน", "อบต.", "อบจ.", "อำเภอ", "จังหวัด",
    "กระทรวง", "สำนักงาน", "สำนักปลัด", "จัดทำโดย", "รอบ 6 เดือน",
))
# A unit on a line of its own ("กองคลัง", "งานนิติการ สำนักปลัด"): only short lines start like this.
_UNIT_STARTS = tuple(normalize(w) for w in ("กอง", "งาน", "ฝ่าย", "กลุ่มงาน", "สำนัก", "ส่วน", "โดย"))
_BLOCK_LINE_CHARS = 90  # normalized characters: a longer line is a sentence of the body
_TITLE_LINE_CHARS = 120  # the first line is the title unless it is longer than this (then it is body text)
_TITLE_LINES = 3  # a title may run over its first lines: a short one among them is a subtitle
_SUBTITLE_CHARS = 60
_UNIT_LINE_CHARS = 40
# A table row or an amount is body, whatever else the line says.
_BODY_MARKS = re.compile(r"\||\d,\d{3}|บาท")
_RULE_LINE = re.compile(r"^[-_=–—.·•*~\s]+$")  # "------------------------------" under the heading
_PAGE_NUMBER = re.compile(r"^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$")  # "- 2 -" headers of later pages
TITLE_BLOCK_LINES = 12
TITLE_BLOCK_CHARS = 400  # normalized characters: a title block is never longer


def title_block_lines(page: str, titles: Sequence[str]) -> int:
    """How many leading lines of `page` (the first page) are its title block.

    The first line is the title (unless it is a long sentence or a table row), and a short line among the first
    three continues it (a subtitle); then come lines naming a title
    (`titles`: the item's titles and the document's own, normalized), the year, the agency, its district and
    province, or who prepared it, and ruling lines. A line with an amount or a table separator is body. The
    block ends at the first other line, after `TITLE_BLOCK_LINES` lines or `TITLE_BLOCK_CHARS` characters.
    """
    count = 0
    size = 0
    for raw in page.splitlines():
        line = normalize(raw)
        if not line:
            count += 1
            continue
        title_line = not _BODY_MARKS.search(line) and (
            (count == 0 and len(line) <= _TITLE_LINE_CHARS) or (count < _TITLE_LINES and len(line) <= _SUBTITLE_CHARS))
        if not (title_line or _block_line(line, titles)):
            break
        size += len(line)
        if size > TITLE_BLOCK_CHARS or count >= TITLE_BLOCK_LINES:
            break
        count += 1
    return count


def _block_line(line: str, titles: Sequence[str]) -> bool:
    if _RULE_LINE.match(line):
        return True
    if _BODY_MARKS.search(line) or len(line) > _BLOCK_LINE_CHARS:
        return False
    if any((len(line) >= 8 and line in t) or t in line for t in titles if t):
        return True
    if any(w in line for w in _BLOCK_WORDS):
        return True
    return len(line) <= _UNIT_LINE_CHARS and line.startswith(_UNIT_STARTS)


def body_pages(pages: Sequence[str], titles: Sequence[str]) -> tuple[str, ...]:
    """The document's pages without the title block of the first page and without page-number lines."""
    if not pages:
        return ()
    first = pages[0].splitlines()
    rest = first[title_block_lines(pages[0], titles):]
    out = ["\n".join(rest), *pages[1:]]
    return tuple("\n".join(ln for ln in p.splitlines() if not _PAGE_NUMBER.match(ln)) for p in out)


def title_block_text(page: str, titles: Sequence[str]) -> str:
    """The title block as one quoted line."""
    return display(" ".join(page.splitlines()[:title_block_lines(page, titles)]))


# A line of a table of contents: its heading, a leader of dots (or "…", "_"), and the page it starts on — a
# number (Thai or Arabic digits, or a range) or the Thai letter of a front-matter page ("คำนำ ....... ก").
# A leader is read from its first dot on only (the lookbehinds): tried inside a long run of dots, each try read
# the rest of the run again (a page of 20,000 dots took 11 s an item).
# A long heading's page number may wrap onto a line of its own ("ส่วนที่ ๒ สรุปผลการจัดซื้อจัดจ้างจำแนกตามวิธี ……………⏎๒":
# review45 b35): the leader and that line are one contents line (a number only, not a front-matter letter, which a
# page's own letter "ข" under its last line would look like).
_CONTENTS_LINE = re.compile(
    r"(?<![.…_·])(?<!\. )(?:\.{4,}|…{2,}|(?:\. ){3,}\.?|_{4,}|·{4,})[ \t]*"
    r"(?:[0-9๐-๙]{1,3}(?:[ \t]*[-–][ \t]*[0-9๐-๙]{1,3})?|[ก-ฮ]|\n[ \t]*[0-9๐-๙]{1,3})[ \t]*$",
    re.MULTILINE)
_LEADERS = ("....", "……", ". . . .", "____", "····")
_CONTENTS_WORD = "สารบัญ"
# The heading of a contents without leaders: "สารบัญ" ending its line — alone, or glued to the line before by a PDF's
# text ("…องค์การบริหารส่วนตำบลโคก⏎สูงสารบัญ": review59 b06, l02). The columns' header "เรื่อง หน้า" alone is none (the
# sixth trial's manual: a foreword's lines may end on numbers too).
_CONTENTS_HEADING = re.compile(r"สารบัญ[ \t]*$", re.MULTILINE)
_PLAIN_GAP_LINES = 3  # line breaks between two contents lines: the next line, or one wrapped title between
# A contents line without a leader: a heading of a few words, a space, and the page it starts on; or the same as a
# table's row, "ส่วนที่ ๒ ผลการดำเนินงานตามแผนการดำเนินงาน | ๔" (an HTML or DOCX contents table: review59 b06's twin).
_PLAIN_CONTENTS_LINE = re.compile(
    r"^[ \t]*\|?[ \t]*[^\n|]{2,120}?[^\s\d๐-๙,.|](?:[ \t]+|[ \t]*\|[ \t]*)"
    r"[0-9๐-๙]{1,3}(?:[ \t]*[-–][ \t]*[0-9๐-๙]{1,3})?[ \t]*\|?[ \t]*$", re.MULTILINE)
_TRAILING_PAGES = re.compile(r"(?<![0-9๐-๙,.])([0-9๐-๙]{1,3})(?:[ \t]*[-–][ \t]*([0-9๐-๙]{1,3}))?[ \t]*$")
CONTENTS_LINES = 3  # fewer such lines are a dotted form field or two, not a table of contents
_CONTENTS_GAP = 120  # normalized characters between two lines of one table of contents (a heading, a wrap)
FRONT_MATTER_CHARS = 1500  # normalized characters before the contents: a cover and a foreword, not a body


def _trailing_pages(line: str) -> list[str]:
    """The page number (or range) a contents line ends on; none for a front-matter letter ("คำนำ ....... ก"). A
    number inside the title ("ผลการดำเนินงานปี 2567") is not a page."""
    m = _TRAILING_PAGES.search(line.rstrip(" \t|"))
    return [n for n in m.groups() if n] if m else []


def _plain_contents(pages: Sequence[str]) -> list[re.Match[str]]:
    """A table of contents without leaders: on the page of a line ending on "สารบัญ", the lines under it that
    end on a page number ("บทที่ ๒ ขั้นตอนการปฏิบัติงาน (Work Flow) ๔"), one after another (a wrapped title between
    two allowed), their page numbers never going back. A body whose lines end on counts is no contents."""
    start = 0
    for page in pages:
        heading = _CONTENTS_HEADING.search(page)
        if heading is None:
            start += len(page) + 1
            continue
        text = "\n".join(pages)
        run: list[re.Match[str]] = []
        last_page, last_end = 0, start + heading.end()
        for m in _PLAIN_CONTENTS_LINE.finditer(text, start + heading.end(), start + len(page)):
            number = int(thai_digits_to_arabic(_trailing_pages(m.group(0))[-1]))
            if number < last_page or text.count("\n", last_end, m.start()) > _PLAIN_GAP_LINES:
                break
            run.append(m)
            last_page, last_end = number, m.end()
        return run
    return []


def _first_contents(text: str) -> list[re.Match[str]]:
    """The first run of contents lines with at least `CONTENTS_LINES` of them: lines close together (a heading
    or a wrapped title between two is allowed). A dotted list further down — scores, attachments — is another
    run, and the body between them shows the document goes on."""
    run: list[re.Match[str]] = []
    for m in _CONTENTS_LINE.finditer(text):
        if run and len(normalize(text[run[-1].end():m.start()])) > _CONTENTS_GAP:
            if len(run) >= CONTENTS_LINES:
                return run
            run = []
        run.append(m)
    return run


def front_matter_only(pages: Sequence[str], body_chars: int, page_count: int = 0
                      ) -> tuple[int, int, str, int] | None:
    """When a document stops at its table of contents — a cover, a foreword, the contents, and less than
    `body_chars` normalized characters after them — (sections listed, characters after, the last contents
    line, its page from 1); else None. A document with its contents at the end has its body before them; a
    paged document (`page_count`, a PDF) whose contents point at no page beyond its own last one is whole."""
    # Asked for every item that reads the document: most documents have neither a leader nor a "สารบัญ" heading.
    if any(leader in page for page in pages for leader in _LEADERS):
        text = "\n".join(pages)
        lines = _first_contents(text)
    elif any(_CONTENTS_WORD in page for page in pages):
        text = "\n".join(pages)
        lines = _plain_contents(pages)
    else:
        return None
    if len(lines) < CONTENTS_LINES:
        return None
    after = len(normalize(text[lines[-1].end():]))
    first = text.rfind("\n", 0, lines[0].start()) + 1
    if after >= body_chars or len(normalize(text[:first])) >= FRONT_MATTER_CHARS:
        return None
    listed = [int(thai_digits_to_arabic(n)) for m in lines for n in _trailing_pages(m.group(0))]
    if page_count and (not listed or max(listed) <= page_count):
        return None
    last = text[text.rfind("\n", 0, lines[-1].start()) + 1:lines[-1].end()]
    ends = [0]
    for p in pages:
        ends.append(ends[-1] + len(p) + 1)
    page = next(i for i in range(len(pages)) if lines[-1].start() < ends[i + 1])
    return len(lines), after, display(last), page + 1


@lru_cache(maxsize=512)  # a page is read for every item of its agency
def contents_lines(page: str) -> tuple[tuple[int, int], ...]:
    """The lines of a page's table of contents, as line ranges [a, b): each line with a leader and a page number
    ("ส่วนที่ 3 ผลการใช้จ่ายงบประมาณ ......... ๑๒"), with the line before when the leader stands alone on its own (a
    wrapped heading: "ส่วนที่ 4 ปัญหาอุปสรรคและข้อเสนอแนะ⏎......... ๑๘"), when the page holds `CONTENTS_LINES` or more of
    them; and the lines of a contents without leaders under a line "สารบัญ" (`_plain_contents`). A component named
    there is a section's title, not the section (review27 c06: a report that stops after its contents and
    foreword). [] for the many pages with none."""
    out: list[tuple[int, int]] = []
    if any(leader in page for leader in _LEADERS):
        # a run of them close together: a body's headings printed with leaders, apart, are its sections (review33 e01)
        found = _first_contents(page)
        if len(found) >= CONTENTS_LINES:
            for m in found:
                line = page.count("\n", 0, m.start())
                alone = not page[page.rfind("\n", 0, m.start()) + 1:m.start()].strip()
                last = page.count("\n", 0, m.end())  # the page number's line, when it wrapped
                out.append((line - 1 if alone and line > 0 else line, last + 1))
    if _CONTENTS_WORD in page:
        out.extend((page.count("\n", 0, m.start()), page.count("\n", 0, m.start()) + 1)
                   for m in _plain_contents([page]))
    return tuple(out)
