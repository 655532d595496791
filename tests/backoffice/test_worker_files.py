"""A worker's photo and competency evidence, on both databases (the personas fixture): checked by
content, size-limited, nothing kept on a refusal; evidence served only to roster staff and
administrators, each reading audited."""

import io
from dataclasses import replace

import pytest
from PIL import Image
from sqlalchemy import func, select

from adapters import media_store
from domain.backoffice import workers
from domain.backoffice.workers import CompetencyEntry
from domain.errors import InvalidInput, NotAllowed
from storage import db
from storage.models import AuditEvent, MediaFile, Worker, WorkerCompetency
from tests.backoffice.test_workers import NEW_WORKER, competency_id
from tests.support.personas import Personas


def picture(kind: str = "JPEG", size: tuple[int, int] = (300, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, format=kind)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def stored_files() -> set[str]:
    root = media_store.root()
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def media_count() -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(MediaFile)) or 0


def evidence_of(worker_id: int, competency: int) -> str | None:
    with db.read() as session:
        return session.scalar(
            select(WorkerCompetency.evidence_path).where(
                WorkerCompetency.worker_id == worker_id, WorkerCompetency.competency_id == competency
            )
        )


def audit_count() -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def holding_police_check(personas: Personas) -> tuple[int, int]:
    worker_id = workers.create(personas.admin, replace(NEW_WORKER, staff_number="W9101"))
    police = competency_id("police_check")
    workers.set_competencies(personas.admin, worker_id, [CompetencyEntry(police, True, "30/6/2028")])
    return worker_id, police


def test_a_worker_photo_is_reencoded_and_replaces_the_old_one(personas: Personas) -> None:
    admin = personas.admin
    worker_id = workers.create(admin, NEW_WORKER)
    first = workers.set_photo(admin, worker_id, picture("PNG"))
    assert first.photo_id is not None
    second = workers.set_photo(personas.roster, worker_id, picture())
    assert second.photo_id not in (None, first.photo_id)
    with db.read() as session:
        assert session.get(MediaFile, first.photo_id) is None  # the old photo is gone
        kept = session.get(MediaFile, second.photo_id)
        assert kept is not None
        assert kept.content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\0" * 100, "not a JPEG or PNG photo"),
        (b"\xff\xd8\xff" + b"\0" * 100, "not a JPEG or PNG photo"),  # claims JPEG, is not one
        (b"\xff" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
    ],
)
def test_a_refused_photo_keeps_nothing(personas: Personas, data: bytes, message: str) -> None:
    admin = personas.admin
    worker_id = workers.create(admin, NEW_WORKER)
    before = (media_count(), audit_count())
    with pytest.raises(InvalidInput) as refused:
        workers.set_photo(admin, worker_id, data)
    assert message in refused.value.fields["photo"]
    assert (media_count(), audit_count()) == before
    with db.read() as session:
        assert session.get(Worker, worker_id).photo_media_id is None


def test_evidence_is_kept_and_served_to_staff_only_each_reading_audited(personas: Personas) -> None:
    worker_id, police = holding_police_check(personas)
    record = workers.set_evidence(personas.roster, worker_id, police, PDF)
    assert next(c for c in record.competencies if c.competency_id == police).evidence
    found = workers.evidence(personas.admin, worker_id, police)
    assert found is not None
    path, content_type = found
    assert content_type == "application/pdf"
    assert path.read_bytes() == PDF
    with db.read() as session:
        viewed = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.action == "view", AuditEvent.entity == "worker", AuditEvent.entity_id == worker_id
            )
        ).all()
    assert viewed == [f"evidence for competency {police}"]
    for outsider in (personas.client, personas.worker, personas.case_manager):
        with pytest.raises(NotAllowed):
            workers.evidence(outsider, worker_id, police)
    assert workers.evidence(personas.admin, worker_id, competency_id("first_aid")) is None


def test_image_evidence_is_reencoded_without_its_metadata(personas: Personas) -> None:
    worker_id, police = holding_police_check(personas)
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = "home at 10 Secret Street"  # ImageDescription
    Image.new("RGB", (200, 100), (1, 2, 3)).save(out, format="JPEG", exif=exif)
    workers.set_evidence(personas.admin, worker_id, police, out.getvalue())
    name = evidence_of(worker_id, police)
    assert name is not None
    kept = (media_store.root() / name).read_bytes()
    assert b"Secret Street" not in kept
    assert kept.startswith(b"\xff\xd8\xff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MZ\x90\x00 an executable", "not a PDF, JPEG or PNG"),
        (b"<html><script>alert(1)</script>", "not a PDF, JPEG or PNG"),
        (b"\x89PNG\r\n\x1a\n broken", "not a PDF, JPEG or PNG"),
        (b"%PDF-" + b"\0" * (10 * 1024 * 1024), "larger than 10 MB"),
    ],
)
def test_refused_evidence_keeps_nothing(personas: Personas, data: bytes, message: str) -> None:
    worker_id, police = holding_police_check(personas)
    before = (stored_files(), audit_count())
    with pytest.raises(InvalidInput) as refused:
        workers.set_evidence(personas.admin, worker_id, police, data)
    assert message in refused.value.fields[f"evidence_{police}"]
    assert (stored_files(), audit_count()) == before
    assert evidence_of(worker_id, police) is None


def test_evidence_needs_the_competency_held_and_the_right_role(personas: Personas) -> None:
    worker_id, _ = holding_police_check(personas)
    first_aid = competency_id("first_aid")
    before = stored_files()
    with pytest.raises(InvalidInput) as refused:
        workers.set_evidence(personas.admin, worker_id, first_aid, PDF)
    assert "tick and save this competency" in refused.value.fields[f"evidence_{first_aid}"]
    with pytest.raises(NotAllowed):
        workers.set_evidence(personas.case_manager, worker_id, first_aid, PDF)
    assert stored_files() == before
