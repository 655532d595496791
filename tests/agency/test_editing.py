"""An administrator edits the agency's lead times, booking horizon and cancellation bands: a valid
edit is saved and audited, every bad field is named with what is wrong, and bad input or the wrong
person changes nothing. On both databases (the personas fixture)."""

from dataclasses import asdict

import pytest
from sqlalchemy import select

from domain.accounts.access import Actor
from domain.agency import editing
from domain.agency import settings as agency
from domain.agency.editing import AgencyTimes, SettingsView
from domain.errors import InvalidInput, NotAllowed
from domain.vocabulary import NoticeMeasure
from storage import db
from storage.models import Agency, AuditEvent, CancellationRule
from tests.support.personas import Personas

VALID_TIMES = {"booking_lead_hours": "72", "cancel_lead_hours": " 12 ", "booking_horizon_days": 30}
VALID_RULE = {
    "notice_measure": "clear_business_days",
    "short_notice_threshold": "3",
    "no_notice_minutes": "120",
    "short_notice_fee_pct": "50",
    "no_notice_fee_pct": "100",
}
NOT_WHOLE = ("", "  ", "soon", "1.5", "-1", "nan", "inf", None)


def audit_trail() -> list[tuple[int | None, str, str, int | None, str]]:
    with db.read() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(a.account_id, a.action, a.entity, a.entity_id, a.detail) for a in rows]


def agency_row() -> Agency:
    with db.read() as session:
        row = session.scalar(select(Agency))
        assert row is not None
        return row


def rule_row(rule_id: int) -> CancellationRule:
    with db.read() as session:
        row = session.get(CancellationRule, rule_id)
        assert row is not None
        return row


def first_rule(admin: Actor) -> int:
    return editing.current(admin).rules[0].rule_id


def snapshot(admin: Actor) -> tuple[SettingsView, list[tuple[int | None, str, str, int | None, str]]]:
    """Everything an edit could change: the settings as the screen shows them, and the audit trail."""
    return editing.current(admin), audit_trail()


def test_an_administrator_saves_new_lead_times_and_horizon(personas: Personas) -> None:
    before = audit_trail()
    shown = editing.update_times(personas.admin, **VALID_TIMES)
    assert shown.times == AgencyTimes(booking_lead_hours=72, cancel_lead_hours=12, booking_horizon_days=30)
    row = agency_row()
    assert (row.booking_lead_minutes, row.cancel_lead_minutes, row.booking_horizon_days) == (72 * 60, 720, 30)
    assert audit_trail()[len(before) :] == [
        (personas.admin.account_id, "update", "agency", row.id, "lead times, horizon")
    ]


def test_the_rules_read_the_new_lead_times_at_once(personas: Personas) -> None:
    editing.update_times(personas.admin, **VALID_TIMES)
    assert agency.current().cancel_lead_minutes == 720


@pytest.mark.parametrize(
    ("field", "low", "high"),
    [("booking_lead_hours", 0, 336), ("cancel_lead_hours", 0, 336), ("booking_horizon_days", 1, 366)],
)
def test_a_bad_time_is_named_with_its_range_and_nothing_is_saved(
    personas: Personas, field: str, low: int, high: int
) -> None:
    before = snapshot(personas.admin)
    for bad in (*NOT_WHOLE, str(low - 1), str(high + 1)):
        with pytest.raises(InvalidInput) as refused:
            editing.update_times(personas.admin, **(VALID_TIMES | {field: bad}))
        assert refused.value.fields == {field: f"Please enter a whole number from {low} to {high}."}, bad
    assert snapshot(personas.admin) == before


def test_every_bad_time_is_named_at_once(personas: Personas) -> None:
    with pytest.raises(InvalidInput) as refused:
        editing.update_times(
            personas.admin, booking_lead_hours="x", cancel_lead_hours="-2", booking_horizon_days="0"
        )
    assert set(refused.value.fields) == set(VALID_TIMES)


def test_an_administrator_saves_a_programs_cancellation_bands(personas: Personas) -> None:
    rule_id = first_rule(personas.admin)
    before = audit_trail()
    shown = editing.update_rule(personas.admin, rule_id, **VALID_RULE)
    [saved] = [rule for rule in shown.rules if rule.rule_id == rule_id]
    expected = {
        "notice_measure": NoticeMeasure.CLEAR_BUSINESS_DAYS,
        "short_notice_threshold": 3,
        "no_notice_minutes": 120,
        "short_notice_fee_pct": 50,
        "no_notice_fee_pct": 100,
    }
    assert {name: value for name, value in asdict(saved).items() if name in expected} == expected
    row = rule_row(rule_id)
    assert {name: getattr(row, name) for name in expected} == expected
    assert audit_trail()[len(before) :] == [
        (personas.admin.account_id, "update", "cancellation_rule", rule_id, "")
    ]


@pytest.mark.parametrize(
    ("field", "bad_values", "message"),
    [
        ("notice_measure", ("fortnights", "", None), "Please choose how notice is counted."),
        ("short_notice_threshold", ("91", "two", "-1"), "Please enter a whole number from 0 to 90."),
        ("no_notice_minutes", ("-5", "10081", "1.5"), "Please enter a whole number from 0 to 10080."),
        ("short_notice_fee_pct", ("101", "12.5", "nan"), "Please enter a whole number from 0 to 100."),
        ("no_notice_fee_pct", ("-1", "", "inf"), "Please enter a whole number from 0 to 100."),
    ],
)
def test_a_bad_band_is_named_and_nothing_is_saved(
    personas: Personas, field: str, bad_values: tuple[object, ...], message: str
) -> None:
    rule_id = first_rule(personas.admin)
    before = snapshot(personas.admin)
    for bad in bad_values:
        with pytest.raises(InvalidInput) as refused:
            editing.update_rule(personas.admin, rule_id, **(VALID_RULE | {field: bad}))
        assert refused.value.fields == {field: message}, bad
    assert snapshot(personas.admin) == before


def test_every_bad_band_is_named_at_once(personas: Personas) -> None:
    with pytest.raises(InvalidInput) as refused:
        editing.update_rule(
            personas.admin,
            first_rule(personas.admin),
            notice_measure="weeks",
            short_notice_threshold="",
            no_notice_minutes="x",
            short_notice_fee_pct="200",
            no_notice_fee_pct="-3",
        )
    assert set(refused.value.fields) == set(VALID_RULE)


def test_only_an_administrator_may_see_or_change_the_settings(personas: Personas) -> None:
    rule_id = first_rule(personas.admin)
    before = snapshot(personas.admin)
    for who in ("client", "carer", "worker", "roster", "case_manager"):
        actor = getattr(personas, who)
        with pytest.raises(NotAllowed):
            editing.current(actor)
        with pytest.raises(NotAllowed):
            editing.update_times(actor, **VALID_TIMES)
        with pytest.raises(NotAllowed):
            editing.update_rule(actor, rule_id, **VALID_RULE)
    assert snapshot(personas.admin) == before
