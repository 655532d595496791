"""One visit, one price: a Sunday visit and a public-holiday visit (Christmas Day) show the same
bill rate on the service tile, the provider card, the booking summary and confirmation, the
calendar and the services table, the confirmation e-mail and the statement. The expected rate is
worked out here from the rate rows themselves, not by asking the pricing module. Both databases."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from components import catalogue_grid
from domain import clock, money
from domain.accounts import auth
from domain.booking import answers, catalogue, requests
from domain.pricing import words
from domain.signoff import approval, billing
from domain.statements import reading, wording
from domain.statements.reading import StatementRequest
from domain.visits import views
from domain.visits.views import CalendarView, Tab
from domain.vocabulary import ShiftStatus, TimeBand
from storage import db
from storage.models import Account, Offer, ServiceRate, Shift, Worker
from tests.support.personas import Personas
from tests.support.records import outbox

SYDNEY = ZoneInfo("Australia/Sydney")
SUNDAY = date(2026, 12, 6)
CHRISTMAS = date(2026, 12, 25)  # a Friday, and a public holiday in NSW


@dataclass(frozen=True)
class Visit:
    day: date
    band: TimeBand


VISITS = [Visit(SUNDAY, TimeBand.SUNDAY), Visit(CHRISTMAS, TimeBand.PUBLIC_HOLIDAY)]


def rate_rows(service_id: int, program_id: int, band: TimeBand) -> dict[int, int]:
    """charge level -> cents of the band's rows, straight from the table."""
    with db.read() as session:
        rows = session.execute(
            select(ServiceRate.charge_level, ServiceRate.rate_cents).where(
                ServiceRate.service_id == service_id,
                ServiceRate.program_id == program_id,
                ServiceRate.time_band == band,
            )
        )
        return {level: cents for level, cents in rows}


def expected(service_id: int, program_id: int, band: TimeBand, worker_id: int) -> int:
    with db.read() as session:
        level = session.scalar(select(Worker.charge_level).where(Worker.id == worker_id))
    found = rate_rows(service_id, program_id, band)
    return found.get(level, found.get(0, min(found.values()))) if level is not None else found[0]


def worker_with_account(ids: list[int]) -> tuple[int, int]:
    """The best-suited listed worker who can sign in (to accept the offer): (worker id, account id)."""
    with db.read() as session:
        accounts = dict(
            session.execute(select(Account.worker_id, Account.id).where(Account.worker_id.in_(ids))).all()
        )
    worker_id = next(i for i in ids if i in accounts)
    return worker_id, accounts[worker_id]


@pytest.mark.parametrize("visit", VISITS, ids=["sunday", "public-holiday"])
def test_the_same_visit_shows_the_same_rate_on_every_surface(personas: Personas, visit: Visit) -> None:
    margaret = personas.client
    client_id = margaret.client_id
    item = catalogue.catalogue(margaret, client_id)[0]
    wanted = requests.Wanted(
        client_id=client_id,
        approved_service_id=item.approved_service_id,
        first_date=visit.day,
        start_time=time(10),
        duration_minutes=60,
    )
    band_rates = rate_rows(item.service_id, item.program_id, visit.band)
    assert band_rates, "the demo agency prices every band"

    # The booking summary, before any worker is chosen.
    [occurrence] = requests.check(margaret, wanted)
    assert occurrence.rate_cents == band_rates.get(0, min(band_rates.values()))

    # The service tile: "from" the lowest rate, and this visit's rate within its range.
    assert item.prices is not None
    assert item.prices.lowest <= occurrence.rate_cents <= item.prices.highest
    assert catalogue_grid.price(item) == f"from {money.dollars(item.prices.lowest)} an hour"
    if visit.band == TimeBand.PUBLIC_HOLIDAY:  # the dearest band: the top of the tile's range
        assert item.prices.highest == max(band_rates.values())

    # The provider card: this booking with this worker.
    listed = [p.provider.worker_id for p in requests.providers(margaret, wanted).providers]
    worker_id, account_id = worker_with_account(listed)
    rate = expected(item.service_id, item.program_id, visit.band, worker_id)
    said = words.rate(rate, item.unit)
    assert requests.prices(margaret, wanted, [worker_id]) == {worker_id: said}

    # The confirmation, and the rate stored on the visit.
    booked = requests.nominate(margaret, wanted, worker_id)
    assert booked.price == said
    assert booked.rates == (rate,)
    with db.read() as session:
        shift = session.scalars(select(Shift).where(Shift.booking_id == booked.booking_id)).one()
    assert shift.bill_rate_cents == rate

    # The calendar and the services table.
    month = views.calendar(margaret, client_id, CalendarView.MONTH, visit.day)
    [on_calendar] = [line for line in month.lines if line.shift_id == shift.id]
    assert on_calendar.rate == said
    table = views.services(margaret, client_id, Tab.REQUESTS)
    [in_table] = [line for line in table.rows.lines if line.shift_id == shift.id]
    assert in_table.rate == said

    # The confirmation e-mail, once the worker accepts.
    worker = auth.load_actor(account_id)
    assert worker is not None
    with db.read() as session:
        offer_id = session.scalars(select(Offer.id).where(Offer.booking_id == booked.booking_id)).one()
    answers.accept(worker, offer_id)
    [confirmed] = outbox("booking_confirmed_client")
    assert said in confirmed.body_text
    assert said in (confirmed.body_html or "")

    # The statement, once the visit is done, approved and billed.
    ends = datetime.combine(visit.day, time(11), SYDNEY).astimezone(UTC)
    clock.freeze(ends + timedelta(days=1))
    with db.write() as session:
        session.execute(
            update(Shift).where(Shift.id == shift.id).values(status=ShiftStatus.COMPLETED, completed_at=ends)
        )
    approval.approve(margaret, shift.id)
    assert billing.bill_approved_shifts() >= 1
    view = reading.open_statement(margaret, client_id, StatementRequest(month=visit.day.strftime("%Y-%m")))
    assert view.statement is not None
    [line] = [x for x in view.statement.services if x.shift_id == shift.id]
    assert line.rate == rate
    table_rows = wording.services(view.statement).rows
    assert any(money.dollars(rate) in row.cells for row in table_rows)


def test_where_the_agency_prices_by_level_each_card_says_its_workers_price_and_the_visit_keeps_it(
    personas: Personas,
) -> None:
    from domain.pricing import sheet

    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    sheet.save(
        personas.admin,
        item.service_id,
        item.program_id,
        {"weekday-1": "60.00", "weekday-2": "66.00", "sunday-1": "108.00", "sunday-2": "118.80"},
    )
    wanted = requests.Wanted(
        client_id=margaret.client_id,
        approved_service_id=item.approved_service_id,
        first_date=SUNDAY,
        start_time=time(10),
        duration_minutes=60,
    )
    listed = [p.provider.worker_id for p in requests.providers(margaret, wanted).providers]
    assert len(listed) >= 2
    first, second = listed[:2]
    with db.write() as session:
        session.execute(update(Worker).where(Worker.id == first).values(charge_level=1))
        session.execute(update(Worker).where(Worker.id == second).values(charge_level=2))
    prices = requests.prices(margaret, wanted, [first, second])
    assert prices == {first: "$108.00 an hour", second: "$118.80 an hour"}
    assert catalogue_grid.price(catalogue.item(margaret, margaret.client_id, item.approved_service_id)) == (
        "from $60.00 an hour"
    )
    booked = requests.nominate(margaret, wanted, second)
    assert booked.price == prices[second]
    assert booked.rates == (11_880,)
