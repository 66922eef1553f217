"""Catalogue items built by the unit tests (not the shipped catalogue)."""

from __future__ import annotations

from oit_checker.model import Component, Confidence, EvidenceRule, FiscalYearRule, Item


def plan_item(rule: FiscalYearRule = FiscalYearRule.CURRENT) -> Item:
    return Item(
        id="O25", name_th="แผนปฏิบัติการป้องกันการทุจริต", name_en="Anti-corruption action plan", indicator=10,
        sub_indicator="10.2", confidence=Confidence.CONFIRMED, fiscal_year_rule=rule,
        fiscal_year_confidence=Confidence.CONFIRMED,
        title_phrases=("แผนปฏิบัติการป้องกันการทุจริต", "แผนปฏิบัติการป้องกันปราบปรามการทุจริต"),
        components=(
            Component("projects", "โครงการ/กิจกรรม", "Projects", ("โครงการ",), confidence=Confidence.CONFIRMED),
            Component("budget", "งบประมาณ", "Budget", ("งบประมาณ (บาท)",), confidence=Confidence.CONFIRMED),
        ),
        evidence=EvidenceRule(min_chars=300, min_pages=1),
    )
