"""The one catalogue of user-facing words (`strings.toml` beside this module): Thai first, English second.

Each entry is `key = { th = "…", en = "…" }` inside a `[section]`, addressed as "section.key"; `en_one` is
the English singular where a count decides ("1 page", "2 pages"; Thai has one form). Values are
`str.format` templates. Reason messages and their fixes live with the reason codes
(catalogue/messages.toml); everything else a person reads comes from here.

The language: `--lang`, else $OIT_CHECKER_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG) when it
names English or Thai, else Thai. `cli.main` settles it once per run (`set_language`); error messages built
deep in the configuration readers use it.
"""

from __future__ import annotations

import hashlib
import os
import re
import string
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from . import jsontext

LANGS = ("th", "en")
DEFAULT_LANG = "th"
LANG_ENV = "OIT_CHECKER_LANG"
_LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")

_language = DEFAULT_LANG


class _Blank(dict[str, object]):
    """A value the caller forgot renders as "?" rather than crashing the message that explains an error."""

    def __missing__(self, key: str) -> str:
        return "?"


SOURCE = "strings.toml"
# `strings.toml` read once and written as JSON beside it, with the source's sha256 (`python -m
# oit_checker.text.i18n` writes it again; tests/unit/text/test_i18n.py fails while it is stale). Every command
# reads the catalogue before parsing its arguments (their help is in it): tomllib takes ≈20 ms over the 121 KB
# file; reading, hashing and loading the JSON ≈4 ms. A compiled file not made from the source's bytes is ignored.
COMPILED = "strings.json"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """"section.key" → {"th": …, "en": …[, "en_one": …]}."""
    folder = resources.files("oit_checker.text")
    source = folder.joinpath(SOURCE).read_bytes()
    try:
        compiled = folder.joinpath(COMPILED).read_bytes()
    except OSError:
        compiled = b""
    return from_source(source, compiled)


def from_source(source: bytes, compiled: bytes = b"") -> dict[str, dict[str, str]]:
    """The catalogue of `source` (strings.toml's bytes): from `compiled` (strings.json's) when it was made from
    these very bytes, else parsed."""
    if compiled:
        try:
            kept = jsontext.loads(compiled)
        except ValueError:
            kept = None
        if isinstance(kept, dict) and kept.get("source_sha256") == hashlib.sha256(source).hexdigest():
            entries = kept.get("catalogue")
            if isinstance(entries, dict):
                return entries
    return _parse(source.decode("utf-8"))


def compiled_form(source: bytes) -> str:
    """What strings.json holds for `source`."""
    return jsontext.dumps_pretty({"source_sha256": hashlib.sha256(source).hexdigest(),
                                  "catalogue": _parse(source.decode("utf-8"))}) + "\n"


def _parse(text: str) -> dict[str, dict[str, str]]:
    raw = tomllib.loads(text)
    out: dict[str, dict[str, str]] = {}

    def walk(prefix: str, table: Mapping[str, object]) -> None:
        for key, value in table.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict) and "th" in value:
                out[name] = {k: str(v) for k, v in value.items()}
            elif isinstance(value, dict):
                walk(name, value)

    walk("", raw)
    return out


def lang_from_env(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    chosen = (env.get(LANG_ENV) or "").strip().lower()
    if chosen[:2] in LANGS:
        return chosen[:2]
    for name in _LOCALE_ENVS:
        value = (env.get(name) or "").strip().lower()
        if value:
            # The first locale variable that is set decides (POSIX order); C/POSIX and others mean Thai.
            return value[:2] if value[:2] in LANGS else DEFAULT_LANG
    return DEFAULT_LANG


def lang_from_argv(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """`--lang xx` / `--lang=xx` anywhere on the command line, else the environment."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return lang_from_env(environ)


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGS else DEFAULT_LANG


def language() -> str:
    return _language


def text(key: str, lang: str | None = None, /, **values: object) -> str:
    """The entry `key` in `lang` (default: the run's language), formatted with `values`."""
    entry = catalogue()[key]
    template = entry.get(lang or _language) or entry[DEFAULT_LANG]
    return template.format_map(_Blank(values)) if values else template


def count(key: str, n: int, lang: str | None = None, /, **values: object) -> str:
    """`text` with a count `n`: English takes `en_one` when n is 1."""
    lang = lang or _language
    entry = catalogue()[key]
    template = entry.get("en_one", entry["en"]) if lang == "en" and n == 1 else entry.get(lang) or entry["th"]
    return template.format_map(_Blank({"n": n, **values}))


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


_QUOTED = "__q"  # the group name's suffix of a placeholder written in double quotes (`_wordings`, `reword`)


@cache
def _wordings(section: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Every English form (`en`, `en_one`) of the entries of `section` as a pattern whose groups are the
    placeholders; the longest wording first, so the most specific one is tried first."""
    found = []
    for key, entry in catalogue().items():
        if not key.startswith(section + "."):
            continue
        for variant in ("en", "en_one"):
            if variant in entry:
                # A value in double quotes is words quoted from a page, stored without double quotes of their own
                # (discover/model.py `why_text`): it ends at the next quote, and it is not reworded (`reword`).
                parts = [re.escape(literal) + ((f'(?P<{field}{_QUOTED}>[^"]*)' if literal.endswith('"')
                                                else f"(?P<{field}>.+?)") if field else "")
                         for literal, field, _, _ in string.Formatter().parse(entry[variant])]
                found.append((len(entry[variant]), re.compile("".join(parts), re.DOTALL), key))
    found.sort(key=lambda f: -f[0])
    return tuple((rx, key) for _, rx, key in found)


def reword(section: str, english: str, lang: str | None = None, /) -> str:
    """`english`, written by the product from an entry of `section` (in English: that is how it is stored),
    in `lang` (default: the run's language). The values in it are reworded the same way, but for a value in
    double quotes (`"{text}"`: words quoted from a page, kept as written); text that is no entry's wording (what
    a library or a server said, a URL) stays as it is."""
    lang = lang or _language
    if lang == "en" or not english:
        return english
    for rx, key in _wordings(section):
        m = rx.fullmatch(english)
        if m:
            return text(key, lang, **{k.removesuffix(_QUOTED): v if k.endswith(_QUOTED) else reword(section, v, lang)
                                      for k, v in m.groupdict().items()})
    return english


if __name__ == "__main__":  # python -m oit_checker.text.i18n: write strings.json again from strings.toml
    here = Path(__file__).with_name(SOURCE)
    here.with_name(COMPILED).write_text(compiled_form(here.read_bytes()), encoding="utf-8")
