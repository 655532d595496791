"""The visits of a booking past the approved hours are held back until staff decide, on both
databases: not offered to the nominated worker, not allocatable, not unallocated work in the Day
Manager; the client sees them as waiting for the agency. Allowing makes them unallocated work;
declining (with a reason) cancels them without any charge and e-mails the client why. A booking is
decided once; a decline without a reason, and anyone but staff, change nothing."""

from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select, update

from domain.booking import allocation, answers, catalogue, requests
from domain.cancellation import cancel
from domain.cancellation.cancel import Scope
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.pricing import over_hours
from domain.roster import day as roster_day
from domain.visits import views
from domain.vocabulary import BookingStatus, CancelReason, Recurrence, ShiftStatus
from storage import db
from storage.models import ApprovedService, AuditEvent, Booking, LedgerEntry, Offer, OutboxMessage, Shift
from tests.booking.support import worker_actor
from tests.pricing.test_beyond_approved import SUNDAY, used_in_week
from tests.pricing.test_over_hours import book_past_the_hours, one_hour_left
from tests.support.personas import Personas


def shifts_of(booking_id: int) -> list[tuple[ShiftStatus, int | None, int | None]]:
    with db.read() as session:
        return [
            tuple(row)  # type: ignore[misc]
            for row in session.execute(
                select(Shift.status, Shift.worker_id, Shift.cancel_fee_cents)
                .where(Shift.booking_id == booking_id)
                .order_by(Shift.starts_at)
            )
        ]


def written() -> tuple[int, ...]:
    tables = (AuditEvent, OutboxMessage, LedgerEntry, Offer)
    with db.read() as session:
        counts = [session.scalar(select(func.count()).select_from(t)) or 0 for t in tables]
        decided = select(func.count()).select_from(Booking).where(Booking.beyond_declined_at.is_not(None))
        return (*counts, session.scalar(decided) or 0)


def letters(template: str) -> list[str]:
    with db.read() as session:
        return list(
            session.scalars(select(OutboxMessage.body_text).where(OutboxMessage.template == template))
        )


def unallocated_on_the_day(personas: Personas) -> set[int]:
    found = roster_day.day(personas.roster, SUNDAY, roster_day.DayFilter(show=roster_day.Show.UNALLOCATED))
    return {s.shift_id for s in found.shifts}


def test_a_waiting_visit_is_not_offered_allocatable_or_unallocated_work_until_allowed(
    personas: Personas,
) -> None:
    booking_id = book_past_the_hours(personas)
    [(status, worker, _fee)] = shifts_of(booking_id)
    assert (status, worker) == (ShiftStatus.WAITING, None)
    with db.read() as session:
        shift_id = session.scalar(select(Shift.id).where(Shift.booking_id == booking_id))
    assert shift_id is not None
    assert shift_id not in unallocated_on_the_day(personas)
    with pytest.raises(DomainError, match="no longer waiting for a worker"):
        allocation.candidates(personas.roster, shift_id)
    with pytest.raises(DomainError, match="no longer waiting for a worker"):
        allocation.allocate(personas.roster, shift_id, personas.worker.worker_id)
    margaret = personas.client
    requested = views.services(margaret, margaret.client_id, views.Tab.REQUESTS)
    line = next(line for line in requested.rows.lines if line.shift_id == shift_id)
    assert line.label == "Waiting for the agency to approve the extra hours"

    over_hours.allow(personas.case_manager, booking_id)

    assert shifts_of(booking_id) == [(ShiftStatus.UNALLOCATED, None, None)]
    assert shift_id in unallocated_on_the_day(personas)
    free = allocation.candidates(personas.roster, shift_id).providers[0].worker_id
    allocation.allocate(personas.roster, shift_id, free)
    assert shifts_of(booking_id) == [(ShiftStatus.ALLOCATED, free, None)]


def test_a_nominated_worker_is_not_offered_the_visits_past_the_approved_hours(personas: Personas) -> None:
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    one_hour_left(item, margaret.client_id)
    wanted = requests.Wanted(margaret.client_id, item.approved_service_id, SUNDAY, time(10), 90)
    worker_id = requests.providers(margaret, wanted).providers[0].provider.worker_id
    booked = requests.nominate(margaret, wanted, worker_id)
    assert booked.beyond
    assert booked.status == BookingStatus.REQUESTED
    assert shifts_of(booked.booking_id) == [(ShiftStatus.WAITING, None, None)]
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Offer.booking_id == booked.booking_id)) == 0
        booking = session.get(Booking, booked.booking_id)
        assert booking is not None
        assert booking.nominated_worker_id == worker_id
    assert booked.booking_id in {line.booking_id for line in over_hours.waiting(personas.roster)}


@pytest.mark.parametrize("who", ["case_manager", "roster", "admin"])
def test_staff_decline_with_a_reason_the_visits_are_cancelled_free_and_the_client_told(
    personas: Personas, who: str
) -> None:
    booking_id = book_past_the_hours(personas)
    staff = getattr(personas, who)
    ledger_before = written()[2]
    left = over_hours.decline(staff, booking_id, "  Your package has no room left this week.  ")
    assert booking_id not in {line.booking_id for line in left}
    assert shifts_of(booking_id) == [(ShiftStatus.CANCELLED, None, 0)]
    assert written()[2] == ledger_before  # no cancellation charge in the ledger
    with db.read() as session:
        booking = session.get(Booking, booking_id)
        assert booking is not None
        assert booking.status == BookingStatus.CANCELLED  # nothing else was left of it
        assert (booking.beyond_declined_by, booking.beyond_declined_reason) == (
            staff.display_name,
            "Your package has no room left this week.",
        )
        trail = session.scalars(
            select(AuditEvent.account_id).where(
                AuditEvent.action == "decline_beyond", AuditEvent.entity_id == booking_id
            )
        ).all()
    assert trail == [staff.account_id]
    [told] = letters("beyond_declined_to_client")
    assert "Your package has no room left this week." in told
    assert "without any cancellation charge" in told


def test_declining_without_a_reason_deciding_twice_and_outsiders_are_refused_and_change_nothing(
    personas: Personas,
) -> None:
    booking_id = book_past_the_hours(personas)
    before = written()
    with pytest.raises(InvalidInput) as refused:
        over_hours.decline(personas.roster, booking_id, "   ")
    assert refused.value.fields == {"reason": "Please enter the reason the client is told."}
    for outsider in (personas.client, personas.carer, personas.worker):
        with pytest.raises(NotAllowed):
            over_hours.allow(outsider, booking_id)
        with pytest.raises(NotAllowed):
            over_hours.decline(outsider, booking_id, "No")
    assert written() == before
    assert shifts_of(booking_id) == [(ShiftStatus.WAITING, None, None)]

    over_hours.decline(personas.roster, booking_id, "No room this week.")
    after = written()
    with pytest.raises(InvalidInput) as refused:
        over_hours.allow(personas.admin, booking_id)
    assert refused.value.fields == {
        "booking": "Booking BK" + f"{booking_id:06d} was already declined by Rosa Martinez."
    }
    with pytest.raises(InvalidInput):
        over_hours.decline(personas.admin, booking_id, "Again")
    assert written() == after
    assert shifts_of(booking_id) == [(ShiftStatus.CANCELLED, None, 0)]

    allowed = book_past_the_hours(personas)
    over_hours.allow(personas.roster, allowed)
    with pytest.raises(InvalidInput) as refused:
        over_hours.decline(personas.case_manager, allowed, "Changed my mind")
    assert "was already allowed by Rosa Martinez" in refused.value.fields["booking"]
    assert shifts_of(allowed) == [(ShiftStatus.UNALLOCATED, None, None)]


def test_in_a_series_only_the_visits_past_the_approved_hours_wait_the_others_are_offered(
    personas: Personas,
) -> None:
    margaret = personas.client
    item = next(i for i in catalogue.catalogue(margaret, margaret.client_id) if i.name == "Personal care")
    with db.write() as session:  # one hour a week: the weeks the demo already rosters are full
        session.execute(
            update(ApprovedService)
            .where(ApprovedService.id == item.approved_service_id)
            .values(units_per_period=100)
        )
    wanted = requests.Wanted(
        margaret.client_id, item.approved_service_id, date(2026, 12, 2), time(10), 60, Recurrence.WEEKLY
    )
    full = {
        day
        for day in (date(2026, 12, 2) + timedelta(weeks=n) for n in range(12))
        if used_in_week(item, margaret.client_id, day + timedelta(days=6 - day.weekday())) > 0
    }
    assert full, "the demo rosters Margaret's personal care in the coming weeks"
    found = requests.providers(margaret, wanted).providers
    worker_id = next(p.provider.worker_id for p in found if not p.cannot_do)
    booked = requests.nominate(margaret, wanted, worker_id)
    with db.read() as session:
        made = session.execute(
            select(Shift.occurrence_date, Shift.status, Shift.worker_id).where(
                Shift.booking_id == booked.booking_id
            )
        ).all()
    assert {day for day, status, _ in made if status == ShiftStatus.WAITING} == {d for d, _, _ in made} & full
    assert {(status, worker) for day, status, worker in made if day not in full} == {
        (ShiftStatus.OFFERED, worker_id)
    }
    with db.read() as session:
        offer_id = session.scalar(select(Offer.id).where(Offer.booking_id == booked.booking_id))
    assert offer_id is not None
    answers.accept(worker_actor(worker_id), offer_id)  # the visits within the hours are allocated
    assert booking_status(booked.booking_id) == BookingStatus.ALLOCATED
    over_hours.allow(personas.roster, booked.booking_id)
    with db.read() as session:
        after = session.execute(
            select(Shift.occurrence_date, Shift.status).where(Shift.booking_id == booked.booking_id)
        ).all()
    assert {status for day, status in after if day in full} == {ShiftStatus.UNALLOCATED}
    assert {status for day, status in after if day not in full} == {ShiftStatus.ALLOCATED}
    assert booking_status(booked.booking_id) == BookingStatus.UNALLOCATED  # visits without a worker again


def booking_status(booking_id: int) -> BookingStatus:
    with db.read() as session:
        found = session.get(Booking, booking_id)
        assert found is not None
        return found.status


def test_the_client_may_cancel_a_waiting_visit_herself_without_a_fee(personas: Personas) -> None:
    booking_id = book_past_the_hours(personas)
    with db.read() as session:
        shift_id = session.scalar(select(Shift.id).where(Shift.booking_id == booking_id))
    assert shift_id is not None
    plan = cancel.preview(personas.client, shift_id)
    assert plan.fee_cents == 0
    cancel.cancel(personas.client, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0)
    assert shifts_of(booking_id) == [(ShiftStatus.CANCELLED, None, 0)]
    assert booking_id not in {line.booking_id for line in over_hours.waiting(personas.roster)}
