"""The progress display of `check` (cli/check.py): items done / total and URLs fetched, on a terminal only;
the events come from a real run of the bundled demo served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io

from rich.console import Console

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import DEMO_DIR, DEMO_HOST, HostMapTransport
from oit_checker.engine.session import RunOptions, run_agencies


def test_progress_reports_items_done_and_urls_fetched(demo_base_url: str) -> None:
    from oit_checker.cli.check import progress_display

    cat = load_catalogue(catalogue_path_for(2568))
    agencies = load_manifests([DEMO_DIR / "agency.toml"], cat.ids)
    events: list[tuple[str, str]] = []
    run = asyncio.run(run_agencies(agencies, cat, 2568, RunOptions(extract_workers=0),
                                   transport=HostMapTransport({DEMO_HOST: demo_base_url}),
                                   on_progress=lambda kind, what: events.append((kind, what))))
    checked = sorted(f.item for a in run.agencies for f in a.findings)  # a listed-only item (O28) is not checked
    assert sorted(w for k, w in events if k == "item") == checked  # each item once, when read
    assert sum(k == "fetched" for k, _ in events) >= 20
    # On a terminal the display counts them: items done / total and URLs fetched.
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with progress_display(console, len(checked), 1, 2568) as update:
        assert update is not None
        for kind, what in events:
            update(kind, what)
    shown = screen.getvalue()
    assert f"{len(checked)}/{len(checked)}" in shown and "URL ที่ดึงแล้ว" in shown
    with progress_display(Console(file=io.StringIO()), 1, 1, 2568) as update:
        assert update is None  # not a terminal (cron, CI, a pipe): no display
