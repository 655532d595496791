"""The catalogue page through NiceGUI's simulated User against main.py: a bad program edit or group
rename is shown at the field and writes nothing; a service is retired and offered again."""

import asyncio
import io
from typing import Any

from nicegui import ui
from nicegui.testing import User
from PIL import Image
from sqlalchemy import func, select

from adapters import uploads
from domain.vocabulary import RequirementLevel
from storage import db
from storage.models import AuditEvent, Competency, MarketingGroup, Program, Requirement, Service
from tests.adapters.test_uploads import Sender, headers
from tests.support.ui import sign_in

PATIENCE = 600


def element(user: User, marker: str) -> Any:
    return next(iter(user.find(marker=marker).elements))


def error_of(user: User, marker: str) -> str:
    found = element(user, marker)
    assert isinstance(found, ui.input | ui.select)
    return str(found.error or "")


async def shown_at(user: User, marker: str, message: str) -> None:
    for _ in range(3000):
        if message in error_of(user, marker):
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{marker} never showed {message!r}; it shows {error_of(user, marker)!r}")


def snapshot() -> tuple[Any, ...]:
    with db.read() as session:
        return (
            tuple(session.execute(select(Program.id, Program.name, Program.kind, Program.active)).all()),
            tuple(session.execute(select(MarketingGroup.id, MarketingGroup.name)).all()),
            session.scalar(select(func.count()).select_from(AuditEvent)),
        )


async def test_bad_program_edits_and_group_renames_are_shown_at_the_field(user: User) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/catalogue")
    await user.should_see("Change a program", retries=PATIENCE)
    before = snapshot()
    user.find(marker="save-program").click()
    await shown_at(user, "program-choice", "Please choose the program to change.")
    with db.read() as session:
        program_id = session.scalars(select(Program.id).order_by(Program.name)).first()
        taken = session.scalars(select(MarketingGroup.name).order_by(MarketingGroup.name)).all()
    assert len(taken) >= 2, "the demo agency has marketing groups"
    element(user, "program-choice").value = program_id
    element(user, "edit-program-name").value = "   "
    user.find(marker="save-program").click()
    await shown_at(user, "edit-program-name", "Please enter the name.")

    groups = element(user, "group-choice")
    groups.value = next(iter(groups.options))  # the first group, renamed as the second
    element(user, "edit-group-name").value = (
        taken[-1] if groups.options[groups.value] != taken[-1] else taken[0]
    )
    user.find(marker="rename-group").click()
    await shown_at(user, "edit-group-name", "There is already a group called")
    assert snapshot() == before


async def test_a_service_is_retired_and_offered_again(user: User) -> None:
    with db.read() as session:
        service_id = session.scalar(select(Service.id).where(Service.name == "Personal care"))

    def active() -> bool | None:
        with db.read() as session:
            return session.scalar(select(Service.active).where(Service.id == service_id))

    await sign_in(user, "admin@example.com")
    await user.open("/admin/catalogue")
    await user.should_see("Change a service", retries=PATIENCE)
    user.find(marker=f"offer-service-{service_id}").click()
    await user.should_see("Retired: kept on past visits, no longer offered.", retries=PATIENCE)
    assert active() is False
    user.find(marker=f"offer-service-{service_id}").click()
    await user.should_see("Offered again.", retries=PATIENCE)
    assert active() is True


async def test_a_service_picture_upload_is_checked_and_limited(user: User) -> None:
    with db.read() as session:
        service_id = session.scalar(select(Service.id).where(Service.name == "Personal care"))

    def image_of() -> int | None:
        with db.read() as session:
            return session.scalar(select(Service.image_media_id).where(Service.id == service_id))

    await sign_in(user, "admin@example.com")
    await user.open("/admin/catalogue")
    await user.should_see("Change a service", retries=PATIENCE)
    url = element(user, f"service-image-upload-{service_id}").props["url"]
    old_image = image_of()
    body = Sender((uploads.limit_for(url) or 0) + 1024 * 1024)  # chunked, past the limit
    response = await user.http_client.post(url, content=body, headers=headers())
    assert response.status_code == 413
    response = await user.http_client.post(url, files={"file": ("x.png", b"not a picture", "image/png")})
    assert response.status_code == 200
    problem = element(user, f"service-image-problem-{service_id}")
    for _ in range(3000):
        if "not a JPEG or PNG photo" in problem.text:
            break
        await asyncio.sleep(0.02)
    assert "not a JPEG or PNG photo" in problem.text
    assert image_of() == old_image
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (5, 90, 60)).save(out, format="JPEG")
    response = await user.http_client.post(url, files={"file": ("x.jpg", out.getvalue(), "image/jpeg")})
    assert response.status_code == 200
    for _ in range(3000):
        if image_of() not in (None, old_image):
            break
        await asyncio.sleep(0.02)
    assert image_of() not in (None, old_image)


async def test_a_competency_is_retired_and_a_requirement_made_a_nice_to_have_in_place(user: User) -> None:
    with db.read() as session:
        police = session.scalar(select(Competency.id).where(Competency.code == "police_check"))
        rule = session.scalar(
            select(Requirement.id).where(
                Requirement.level == RequirementLevel.GLOBAL, Requirement.competency_id == police
            )
        )
    assert rule is not None, "the demo agency requires a police check for every visit"

    def state() -> tuple[bool | None, bool | None]:
        with db.read() as session:
            return (
                session.scalar(select(Competency.active).where(Competency.id == police)),
                session.scalar(select(Requirement.mandatory).where(Requirement.id == rule)),
            )

    await sign_in(user, "admin@example.com")
    await user.open("/admin/catalogue")
    await user.should_see("Rename, or change a glyph", retries=PATIENCE)
    user.find(marker=f"offer-competency-{police}").click()
    await user.should_see("Retired: kept on past visits, no longer offered.", retries=PATIENCE)
    assert state() == (False, True)  # the requirement that names it keeps applying
    assert f"competency:{police}" not in element(user, "rule-item").options
    user.find(marker=f"toggle-rule-{rule}").click()
    await user.should_see("Now only nice to have.", retries=PATIENCE)
    assert state() == (False, False)
    user.find(marker=f"offer-competency-{police}").click()
    await user.should_see("Offered again.", retries=PATIENCE)
    assert state() == (True, False)
    assert f"competency:{police}" in element(user, "rule-item").options
