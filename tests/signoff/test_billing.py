"""The daily billing job: approved shifts billed with their ledger entry, each exactly once."""

import threading

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from domain import clock
from domain.signoff import billing
from domain.statements import ledger
from domain.vocabulary import BillTo, LedgerKind, ShiftStatus
from storage import db
from storage.models import Shift
from tests.support.records import ledger_entries, shift


def approved_ids() -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Shift.id).where(Shift.status == ShiftStatus.APPROVED)))


def service_charges_per_shift() -> dict[int, int]:
    charges: dict[int, int] = {}
    for entry in ledger_entries(kind=LedgerKind.SERVICE):
        if entry.shift_id is not None:
            charges[entry.shift_id] = charges.get(entry.shift_id, 0) + 1
    return charges


def test_approved_shifts_are_billed_with_their_ledger_entry(demo_db: str) -> None:
    approved = approved_ids()
    assert len(approved) > 10
    assert billing.bill_approved_shifts() == len(approved)
    for shift_id in approved[:5]:
        done = shift(shift_id)
        assert (done.status, done.billed_at) == (ShiftStatus.BILLED, clock.now())
        [entry] = ledger_entries(shift_id, LedgerKind.SERVICE)
        cost = ledger.charge(done.bill_units, done.bill_rate_cents, 0)
        assert entry.subsidy_cents + entry.contribution_cents == cost.price
        assert entry.amount_cents == -entry.subsidy_cents
        assert entry.entry_date == done.occurrence_date


def test_running_the_job_twice_bills_each_shift_once(demo_db: str) -> None:
    approved = approved_ids()
    billing.bill_approved_shifts()
    assert billing.bill_approved_shifts() == 0
    charges = service_charges_per_shift()
    assert all(charges[shift_id] == 1 for shift_id in approved)


def test_two_jobs_running_at_once_bill_each_shift_once(demo_db: str) -> None:
    approved = approved_ids()
    billed: list[int] = []
    errors: list[Exception] = []

    def run() -> None:
        try:
            billed.append(billing.bill_approved_shifts())
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(billed) == len(approved)
    charges = service_charges_per_shift()
    assert all(charges[shift_id] == 1 for shift_id in approved)


def test_the_ledger_refuses_a_second_charge_for_one_shift(demo_db: str) -> None:
    [shift_id, *_] = approved_ids()
    billing.bill_approved_shifts()
    [entry] = ledger_entries(shift_id, LedgerKind.SERVICE)
    with pytest.raises(IntegrityError), db.write() as session:
        ledger.post(
            session,
            ledger.service_entry(
                package_id=entry.package_id,
                shift_id=shift_id,
                day=entry.entry_date,
                description="again",
                units=100,
                rate_cents=100,
                contribution_pct=0,
                ndis_category=None,
                created_at=clock.now(),
            ),
        )


def test_work_billed_to_the_client_draws_nothing_from_the_package(demo_db: str) -> None:
    [shift_id, *_] = approved_ids()
    with db.write() as session:
        session.execute(update(Shift).where(Shift.id == shift_id).values(bill_to=BillTo.PRIVATE))
    billing.bill_approved_shifts()
    assert shift(shift_id).status == ShiftStatus.BILLED
    assert ledger_entries(shift_id) == []
    with db.read() as session:
        assert session.scalar(select(func.count()).where(Shift.status == ShiftStatus.APPROVED)) == 0
