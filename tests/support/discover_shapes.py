"""Running `oit-checker discover` on one discovery-shape fixture site and reading its draft against the
expected draft (fixtures/discover_shapes/expected-<key>.toml): shared by the
tests/integration/test_discover_<shape>.py modules. The draft is read and compared with score.py's own reader,
so the tests and the measured score agree on what "exact", "wrong" and "the listing year used" mean.
"""

from __future__ import annotations

import io
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console

from oit_checker.cli.discover import cmd_discover
from oit_checker.cli.main import build_parser
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.text import clock
from tests.support.paths import FIXTURES, load_script

SHAPES = FIXTURES / "discover_shapes"
# A day of FY 2570 (ITA 2569 criteria by default): a run given no year must not follow it when a listing names one.
TODAY = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def score_module() -> ModuleType:
    return load_script(SHAPES / "score.py", "discover_shapes_score")


@dataclass
class Run:
    """One discover run on a fixture site: the exit code, the draft as written and as scored."""

    key: str
    exit_code: int
    text: str  # the draft manifest
    spec: Any  # score.Spec (score.py is loaded from its file: its classes are not importable by name)
    draft: Any  # score.Draft
    score: Any  # score.Score

    def urls(self, item: str) -> set[str]:
        return set(self.draft.items.get(item, []))

    def expected(self, item: str) -> set[str]:
        return set(self.spec.items[item].urls)

    def stand_ins(self, item: str) -> dict[str, set[str]]:
        return {u: set(alts) for u, alts in self.spec.items[item].accept.items()}

    def not_exact(self) -> dict[str, tuple[list[str], list[str]]]:
        """item → (expected URLs missing, URLs that should not be there), for the items that are not exact."""
        out: dict[str, tuple[list[str], list[str]]] = {}
        for item in self.spec.items:
            got, want, alts = self.urls(item), self.expected(item), self.stand_ins(item)
            missing = [u for u in want if u not in got and not (alts.get(u, set()) & got)]
            allowed = want | {a for vs in alts.values() for a in vs}
            extra = sorted(got - allowed)
            if missing or extra:
                out[item] = (sorted(missing), extra)
        return out

    def other_scheme_urls(self) -> set[str]:
        drafted = {u for urls in self.draft.items.values() for u in urls}
        return drafted & set(self.spec.other_scheme)

    def traps_drafted(self) -> set[str]:
        drafted = {u for urls in self.draft.items.values() for u in urls}
        return drafted & set(self.spec.traps)

    @property
    def listing_year_used(self) -> str:
        return str(self.score.chosen)

    @property
    def listing_year_expected(self) -> int:
        return int(self.spec.listing_year)


def run_shape(key: str, tmp: Path) -> Run:
    """Serve the site of expected-<key>.toml on 127.0.0.1 and run the command line a user types."""
    score = score_module()
    spec = score.load_spec(SHAPES / f"expected-{key}.toml")
    host = urllib.parse.urlsplit(spec.home).hostname
    draft_path = tmp / f"draft-{key}.toml"
    clock.set_clock(lambda: TODAY)
    try:
        with serve_directory(SHAPES / "sites" / host) as base:
            args = build_parser().parse_args(["discover", spec.home, *spec.args, "--host-delay", "0",
                                              "--output", str(draft_path)])
            code = cmd_discover(args, Console(file=io.StringIO()), transport=HostMapTransport({host: base}))
    finally:
        clock.set_clock()
    draft = score.read_draft(draft_path)
    return Run(key, int(code), draft_path.read_text(encoding="utf-8"), spec, draft, score.score(spec, draft, code, 0))
