"""The extraction corpus's known Thai content (fixtures/corpus/known_texts.py), loaded once for every test."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("known_texts", CORPUS / "known_texts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


known = _load()
# The corpus document as one text: แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ with its projects table.
PLAN_TEXT = "\n".join([known.TITLE, known.SUBTITLE, known.DATE_LINE, *known.PARAS, " | ".join(known.TABLE_HEAD),
                       *(" | ".join(r) for r in known.TABLE_ROWS), *known.SIGN])
