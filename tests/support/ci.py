"""Skip a test whose prerequisites are missing, except on CI ($CI set), where a skip would hide that the
test never ran: there it fails instead."""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import NoReturn

import pytest


def on_ci() -> bool:
    return bool(os.environ.get("CI"))


def skip_or_fail(message: str) -> NoReturn:
    if on_ci():
        pytest.fail(f"cannot run on CI: {message}", pytrace=False)
    pytest.skip(message)


def require_module(name: str, install: str) -> ModuleType:
    """`pytest.importorskip`, failing on CI."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        skip_or_fail(f"{name} is not installed ({exc}); {install}")
