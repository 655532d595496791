"""The new pages pass axe-core's WCAG 2.2 AA rules at tablet size, with content on them."""

import pytest
from nicegui.testing import Screen

from domain import action, clock
from domain.agency import settings as agency
from domain.messaging import delivery, outbox
from domain.vocabulary import OutboxStatus
from storage import caught_mail
from tests.support.browser import AXE, axe_violations, describe, horizontal_overflow, sign_in, tablet
from tests.support.letters import TestNote
from tests.support.personas import Personas

pytestmark = pytest.mark.browser


@pytest.fixture
def axe_ready() -> None:
    if not AXE.exists():
        from tests.conftest import missing

        missing(f"axe-core is not installed at {AXE} (make test installs it with npm)")


def some_mail_and_messages(aisha: int) -> None:
    with action.writing() as act:
        outbox.app_message(
            act,
            account_id=aisha,
            letter=TestNote(1, "A"),
        )
        [failed] = outbox.email(act, to=["x@example.com"], letter=TestNote(3, "X"))
        failed.status, failed.last_error = (
            OutboxStatus.FAILED,
            "Refused by the mail server: 550 No such mailbox",
        )
    delivery.dispatch(None, holder="test")
    rendered = TestNote(2, "Margaret").render(agency.current())
    caught_mail.keep(
        caught_mail.CaughtMail(
            clock.now(),
            "care@localhost",
            ("m@example.com",),
            rendered.subject,
            rendered.text,
            rendered.html,
            "<1@x>",
        )
    )


@pytest.mark.parametrize(
    ("email", "paths"),
    [
        ("aisha@example.com", ["/worker/messages"]),
        ("rosa@example.com", ["/admin/outbox"]),
        ("admin@example.com", ["/admin/mail"]),  # the caught mail is for administrators only
    ],
)
def test_the_notification_pages_pass_axe_at_tablet_size(
    axe_ready: None,
    demo_portal: str,
    screen: Screen,
    email: str,
    paths: list[str],
    portal_personas: Personas,
) -> None:
    tablet(screen)
    sign_in(screen, email)
    some_mail_and_messages(portal_personas.worker.account_id)
    failures = []
    try:
        for path in paths:
            screen.open(path)
            tablet(screen)
            screen.should_contain("Test note")
            if found := axe_violations(screen):
                failures.append(f"{path}:\n{describe(found)}")
            if (overflow := horizontal_overflow(screen)) > 0:
                failures.append(f"{path}: {overflow}px of sideways scrolling at 768×1024")
    finally:
        caught_mail.forget()
    assert not failures, "\n".join(failures)
