"""The daily billing job: approved shifts become billed, each with its ledger entry, exactly once.

Safe to run twice, or twice at once: it takes only shifts still approved, under a row lock (on
SQLite the write transaction is exclusive), and the ledger's unique index on (shift, kind) would
refuse a second charge even if it did not. The scheduler ([notify]) calls `bill_approved_shifts`.
"""

from datetime import datetime

from sqlalchemy.orm import Session

from domain import clock, events
from domain.agency.local_time import agency_today
from domain.statements import ledger
from domain.vocabulary import BillTo, ProgramKind, ShiftStatus
from storage import db
from storage.models import Shift
from storage.queries import shift_changes as changes
from storage.queries import signoff as signoff_queries

BATCH = 500


def bill_approved_shifts() -> int:
    """Bill every approved shift; returns how many were billed."""
    billed = 0
    while True:
        shifts = _bill_batch(clock.now())
        if not shifts:
            return billed
        billed += len(shifts)
        events.publish(
            events.ShiftChanged.of(
                [s.id for s in shifts],
                sorted({s.client_id for s in shifts}),
                sorted({s.worker_id for s in shifts if s.worker_id}),
            )
        )


def _bill_batch(now: datetime) -> list[Shift]:
    with db.write() as session:
        shifts = signoff_queries.approved_for_billing(limit=BATCH, session=session)
        for shift in shifts:
            _bill(shift, now, session)
    return shifts


def _bill(shift: Shift, now: datetime, session: Session) -> None:
    shift.status, shift.billed_at = ShiftStatus.BILLED, now
    if shift.bill_to != BillTo.PACKAGE or shift.package_id is None:
        return  # billed to the client or privately: nothing is drawn from a package
    context = changes.context(shift, session=session)
    day, late_for = ledger.posting_day(
        shift.package_id, shift.occurrence_date, agency_today(), session=session
    )
    ledger.post(
        session,
        ledger.service_entry(
            package_id=shift.package_id,
            shift_id=shift.id,
            day=day,
            refers_to_month=late_for,
            description=context.service_name,
            units=shift.bill_units,
            rate_cents=shift.bill_rate_cents,
            contribution_pct=context.contribution_pct,
            ndis_category=context.ndis_category if context.program_kind == ProgramKind.NDIS else None,
            created_at=now,
        ),
    )
