"""one booking number format: every booking numbered BK and its id, as the portal numbers new ones

Databases seeded before this carried the demo's own formats (B000048, H000012) beside the portal's
BK000113; a client saw two kinds of number. Each is renumbered from its id, which is unique, so the
new numbers are too. The old numbers are not kept: they were the demo's, never given to anyone.

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

booking = sa.table("booking", sa.column("id", sa.Integer), sa.column("number", sa.String))


def upgrade() -> None:
    connection = op.get_bind()
    others = connection.execute(sa.select(booking.c.id).where(booking.c.number.not_like("BK%"))).scalars()
    renumbered = [{"key": booking_id, "number": f"BK{booking_id:06d}"} for booking_id in others]
    if renumbered:
        connection.execute(
            booking.update().where(booking.c.id == sa.bindparam("key")).values(number=sa.bindparam("number")),
            renumbered,
        )


def downgrade() -> None:
    pass  # the old numbers were the demo's and are not kept; BK numbers stay valid
