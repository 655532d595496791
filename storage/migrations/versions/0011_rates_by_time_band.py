"""rates by time band and charge level; the worker's charge level

A service's rate under a program now depends on the visit's time band (weekday daytime, evening,
night, Saturday, Sunday, public holiday) and, where the agency prices by level, on the worker's
charge level (0 on a rate: any worker). Existing rates become the weekday daytime rate for any
worker, so every price stays what it was until the agency sets the other bands.

Revision ID: 0011
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_rate") as table:
        table.add_column(sa.Column("time_band", sa.String(32), nullable=False, server_default="weekday"))
        table.add_column(sa.Column("charge_level", sa.Integer(), nullable=False, server_default="0"))
        table.drop_constraint("uq_service_rate_service_id_program_id", type_="unique")
        table.create_unique_constraint(
            "uq_service_rate_service_id_program_id_time_band_charge_level",
            ["service_id", "program_id", "time_band", "charge_level"],
        )
        table.create_check_constraint("ck_service_rate_charge_level_range", "charge_level BETWEEN 0 AND 9")
    with op.batch_alter_table("worker") as table:
        table.add_column(sa.Column("charge_level", sa.Integer(), nullable=True))
        table.create_check_constraint("ck_worker_charge_level_range", "charge_level BETWEEN 1 AND 9")


def downgrade() -> None:
    with op.batch_alter_table("worker") as table:
        table.drop_constraint("ck_worker_charge_level_range", type_="check")
        table.drop_column("charge_level")
    op.execute("DELETE FROM service_rate WHERE time_band <> 'weekday' OR charge_level <> 0")
    with op.batch_alter_table("service_rate") as table:
        table.drop_constraint("ck_service_rate_charge_level_range", type_="check")
        table.drop_constraint("uq_service_rate_service_id_program_id_time_band_charge_level", type_="unique")
        table.create_unique_constraint("uq_service_rate_service_id_program_id", ["service_id", "program_id"])
        table.drop_column("charge_level")
        table.drop_column("time_band")
