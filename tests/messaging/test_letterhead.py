"""Every e-mail carries the agency's name in a plain-text and an HTML body, with every value escaped."""

import html
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from domain.agency.settings import AgencySettings
from domain.booking.letters import BookingFacts, OfferExpiredToClient, OfferRejectedToClient
from domain.language import use
from domain.messaging import letterhead

AGENCY = AgencySettings(
    name="Harbour & Hills <Care>",
    phone="02 9000 0000",
    email="office@harbour.example",
    roster_email="roster@harbour.example",
    timezone="Australia/Sydney",
    state="NSW",
    logo_media_id=None,
    booking_lead_minutes=1440,
    cancel_lead_minutes=1440,
    booking_horizon_days=84,
    shift_horizon_weeks=8,
    offer_expiry_minutes=720,
    reminder_lead_minutes=1440,
    travel_radius_km=25,
    travel_speed_kmh=30,
    travel_buffer_minutes=15,
)


def letter(name: str = "Margaret", note: str = "Please knock twice.") -> letterhead.Rendered:
    return letterhead.letter(
        AGENCY,
        subject="Reminder",
        greeting=f"Dear {name},",
        paragraphs=[note],
        details=[("Worker", "Aisha Rahman")],
    )


def test_both_bodies_carry_the_agency_name_greeting_and_details() -> None:
    rendered = letter()
    assert "Harbour & Hills <Care>" in rendered.text
    assert "Dear Margaret," in rendered.text
    assert "Worker: Aisha Rahman" in rendered.text
    assert rendered.html is not None
    assert "Harbour &amp; Hills &lt;Care&gt;" in rendered.html
    assert "Dear Margaret," in rendered.html
    assert "Aisha Rahman" in rendered.html


def test_plain_text_body_has_no_markup() -> None:
    assert "<" not in letter().text.replace("<Care>", "")


@given(st.text(min_size=1, max_size=60))
def test_any_text_from_people_appears_escaped_in_html(note: str) -> None:
    rendered = letter(note=note)
    assert rendered.html is not None
    assert f"<p>{html.escape(note)}</p>" in rendered.html
    assert note in rendered.text


def test_a_script_in_a_name_is_never_markup() -> None:
    rendered = letter(name='<script>alert("x")</script>')
    assert rendered.html is not None
    assert "<script>" not in rendered.html
    assert "&lt;script&gt;" in rendered.html


def test_app_message_note_is_plain_text_only() -> None:
    rendered = letterhead.note("Offer expired", "First line", "", "Second line")
    assert rendered.html is None
    assert rendered.text == "First line\n\nSecond line"


def test_a_client_whose_worker_will_not_come_is_told_why_and_that_the_booking_stands() -> None:
    booking = BookingFacts(
        booking_number="BK000001",
        client="Margaret",
        service="Personal care",
        starts_at=datetime(2026, 12, 7, 22, tzinfo=UTC),
        shifts=1,
        worker="Aisha Rahman",
    )
    expired = OfferExpiredToClient(booking).render(AGENCY)
    rejected = OfferRejectedToClient(booking).render(AGENCY)
    for letter in (expired, rejected):
        assert letter.subject == "Your Personal care booking: we are finding another support worker"
        assert "Your booking is still with us" in letter.text
        assert "02 9000 0000" in letter.text
    assert "could not confirm your Personal care booking in time" in expired.text
    assert "is not able to take your Personal care booking" in rejected.text


def test_an_arabic_letter_reads_from_the_right_and_an_english_one_is_marked_english() -> None:
    english = letter().html
    assert english is not None
    assert '<html lang="en-AU">' in english
    assert "text-align:left" in english
    with use("ar"):
        arabic = letter().html
    assert arabic is not None
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "text-align:right" in arabic
