"""What the client's calendar, history and service-management screens show, a page at a time.

Every list is filtered and paged in the database: a client with years of weekly shifts gets at
most PAGE_SIZE rows per screen.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotAllowed
from domain.language import _
from domain.visits.lines import PAGE_SIZE, ShiftLine, from_row
from domain.vocabulary import ShiftStatus
from storage.models import ShiftQuery
from storage.queries import client_shifts

MAX_RANGE_DAYS = 3 * 366 + 1  # one history request covers at most three years


class CalendarView(StrEnum):
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


class Tab(StrEnum):
    REQUESTS = "requests"
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    QUERIED = "queried"
    APPROVED = "approved"
    BILLED = "billed"


TAB_STATUSES = {
    Tab.REQUESTS: (ShiftStatus.WAITING, ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED),
    Tab.ACCEPTED: (ShiftStatus.ALLOCATED,),
    Tab.COMPLETED: (ShiftStatus.COMPLETED,),
    Tab.QUERIED: (ShiftStatus.QUERIED,),
    Tab.APPROVED: (ShiftStatus.APPROVED,),
    Tab.BILLED: (ShiftStatus.BILLED,),
}
UPCOMING_TABS = (Tab.REQUESTS, Tab.ACCEPTED)  # soonest first; the others newest first


@dataclass(frozen=True)
class QueryNote:
    message: str
    raised: datetime
    reply: str
    resolved: bool


@dataclass(frozen=True)
class CalendarPage:
    view: CalendarView
    anchor: date
    first: date
    last: date
    today: date
    lines: tuple[ShiftLine, ...]
    more: bool  # the range holds more shifts than one screen shows


@dataclass(frozen=True)
class ListPage:
    lines: tuple[ShiftLine, ...]
    page: int
    pages: int
    total: int


@dataclass(frozen=True)
class ServicesPage:
    tab: Tab
    rows: ListPage
    counts: dict[Tab, int]
    queries: dict[int, tuple[QueryNote, ...]]  # shift id -> its queries, for the queried tab


@dataclass(frozen=True)
class ShiftDetails:
    line: ShiftLine
    client_id: int
    queries: tuple[QueryNote, ...]


def calendar_range(view: CalendarView, anchor: date) -> tuple[date, date]:
    """The first and last day the view shows: the month, the week from Monday, or the day."""
    if view == CalendarView.MONTH:
        first = anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    if view == CalendarView.WEEK:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    return anchor, anchor


def step(view: CalendarView, anchor: date, direction: int) -> date:
    """The anchor of the previous (-1) or next (+1) month, week or day."""
    if view == CalendarView.MONTH:
        month = anchor.year * 12 + anchor.month - 1 + direction
        return date(month // 12, month % 12 + 1, 1)
    return anchor + timedelta(days=direction * (7 if view == CalendarView.WEEK else 1))


def calendar(actor: Actor, client_id: int, view: CalendarView, anchor: date) -> CalendarPage:
    access.require_client(actor, client_id)
    first, last = calendar_range(view, anchor)
    with action.reading(actor) as act:
        start, end = act.day_bounds(first, last)
        rows = client_shifts.between(client_id, start, end, limit=PAGE_SIZE + 1, session=act.session)
        lines = tuple(from_row(row, act.zone) for row in rows[:PAGE_SIZE])
        return CalendarPage(view, anchor, first, last, act.today, lines, len(rows) > PAGE_SIZE)


def check_range(first: date, last: date) -> None:
    if last < first:
        raise InvalidInput({"last": _("The end date must be on or after the start date.")})
    if (last - first).days >= MAX_RANGE_DAYS:
        raise InvalidInput({"last": _("Please choose a range of at most three years.")})


def history(actor: Actor, client_id: int, first: date, last: date, page: int = 1) -> ListPage:
    access.require_client(actor, client_id)
    check_range(first, last)
    with action.reading(actor) as act:
        start, end = act.day_bounds(first, last)
        total = client_shifts.count_between(client_id, start, end, session=act.session)
        page = _clamp(page, total)
        rows = client_shifts.history_page(
            client_id, start, end, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, session=act.session
        )
        return ListPage(tuple(from_row(row, act.zone) for row in rows), page, _pages(total), total)


def services(actor: Actor, client_id: int, tab: Tab, page: int = 1) -> ServicesPage:
    access.require_client(actor, client_id)
    with action.reading(actor) as act:
        counts = _tab_counts(act, client_id)
        page = _clamp(page, counts[tab])
        rows = client_shifts.in_tab(
            client_id,
            TAB_STATUSES[tab],
            with_fees=tab == Tab.BILLED,
            newest_first=tab not in UPCOMING_TABS,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            session=act.session,
        )
        lines = tuple(from_row(row, act.zone) for row in rows)
        queried = [line.shift_id for line in lines if line.status == ShiftStatus.QUERIED]
        notes = _query_notes(client_shifts.queries_on(queried, session=act.session), act.zone)
    return ServicesPage(tab, ListPage(lines, page, _pages(counts[tab]), counts[tab]), counts, notes)


def details(actor: Actor, shift_id: int) -> ShiftDetails:
    """One shift with its queries, for the details dialog; nothing at all for someone else's."""
    with action.reading(actor) as act:
        row = client_shifts.one(shift_id, session=act.session)
        if row is None or not access.may_act_for_client(actor, row.client_id):
            raise NotAllowed()
        notes = _query_notes(client_shifts.queries_on([shift_id], session=act.session), act.zone)
        return ShiftDetails(from_row(row, act.zone), row.client_id, notes.get(shift_id, ()))


def _tab_counts(act: Action, client_id: int) -> dict[Tab, int]:
    by_status = client_shifts.count_by_status(client_id, session=act.session)
    counts = {tab: sum(by_status.get(s, 0) for s in statuses) for tab, statuses in TAB_STATUSES.items()}
    counts[Tab.BILLED] += client_shifts.count_charged_cancellations(client_id, session=act.session)
    return counts


def _query_notes(queries: Iterable[ShiftQuery], zone: ZoneInfo) -> dict[int, tuple[QueryNote, ...]]:
    notes: dict[int, list[QueryNote]] = {}
    for q in queries:
        note = QueryNote(q.message, q.raised_at.astimezone(zone), q.reply or "", q.resolved_at is not None)
        notes.setdefault(q.shift_id, []).append(note)
    return {shift_id: tuple(found) for shift_id, found in notes.items()}


def _pages(total: int) -> int:
    return max(1, math.ceil(total / PAGE_SIZE))


def _clamp(page: int, total: int) -> int:
    return min(max(1, page), _pages(total))
