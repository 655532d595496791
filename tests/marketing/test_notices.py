"""The e-mail "There is news from your agency": queued through the outbox once the item shows, to
each person of its audience with an e-mail address (clients and their carers), once per person per
item, however often the job runs. On SQLite and PostgreSQL."""

from dataclasses import replace
from datetime import UTC, datetime
from email.utils import getaddresses

from domain import clock
from domain.marketing import items, notices
from tests.marketing.support import client_number, link_item, new_group
from tests.support.personas import Personas
from tests.support.records import outbox


def recipients() -> list[str]:
    return sorted(
        address
        for message in outbox("news_from_agency")
        for _, address in getaddresses([message.to_address or ""])
    )


def test_the_audience_is_told_once_when_the_item_shows(personas: Personas) -> None:
    margaret, thanh = personas.client.client_id, personas.cared_for("Thanh")
    assert margaret
    group = new_group("Gardening club", margaret)
    item_id = link_item(
        personas.admin,
        "Garden visit",
        groups=(group,),
        clients=(client_number(thanh),),
        starts=datetime(2026, 11, 28, 9, 0),  # tomorrow
    )
    draft, _ = items.draft_of(personas.admin, item_id)
    items.save(personas.admin, item_id, replace(draft, notify_by_email=True))
    assert notices.send_due() == 0  # not showing yet
    clock.freeze(datetime(2026, 11, 28, 0, 0, tzinfo=UTC))  # 11:00 on the 28th in Sydney: showing
    # Margaret, and her carers Daniel and Sophie (Sophie may only view: news is for viewing)
    told = ["daniel@example.com", "margaret@example.com", "sophie@example.com"]
    assert notices.send_due() == 3
    assert recipients() == told
    assert notices.send_due() == 0
    assert recipients() == told
    [message] = [m for m in outbox("news_from_agency") if m.to_address == "margaret@example.com"]
    assert "There is news from" in message.subject
    assert "Garden visit" in message.body_text


def test_no_e_mail_unless_the_item_asks_for_it(personas: Personas) -> None:
    link_item(personas.admin, "Quiet news", everyone=True)
    assert notices.send_due() == 0
    assert recipients() == []
