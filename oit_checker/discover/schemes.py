"""Which assessment scheme a listing belongs to (pure): the NACC's OIT, or another numbering.

A sub-district health centre publishes the Ministry of Public Health's MOIT 1–22 beside (or instead of)
the NACC list; schools, vocational colleges and police stations publish "ITA Online" variants numbered
O1–O43 or otherwise. Their codes look like OIT codes and mean other things, so their pages are left
out of the mapping altogether and the draft says which were skipped.

Signals, any one enough:

* MOIT codes ("MOIT 3", "MOIT1-1.pdf") on at least `MIN_CODES` numbers, or more MOIT than O-codes, or
  "MOIT" in the page's title or first heading;
* O-codes above the catalogue's highest item on at least `MIN_CODES` numbers (O29–O43 on a 2568 site);
* words naming another assessed body with its own list in the page's title or first heading
  ("สถานศึกษา", "ITA Online", "อาชีวศึกษา", "สถานีตำรวจ"), on a page that carries codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from oit_checker.discover.codes import moit_codes, strong_codes
from oit_checker.discover.model import Anchor, PageScan
from oit_checker.text.thai import display

MIN_CODES = 3  # distinct numbers: one or two stray codes happen by chance


class Scheme(StrEnum):
    NACC = "nacc"  # the NACC's ITA/OIT list the catalogue describes
    MOIT = "moit"  # กระทรวงสาธารณสุข: MOIT 1–22
    VARIANT = "variant"  # a school / vocational / police "ITA Online" list, or another numbering


@dataclass(frozen=True)
class SchemeVerdict:
    scheme: Scheme
    label: str = ""  # "MOIT (กระทรวงสาธารณสุข)", "school ITA Online (O1–O43)"
    why: str = ""

    @property
    def other(self) -> bool:
        return self.scheme is not Scheme.NACC


NACC = SchemeVerdict(Scheme.NACC)

# (words, label): another assessed body whose "ITA Online" list numbers items its own way.
_VARIANT_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"สถานศึกษา|ita\s*online", re.IGNORECASE), "school ITA Online"),
    (re.compile(r"อาชีวศึกษา|วิทยาลัยเทคนิค|วิทยาลัยการอาชีพ", re.IGNORECASE), "vocational ITA"),
    (re.compile(r"สถานีตำรวจ|สภ\.|ตำรวจภูธร", re.IGNORECASE), "police ITA"),
)
_MOIT_WORD = re.compile(r"(?<![a-z])moit(?![a-z])", re.IGNORECASE)


def anchor_texts(anchor: Anchor) -> tuple[str, ...]:
    return (anchor.text, *anchor.row_cells, *anchor.labels)


def anchor_is_moit(anchor: Anchor) -> bool:
    """A link inside a MOIT entry ("MOIT 3 …" in its text, row or labels), or a MOIT upload."""
    return any(moit_codes(t) for t in anchor_texts(anchor)) or bool(moit_codes(anchor.url.rsplit("/", 1)[-1]))


def _numbers(page: PageScan) -> tuple[set[int], set[int]]:
    """(O-code numbers, MOIT numbers) the page's labels and links carry, outside site chrome."""
    o_codes: set[int] = set()
    moit: set[int] = set()
    for text, _ in page.code_labels:
        o_codes |= strong_codes(text)
        moit |= moit_codes(text)
    for anchor in page.anchors:
        if anchor.chrome:
            continue
        for text in anchor_texts(anchor):
            o_codes |= strong_codes(text)
            moit |= moit_codes(text)
    return o_codes, moit


def page_scheme(page: PageScan, max_item: int) -> SchemeVerdict:
    """Whether `page` lists the NACC's items or another scheme's (see the module docstring).

    `max_item`: the highest item number of the criteria year's catalogue (28 for ITA 2568, whose O28 only
    some agencies list).
    """
    o_codes, moit = _numbers(page)
    head = display(f"{page.title} {page.heading}")
    if (len(moit) >= MIN_CODES and len(moit) > len(o_codes)) or (_MOIT_WORD.search(head) and moit):
        return SchemeVerdict(Scheme.MOIT, "MOIT (กระทรวงสาธารณสุข)",
                             f"MOIT {_span(moit)}" if moit else "MOIT in the page title")
    above = {n for n in o_codes if n > max_item}
    if len(above) >= MIN_CODES:
        label = _variant_label(page) or "another numbering"
        return SchemeVerdict(Scheme.VARIANT, f"{label} (O{min(o_codes)}–O{max(o_codes)})",
                             f"item codes up to O{max(o_codes)}, beyond O{max_item}")
    if o_codes:
        label = _variant_label(page)
        if label:
            return SchemeVerdict(Scheme.VARIANT, f"{label} (O{min(o_codes)}–O{max(o_codes)})",
                                 f"the page is a {label} listing")
    return NACC


def _variant_label(page: PageScan) -> str:
    text = display(f"{page.title} {page.heading}")
    for pattern, label in _VARIANT_WORDS:
        if pattern.search(text):
            return label
    return ""


def _span(numbers: set[int]) -> str:
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else str(min(numbers))
