"""Reason codes and their Thai/English messages, kept as data in `messages.toml` beside this module."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from oit_checker.model import Evidence, Reason, Status


@dataclass(frozen=True)
class ReasonSpec:
    code: str
    severity: Status
    th: str
    en: str
    fix_th: str
    fix_en: str


@dataclass(frozen=True)
class Words:
    """A value of a message worded by the product in each language (how a fetch failed, say): the Thai
    message takes `th`, the English one and the finding's stored detail take `en`."""

    th: str
    en: str

    def __str__(self) -> str:
        return self.en


class _Blank(dict[str, object]):
    """Missing placeholders render as "?" rather than raising: a message must never crash a report."""

    def __missing__(self, key: str) -> str:
        return "?"


@cache
def specs() -> dict[str, ReasonSpec]:
    raw = tomllib.loads(resources.files("oit_checker.catalogue").joinpath("messages.toml").read_text("utf-8"))
    return {
        code: ReasonSpec(code, Status(v["severity"]), v["th"], v["en"], v.get("fix_th", ""), v.get("fix_en", ""))
        for code, v in raw.items()
    }


# English messages count things ("{pages} pages"); one of them is singular ("1 page", not "1 pages").
_ONE_PLURAL = re.compile(r"(?<![\d.,])1 (page|attempt|character|item|URL|document)s\b")


def _english(message: str) -> str:
    return _ONE_PLURAL.sub(r"1 \1", message)


def says_detail(code: str) -> bool:
    """Whether the message of `code` states its {detail} (in both languages): its evidence need not quote it."""
    spec = specs().get(code)
    return spec is not None and "{detail}" in spec.th and "{detail}" in spec.en


def make(
    code: str,
    *,
    evidence: tuple[Evidence, ...] | list[Evidence] = (),
    inferred: bool = False,
    severity: Status | None = None,
    **values: object,
) -> Reason:
    spec = specs()[code]
    th = _Blank({k: v.th if isinstance(v, Words) else v for k, v in values.items()})
    values = {k: v.en if isinstance(v, Words) else v for k, v in values.items()}
    return Reason(
        code=code,
        message_th=spec.th.format_map(th),
        message_en=_english(spec.en.format_map(_Blank(values))),
        evidence=tuple(evidence),
        severity=severity or spec.severity,
        inferred=inferred,
        detail={k: v for k, v in values.items() if isinstance(v, str | int | float | bool | list | tuple)},
    )


def fix_hint(code: str, lang: str, **values: object) -> str:
    spec = specs().get(code)
    if spec is None:
        return ""
    return (spec.fix_en if lang == "en" else spec.fix_th).format_map(_Blank(values))
