"""Marketing items and their audiences. Who an item is for is decided in SQL, in one statement, so
a client moved out of a group stops seeing its items with the next query: nothing is copied per
client, nothing loops over clients."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Row, and_, delete, exists, false, func, or_, select, true, union
from sqlalchemy.orm import Session

from domain.vocabulary import NewsState, Role
from storage.models import (
    Account,
    CarerLink,
    Client,
    MarketingAudience,
    MarketingGroup,
    MarketingItem,
    MarketingNotice,
    MarketingView,
    client_marketing_group,
)

member = client_marketing_group.c

CARD_COLUMNS = (
    MarketingItem.id,
    MarketingItem.title,
    MarketingItem.description,
    MarketingItem.media_kind,
    MarketingItem.media_path,
    MarketingItem.poster_path,
    MarketingItem.captions_path,
    MarketingItem.link_url,
    MarketingItem.publish_from,
)


def showing(now: datetime) -> ColumnElement[bool]:
    """Scheduled, and `now` inside its window: from its start (included) to its end (excluded)."""
    return and_(
        MarketingItem.state == NewsState.SCHEDULED,
        MarketingItem.publish_from <= now,
        or_(MarketingItem.publish_until.is_(None), MarketingItem.publish_until > now),
    )


def for_any_of(client_ids: Sequence[int]) -> ColumnElement[bool]:
    """The item is for everyone, names one of these clients, or a group one of them is in now."""
    if not client_ids:
        return false()
    named_or_member = (
        select(1)
        .select_from(MarketingAudience)
        .outerjoin(
            client_marketing_group,
            and_(member.group_id == MarketingAudience.group_id, member.client_id.in_(client_ids)),
        )
        .where(
            MarketingAudience.item_id == MarketingItem.id,
            or_(MarketingAudience.client_id.in_(client_ids), member.client_id.is_not(None)),
        )
    )
    return or_(MarketingItem.to_everyone == true(), exists(named_or_member))


def feed(client_id: int, account_id: int, now: datetime, *, session: Session) -> Sequence[Row]:
    """The items this client sees now, newest first, each with whether this person opened it."""
    opened = exists(
        select(1).where(
            MarketingView.item_id == MarketingItem.id,
            MarketingView.client_id == client_id,
            MarketingView.account_id == account_id,
        )
    )
    query = (
        select(*CARD_COLUMNS, opened.label("opened"))
        .where(showing(now), for_any_of([client_id]))
        .order_by(MarketingItem.publish_from.desc(), MarketingItem.id.desc())
    )
    return session.execute(query).all()


def visible_item(
    item_id: int, client_ids: Sequence[int], now: datetime, *, session: Session
) -> MarketingItem | None:
    """The item, when one of these clients sees it now."""
    query = select(MarketingItem).where(MarketingItem.id == item_id, showing(now), for_any_of(client_ids))
    return session.scalar(query)


def item(item_id: int, *, session: Session, for_update: bool = False) -> MarketingItem | None:
    query = select(MarketingItem).where(MarketingItem.id == item_id)
    return session.scalar(query.with_for_update() if for_update else query)


def all_items(*, session: Session) -> Sequence[MarketingItem]:
    return session.scalars(select(MarketingItem).order_by(MarketingItem.publish_from.desc())).all()


def audience_of(item_id: int, *, session: Session) -> tuple[list[int], list[int]]:
    """(group ids, client ids) an item names."""
    rows = session.execute(
        select(MarketingAudience.group_id, MarketingAudience.client_id).where(
            MarketingAudience.item_id == item_id
        )
    ).all()
    return [g for g, _ in rows if g is not None], [c for _, c in rows if c is not None]


def replace_audience(
    item_id: int, group_ids: Sequence[int], client_ids: Sequence[int], *, session: Session
) -> None:
    session.execute(delete(MarketingAudience).where(MarketingAudience.item_id == item_id))
    session.add_all(MarketingAudience(item_id=item_id, group_id=g) for g in group_ids)
    session.add_all(MarketingAudience(item_id=item_id, client_id=c) for c in client_ids)


def groups(*, session: Session) -> list[tuple[int, str]]:
    return [(g.id, g.name) for g in session.scalars(select(MarketingGroup).order_by(MarketingGroup.name))]


def clients_by_number(numbers: Sequence[str], *, session: Session) -> dict[str, int]:
    rows = session.execute(select(Client.client_number, Client.id).where(Client.client_number.in_(numbers)))
    return {number: client_id for number, client_id in rows}


def client_numbers(client_ids: Sequence[int], *, session: Session) -> list[str]:
    return list(session.scalars(select(Client.client_number).where(Client.id.in_(client_ids))))


def audience_clients(item: MarketingItem) -> ColumnElement[bool]:
    """A condition on Client: this client is in the item's audience now (one subquery)."""
    if item.to_everyone:
        return Client.active == true()
    named = select(MarketingAudience.client_id).where(
        MarketingAudience.item_id == item.id, MarketingAudience.client_id.is_not(None)
    )
    grouped = (
        select(member.client_id)
        .join(MarketingAudience, MarketingAudience.group_id == member.group_id)
        .where(MarketingAudience.item_id == item.id)
    )
    return and_(Client.active == true(), Client.id.in_(union(named, grouped)))


def audience_size(item: MarketingItem, *, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Client).where(audience_clients(item))) or 0


def views(item_id: int, *, session: Session) -> Sequence[Row]:
    """Who opened the item, for which client, first and last time, how often; latest first."""
    query = (
        select(
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            Account.display_name,
            Account.role,
            MarketingView.first_opened_at,
            MarketingView.last_opened_at,
            MarketingView.opens,
        )
        .join(Client, Client.id == MarketingView.client_id)
        .join(Account, Account.id == MarketingView.account_id)
        .where(MarketingView.item_id == item_id)
        .order_by(MarketingView.last_opened_at.desc())
    )
    return session.execute(query).all()


def view_counts(*, session: Session) -> dict[int, int]:
    """For each item, how many clients opened it."""
    query = select(MarketingView.item_id, func.count(func.distinct(MarketingView.client_id))).group_by(
        MarketingView.item_id
    )
    return {item_id: count for item_id, count in session.execute(query)}


def record_view(item_id: int, client_id: int, account_id: int, now: datetime, *, session: Session) -> None:
    found = session.scalar(
        select(MarketingView)
        .where(
            MarketingView.item_id == item_id,
            MarketingView.client_id == client_id,
            MarketingView.account_id == account_id,
        )
        .with_for_update()
    )
    if found is None:
        session.add(
            MarketingView(
                item_id=item_id,
                client_id=client_id,
                account_id=account_id,
                first_opened_at=now,
                last_opened_at=now,
            )
        )
    else:
        found.last_opened_at, found.opens = now, found.opens + 1


def due_for_notice(now: datetime, *, session: Session) -> Sequence[MarketingItem]:
    return session.scalars(
        select(MarketingItem)
        .where(showing(now), MarketingItem.notify_by_email == true())
        .order_by(MarketingItem.id)
    ).all()


def not_yet_told(item: MarketingItem, *, session: Session) -> Sequence[Row]:
    """The accounts of the item's audience (clients, and the carers of its clients) with an e-mail
    address that have not been told of it yet: one statement, whatever the audience's size."""
    in_audience = select(Client.id).where(audience_clients(item))
    carer_of_audience = exists(
        select(1).where(CarerLink.account_id == Account.id, CarerLink.client_id.in_(in_audience))
    )
    told = exists(
        select(1).where(MarketingNotice.item_id == item.id, MarketingNotice.account_id == Account.id)
    )
    query = select(Account.id, Account.email, Account.display_name).where(
        Account.active == true(),
        Account.email != "",
        or_(
            and_(Account.role == Role.CLIENT, Account.client_id.in_(in_audience)),
            and_(Account.role == Role.CARER, carer_of_audience),
        ),
        ~told,
    )
    return session.execute(query.order_by(Account.id)).all()


def mark_told(item_id: int, account_ids: Sequence[int], now: datetime, *, session: Session) -> None:
    session.add_all(MarketingNotice(item_id=item_id, account_id=a, queued_at=now) for a in account_ids)
