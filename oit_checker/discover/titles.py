"""Matching a link's title against the catalogue's item titles (pure).

An item is titled by its `title_phrases` and `title_variants` (rules/ita<year>.toml): how agencies name
its documents, menu entries and posts ("นโยบายไม่รับของขวัญ no gift policy", "ผลการดำเนินงานประจำปี").
The longest phrase found in a title wins (O26's full title holds O25's); two items tied on the longest
phrase leave the title unguessed; a title holding one of an item's `not_titles` ("แผนอัตรากำลัง 3 ปี" for
O14) is never that item's.
"""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.discover.codes import code_in_label, looks_like_url
from oit_checker.discover.scan import clean_label
from oit_checker.html.links import is_generic_text
from oit_checker.model import Catalogue
from oit_checker.text.thai import loose, normalize

_MIN_PHRASE = 4  # normalized characters: shorter phrases match by chance


@dataclass(frozen=True)
class TitleHit:
    item: str
    phrase: str  # the catalogue phrase as written
    length: int  # its normalized length: a longer phrase is a closer match
    exact: bool  # the whole title is the phrase (a menu entry named just so)


@dataclass(frozen=True)
class _Entry:
    strict: str
    loose: str
    item: str
    phrase: str


def _form(text: str) -> str:
    return normalize(text).lower()


class Titles:
    """The catalogue's title phrases and variants, normalized once, longest first."""

    def __init__(self, catalogue: Catalogue) -> None:
        entries: list[_Entry] = []
        excluded: dict[str, tuple[str, ...]] = {}
        for item in catalogue.items:
            for phrase in (*item.title_phrases, *item.title_variants):
                if code_in_label(phrase) is not None and len(normalize(phrase)) <= 4:
                    continue  # "O5" is a code, not a title; codes are read by their own rules
                strict = _form(phrase)
                if len(strict) >= _MIN_PHRASE:
                    entries.append(_Entry(strict, loose(phrase).lower(), item.id, phrase))
            excluded[item.id] = tuple(f for f in (_form(t) for t in item.not_titles) if f)
        entries.sort(key=lambda e: -len(e.strict))
        self.entries = tuple(entries)
        self.excluded = excluded

    def hit(self, text: str) -> TitleHit | None:
        """The best title phrase in `text`: None when there is none or two items tie on the longest."""
        if not text:
            return None
        strict = _form(text)
        barred = {item for item, forms in self.excluded.items() if any(f in strict for f in forms)}
        for use_loose, haystack in ((False, strict), (True, loose(text).lower())):
            hits = [e for e in self.entries if e.item not in barred
                    and (e.loose if use_loose else e.strict) in haystack]
            if not hits:
                continue
            longest = max(len(e.loose if use_loose else e.strict) for e in hits)
            best = [e for e in hits if len(e.loose if use_loose else e.strict) == longest]
            if len({e.item for e in best}) != 1:
                return None
            return TitleHit(best[0].item, best[0].phrase, longest, exact=_bare(strict) == best[0].strict)
        return None

    def match(self, text: str) -> tuple[str, str] | None:
        """(item, phrase) for the longest title phrase in `text` (see `hit`)."""
        found = self.hit(text)
        return (found.item, found.phrase) if found else None


def short(text: str, limit: int = 70) -> str:
    text = clean_label(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def informative(text: str) -> bool:
    """A link text that names something (not "เปิด", "ดาวน์โหลด", nor a bare URL)."""
    return bool(text) and not looks_like_url(text) and not is_generic_text(text)


def _bare(strict: str) -> str:
    """A menu label without the trimmings agencies add: "ประเมินความเสี่ยงการทุจริตฯ", "(สขร.1)"."""
    return strict.rstrip("ฯ.:").strip()
