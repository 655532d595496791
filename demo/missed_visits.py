"""Visits the client missed last month and was charged for, so the history shows cancellation fees:
a no-show, and a cancellation at short notice. Chosen by rule, not by chance, so that the rest of the
generated agency stays exactly as it was."""

from datetime import date, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from domain import money
from domain.vocabulary import CancelBand, CancelReason, ShiftStatus
from storage.models import Shift

from .catalogue import CANCELLATION_RULES
from .clients import ClientSeed

# program -> fee % per band, from each program's general cancellation rule
FEE_PCT = {
    program: {CancelBand.SHORT_NOTICE: short, CancelBand.NO_NOTICE: none}
    for program, category, _measure, _threshold, short, none in CANCELLATION_RULES
    if category is None
}
# Every fourth client from the third misses a visit at short notice; from the fourth, without notice.
BAND_BY_POSITION = {2: CancelBand.SHORT_NOTICE, 3: CancelBand.NO_NOTICE}
NOTICE = {CancelBand.SHORT_NOTICE: timedelta(hours=20), CancelBand.NO_NOTICE: timedelta(minutes=10)}
REASON = {CancelBand.SHORT_NOTICE: CancelReason.HEALTH, CancelBand.NO_NOTICE: CancelReason.OTHER}


def last_month(today: date) -> tuple[date, date]:
    """The first and last day of the month before today's."""
    last = date(today.year, today.month, 1) - timedelta(days=1)
    return date(last.year, last.month, 1), last


def last_billed(shifts: list[dict], client_id: int, first: date, last: date) -> dict | None:
    billed = [
        s
        for s in shifts
        if s["client_id"] == client_id
        and s["status"] == ShiftStatus.BILLED
        and first <= s["occurrence_date"] <= last
    ]
    return max(billed, key=lambda s: s["starts_at"], default=None)


def miss_some_visits(session: Session, clients: list[ClientSeed], shifts: list[dict], today: date) -> None:
    """Turn one billed shift of last month into a missed visit with its fee, for some clients."""
    first, last = last_month(today)
    for position, client in enumerate(clients):
        band = BAND_BY_POSITION.get(position % 4)
        shift = last_billed(shifts, client.id, first, last) if band else None
        if band is None or shift is None:
            continue
        price = money.price_cents(shift["bill_units"], shift["bill_rate_cents"])
        changes = _missed(shift["starts_at"], band, money.percent_of(price, FEE_PCT[client.program][band]))
        shift.update(changes)
        session.execute(update(Shift).where(Shift.id == shift["id"]).values(**changes))


def _missed(starts_at: datetime, band: CancelBand, fee_cents: int) -> dict:
    return {
        "status": ShiftStatus.CANCELLED,
        "cancelled_at": starts_at - NOTICE[band],
        "cancel_band": band,
        "cancel_reason": REASON[band],
        "cancel_fee_cents": fee_cents,
        "completed_at": None,
        "approved_at": None,
        "billed_at": None,
    }
