"""The client's own language in real headless Chromium at 768×1024: every client page in Arabic
reads right to left, mirrored, axe-clean and without sideways scrolling; Margaret switches to
Vietnamese and books a service with every step in Vietnamese, and her confirmation e-mail and
statement PDF are in Vietnamese."""

import io
import urllib.request
from datetime import date, time
from urllib.parse import urljoin

import pytest
from nicegui.testing import Screen
from pypdf import PdfReader
from sqlalchemy import update

from domain.language import use
from domain.language.formats import clock_time, long_date
from domain.messaging import delivery
from domain.vocabulary import BookingStatus
from storage import db
from storage.models import Account
from tests.booking.test_booking_in_browser import choose, latest_booking, patiently, switch_to, tap
from tests.portal.test_accessibility import PAGES_BY_PERSONA, ids_of
from tests.support.browser import AXE, problems_on_each, sign_in, tablet, text_of, whole_list
from tests.support.catalogues import english_on, said_in
from tests.support.layout import settled
from tests.support.personas import Personas
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.browser

DIRECTION = "return [document.documentElement.lang, document.documentElement.dir]"
# in a mirrored page the h1's words start at the right: they end nearer the right of the window
# than they begin from its left
STARTS_AT_RIGHT = """
const words = document.createRange();
words.selectNodeContents(document.querySelector('main h1'));
const box = words.getBoundingClientRect();
return window.innerWidth - box.right < box.left;
"""


def reads_in(email: str, code: str) -> None:
    with db.write() as session:
        session.execute(update(Account).where(Account.email == email).values(language=code))


@pytest.mark.parametrize("email", ["margaret@example.com", "daniel@example.com"])
def test_every_client_page_in_arabic_reads_right_to_left_and_passes_axe(
    demo_portal: str, screen: Screen, email: str, portal_personas: Personas
) -> None:
    assert AXE.exists(), f"axe-core is not installed at {AXE} (make test installs it with npm)"
    reads_in(email, "ar")
    tablet(screen)
    sign_in(screen, email)

    def mirrored(path: str) -> list[str]:
        settled(screen)
        screen.wait_for(lambda: screen.selenium.execute_script(DIRECTION) == ["ar", "rtl"])
        return (
            []
            if screen.selenium.execute_script(STARTS_AT_RIGHT)
            else [f"{path}: the heading is not on the right"]
        )

    ids = ids_of(portal_personas)
    paths = [page.format(**ids) for page in PAGES_BY_PERSONA[email]]
    failures = problems_on_each(screen, paths, mirrored)
    assert not failures, "\n".join(failures)


def vi(message: str, **fields: object) -> str:
    return said_in("vi", message, **fields)


class Steps:
    """Each step of the booking flow read as it stands: in Vietnamese (the page's lang), with no
    marked English sentence left on it."""

    def __init__(self, screen: Screen) -> None:
        self.screen, self.problems = screen, []

    def check(self, name: str) -> None:
        if self.screen.selenium.execute_script(DIRECTION)[0] != "vi":
            self.problems.append(f"{name}: the page is not marked as Vietnamese")
        if left := english_on(text_of(self.screen)):
            self.problems.append(f"{name}: English left on the page: {left}")


def statement_pdf(screen: Screen, path: str) -> PdfReader:
    """The statement PDF that the page's "Print / save as PDF" downloads, with the browser's session."""
    link = urljoin(screen.selenium.current_url, path)
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in screen.selenium.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookie})) as answer:
        assert answer.headers["Content-Type"] == "application/pdf"
        return PdfReader(io.BytesIO(answer.read()))


def embedded_fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    """Each font the PDF's pages use, and whether its glyphs travel inside the file."""
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            descriptor = descendants[0].get_object().get("/FontDescriptor", {})
            found.append((str(font["/BaseFont"]), "/FontFile2" in descriptor or "/FontFile3" in descriptor))
    return found


def test_margaret_books_in_vietnamese_and_her_email_and_statement_follow(
    demo_portal: str, screen: Screen, smtp: SmtpServer, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{margaret}/profile")
    tap(screen, "Tiếng Việt")
    tap(screen, "Save language")
    screen.wait_for(lambda: screen.selenium.execute_script(DIRECTION)[0] == "vi")
    screen.should_contain(vi("Save language"))
    screen.should_contain("Ngôn ngữ · Language")  # the way back reads in English too

    steps = Steps(screen)
    screen.open(f"/clients/{margaret}/book")
    screen.should_contain(vi("Book {service}", service="Personal care"))
    steps.check("catalogue")
    tap(screen, vi("Book {service}", service="Personal care"))
    screen.should_contain(vi("When would you like {service}?", service="Personal care"))
    with use("vi"):
        monday, nine = long_date(date(2026, 12, 7)), clock_time(time(9, 0))
    choose(screen, vi("Date of the first visit"), monday)
    choose(screen, vi("Start time"), nine)
    tap(screen, vi("Every week"))
    steps.check("when")
    tap(screen, vi("Next"))
    patiently(screen, vi("Who should do it?"))
    steps.check("who")
    tap(screen, vi("Choose my worker"))
    screen.should_contain(vi("What matters to you in a worker?"))
    steps.check("preferences")
    tap(screen, vi("Find a worker"))
    whole_list(screen)
    steps.check("workers")
    tap(screen, vi("Choose {name}", name="Aisha Rahman"))
    tap(screen, vi("Yes, ask {name}", name="Aisha Rahman"))
    patiently(screen, vi("Your booking is sent"))
    steps.check("sent")
    assert not steps.problems, "\n".join(steps.problems)

    switch_to(screen, "aisha@example.com")  # the worker app stays in English
    screen.open("/worker")
    tap(screen, "Accept")
    patiently(screen, "Accepted: the shifts are yours.")
    screen.wait_for(lambda: latest_booking(margaret).status == BookingStatus.ALLOCATED)
    delivery.dispatch(smtp.mailer(), holder="test")
    subject = vi(
        "Confirmed: your {service} booking with {worker}", service="Personal care", worker="Aisha Rahman"
    )
    [confirmation] = [m for m in smtp.arrived if m.subject == subject]
    body = confirmation.body("plain")
    assert (
        vi("{worker} has accepted your {service} booking.", worker="Aisha Rahman", service="Personal care")
        in body
    )
    assert not english_on(body), english_on(body)

    switch_to(screen, "margaret@example.com")
    screen.open(f"/clients/{margaret}/statements?month=2026-10")
    screen.should_contain(vi("Print / save as PDF"))
    reader = statement_pdf(screen, f"/clients/{margaret}/statements/pdf?month=2026-10")
    fonts = embedded_fonts(reader)
    assert fonts
    assert all(embedded for _font, embedded in fonts), fonts
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert vi("Package statement") in text
    assert vi("In plain words") in text
    assert "�" not in text  # no glyph went missing
    assert not english_on(text), english_on(text)
