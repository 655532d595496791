"""The worker app as a support worker uses it (NiceGUI's simulated User): answering an offer,
seeing a new one arrive, marking a shift completed."""

from datetime import date, timedelta

from nicegui.testing import User
from sqlalchemy import select

from domain import clock
from domain.booking import requests
from domain.vocabulary import OfferStatus, Recurrence, ShiftStatus
from storage import db
from storage.models import Offer, Shift
from tests.support.personas import Personas
from tests.support.records import request_for, shifts_of_booking, status_of
from tests.support.ui import appears, seen, sign_in, until

MONDAY = date(2026, 12, 7)


def offer_status(offer_id: int) -> OfferStatus:
    with db.read() as session:
        return session.get(Offer, offer_id).status


def pending_offer_for(number: str) -> int:
    with db.read() as session:
        return session.scalar(
            select(Offer.id)
            .join(Shift, Shift.booking_id == Offer.booking_id)
            .where(Shift.id == shifts_of_booking(number)[0].id)
        )


async def test_the_worker_accepts_an_offer_and_its_visits_become_hers(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client, portal_personas.worker
    weekly = request_for(margaret.client_id, MONDAY, recurrence=Recurrence.WEEKLY)
    booked = requests.nominate(margaret, weekly, aisha.worker_id)
    offer_id = pending_offer_for(booked.number)
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (1)")
    await user.should_see("for Margaret (Marrickville)")
    user.find(marker=f"accept-{offer_id}").click()
    await until(lambda: offer_status(offer_id) == OfferStatus.ACCEPTED, "the offer accepted")
    assert {s.status for s in shifts_of_booking(booked.number)} == {ShiftStatus.ALLOCATED}
    await seen(user, "Offers waiting for you (0)")


async def test_the_worker_rejects_an_offer_with_a_reason(user: User, portal_personas: Personas) -> None:
    margaret, aisha = portal_personas.client, portal_personas.worker
    booked = requests.nominate(margaret, request_for(margaret.client_id, MONDAY), aisha.worker_id)
    offer_id = pending_offer_for(booked.number)
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (1)")
    user.find(marker=f"reject-{offer_id}").click()
    await seen(user, "Reject this offer?")
    user.find(marker="reject-reason").type("I am away that week")
    user.find(marker="confirm-reject").click()
    await until(lambda: offer_status(offer_id) == OfferStatus.REJECTED, "the offer rejected")
    with db.read() as session:
        assert session.get(Offer, offer_id).answer_note == "I am away that week"
    assert {s.status for s in shifts_of_booking(booked.number)} == {ShiftStatus.UNALLOCATED}


async def test_a_new_offer_appears_on_the_open_worker_app(user: User, portal_personas: Personas) -> None:
    margaret, aisha = portal_personas.client, portal_personas.worker
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (0)")
    requests.nominate(margaret, request_for(margaret.client_id, MONDAY), aisha.worker_id)
    await seen(user, "Offers waiting for you (1)")


async def test_the_worker_marks_a_started_shift_completed(user: User, portal_personas: Personas) -> None:
    with db.read() as session:
        shift = session.scalars(
            select(Shift)
            .where(
                Shift.worker_id == portal_personas.worker.worker_id,
                Shift.status == ShiftStatus.ALLOCATED,
                Shift.starts_at > clock.now(),
            )
            .order_by(Shift.starts_at)
        ).first()
    clock.freeze(shift.starts_at + timedelta(minutes=10))
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await appears(user, f"complete-{shift.id}")
    user.find(marker=f"complete-{shift.id}").click()
    await until(lambda: status_of(shift.id) == ShiftStatus.COMPLETED, "the shift completed")
