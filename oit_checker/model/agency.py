"""An agency and the URLs it submits per item (from its manifest)."""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------- manifest


@dataclass(frozen=True)
class Agency:
    name: str
    home: str | None
    items: dict[str, tuple[str, ...]]  # item id → submitted URLs, in submission order
    fiscal_year: int | None = None
    source: str = ""
    slug: str = ""  # stable key for history (derived from name when absent)
    allow_private: bool = False  # an intranet agency: its URLs may lead to private addresses (fetch/policy.py)


