"""One item evaluated on one HTML page (the shipped catalogue, no fetching): what the evaluator's unit tests build."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.extract import extract
from oit_checker.extract.html import extract_html
from oit_checker.model import Fetched, Finding, Link, Retrieved, Status, UrlTrail

HOME = "https://www.nongbua.go.th/"


def finding_from_html(item_id: str, html: str, url: str, year: int = 2568, criteria: int | None = None, *,
                      agency: str = "") -> Finding:
    """`html` (a whole page) read at `url` and evaluated for `item_id` of the `criteria` year's catalogue (default:
    `year`) in fiscal year `year`, for the agency named `agency` ("": no name known)."""
    doc = extract_html(html.encode(), url, "utf-8")
    fetched = Fetched(url=url, final_url=url, status=200, content_type="text/html")
    item = load_catalogue(catalogue_path_for(criteria or year)).item(item_id)
    return evaluate_item(item, [UrlTrail(submitted=url, retrieved=(Retrieved(fetched=fetched, document=doc),))],
                         year, home=HOME, agency=agency)


def finding_from_file(item_id: str, body: bytes, url: str, content_type: str, year: int = 2568,
                      criteria: int | None = None) -> Finding:
    """A document's bytes (a PDF, DOCX, XLSX) read at `url` by the product's extractor and evaluated as
    `finding_from_html` does."""
    doc = extract(body, url, content_type)
    fetched = Fetched(url=url, final_url=url, status=200, content_type=content_type)
    item = load_catalogue(catalogue_path_for(criteria or year)).item(item_id)
    return evaluate_item(item, [UrlTrail(submitted=url, retrieved=(Retrieved(fetched=fetched, document=doc),))],
                         year, home=HOME)


_CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_trail(path: Path) -> UrlTrail:
    """A fixture file (HTML, DOCX or XLSX by its extension, else PDF) submitted and read at `HOME` files/<its name>."""
    url = f"{HOME}files/{path.name}"
    ctype = _CONTENT_TYPES.get(path.suffix, "application/pdf")
    doc = extract(path.read_bytes(), url, ctype)
    return UrlTrail(submitted=url, retrieved=(Retrieved(
        fetched=Fetched(url=url, final_url=url, status=200, content_type=ctype), document=doc),))


def finding_from_files(item_id: str, paths: Sequence[Path], year: int, *, agency: str = "",
                       as_of: date | None = None) -> Finding:
    """Fixture files each submitted for `item_id` of the `year` catalogue, evaluated for fiscal year `year` (on the
    day `as_of`, when given)."""
    item = load_catalogue(catalogue_path_for(year)).item(item_id)
    return evaluate_item(item, [file_trail(p) for p in paths], year, home=HOME, agency=agency, as_of=as_of)


def linked_trail(page: Path, files: Sequence[Path]) -> UrlTrail:
    """A fixture page submitted at `HOME` files/<its name> and the fixture files it links, each read at the URL of the
    page's link whose path ends on the file's name (else `HOME` files/<its name>), as the follower reaches them: the
    page is the landing page, the files its documents."""
    url = f"{HOME}files/{page.name}"
    doc = extract(page.read_bytes(), url, "text/html")
    retrieved = [Retrieved(fetched=Fetched(url=url, final_url=url, status=200, content_type="text/html"),
                           document=doc)]
    for path in files:
        link = next((k for k in doc.links if k.url.split("?")[0].endswith("/" + path.name)), None)
        file_url = link.url if link is not None else f"{HOME}files/{path.name}"
        ctype = _CONTENT_TYPES.get(path.suffix, "application/pdf")
        retrieved.append(Retrieved(
            fetched=Fetched(url=file_url, final_url=file_url, status=200, content_type=ctype),
            document=extract(path.read_bytes(), file_url, ctype), depth=1, parent=url,
            link=link if link is not None else Link(url=file_url, text=path.name)))
    return UrlTrail(submitted=url, retrieved=tuple(retrieved))


def finding_from_page(item_id: str, page: Path, files: Sequence[Path], year: int, *, agency: str = "",
                      as_of: date | None = None) -> Finding:
    """A fixture page submitted for `item_id` with the files it links followed (`linked_trail`), evaluated as
    `finding_from_files` does."""
    item = load_catalogue(catalogue_path_for(year)).item(item_id)
    return evaluate_item(item, [linked_trail(page, files)], year, home=HOME, agency=agency, as_of=as_of)


# ---------------------------------------------------------------- review rounds (fixtures/pages/reviewNN)

_ROUND_DOCUMENTS = (".docx", ".html", ".pdf", ".xlsx")


def round_case(pages: Path, name: str, item: str, year: int, agency: str,
               as_of: date | None = None) -> tuple[Status, set[str]]:
    """(status, the codes of its reasons that are not pass) of a review round's case: its files ("a.pdf", or
    "a.pdf+b.pdf" submitted together) evaluated for `item` of the `year` catalogue by `agency` on `as_of`, by
    default 15 May of the fiscal year, the check day most rounds used."""
    f = finding_from_files(item, [pages / part for part in name.split("+")], year, agency=agency,
                           as_of=as_of or date(year - 543, 5, 15))
    return f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}


def round_documents(pages: Path) -> list[str]:
    """The documents of a review round's folder, sorted (its build script, notes and runs left out)."""
    return sorted(p.name for p in pages.iterdir() if p.suffix in _ROUND_DOCUMENTS)


def case_documents(names: Sequence[str]) -> list[str]:
    """The documents the cases name (each part of "a.pdf+b.pdf"; a file submitted twice once), sorted."""
    return sorted({part for name in names for part in name.split("+")})
