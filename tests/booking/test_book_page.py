"""The booking page as a client uses it (NiceGUI's simulated User): the catalogue, when, who,
preferences and the providers, the confirmation; refusals that change nothing."""

from datetime import date

from nicegui import ElementFilter, ui
from nicegui.testing import User
from sqlalchemy import select

from domain.agency import settings as agency
from domain.vocabulary import BookingStatus, OfferStatus, Recurrence, RequirementLevel, ShiftStatus
from pages.book import PROVIDERS_AT_ONCE
from storage import db
from storage.models import Booking, Requirement
from tests.support.personas import Personas
from tests.support.records import approved_ids, bookings, offers, preference_rows
from tests.support.ui import appears, choose, seen, sign_in, until

MONDAY = date(2026, 12, 7)


def provider_cards(user: User) -> int:
    with user:
        return sum(
            1
            for element in user.client.layout.descendants()
            if any(marker.startswith("provider-") for marker in element._markers)
        )


async def open_booking(user: User, margaret: int, approved_service_id: int | None = None) -> int:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/book")
    await user.should_see("Book a service")
    approved = approved_service_id or approved_ids(margaret)[0]
    user.find(marker=f"service-{approved}").click()
    await seen(user, "Date of the first visit")
    return approved


async def pick_when(user: User, day: date, start: str, recurrence: Recurrence = Recurrence.ONCE) -> None:
    choose(user, "when-date", day.isoformat())
    choose(user, "when-start", start)
    choose(user, "when-pattern", recurrence)
    user.find(marker="when-next").click()


async def test_the_catalogue_shows_the_clients_approved_services_only(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/book")
    await user.should_see("Personal care")
    await user.should_see("Domestic assistance")
    await user.should_see("of 20 hours used this week")
    for approved in approved_ids(portal_personas.client.client_id):
        user.find(marker=f"service-{approved}")
    for approved in approved_ids(portal_personas.other_client.client_id):
        await user.should_not_see(marker=f"service-{approved}")


async def test_another_clients_booking_page_is_refused(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.other_client.client_id}/book")
    await user.should_see("Not available")
    await user.should_not_see("Papadopoulos")


async def test_a_worker_cannot_open_a_clients_booking_page(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/book")
    await user.should_see("Not available")


async def test_a_request_inside_the_lead_time_shows_the_agencys_message_and_phone_and_books_nothing(
    user: User, portal_personas: Personas
) -> None:
    before = bookings()
    await open_booking(user, portal_personas.client.client_id)
    await pick_when(user, date(2026, 11, 28), "09:00")  # tomorrow 9:00: less than 24 hours away
    await seen(user, f"please call the agency on {agency.current().phone}")
    await user.should_see("Date of the first visit")  # still on the same step
    assert bookings() == before


async def test_a_missing_start_time_is_asked_for_and_nothing_happens(
    user: User, portal_personas: Personas
) -> None:
    await open_booking(user, portal_personas.client.client_id)
    choose(user, "when-date", MONDAY.isoformat())
    user.find(marker="when-next").click()
    await seen(user, "Please choose the date and the start time.")
    await user.should_not_see("Who should do it?")


async def test_the_client_books_a_weekly_visit_with_a_worker_she_chooses(
    user: User, portal_personas: Personas
) -> None:
    before = bookings()
    await open_booking(user, portal_personas.client.client_id)
    await pick_when(user, MONDAY, "09:00", Recurrence.WEEKLY)
    await seen(user, "Who should do it?")
    await user.should_see("visits for now")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    await user.should_see("Aisha Rahman")  # her preferred worker
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    await user.should_see("Nice to haves met")
    # the demo agency lists more: ten at a time (the cards after the first few follow a loop turn later)
    await until(lambda: provider_cards(user) == PROVIDERS_AT_ONCE, "the first ten workers")
    assert provider_cards(user) == PROVIDERS_AT_ONCE
    user.find(marker="more-providers").click()
    await until(lambda: provider_cards(user) == 2 * PROVIDERS_AT_ONCE, "ten more workers")
    user.find(marker=f"choose-{portal_personas.worker.worker_id}").click()  # Aisha Rahman
    await seen(user, "Ask Aisha Rahman?")
    user.find(marker="confirm-choice").click()
    await seen(user, "Your booking is sent")
    await user.should_see("We have asked Aisha Rahman")
    assert bookings() == before + 1
    [offer] = [o for o in offers() if o.status == OfferStatus.PENDING]
    with db.read() as session:
        booking = session.get(Booking, offer.booking_id)
        assert booking.status == BookingStatus.OFFERED
        assert booking.recurrence == Recurrence.WEEKLY
        assert not booking.uses_own_preferences
        assert all(s.status == ShiftStatus.OFFERED for s in booking.shifts)


async def test_a_preference_kept_for_this_booking_only_leaves_the_saved_ones_alone(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    saved = preference_rows(margaret)
    await open_booking(user, margaret)
    await pick_when(user, MONDAY, "10:00")
    await seen(user, "Who should do it?")
    user.find(marker="agency-chooses").click()
    await seen(user, "What matters to you in a worker?")
    await _add_non_smoker(user)
    choose(user, "keep-preferences", "booking")
    user.find(marker="find-provider").click()
    await seen(user, "Your booking is sent")
    await user.should_see("The roster team will choose a worker")
    assert preference_rows(margaret) == saved
    with db.read() as session:
        booking = session.scalars(select(Booking).order_by(Booking.id.desc())).first()
        assert booking.status == BookingStatus.REQUESTED
        assert booking.uses_own_preferences
        own = session.scalars(select(Requirement).where(Requirement.booking_id == booking.id)).all()
        assert [(r.level, r.mandatory) for r in own][-1] == (RequirementLevel.BOOKING, True)


async def test_a_preference_saved_as_the_default_is_written_at_once(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    saved = preference_rows(margaret)
    await open_booking(user, margaret)
    await pick_when(user, MONDAY, "10:00")
    await seen(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    characteristic_id = await _add_non_smoker(user)
    choose(user, "keep-preferences", "default")
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    assert preference_rows(margaret) == [*saved, (None, characteristic_id, True, 1)]


async def _add_non_smoker(user: User) -> int:
    with user:
        [picker] = user.find(marker="add-preference").elements
        key = next(k for k, label in picker.options.items() if label.startswith("Non-smoker"))
        picker.value = key
        user.find(marker="add-must").elements.pop().value = True
    user.find(marker="add").click()
    await appears(user, f"remove-{key}")
    return int(key.split(":")[1])


async def test_when_nobody_can_do_it_the_page_says_why_and_the_agency_can_choose(
    user: User, portal_personas: Personas
) -> None:
    before = bookings()
    await open_booking(user, portal_personas.client.client_id)
    choose(user, "when-duration", 480)
    await pick_when(user, MONDAY, "21:00")  # until 5 am: nobody's availability covers the night
    await seen(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    user.find(marker="find-provider").click()
    await seen(user, "No worker is free for all of this")
    await user.should_see("let the agency choose: the roster team will find someone")
    assert bookings() == before
    user.find(marker="agency-instead").click()
    await seen(user, "The roster team will choose a worker")
    assert bookings() == before + 1


async def test_roster_staff_booking_for_a_client_also_see_who_is_left_out_and_why(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "rosa@example.com")
    await user.open(f"/clients/{margaret}/book")
    user.find(marker=f"service-{approved_ids(margaret)[0]}").click()
    await seen(user, "Date of the first visit")
    await pick_when(user, MONDAY, "09:00")
    await seen(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    await seen(user, "Left out (")


async def test_a_series_ending_before_it_starts_is_marked_on_the_field_and_nothing_is_booked(
    user: User, portal_personas: Personas
) -> None:
    before = bookings()
    await open_booking(user, portal_personas.client.client_id)
    choose(user, "when-pattern", Recurrence.WEEKLY)
    await appears(user, "when-ends")  # shown for a series only
    choose(user, "when-ends", "2026-12-01")
    await pick_when(user, MONDAY, "09:00", Recurrence.WEEKLY)

    def marked() -> bool:
        with user:
            return (
                user.find(marker="when-ends").elements.pop().error
                == "The series cannot end before its first visit."
            )

    await until(marked, "the last-visit field marked")
    await user.should_not_see("Who should do it?")
    assert bookings() == before


async def test_a_carer_books_for_each_client_they_act_for(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "daniel@example.com")
    for client_id, _name in portal_personas.carer.linked_clients:
        await user.open(f"/clients/{client_id}/book")
        await user.should_see("Book a service")
        user.find(marker="client-switcher")
        for approved in approved_ids(client_id):
            user.find(marker=f"service-{approved}")


async def test_a_workers_qualifications_list_is_built_when_first_opened(
    user: User, portal_personas: Personas
) -> None:
    await open_booking(user, portal_personas.client.client_id)
    await pick_when(user, MONDAY, "09:00")
    await seen(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    with user:
        lists = list(ElementFilter(kind=ui.expansion))
        assert lists, "the cards have a qualifications list"
        assert not any(e.default_slot.children for e in lists)  # nothing built before it is opened
        lists[0].value = True  # as the browser does when the person opens it
        assert lists[0].default_slot.children
        assert any("(" in (getattr(e, "text", "") or "") for e in lists[0].descendants())
        lists[0].value = False
        lists[0].value = True  # opened again: built once, not twice
        assert len(lists[0].default_slot.children) == 1


async def test_going_back_to_when_keeps_what_was_chosen(user: User, portal_personas: Personas) -> None:
    await open_booking(user, portal_personas.client.client_id)
    user.find(marker="notes").type("Key under the mat")
    await pick_when(user, MONDAY, "09:00", Recurrence.WEEKLY)
    await seen(user, "Who should do it?")
    user.find(marker="back").click()
    await seen(user, "Date of the first visit")
    with user:
        assert user.find(marker="when-date").elements.pop().value == MONDAY.isoformat()
        assert user.find(marker="when-start").elements.pop().value == "09:00"
        assert user.find(marker="when-pattern").elements.pop().value == Recurrence.WEEKLY
        assert user.find(marker="when-ends").elements.pop().visible  # shown for a series
        assert user.find(marker="notes").elements.pop().value == "Key under the mat"
