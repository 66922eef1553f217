"""The discovery-shape fixtures (fixtures/discover_shapes): committed as the generator writes them, every URL
they name is served, and score.py scores a perfect draft as perfect and a mistaken one as mistaken.

These tests check the fixtures, not discovery: how `discover` does on them is measured by score.py."""

from __future__ import annotations

import json
import os
import tomllib
import urllib.parse
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.support.paths import ROOT, load_script

SHAPES = ROOT / "fixtures" / "discover_shapes"
EXPECTED = sorted(SHAPES.glob("expected-*.toml"))


def _module(name: str) -> ModuleType:
    return load_script(SHAPES / f"{name}.py", f"discover_shapes_{name}")


@pytest.fixture(scope="module")
def score() -> ModuleType:
    return _module("score")


def _load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _all_urls(data: dict) -> set[str]:
    urls: set[str] = set()
    for item in data["items"].values():
        urls.update(item["urls"], item.get("near", []))
        urls.update(a for alts in (item.get("accept") or {}).values() for a in alts)
    urls.update(data["forbidden"]["other_scheme"], data["forbidden"]["traps"])
    urls.update(li["url"] for li in data.get("listings", []))
    return urls


def test_committed_fixtures_are_what_the_generator_writes() -> None:
    assert _module("make_sites").main(["--check"]) == 0


def test_every_expected_draft_is_complete() -> None:
    assert {p.name for p in EXPECTED} >= {"expected-vendor-menus.toml", "expected-download-centre.toml",
                                           "expected-health-moit.toml", "expected-school-variant.toml",
                                           "expected-year-index-2568.toml", "expected-year-index-2569.toml",
                                           "expected-year-index-auto.toml", "expected-year-tabs-2568.toml",
                                           "expected-year-tabs-2569.toml"}
    for path in EXPECTED:
        data = _load(path)
        rules = _load(ROOT / "rules" / f"ita{data['run']['criteria']}.toml")
        assert set(data["items"]) <= {i["id"] for i in rules["items"]}, path.name
        for item_id, item in data["items"].items():
            assert (item["confidence"] in ("high", "medium", "low")) == bool(item["urls"]), (path.name, item_id)
            assert len(item["urls"]) <= 5, (path.name, item_id)  # ITAS takes at most five URLs per item
        if data["listing"]["year"]:
            assert data["listing"]["year"] in {li["year"] for li in data.get("listings", [])} or not data.get(
                "listings"), path.name


def test_every_url_on_a_fixture_host_is_served() -> None:
    for path in EXPECTED:
        data = _load(path)
        root = SHAPES / "sites" / data["site"]["host"]
        assert (root / "index.html").is_file()
        for url in _all_urls(data):
            parts = urllib.parse.urlsplit(url)
            if parts.hostname != data["site"]["host"]:
                continue  # Messenger, e-GP, Google Forms: off the agency's site
            name = os.fsdecode(urllib.parse.unquote_to_bytes(parts.path)).lstrip("/")
            target = root / name / "index.html" if name.endswith("/") or not name else root / name
            assert target.is_file(), f"{path.name}: {url}"


def _perfect_draft(data: dict) -> str:
    lines = [f"# ITA {data['run']['criteria']} criteria (ita{data['run']['criteria']}.toml).",
             "# ITA/OIT page(s) read:"]
    lines += [f"#   {u}" for u in data["listing"]["pages"]]
    lines += ["", "[agency]", 'name = "x"', f"home = {json.dumps(data['site']['home'])}", "", "[items]"]
    for item_id, item in data["items"].items():
        if not item["urls"]:
            lines.append(f"{item_id} = []  # no link found")
            continue
        lines.append(f"{item_id} = [")
        for url in item["urls"]:
            level = (item.get("levels") or {}).get(url, item["confidence"])
            lines.append(f"    {json.dumps(url)},  # confidence: {level} — test")
        lines.append("]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_score_of_the_expected_draft_is_perfect(path: Path, score: ModuleType, tmp_path: Path) -> None:
    data = _load(path)
    draft_path = tmp_path / "draft.toml"
    draft_path.write_text(_perfect_draft(data), encoding="utf-8")
    spec = score.load_spec(path)
    result = score.score(spec, score.read_draft(draft_path), 0, 0.0)
    assert (result.exact, result.wrong, result.other_scheme) == (result.total, [], [])
    assert result.conf_ok == result.conf_total == sum(len(i["urls"]) for i in data["items"].values())
    if data["listing"]["pages"] and data["listing"]["year"]:
        assert result.chosen.startswith(str(data["listing"]["year"])), result.chosen


def test_score_counts_other_scheme_and_misplaced_urls(score: ModuleType, tmp_path: Path) -> None:
    path = SHAPES / "expected-health-moit.toml"
    data = _load(path)
    moit = data["forbidden"]["other_scheme"][0]
    o16 = data["items"]["O16"]["urls"][0]
    data["items"]["O1"]["urls"].append(moit)  # a MOIT document under O1
    data["items"]["O10"]["urls"].append(o16)  # O16's code of ethics under O10
    draft_path = tmp_path / "draft.toml"
    draft_path.write_text(_perfect_draft(data), encoding="utf-8")
    result = score.score(score.load_spec(path), score.read_draft(draft_path), 0, 0.0)
    assert result.other_scheme == [("O1", urllib.parse.unquote(moit))]
    assert [(item, kind) for item, _, kind in result.wrong] == [("O10", "another item's (O16)")]
    assert result.exact == result.total - 2 and result.partial == 2  # right apart from the URL added to each


def test_a_draft_for_another_criteria_year_scores_nothing(score: ModuleType, tmp_path: Path) -> None:
    path = SHAPES / "expected-year-index-auto.toml"
    data = _load(path)
    draft_path = tmp_path / "draft.toml"
    draft_path.write_text(_perfect_draft(data).replace("# ITA 2568 criteria", "# ITA 2569 criteria"), encoding="utf-8")
    result = score.score(score.load_spec(path), score.read_draft(draft_path), 0, 0.0)
    assert result.exact == 0 and len(result.wrong) == sum(len(i["urls"]) for i in data["items"].values())


def test_the_proxy_answers_for_fixture_hosts_only(score: ModuleType) -> None:
    with score.fixture_proxy(SHAPES / "sites") as proxy, httpx.Client(proxy=proxy, trust_env=False) as client:
        page = client.get("http://www.huainamsai-demo.go.th/public/list/data/index/menu/1176")
        assert page.status_code == 200 and "no gift policy" in page.text
        thai = client.get("http://www.nakhamtai-demo.go.th/webs/files/download/C00012/"
                          + urllib.parse.quote("ข้อ 3 ข้อมูลการติดต่อหน่วยงาน.pdf"))
        assert thai.status_code == 200 and thai.content.startswith(b"%PDF-")
        assert client.get("http://www.example.com/").status_code == 502
