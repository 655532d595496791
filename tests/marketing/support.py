"""Marketing groups and items for the tests: a group of the test's own, membership changed the way
the back office will change it, and an item published to an audience."""

from datetime import datetime

from sqlalchemy import delete, insert, select

from domain.accounts.access import Actor
from domain.marketing import items
from domain.marketing.items import ItemDraft
from domain.vocabulary import MediaKind
from storage import db
from storage.models import Client, MarketingGroup, client_marketing_group

START = datetime(2026, 11, 27, 9, 0)  # agency wall time; the frozen clock is 11:00 that day in Sydney


def new_group(name: str, *client_ids: int) -> int:
    with db.write() as session:
        group = MarketingGroup(name=name)
        session.add(group)
        session.flush()
        if client_ids:
            session.execute(
                insert(client_marketing_group), [{"client_id": c, "group_id": group.id} for c in client_ids]
            )
        return group.id


def leave_group(client_id: int, group_id: int) -> None:
    with db.write() as session:
        session.execute(
            delete(client_marketing_group).where(
                client_marketing_group.c.client_id == client_id, client_marketing_group.c.group_id == group_id
            )
        )


def client_number(client_id: int) -> str:
    with db.read() as session:
        number = session.scalar(select(Client.client_number).where(Client.id == client_id))
        assert number is not None
        return number


def link_item(
    admin: Actor,
    title: str,
    *,
    starts: datetime = START,
    ends: datetime | None = None,
    groups: tuple[int, ...] = (),
    clients: tuple[str, ...] = (),
    everyone: bool = False,
    schedule: bool = True,
) -> int:
    draft = ItemDraft(
        title=title,
        description="",
        kind=MediaKind.WEB_LINK,
        starts=starts,
        ends=ends,
        link_url="https://www.health.gov.au/",
        to_everyone=everyone,
        group_ids=groups,
        client_numbers=clients,
    )
    item_id = items.save(admin, None, draft)
    if schedule:
        items.schedule(admin, item_id)
    return item_id
