"""Every item of both catalogues evaluated on pages of hostile text; prints the slow ones.

    .venv/bin/python bench/hostile_text.py [--chars N] [--slow-ms MS]

A page that lost its spaces is one run of letters, a table can leave a long run of digits, a form or a table of
contents long runs of dots: a pattern tried at every character of such a run, each try reading the rest of it,
costs the square of its length. Each page below (N characters, 8,000 by default) is given to every item as a
one-page PDF and as an HTML page, twice over (the page, then its first 5,000 characters as a second page), and
each item's evaluation is timed. A line is printed for each page whose slowest item took more than --slow-ms
(50 by default) or whose items took more than 8 × that together, then the slowest item overall. On 2026-12-06
this found a page of 20,000 digits with "บาท" at 12 s an item (digit-led patterns), "นายก" repeated at 1 s (the
executives' names) and 20,000 dots at 11 s (the contents leader); all under 0.1 s since.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from oit_checker.catalogue.rules import load_catalogue  # noqa: E402
from oit_checker.evaluate.item import evaluate_item  # noqa: E402
from oit_checker.model import DocKind, Document, Fetched, Retrieved, UrlTrail  # noqa: E402


def pages(n: int) -> dict[str, str]:
    return {
        "digits and บาท": "1" * n + " บาท ปีงบประมาณ 2568", "Thai digits and บาท": "๑" * n + " บาท",
        "นายก repeated": "นายก" * (n // 4), "a name repeated": "นางสาวสมศรี" * (n // 11), "letters": "ก" * n,
        "letters and spaces": "ก " * (n // 2), "years": "2568 " * (n // 5), "dates": "1 ต.ค. 2567 " * (n // 12),
        "digits and commas": "1," * (n // 2) + " บาท", "dots": "." * n, "spaced dots": ". " * (n // 2),
        "ellipses": "…" * n, "underscores": "_" * n, "pipes": "| " * (n // 2), "one letter a line": "ก\n" * (n // 2),
        "an address part": "a" * n + "@", "zeros": "0 " * (n // 2), "dashes": "- " * (n // 2), "brackets": "(" * n,
        "a plan's words": "โครงการ งบประมาณ (บาท) ระยะเวลา ต.ค. 67 - ก.ย. 68 ผู้รับผิดชอบ " * (n // 60),
        "signatures": "(นายสมชาย ใจดี) " * (n // 16), "a dotted form": "ชื่อ" + "." * n + " ตำแหน่ง" + "." * n,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--chars", type=int, default=8000)
    p.add_argument("--slow-ms", type=float, default=50.0)
    args = p.parse_args()
    slowest = (0.0, "")
    for year in (2568, 2569):
        cat = load_catalogue(ROOT / "rules" / f"ita{year}.toml")
        for name, text in pages(args.chars).items():
            for kind in (DocKind.PDF, DocKind.HTML):
                doc = Document(url="https://x.go.th/a", kind=kind, title="", pages=(text, text[:5000]))
                got = Fetched(url=doc.url, final_url=doc.url, status=200, content_type="text/html", body=b"")
                trail = UrlTrail(submitted=doc.url, retrieved=(Retrieved(fetched=got, document=doc),))
                worst, total = (0.0, ""), 0.0
                for item in cat.items:
                    t = time.perf_counter()
                    evaluate_item(item, [trail], year)
                    took = time.perf_counter() - t
                    total += took
                    worst = max(worst, (took, item.id))
                    slowest = max(slowest, (took, f"{year} {item.id} on {name} ({kind.value})"))
                if worst[0] * 1000 > args.slow_ms or total * 1000 > 8 * args.slow_ms:
                    print(f"{year} {name} ({kind.value}): all items {total * 1000:.0f} ms, slowest {worst[1]} "
                          f"{worst[0] * 1000:.0f} ms", flush=True)
    print(f"slowest item: {slowest[1]}, {slowest[0] * 1000:.0f} ms ({args.chars} characters a page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
