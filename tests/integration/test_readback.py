"""The read-back after a night (engine/readback.py): each agency's piece — counts, changes since the previous
run, suppressions used, JSON report section — is made where the agency is stored, in the main process or in a
helper lane, and gives exactly what reading the run back from the history gives. Against the local agency site
(tests/support/audit_site.py), over two nights with a regression, a changed document, a suppression in use and
one unused, the second night in two lanes with a helper that really stores agencies; one agency submits a URL
with credentials in it, which the history keeps redacted (the pieces are made from what was stored, so they
compare like the history does). A piece that cannot be kept costs speed, never the night.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.config.suppress import Suppression, SuppressionTracker
from oit_checker.engine import audit as audit_mod
from oit_checker.engine.history import StoreSpec
from oit_checker.engine.readback import StoredAgencies, read_back
from oit_checker.engine.session import RunOptions
from oit_checker.report import json_out
from tests.integration.test_lanes import pid_of, release_when, writers
from tests.support import audit_site as site_mod

COUNT = 16
FY = site_mod.FISCAL_YEAR
TODAY = date(2026, 6, 1)  # the audit's day, injected: suppressions expire on a day


@pytest.fixture
def site() -> Iterator[site_mod.Site]:
    with site_mod.serve(site_mod.Site(site_mod.site_files(COUNT))) as s:
        yield s


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """The site's manifest, a001's contact page submitted with credentials (stored as `http://***@…`)."""
    path = site_mod.write_manifest(tmp_path, COUNT)
    path.write_text(path.read_text(encoding="utf-8").replace(CONTACT, CONTACT.replace("://", "://ita:secret@")),
                    encoding="utf-8")
    return path


CONTACT = "http://www.a001.go.th/a001/contact.html"


def night(tmp_path: Path, site: site_mod.Site, manifest: Path, lanes: int,
          suppressions: tuple[Suppression, ...], cache: Path | None = None) -> audit_mod.AuditOutcome:
    cat = load_catalogue(site_mod.RULES)
    agencies = load_manifests([manifest], cat.ids)
    spec = StoreSpec.of(tmp_path / "history.sqlite3")
    settings = audit_mod.AuditSettings(
        options=RunOptions(extract_workers=1, agencies_at_once=2, lanes=lanes), cache_dir=cache or tmp_path / "cache",
        suppressions=suppressions, today=TODAY, report_section=json_out.agency_section)

    async def go() -> audit_mod.AuditOutcome:
        store = spec.open()  # left open: the outcome's agencies are read from it
        return await audit_mod.audit(agencies, cat, FY, store, settings, store_spec=spec, read_back=True,
                                     transport_factory=site.transport_factory(COUNT))

    return asyncio.run(go())


def test_pieces_made_where_agencies_are_stored_read_back_as_the_history_does(
        tmp_path: Path, site: site_mod.Site, manifest: Path) -> None:
    used = Suppression(agency="a001", item="O1", code="missing_component", reason="รอติดตั้งโทรศัพท์",
                       expires=date(2026, 12, 31))
    unused = Suppression(agency="a002", item="O2", code="http_error", reason="ไม่ได้ใช้", expires=date(2026, 12, 31))
    outcomes = [night(tmp_path, site, manifest, 1, (used, unused))]

    site_mod.second_night(site)  # a001's O1 and a005's O2 regress; a001's contact page changes
    db = tmp_path / "history.sqlite3"
    site.holds["/a001/"] = hold = threading.Event()  # the main lane waits until the helper has stored agencies
    releaser = release_when(hold, lambda: any(pid_of(w) != os.getpid() for w in writers(db, 2).values()))
    outcomes.append(night(tmp_path, site, manifest, 2, (used, unused)))
    releaser.join()
    assert outcomes[1].lanes == 2
    assert any(pid_of(w) != os.getpid() for w in writers(db, 2).values())  # a helper stored some agencies

    for number, outcome in enumerate(outcomes, start=1):
        run = outcome.run
        agencies = run.agencies
        assert isinstance(agencies, StoredAgencies)
        # Every agency came with its piece, the helper's too: the tail did not read them back.
        sections = [agencies.section(i) for i in range(len(agencies))]
        assert None not in sections
        # ... and each section is what the stored agency renders to (reused marks included).
        assert [json.loads(s) for s in sections if s] == [json.loads(json_out.agency_section(a)) for a in agencies]

        # The same read-back from the history alone (no pieces) gives the same diff, suppressions, counts.
        store = agencies._store
        assert run.run_id is not None
        base = store.previous_run(run.run_id, "default")
        plain = StoredAgencies(store, run.run_id, agencies.slugs, {})
        tracker = SuppressionTracker((used, unused), TODAY)
        diff, supp, tally = read_back(store, dataclasses.replace(run, agencies=plain), base, tracker)
        assert diff == outcome.diff
        assert (tally.findings, tally.gaps) == (outcome.findings, outcome.gaps)
        assert supp.applied == outcome.suppressions.applied and supp.unused == outcome.suppressions.unused
        if number == 1:
            assert diff is None
        else:
            assert diff is not None
            assert [(c.agency, c.item) for c in diff.regressions] == [("a001", "O1"), ("a005", "O2")]
            assert [c.url for c in diff.changed_documents] == [CONTACT.replace("://", "://***@")]
            assert diff.added_urls == () and diff.removed_urls == ()  # the same URLs, as stored
            assert [(a.suppression.agency, a.item) for a in supp.applied] == [("a001", "O1")]  # fails, accepted
            assert [s.agency for s in supp.unused] == ["a002"]


def test_a_piece_that_cannot_be_kept_costs_speed_not_the_night(tmp_path: Path, site: site_mod.Site,
                                                               manifest: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    outcome = night(tmp_path, site, manifest, 1, (), cache=blocked)  # no cache, no file for the sections
    agencies = outcome.run.agencies
    assert isinstance(agencies, StoredAgencies) and len(agencies) == COUNT
    assert all(agencies.section(i) is None for i in range(COUNT))  # read back from the history instead
    assert outcome.findings == COUNT * 3 and outcome.gaps == 0
