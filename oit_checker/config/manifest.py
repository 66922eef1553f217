"""Agency manifests: which URLs an agency submits per OIT item (what it enters in ITAS).

One file holds one agency (`[agency]` + `[items]`) or many (`[[agency]]` tables, each with its own
`items` table); a directory holds one file per agency. Errors name the file, the agency and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from oit_checker.config.toml import TomlFileError, read_toml
from oit_checker.errors import ConfigError
from oit_checker.model import Agency

_AGENCY_KEYS = {"name", "home", "fiscal_year", "slug", "items", "notes", "province", "district", "code",
               "allow_private"}
_ITEM_ID = re.compile(r"^O[1-9][0-9]?$")


class ManifestError(ConfigError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def slugify(name: str) -> str:
    cleaned = re.sub(r"[\s/\\]+", "-", name.strip())
    return re.sub(r"[^\w.-]", "", cleaned) or "agency"


def _agency(raw: dict[str, Any], items: Any, path: str, where: str, known_ids: Iterable[str] | None) -> Agency:
    unknown = set(raw) - _AGENCY_KEYS
    if unknown:
        raise ManifestError(path, f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ManifestError(path, f"{where}: 'name' is required (the agency's name)")
    home = raw.get("home")
    if home is not None and not (isinstance(home, str) and home.startswith(("http://", "https://"))):
        raise ManifestError(path, f"{where}: 'home' must be an http(s) URL, got {home!r}")
    fy = raw.get("fiscal_year")
    if fy is not None and not (isinstance(fy, int) and 2500 <= fy <= 2700):
        raise ManifestError(path, f"{where}: 'fiscal_year' must be a Buddhist-Era year such as 2568, got {fy!r}")
    if items is None:
        items = {}
    if not isinstance(items, dict):
        raise ManifestError(path, f"{where}: 'items' must be a table of item = [urls]")
    known = set(known_ids) if known_ids is not None else None
    parsed: dict[str, tuple[str, ...]] = {}
    for key, urls in items.items():
        item_id = key.strip().upper()
        if not _ITEM_ID.match(item_id):
            raise ManifestError(path, f"{where}: item id {key!r} is not of the form O1…O99")
        if known is not None and item_id not in known:
            raise ManifestError(path, f"{where}: item {key!r} is not in the rule catalogue "
                                      f"(known: {', '.join(sorted(known, key=lambda s: int(s[1:])))})")
        if isinstance(urls, str):
            urls = [urls]
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise ManifestError(path, f"{where}: item {key}: expected a list of URL strings")
        cleaned = tuple(dict.fromkeys(u.strip() for u in urls if u.strip()))
        parsed[item_id] = cleaned
    slug = raw.get("slug") or slugify(name)
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ManifestError(path, f"{where}: 'allow_private' must be true or false, got {allow_private!r}")
    return Agency(name=name.strip(), home=home, items=parsed, fiscal_year=fy, source=path, slug=str(slug),
                  allow_private=allow_private)


def parse_manifest(data: dict[str, Any], path: str, known_ids: Iterable[str] | None = None) -> list[Agency]:
    known = list(known_ids) if known_ids is not None else None
    agency = data.get("agency")
    if isinstance(agency, dict):
        extra = set(data) - {"agency", "items"}
        if extra:
            raise ManifestError(path, f"unknown top-level key(s) {', '.join(sorted(extra))}")
        return [_agency({k: v for k, v in agency.items() if k != "items"},
                        data.get("items", agency.get("items")), path, "[agency]", known)]
    if isinstance(agency, list):
        out = []
        for n, raw in enumerate(agency, start=1):
            if not isinstance(raw, dict):
                raise ManifestError(path, f"[[agency]] #{n}: expected a table")
            where = f"[[agency]] #{n} ({raw.get('name', '?')})"
            out.append(_agency({k: v for k, v in raw.items() if k != "items"}, raw.get("items"), path, where,
                               known))
        slugs = [a.slug for a in out]
        dupes = {s for s in slugs if slugs.count(s) > 1}
        if dupes:
            raise ManifestError(path, f"two agencies share the name/slug {', '.join(sorted(dupes))}")
        return out
    raise ManifestError(path, "no [agency] table (one agency) or [[agency]] tables (many agencies) found")


def load_manifests(paths: Iterable[str | Path], known_ids: Iterable[str] | None = None) -> list[Agency]:
    """Load files and directories of manifests (a directory: every *.toml in it, sorted)."""
    known = list(known_ids) if known_ids is not None else None
    agencies: list[Agency] = []
    for p in paths:
        path = Path(p)
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise ManifestError(str(path), "directory holds no *.toml manifest")
        for f in files:
            try:
                data = read_toml(f)
            except TomlFileError as exc:
                raise ManifestError(str(f), str(exc)) from None
            agencies.extend(parse_manifest(data, str(f), known))
    return agencies
