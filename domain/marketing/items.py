"""Staff write, preview, schedule and withdraw marketing items, and see each item's reach. Only
administrators and staff with the "communications" permission may."""

from dataclasses import dataclass
from datetime import datetime

from adapters import media_store
from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.marketing import rules
from domain.people import known_as
from domain.vocabulary import MediaKind, NewsState
from storage.models import MarketingItem
from storage.queries import marketing as queries

STATE_NAMES = {NewsState.DRAFT: "Draft", NewsState.SCHEDULED: "Scheduled", NewsState.WITHDRAWN: "Withdrawn"}
MAX_TITLE, MAX_DESCRIPTION = 200, 2000


@dataclass(frozen=True)
class ItemDraft:
    """What the staff form holds. Times are local wall times in the agency's zone."""

    title: str
    description: str
    kind: MediaKind
    starts: datetime
    ends: datetime | None = None
    link_url: str = ""
    media_path: str = ""  # a name the upload route returned
    poster_path: str = ""
    captions_path: str = ""
    to_everyone: bool = False
    group_ids: tuple[int, ...] = ()
    client_numbers: tuple[str, ...] = ()
    notify_by_email: bool = False


@dataclass(frozen=True)
class ItemLine:
    item_id: int
    title: str
    kind: str
    state: str
    starts: datetime  # local
    ends: datetime | None
    showing: bool
    opened: int


@dataclass(frozen=True)
class Opening:
    client: str
    by: str  # who opened it: the client, or a carer for them
    first: datetime  # local
    last: datetime
    opens: int


@dataclass(frozen=True)
class Reach:
    item_id: int
    title: str
    audience: int  # clients the item is for now
    opened: int  # of those who ever opened it, clients counted once
    openings: tuple[Opening, ...]


@dataclass(frozen=True)
class Choices:
    groups: tuple[tuple[int, str], ...]


def require_publisher(actor: Actor) -> None:
    if not access.may_publish(actor):
        raise NotAllowed("Only administrators and staff with the communications permission can publish news.")


def choices(actor: Actor) -> Choices:
    require_publisher(actor)
    with action.reading(actor) as act:
        return Choices(tuple(queries.groups(session=act.session)))


def listing(actor: Actor) -> tuple[ItemLine, ...]:
    require_publisher(actor)
    with action.reading(actor) as act:
        counts = queries.view_counts(session=act.session)
        return tuple(
            _line(act, item, counts.get(item.id, 0)) for item in queries.all_items(session=act.session)
        )


def draft_of(actor: Actor, item_id: int) -> tuple[ItemDraft, NewsState]:
    """An item as its form shows it, and its state."""
    require_publisher(actor)
    with action.reading(actor) as act:
        item = _item(act, item_id)
        group_ids, client_ids = queries.audience_of(item.id, session=act.session)
        numbers = queries.client_numbers(client_ids, session=act.session)
        draft = ItemDraft(
            title=item.title,
            description=item.description,
            kind=item.media_kind,
            starts=_wall(act, item.publish_from),
            ends=None if item.publish_until is None else _wall(act, item.publish_until),
            link_url=item.link_url or "",
            media_path=item.media_path or "",
            poster_path=item.poster_path or "",
            captions_path=item.captions_path or "",
            to_everyone=item.to_everyone,
            group_ids=tuple(group_ids),
            client_numbers=tuple(sorted(numbers)),
            notify_by_email=item.notify_by_email,
        )
        return draft, item.state


def save(actor: Actor, item_id: int | None, draft: ItemDraft) -> int:
    """Create (item_id None) or change an item; a new item is a draft until it is scheduled."""
    require_publisher(actor)
    with action.writing(actor) as act:
        client_ids = _checked(act, draft)
        starts, ends = rules.window(draft.starts, draft.ends, act.zone)
        item = MarketingItem(created_at=act.now, created_by_account_id=act.account_id, state=NewsState.DRAFT)
        if item_id is not None:
            item = _item(act, item_id, for_update=True)
        item.title, item.description, item.media_kind = (
            draft.title.strip(),
            draft.description.strip(),
            draft.kind,
        )
        item.publish_from, item.publish_until, item.updated_at = starts, ends, act.now
        _set_media(item, draft)
        item.to_everyone, item.notify_by_email = draft.to_everyone, draft.notify_by_email
        act.session.add(item)
        act.session.flush()
        queries.replace_audience(item.id, draft.group_ids, client_ids, session=act.session)
        act.audit("create" if item_id is None else "update", "marketing_item", item.id)
        return item.id


def schedule(actor: Actor, item_id: int) -> None:
    """Publish within its window: shown from its start to its end."""
    _set_state(actor, item_id, NewsState.SCHEDULED, "schedule")


def withdraw(actor: Actor, item_id: int) -> None:
    """Stop showing the item at once (it can be scheduled again)."""
    _set_state(actor, item_id, NewsState.WITHDRAWN, "withdraw")


def reach(actor: Actor, item_id: int) -> Reach:
    require_publisher(actor)
    with action.reading(actor) as act:
        item = _item(act, item_id)
        rows = queries.views(item.id, session=act.session)
        openings = tuple(
            Opening(
                client=known_as(row.preferred_name, row.first_name, row.last_name),
                by=row.display_name,
                first=act.local(row.first_opened_at),
                last=act.local(row.last_opened_at),
                opens=row.opens,
            )
            for row in rows
        )
        opened = len({opening.client for opening in openings})
        return Reach(item.id, item.title, queries.audience_size(item, session=act.session), opened, openings)


def _set_state(actor: Actor, item_id: int, state: NewsState, what: str) -> None:
    require_publisher(actor)
    with action.writing(actor) as act:
        item = _item(act, item_id, for_update=True)
        item.state, item.updated_at = state, act.now
        act.audit(what, "marketing_item", item.id)


def _item(act: Action, item_id: int, *, for_update: bool = False) -> MarketingItem:
    item = queries.item(item_id, session=act.session, for_update=for_update)
    if item is None:
        raise NotFound("That item no longer exists.")
    return item


def _line(act: Action, item: MarketingItem, opened: int) -> ItemLine:
    showing = item.state == NewsState.SCHEDULED and rules.is_showing(
        item.publish_from, item.publish_until, act.now
    )
    return ItemLine(
        item_id=item.id,
        title=item.title,
        kind=rules.KIND_NAMES[item.media_kind],
        state=STATE_NAMES[item.state],
        starts=act.local(item.publish_from),
        ends=None if item.publish_until is None else act.local(item.publish_until),
        showing=showing,
        opened=opened,
    )


def _wall(act: Action, moment: datetime) -> datetime:
    return act.local(moment).replace(tzinfo=None)


def _set_media(item: MarketingItem, draft: ItemDraft) -> None:
    has_file = draft.kind in rules.FILE_TYPES
    item.media_path = draft.media_path if has_file else None
    item.media_type = media_store.content_type_of(draft.media_path) if has_file else None
    item.link_url = draft.link_url.strip() if not has_file else None
    item.poster_path = draft.poster_path or None
    item.captions_path = (
        draft.captions_path if draft.kind == MediaKind.VIDEO_FILE and draft.captions_path else None
    )


def _checked(act: Action, draft: ItemDraft) -> list[int]:
    """Every field's problem at once, or the ids of the named clients."""
    problems: dict[str, str] = {}
    if not draft.title.strip():
        problems["title"] = "Please give the item a title."
    elif len(draft.title.strip()) > MAX_TITLE:
        problems["title"] = f"Please keep the title under {MAX_TITLE} characters."
    if len(draft.description.strip()) > MAX_DESCRIPTION:
        problems["description"] = f"Please keep the description under {MAX_DESCRIPTION} characters."
    problems |= _media_problems(draft)
    if draft.ends is not None and draft.ends <= draft.starts:
        problems["ends"] = "The end must be after the start."
    numbers = tuple(dict.fromkeys(n.strip().upper() for n in draft.client_numbers if n.strip()))
    found = queries.clients_by_number(numbers, session=act.session) if numbers else {}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        problems["clients"] = f"No client has the number {', '.join(unknown)}."
    known_groups = {group_id for group_id, _ in queries.groups(session=act.session)}
    if any(group_id not in known_groups for group_id in draft.group_ids):
        problems["groups"] = "One of those groups no longer exists. Please choose again."
    if not (draft.to_everyone or draft.group_ids or numbers):
        problems["audience"] = "Please choose who sees it: everyone, one or more groups, or named clients."
    if problems:
        raise InvalidInput(problems)
    return [found[n] for n in numbers]


def _media_problems(draft: ItemDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    wanted = rules.FILE_TYPES.get(draft.kind)
    if wanted is not None and not _stored(draft.media_path, wanted):
        problems["media"] = f"Please upload the {rules.KIND_NAMES[draft.kind].lower()} first."
    if draft.kind == MediaKind.VIDEO_LINK and rules.embed_url(draft.link_url) is None:
        problems["link_url"] = "Please paste a YouTube or Vimeo video address, e.g. https://youtu.be/…"
    if draft.kind == MediaKind.WEB_LINK and not rules.is_web_link(draft.link_url):
        problems["link_url"] = "Please enter a web address starting with https://"
    if draft.poster_path and not _stored(draft.poster_path, rules.IMAGE_TYPES):
        problems["poster"] = "The poster picture is missing. Please upload it again."
    if draft.captions_path and not _stored(draft.captions_path, frozenset({media_store.VTT})):
        problems["captions"] = "The captions file is missing. Please upload it again."
    return problems


def _stored(name: str, wanted: frozenset[str]) -> bool:
    try:
        return media_store.path_of(name) is not None and media_store.content_type_of(name) in wanted
    except KeyError:
        return False
