"""JSON text through orjson is the standard library's text; what orjson refuses still gets written; the
sanitising gate cleans exactly what `scrub` would."""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest

from oit_checker.text import jsontext
from oit_checker.text.sanitize import json_text, scrub

GOLDEN = Path(__file__).resolve().parents[2] / "integration" / "golden"


@pytest.mark.parametrize("name", ["demo-2568.json", "realworld.json"])
def test_pretty_text_is_the_standard_librarys_byte_for_byte(name: str) -> None:
    report = json.loads((GOLDEN / name).read_text(encoding="utf-8"))  # real Thai findings, evidence, URLs
    assert jsontext.dumps_pretty(report) == json.dumps(report, ensure_ascii=False, indent=2)
    assert jsontext.loads(jsontext.dumps_compact(report)) == report


def test_compact_text_reads_back_as_the_standard_library_reads_it() -> None:
    value = {"url": "https://อบต.ตัวอย่าง.go.th/ข่าว?id=1", "pages": ["หน้า ๑\nบรรทัด\t2"], "n": 3, "f": 0.5,
             "none": None, 7: "int-key"}
    text = jsontext.dumps_compact(value)
    assert " " not in text.replace("หน้า ๑", "")
    assert json.loads(text) == json.loads(json.dumps(value, ensure_ascii=False))


Pair = namedtuple("Pair", "a b")


@dataclasses.dataclass
class _Point:
    x: int


@pytest.mark.parametrize("value", [
    {"big": 2**70},                                    # past 64 bits
    {"s": "broken \udc80 surrogate"},                   # lone surrogate
    {"pair": Pair(1, "ก")},                            # tuple subclass: a list, as json writes it
    {"when": datetime.datetime(2025, 10, 1, 8, 30)},    # no JSON form: str()
    {"point": _Point(1)},                              # a dataclass: str(), not orjson's own form
])
def test_what_orjson_refuses_or_writes_differently_is_written_by_the_standard_library(value: dict[str, Any]
                                                                                      ) -> None:
    assert jsontext.dumps_compact(value) == json.dumps(value, ensure_ascii=False, default=str,
                                                       separators=(",", ":"))


def test_pretty_of_a_value_json_cannot_write_fails_as_json_does() -> None:
    with pytest.raises(TypeError):
        jsontext.dumps_pretty({"point": _Point(1)})


def test_loads_accepts_what_the_standard_library_accepts() -> None:
    assert jsontext.loads(b'{"a": [1, 2]}') == {"a": [1, 2]}
    assert str(jsontext.loads('{"x": NaN}')["x"]) == "nan"
    with pytest.raises(json.JSONDecodeError):
        jsontext.loads("{not json")


@pytest.mark.parametrize("hostile", [
    "ผลการประเมิน\x1b]52;c;ZXZpbA==\x07",           # OSC 52 (clipboard) through C0 controls
    "ตาราง\x9b2J",                                  # C1 CSI
    "แผน\u202eเกิน",                                # bidi override
    "https://admin:secret@อบต.example.go.th/o1",   # credentials in a URL
    "บรรทัดแรก\nhttp://user@example.go.th/x",       # credentials right after a newline
    "ย่อหน้า\rทับ",                                 # carriage return
])
def test_the_gate_cleans_every_string_scrub_would_clean(hostile: str) -> None:
    value = {"agencies": [{"name": "อบต.ตัวอย่าง", "findings": [{"snippet": hostile, "n": 1}]}],
             hostile: "key"}
    got = json_text(value, jsontext.dumps_pretty)
    assert got == json.dumps(scrub(value), ensure_ascii=False, indent=2)
    assert got != json.dumps(value, ensure_ascii=False, indent=2)


def test_the_gate_leaves_clean_text_as_it_is() -> None:
    report = json.loads((GOLDEN / "demo-2568.json").read_text(encoding="utf-8"))
    assert json_text(report, jsontext.dumps_pretty) == json.dumps(scrub(report), ensure_ascii=False, indent=2)
    # a backslash, an e-mail address and a tab are not what scrub removes
    value = {"a": "C:\\เอกสาร\\b", "b": "mailto:saraban@example.go.th", "c": "ก\tข"}
    assert json_text(value, jsontext.dumps_pretty) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_two_float_differences_are_the_documented_ones() -> None:
    assert jsontext.dumps_compact({"x": 1e-05}) == '{"x":0.00001}'  # the same number, written in full
    assert jsontext.loads(jsontext.dumps_compact({"x": 1e-05})) == {"x": 1e-05}
    assert jsontext.dumps_compact([float("nan"), float("inf")]) == "[null,null]"  # JSON has no NaN
    assert jsontext.dumps_pretty({"score": 42.857142857142854}) == json.dumps({"score": 42.857142857142854},
                                                                             ensure_ascii=False, indent=2)


@pytest.mark.parametrize(("value", "as_orjson_writes"), [
    ({"title": "แผนปฏิบัติการป้องกันการทุจริต ประจำปี ๒๕๖๘", "pages": ["หน้า 1\nข้อ 2"], "n": 3, "none": None}, True),
    ({"big": 2**70, "lone": "\ud800"}, False),  # what orjson refuses: the standard library writes it
    ([1.5, True, "O24"], True),
])
def test_compact_utf8_is_the_compact_json_as_bytes(value: Any, as_orjson_writes: bool) -> None:
    """The same JSON as `dumps_compact`, read back alike; byte for byte its UTF-8 where orjson writes it. A lone
    surrogate (no UTF-8 form) is written as its escape, so the bytes always decode."""
    got = jsontext.dumps_compact_utf8(value)
    text = jsontext.dumps_compact(value)
    assert json.loads(got.decode("utf-8")) == json.loads(text) == jsontext.loads(got)
    assert (got == text.encode("utf-8", "surrogatepass")) is as_orjson_writes
