"""`oit-checker check` keeps answers and extracted texts between runs, as `audit` does: every URL is asked
again (a conditional GET), an unchanged document is neither downloaded nor read again, a changed one is, and
the verdicts are the same as a run without the cache. `--no-cache` keeps nothing; the demo never caches.

End to end through the command line on the local audit site (tests/support/audit_site.py: ETag/304, files
edited between runs). Extraction is counted where it happens (`ExtractPool.extract`, called only when the
extraction cache has no answer). No clock, no timing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from oit_checker.cli import main as cli
from oit_checker.extract.pool import ExtractPool
from oit_checker.model import Document
from tests.support import audit_site as site_mod

COUNT = 2
FY = str(site_mod.FISCAL_YEAR)


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs whose bytes were given to the extractors (not answered by the extraction cache)."""
    urls: list[str] = []
    real = ExtractPool.extract

    async def counting(self: ExtractPool, body: bytes, url: str, *args: Any, **kwargs: Any) -> Document:
        urls.append(url)
        return await real(self, body, url, *args, **kwargs)

    monkeypatch.setattr(ExtractPool, "extract", counting)
    return urls


def check(manifest: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    cli.main(["check", str(manifest), "--rules", str(site_mod.RULES), "--fiscal-year", FY,
              "--extract-workers", "0", "--format", "json", *extra])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def verdicts(report: dict[str, Any]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    return {(a["slug"], f["item"]): (f["status"], [r["code"] for r in f["reasons"]])
            for a in report["agencies"] for f in a["findings"]}


def test_a_second_check_asks_every_url_again_and_reads_nothing_again(
        tmp_path: Path, manifest: Path, site: site_mod.Site, extracted: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    first = check(manifest, capsys, "--cache-dir", str(cache))
    # Every body read, once: the two agencies' plans are the same bytes, read once for both unless both
    # arrive before either is read.
    assert site.served == {200: len(site.files)} and len(site.files) - 1 <= len(extracted) <= len(site.files)
    assert sorted(p.name for p in cache.iterdir() if p.suffix == ".sqlite3")  # the answers were kept
    site.reset_counts()
    extracted.clear()

    second = check(manifest, capsys, "--cache-dir", str(cache))
    # Every URL was asked again, conditionally, and answered "not modified"; nothing was read again.
    assert site.served == {304: len(site.files)} and site.conditional == len(site.files)
    assert extracted == []
    assert verdicts(second) == verdicts(first)


def test_a_changed_document_is_downloaded_and_read_again_and_judged_on_its_new_text(
        tmp_path: Path, manifest: Path, site: site_mod.Site, extracted: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    first = check(manifest, capsys, "--cache-dir", str(cache))
    assert verdicts(first)["a002", "O1"][0] == "pass"
    site.reset_counts()
    extracted.clear()
    site.files["/a002/contact.html"] = site_mod.contact(2, phone=False)  # new bytes: a 200, not a 304

    second = check(manifest, capsys, "--cache-dir", str(cache))
    assert site.served == {200: 1, 304: len(site.files) - 1}
    assert [u.rsplit("/", 2)[-2:] for u in extracted] == [["a002", "contact.html"]]
    assert verdicts(second)["a002", "O1"][0] == "fail"  # the missing phone number is seen
    assert {k: v for k, v in verdicts(second).items() if k != ("a002", "O1")} == \
        {k: v for k, v in verdicts(first).items() if k != ("a002", "O1")}


def test_the_default_cache_is_the_users_cache_folder_and_no_cache_keeps_nothing(
        manifest: Path, site: site_mod.Site, extracted: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    user_cache = Path(os.environ["XDG_CACHE_HOME"]) / "oit-checker"  # tests/conftest.py: one per test
    check(manifest, capsys, "--no-cache")
    site.reset_counts()
    check(manifest, capsys, "--no-cache")
    assert site.conditional == 0 and site.served == {200: len(site.files)}
    assert len(extracted) == 2 * len(site.files)
    assert not user_cache.exists()

    check(manifest, capsys)  # no option: the user's cache folder
    assert (user_cache / "http-responses.sqlite3").is_file()


def test_the_demo_keeps_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["demo", "--fiscal-year", "2568", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["agencies"]
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "oit-checker").exists()
