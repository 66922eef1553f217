"""The score-projection method: how findings turn into points (a small TOML file, `--projection FILE`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from oit_checker.config.toml import TomlFileError, read_toml
from oit_checker.errors import ConfigError


@dataclass(frozen=True)
class Method:
    """How findings turn into points. Defaults: equal weight per item, pass 100, fail/error 0,
    review 0 in the pessimistic figure and 100 in the optimistic one. Each item scores all or nothing
    (100 when every component is disclosed, else 0) [one source: a 2568 guideline site]."""

    pass_points: float = 100.0
    fail_points: float = 0.0
    error_points: float = 0.0  # an assessor who cannot open a URL scores it zero
    review_pessimistic: float = 0.0
    review_optimistic: float = 100.0
    weights: Mapping[str, float] = field(default_factory=dict)  # item id → weight (default 1)

    def describe(self, lang: str = "th") -> str:
        if lang == "en":
            return (f"equal weight per item unless weighted; pass = {self.pass_points:g}, fail = "
                    f"{self.fail_points:g}, could not check = {self.error_points:g}, needs review = "
                    f"{self.review_pessimistic:g} (pessimistic) or {self.review_optimistic:g} (optimistic)")
        return (f"ทุกข้อน้ำหนักเท่ากัน (เว้นแต่กำหนด); ผ่าน = {self.pass_points:g}, ไม่ผ่าน = {self.fail_points:g}, "
                f"ตรวจไม่ได้ = {self.error_points:g}, ต้องตรวจทาน = {self.review_pessimistic:g} (กรณีแย่) "
                f"หรือ {self.review_optimistic:g} (กรณีดี)")


_METHOD_KEYS = {"pass_points", "fail_points", "error_points", "review_pessimistic", "review_optimistic", "weights"}


def load_projection_method(path: str | None) -> Method:
    """A projection method from a small TOML file (see README); the defaults when no file is given."""
    if not path:
        return Method()
    try:
        data = read_toml(path)
    except TomlFileError as exc:
        raise ConfigError(f"{path}: cannot read projection method: {exc}") from None
    unknown = set(data) - _METHOD_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(_METHOD_KEYS))}")
    weights = data.get("weights", {})
    values = {k: v for k, v in data.items() if k != "weights"}
    if not all(isinstance(v, int | float) for v in (*values.values(), *weights.values())):
        raise ConfigError(f"{path}: points and weights must be numbers")
    return Method(**{k: float(v) for k, v in values.items()},
                  weights={str(k).upper(): float(v) for k, v in weights.items()})


