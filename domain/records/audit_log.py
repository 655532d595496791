"""The audit log as people use it: recording that a client's record was shown (a page, an API
answer), and the administrator's search by client, person and date."""

from dataclasses import dataclass
from datetime import date, datetime

from domain import action, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import InvalidInput
from domain.people import known_as
from domain.vocabulary import Role
from storage.queries import audit as audit_queries

PAGE_SIZE = 50
MAX_SEARCH = 120


@dataclass(frozen=True)
class AuditLine:
    at: datetime  # the agency's local time
    who: str
    role: str
    email: str
    channel: str  # portal, api
    client_id: int | None
    client: str
    action: str
    record: str  # "client 12", "shift 4031"
    detail: str


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    page: int
    more: bool


def viewed(actor: Actor, client_id: int, what: str) -> None:
    """`actor` was shown client `client_id`'s record (`what`: the page or API route). Nothing is
    written for a refusal: the caller records only what was shown."""
    if not access.may_act_for_client(actor, client_id):
        return
    with action.writing(actor) as act:
        act.audit("view", "client", client_id, what[:200])


def search(
    actor: Actor,
    *,
    client: str = "",
    person: str = "",
    first: str = "",
    last: str = "",
    page: int = 0,
) -> AuditPage:
    """Administrators only: the log, newest first, narrowed by client, person and local dates
    (`first` and `last` as typed, "2026-11-27"; empty for no bound)."""
    access.require_role(actor, Role.ADMIN)
    client, person = (client or "").strip(), (person or "").strip()
    problems: dict[str, str] = {}
    first_day, last_day = _day(first, "first", problems), _day(last, "last", problems)
    if len(client) > MAX_SEARCH:
        problems["client"] = f"Please search with at most {MAX_SEARCH} characters."
    if len(person) > MAX_SEARCH:
        problems["person"] = f"Please search with at most {MAX_SEARCH} characters."
    if first_day is not None and last_day is not None and last_day < first_day:
        problems["last"] = "The last day is before the first day."
    if page < 0 or page > 100_000:
        problems["page"] = "There is no such page."
    if problems:
        raise InvalidInput(problems)
    with action.reading(actor) as act:
        since = act.day_bounds(first_day)[0] if first_day is not None else None
        until = act.day_bounds(last_day)[1] if last_day is not None else None
        rows = audit_queries.search(
            client=client,
            person=person,
            since=since,
            until=until,
            offset=page * PAGE_SIZE,
            limit=PAGE_SIZE + 1,
            session=act.session,
        )
        lines = tuple(
            AuditLine(
                at=act.local(row.AuditEvent.at),
                who=row.AuditEvent.actor_name or ("the portal" if row.AuditEvent.account_id is None else "?"),
                role=row.AuditEvent.actor_role,
                email=row.actor_email or "",
                channel=row.AuditEvent.channel,
                client_id=row.AuditEvent.client_id,
                client=(
                    known_as(row.client_preferred_name, row.client_first_name, row.client_last_name)
                    if row.client_last_name
                    else ""
                ),
                action=row.AuditEvent.action,
                record=f"{row.AuditEvent.entity} {row.AuditEvent.entity_id or ''}".strip(),
                detail=row.AuditEvent.detail,
            )
            for row in rows[:PAGE_SIZE]
        )
    return AuditPage(lines, page, len(rows) > PAGE_SIZE)


def _day(value: str | None, field: str, problems: dict[str, str]) -> date | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return validation.day(text)
    except ValueError as error:
        problems[field] = str(error)
        return None
