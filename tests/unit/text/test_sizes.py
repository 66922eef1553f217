"""Sizes as reports and messages print them."""

from __future__ import annotations

from oit_checker.text.sizes import GB, KB, MB, human_bytes


def test_sizes_read_in_the_largest_unit_they_fill() -> None:
    assert human_bytes(0) == "0 bytes"
    assert human_bytes(1023) == "1023 bytes"
    assert human_bytes(12 * KB) == "12 KB"
    assert human_bytes(50 * MB) == "50.0 MB"
    assert human_bytes(int(3.4 * MB)) == "3.4 MB"
    assert human_bytes(4 * GB) == "4.0 GB"


def test_a_size_just_under_a_unit_is_written_in_that_unit() -> None:
    assert human_bytes(MB - 1) == "1.0 MB"  # not "1024 KB"
    assert human_bytes(GB - 1) == "1.0 GB"  # not "1024.0 MB"
    assert human_bytes(MB - KB) == "1023 KB"
    assert human_bytes(KB) == "1 KB"
