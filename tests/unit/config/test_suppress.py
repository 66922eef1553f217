"""Accepted gaps: the suppression file, matching, expiry, unused entries, and the exit code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.cli.audit import exit_code
from oit_checker.cli.exit_codes import EXIT_GAPS, EXIT_OK, EXIT_REGRESSIONS
from oit_checker.config.suppress import (
    Suppression,
    SuppressionError,
    apply_suppressions,
    load_suppressions,
    parse_suppressions,
)
from oit_checker.engine.diff import diff_runs
from oit_checker.model import Agency, AgencyResult, Confidence, Finding, Reason, RunResult, Status

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

TODAY = date(2026, 11, 26)
GOOD = """
[[suppress]]
agency = "อบต.หนองบัว"
item = "o24"
code = "stale_fiscal_year"
reason = "แผนปี 2569 รออนุมัติจากสภา"
expires = 2026-12-31

[[suppress]]
agency = "takhian"
item = "O10"
code = "*"
reason = "ระบบ e-service อยู่ระหว่างย้ายเครื่อง"
expires = "2026-12-01"
"""


def reason(code: str, severity: Status = Status.FAIL) -> Reason:
    return Reason(code=code, message_th=code, message_en=code, severity=severity)


def finding(item: str, status: Status, *codes: str) -> Finding:
    return Finding(item=item, indicator=10, status=status, reasons=tuple(reason(c) for c in codes),
                   confidence=Confidence.CONFIRMED)


def run(*agencies: tuple[str, str, tuple[Finding, ...]]) -> RunResult:
    results = tuple(AgencyResult(agency=Agency(name=name, home=None, items={}, slug=slug), fiscal_year=2569,
                                 findings=findings, started_at="", finished_at="")
                    for name, slug, findings in agencies)
    return RunResult(criteria_year=2569, catalogue_version="1", catalogue_source="", fiscal_year=2569,
                     tool_version="0", started_at="", finished_at="", agencies=results, run_id=1)


def test_parse_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "accepted.toml"
    path.write_text(GOOD, encoding="utf-8")
    first, second = load_suppressions([path])
    assert (first.agency, first.item, first.code, first.expires) == ("อบต.หนองบัว", "O24", "stale_fiscal_year",
                                                                     date(2026, 12, 31))
    assert second.expires == date(2026, 12, 1) and second.code == "*"
    assert first.where().endswith("accepted.toml [[suppress]] #1")


@pytest.mark.parametrize(("entry", "message"), [
    ('agency = "a"\nitem = "O1"\ncode = "x"\nexpires = 2026-01-01', "'reason' is required"),
    ('agency = "a"\nitem = "O1"\ncode = "x"\nreason = "  "\nexpires = 2026-01-01', "'reason' is required"),
    ('agency = "a"\nitem = "O1"\ncode = "x"\nreason = "r"', "'expires' is required"),
    ('agency = "a"\nitem = "O1"\ncode = "x"\nreason = "r"\nexpires = "soon"', "must be a date"),
    ('agency = "a"\nitem = "24"\ncode = "x"\nreason = "r"\nexpires = 2026-01-01', "O1…O99"),
    ('agency = "a"\nitem = "O1"\ncode = "x"\nreason = "r"\nexpires = 2026-01-01\nowner = "me"', "unknown key"),
])
def test_parse_errors_name_the_entry(entry: str, message: str) -> None:
    import tomllib

    with pytest.raises(SuppressionError, match=message) as info:
        parse_suppressions(tomllib.loads("[[suppress]]\n" + entry), "s.toml")
    assert "s.toml: [[suppress]] #1" in str(info.value)


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(SuppressionError, match="not found"):
        load_suppressions([tmp_path / "nope.toml"])
    (tmp_path / "bad.toml").write_text("[[suppress]\n", encoding="utf-8")
    with pytest.raises(SuppressionError, match="not valid TOML"):
        load_suppressions([tmp_path / "bad.toml"])


def _supps(tmp_path: Path) -> list[Suppression]:
    path = tmp_path / "s.toml"
    path.write_text(GOOD, encoding="utf-8")
    return load_suppressions([path])


def test_a_gap_is_suppressed_only_when_every_problem_is_accepted(tmp_path: Path) -> None:
    r = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.FAIL, "stale_fiscal_year"),)),
            ("อบต.ตะเคียน", "takhian", (finding("O10", Status.ERROR, "timeout", "unreachable"),)),
            ("อบต.อื่น", "other", (finding("O24", Status.FAIL, "stale_fiscal_year"),)))
    out = apply_suppressions(r, _supps(tmp_path), TODAY)
    first, second, third = (a.findings[0] for a in out.run.agencies)
    assert first.suppressed == "แผนปี 2569 รออนุมัติจากสภา" and first.status is Status.FAIL  # status kept
    assert second.suppressed == "ระบบ e-service อยู่ระหว่างย้ายเครื่อง"  # "*" and the agency's slug
    assert third.suppressed == ""  # another agency
    assert out.unused == () and out.expired == ()
    assert exit_code(out.run, None) == EXIT_GAPS  # the third agency still has a gap

    only = apply_suppressions(run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.FAIL, "stale_fiscal_year"),))),
                              _supps(tmp_path), TODAY, checked_items=["O24"])
    assert exit_code(only.run, None) == EXIT_OK  # accepted gaps do not fail the night


def test_a_new_different_problem_on_the_same_item_is_not_hidden(tmp_path: Path) -> None:
    r = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.FAIL, "stale_fiscal_year", "missing_component"),)))
    out = apply_suppressions(r, _supps(tmp_path), TODAY, checked_items=["O24"])
    assert out.run.agencies[0].findings[0].suppressed == ""
    assert [s.item for s in out.unused] == []  # it matched a code: the accepted gap is still there


def test_expired_and_unused_are_reported(tmp_path: Path) -> None:
    r = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.PASS),)),
            ("อบต.ตะเคียน", "takhian", (finding("O10", Status.FAIL, "http_error"),)))
    out = apply_suppressions(r, _supps(tmp_path), date(2026, 12, 15))
    assert [s.item for s in out.expired] == ["O10"]  # expired on 2026-12-01: no longer applied
    assert out.run.agencies[1].findings[0].suppressed == ""
    assert [s.item for s in out.unused] == ["O24"]  # the gap was fixed: time to delete the entry
    # --items limited to O10: the O24 entry was not exercised, so it is not called unused
    assert apply_suppressions(r, _supps(tmp_path), date(2026, 12, 15), checked_items=["O10"]).unused == ()


def test_expiry_day_itself_still_applies(tmp_path: Path) -> None:
    r = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.FAIL, "stale_fiscal_year"),)))
    assert apply_suppressions(r, _supps(tmp_path), date(2026, 12, 31)).run.agencies[0].findings[0].suppressed
    assert not apply_suppressions(r, _supps(tmp_path), date(2027, 1, 1)).run.agencies[0].findings[0].suppressed


def test_exit_code_regressions_beat_gaps_unless_accepted(tmp_path: Path) -> None:
    before = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.PASS),)))
    after = run(("อบต.หนองบัว", "nongbua", (finding("O24", Status.FAIL, "stale_fiscal_year"),)))
    assert exit_code(after, diff_runs(before, after)) == EXIT_REGRESSIONS
    accepted = apply_suppressions(after, _supps(tmp_path), TODAY).run
    assert exit_code(accepted, diff_runs(before, accepted)) == EXIT_OK
