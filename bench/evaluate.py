"""How long evaluation takes when items share documents (a landing page or plan submitted for many items).

Prints ms per agency for all 27 items of ITA 2568 reading the same 8 demo documents, with one
`DocumentCache` per agency (what the pipeline does) and with a fresh cache per item (no sharing).
Run: .venv/bin/python bench/evaluate.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import DocumentCache, evaluate_item
from oit_checker.extract import extract
from oit_checker.model import Fetched, Retrieved, UrlTrail

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "fixtures" / "demo" / "site" / "files").glob("*.pdf"))[:8]


def main() -> None:
    catalogue = load_catalogue(catalogue_path_for(2568))
    docs = [extract(p.read_bytes(), f"https://www.example.go.th/files/{p.name}", "application/pdf") for p in FILES]
    trails = [UrlTrail(d.url, (Retrieved(Fetched(url=d.url, final_url=d.url, status=200, body=b"%PDF"), d),))
              for d in docs]
    for label, shared in (("one cache per agency", True), ("no sharing", False)):
        times = []
        for _ in range(5):
            started = time.perf_counter()
            cache = DocumentCache()
            for item in catalogue.items:
                evaluate_item(item, trails, 2568, home="https://www.example.go.th/",
                              cache=cache if shared else DocumentCache())
            times.append((time.perf_counter() - started) * 1000)
        print(f"{label:22s} {len(catalogue.items)} items × {len(docs)} documents: "
              f"median {statistics.median(times):7.1f} ms, best {min(times):7.1f} ms")


if __name__ == "__main__":
    main()
