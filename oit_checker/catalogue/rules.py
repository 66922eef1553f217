"""Rule catalogue: `rules/ita<year>.toml` (plus optional override files) → a validated `Catalogue`.

Pure except `load_catalogue` (and the small path helpers), which read files. Validation collects every
problem it can find, so a working group fixing a copy of the catalogue sees all mistakes at once; each
problem names the file, the item and the field. Format and override rules: rules/README.md.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import os
import re
import re._parser as re_parser  # type: ignore[import-not-found]  # the stdlib parser: the lint sees what re runs
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.config import toml as config_toml
from oit_checker.errors import ConfigError
from oit_checker.model import (
    NEXT_YEAR,
    AppliedOverride,
    Catalogue,
    Component,
    ComponentKind,
    Confidence,
    DiscoverHints,
    EvidenceRule,
    FiscalYearRule,
    Item,
    Matcher,
    MatcherKind,
    Redirects,
    Template,
    TemplateColumn,
    TemplateField,
    TemplateKind,
    TemplateSection,
    ValueKind,
)
from oit_checker.model.catalogue import OWN_YEARS, bind_years
from oit_checker.resources import data_dir
from oit_checker.text import blanks, i18n

__all__ = [
    "NOTE_PREFIX",
    "RULES_DIR_ENV",
    "CatalogueError",
    "Problem",
    "apply_override",
    "available_criteria_years",
    "catalogue_path_for",
    "criteria_year_for_fiscal_year",
    "is_override",
    "load_catalogue",
    "parse_catalogue",
    "read_toml",
    "rules_dir",
]

RULES_DIR_ENV = "OIT_CHECKER_RULES_DIR"
VALID_INDICATORS = (9, 10)
# Criteria years are Buddhist Era; a CE year (2025) here is a common slip worth catching.
MIN_YEAR, MAX_YEAR = 2500, 2800

_ITEM_ID = re.compile(r"O[1-9][0-9]?")  # O1 … O99, as manifests accept (config/manifest.py)
_COMPONENT_ID = re.compile(r"[a-z][a-z0-9_]*")
_CATALOGUE_FILE = re.compile(r"ita(\d{4})\.toml")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# `Item` has no field for the confidence note, so it travels as the first line of `Item.notes`.
NOTE_PREFIX = "[confidence: "

# ---------------------------------------------------------------- errors


def _t(key: str, /, **values: object) -> str:
    """A message of the rule-file checks (strings.toml [rules_check]) in the run's language."""
    return i18n.text(f"rules_check.{key}", **values)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rule file."""

    message: str
    item: str | None = None  # "O24", or "#3" (position) when the item has no usable id
    field: str | None = None  # "fiscal_year", "components[risk].phrases[2]", "catalogue.version"
    line: int | None = None  # only known for TOML syntax and encoding errors
    column: int | None = None  # only known for encoding errors (a syntax error's message names its own)

    def __str__(self) -> str:
        where = []
        if self.line is not None and self.column is not None:
            where.append(_t("where_line_column", n=self.line, column=self.column))
        elif self.line is not None:
            where.append(_t("where_line", n=self.line))
        if self.item is not None:
            where.append(_t("where_item", item=self.item))
        if self.field is not None:
            where.append(_t("where_field", field=self.field))
        return f"{', '.join(where)}: {self.message}" if where else self.message


class CatalogueError(ConfigError):
    """A rule file could not be read or is invalid. The CLI maps it to exit code 2.

    `item`, `field`, `message` and `line` describe the first problem; `problems` holds them all, and the
    message lists every one of them (rules/README.md: "Validation reports every problem at once").
    """

    def __init__(self, path: str | Path, problems: Sequence[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        if not problems:
            problems = [Problem(_t("invalid_file"))]
        self.path = str(path)
        self.problems: list[Problem] = list(problems)
        first = self.problems[0]
        self.item: str | None = first.item
        self.field: str | None = first.field
        self.message: str = first.message
        self.line: int | None = first.line
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.path}: {self.problems[0]}"
        lines = [i18n.count("rules_check.n_problems", len(self.problems), path=self.path)]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions cross process-pool boundaries by pickling; the default would call __init__(str).
        return (self.__class__, (self.path, self.problems))


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, message: str, item: str | None = None, field: str | None = None) -> None:
        self.items.append(Problem(message, item, field))

    def __bool__(self) -> bool:
        return bool(self.items)


# ---------------------------------------------------------------- small checks


def _suggest(word: str, choices: Iterable[str]) -> str:
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        # "one source" for "one_source", "Current" for "current": normalise before giving up.
        folded = word.strip().lower().replace(" ", "_").replace("-", "_")
        close = [o for o in options if o == folded]
    return _t("did_you_mean", word=repr(close[0])) if close else ""


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "table"
    return "date/time"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the TOML file spells it, not Python's True
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"




def _kind_error(value: Any, kind: str) -> str | None:
    """Why `value` is not of `kind`, or None. bool is rejected where an int is expected."""
    ok = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str_list": isinstance(value, list),
        "table": isinstance(value, dict),
        "table_list": isinstance(value, list),
    }[kind]
    if not ok:
        return _t("expected", kind=_t(f"kind_{kind}"), type=_toml_type(value), value=_shown(value))
    if kind == "str_list":
        for i, v in enumerate(value):
            if not isinstance(v, str):
                return _t("expected_element", kind=_t("kind_str_list"), i=i, type=_toml_type(v), value=_shown(v))
    if kind == "table_list":
        for i, v in enumerate(value):
            if not isinstance(v, dict):
                return _t("expected_element", kind=_t("kind_table_list"), i=i, type=_toml_type(v),
                          value=_shown(v))
    return None


def _match_form(text: str) -> str:
    """The form phrases are matched in: the project's Thai normalization when available.

    `oit_checker.text.thai` belongs to another stage; the fallback (NFC, invisible characters and whitespace
    removed) empties exactly the same strings, which is all this module asks of it.
    """
    try:
        from oit_checker.text.thai import normalize
    except ImportError:  # pragma: no cover - thai.py is part of the package
        text = unicodedata.normalize("NFC", text)
        text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Zs", "Zl", "Zp"))
        return re.sub(r"\s+", "", text)
    return normalize(text)


_Enum = (type[Confidence] | type[FiscalYearRule] | type[ComponentKind] | type[MatcherKind] | type[ValueKind]
         | type[TemplateKind])


def _enum(value: str, enum: _Enum, problems: _Problems, item: str | None, field: str) -> Any:
    values = [e.value for e in enum]
    if value in values:
        return enum(value)
    problems.add(_t("not_one_of", value=repr(value), choices=", ".join(values), suggest=_suggest(value, values)),
                 item, field)
    return None


def _phrases(values: Sequence[str], problems: _Problems, item: str | None, field: str) -> tuple[str, ...]:
    out = []
    for i, phrase in enumerate(values):
        if not phrase.strip():
            problems.add(_t("empty_phrase") if not phrase else _t("blank_phrase", phrase=repr(phrase)),
                         item, f"{field}[{i}]")
        elif not _match_form(phrase):
            problems.add(_t("invisible_phrase", phrase=repr(phrase)),
                         item, f"{field}[{i}]")
        else:
            out.append(phrase)
    return tuple(out)


_UNBOUNDED = 10  # a repeat allowing more than this many iterations counts as unbounded for the lint
_REPEATS = (re_parser.MAX_REPEAT, re_parser.MIN_REPEAT)
_ZERO_WIDTH = (re_parser.AT, re_parser.ASSERT, re_parser.ASSERT_NOT)


def _nullable(node: tuple[Any, Any]) -> bool:
    """The node can match the empty string."""
    op, av = node
    if op in _REPEATS:
        return bool(av[0] == 0 or all(_nullable(x) for x in av[2]))
    if op is re_parser.SUBPATTERN:
        return all(_nullable(x) for x in av[-1])
    if op is re_parser.BRANCH:
        return any(all(_nullable(x) for x in branch) for branch in av[1])
    return op in _ZERO_WIDTH


def _ambiguous(body: Sequence[tuple[Any, Any]]) -> bool:
    """A repeated body whose text can be split between iterations in many ways: it holds an unbounded
    repeat and everything else in it can match nothing ((ก+)+, (\\s*\\w+)*, (?:a|b+)+)."""
    for i, node in enumerate(body):
        if not all(_nullable(x) for j, x in enumerate(body) if j != i):
            continue
        op, av = node
        if op in _REPEATS and (av[1] > _UNBOUNDED or _ambiguous(av[2])):
            return True
        if op is re_parser.SUBPATTERN and _ambiguous(av[-1]):
            return True
        if op is re_parser.BRANCH and any(_ambiguous(branch) for branch in av[1]):
            return True
    return False


def nested_quantifier(source: str) -> bool:
    """True for a pattern with a repeated group of repeats that can backtrack exponentially (`(ก+)+$`).
    Possessive repeats and atomic groups do not backtrack and pass."""

    def children(op: Any, av: Any) -> list[Sequence[tuple[Any, Any]]]:
        if op in _REPEATS:
            return [av[2]]
        if op is re_parser.SUBPATTERN:
            return [av[-1]]
        if op is re_parser.BRANCH:
            return list(av[1])
        if op in (re_parser.ASSERT, re_parser.ASSERT_NOT):
            return [av[1]]
        return []

    def walk(nodes: Sequence[tuple[Any, Any]]) -> bool:
        for op, av in nodes:
            if op in _REPEATS and av[1] > _UNBOUNDED and _ambiguous(av[2]):
                return True
            if any(walk(child) for child in children(op, av)):
                return True
        return False

    try:
        return walk(list(re_parser.parse(source)))
    except (re.error, RecursionError):
        return False


_LINE_ANCHORS = (re_parser.AT_BEGINNING, re_parser.AT_END)


def line_anchored(source: str) -> bool:
    """The pattern holds `^` or `$` (anywhere, look-arounds too). Such a rule pattern means a line's start or end:
    "…| วิธีป้องกัน" as the last header cell of a table (`(?:\\||$)`), not only the document's end (review74 c06).
    It is compiled `re.MULTILINE | re.DOTALL` (`_patterns`) and searched on `TextIndex.rows_text`, whose only line
    breaks are a table row's; `.` keeps crossing them, as on the folded text it was written for."""

    def walk(nodes: Any) -> bool:
        for op, av in nodes:
            if op is re_parser.AT and av in _LINE_ANCHORS:
                return True
            if op in _REPEATS and walk(av[2]):
                return True
            if op is re_parser.SUBPATTERN and walk(av[-1]):
                return True
            if op is re_parser.BRANCH and any(walk(b) for b in av[1]):
                return True
            if op in (re_parser.ASSERT, re_parser.ASSERT_NOT) and walk(av[1]):
                return True
        return False

    try:
        return walk(re_parser.parse(source))
    except (re.error, RecursionError):
        return False


def _patterns(values: Sequence[str], problems: _Problems, item: str | None, field: str
              ) -> tuple[re.Pattern[str], ...]:
    out = []
    for i, source in enumerate(values):
        try:
            # Checked as bound for a year (`NEXT_YEAR`), kept unbound: evaluation binds it for the year assessed.
            flags = re.MULTILINE | re.DOTALL if line_anchored(source) else 0
            rx = re.compile(bind_years(source, 2569), flags)
        except re.error as exc:
            problems.add(_t("bad_regex", source=repr(source), why=exc), item, f"{field}[{i}]")
            continue
        except RecursionError:
            problems.add(_t("regex_too_deep", source=repr(source[:40])), item, f"{field}[{i}]")
            continue
        if nested_quantifier(source):
            problems.add(_t("regex_nested", source=repr(source)), item, f"{field}[{i}]")
            continue
        if rx.search("") is not None:
            # A pattern that matches nothing matches everywhere: the component would always pass.
            problems.add(_t("regex_empty", source=repr(source)), item, f"{field}[{i}]")
            continue
        out.append(re.compile(source, flags) if NEXT_YEAR in source or OWN_YEARS in source else rx)
    return tuple(out)


# ---------------------------------------------------------------- schema

_CATALOGUE_SPEC = {"criteria_year": "int", "version": "str", "title_th": "str", "source": "str"}
_CATALOGUE_REQUIRED = ("criteria_year", "version")
_ITEM_SPEC = {
    "id": "str", "name_th": "str", "name_en": "str", "indicator": "int", "sub_indicator": "str",
    "confidence": "str", "confidence_note": "str", "fiscal_year": "str", "fiscal_year_confidence": "str",
    "title_phrases": "str_list", "title_variants": "str_list", "not_titles": "str_list", "notes": "str",
    "evidence": "table", "discover": "table", "components": "table_list", "listed_only": "bool",
    "template": "table", "fiscal_year_of": "str",
}
_ITEM_REQUIRED = ("id", "name_th", "indicator", "confidence", "fiscal_year", "title_phrases", "components")
_EVIDENCE_SPEC = {"min_chars": "int", "min_pages": "int", "own_site": "bool", "max_urls": "int",
                  "partial_titles": "str_list", "forms_count": "bool", "footer_counts": "bool",
                  "online_channel": "str_list", "orders_count": "bool", "event_dated": "bool", "monthly": "bool",
                  "risks_about": "str_list", "risks_areas": "str_list", "risks_failures": "str_list",
                  "posts_dated": "bool", "own_only": "bool", "whole_work": "bool", "agency_wide": "bool",
                  "current_term": "bool"}
_EVIDENCE_MIN = {"min_chars": 0, "min_pages": 1, "max_urls": 1}
_DISCOVER_SPEC = {"page": "bool", "periods": "str_list"}
_COMPONENT_SPEC = {
    "id": "str", "label_th": "str", "label_en": "str", "phrases": "str_list", "patterns": "str_list",
    "confidence": "str", "required": "bool", "kind": "str", "matchers": "table_list", "in_image": "bool",
    "carried_over": "bool", "not_within": "str_list", "doubted_by": "str_list", "each_of": "str",
    "stated_by": "str_list", "local_phrases": "str_list", "not_on_lines_of": "str_list",
    "redirects": "str", "none_is_missing": "bool", "held_by": "str_list",
    "next_to": "str", "posts_not": "str_list", "posts_relayed": "str_list", "min_mentions": "int",
    "headings": "str_list", "office_phrases": "str_list", "local_only": "bool",
}
_MATCHER_SPEC = {
    "kind": "str", "values": "str", "headers": "str_list", "beside": "str_list", "min_values": "int",
    "min_rows": "int", "window": "int",
}
_MATCHER_REQUIRED = ("kind", "values")
_MATCHER_MIN = {"min_values": 1, "min_rows": 1, "window": 20}
_MATCHER_KEYS = {MatcherKind.COLUMN: {"headers", "beside", "min_values", "window"},
                 MatcherKind.ROWS: {"headers", "min_values", "min_rows"}}
_COMPONENT_REQUIRED = ("id", "label_th")
# Keys only an override file may use (see rules/README.md).
_ITEM_PATCH_SPEC = {"remove": "bool", "add_title_phrases": "str_list", "add_title_variants": "str_list",
                    "replace_components": "bool"}
_TITLE_LISTS = ("title_phrases", "title_variants", "not_titles")
_COMPONENT_PATCH_SPEC = {"remove": "bool", "add_phrases": "str_list", "add_patterns": "str_list"}
_TOP_SPEC = {"catalogue": "table", "items": "table_list"}
# Keys of an item's sub-tables, for the hint when one is written at item level.
_ITEM_SUBKEYS = {**{k: "[items.evidence]" for k in _EVIDENCE_SPEC}, **{k: "[items.discover]" for k in _DISCOVER_SPEC}}
# The fix kit's template of an item (rules/README.md, "Templates").
_TEMPLATE_SPEC = {
    "kind": "str", "title": "str", "signed": "bool", "sheet": "str", "rows": "int", "sections": "table_list",
    "columns": "table_list", "fields": "table_list",
}
_TEMPLATE_PATCH_SPEC = {"remove": "bool"}
_SECTION_SPEC = {"heading": "str", "hint": "str", "sample": "str", "table": "bool"}
_COLUMN_SPEC = {"header": "str", "example": "str"}
_FIELD_SPEC = {"label": "str", "value": "str", "hint": "str", "sample": "str"}
TEMPLATE_PLACEHOLDERS = ("agency", "year", "fiscal_year", "start_year")
MAX_TEMPLATE_ROWS = 200
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _check_table(raw: Mapping[str, Any], spec: Mapping[str, str], required: Iterable[str],
                 problems: _Problems, *, item: str | None, prefix: str,
                 elsewhere: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Unknown keys, missing keys and wrong types; returns the well-typed entries only. `elsewhere` names the
    table a key belongs under when it is written in this one (min_chars at item level: [items.evidence])."""
    good: dict[str, Any] = {}
    for key, value in raw.items():
        field = f"{prefix}{key}"
        kind = spec.get(key)
        if kind is None and elsewhere and key in elsewhere:
            problems.add(_t("key_elsewhere", table=elsewhere[key]), item, field)
            continue
        if kind is None:
            problems.add(_t("unknown_key", suggest=_suggest(key, spec)), item, field)
            continue
        why = _kind_error(value, kind)
        if why is not None:
            problems.add(why, item, field)
            continue
        if kind == "str" and key in ("id", "name_th", "label_th", "version") and not value.strip():
            problems.add(_t("not_empty"), item, field)
            continue
        good[key] = value
    for key in required:
        if key not in raw:
            problems.add(_t("missing_field"), item, f"{prefix}{key}")
    return good


def _item_label(raw: Mapping[str, Any], index: int) -> str:
    ident = raw.get("id")
    return ident.strip() if isinstance(ident, str) and ident.strip() else f"#{index + 1}"


def _component_label(raw: Mapping[str, Any], index: int) -> str:
    ident = raw.get("id")
    return f"components[{ident}]" if isinstance(ident, str) and ident else f"components[#{index + 1}]"


# ---------------------------------------------------------------- parsing


def _parse_evidence(raw: Mapping[str, Any], problems: _Problems, item: str) -> EvidenceRule:
    good = _check_table(raw, _EVIDENCE_SPEC, (), problems, item=item, prefix="evidence.")
    for key, minimum in _EVIDENCE_MIN.items():
        if key in good and good[key] < minimum:
            problems.add(_t("at_least", minimum=minimum, got=good[key]), item, f"evidence.{key}")
            del good[key]
    for key in ("partial_titles", "online_channel", "risks_about", "risks_areas", "risks_failures"):
        if key in good:
            good[key] = _phrases(good[key], problems, item, f"evidence.{key}")
    return EvidenceRule(**good)


def _template_text(value: str, problems: _Problems, item: str, field: str) -> None:
    """A text of a template: only the known {placeholders}, no mark of a blank or an example of its own."""
    import string

    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        problems.add(_t("brace", why=exc, value=_shown(value)), item, field)
        return
    for name in names:
        if name not in TEMPLATE_PLACEHOLDERS:
            problems.add(_t("unknown_placeholder", name=f"{{{name}}}", suggest=_suggest(name, TEMPLATE_PLACEHOLDERS),
                            known=", ".join(f"{{{n}}}" for n in TEMPLATE_PLACEHOLDERS)), item, field)
    if blanks.contains_mark_words(value):
        problems.add(_t("mark_words", value=_shown(value), blank=blanks.blank("…"), example=blanks.EXAMPLE_MARK),
                     item, field)


def _template_list(raw: Mapping[str, Any], key: str, spec: Mapping[str, str], required: Sequence[str],
                   problems: _Problems, item: str) -> list[dict[str, Any]]:
    out = []
    for i, entry in enumerate(raw.get(key, [])):
        field = f"template.{key}[#{i + 1}]"
        good = _check_table(entry, spec, required, problems, item=item, prefix=f"{field}.")
        for name, value in good.items():
            if isinstance(value, str):
                if not value.strip() and name in required:
                    problems.add(_t("not_empty"), item, f"{field}.{name}")
                _template_text(value, problems, item, f"{field}.{name}")
        out.append(good)
    return out


def _distinct_hints(sections: Sequence[Mapping[str, Any]], fields: Sequence[Mapping[str, Any]],
                    problems: _Problems, item: str) -> None:
    """A blank is known by its hint (the sample answer that fills it, the checklist): two blanks, two hints."""
    hints: dict[str, str] = {}
    blanks_ = [(f"sections[#{i + 1}]", s.get("hint")) for i, s in enumerate(sections)]
    blanks_ += [(f"fields[#{i + 1}]", f.get("hint")) for i, f in enumerate(fields) if not f.get("value")]
    for where, hint in blanks_:
        if not isinstance(hint, str) or not hint.strip():
            continue
        key = " ".join(hint.split())
        if key in hints:
            problems.add(_t("same_hint", other=hints[key]), item,
                         f"template.{where}.hint")
        hints.setdefault(key, where)


def _template_shape(kind: TemplateKind, good: Mapping[str, Any], sections: Sequence[Mapping[str, Any]],
                    columns: Sequence[Any], fields: Sequence[Mapping[str, Any]], problems: _Problems,
                    item: str) -> None:
    """What a template of `kind` must and must not have."""
    if kind is TemplateKind.WORKBOOK:
        sheet = good.get("sheet", "")
        if not sheet.strip():
            problems.add(_t("sheet_needed"), item, "template.sheet")
        elif len(sheet) > 31 or _SHEET_FORBIDDEN.search(sheet):
            problems.add(_t("sheet_name", sheet=repr(sheet)), item, "template.sheet")
        if not columns:
            problems.add(_t("columns_needed"), item,
                         "template.columns")
    else:
        for key in ("sheet", "fields"):
            if key in good:
                problems.add(_t("workbook_only", key=repr(key), kind=kind.value), item,
                             f"template.{key}")
        if not sections and not columns:
            problems.add(_t("headings_needed"),
                         item, "template.sections")
    tables = [i for i, s in enumerate(sections) if s.get("table")]
    if len(tables) > 1:
        problems.add(_t("one_table"), item,
                     f"template.sections[#{tables[1] + 1}].table")
    if tables and not columns:
        problems.add(_t("table_no_columns"), item,
                     f"template.sections[#{tables[0] + 1}].table")
    for i, f in enumerate(fields):
        if not f.get("value") and not (f.get("hint") and f.get("sample")):
            problems.add(_t("blank_field"), item,
                         f"template.fields[#{i + 1}]")
    _distinct_hints(sections, fields, problems, item)
    rows = good.get("rows")
    if rows is not None and not 0 <= rows <= MAX_TEMPLATE_ROWS:
        problems.add(_t("between", maximum=MAX_TEMPLATE_ROWS, got=rows), item, "template.rows")


def _parse_template(raw: Mapping[str, Any], problems: _Problems, item: str) -> Template | None:
    before = len(problems.items)
    good = _check_table(raw, _TEMPLATE_SPEC, ("kind",), problems, item=item, prefix="template.")
    kind = _enum(good["kind"], TemplateKind, problems, item, "template.kind") if "kind" in good else None
    for key in ("title", "sheet"):
        if key in good:
            _template_text(good[key], problems, item, f"template.{key}")
    sections = _template_list(good, "sections", _SECTION_SPEC, ("heading", "hint", "sample"), problems, item)
    columns = _template_list(good, "columns", _COLUMN_SPEC, ("header", "example"), problems, item)
    fields = _template_list(good, "fields", _FIELD_SPEC, ("label",), problems, item)
    if kind is not None:
        _template_shape(kind, good, sections, columns, fields, problems, item)
    if len(problems.items) != before or kind is None:
        return None
    return Template(
        kind=kind, title=good.get("title", ""), signed=good.get("signed", False), sheet=good.get("sheet", ""),
        sections=tuple(TemplateSection(s["heading"], s["hint"], s["sample"], s.get("table", False))
                       for s in sections),
        columns=tuple(TemplateColumn(c["header"], c["example"]) for c in columns),
        fields=tuple(TemplateField(f["label"], f.get("value", ""), f.get("hint", ""), f.get("sample", ""))
                     for f in fields),
        rows=good.get("rows", 5),
    )


def _parse_discover(raw: Mapping[str, Any], problems: _Problems, item: str) -> DiscoverHints:
    good = _check_table(raw, _DISCOVER_SPEC, (), problems, item=item, prefix="discover.")
    periods: list[FiscalYearRule] = []
    seen: set[str] = set()
    for i, value in enumerate(good.get("periods", [])):
        rule = _enum(value, FiscalYearRule, problems, item, f"discover.periods[{i}]")
        if rule is None:
            continue
        if value in seen:
            problems.add(_t("listed_twice", value=repr(value)), item, f"discover.periods[{i}]")
        elif rule is FiscalYearRule.NONE and len(good["periods"]) > 1:
            problems.add(_t("none_period"), item, f"discover.periods[{i}]")
        seen.add(value)
        periods.append(rule)
    return DiscoverHints(page=good.get("page", False), periods=tuple(periods))


def _check_title_clash(lists: Mapping[str, Sequence[str]], excluded: Sequence[str], problems: _Problems,
                       item: str) -> None:
    """A title phrase or variant holding one of the item's own `not_titles` could never match: say so."""
    bad_forms = [(bad, _match_form(bad)) for bad in excluded if _match_form(bad)]
    for field, values in lists.items():
        for i, phrase in enumerate(values):
            norm = _match_form(phrase)
            for bad, form in bad_forms:
                if form in norm:
                    problems.add(_t("title_clash", phrase=repr(phrase), bad=repr(bad)), item, f"{field}[{i}]")


def _parse_matcher(raw: Mapping[str, Any], field: str, problems: _Problems, item: str | None) -> Matcher | None:
    before = len(problems.items)
    good = _check_table(raw, _MATCHER_SPEC, _MATCHER_REQUIRED, problems, item=item, prefix=f"{field}.")
    kind = _enum(good["kind"], MatcherKind, problems, item, f"{field}.kind") if "kind" in good else None
    values = _enum(good["values"], ValueKind, problems, item, f"{field}.values") if "values" in good else None
    for key, minimum in _MATCHER_MIN.items():
        if key in good and good[key] < minimum:
            problems.add(_t("at_least", minimum=minimum, got=good[key]), item, f"{field}.{key}")
    if kind is not None:
        for key in sorted(set(good) - _MATCHER_KEYS[kind] - {"kind", "values"}):
            problems.add(_t("matcher_key", kind=kind.value, key=repr(key)), item, f"{field}.{key}")
    headers = _phrases(good.get("headers", []), problems, item, f"{field}.headers")
    beside = _phrases(good.get("beside", []), problems, item, f"{field}.beside")
    if kind is MatcherKind.COLUMN and not headers and "headers" not in set(raw) - set(good):
        problems.add(_t("column_header"), item, f"{field}.headers")
    if kind is MatcherKind.ROWS and values in (ValueKind.MONTH, ValueKind.MONTH_RANGE):
        problems.add(_t("rows_values"), item, f"{field}.values")
    if len(problems.items) != before or kind is None or values is None:
        return None
    extra = {k: good[k] for k in ("min_values", "min_rows", "window") if k in good}
    return Matcher(kind=kind, values=values, headers=headers, beside=beside, **extra)


def _parse_matchers(values: Sequence[Mapping[str, Any]], problems: _Problems, item: str | None,
                    field: str) -> tuple[Matcher, ...]:
    out = [_parse_matcher(raw, f"{field}[{i}]", problems, item) for i, raw in enumerate(values)]
    return tuple(m for m in out if m is not None)


def _component_kind(good: Mapping[str, Any], problems: _Problems, item: str, label: str) -> ComponentKind | None:
    if "kind" not in good:
        return ComponentKind.CONTENT
    kind: ComponentKind | None = _enum(good["kind"], ComponentKind, problems, item, f"{label}.kind")
    if kind is ComponentKind.SIGNED and not good.get("phrases"):
        problems.add(_t("signed_phrases"), item,
                     f"{label}.phrases")
    if kind is ComponentKind.SIGNED and (good.get("patterns") or good.get("matchers")):
        problems.add(_t("signed_only"), item, f"{label}.kind")
    return kind


def _parse_component(raw: Mapping[str, Any], index: int, problems: _Problems, item: str) -> Component | None:
    label = _component_label(raw, index)
    before = len(problems.items)
    good = _check_table(raw, _COMPONENT_SPEC, _COMPONENT_REQUIRED, problems, item=item, prefix=f"{label}.")
    if "id" in good and not _COMPONENT_ID.fullmatch(good["id"]):
        problems.add(_t("component_id", id=repr(good["id"])), item, f"{label}.id")
    phrases = _phrases(good.get("phrases", []), problems, item, f"{label}.phrases")
    not_within = _phrases(good.get("not_within", []), problems, item, f"{label}.not_within")
    doubted_by = _phrases(good.get("doubted_by", []), problems, item, f"{label}.doubted_by")
    posts_not = _phrases(good.get("posts_not", []), problems, item, f"{label}.posts_not")
    local_phrases = _phrases(good.get("local_phrases", []), problems, item, f"{label}.local_phrases")
    office_phrases = _phrases(good.get("office_phrases", []), problems, item, f"{label}.office_phrases")
    headings = _phrases(good.get("headings", []), problems, item, f"{label}.headings")
    patterns = _patterns(good.get("patterns", []), problems, item, f"{label}.patterns")
    stated_by = _patterns(good.get("stated_by", []), problems, item, f"{label}.stated_by")
    held_by = _patterns(good.get("held_by", []), problems, item, f"{label}.held_by")
    posts_relayed = _patterns(good.get("posts_relayed", []), problems, item, f"{label}.posts_relayed")
    matchers = _parse_matchers(good.get("matchers", []), problems, item, f"{label}.matchers")
    mistyped = {"phrases", "patterns", "matchers"} & (set(raw) - set(good))  # already reported
    if not good.get("phrases") and not good.get("patterns") and not good.get("matchers") and not mistyped:
        problems.add(_t("needs_evidence"), item, f"{label}.phrases")
    kind = _component_kind(good, problems, item, label)
    confidence = Confidence.INFERRED
    if "confidence" in good:
        confidence = _enum(good["confidence"], Confidence, problems, item, f"{label}.confidence")
    if len(problems.items) != before or kind is None:
        return None
    return Component(id=good["id"], label_th=good["label_th"], label_en=good.get("label_en", ""),
                     phrases=phrases, patterns=patterns, confidence=confidence,
                     required=good.get("required", True), carried_over=good.get("carried_over", False),
                     kind=kind, matchers=matchers,
                     in_image=good.get("in_image", False), not_within=not_within,
                     doubted_by=doubted_by, held_by=held_by, each_of=good.get("each_of", ""), stated_by=stated_by,
                     next_to=good.get("next_to", ""), posts_not=posts_not, posts_relayed=posts_relayed,
                     min_mentions=_min_mentions(good, problems, item, label), local_phrases=local_phrases,
                     not_on_lines_of=tuple(good.get("not_on_lines_of", ())), headings=headings,
                     redirects=_redirects(good, problems, item, label),
                     none_is_missing=good.get("none_is_missing", False), office_phrases=office_phrases,
                     local_only=good.get("local_only", False))


def _redirects(good: Mapping[str, Any], problems: _Problems, item: str, label: str) -> Redirects:
    value: str = good.get("redirects", "")
    if value not in {r.value for r in Redirects}:
        choices = [r.value for r in Redirects if r.value]
        problems.add(_t("not_one_of", value=repr(value), choices=", ".join(choices), suggest=_suggest(value, choices)),
                     item, f"{label}.redirects")
        return Redirects.READ
    return Redirects(value)


def _min_mentions(good: Mapping[str, Any], problems: _Problems, item: str, label: str) -> int:
    value: int = good.get("min_mentions", 1)
    if value < 1:
        problems.add(_t("at_least", minimum=1, got=value), item, f"{label}.min_mentions")
        return 1
    return value


def _join_notes(note: str, notes: str) -> str:
    note, notes = note.strip(), notes.strip()
    if not note:
        return notes
    return f"{NOTE_PREFIX}{note}]" + (f"\n{notes}" if notes else "")


def _fiscal_year_of(good: Mapping[str, Any], problems: _Problems, item: str) -> str:
    """`fiscal_year_of`: one of the item's component ids, or ""."""
    scoped: str = good.get("fiscal_year_of", "")
    if scoped and "components" in good and scoped not in {c.get("id") for c in good["components"]
                                                          if isinstance(c, Mapping)}:
        problems.add(_t("fiscal_year_of", id=repr(scoped)), item, "fiscal_year_of")
    return scoped


def _check_each_of(components: Sequence[Component], problems: _Problems, item: str) -> None:
    """`each_of` and `next_to`: another of the item's component ids, or ""."""
    ids = {c.id for c in components}
    for comp in components:
        for field, other in (("each_of", comp.each_of), ("next_to", comp.next_to)):
            if other and (other not in ids or other == comp.id):
                problems.add(_t(field, id=repr(other)), item, f"components[{comp.id}].{field}")


def _parse_item(raw: Mapping[str, Any], index: int, problems: _Problems) -> Item | None:
    item = _item_label(raw, index)
    before = len(problems.items)
    good = _check_table(raw, _ITEM_SPEC, _ITEM_REQUIRED, problems, item=item, prefix="", elsewhere=_ITEM_SUBKEYS)
    if "id" in good and not _ITEM_ID.fullmatch(good["id"]):
        problems.add(_t("item_id", id=repr(good["id"])), item, "id")
    if "indicator" in good and good["indicator"] not in VALID_INDICATORS:
        problems.add(_t("indicator", got=good["indicator"]), item, "indicator")
    confidence = fy_rule = None
    fy_confidence = Confidence.INFERRED
    if "confidence" in good:
        confidence = _enum(good["confidence"], Confidence, problems, item, "confidence")
    if "fiscal_year" in good:
        fy_rule = _enum(good["fiscal_year"], FiscalYearRule, problems, item, "fiscal_year")
    if "fiscal_year_confidence" in good:
        fy_confidence = _enum(good["fiscal_year_confidence"], Confidence, problems, item, "fiscal_year_confidence")
    title_phrases = _phrases(good.get("title_phrases", []), problems, item, "title_phrases")
    if "title_phrases" in good and not good["title_phrases"]:
        problems.add(_t("title_phrase_needed"), item, "title_phrases")
    title_variants = _phrases(good.get("title_variants", []), problems, item, "title_variants")
    not_titles = _phrases(good.get("not_titles", []), problems, item, "not_titles")
    _check_title_clash({"title_phrases": title_phrases, "title_variants": title_variants}, not_titles, problems,
                       item)
    evidence = _parse_evidence(good["evidence"], problems, item) if "evidence" in good else EvidenceRule()
    template = _parse_template(good["template"], problems, item) if "template" in good else None
    hints = _parse_discover(good["discover"], problems, item) if "discover" in good else DiscoverHints()

    components: list[Component] = []
    if "components" in good:
        if not good["components"]:
            problems.add(_t("component_needed"), item, "components")
        first_at: dict[str, int] = {}
        for j, raw_comp in enumerate(good["components"]):
            comp = _parse_component(raw_comp, j, problems, item)
            cid = raw_comp.get("id")
            if isinstance(cid, str) and cid:
                if cid in first_at:
                    problems.add(_t("duplicate_component", id=repr(cid), first=first_at[cid] + 1),
                                 item, f"components[#{j + 1}].id")
                else:
                    first_at[cid] = j
            if comp is not None:
                components.append(comp)
    scoped = _fiscal_year_of(good, problems, item)
    _check_each_of(components, problems, item)
    signed = [c.id for c in components if c.kind is ComponentKind.SIGNED and c.required]
    if template is not None and signed and not template.signed:
        problems.add(_t("signature_template", id=repr(signed[0])), item, "template.signed")
    if len(problems.items) != before or fy_rule is None or confidence is None:
        return None
    return Item(
        id=good["id"], name_th=good["name_th"], name_en=good.get("name_en", ""), indicator=good["indicator"],
        sub_indicator=good.get("sub_indicator", ""), components=tuple(components), fiscal_year_rule=fy_rule,
        confidence=confidence, title_phrases=title_phrases, title_variants=title_variants,
        not_titles=not_titles, discover=hints, evidence=evidence, fiscal_year_confidence=fy_confidence,
        notes=_join_notes(good.get("confidence_note", ""), good.get("notes", "")),
        template=template,
        listed_only=good.get("listed_only", False),
        fiscal_year_of=scoped,
    )


def _parse(data: Mapping[str, Any], source: str, problems: _Problems, *, expected_year: int | None = None
           ) -> Catalogue | None:
    top = _check_table(data, _TOP_SPEC, (), problems, item=None, prefix="")
    if "catalogue" not in data:
        problems.add(_t("no_catalogue_table"), None, "catalogue")
    if "items" not in data:
        problems.add(_t("no_items"), None, "items")
    head = _check_table(top.get("catalogue", {}), _CATALOGUE_SPEC, _CATALOGUE_REQUIRED if "catalogue" in top
                        else (), problems, item=None, prefix="catalogue.")
    year = head.get("criteria_year")
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        problems.add(_t("not_be_year", year=year), None,
                     "catalogue.criteria_year")
    elif year is not None and expected_year is not None and year != expected_year:
        problems.add(_t("year_file", year=year, expected=expected_year), None,
                     "catalogue.criteria_year")

    items: list[Item] = []
    first_at: dict[str, int] = {}
    for i, raw in enumerate(top.get("items", [])):
        item = _parse_item(raw, i, problems)
        ident = raw.get("id")
        if isinstance(ident, str) and ident:
            if ident in first_at:
                problems.add(_t("duplicate_item", first=first_at[ident] + 1, second=i + 1),
                             ident, "id")
            else:
                first_at[ident] = i
        if item is not None:
            items.append(item)
    if "items" in top and not top["items"]:
        problems.add(_t("one_item"), None, "items")
    if problems:
        return None
    titles = [(it.id, (*it.title_phrases, *it.title_variants)) for it in items]
    items = [dataclasses.replace(it, other_titles=tuple(t for t in titles if t[0] != it.id)) for it in items]
    return Catalogue(criteria_year=head["criteria_year"], version=head["version"], source=source,
                     items=tuple(items), title_th=head.get("title_th", ""))


def parse_catalogue(data: Mapping[str, Any], source: str) -> Catalogue:
    """Validate a parsed TOML document and build the `Catalogue`; `source` names it in errors."""
    problems = _Problems()
    catalogue = _parse(data, source, problems)
    if problems or catalogue is None:
        raise CatalogueError(source, problems.items)
    return catalogue


# ---------------------------------------------------------------- overrides


def _check_override(data: Mapping[str, Any], problems: _Problems) -> None:
    """Keys and types of an override file: the full schema, every field optional except ids."""
    top = _check_table(data, _TOP_SPEC, (), problems, item=None, prefix="")
    _check_table(top.get("catalogue", {}), _CATALOGUE_SPEC, (), problems, item=None, prefix="catalogue.")
    seen: set[str] = set()
    for i, raw in enumerate(top.get("items", [])):
        item = _item_label(raw, i)
        good = _check_table(raw, {**_ITEM_SPEC, **_ITEM_PATCH_SPEC}, ("id",), problems, item=item, prefix="",
                            elsewhere=_ITEM_SUBKEYS)
        if "id" in good:
            if good["id"] in seen:
                problems.add(_t("override_twice"), item, "id")
            seen.add(good["id"])
        if good.get("remove") and set(raw) - {"id", "remove"}:
            problems.add(_t("remove_item"), item, "remove")
        for key in ("confidence", "fiscal_year_confidence"):
            if key in good:
                _enum(good[key], Confidence, problems, item, key)
        if "fiscal_year" in good:
            _enum(good["fiscal_year"], FiscalYearRule, problems, item, "fiscal_year")
        if "indicator" in good and good["indicator"] not in VALID_INDICATORS:
            problems.add(_t("indicator_short", got=good["indicator"]), item, "indicator")
        for key in (*_TITLE_LISTS, "add_title_phrases", "add_title_variants"):
            _phrases(good.get(key, []), problems, item, key)
        if "evidence" in good:
            _parse_evidence(good["evidence"], problems, item)
        if "template" in good:
            _check_template_patch(good["template"], problems, item)
        if "discover" in good:
            _parse_discover(good["discover"], problems, item)
        _check_component_patches(good, problems, item)


def _check_template_patch(raw: Mapping[str, Any], problems: _Problems, item: str) -> None:
    """Keys and types of an override's [items.template]; the merged template is validated in full later."""
    good = _check_table(raw, {**_TEMPLATE_SPEC, **_TEMPLATE_PATCH_SPEC}, (), problems, item=item,
                        prefix="template.")
    if good.get("remove") and set(raw) - {"remove"}:
        problems.add(_t("remove_template"), item,
                     "template.remove")
    if "kind" in good:
        _enum(good["kind"], TemplateKind, problems, item, "template.kind")


def _check_component_patches(good: Mapping[str, Any], problems: _Problems, item: str) -> None:
    replace = bool(good.get("replace_components"))
    if replace and "components" not in good:
        problems.add(_t("replace_needs"), item,
                     "replace_components")
    for j, comp in enumerate(good.get("components", [])):
        label = _component_label(comp, j)
        spec = _COMPONENT_SPEC if replace else {**_COMPONENT_SPEC, **_COMPONENT_PATCH_SPEC}
        cgood = _check_table(comp, spec, ("id",), problems, item=item, prefix=f"{label}.")
        if cgood.get("remove") and set(comp) - {"id", "remove"}:
            problems.add(_t("remove_component"), item,
                         f"{label}.remove")
        if "confidence" in cgood:
            _enum(cgood["confidence"], Confidence, problems, item, f"{label}.confidence")
        for key in ("phrases", "add_phrases", "not_within", "doubted_by", "posts_not", "local_phrases",
                    "office_phrases"):
            _phrases(cgood.get(key, []), problems, item, f"{label}.{key}")
        for key in ("patterns", "add_patterns", "stated_by", "posts_relayed"):
            _patterns(cgood.get(key, []), problems, item, f"{label}.{key}")
        if "kind" in cgood:
            _enum(cgood["kind"], ComponentKind, problems, item, f"{label}.kind")
        _parse_matchers(cgood.get("matchers", []), problems, item, f"{label}.matchers")


def _merge_item(base: dict[str, Any], patch: Mapping[str, Any], problems: _Problems, base_name: str) -> None:
    item = base["id"]
    for key, value in patch.items():
        if key in ("id", "remove", "replace_components", "add_title_phrases", "add_title_variants", "components",
                   "evidence", "discover", "template"):
            continue
        base[key] = copy.deepcopy(value)
    # The isinstance guards skip values _check_override has already reported.
    for add, dest in (("add_title_phrases", "title_phrases"), ("add_title_variants", "title_variants")):
        if isinstance(patch.get(add), list):
            base[dest] = list(dict.fromkeys([*base.get(dest, []), *patch[add]]))
    for table in ("evidence", "discover", "template"):
        if isinstance(patch.get(table), dict):
            base[table] = {**base.get(table, {}), **copy.deepcopy(patch[table])}
    if isinstance(patch.get("template"), dict):
        if patch["template"].get("remove"):
            base.pop("template", None)
        else:  # only the keys given change; sections, columns and fields are replaced as whole lists
            base["template"] = {**base.get("template", {}), **copy.deepcopy(patch["template"])}
    if "components" not in patch:
        return
    if not isinstance(patch["components"], list):
        return  # reported by _check_override
    if patch.get("replace_components"):
        base["components"] = copy.deepcopy(patch["components"])
        return
    comps: list[dict[str, Any]] = base.setdefault("components", [])
    for cpatch in patch["components"]:
        if isinstance(cpatch, dict) and isinstance(cpatch.get("id"), str):  # else reported by _check_override
            _merge_component(comps, cpatch, problems, base_name, item)


def _merge_component(comps: list[dict[str, Any]], cpatch: Mapping[str, Any], problems: _Problems,
                     base_name: str, item: str) -> None:
    cid = cpatch["id"]
    target = next((c for c in comps if c.get("id") == cid), None)
    if target is None:
        if cpatch.get("remove") or "label_th" not in cpatch:
            known = [c.get("id", "") for c in comps]
            problems.add(_t("no_component", base=base_name, item=item, id=repr(cid), suggest=_suggest(cid, known)),
                         item, f"components[{cid}]")
            return
        comps.append({k: copy.deepcopy(v) for k, v in cpatch.items() if k not in _COMPONENT_PATCH_SPEC})
        return
    if cpatch.get("remove"):
        comps.remove(target)
        return
    for key, value in cpatch.items():
        if key not in ("id", "add_phrases", "add_patterns"):
            target[key] = copy.deepcopy(value)
    for key, dest in (("add_phrases", "phrases"), ("add_patterns", "patterns")):
        if isinstance(cpatch.get(key), list):
            target[dest] = list(dict.fromkeys([*target.get(dest, []), *cpatch[key]]))


def apply_override(base: Mapping[str, Any], override: Mapping[str, Any], *, base_name: str,
                   override_name: str) -> dict[str, Any]:
    """The raw catalogue `base` with the raw override applied (neither is modified).

    Raises CatalogueError naming `override_name` for mistakes in the override itself: unknown keys,
    wrong types or values, item ids the base does not have, components that do not exist.
    """
    problems = _Problems()
    # Check, then merge whatever is well-formed, so one run reports every mistake in the override.
    _check_override(override, problems)
    merged: dict[str, Any] = copy.deepcopy(dict(base))
    head = merged.setdefault("catalogue", {})
    patch_head = override.get("catalogue", {})
    if not isinstance(patch_head, dict):
        patch_head = {}
    if "criteria_year" in patch_head and patch_head["criteria_year"] != head.get("criteria_year"):
        problems.add(_t("override_year", year=patch_head["criteria_year"], base=base_name,
                        base_year=head.get("criteria_year")), None, "catalogue.criteria_year")
    head.update({k: v for k, v in patch_head.items() if k != "criteria_year"})
    if "version" not in patch_head and isinstance(head.get("version"), str):
        # Reports and history record the version: show that the official rules were changed locally.
        head["version"] = f"{head['version']}+{Path(override_name).stem}"

    items: list[dict[str, Any]] = merged.setdefault("items", [])
    by_id = {it.get("id"): it for it in items if isinstance(it, dict)}
    patches = override.get("items", [])
    for i, patch in enumerate(patches if isinstance(patches, list) else []):
        if not isinstance(patch, dict) or not isinstance(patch.get("id"), str):
            continue  # reported by _check_override
        ident = patch["id"]
        target = by_id.get(ident)
        if target is None:
            known = [k for k in by_id if isinstance(k, str)]
            problems.add(_t("no_item", base=base_name, id=repr(ident), suggest=_suggest(ident, known)),
                         _item_label(patch, i), "id")
            continue
        if patch.get("remove"):
            items.remove(target)
            continue
        _merge_item(target, patch, problems, base_name)
    if problems:
        raise CatalogueError(override_name, problems.items)
    return merged


# ---------------------------------------------------------------- files


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; any failure becomes a CatalogueError with the file (and line) named."""
    try:
        return config_toml.read_toml(path)
    except config_toml.TomlFileError as exc:
        message = exc.message
        prefix = i18n.text("toml.invalid", message="")
        if message.startswith(prefix):
            message = _t("invalid_toml", message=message.removeprefix(prefix))
        raise CatalogueError(path, Problem(message, line=exc.line, column=exc.column)) from None


def _applied(name: str, data: Mapping[str, Any]) -> AppliedOverride:
    """What a run must say of an override it applied: its criteria year (if it names one), the items it drops."""
    head = data.get("catalogue")
    year = head.get("criteria_year") if isinstance(head, dict) else None
    items = data.get("items")
    removed = tuple(raw["id"] for raw in (items if isinstance(items, list) else [])
                    if isinstance(raw, dict) and raw.get("remove") is True and isinstance(raw.get("id"), str))
    return AppliedOverride(path=name, criteria_year=year if isinstance(year, int) and not isinstance(year, bool)
                           else None, removed=removed)


def is_override(data: Mapping[str, Any]) -> bool:
    """A parsed rule file that is an override rather than a whole catalogue (rules/README.md).

    A catalogue's items each have every required field (id, name_th, indicator, …); an override's items hold an
    id and the fields that change. So a file none of whose items is complete is an override, unless it has
    nothing but a full [catalogue] table (criteria_year and version) and no items: that is a catalogue missing
    its items. A file with a complete item is a catalogue, whatever else is wrong with it.
    """
    items = data.get("items")
    items = [raw for raw in items if isinstance(raw, dict)] if isinstance(items, list) else []
    if any(all(key in raw for key in _ITEM_REQUIRED) for raw in items):
        return False
    head = data.get("catalogue")
    full_head = isinstance(head, dict) and all(key in head for key in _CATALOGUE_REQUIRED)
    return bool(items) or not full_head


def load_catalogue(path: str | Path, overrides: Sequence[str | Path] = ()) -> Catalogue:
    """Read, override and validate a catalogue. `Catalogue.source` is `path`; the version gains
    `+<override name>` for each override that does not set its own version; `Catalogue.overrides` says which
    overrides were applied, their criteria years and the items they removed."""
    data = read_toml(path)
    name = str(path)
    m = _CATALOGUE_FILE.fullmatch(Path(path).name)
    expected = int(m.group(1)) if m else None
    problems = _Problems()
    catalogue = _parse(data, name, problems, expected_year=expected)
    if problems or catalogue is None:
        # Validate the base alone first, so its own mistakes are blamed on it and not on an override.
        raise CatalogueError(name, problems.items)
    if not overrides:
        return catalogue
    label = name
    applied = []
    for override in overrides:
        patch = read_toml(override)
        data = apply_override(data, patch, base_name=label, override_name=str(override))
        applied.append(_applied(str(override), patch))
        label = f"{label} + {override}"
    catalogue = _parse(data, name, problems, expected_year=expected)
    if problems or catalogue is None:
        raise CatalogueError(label, problems.items)
    return dataclasses.replace(catalogue, overrides=tuple(applied))


def rules_dir() -> Path:
    """$OIT_CHECKER_RULES_DIR, else the bundled catalogues: the installed package's copy, else the repository's
    rules/ folder (see oit_checker/resources.py)."""
    env = os.environ.get(RULES_DIR_ENV)
    if env:
        return Path(env)
    return data_dir("rules")


def available_criteria_years() -> list[int]:
    folder = rules_dir()
    if not folder.is_dir():
        return []
    years = []
    for p in folder.iterdir():
        m = _CATALOGUE_FILE.fullmatch(p.name)
        if m and p.is_file():
            years.append(int(m.group(1)))
    return sorted(years)


def catalogue_path_for(year: int) -> Path:
    """rules/ita<year>.toml; CatalogueError (with the years that exist) when there is none."""
    path = rules_dir() / f"ita{year}.toml"
    if not path.is_file():
        have = ", ".join(str(y) for y in available_criteria_years()) or _t("none_available")
        raise CatalogueError(path, _t("no_year_catalogue", year=year, have=have))
    return path


def criteria_year_for_fiscal_year(fy: int | None) -> int:
    """ITA N assesses FY N: that catalogue if it exists, else the latest one ≤ fy, else the latest."""
    years = available_criteria_years()
    if not years:
        raise CatalogueError(rules_dir(), _t("no_catalogues"))
    if fy is None:
        return years[-1]
    if fy in years:
        return fy
    earlier = [y for y in years if y <= fy]
    return earlier[-1] if earlier else years[-1]
