"""Mapping scanned pages to items (pure): choose the ITA page(s) of the wanted year, guess each link's item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from oit_checker.discover.codes import code_in_label, looks_like_url, slug_code
from oit_checker.discover.model import MIN_INDEX_ITEMS, RANK, Anchor, Discovery, ItemLink, LinkConfidence, PageScan
from oit_checker.discover.scan import clean_label
from oit_checker.html.links import is_generic_text
from oit_checker.model import Catalogue
from oit_checker.text.thai import loose, normalize

# ---------------------------------------------------------------- mapping (pure)


@dataclass(frozen=True)
class _Guess:
    item: str
    confidence: LinkConfidence
    signal: str
    why: str


def _short(text: str, limit: int = 70) -> str:
    text = clean_label(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Titles:
    """The catalogue's title phrases, normalized once, longest first."""

    def __init__(self, catalogue: Catalogue) -> None:
        entries: list[tuple[str, str, str, str]] = []
        for item in catalogue.items:
            for phrase in item.title_phrases:
                if code_in_label(phrase) is not None and len(normalize(phrase)) <= 4:
                    continue  # "O5" is a code, not a title; codes are read by their own rules
                strict = normalize(phrase).lower()
                if len(strict) >= 4:
                    entries.append((strict, loose(phrase).lower(), item.id, phrase))
        entries.sort(key=lambda e: -len(e[0]))
        self.entries = tuple(entries)

    def match(self, text: str) -> tuple[str, str] | None:
        """(item, phrase) for the longest title phrase in `text`; None when two items tie (ambiguous)."""
        if not text:
            return None
        strict = normalize(text).lower()
        for field_index, haystack in ((0, strict), (1, loose(text).lower())):
            hits = [e for e in self.entries if e[field_index] and e[field_index] in haystack]
            if hits:
                longest = max(len(e[field_index]) for e in hits)
                items = {e[2] for e in hits if len(e[field_index]) == longest}
                if len(items) != 1:
                    return None
                best = next(e for e in hits if len(e[field_index]) == longest)
                return best[2], best[3]
        return None


def _informative(text: str) -> bool:
    return bool(text) and not looks_like_url(text) and not is_generic_text(text)


def guess_item(anchor: Anchor, ids: Sequence[str], titles: _Titles, *, allow_title: bool) -> _Guess | None:
    """The item one link belongs to, by its strongest signal (see the module docstring)."""
    link = f'link text "{_short(anchor.text)}"' if anchor.text else "no link text"
    if anchor.text and not looks_like_url(anchor.text):
        item = code_in_label(anchor.text, ids)
        if item:
            return _Guess(item, LinkConfidence.HIGH, "code", link)
    for cell in anchor.row_cells:
        item = code_in_label(cell, ids)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "row", f'table row "{_short(cell, 40)}", {link}')
    if anchor.row_cells and not anchor.row_numbered:
        item = code_in_label(anchor.row_cells[0], ids, bare=True)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "row",
                          f'table row "{_short(anchor.row_cells[0], 40)}", {link}')
    for label in anchor.labels:
        item = code_in_label(label, ids)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "heading", f'heading "{_short(label, 60)}", {link}')
    slug = slug_code(anchor.url, ids)
    if slug:
        return _Guess(slug[0], LinkConfidence.MEDIUM, "slug", f'URL slug "{_short(slug[1], 50)}", {link}')
    if allow_title:
        hit = titles.match(anchor.text) if _informative(anchor.text) else None
        if hit:
            return _Guess(hit[0], LinkConfidence.LOW, "title", f'title "{hit[1]}" in {link}')
        row_text = " ".join(anchor.row_cells)
        hit = titles.match(row_text) if anchor.row_cells else None
        if hit:
            return _Guess(hit[0], LinkConfidence.LOW, "title",
                          f'title "{hit[1]}" in table row "{_short(row_text, 50)}", {link}')
    return None


def year_group(years: Iterable[int], target: frozenset[int]) -> str:
    ys = set(years)
    if not ys:
        return "none"
    return "target" if ys & target else "other"


def map_pages(pages: Sequence[PageScan], catalogue: Catalogue, target_years: Iterable[int]) -> Discovery:
    """Item → links from the ITA index page(s) among `pages` (the pure heart of discovery).

    A page is an index page when its links name at least MIN_INDEX_ITEMS items by code, row or heading,
    or, for a page that looks like ITA, by any signal. Each link belongs to the year its section or page
    names: the wanted year's links (with year-less ones) are used when there are any; otherwise the
    year-less ones; otherwise, as a last resort, the newest other year's, every one capped at low.
    Per item, low guesses are dropped when a high or medium one exists; per URL, guesses weaker than
    that URL's best are dropped (a menu link whose title resembles O4 does not undo its row's "O3").
    """
    target = frozenset(target_years)
    ids = catalogue.ids
    titles = _Titles(catalogue)
    # (page index, anchor index, year group, years, guess) for every guessed link of every index page
    found: list[tuple[int, int, str, tuple[int, ...], _Guess]] = []
    index_pages: list[int] = []
    for p_i, page in enumerate(pages):
        guesses = []
        for a_i, anchor in enumerate(page.anchors):
            guess = guess_item(anchor, ids, titles, allow_title=page.ita_like and not anchor.chrome)
            if guess is not None:
                years = anchor.section_years or page.years
                guesses.append((p_i, a_i, year_group(years, target), tuple(years), guess))
        strong = {g[4].item for g in guesses if g[4].confidence is not LinkConfidence.LOW}
        every = {g[4].item for g in guesses}
        if len(strong) >= MIN_INDEX_ITEMS or (page.ita_like and len(every) >= MIN_INDEX_ITEMS):
            index_pages.append(p_i)
            found.extend(guesses)

    warnings: list[str] = []
    groups = {g[2] for g in found}
    cap_low = False
    if "target" in groups:
        used = [g for g in found if g[2] in ("target", "none")]
    elif "none" in groups:
        used = [g for g in found if g[2] == "none"]
    elif found:
        newest = max(max(g[3]) for g in found)
        used = [g for g in found if max(g[3]) == newest]
        cap_low = True
        wanted = "/".join(str(y) for y in sorted(target)) or "?"
        warnings.append(f"the only ITA page(s) found are for ITA {newest}, not {wanted}: item codes change "
                        f"between years, so every link is marked low — check each one (or discover with "
                        f"--criteria {newest} and run `oit-checker manifest migrate`)")
    else:
        used = []

    used_pages = sorted({g[0] for g in used})
    stale = [(pages[i].url, pages[i].years) for i in index_pages if i not in used_pages]
    page_urls = {pages[i].url for i in index_pages}

    # Per URL, the best confidence it earned anywhere.
    best_for_url: dict[str, int] = {}
    for p_i, a_i, _, _, g in used:
        url = pages[p_i].anchors[a_i].url
        rank = RANK[LinkConfidence.LOW if cap_low else g.confidence]
        best_for_url[url] = min(best_for_url.get(url, 9), rank)

    per_item: dict[str, dict[str, tuple[int, int, ItemLink]]] = {item: {} for item in ids}
    for order, (p_i, a_i, _, years, g) in enumerate(used):
        page = pages[p_i]
        url = page.anchors[a_i].url
        if url in page_urls:
            continue  # a breadcrumb or menu link back to an index page is not evidence
        confidence = LinkConfidence.LOW if cap_low else g.confidence
        if RANK[confidence] > best_for_url[url]:
            continue
        why = g.why if not cap_low else f"ITA {max(years)} page: {g.why}"
        link = ItemLink(url=url, confidence=confidence, signal=g.signal, why=why, page=page.url)
        current = per_item[g.item].get(url)
        if current is None or RANK[confidence] < current[0]:
            per_item[g.item][url] = (RANK[confidence], current[1] if current else order, link)

    items: dict[str, tuple[ItemLink, ...]] = {}
    for item in ids:
        entries = sorted(per_item[item].values(), key=lambda e: (e[0], e[1]))
        if any(rank < RANK[LinkConfidence.LOW] for rank, _, _ in entries):
            entries = [e for e in entries if e[0] < RANK[LinkConfidence.LOW]]
        items[item] = tuple(e[2] for e in entries)
    # An item only some agencies list (2568 O28) is part of the draft when its link was found, else not missed.
    listed_only = {i.id for i in catalogue.items if i.listed_only}
    items = {k: v for k, v in items.items() if v or k not in listed_only}

    return Discovery(
        criteria_year=catalogue.criteria_year,
        items=items,
        item_names={i.id: i.name_th for i in catalogue.items},
        index_pages=tuple(pages[i].url for i in used_pages),
        stale_pages=tuple(stale),
        warnings=tuple(warnings),
        listing_years=tuple(sorted({y for g in used for y in g[3]})),
    )


