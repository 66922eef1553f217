"""Links found in an HTML page (placeholder: replaced by the links module proper)."""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from oit_checker.model import Link


def extract_links(tree: LexborHTMLParser, base_url: str) -> tuple[Link, ...]:
    links: list[Link] = []
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href:
            links.append(Link(url=urljoin(base_url, href), text=node.text(strip=True)))
    return tuple(links)
