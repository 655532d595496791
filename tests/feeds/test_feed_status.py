"""How a visit's state reads in a calendar feed: cancelled stays in the feed marked CANCELLED; one
not yet settled — no worker yet, or extra hours the agency has still to allow — is TENTATIVE."""

import pytest

from domain.feeds.ics import status_of
from domain.vocabulary import ShiftStatus

SETTLED_ELSEWHERE = {ShiftStatus.CANCELLED, ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED, ShiftStatus.WAITING}


@pytest.mark.parametrize("status", [ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED, ShiftStatus.WAITING])
def test_a_visit_not_yet_settled_is_tentative(status: ShiftStatus) -> None:
    assert status_of(status) == "TENTATIVE"


def test_a_cancelled_visit_is_marked_cancelled() -> None:
    assert status_of(ShiftStatus.CANCELLED) == "CANCELLED"


@pytest.mark.parametrize("status", sorted(set(ShiftStatus) - SETTLED_ELSEWHERE))
def test_every_other_visit_is_confirmed(status: ShiftStatus) -> None:
    assert status_of(status) == "CONFIRMED"
