"""A client nominates a worker and the worker answers (DESIGN.md §3.2), on SQLite and PostgreSQL:
the slot is held, accepting allocates and confirms (through a real SMTP server), rejecting and
expiry release the visits, and nobody answers an offer that is not theirs."""

from datetime import timedelta

import pytest

from domain import clock, events
from domain.agency import settings as agency
from domain.booking import answers, expiry, requests
from domain.booking.allocation import NotSuitable, SlotTaken
from domain.booking.answers import OfferGone
from domain.booking.requests import Booked, Wanted
from domain.cancellation import cancel
from domain.errors import DomainError, NotAllowed
from domain.messaging import delivery
from domain.vocabulary import BookingStatus, CancelReason, OfferStatus, Recurrence, ShiftStatus
from storage import db
from storage.models import Leave
from tests.support.personas import Personas
from tests.support.smtp import SmtpServer

from .support import bookable_worker, booking, counts, offer_of, outbox, shifts_of, wanted, worker_actor


@pytest.fixture
def request_(personas: Personas) -> Wanted:
    return wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY, ends_on=None)


def nominate(personas: Personas, request: Wanted, skip: int = 0) -> tuple[Booked, int]:
    worker_id = bookable_worker(personas.client, request, skip=skip)
    return requests.nominate(personas.client, request, worker_id), worker_id


def states(booking_id: int) -> set[tuple[ShiftStatus, int | None]]:
    return {(s.status, s.worker_id) for s in shifts_of(booking_id)}


def test_nominating_a_worker_holds_the_slot_and_tells_the_worker_and_the_roster(
    personas: Personas, request_: Wanted
) -> None:
    booked, worker_id = nominate(personas, request_)
    assert booked.status == BookingStatus.OFFERED
    assert states(booked.booking_id) == {(ShiftStatus.OFFERED, worker_id)}
    offer = offer_of(booked.booking_id)
    assert (offer.worker_id, offer.status) == (worker_id, OfferStatus.PENDING)
    assert offer.expires_at == clock.now() + timedelta(minutes=agency.current().offer_expiry_minutes)
    [app] = outbox("offer_made")
    assert (app.to_account_id, app.offer_id) == (worker_actor(worker_id).account_id, offer.id)
    [email] = outbox("booking_offered_roster")
    assert email.to_address == agency.current().roster_email


def test_clients_see_only_the_list_and_staff_see_why_workers_were_left_out(
    personas: Personas, request_: Wanted
) -> None:
    for_client = requests.providers(personas.client, request_)
    for_staff = requests.providers(personas.roster, request_)
    assert for_client.providers
    assert for_client.left_out == ()
    assert for_staff.left_out
    assert all(out.reasons for out in for_staff.left_out)


def test_accepting_allocates_the_visits_and_the_confirmation_arrives_by_email(
    personas: Personas, request_: Wanted, smtp: SmtpServer
) -> None:
    booked, worker_id = nominate(personas, request_)
    offer = offer_of(booked.booking_id)
    answers.accept(worker_actor(worker_id), offer.id)
    assert states(booked.booking_id) == {(ShiftStatus.ALLOCATED, worker_id)}
    assert booking(booked.booking_id).status == BookingStatus.ALLOCATED
    assert offer_of(booked.booking_id).status == OfferStatus.ACCEPTED
    delivery.dispatch(smtp.mailer(), holder="test")
    by_subject = {mail.subject: mail for mail in smtp.arrived}
    confirmation = next(m for s, m in by_subject.items() if s.startswith("Confirmed:"))
    assert confirmation.recipients == ["margaret@example.com"]
    assert booked.number in confirmation.body("plain")
    roster = next(m for s, m in by_subject.items() if s.startswith("Accepted:"))
    assert roster.recipients == [agency.current().roster_email]


def test_rejecting_leaves_the_visits_unallocated_and_tells_client_and_roster(
    personas: Personas, request_: Wanted
) -> None:
    booked, worker_id = nominate(personas, request_)
    answers.reject(worker_actor(worker_id), offer_of(booked.booking_id).id, "Away that week")
    assert states(booked.booking_id) == {(ShiftStatus.UNALLOCATED, None)}
    assert booking(booked.booking_id).status == BookingStatus.UNALLOCATED
    offer = offer_of(booked.booking_id)
    assert (offer.status, offer.answer_note) == (OfferStatus.REJECTED, "Away that week")
    [to_client] = outbox("offer_rejected_client")
    assert to_client.to_address == "margaret@example.com"
    [to_roster] = outbox("offer_rejected_roster")
    assert "Away that week" in to_roster.body_text


def test_an_offer_can_be_answered_once(personas: Personas, request_: Wanted) -> None:
    booked, worker_id = nominate(personas, request_)
    offer_id, worker = offer_of(booked.booking_id).id, worker_actor(worker_id)
    answers.accept(worker, offer_id)
    before = counts()
    with pytest.raises(OfferGone, match="already accepted"):
        answers.reject(worker, offer_id)
    assert counts() == before
    assert states(booked.booking_id) == {(ShiftStatus.ALLOCATED, worker_id)}


def test_nobody_but_the_nominated_worker_answers_the_offer(personas: Personas, request_: Wanted) -> None:
    booked, worker_id = nominate(personas, request_)
    offer_id = offer_of(booked.booking_id).id
    other = worker_actor(bookable_worker(personas.client, wanted(personas.client.client_id), skip=1))
    assert other.worker_id != worker_id
    before = counts()
    for outsider in (other, personas.client, personas.roster):
        with pytest.raises(NotAllowed):
            answers.accept(outsider, offer_id)
        with pytest.raises(NotAllowed):
            answers.reject(outsider, offer_id)
    assert counts() == before
    assert states(booked.booking_id) == {(ShiftStatus.OFFERED, worker_id)}


def test_an_offer_nobody_answered_expires_through_the_job_and_releases_the_held_visits(
    personas: Personas, request_: Wanted
) -> None:
    booked, worker_id = nominate(personas, request_)
    offer = offer_of(booked.booking_id)
    clock.freeze(offer.expires_at)
    with pytest.raises(OfferGone, match="expired"):
        answers.accept(worker_actor(worker_id), offer.id)
    assert expiry.expire_due() == 1
    assert states(booked.booking_id) == {(ShiftStatus.UNALLOCATED, None)}
    assert booking(booked.booking_id).status == BookingStatus.UNALLOCATED
    with pytest.raises(OfferGone, match="expired"):
        answers.accept(worker_actor(worker_id), offer.id)


def test_a_worker_whose_time_is_held_cannot_be_nominated_again_for_it(
    personas: Personas, request_: Wanted
) -> None:
    _, worker_id = nominate(personas, request_)
    overlapping = wanted(personas.other_client.client_id, start=request_.start_time.replace(minute=30))
    before = counts()
    with pytest.raises(SlotTaken, match="just been given to someone else"):
        requests.nominate(personas.other_client, overlapping, worker_id)
    assert counts() == before


def test_a_worker_who_does_not_qualify_cannot_be_nominated(personas: Personas, request_: Wanted) -> None:
    left_out = requests.providers(personas.roster, request_).left_out
    unsuitable = next(out for out in left_out if not any("clash" in r for r in out.reasons))
    before = counts()
    with pytest.raises(NotSuitable) as for_client:
        requests.nominate(personas.client, request_, unsuitable.worker_id)
    assert unsuitable.reasons[0] not in for_client.value.message  # clients never see the reasons
    with pytest.raises(NotSuitable) as for_staff:
        requests.nominate(personas.roster, request_, unsuitable.worker_id)
    assert unsuitable.reasons[0] in for_staff.value.message
    assert counts() == before


def test_a_rejection_note_that_is_too_long_changes_nothing(personas: Personas, request_: Wanted) -> None:
    booked, worker_id = nominate(personas, request_)
    before = counts()
    with pytest.raises(DomainError, match="under 500 characters"):
        answers.reject(worker_actor(worker_id), offer_of(booked.booking_id).id, "x" * 501)
    assert counts() == before
    assert offer_of(booked.booking_id).status == OfferStatus.PENDING


def test_every_change_is_announced_after_it_commits(personas: Personas, request_: Wanted) -> None:
    heard: list[events.ShiftChanged] = []
    stop = events.listen(events.ShiftChanged, heard.append)
    try:
        booked, worker_id = nominate(personas, request_)
        answers.accept(worker_actor(worker_id), offer_of(booked.booking_id).id)
    finally:
        stop()
    visits = sorted(s.id for s in shifts_of(booked.booking_id))
    assert [sorted(change.shift_ids) for change in heard] == [visits, visits]
    assert all(change.client_ids == (personas.client.client_id,) for change in heard)
    assert all(change.worker_ids == (worker_id,) for change in heard)


def test_visits_of_a_series_the_worker_cannot_do_wait_for_the_roster_department(
    personas: Personas, request_: Wanted
) -> None:
    worker_id = bookable_worker(personas.client, request_)
    third = requests.check(personas.client, request_)[2]
    with db.write() as session:
        away = Leave(
            worker_id=worker_id, starts_at=third.starts_at - timedelta(hours=1), ends_at=third.ends_at
        )
        session.add(away)
    booked = requests.nominate(personas.client, request_, worker_id)
    by_date = {s.occurrence_date: (s.status, s.worker_id) for s in shifts_of(booked.booking_id)}
    assert by_date.pop(third.local_date) == (ShiftStatus.UNALLOCATED, None)
    assert set(by_date.values()) == {(ShiftStatus.OFFERED, worker_id)}
    [email] = outbox("booking_offered_roster")
    assert "1 visit the worker cannot do is unallocated" in email.body_text
    assert "(s)" not in email.body_text
    answers.accept(worker_actor(worker_id), offer_of(booked.booking_id).id)
    assert booking(booked.booking_id).status == BookingStatus.UNALLOCATED  # one visit still waits


def test_an_offer_for_a_booking_the_client_cancelled_is_withdrawn(personas: Personas) -> None:
    request = wanted(personas.client.client_id)  # next Wednesday: well outside the cancelling lead time
    booked, worker_id = nominate(personas, request)
    [shift] = shifts_of(booked.booking_id)
    cancel.cancel(personas.client, shift.id, cancel.Scope.ONLY_THIS, CancelReason.OTHER, 0)
    with pytest.raises(OfferGone, match="withdrawn"):
        answers.accept(worker_actor(worker_id), offer_of(booked.booking_id).id)
    assert states(booked.booking_id) == {(ShiftStatus.CANCELLED, worker_id)}
