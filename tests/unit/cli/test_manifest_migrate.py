"""`oit-checker manifest migrate`: a 2568 manifest carried to ITA 2569 codes (rules/mapping-2568-2569.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from oit_checker.catalogue.mapping import MappedItem, load_mapping
from oit_checker.catalogue.migrate import compose_mappings, migrate_file
from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.cli.main import main
from oit_checker.config.manifest import ManifestError, load_manifests
from oit_checker.config.toml import toml_string
from oit_checker.model import Confidence
from tests.support.paths import ROOT

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

DEMO = ROOT / "fixtures" / "demo" / "agency.toml"
OWN = ROOT / "fixtures" / "discover" / "manifest-2568.toml"
IDS_2569 = load_catalogue(catalogue_path_for(2569)).ids
H = "http://www.nongbua-demo.go.th"


def _migrate(tmp_path: Path, source: Path, *extra: str) -> tuple[Path, int]:
    out = tmp_path / "new.toml"
    code = main(["manifest", "migrate", str(source), "--to", "2569", "--output", str(out), *extra])
    return out, code


def test_exact_moves_of_a_2568_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, code = _migrate(tmp_path, OWN)
    assert code == 0
    (agency,) = load_manifests([out], IDS_2569)  # valid against the 2569 catalogue
    assert agency.fiscal_year == 2569 and agency.name == "องค์การบริหารส่วนตำบลหนองบัว"
    assert set(agency.items) == set(IDS_2569)  # every 2569 item, new ones empty
    moved = {k: v for k, v in agency.items.items() if v}
    assert moved == {
        "O1": (f"{H}/about/structure.html",),
        "O10": (f"{H}/eservice/index.html",),
        "O11": (f"{H}/files/ita2568/egp-2567-10.pdf",),  # 2568 O12 → 2569 O11
        "O20": (f"{H}/files/ita2568/no-gift-2568.pdf", f"{H}/news/no-gift-activity-2568.html",  # O21 + O22
                f"{H}/files/ita2568/gift-report-2568.pdf"),  # merged, the shared URL once
        "O23": (f"{H}/files/ita2568/anti-corruption-plan-2568.pdf",),  # 2568 O25 → 2569 O23
        "O26": (f"{H}/ita-2568/o27.html",),  # 2568 O27 → 2569 O26 (inferred)
    }
    assert agency.items["O25"] == ()  # new in 2569
    text = out.read_text(encoding="utf-8")
    assert tomllib.loads(text)["agency"]["province"] == "ชัยภูมิ"  # other keys carried over
    assert "# O20 " in text and "(was 2568 O21 + O22, merged)" in text
    assert "(was 2568 O25)" in text and "# O25 การนำผลการประเมิน" in text and "(new in ITA 2569)" in text
    assert "(was 2568 O2; not in the old manifest)" in text
    # 2568 O11 (service statistics) has no successor: dropped, its URL kept as a comment, a warning said.
    assert f"#   O11 (2568): {H}/files/ita2568/service-stat-2568.pdf" in text
    err = capsys.readouterr().err
    assert "warning: O11: has no successor" in err
    assert "warning: O20 ← O21 + O22: merged; 3 URL(s) combined, 1 duplicate(s) removed" in err
    assert "O27 → O26: the correspondence is inferred (2568 O27 published the integrity measures" in err
    assert "warning: O11: has no successor (Service statistics: the 2569 list has no such item" in " ".join(err.split())


def test_the_warnings_speak_thai_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, code = _migrate(tmp_path, OWN, "--lang", "th")
    assert code == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "O11: ไม่มีข้อที่สืบต่อในเกณฑ์ใหม่" in err
    assert "O20 ← O21 + O22: รวมเป็นข้อเดียว ได้ URL 3 รายการ ตัดที่ซ้ำ 1 รายการ" in err
    assert "O27 → O26: การจับคู่นี้เป็นแบบอนุมาน (ยังไม่ยืนยัน)" in err and "correspondence" not in err
    # The mapping's notes are quoted in Thai too (rules/mapping-2568-2569.toml `note_th`), not in English.
    assert "(ข้อมูลเชิงสถิติการให้บริการ: รายการข้อของปี 2569 ไม่มีข้อนี้" in err and "Service statistics" not in err
    assert "O27 ของปี 2568 เผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใส" in err and "integrity measures" not in err


def test_demo_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not DEMO.is_file():
        pytest.skip("fixtures/demo/agency.toml not generated")
    (old,) = load_manifests([DEMO])
    out, code = _migrate(tmp_path, DEMO)
    assert code == 0
    (new,) = load_manifests([out], IDS_2569)
    assert new.items["O23"] == old.items["O25"]
    assert new.items["O11"] == old.items["O12"]
    assert new.items["O20"] == tuple(dict.fromkeys(old.items["O21"] + old.items["O22"]))
    carried = {u for urls in new.items.values() for u in urls}
    assert not set(old.items["O11"]) & carried
    assert new.fiscal_year == (old.fiscal_year + 1 if old.fiscal_year else None)
    assert "warning: O11: has no successor" in capsys.readouterr().err


def test_stdout_and_no_fiscal_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "old.toml"
    src.write_text('[agency]\nname = "x"\n[items]\nO25 = ["https://x.go.th/plan.pdf"]\n', encoding="utf-8")
    assert main(["manifest", "migrate", str(src), "--to", "2569"]) == 0  # no fiscal_year: from = to − 1
    out = capsys.readouterr().out
    data = tomllib.loads(out)
    assert "fiscal_year" not in data["agency"]
    assert data["items"]["O23"] == ["https://x.go.th/plan.pdf"]


def test_many_agencies(tmp_path: Path) -> None:
    src = tmp_path / "many.toml"
    src.write_text('[[agency]]\nname = "a"\nfiscal_year = 2568\nitems = { O21 = ["https://a/1"] }\n'
                   '[[agency]]\nname = "b"\nitems = { O13 = ["https://b/1"] }\n', encoding="utf-8")
    text, warnings = migrate_file(src, 2569)
    a, b = load_manifests([_write(tmp_path / "m.toml", text)], IDS_2569)
    assert a.items["O20"] == ("https://a/1",) and a.fiscal_year == 2569
    assert b.items["O12"] == ("https://b/1",) and b.fiscal_year is None
    assert warnings == []


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [["--from", "2569"], ["--from", "2570"]])
def test_bad_year_pair_is_a_usage_error(tmp_path: Path, extra: list[str]) -> None:
    assert _migrate(tmp_path, OWN, *extra)[1] == 2


def test_missing_file_or_mapping_exits_2(tmp_path: Path) -> None:
    assert _migrate(tmp_path, tmp_path / "nope.toml")[1] == 2
    assert main(["manifest", "migrate", str(OWN), "--to", "2570"]) == 2  # no mapping 2569 → 2570


def test_migrate_file_takes_one_file_not_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "manifests"
    folder.mkdir()
    (folder / "one.toml").write_bytes(OWN.read_bytes())
    with pytest.raises(ManifestError, match="manifests"):
        migrate_file(folder, 2569)
    assert migrate_file(folder / "one.toml", 2569)[0].startswith("# Migrated from")


def test_unknown_old_item_exits_2(tmp_path: Path) -> None:
    src = _write(tmp_path / "bad.toml", '[agency]\nname = "x"\nfiscal_year = 2568\n[items]\nO29 = []\n')
    assert _migrate(tmp_path, src)[1] == 2


def test_compose_mappings_keeps_the_weakest_confidence() -> None:
    step1 = {"O1": MappedItem("O1", "O2", Confidence.CONFIRMED), "O9": MappedItem("O9", "", Confidence.SEED)}
    step2 = {"O2": MappedItem("O2", "O3", Confidence.INFERRED, "guess")}
    out = compose_mappings([step1, step2])
    assert out["O1"] == MappedItem("O1", "O3", Confidence.INFERRED, "guess")
    assert out["O9"].dropped
    real = load_mapping(2568, 2569)
    assert compose_mappings([real]) == real


def test_compose_mappings_joins_the_notes_in_each_language() -> None:
    step1 = {"O1": MappedItem("O1", "O2", Confidence.CONFIRMED, "renamed", "เปลี่ยนชื่อ"),
             "O5": MappedItem("O5", "O7", Confidence.CONFIRMED, "moved")}
    step2 = {"O2": MappedItem("O2", "O3", Confidence.SEED, "split", "แยกข้อ")}
    out = compose_mappings([step1, step2])
    assert (out["O1"].note, out["O1"].note_th) == ("renamed / split", "เปลี่ยนชื่อ / แยกข้อ")
    assert out["O1"].note_in("th") == "เปลี่ยนชื่อ / แยกข้อ" and out["O1"].note_in("en") == "renamed / split"
    # O7 is not in the second step: dropped, and the note says why; without any Thai note, Thai falls back.
    assert out["O5"].dropped and out["O5"].note == "moved / O7 is not in a later mapping"
    assert out["O5"].note_in("th") == out["O5"].note


def test_toml_string_escapes() -> None:
    value = 'a"b\\c\n\t\u0001\u007f ไทย'
    assert tomllib.loads("x = " + toml_string(value))["x"] == value


def test_the_comments_name_only_the_items_the_manifest_had_in_the_runs_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """2568 O27 and O28 both become 2569 O26: a manifest with O27 alone reads "was 2568 O27", not "O27 + O28,
    merged"; in Thai mode the header and the item comments are Thai too."""
    src = _write(tmp_path / "old.toml", '[agency]\nname = "x"\nfiscal_year = 2568\n[items]\n'
                                        'O27 = ["https://x.go.th/o27.html"]\nO11 = ["https://x.go.th/o11.pdf"]\n')
    out, code = _migrate(tmp_path, src)
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "(was 2568 O27)" in text and "O28" not in text.split("[items]")[1]
    assert text.startswith("# Migrated from") and "# warning: O11" in text
    monkeypatch.delenv("OIT_CHECKER_LANG")
    out, code = _migrate(tmp_path, src, "--lang", "th")
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# ย้ายจาก {src} (รหัสข้อของเกณฑ์ ITA 2568) มาเป็นเกณฑ์ ITA 2569")
    assert "# fiscal_year เปลี่ยนจาก 2568 เป็น 2569" in text and "# คำเตือน: O11: ไม่มีข้อที่สืบต่อ" in text
    assert "(เดิมคือ 2568 O27)" in text and "(ข้อใหม่ของเกณฑ์ ITA 2569)" in text
    assert "(เดิมคือ 2568 O2; manifest เดิมไม่มีข้อนี้)" in text
    assert "# ตัดออก: ข้อเหล่านี้ของเกณฑ์ ITA 2568 ไม่มีข้อที่สืบต่อในเกณฑ์ ITA 2569" in text
    assert not any(word in text for word in ("Migrated", "was 2568", "warning:", "Dropped", "new in ITA"))
