"""Where the repository and its fixtures are, for every test and support module."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
CORPUS = FIXTURES / "corpus"
