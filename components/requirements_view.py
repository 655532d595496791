"""The merged requirements, read-only and in plain words, shared by the Preferences page and booking
step 4: the client's own wishes, then what the agency always requires at each level (Global,
Program, Client, Client-Service). Each provider card's "Nice to haves met: n of m" counts the nice to
haves listed here, so the two always agree."""

from collections.abc import Sequence

from nicegui import ui

from domain.booking.agency_requirements import AgencyRequirements, Level, Need
from domain.booking.preferences import NamedWish
from domain.language import N_, _, ngettext

from .text import Text, heading, paragraph

EXPLAINED = N_(  # shown as _(EXPLAINED)
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
        heading(_("What the agency always requires"), level)
        paragraph(_(EXPLAINED))
        if wishes is not None:
            _level_list(
                _("Your own wishes"), [_own(named) for named in wishes], "level-preference", level + 1
            )
            if not wishes:
                paragraph(_("You have none: any suitable worker can be chosen.")).classes("text-muted")
        for shown in agency.for_service(service_id):
            _level_list(_title(shown), list(shown.needs), _mark(shown), level + 1)
            if not shown.needs:
                paragraph(_("Nothing more here.")).classes("text-muted")


def nice_to_haves_met(met: int, total: int) -> str:
    """The provider card's line, in the words this view uses."""
    return _("Nice to haves met: {met} of {total}").format(met=met, total=total)


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
    if need.mandatory:
        return _("{name} ({group}): must have").format(name=need.name, group=need.group)
    if need.weight > 1:
        return ngettext(
            "{name} ({group}): nice to have, counts {n} time",
            "{name} ({group}): nice to have, counts {n} times",
            need.weight,
        ).format(name=need.name, group=need.group, n=need.weight)
    return _("{name} ({group}): nice to have").format(name=need.name, group=need.group)
