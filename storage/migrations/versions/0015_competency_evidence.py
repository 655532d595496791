"""competency evidence: a worker competency's evidence file (PDF, JPEG or PNG) under the data folder;
the workforce stamp's SQLite triggers on the worker table restored; a booking past the approved
hours keeps what goes beyond, and who on the staff allowed it and when

On SQLite, 0011's check constraint made Alembic rebuild the worker table, and a rebuilt table loses
its triggers: worker edits stopped moving the workforce stamp, so matching kept an old copy of the
worker. They are created again here wherever they are missing (PostgreSQL keeps them).

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

UTC_TIME = storage.models.base.UTCDateTime(timezone=True)

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The tables 0003 put a workforce trigger on, and its SQLite events.
WORKFORCE_TABLES = (
    "worker",
    "worker_competency",
    "worker_characteristic",
    "availability_window",
    "review",
    "competency",
    "characteristic",
    "medal",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    with op.batch_alter_table("worker_competency") as table:
        table.add_column(sa.Column("evidence_path", sa.String(length=120), nullable=True))
        table.add_column(sa.Column("evidence_type", sa.String(length=80), nullable=True))
    with op.batch_alter_table("booking") as table:
        table.add_column(sa.Column("beyond_approved", sa.String(length=300), nullable=True))
        table.add_column(sa.Column("beyond_allowed_at", UTC_TIME, nullable=True))
        table.add_column(sa.Column("beyond_allowed_by", sa.String(length=120), nullable=True))
    if op.get_context().dialect.name == "sqlite":
        for name in WORKFORCE_TABLES:
            for event in EVENTS:
                op.execute(
                    f"CREATE TRIGGER IF NOT EXISTS trg_{name}_{event.lower()}_workforce_version "
                    f"AFTER {event} ON {name} BEGIN UPDATE workforce_version SET stamp = stamp + 1; END"
                )


def downgrade() -> None:
    with op.batch_alter_table("booking") as table:
        table.drop_column("beyond_allowed_by")
        table.drop_column("beyond_allowed_at")
        table.drop_column("beyond_approved")
    with op.batch_alter_table("worker_competency") as table:
        table.drop_column("evidence_type")
        table.drop_column("evidence_path")
