"""What the agency always requires of the workers a client may be offered (DESIGN §3.1 point 1),
level by level and in plain words: Global, the client's Program, the Client, and each of the
client's services (Client-Service). Read-only for clients: the agency sets these. With the client's
own preferences they make the merged requirements every search uses, so the booking page and the
Preferences page show the same thing, and the provider card's "nice to haves met" counts these."""

from dataclasses import dataclass

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.booking.preferences import GROUPS
from domain.errors import NotAllowed
from domain.language import _
from domain.vocabulary import RequirementLevel, Role
from storage.queries import NamedRow
from storage.queries import preferences as queries


@dataclass(frozen=True)
class Need:
    name: str
    group: str
    mandatory: bool
    weight: int  # how much a nice to have counts (1 unless the agency says more)


@dataclass(frozen=True)
class Level:
    level: RequirementLevel
    title: str  # in plain words: "Every worker of the agency", "For Personal care"
    needs: tuple[Need, ...]
    service_id: int | None = None  # a Client-Service level's service


@dataclass(frozen=True)
class AgencyRequirements:
    levels: tuple[Level, ...]

    def for_service(self, service_id: int | None) -> tuple[Level, ...]:
        """Every level, with only this service's Client-Service level (all of them when None)."""
        return tuple(
            level
            for level in self.levels
            if service_id is None or level.service_id is None or level.service_id == service_id
        )


def agency_requirements(actor: Actor, client_id: int) -> AgencyRequirements:
    if actor.role == Role.WORKER:
        raise NotAllowed()
    access.require_client(actor, client_id)
    with action.reading(actor) as act:
        rows = queries.agency_requirements(client_id, session=act.session)
        services = queries.services(client_id, session=act.session)
    levels = [
        Level(
            RequirementLevel.GLOBAL, _("Every worker of the agency"), _needs(rows, RequirementLevel.GLOBAL)
        ),
        _programs(rows),
        Level(
            RequirementLevel.CLIENT, _("Every worker who visits you"), _needs(rows, RequirementLevel.CLIENT)
        ),
    ]
    for service in services:
        needs = tuple(
            _need(r)
            for r in rows
            if r.level == RequirementLevel.CLIENT_SERVICE and r.service_id == service.id
        )
        title = _("For {service}").format(service=service.name)
        levels.append(Level(RequirementLevel.CLIENT_SERVICE, title, needs, service.id))
    return AgencyRequirements(tuple(levels))


def _programs(rows: list[NamedRow]) -> Level:
    names = sorted({r.program for r in rows if r.level == RequirementLevel.PROGRAM})
    title = _("Your program ({programs})").format(programs=", ".join(names)) if names else _("Your program")
    return Level(RequirementLevel.PROGRAM, title, _needs(rows, RequirementLevel.PROGRAM))


def _needs(rows: list[NamedRow], level: RequirementLevel) -> tuple[Need, ...]:
    return tuple(_need(row) for row in rows if row.level == level)


def _need(row: NamedRow) -> Need:
    if row.competency is not None:
        return Need(row.competency, _(GROUPS[row.competency_kind]), row.mandatory, row.weight)
    return Need(row.characteristic, _(GROUPS[row.characteristic_kind]), row.mandatory, row.weight)
