"""Cancelling a pending request or a rostered shift (DESIGN.md §3.3).

`preview` tells the client the band and exact fee before anything changes; `cancel` works the same
plan out again inside its transaction and refuses if the fee is not the one the client confirmed.
Staff cancel on a client's behalf (a phone call) without the online lead time.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from domain import audit, clock, events, money
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import local_time
from domain.agency import settings as agency
from domain.cancellation import rules
from domain.cancellation.rules import FeeChanged, Quote, Rule
from domain.errors import DomainError, NotAllowed
from domain.messaging import outbox
from domain.statements import ledger
from domain.visits import messages
from domain.visits.lines import BAND_LABELS, CANCELLABLE, PENDING, REASON_LABELS
from domain.vocabulary import (
    BillTo,
    BookingStatus,
    CancelReason,
    ProgramKind,
    Recurrence,
    Role,
    ShiftStatus,
)
from storage import db
from storage.models import Booking, LedgerEntry, Shift
from storage.queries import shift_changes as changes


class Scope(StrEnum):
    ONLY_THIS = "only_this"
    THIS_AND_LATER = "this_and_later"


@dataclass(frozen=True)
class Occurrence:
    shift_id: int
    starts: datetime  # agency-local
    quote: Quote | None  # None: a request not yet rostered, which costs nothing to cancel


@dataclass(frozen=True)
class CancellationPlan:
    shift_id: int
    service: str
    permanent: bool
    scope: Scope
    occurrences: tuple[Occurrence, ...]

    @property
    def fee_cents(self) -> int:
        return sum(o.quote.fee_cents for o in self.occurrences if o.quote)

    @property
    def first(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def charged(self) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.quote and o.quote.fee_cents)


def preview(actor: Actor, shift_id: int, scope: Scope = Scope.ONLY_THIS) -> CancellationPlan:
    """The band and exact fee of cancelling, for the confirmation; changes nothing."""
    now = clock.now()
    with db.read() as session:
        found = _cancellable(actor, shift_id, session)
        plan, _targets, _context = _plan(actor, found, scope, now, session)
    return plan


def cancel(
    actor: Actor, shift_id: int, scope: Scope, reason: CancelReason, confirmed_fee_cents: int
) -> CancellationPlan:
    now = clock.now()
    with db.write() as session:
        found = _cancellable(actor, shift_id, session, for_update=True)
        plan, targets, context = _plan(actor, found, scope, now, session, lock=True)
        if plan.fee_cents != confirmed_fee_cents:
            raise FeeChanged(
                f"The cancellation fee is now {money.dollars(plan.fee_cents)}, not the "
                f"{money.dollars(confirmed_fee_cents)} you were shown. Nothing was cancelled: "
                "please look at it again."
            )
        for shift, occurrence in zip(targets, plan.occurrences, strict=True):
            _cancel_one(shift, occurrence, actor, reason, now, context, session)
        booking = changes.booking(found.booking_id, session=session, for_update=True)
        series = _end_series(booking, found, plan, now, session) if booking else ""
        _tell(session, actor, plan, targets, reason, context, booking, series)
        audit.record(session, actor.account_id, "cancel", "shift", found.id, f"{scope} {reason}")
    events.publish(
        events.ShiftChanged.of(
            [t.id for t in targets], [found.client_id], sorted({t.worker_id for t in targets if t.worker_id})
        )
    )
    return plan


def _cancellable(actor: Actor, shift_id: int, session: Session, *, for_update: bool = False) -> Shift:
    found = changes.shift(shift_id, session=session, for_update=for_update)
    if found is None or actor.role == Role.WORKER or not access.may_act_for_client(actor, found.client_id):
        raise NotAllowed()
    if found.status == ShiftStatus.CANCELLED:
        raise DomainError("This visit is already cancelled.")
    if found.status not in CANCELLABLE:
        raise DomainError("This visit has already taken place, so it can no longer be cancelled.")
    return found


def _plan(
    actor: Actor, found: Shift, scope: Scope, now: datetime, session: Session, *, lock: bool = False
) -> tuple[CancellationPlan, list[Shift], changes.ShiftContext]:
    settings = agency.settings()
    if not actor.is_staff:
        rules.check_lead_time(now, found.starts_at, settings.cancel_lead_minutes, settings.phone)
    booking = changes.booking(found.booking_id, session=session)
    permanent = booking is not None and booking.recurrence != Recurrence.ONCE
    targets = [found]
    if scope == Scope.THIS_AND_LATER and permanent:
        targets += changes.later_in_booking(
            booking.id, found.starts_at, CANCELLABLE, session=session, for_update=lock
        )
    context = changes.context(found, session=session)
    rule = _rule(found.program_id, context.service_category, session)
    occurrences = tuple(
        Occurrence(t.id, local_time.local(t.starts_at), _quote(t, rule, now, settings)) for t in targets
    )
    effective = scope if permanent else Scope.ONLY_THIS
    plan = CancellationPlan(found.id, context.service_name, permanent, effective, occurrences)
    return plan, targets, context


def _rule(program_id: int, service_category: str, session: Session) -> Rule:
    rows = changes.cancellation_rules(program_id, session=session)
    return rules.rule_for(
        (
            Rule(
                r.notice_measure,
                r.short_notice_threshold,
                r.no_notice_minutes,
                r.short_notice_fee_pct,
                r.no_notice_fee_pct,
                r.service_category,
            )
            for r in rows
        ),
        service_category,
    )


def _quote(shift: Shift, rule: Rule, now: datetime, settings: agency.AgencySettings) -> Quote | None:
    if shift.status in PENDING:
        return None
    price = money.price_cents(shift.bill_units, shift.bill_rate_cents)
    return rules.quote(rule, now, shift.starts_at, price, settings.zone, settings.state)


def _cancel_one(
    shift: Shift,
    occurrence: Occurrence,
    actor: Actor,
    reason: CancelReason,
    now: datetime,
    context: changes.ShiftContext,
    session: Session,
) -> None:
    quote = occurrence.quote
    fee = quote.fee_cents if quote else 0
    shift.status = ShiftStatus.CANCELLED
    shift.cancelled_at, shift.cancelled_by_account_id = now, actor.account_id
    shift.cancel_band = quote.band if quote else None
    shift.cancel_reason, shift.cancel_fee_cents = reason, fee
    if quote and fee and shift.bill_to == BillTo.PACKAGE and shift.package_id is not None:
        shift.billed_at = now
        day, late_for = ledger.posting_day(
            shift.package_id, shift.occurrence_date, local_time.local(now).date(), session=session
        )
        ledger.post(session, _fee_entry(shift, shift.package_id, quote, reason, now, context, day, late_for))


def _fee_entry(
    shift: Shift,
    package_id: int,
    quote: Quote,
    reason: CancelReason,
    now: datetime,
    context: changes.ShiftContext,
    day: date,
    late_for: date | None,
) -> LedgerEntry:
    return ledger.cancellation_fee_entry(
        package_id=package_id,
        shift_id=shift.id,
        day=day,
        refers_to_month=late_for,
        description=f"Cancellation, {BAND_LABELS[quote.band]}: {context.service_name}",
        fee_cents=quote.fee_cents,
        contribution_pct=context.contribution_pct,
        reason=reason,
        ndis_category=context.ndis_category if context.program_kind == ProgramKind.NDIS else None,
        created_at=now,
    )


def _end_series(
    booking: Booking, found: Shift, plan: CancellationPlan, now: datetime, session: Session
) -> str:
    """One visit of a series leaves the rest as it was. Once-only, or from the first visit on: the
    booking is cancelled. From a later visit on: the series ends the day before that visit."""
    if plan.permanent and plan.scope == Scope.ONLY_THIS:
        return ""
    session.flush()
    if not plan.permanent or found.occurrence_date <= booking.first_date:
        booking.status, booking.cancelled_at = BookingStatus.CANCELLED, now
        changes.withdraw_pending_offers(booking.id, now, session=session)
        return ""
    booking.ends_on = found.occurrence_date - timedelta(days=1)
    if not changes.live_in_booking(booking.id, CANCELLABLE, session=session):
        booking.status = BookingStatus.ENDED
        changes.withdraw_pending_offers(booking.id, now, session=session)
    return f"The series now ends on {messages.day(booking.ends_on)}."


def _tell(
    session: Session,
    actor: Actor,
    plan: CancellationPlan,
    targets: list[Shift],
    reason: CancelReason,
    context: changes.ShiftContext,
    booking: Booking | None,
    series: str,
) -> None:
    settings = agency.settings()
    first = plan.first
    outbox.queue_email(
        session,
        to=[settings.roster_email],
        template="shift_cancelled",
        shift_id=plan.shift_id,
        context={
            "client": context.client_name,
            "cancelled_by": actor.display_name,
            "scope": "this visit and all later ones" if plan.scope == Scope.THIS_AND_LATER else "one visit",
            "service": context.service_name,
            "program": context.program_name,
            "booking": booking.number if booking else "none",
            "when": messages.when(first.starts),
            "count": len(plan.occurrences),
            "reason": REASON_LABELS[reason],
            "band": BAND_LABELS[first.quote.band] if first.quote else "request not yet rostered",
            "fee": money.dollars(plan.fee_cents),
            "series": series,
        },
    )
    accounts = changes.worker_accounts({t.worker_id for t in targets if t.worker_id}, session=session)
    for shift, occurrence in zip(targets, plan.occurrences, strict=True):
        if shift.worker_id in accounts:
            outbox.queue_app_message(
                session,
                account_id=accounts[shift.worker_id],
                template="shift_cancelled_worker",
                shift_id=shift.id,
                context={
                    "client": context.client_name,
                    "service": context.service_name,
                    "when": messages.when(occurrence.starts),
                },
            )
