"""What a page's markup says about its links beyond the links themselves (`html/facts.py` reads it).

Data passed from the extraction workers (which read a page's facts while they parse it for its text) to
link choice, crawl notes and platform detection.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Anchor", "PageFacts", "Placeholder"]


@dataclass(frozen=True)
class Anchor:
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
    _by_url: dict[str, list[Anchor]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for a in self.anchors:
            self._by_url.setdefault(a.url, []).append(a)

    def occurrences(self, url: str) -> list[Anchor]:
        return self._by_url.get(url, [])

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
