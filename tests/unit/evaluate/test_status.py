"""The one status computation (`evaluate.item.finding_status`): a finding is never `pass` while one of its
reasons has a review-level code, whatever severity the reason carries (issue 9, class 8). The same rule is
checked over every fixture set in tests/integration/test_pass_is_clean.py."""

from __future__ import annotations

from oit_checker.catalogue import reasons
from oit_checker.evaluate.item import finding_status
from oit_checker.model import Evidence, Reason, Status


def test_the_status_computation_refuses_a_pass_with_a_review_level_code() -> None:
    ev = (Evidence(url="https://www.example.go.th/o12.html"),)
    # A review-level code forced down to severity pass still makes the finding review: the one place decides.
    forced = Reason(code="egp_link", message_th="", message_en="", evidence=ev, severity=Status.PASS)
    assert finding_status([forced]) is Status.REVIEW
    assert finding_status([reasons.make("egp_link_also", evidence=ev)]) is Status.PASS
    assert finding_status([reasons.make("few_pages", pages=1, min_pages=2)]) is Status.PASS
    assert finding_status([]) is Status.PASS
    assert finding_status([reasons.make("extract_timeout", detail="timeout"),
                           reasons.make("cover_only", chars=0, pages=1)]) is Status.FAIL
