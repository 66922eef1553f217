"""Image → Document. No OCR here: an image is reported as needing it, so the item goes to review."""

from __future__ import annotations

from oit_checker.model import DocKind, Document


def extract_image(body: bytes, url: str) -> Document:
    return Document(url=url, kind=DocKind.IMAGE, needs_ocr=True, page_count=1)
