"""The extraction corpus's known Thai content (fixtures/corpus/known_texts.py), loaded once for every test."""

from __future__ import annotations

from tests.support.paths import ROOT, load_script

CORPUS = ROOT / "fixtures" / "corpus"


known = load_script(CORPUS / "known_texts.py", "known_texts")
# The corpus document as one text: แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ with its projects table.
PLAN_TEXT = "\n".join([known.TITLE, known.SUBTITLE, known.DATE_LINE, *known.PARAS, " | ".join(known.TABLE_HEAD),
                       *(" | ".join(r) for r in known.TABLE_ROWS), *known.SIGN])
