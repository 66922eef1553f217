"""A saved result (`oit-checker check --format json`) read back into a `RunResult`, for `oit-checker fix RESULT`.

Only what the fix kit needs comes back: agencies, findings, reasons (code, severity, messages, evidence,
detail) and what was found. Anything malformed is a ConfigError naming the file and the place in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from oit_checker.errors import ConfigError
from oit_checker.model import Agency, AgencyResult, Confidence, Evidence, Finding, Reason, RunResult, Status
from oit_checker.text.i18n import text

SUPPORTED_SCHEMA = 1
_MAX_BYTES = 200 * 1024 * 1024


def looks_like_result(path: str | Path) -> bool:
    """A JSON result rather than a TOML manifest: by its name, else by its first character."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return True
    if not p.is_file():
        return False
    try:
        with p.open("rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"{")


class _Reader:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)

    def get(self, data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(data, dict) or key not in data:
            raise ConfigError(text("result.missing", path=self.path, where=where, key=repr(key)))
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ConfigError(text("result.bad_value", path=self.path, where=f"{where}.{key}",
                                   value=repr(str(value)[:40])))
        return value

    def enum(self, cls: type[Status] | type[Confidence], value: Any, where: str) -> Any:
        try:
            return cls(value)
        except ValueError:
            raise ConfigError(text("result.bad_enum", path=self.path, where=where, value=repr(str(value)[:40]),
                                   choices=", ".join(e.value for e in cls))) from None

    def evidence(self, raw: Any, where: str) -> tuple[Evidence, ...]:
        out = []
        for i, e in enumerate(raw if isinstance(raw, list) else []):
            if not isinstance(e, dict):
                raise ConfigError(text("result.not_object", path=self.path, where=f"{where}[{i}]"))
            page = e.get("page")
            out.append(Evidence(url=str(e.get("url", "")), page=page if isinstance(page, int) else None,
                                snippet=str(e.get("snippet") or "")))
        return tuple(out)

    def reason(self, raw: Any, where: str) -> Reason:
        detail = raw.get("detail") if isinstance(raw, dict) else None
        return Reason(code=str(self.get(raw, "code", str, where)),
                      message_th=str(raw.get("message_th", "")), message_en=str(raw.get("message_en", "")),
                      evidence=self.evidence(raw.get("evidence"), f"{where}.evidence"),
                      severity=self.enum(Status, raw.get("severity"), f"{where}.severity"),
                      inferred=bool(raw.get("inferred", False)), detail=detail if isinstance(detail, dict) else {})

    def found(self, raw: Any, where: str) -> Reason:
        if not isinstance(raw, dict):
            raise ConfigError(text("result.not_object", path=self.path, where=where))
        th = str(raw.get("what_th", ""))
        # The JSON keeps what was found by its label only; the fix kit matches components by that label.
        code = "fiscal_year_found" if th.startswith("ปีงบประมาณ ") else "component_found"
        return Reason(code=code, message_th=th, message_en=str(raw.get("what_en", "")),
                      evidence=self.evidence(raw.get("evidence"), f"{where}.evidence"), severity=Status.PASS,
                      inferred=bool(raw.get("inferred", False)))

    def finding(self, raw: Any, where: str) -> Finding:
        reasons = self.get(raw, "reasons", list, where)
        found = raw.get("found") if isinstance(raw.get("found"), list) else []
        return Finding(
            item=self.get(raw, "item", str, where), indicator=self.get(raw, "indicator", int, where),
            status=self.enum(Status, raw.get("status"), f"{where}.status"),
            reasons=tuple(self.reason(r, f"{where}.reasons[{i}]") for i, r in enumerate(reasons)),
            confidence=self.enum(Confidence, raw.get("confidence", "inferred"), f"{where}.confidence"),
            name_th=str(raw.get("name_th", "")), name_en=str(raw.get("name_en", "")),
            urls=tuple(str(u) for u in raw.get("urls") or ()), documents=tuple(str(u) for u in raw.get("documents")
                                                                                or ()),
            found=tuple(self.found(r, f"{where}.found[{i}]") for i, r in enumerate(found)),
            suppressed=str(raw.get("suppressed") or ""))

    def agency(self, raw: Any, where: str) -> AgencyResult:
        findings = self.get(raw, "findings", list, where)
        fy = self.get(raw, "fiscal_year", int, where)
        mine = tuple(self.finding(f, f"{where}.findings[{i}]") for i, f in enumerate(findings))
        name = self.get(raw, "name", str, where)
        home = raw.get("home") if isinstance(raw.get("home"), str) else None
        agency = Agency(name=name, home=home, items={f.item: f.urls for f in mine}, fiscal_year=fy,
                        source=str(raw.get("source", "")), slug=str(raw.get("slug") or name))
        return AgencyResult(agency=agency, fiscal_year=fy, findings=mine, started_at=str(raw.get("started_at", "")),
                            finished_at=str(raw.get("finished_at", "")), complete=bool(raw.get("complete", True)))


def load_result(path: str | Path) -> RunResult:
    """Read a `check --format json` result; ConfigError (file and place named) when it is not one."""
    r = _Reader(path)
    p = Path(path)
    try:
        if p.stat().st_size > _MAX_BYTES:
            raise ConfigError(text("result.too_big", path=path, mb=_MAX_BYTES // (1024 * 1024)))
        data = json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(text("result.not_found", path=path)) from None
    except UnicodeDecodeError:
        raise ConfigError(text("result.not_utf8", path=path)) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(text("result.not_json", path=path, line=exc.lineno, column=exc.colno, msg=exc.msg)) from None
    except OSError as exc:
        raise ConfigError(text("result.os_error", path=path, why=exc.strerror or exc)) from None
    version = r.get(data, "schema_version", int, "top level")
    if version != SUPPORTED_SCHEMA:
        raise ConfigError(text("result.schema", path=path, got=version, supported=SUPPORTED_SCHEMA))
    criteria = r.get(data, "criteria", dict, "top level")
    agencies = r.get(data, "agencies", list, "top level")
    overrides = criteria.get("overrides")  # added in schema 1 later: absent from older reports
    overrides = overrides if isinstance(overrides, list) else []
    return RunResult(
        criteria_year=r.get(criteria, "year", int, "criteria"), catalogue_version=str(criteria.get("version", "")),
        catalogue_source=str(criteria.get("source", "")), fiscal_year=r.get(data, "fiscal_year", int, "top level"),
        tool_version=str((data.get("tool") or {}).get("version", "")) if isinstance(data.get("tool"), dict) else "",
        started_at=str(data.get("started_at", "")), finished_at=str(data.get("finished_at", "")),
        agencies=tuple(r.agency(a, f"agencies[{i}]") for i, a in enumerate(agencies)),
        catalogue_overrides=tuple(o for o in overrides if isinstance(o, str)))
