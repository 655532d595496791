"""The agency's cancellation rules, with the program each belongs to, for the settings page."""

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from storage.models import CancellationRule, Program


def with_programs(*, session: Session) -> list[Row[CancellationRule, str]]:
    return list(
        session.execute(
            select(CancellationRule, Program.name.label("program"))
            .join(Program, Program.id == CancellationRule.program_id)
            .order_by(Program.name, CancellationRule.service_category.is_not(None), CancellationRule.id)
        )
    )


def for_update(rule_id: int, *, session: Session) -> CancellationRule | None:
    return session.scalar(select(CancellationRule).where(CancellationRule.id == rule_id).with_for_update())
