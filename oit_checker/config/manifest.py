"""Agency manifests: which URLs an agency submits per OIT item (what it enters in ITAS).

One file holds one agency (`[agency]` + `[items]`) or many (`[[agency]]` tables, each with its own
`items` table); a directory holds one file per agency. Errors name the file, the agency and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.config.toml import TomlFileError, read_toml
from oit_checker.errors import ConfigError
from oit_checker.model import Agency
from oit_checker.text.i18n import text

_AGENCY_KEYS = {"name", "home", "fiscal_year", "slug", "items", "notes", "province", "district", "code",
               "allow_private"}
_ITEM_ID = re.compile(r"^O[1-9][0-9]?$")


class ManifestError(ConfigError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class SkippedItem:
    """An item a manifest lists that an override removed from the catalogue (remove = true): its URLs are not
    checked, and the command says so (cli/common.py)."""

    path: str  # the manifest
    where: str  # its items table ("[items]", "[[agency]] #2 (name) [agency.items]")
    item: str
    urls: int
    override: str  # the override file that removed the item


def slugify(name: str) -> str:
    cleaned = re.sub(r"[\s/\\]+", "-", name.strip())
    return re.sub(r"[^\w.-]", "", cleaned) or "agency"


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HOST_START = re.compile(r"^(?:[\w-]+\.)+[a-zA-Z\u0e00-\u0e7f]{2,}(?::\d+)?(?:[/?#]|$)")


def _scheme_problem(url: str) -> str | None:
    """"no_scheme" for "www.example.go.th/…" (a host without https://), "not_url" for other text without
    a scheme, None for a URL with one (a wrong scheme such as ftp: is the evaluator's to report)."""
    if _SCHEME.match(url) and not _HOST_START.match(url):
        return None
    if url.startswith("//") or _HOST_START.match(url):
        return "no_scheme"
    return "not_url"


def _suggestion(url: str) -> str:
    return "https:" + url if url.startswith("//") else "https://" + url


def _check_urls(urls: tuple[str, ...], item: str, path: str, where: str) -> None:
    for url in urls:
        problem = _scheme_problem(url)
        if problem is not None:
            raise ManifestError(path, text(f"manifest.{problem}", where=where, item=item, url=repr(url),
                                           suggestion=_suggestion(url)))


def _check_home(home: object, path: str, where: str) -> None:
    if home is None:
        return
    if isinstance(home, str) and _scheme_problem(home.strip()) == "no_scheme":
        raise ManifestError(path, text("manifest.home_no_scheme", where=where, url=repr(home),
                                       suggestion=_suggestion(home.strip())))
    if not (isinstance(home, str) and home.startswith(("http://", "https://"))):
        raise ManifestError(path, text("manifest.home_url", where=where, got=repr(home)))


def _agency(raw: dict[str, Any], items: Any, path: str, where: str, known_ids: Iterable[str] | None,
            items_where: str, criteria: int | None = None, removed: Mapping[str, str] | None = None,
            skipped: list[SkippedItem] | None = None) -> Agency:
    """One agency; `where` names its table ("[agency]", "[[agency]] #2 (name)"), `items_where` the table its
    items were read from ("[items]", "[agency.items]" …), so an error points at the right one. An item in
    `removed` (id → the override that removed it) is left out and noted in `skipped`."""
    unknown = set(raw) - _AGENCY_KEYS
    if unknown:
        raise ManifestError(path, text("manifest.unknown_keys", where=where, keys=", ".join(sorted(unknown))))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ManifestError(path, text("manifest.name_required", where=where))
    home = raw.get("home")
    _check_home(home, path, where)
    fy = raw.get("fiscal_year")
    if fy is not None and not (isinstance(fy, int) and 2500 <= fy <= 2700):
        raise ManifestError(path, text("manifest.fiscal_year", where=where, got=repr(fy)))
    if items is None:
        items = {}
    if not isinstance(items, dict):
        raise ManifestError(path, text("manifest.items_table", where=items_where))
    known = set(known_ids) if known_ids is not None else None
    parsed: dict[str, tuple[str, ...]] = {}
    for key, urls in items.items():
        item_id = key.strip().upper()
        if not _ITEM_ID.match(item_id):
            raise ManifestError(path, text("manifest.item_id", where=items_where, item=repr(key)))
        if known is not None and item_id not in known and removed and item_id in removed:
            if skipped is not None:
                n = 1 if isinstance(urls, str) else len(urls) if isinstance(urls, list) else 0
                skipped.append(SkippedItem(path, items_where, item_id, n, removed[item_id]))
            continue
        if known is not None and item_id not in known:
            # With the criteria year: a manifest written for another year's items is the usual cause.
            raise ManifestError(path, text("manifest.unknown_item" if criteria is None else "manifest.unknown_item_in",
                                           where=items_where, item=repr(key), criteria=criteria,
                                           known=", ".join(sorted(known, key=lambda s: int(s[1:])))))
        if isinstance(urls, str):
            urls = [urls]
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise ManifestError(path, text("manifest.url_list", where=items_where, item=key))
        cleaned = tuple(dict.fromkeys(u.strip() for u in urls if u.strip()))
        _check_urls(cleaned, key, path, items_where)
        parsed[item_id] = cleaned
    slug = raw.get("slug") or slugify(name)
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ManifestError(path, text("manifest.allow_private", where=where, got=repr(allow_private)))
    return Agency(name=name.strip(), home=home, items=parsed, fiscal_year=fy, source=path, slug=str(slug),
                  allow_private=allow_private)


def parse_manifest(data: dict[str, Any], path: str, known_ids: Iterable[str] | None = None,
                   criteria: int | None = None, removed: Mapping[str, str] | None = None,
                   skipped: list[SkippedItem] | None = None) -> list[Agency]:
    """The agencies of one manifest's TOML; item ids checked against `known_ids` (of the ITA `criteria` year's
    catalogue, named in the error) when given. Items in `removed` (id → the override file that removed it from
    the catalogue) are left out, each noted in `skipped`."""
    known = list(known_ids) if known_ids is not None else None
    agency = data.get("agency")
    if isinstance(agency, dict):
        extra = set(data) - {"agency", "items"}
        if extra:
            raise ManifestError(path, text("manifest.top_level_keys", keys=", ".join(sorted(extra))))
        items_where = "[items]" if "items" in data else "[agency.items]"
        return [_agency({k: v for k, v in agency.items() if k != "items"},
                        data.get("items", agency.get("items")), path, "[agency]", known, items_where, criteria,
                        removed, skipped)]
    if isinstance(agency, list):
        out = []
        for n, raw in enumerate(agency, start=1):
            if not isinstance(raw, dict):
                raise ManifestError(path, text("manifest.agency_table", where=f"[[agency]] #{n}"))
            where = f"[[agency]] #{n} ({raw.get('name', '?')})"
            out.append(_agency({k: v for k, v in raw.items() if k != "items"}, raw.get("items"), path, where,
                               known, f"{where} [agency.items]", criteria, removed, skipped))
        slugs = [a.slug for a in out]
        dupes = {s for s in slugs if slugs.count(s) > 1}
        if dupes:
            raise ManifestError(path, text("manifest.duplicate_slugs", slugs=", ".join(sorted(dupes))))
        return out
    raise ManifestError(path, text("manifest.no_agency"))


class ManifestFiles:
    """Files and directories of manifests read once (a directory: every *.toml in it, sorted), for the two
    readings a command makes: `preliminary`, without the catalogue (whose choice needs the manifests' fiscal
    year), then `agencies(catalogue ids)`, with it. TOML is read once: for 100 agencies that was 90 ms of the
    120 ms a reading took, done twice while the extraction workers had not started."""

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self._files: list[tuple[str, dict[str, Any]]] = []
        self.preliminary: list[Agency] = []
        for name, data in _read_manifests(paths):
            self.preliminary.extend(parse_manifest(data, name))
            self._files.append((name, data))

    @property
    def tables(self) -> list[tuple[str, dict[str, Any]]]:
        """(file name, its TOML as read) of every file, in order: what `manifest migrate` rewrites."""
        return list(self._files)

    def agencies(self, known_ids: Iterable[str] | None = None, criteria: int | None = None,
                 removed: Mapping[str, str] | None = None, skipped: list[SkippedItem] | None = None
                 ) -> list[Agency]:
        """The agencies, their item ids checked against `known_ids` (the catalogue's, of ITA `criteria`) when
        given; items an override removed (`removed`: id → override file) left out and noted in `skipped`."""
        if known_ids is None:
            return list(self.preliminary)
        known = list(known_ids)
        return [a for name, data in self._files
                for a in parse_manifest(data, name, known, criteria, removed, skipped)]


def _read_manifests(paths: Iterable[str | Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file name, its TOML) of files and directories of manifests (a directory: every *.toml in it, sorted),
    one file at a time: a file's own errors come before the next file is read."""
    for p in paths:
        path = Path(p)
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise ManifestError(str(path), text("manifest.empty_folder"))
        for f in files:
            try:
                data = read_toml(f)
            except TomlFileError as exc:
                raise ManifestError(str(f), str(exc)) from None
            yield str(f), data


def load_manifests(paths: Iterable[str | Path], known_ids: Iterable[str] | None = None) -> list[Agency]:
    """Load files and directories of manifests (a directory: every *.toml in it, sorted)."""
    known = list(known_ids) if known_ids is not None else None
    return [a for name, data in _read_manifests(paths) for a in parse_manifest(data, name, known)]
