"""Extraction of pages nested hundreds or thousands of levels deep: CPU seconds for each shape and depth.

    .venv/bin/python bench/hostile_html.py [--depths 500,2000,8000]

A broken generator or a hostile site can nest its markup thousands deep. Reading such a page must cost time linear
in its size: a step that walks every element's ancestors, or reads every block's whole text for each link inside
it, costs the square of the depth (or its cube). Each page below nests one shape DEPTH times around one sentence and
is read by the product's own `extract()`; one line per shape and depth (CPU seconds, the page's size, the text's).
On 2026-12-07 the table-layout menus' check took 11.8 s at 500 nested tables and 90 s at 1,000, the link contexts
3.3 s at 4,000 nested blocks of links; 0.35 s and 0.52 s at 8,000 since.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from oit_checker.extract import extract  # noqa: E402

SHAPES = {
    "blocks": ("<div>ข้อความ ", "</div>"),
    "tables": ("<table><tr><td>ข้อความ <a href='/a{i}.html'>เมนู</a> ", "</td></tr></table>"),
    "articles": ("<article><div>ข้อความ ", "</div></article>"),
    "blocks of links": ("<div><a href='/x{i}.html'>หน้าแรก</a> | <a href='/y{i}.html'>ติดต่อ</a> | ", "</div>"),
    "widgets": ("<div class='widget'><header>หัวข้อ</header><a href='/w{i}.html'>ลิงก์</a> ", "</div>"),
    "lists": ("<ul><li><a href='/l{i}.html'>รายการ</a> ", "</li></ul>"),
}


def page(shape: str, depth: int) -> bytes:
    opening, closing = SHAPES[shape]
    return ("<html><body>" + "".join(opening.format(i=i) for i in range(depth)) + "แผนการดำเนินงาน ประจำปี ๒๕๖๙"
            + closing * depth + "</body></html>").encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--depths", default="500,2000,8000")
    args = ap.parse_args()
    for depth in (int(d) for d in args.depths.split(",")):
        for shape in SHAPES:
            body = page(shape, depth)
            began = time.process_time()
            doc = extract(body, "https://www.khoksung.go.th/plan.html", "text/html")
            print(json.dumps({"bench": "hostile_html", "shape": shape, "depth": depth, "cpu_s": round(
                time.process_time() - began, 3), "page_kb": round(len(body) / 1024), "text_chars": len(doc.text),
                "error": doc.error.value if doc.error else None}, ensure_ascii=False))


if __name__ == "__main__":
    main()
