"""The worker pages through NiceGUI's simulated User against main.py: each form's bad input is shown
at its field and writes nothing; a good edit is saved; other roles see "You do not have access"."""

import asyncio
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlalchemy import func, select

from storage import db
from storage.models import AuditEvent, AvailabilityWindow, Leave, Worker, WorkerCompetency
from tests.support.personas import Personas
from tests.support.ui import sign_in

PATIENCE = 600  # polls of 0.1 s: a minute for work off the event loop on a busy machine


def counts() -> tuple[int, ...]:
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Worker, WorkerCompetency, AvailabilityWindow, Leave, AuditEvent)
        )


def element(user: User, marker: str) -> Any:
    return user.find(marker=marker).elements.pop()


async def shown_at(user: User, marker: str, message: str) -> None:
    """Wait (for the work off the event loop, up to a minute) until the field shows the message."""
    for _ in range(3000):
        if message in error_of(user, marker):
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{marker} never showed {message!r}; it shows {error_of(user, marker)!r}")


def error_of(user: User, marker: str) -> str:
    found = element(user, marker)
    assert isinstance(found, ui.input)
    return str(found.error or "")


async def test_a_new_worker_with_bad_fields_is_refused_field_by_field(user: User) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/workers/new")
    await user.should_see("Add a worker", retries=PATIENCE)
    before = counts()
    user.find(marker="first_name").type("Priya")
    user.find(marker="date_of_birth").type("31/2/1990")
    user.find(marker="postcode").type("20a4")
    user.find(marker="charge_rate").type("lots")
    user.find(marker="create-worker").click()
    await user.should_see("Please check the highlighted fields.", retries=PATIENCE)
    assert "is not a date on the calendar" in error_of(user, "date_of_birth")
    assert error_of(user, "last_name") == "Please enter the last name."
    assert "in dollars" in error_of(user, "charge_rate")
    assert error_of(user, "first_name") == ""
    assert counts() == before


async def test_bad_availability_competency_and_leave_are_shown_at_the_field(
    user: User, portal_personas: Personas
) -> None:
    aisha = portal_personas.worker.worker_id
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/workers/{aisha}")
    await user.should_see("Weekly availability", retries=PATIENCE)
    before = counts()
    monday = element(user, "day-0")
    monday.value = "17:00-9:00"
    user.find(marker="save-week").click()
    await shown_at(user, "day-0", "ends before it starts")

    user.find(marker="leave-first").type("9/12/2026")
    user.find(marker="leave-last").type("8/12/2026")
    user.find(marker="add-leave").click()
    await shown_at(user, "leave-last", "The last day of leave is before the first.")

    with db.read() as session:
        competency = session.scalars(
            select(WorkerCompetency.competency_id).where(WorkerCompetency.worker_id == aisha)
        ).first()
    element(user, f"expires-{competency}").value = "30/13/2027"
    user.find(marker="save-competencies").click()
    await shown_at(user, f"expires-{competency}", "is not a date")
    assert counts() == before


async def test_a_good_edit_is_saved(user: User, portal_personas: Personas) -> None:
    aisha = portal_personas.worker.worker_id
    await sign_in(user, "admin@example.com")
    await user.open(f"/admin/workers/{aisha}")
    await user.should_see("Weekly availability", retries=PATIENCE)
    hours = element(user, "max_hours_per_week")
    hours.value = "20"
    user.find(marker="save-details").click()
    await user.should_see("Details saved.", retries=PATIENCE)
    with db.read() as session:
        assert session.scalar(select(Worker.max_hours_per_week).where(Worker.id == aisha)) == 20


@pytest.mark.parametrize("email", ["margaret@example.com", "aisha@example.com", "chris@example.com"])
async def test_clients_workers_and_case_managers_may_not_open_the_worker_pages(
    user: User, portal_personas: Personas, email: str
) -> None:
    await sign_in(user, email)
    for path in (
        "/admin/workers",
        "/admin/workers/new",
        f"/admin/workers/{portal_personas.worker.worker_id}",
    ):
        await user.open(path)
        await user.should_see("You do not have access", retries=PATIENCE)
