"""The booking catalogue (DESIGN.md §2 "Approved service"): exactly the services a client is
approved for under their current packages, each with its price under the client's program and
how much of the approved amount this period is already rostered or used."""

from dataclasses import dataclass
from datetime import date, timedelta

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import NotAllowed
from domain.language import N_, _
from domain.pricing import quoting, rates, words
from domain.pricing.rates import PriceRange, RateCard
from domain.vocabulary import BudgetPeriod, Role, ServiceUnit
from storage.queries import NamedRow
from storage.queries import catalogue as queries
from storage.queries import media as media_queries
from storage.queries.catalogue import UsageWindow

PERIOD_WORDS = {  # shown as _(PERIOD_WORDS[period])
    BudgetPeriod.WEEK: N_("this week"),
    BudgetPeriod.MONTH: N_("this month"),
    BudgetPeriod.QUARTER: N_("this quarter"),
    BudgetPeriod.PLAN: N_("this plan"),
}


@dataclass(frozen=True)
class CatalogueItem:
    """One tile of the catalogue. Amounts of units are in hundredths (150 = 1.5 hours)."""

    approved_service_id: int
    service_id: int
    program_id: int
    name: str
    description: str
    glyph: str
    image_media_id: int | None
    unit: ServiceUnit
    default_duration_minutes: int
    program: str
    prices: PriceRange | None  # None: the agency has no price for it under this program
    period: BudgetPeriod
    period_first: date
    period_last: date
    approved_units: int
    used_units: int
    notes: str

    @property
    def left_units(self) -> int:
        return max(self.approved_units - self.used_units, 0)

    @property
    def rate_cents(self) -> int | None:
        """The lowest rate a visit can be charged (the tile's "from")."""
        return self.prices.lowest if self.prices else None

    @property
    def price_words(self) -> str:
        return words.price_range(self.prices, self.unit)

    @property
    def period_words(self) -> str:
        return _(PERIOD_WORDS[self.period])


def catalogue(actor: Actor, client_id: int) -> tuple[CatalogueItem, ...]:
    """The client's approved services, by name. Clients and carers for their own clients, and staff."""
    if actor.role == Role.WORKER:
        raise NotAllowed()
    access.require_client(actor, client_id)
    with action.reading(actor) as act:
        today = act.today
        rows = queries.approved_services(client_id, today, session=act.session)
        windows = [_window(row, today) for row in rows]
        used = queries.units_used(client_id, windows, session=act.session)
        found = quoting.cards(act, [(row.service_id, row.program_id) for row in rows])
    return tuple(
        _item(row, window, used[window.key], _card(found[(row.service_id, row.program_id)], row))
        for row, window in zip(rows, windows, strict=True)
    )


def _card(card: RateCard, row: NamedRow) -> RateCard:
    return RateCard((), row.approved_rate_cents) if row.approved_rate_cents is not None else card


def item(actor: Actor, client_id: int, approved_service_id: int) -> CatalogueItem:
    """One of the client's approved services; NotAllowed for any other."""
    for found in catalogue(actor, client_id):
        if found.approved_service_id == approved_service_id:
            return found
    raise NotAllowed(_("That service is not one you are approved for."))


def service_image(actor: Actor, service_id: int) -> tuple[bytes, str] | None:
    """A service's picture for the catalogue tiles (what the agency offers is no secret)."""
    # Any signed-in person may look; the route has checked that.
    with action.reading(actor) as act:
        media_id = queries.image_media_id(service_id, session=act.session)
        return media_queries.content(media_id, session=act.session) if media_id else None


def period_bounds(period: BudgetPeriod, today: date, plan: tuple[date, date]) -> tuple[date, date]:
    """The local dates of the budget period containing today (weeks run Monday to Sunday)."""
    if period == BudgetPeriod.WEEK:
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if period == BudgetPeriod.MONTH:
        return today.replace(day=1), _month_end(today.year, today.month)
    if period == BudgetPeriod.QUARTER:
        first_month = 3 * ((today.month - 1) // 3) + 1
        return date(today.year, first_month, 1), _month_end(today.year, first_month + 2)
    return plan


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _window(row: NamedRow, today: date) -> UsageWindow:
    first, last = period_bounds(row.period, today, (row.package_starts_on, row.package_ends_on))
    return UsageWindow(row.id, row.package_id, row.service_id, first, last)


def _item(row: NamedRow, window: UsageWindow, used: int, card: RateCard) -> CatalogueItem:
    return CatalogueItem(
        approved_service_id=row.id,
        service_id=row.service_id,
        program_id=row.program_id,
        name=row.name,
        description=row.description,
        glyph=row.glyph,
        image_media_id=row.image_media_id,
        unit=row.unit,
        default_duration_minutes=row.default_duration_minutes,
        program=row.program,
        prices=rates.price_range(card),
        period=row.period,
        period_first=window.first,
        period_last=window.last,
        approved_units=row.units_per_period,
        used_units=used,
        notes=row.notes,
    )
