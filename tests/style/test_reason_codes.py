"""NDIS short-notice reason codes are an NDIS claiming rule: shown to NDIS participants only."""

from domain.cancellation import rules
from domain.vocabulary import CancelReason, ProgramKind


def test_only_the_ndis_uses_reason_codes() -> None:
    assert rules.uses_reason_codes(ProgramKind.NDIS)
    for program in ProgramKind:
        if program != ProgramKind.NDIS:
            assert not rules.uses_reason_codes(program)
            assert rules.reason_label(CancelReason.HEALTH, program) == "Health"
    assert rules.reason_label(CancelReason.HEALTH, ProgramKind.NDIS) == "Health (NSDH)"
    assert rules.reason_choices(ProgramKind.HOME_CARE_PACKAGE) == {
        CancelReason.HEALTH: "Health",
        CancelReason.FAMILY: "Family",
        CancelReason.TRANSPORT: "Transport",
        CancelReason.OTHER: "Other",
    }
    assert "NSDT" in rules.reason_choices(ProgramKind.NDIS)[CancelReason.TRANSPORT]
