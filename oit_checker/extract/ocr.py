"""Optional OCR of scans and images (extra `ocr`: pytesseract + Pillow; Debian `tesseract-ocr-tha`).

Policy — OCR text is a hint for the person who reviews, never a verdict:

- a scan or an image stays `review` (`no_text`) whatever OCR reads. OCR misreads Thai-digit years
  (๒๕๖๙ read as ๒๕๒๕, measured on the test corpus) and drops or invents Thai vowels, so a miss proves
  nothing (no "missing" from OCR) and a hit cannot be confirmed either (no "pass" from OCR: a wrong year
  read as the right one would be a false pass on a document nobody checked);
- what OCR read is quoted in an `ocr_hint` note beside `no_text`, with whether the item's title and the
  wanted fiscal year appear in it, so the reviewer knows where to look first.

Off by default (`FollowSettings.ocr`); ≈0.7–1 s per page, so at most `MAX_PAGES` pages per document.
Everything here degrades to "no hint" when the engine or the Thai language data is missing.
"""

from __future__ import annotations

import io
import shutil
from functools import cache

from oit_checker.model import DocKind

__all__ = ["MAX_PAGES", "available", "read_pages"]

MAX_PAGES = 3
RENDER_DPI = 200  # the corpus scans are 200 dpi; Thai marks get lost below ~150
LANG = "tha+eng"


@cache
def available() -> bool:
    """Whether pytesseract, Pillow, the tesseract binary and its Thai data are all installed."""
    try:
        import PIL.Image  # noqa: F401
        import pytesseract
    except ImportError:
        return False
    if shutil.which("tesseract") is None:
        return False
    try:
        return "tha" in pytesseract.get_languages(config="")
    except Exception:  # a broken install is the same as none
        return False


def _images(body: bytes, kind: DocKind) -> list[object]:
    from PIL import Image

    if kind is DocKind.IMAGE:
        image = Image.open(io.BytesIO(body))
        image.load()
        return [image]
    if kind is DocKind.PDF:
        import pypdfium2 as pdfium

        from oit_checker.extract.pdf import PDFIUM_LOCK

        out: list[object] = []
        with PDFIUM_LOCK:  # PDFium is not thread-safe, and in-process extraction uses it on a thread too
            pdf = pdfium.PdfDocument(body)
            try:
                for index in range(min(len(pdf), MAX_PAGES)):
                    page = pdf[index]
                    out.append(page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil())
                    page.close()
            finally:
                pdf.close()
        return out
    if kind in (DocKind.DOCX, DocKind.XLSX):
        # the pictures pasted into a Word file or a workbook (extract/office.py flags one of pictures `needs_ocr`)
        import zipfile

        media = "word/media/" if kind is DocKind.DOCX else "xl/media/"
        pictures: list[object] = []
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            for name in sorted(n for n in archive.namelist() if n.startswith(media)):
                try:
                    image = Image.open(io.BytesIO(archive.read(name)))
                    image.load()
                except Exception:  # an EMF/WMF drawing or a damaged picture: not one OCR reads
                    continue
                pictures.append(image)
                if len(pictures) == MAX_PAGES:
                    break
        return pictures
    return []


def read_pages(body: bytes, kind: DocKind) -> list[str]:
    """OCR text per page (at most `MAX_PAGES`); [] when OCR is unavailable or fails. Never raises."""
    if not available():
        return []
    try:
        import pytesseract

        return [pytesseract.image_to_string(img, lang=LANG) for img in _images(body, kind)]
    except Exception:  # OCR is a hint: a failure is no hint, not an error of the check
        return []
