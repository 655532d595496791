"""The worker page's photo and evidence uploads through NiceGUI's simulated User against main.py:
a good file is kept; wrong content is named at the field and keeps nothing; a chunked body past the
limit is stopped (413) and keeps nothing; evidence is served to staff only."""

import asyncio
import io
from typing import Any

import pytest
from nicegui.testing import User
from PIL import Image
from sqlalchemy import select

from adapters import media_store, uploads
from storage import db
from storage.models import MediaFile, Worker, WorkerCompetency
from tests.adapters.test_uploads import CHUNK, Sender, headers
from tests.support.personas import Personas
from tests.support.ui import sign_in

PATIENCE = 600
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def element(user: User, marker: str) -> Any:
    return next(iter(user.find(marker=marker).elements))


async def until(check: Any, what: str) -> None:
    """Wait by condition (up to a minute: the work runs off the event loop on a busy machine)."""
    for _ in range(3000):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never: {what}")


def photo_of(worker_id: int) -> int | None:
    with db.read() as session:
        return session.scalar(select(Worker.photo_media_id).where(Worker.id == worker_id))


def media_count() -> int:
    with db.read() as session:
        return session.query(MediaFile).count()


def stored_files() -> set[str]:
    root = media_store.root()
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def a_held_competency(worker_id: int) -> int:
    with db.read() as session:
        found = session.scalars(
            select(WorkerCompetency.competency_id).where(WorkerCompetency.worker_id == worker_id)
        ).first()
    assert found is not None
    return found


def evidence_of(worker_id: int, competency_id: int) -> str | None:
    with db.read() as session:
        return session.scalar(
            select(WorkerCompetency.evidence_path).where(
                WorkerCompetency.worker_id == worker_id, WorkerCompetency.competency_id == competency_id
            )
        )


async def open_worker(user: User, email: str, worker_id: int) -> None:
    await sign_in(user, email)
    await user.open(f"/admin/workers/{worker_id}")
    await user.should_see("Competencies", retries=PATIENCE)


async def test_a_photo_is_kept_and_a_file_that_is_not_one_is_named_and_keeps_nothing(
    user: User, portal_personas: Personas
) -> None:
    ben = portal_personas.other_worker.worker_id
    await open_worker(user, "admin@example.com", ben)
    url = element(user, "worker-photo-upload").props["url"]
    old_photo, media_before = photo_of(ben), media_count()
    response = await user.http_client.post(
        url, files={"file": ("me.gif", b"GIF89a" + b"\0" * 200, "image/jpeg")}
    )
    assert response.status_code == 200
    problem = element(user, "photo-problem")
    await until(lambda: "not a JPEG or PNG photo" in problem.text, "the photo refusal is shown")
    assert photo_of(ben) == old_photo
    assert media_count() == media_before

    out = io.BytesIO()
    Image.new("RGB", (400, 500), (20, 140, 90)).save(out, format="PNG")
    response = await user.http_client.post(url, files={"file": ("me.png", out.getvalue(), "image/png")})
    assert response.status_code == 200
    await until(lambda: photo_of(ben) not in (None, old_photo), "the new photo is kept")
    served = await user.http_client.get(f"/media/workers/{ben}/photo")
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/jpeg"


async def test_a_chunked_photo_or_evidence_past_the_limit_is_stopped_and_keeps_nothing(
    user: User, portal_personas: Personas
) -> None:
    aisha = portal_personas.worker.worker_id
    competency = a_held_competency(aisha)
    await open_worker(user, "rosa@example.com", aisha)
    before = (photo_of(aisha), media_count(), stored_files(), evidence_of(aisha, competency))
    for marker in ("worker-photo-upload", f"evidence-upload-{competency}"):
        url = element(user, marker).props["url"]
        limit = uploads.limit_for(url)
        assert limit is not None
        body = Sender(limit + 1024 * 1024)  # no Content-Length: sent chunked
        response = await user.http_client.post(url, content=body, headers=headers())
        assert response.status_code == 413
        assert "too large (limit" in response.json()["detail"]
        assert body.taken <= limit + 2 * CHUNK
    assert (photo_of(aisha), media_count(), stored_files(), evidence_of(aisha, competency)) == before


async def test_evidence_is_checked_kept_and_served_to_staff_only(
    user: User, portal_personas: Personas
) -> None:
    aisha = portal_personas.worker.worker_id
    competency = a_held_competency(aisha)
    await open_worker(user, "admin@example.com", aisha)
    url = element(user, f"evidence-upload-{competency}").props["url"]
    files_before = stored_files()
    response = await user.http_client.post(
        url, files={"file": ("cert.pdf", b"<html>not a pdf</html>", "application/pdf")}
    )
    assert response.status_code == 200
    problem = element(user, f"evidence-problem-{competency}")
    await until(lambda: "not a PDF, JPEG or PNG" in problem.text, "the evidence refusal is shown")
    assert stored_files() == files_before
    assert evidence_of(aisha, competency) is None

    response = await user.http_client.post(url, files={"file": ("cert.pdf", PDF, "application/pdf")})
    assert response.status_code == 200
    await until(lambda: evidence_of(aisha, competency) is not None, "the evidence is kept")
    served = await user.http_client.get(f"/media/workers/{aisha}/evidence/{competency}")
    assert served.status_code == 200
    assert served.content == PDF
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("email", ["aisha@example.com", "margaret@example.com"])
async def test_a_client_or_worker_gets_no_evidence(user: User, portal_personas: Personas, email: str) -> None:
    aisha = portal_personas.worker.worker_id
    competency = a_held_competency(aisha)
    with db.write() as session:
        row = session.scalars(
            select(WorkerCompetency).where(
                WorkerCompetency.worker_id == aisha, WorkerCompetency.competency_id == competency
            )
        ).one()
        row.evidence_path = media_store.keep_bytes(PDF, media_store.PDF).name
        row.evidence_type = media_store.PDF
    await sign_in(user, email)
    answer = await user.http_client.get(f"/media/workers/{aisha}/evidence/{competency}")
    assert answer.status_code == 404
