"""Sizes in bytes as people read them, in reports and messages."""

from __future__ import annotations

KB = 1024
MB = 1024 * KB
GB = 1024 * MB


def human_bytes(n: int) -> str:
    """"512 bytes", "12 KB", "3.4 MB", "4.0 GB" (binary units, as the caps are set). A size that would print as
    1024 of one unit is written in the next ("1.0 MB", not "1024 KB")."""
    if round(n / MB, 1) >= 1024:
        return f"{n / GB:.1f} GB"
    if round(n / KB) >= 1024:
        return f"{n / MB:.1f} MB"
    if n >= KB:
        return f"{n / KB:.0f} KB"
    return f"{n} bytes"
