"""What extraction gave: `Document` (text per page, links) and its kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from oit_checker.model.page import PageFacts

# ---------------------------------------------------------------- extract


# How a table row's cells are joined in a document's text (DOCX, XLSX and HTML tables alike): evaluation reads
# tables back by it.
CELL_SEP = " | "


class DocError(StrEnum):
    """Why a document's text could not be read. The first four are the document's; the last two are
    the bounds this tool sets on extraction (not the agency's fault: the document may be fine)."""

    EMPTY = "empty"  # no bytes, or a PDF/workbook with no pages/sheets
    ENCRYPTED = "encrypted"  # a PDF that needs a password
    CORRUPT = "corrupt"  # truncated, malformed or not what it claims to be
    UNSUPPORTED = "unsupported"  # a kind we cannot read (legacy .doc/.xls, ODT, archives, plain text)
    TIMEOUT = "timeout"  # extraction ran past its time bound
    TOO_COMPLEX = "too_complex"  # extraction ran past its memory bound (or its worker died)

    @property
    def ours(self) -> bool:
        """True when the failure is a bound of this tool, not a defect of the document."""
        return self in (DocError.TIMEOUT, DocError.TOO_COMPLEX)


class DocKind(StrEnum):
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    IMAGE = "image"
    OTHER = "other"


class Link(NamedTuple):
    """A reference found in an HTML page: an anchor, or the file behind a viewer/embed."""

    url: str  # absolute
    text: str = ""
    via: str = "a"  # a · iframe · object · embed · viewer:flowpaper · viewer:gdocs · drive …
    download: bool = False  # had a `download` attribute
    chrome: bool = False  # only found in the site's menus/sidebars/footers, never in the page's content


@dataclass(frozen=True)
class Document:
    url: str
    kind: DocKind
    pages: tuple[str, ...] = ()  # text per page (NFC, not yet matching-normalized); HTML is one page
    title: str = ""
    links: tuple[Link, ...] = ()
    charset: str | None = None  # the codec an HTML page was decoded with
    charset_note: str = ""  # how that codec was chosen, when not simply declared ("undeclared", "corrected" …)
    error: DocError | None = None
    error_detail: str = ""  # what the parser said (bounded), for `corrupt`
    needs_ocr: bool = False  # no text layer (scan / image)
    page_count: int = 0
    parent: str | None = None  # the page this document was reached from
    depth: int = 0
    # An HTML shell that JavaScript fills in the browser (a single-page app: empty `#root` + a bundle); the
    # signals that said so, for reports ("4 characters of text; empty mount point #root; bundle /assets/…").
    script_shell: str = ""
    # Read from the DOM a headless browser drew (`--render`), not from the HTML the server sent; what the
    # rendering noted ("network not idle within 15 s: read what was drawn by then").
    rendered: bool = False
    render_note: str = ""

    @property
    def script_rendered(self) -> bool:
        """The page is drawn by JavaScript and what was read is (still) the empty shell."""
        return bool(self.script_shell)
    # What the extraction bounds cut (MAX_TEXT_CHARS of text, MAX_LINKS links), in words; "" when nothing.
    truncated: str = ""
    # The lines of an HTML page's text that each of its visitor forms spans, [first, end) (a contact form's field
    # labels, choices and button): what a visitor fills in, not the agency's own information
    # (`EvidenceRule.forms_count`).
    forms: tuple[tuple[int, int], ...] = ()
    # The text of an HTML page's site footer, which `pages` leaves out with the rest of the site's chrome (a line a
    # text node, at most `html.chrome.FOOTER_CHARS`): where agencies put their address, telephones and e-mail. Read
    # only by items whose evidence says so (`EvidenceRule.footer_counts`: the contact item).
    footer: str = ""
    # An HTML page's facts for the crawler (`html/facts.py`), read by the extraction worker from the same
    # parse; None for other kinds, and once the crawler is done with the page.
    facts: PageFacts | None = field(default=None, compare=False, repr=False)

    @property
    def failure(self) -> str:
        """The failure as one line for reports: "corrupt: KeyError: …", "timeout", or ""."""
        if self.error is None:
            return ""
        return f"{self.error.value}: {self.error_detail}" if self.error_detail else self.error.value

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its links as plain tuples (see PageFacts.__reduce__): an HTML page's answer and its
        # evaluation cross between processes with some 20 links each.
        state = dict(self.__dict__)
        state["links"] = tuple(map(tuple, self.links))
        return (_document, (state,))


def _document(state: dict[str, Any]) -> Document:
    doc = object.__new__(Document)
    state["links"] = tuple(map(Link._make, state["links"]))
    doc.__dict__.update(state)
    return doc
