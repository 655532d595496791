"""The merged requirements, read-only and in plain words, shared by the Preferences page and booking
step 4: the client's own wishes, then what the agency always requires at each level (Global,
Program, Client, Client-Service). Each provider card's "Nice to haves met: n of m" counts the nice to
haves listed here, so the two always agree."""

from collections.abc import Sequence

from nicegui import ui

from domain.booking.agency_requirements import AgencyRequirements, Level, Need
from domain.booking.preferences import NamedWish

from .text import Text, heading, paragraph

EXPLAINED = (
    "A worker must have everything marked “must have”. The nice to haves put the workers who have them "
    "first: each worker's card says how many of the nice to haves below (yours and the agency's) they meet."
)


def create(
    agency: AgencyRequirements,
    wishes: Sequence[NamedWish] | None = None,  # None: an editor above shows the client's own
    *,
    service_id: int | None = None,  # booking one service: only its Client-Service level
    level: int = 2,
) -> None:
    with ui.element("section").classes("requirements-view w-full").mark("requirements-view"):
        heading("What the agency always requires", level)
        paragraph(EXPLAINED)
        if wishes is not None:
            _level_list("Your own wishes", [_own(named) for named in wishes], "level-preference", level + 1)
            if not wishes:
                paragraph("You have none: any suitable worker can be chosen.").classes("text-muted")
        for shown in agency.for_service(service_id):
            _level_list(_title(shown), list(shown.needs), _mark(shown), level + 1)
            if not shown.needs:
                paragraph("Nothing more here.").classes("text-muted")


def nice_to_haves_met(met: int, total: int) -> str:
    """The provider card's line, in the words this view uses."""
    return f"Nice to haves met: {met} of {total}"


def _own(named: NamedWish) -> Need:
    return Need(named.name, named.group, named.wish.mandatory, named.wish.weight)


def _title(shown: Level) -> str:
    return shown.title


def _mark(shown: Level) -> str:
    suffix = f"-{shown.service_id}" if shown.service_id is not None else ""
    return f"level-{shown.level.value}{suffix}"


def _level_list(title: str, needs: list[Need], mark: str, level: int) -> None:
    with ui.element("div").classes("requirements-level").mark(mark):
        heading(title, level)
        if needs:
            with ui.element("ul").classes("requirements-list"):
                for need in needs:
                    Text(_words(need), tag="li")


def _words(need: Need) -> str:
    kind = "must have" if need.mandatory else "nice to have"
    counts = f", counts {need.weight} times" if not need.mandatory and need.weight > 1 else ""
    return f"{need.name} ({need.group}): {kind}{counts}"
