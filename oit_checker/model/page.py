"""What a page's markup says about its links beyond the links themselves (`html/facts.py` reads it).

Data passed from the extraction workers (which read a page's facts while they parse it for its text) to
link choice, crawl notes and platform detection.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, NamedTuple

__all__ = ["Anchor", "PageFacts", "Placeholder"]


class Anchor(NamedTuple):
    url: str  # the same key `links.extract_links` gives (normalised, viewer unwrapped, Drive canonical)
    text: str
    context: str  # the entry around the anchor ("" when the anchor is its own entry)
    chrome: bool


@dataclass(frozen=True)
class Placeholder:
    raw: str  # the href as written
    reason: str  # empty · fragment · javascript · self · mailto …
    text: str
    context: str
    chrome: bool


@dataclass(frozen=True)
class PageFacts:
    url: str
    anchors: tuple[Anchor, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    images: tuple[tuple[str, str], ...] = ()  # content images that may be the document: (url, alt)
    body_class: str = ""
    generator: str = ""
    wp_api_root: str = ""  # from <link rel="https://api.w.org/">
    wp_json: tuple[str, ...] = ()  # <link rel="alternate" type="application/json"> hrefs

    # A page's facts cross between processes twice (the extraction worker's answer, the agency's evaluation),
    # with some 70 anchors a page: as plain tuples they are pickled and read back in 1.7 and 2.6 ms for the
    # bench agency's 38 pages (their links not counted), as objects in 2.7 and 3.1 ms. The index by URL is made
    # where it is first asked.
    def __reduce__(self) -> tuple[Any, ...]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["anchors"] = tuple(map(tuple, self.anchors))
        return (_page_facts, (values,))

    def _by_url(self) -> dict[str, list[Anchor]]:
        got: dict[str, list[Anchor]] | None = self.__dict__.get("_index")
        if got is None:
            got = {}
            for a in self.anchors:
                got.setdefault(a.url, []).append(a)
            object.__setattr__(self, "_index", got)
        return got

    def occurrences(self, url: str) -> list[Anchor]:
        return self._by_url().get(url, [])

    def context(self, url: str) -> str:
        """Every distinct entry text the URL appears in, joined."""
        return " · ".join(dict.fromkeys(a.context for a in self.occurrences(url) if a.context))

    def labels(self, url: str, *, content_only: bool = True) -> list[str]:
        """Every distinct anchor text the URL is shown under (menus left out unless asked)."""
        return list(dict.fromkeys(a.text for a in self.occurrences(url) if a.text and not (content_only and a.chrome)))

    def in_chrome(self, url: str) -> bool:
        """True when every occurrence of the URL is in a menu, header, footer or sidebar."""
        found = self.occurrences(url)
        return bool(found) and all(a.chrome for a in found)

    def content_placeholders(self) -> list[Placeholder]:
        return [p for p in self.placeholders if not p.chrome and (p.text or p.context)]


def _page_facts(values: dict[str, Any]) -> PageFacts:
    values["anchors"] = tuple(map(Anchor._make, values["anchors"]))
    return PageFacts(**values)
