"""Cancelling a pending request or a rostered shift (DESIGN.md §3.3).

`preview` tells the client the band and exact fee before anything changes; `cancel` works the same
plan out again inside its transaction and refuses if the fee is not the one the client confirmed.
Staff cancel on a client's behalf (a phone call) without the online lead time.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain import action, events, language, money
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.cancellation import rules
from domain.cancellation.letters import ShiftCancelled, ShiftCancelledToWorker
from domain.cancellation.rules import FeeChanged, Quote, Rule
from domain.errors import DomainError, NotAllowed
from domain.language import _
from domain.messaging import outbox
from domain.messaging.letterhead import short_day, short_when
from domain.statements import ledger
from domain.visits.lines import BAND_LABELS, CANCELLABLE, PENDING
from domain.vocabulary import (
    BillTo,
    BookingStatus,
    CancelReason,
    ClientAction,
    ProgramKind,
    Recurrence,
    Role,
    ShiftStatus,
)
from storage.models import Booking, Shift
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


@dataclass(frozen=True)
class _Worked:
    """A plan with the rows it was worked out from, inside the action that applies it."""

    plan: CancellationPlan
    found: Shift
    targets: tuple[Shift, ...]
    context: changes.ShiftContext

    def each(self) -> Iterator[tuple[Shift, Occurrence]]:
        return zip(self.targets, self.plan.occurrences, strict=True)


def preview(actor: Actor, shift_id: int, scope: Scope = Scope.ONLY_THIS) -> CancellationPlan:
    """The band and exact fee of cancelling, for the confirmation; changes nothing."""
    with action.reading(actor) as act:
        return _work_out(act, _cancellable(act, shift_id), scope).plan


@action.retried
def cancel(
    actor: Actor, shift_id: int, scope: Scope, reason: CancelReason, confirmed_fee_cents: int
) -> CancellationPlan:
    with action.writing(actor) as act:
        worked = _work_out(act, _cancellable(act, shift_id, for_update=True), scope, lock=True)
        _check_fee(worked.plan.fee_cents, confirmed_fee_cents)
        for shift, occurrence in worked.each():
            _cancel_one(act, shift, occurrence, reason, worked.context)
        found = worked.found
        booking = changes.booking(found.booking_id, session=act.session, for_update=True)
        # the roster department and the workers read English, whatever language the client cancelled in
        with language.use(language.DEFAULT.code):
            series = _end_series(act, booking, worked) if booking else ""
            _tell(act, worked, reason, booking, series)
        act.audit("cancel", "shift", found.id, f"{scope} {reason}")
        act.announce(
            events.ShiftChanged.of(
                [t.id for t in worked.targets], [found.client_id], [t.worker_id for t in worked.targets]
            )
        )
    return worked.plan


def _cancellable(act: Action, shift_id: int, *, for_update: bool = False) -> Shift:
    """The visit, if this person may cancel it; to cancel it, locked after its booking (the order
    every booking use case keeps: an offer being answered for it waits, or is waited for)."""
    actor = _actor(act)
    found = changes.shift(shift_id, session=act.session)
    if found is None or actor.role == Role.WORKER or not access.may_act_for_client(actor, found.client_id):
        raise NotAllowed()
    access.require(actor, found.client_id, ClientAction.CANCEL)
    if for_update:
        changes.booking(found.booking_id, session=act.session, for_update=True)
        found = changes.shift(shift_id, session=act.session, for_update=True)
        assert found is not None
    if found.status == ShiftStatus.CANCELLED:
        raise DomainError(_("This visit is already cancelled."))
    if found.status not in CANCELLABLE:
        raise DomainError(_("This visit has already taken place, so it can no longer be cancelled."))
    return found


def _actor(act: Action) -> Actor:
    if act.actor is None:
        raise NotAllowed()  # a cancellation is always someone's
    return act.actor


def _check_fee(fee_cents: int, confirmed_fee_cents: int) -> None:
    if fee_cents != confirmed_fee_cents:
        raise FeeChanged(
            _(
                "The cancellation fee is now {fee}, not the {shown} you were shown. Nothing was "
                "cancelled: please look at it again."
            ).format(fee=money.dollars(fee_cents), shown=money.dollars(confirmed_fee_cents))
        )


def _work_out(act: Action, found: Shift, scope: Scope, *, lock: bool = False) -> _Worked:
    settings, session = act.settings, act.session
    if not _actor(act).is_staff:
        rules.check_lead_time(act.now, found.starts_at, settings.cancel_lead_minutes, settings.phone)
    booking = changes.booking(found.booking_id, session=session)
    permanent = booking is not None and booking.recurrence != Recurrence.ONCE
    targets = [found]
    if booking is not None and scope == Scope.THIS_AND_LATER and permanent:
        targets += changes.later_in_booking(
            booking.id, found.starts_at, CANCELLABLE, session=session, for_update=lock
        )
    context = changes.context(found, session=session)
    rule = _rule(act, found.program_id, context.service_category)
    occurrences = tuple(Occurrence(t.id, act.local(t.starts_at), _quote(act, t, rule)) for t in targets)
    effective = scope if permanent else Scope.ONLY_THIS
    plan = CancellationPlan(found.id, context.service_name, permanent, effective, occurrences)
    return _Worked(plan, found, tuple(targets), context)


def _rule(act: Action, program_id: int, service_category: str) -> Rule:
    rows = changes.cancellation_rules(program_id, session=act.session)
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


def _quote(act: Action, shift: Shift, rule: Rule) -> Quote | None:
    if shift.status in PENDING:
        return None
    price = money.price_cents(shift.bill_units, shift.bill_rate_cents)
    return rules.quote(rule, act.now, shift.starts_at, price, act.zone, act.settings.state)


def _cancel_one(
    act: Action, shift: Shift, occurrence: Occurrence, reason: CancelReason, context: changes.ShiftContext
) -> None:
    quote = occurrence.quote
    fee = quote.fee_cents if quote else 0
    shift.status = ShiftStatus.CANCELLED
    shift.cancelled_at, shift.cancelled_by_account_id = act.now, act.account_id
    shift.cancel_band = quote.band if quote else None
    shift.cancel_reason, shift.cancel_fee_cents = reason, fee
    if quote and fee and shift.bill_to == BillTo.PACKAGE and shift.package_id is not None:
        shift.billed_at = act.now
        _charge_fee(act, shift, quote, reason, context)


def _charge_fee(
    act: Action, shift: Shift, quote: Quote, reason: CancelReason, context: changes.ShiftContext
) -> None:
    """Debit the package with the fee, on the day the ledger takes it (see ledger.posting_day)."""
    package_id = shift.package_id
    assert package_id is not None
    day, late_for = ledger.posting_day(package_id, shift.occurrence_date, act.today, session=act.session)
    entry = ledger.cancellation_fee_entry(
        package_id=package_id,
        shift_id=shift.id,
        day=day,
        refers_to_month=late_for,
        service_day=shift.occurrence_date,
        description=context.service_name,  # the band and reason are kept in their own columns
        fee_cents=quote.fee_cents,
        contribution_pct=context.contribution_pct,
        reason=reason,
        ndis_category=context.ndis_category if context.program_kind == ProgramKind.NDIS else None,
        created_at=act.now,
    )
    ledger.post(act.session, entry)


def _end_series(act: Action, booking: Booking, worked: _Worked) -> str:
    """One visit of a series leaves the rest as it was. Once-only, or from the first visit on: the
    booking is cancelled. From a later visit on: the series ends the day before that visit."""
    plan, found, session = worked.plan, worked.found, act.session
    if plan.permanent and plan.scope == Scope.ONLY_THIS:
        return ""
    session.flush()
    if not plan.permanent or found.occurrence_date <= booking.first_date:
        booking.status, booking.cancelled_at = BookingStatus.CANCELLED, act.now
        changes.withdraw_pending_offers(booking.id, act.now, session=session)
        return ""
    booking.ends_on = found.occurrence_date - timedelta(days=1)
    if not changes.live_in_booking(booking.id, CANCELLABLE, session=session):
        booking.status = BookingStatus.ENDED
        changes.withdraw_pending_offers(booking.id, act.now, session=session)
    return f"The series now ends on {short_day(booking.ends_on)}."


def _tell(act: Action, worked: _Worked, reason: CancelReason, booking: Booking | None, series: str) -> None:
    """The roster department is e-mailed; each worker no longer needed gets an app message."""
    plan, context = worked.plan, worked.context
    first = plan.first
    letter = ShiftCancelled(
        client=context.client_name,
        cancelled_by=_actor(act).display_name,
        scope="this visit and all later ones" if plan.scope == Scope.THIS_AND_LATER else "one visit",
        service=context.service_name,
        program=context.program_name,
        booking=booking.number if booking else "none",
        when=short_when(first.starts),
        count=len(plan.occurrences),
        reason=rules.reason_label(reason, context.program_kind, translated=False),
        band=BAND_LABELS[first.quote.band] if first.quote else "request not yet rostered",
        fee=money.dollars(plan.fee_cents),
        series=series,
    )
    outbox.email(act, to=[act.settings.roster_email], letter=letter, shift_id=plan.shift_id)
    _tell_workers(act, worked)


def _tell_workers(act: Action, worked: _Worked) -> None:
    workers = {t.worker_id for t in worked.targets if t.worker_id}
    accounts = changes.worker_accounts(workers, session=act.session)
    context = worked.context
    for shift, occurrence in worked.each():
        if shift.worker_id in accounts:
            letter = ShiftCancelledToWorker(
                context.client_name, context.service_name, short_when(occurrence.starts)
            )
            outbox.app_message(act, account_id=accounts[shift.worker_id], letter=letter, shift_id=shift.id)
