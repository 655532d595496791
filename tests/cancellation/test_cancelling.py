"""Cancelling a rostered shift or a pending request, on a real database (SQLite and PostgreSQL)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from domain import clock, money
from domain.cancellation import cancel
from domain.cancellation.cancel import Scope
from domain.cancellation.rules import FeeChanged, LeadTimeTooShort
from domain.errors import DomainError
from domain.vocabulary import BookingStatus, CancelBand, CancelReason, LedgerKind, ShiftStatus
from storage import db
from storage.models import Booking, LedgerEntry, OutboxMessage, Shift
from tests.support.personas import Personas
from tests.support.records import booking_of, count, ledger_entries, outbox, shift, shift_ids, snapshot

MONDAY_MORNING = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)  # Monday 30 November, 9:00 in Sydney


def next_rostered(personas: Personas) -> int:
    """Margaret's next allocated shift: Tuesday 1 December (Home Care Package: 2 business days)."""
    return shift_ids(personas.client.client_id, ShiftStatus.ALLOCATED, after=clock.now())[0]


def test_the_preview_shows_the_band_and_fee_and_changes_nothing(personas: Personas) -> None:
    clock.freeze(MONDAY_MORNING)
    shift_id = next_rostered(personas)
    before = (count(LedgerEntry), count(OutboxMessage), shift(shift_id).status)
    plan = cancel.preview(personas.client, shift_id)
    price = money.price_cents(shift(shift_id).bill_units, shift(shift_id).bill_rate_cents)
    assert plan.first.quote is not None
    assert (plan.first.quote.band, plan.fee_cents) == (CancelBand.SHORT_NOTICE, price)
    assert (count(LedgerEntry), count(OutboxMessage), shift(shift_id).status) == before


def test_a_short_notice_cancellation_bills_the_confirmed_fee_to_the_package_with_its_reason(
    personas: Personas,
) -> None:
    clock.freeze(MONDAY_MORNING)
    shift_id = next_rostered(personas)
    fee = cancel.preview(personas.client, shift_id).fee_cents
    cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.HEALTH, fee)
    done = shift(shift_id)
    assert (done.status, done.cancel_band, done.cancel_fee_cents) == (
        ShiftStatus.CANCELLED,
        CancelBand.SHORT_NOTICE,
        fee,
    )
    assert done.billed_at == MONDAY_MORNING
    [entry] = ledger_entries(shift_id, LedgerKind.CANCELLATION_FEE)
    assert entry.cancel_reason == CancelReason.HEALTH
    assert entry.subsidy_cents + entry.contribution_cents == fee
    assert entry.amount_cents == -entry.subsidy_cents
    assert entry.entry_date == done.occurrence_date


def test_a_cancellation_with_notice_costs_nothing_and_writes_no_ledger_entry(personas: Personas) -> None:
    shift_id = next_rostered(personas)  # Friday 11:00 before Tuesday: Monday and Tuesday are business days
    plan = cancel.preview(personas.client, shift_id)
    assert plan.first.quote is not None
    assert (plan.first.quote.band, plan.fee_cents) == (CancelBand.WITH_NOTICE, 0)
    cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.FAMILY, 0)
    assert shift(shift_id).status == ShiftStatus.CANCELLED
    assert ledger_entries(shift_id) == []


def test_a_fee_other_than_the_one_confirmed_is_refused_and_nothing_changes(personas: Personas) -> None:
    clock.freeze(MONDAY_MORNING)
    shift_id = next_rostered(personas)
    with pytest.raises(FeeChanged, match="Nothing was cancelled"):
        cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0)
    assert shift(shift_id).status == ShiftStatus.ALLOCATED
    assert ledger_entries(shift_id) == []
    assert outbox("shift_cancelled") == []


def test_a_client_cannot_cancel_online_inside_the_lead_time(personas: Personas) -> None:
    shift_id = next_rostered(personas)
    clock.freeze(shift(shift_id).starts_at - timedelta(hours=23, minutes=59))
    with pytest.raises(LeadTimeTooShort, match="please call the agency on 02 9555 0100"):
        cancel.preview(personas.client, shift_id)
    with pytest.raises(LeadTimeTooShort):
        cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0)
    assert shift(shift_id).status == ShiftStatus.ALLOCATED


def test_roster_staff_cancel_for_a_client_who_calls_and_no_notice_is_charged_in_full(
    personas: Personas,
) -> None:
    shift_id = next_rostered(personas)
    starts = shift(shift_id).starts_at
    clock.freeze(starts - timedelta(minutes=30))
    plan = cancel.preview(personas.roster, shift_id)
    assert plan.first.quote is not None
    assert plan.first.quote.band == CancelBand.NO_NOTICE
    assert plan.fee_cents == plan.first.quote.price_cents > 0
    cancel.cancel(personas.roster, shift_id, Scope.ONLY_THIS, CancelReason.TRANSPORT, plan.fee_cents)
    assert shift(shift_id).cancelled_by_account_id == personas.roster.account_id


def test_cancelling_one_occurrence_leaves_every_other_occurrence_untouched(personas: Personas) -> None:
    upcoming = shift_ids(personas.client.client_id, ShiftStatus.ALLOCATED, after=clock.now())
    target = next(s for s in upcoming[3:] if booking_of(s).recurrence != "once")
    booking = booking_of(target)
    before = snapshot(booking.id)
    cancel.cancel(personas.client, target, Scope.ONLY_THIS, CancelReason.FAMILY, 0)
    after = snapshot(booking.id)
    assert after.pop(target)[0] == ShiftStatus.CANCELLED
    before.pop(target)
    assert after == before
    assert booking_of(target).status == booking.status
    assert booking_of(target).ends_on == booking.ends_on


def test_cancelling_this_and_later_ends_the_series_the_day_before(personas: Personas) -> None:
    upcoming = shift_ids(personas.client.client_id, ShiftStatus.ALLOCATED, after=clock.now())
    target = next(s for s in upcoming[3:] if booking_of(s).recurrence != "once")
    booking = booking_of(target)
    before = snapshot(booking.id)
    starts = shift(target).starts_at
    plan = cancel.cancel(personas.client, target, Scope.THIS_AND_LATER, CancelReason.HEALTH, 0)
    after = snapshot(booking.id)
    later = {i for i, row in before.items() if row[1] >= starts and row[0] == ShiftStatus.ALLOCATED}
    assert len(plan.occurrences) == len(later) >= 1
    assert all(after[i][0] == ShiftStatus.CANCELLED for i in later)
    assert {i: after[i] for i in before if i not in later} == {i: before[i] for i in before if i not in later}
    assert booking_of(target).ends_on == shift(target).occurrence_date - timedelta(days=1)
    assert booking_of(target).status == BookingStatus.ALLOCATED  # earlier visits still to come


def test_cancelling_a_series_from_its_first_visit_cancels_the_booking(personas: Personas) -> None:
    target = next_rostered(personas)
    booking = booking_of(target)
    with db.write() as session:  # make this the first visit of the series
        session.execute(
            update(Shift)
            .where(Shift.booking_id == booking.id, Shift.starts_at < shift(target).starts_at)
            .values(booking_id=None)
        )
        session.execute(
            update(Booking).where(Booking.id == booking.id).values(first_date=shift(target).occurrence_date)
        )
    cancel.cancel(personas.client, target, Scope.THIS_AND_LATER, CancelReason.OTHER, 0)
    assert booking_of(target).status == BookingStatus.CANCELLED
    assert all(row[0] == ShiftStatus.CANCELLED for row in snapshot(booking.id).values())


def test_cancelling_a_pending_request_costs_nothing_and_emails_rostering(personas: Personas) -> None:
    target = next_rostered(personas)
    booking = booking_of(target)
    with db.write() as session:  # the roster department has not filled this request yet
        session.execute(
            update(Shift)
            .where(Shift.booking_id == booking.id, Shift.starts_at >= clock.now())
            .values(status=ShiftStatus.UNALLOCATED, worker_id=None)
        )
        session.execute(
            update(Booking).where(Booking.id == booking.id).values(status=BookingStatus.UNALLOCATED)
        )
    plan = cancel.preview(personas.client, target, Scope.THIS_AND_LATER)
    assert plan.fee_cents == 0
    assert all(o.quote is None for o in plan.occurrences)
    cancel.cancel(personas.client, target, Scope.THIS_AND_LATER, CancelReason.OTHER, 0)
    assert shift(target).cancel_band is None
    [email] = outbox("shift_cancelled")
    assert email.to_address == "roster@example.com"
    assert "Margaret Wilson" in email.subject
    assert "request not yet rostered" in email.body_text


def test_rostering_is_emailed_and_the_worker_told_of_a_cancelled_shift(personas: Personas) -> None:
    clock.freeze(MONDAY_MORNING)
    shift_id = next_rostered(personas)
    fee = cancel.preview(personas.client, shift_id).fee_cents
    cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.HEALTH, fee)
    [email] = outbox("shift_cancelled")
    assert email.to_address == "roster@example.com"
    assert email.shift_id == shift_id
    assert "short notice" in email.body_text
    assert money.dollars(fee) in email.body_text
    assert "Health" in email.body_text
    assert "NSDH" not in email.body_text  # Margaret's Home Care Package has no NDIS reason codes
    assert "Harbourside Community Care" in email.body_text
    [app_message] = outbox("shift_cancelled_worker")
    assert app_message.to_account_id == personas.worker.account_id  # Aisha is Margaret's worker


def test_a_shift_already_done_or_cancelled_cannot_be_cancelled(personas: Personas) -> None:
    completed = shift_ids(personas.client.client_id, ShiftStatus.COMPLETED)[0]
    with pytest.raises(DomainError, match="already taken place"):
        cancel.preview(personas.client, completed)
    shift_id = next_rostered(personas)
    cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0)
    with pytest.raises(DomainError, match="already cancelled"):
        cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0)
