"""The daily billing job: approved shifts become billed, each with its ledger entry, exactly once.

Safe to run twice, or twice at once: it takes only shifts still approved, under a row lock (on
SQLite the write transaction is exclusive), and the ledger's unique index on (shift, kind) would
refuse a second charge even if it did not. The scheduler ([notify]) calls `bill_approved_shifts`.
"""

from domain import action, events
from domain.action import Action
from domain.statements import ledger
from domain.vocabulary import BillTo, ProgramKind, ShiftStatus
from storage.models import Shift
from storage.queries import shift_changes as changes
from storage.queries import signoff as signoff_queries

BATCH = 500


def bill_approved_shifts() -> int:
    """Bill every approved shift, a batch per transaction; returns how many were billed."""
    billed = 0
    while count := _bill_batch():
        billed += count
    return billed


def _bill_batch() -> int:
    with action.writing() as act:
        shifts = signoff_queries.approved_for_billing(limit=BATCH, session=act.session)
        for shift in shifts:
            _bill(act, shift)
        if shifts:
            act.announce(
                events.ShiftChanged.of(
                    [s.id for s in shifts], [s.client_id for s in shifts], [s.worker_id for s in shifts]
                )
            )
    return len(shifts)


def _bill(act: Action, shift: Shift) -> None:
    shift.status, shift.billed_at = ShiftStatus.BILLED, act.now
    if shift.bill_to != BillTo.PACKAGE or shift.package_id is None:
        return  # billed to the client or privately: nothing is drawn from a package
    context = changes.context(shift, session=act.session)
    day, late_for = ledger.posting_day(
        shift.package_id, shift.occurrence_date, act.today, session=act.session
    )
    ledger.post(
        act.session,
        ledger.service_entry(
            package_id=shift.package_id,
            shift_id=shift.id,
            day=day,
            refers_to_month=late_for,
            service_day=shift.occurrence_date,
            description=context.service_name,
            units=shift.bill_units,
            rate_cents=shift.bill_rate_cents,
            contribution_pct=context.contribution_pct,
            ndis_category=context.ndis_category if context.program_kind == ProgramKind.NDIS else None,
            created_at=act.now,
        ),
    )
