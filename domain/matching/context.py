"""What one search reads, whatever the agency's size: before it looks at any worker, the rules
(two statements); then the workers' commitments around the slot(s) (three statements), the same
for a single shift and for a series.
"""

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from domain.errors import DomainError, NotFound
from domain.language import _
from domain.matching import requirements, workforce
from domain.matching.checks import Busy, Rules
from domain.matching.distance import Spot, spot
from domain.matching.model import ShiftToFill, Wish
from domain.matching.slot import Slot
from storage.queries import matching as queries


def rules_for(shift: ShiftToFill, *, session: Session) -> tuple[Rules, tuple[float, float] | None]:
    """The search's shared rules, and the client's home (None: not on the map)."""
    session.flush()  # the statements below run on the connection: let them see the caller's changes
    found = queries.settings_and_client(shift.client_id, shift.booking_id, session=session)
    if found is None:
        raise NotFound(_("The agency has not been set up yet."))
    if found.client_id is None:
        raise NotFound(_("That client does not exist."))
    force = workforce.current(found.stamp, session=session)
    wishes_from = "none" if shift.wishes is not None else "booking" if found.own else "preference"
    rows = queries.requirements(
        client_id=shift.client_id,
        service_id=shift.service_id,
        program_id=shift.program_id,
        wishes_from=wishes_from,
        booking_id=shift.booking_id,
        session=session,
    )
    wishes = [Wish(r.competency_id, r.characteristic_id, r.mandatory, r.weight) for r in rows]
    merged = requirements.merge([*wishes, *(shift.wishes or ())])
    _check_known(merged, force)
    rules = Rules(
        force=force,
        requirements=merged,
        blocked=_ids(found.blocked),
        preferred=_ids(found.preferred),
        zone=ZoneInfo(found.timezone),
        radius_km=found.travel_radius_km,
        speed_kmh=found.travel_speed_kmh,
        buffer_minutes=found.travel_buffer_minutes,
    )
    home = (
        (found.home_lat, found.home_lon)
        if found.home_lat is not None and found.home_lon is not None
        else None
    )
    return rules, home


def _ids(listed: str | None) -> frozenset[int]:
    return frozenset(int(i) for i in listed.split(",")) if listed else frozenset()


def place_of(shift: ShiftToFill, home: tuple[float, float] | None) -> Spot:
    if shift.lat is not None and shift.lon is not None:
        return spot(shift.lat, shift.lon)
    if home is None:
        raise DomainError(
            _(
                "The client's home is not on the map yet, so workers cannot be matched by distance. "
                "Please ask the office to check the address."
            )
        )
    return spot(*home)


def _check_known(merged: requirements.Requirements, force: workforce.Workforce) -> None:
    competencies = [*merged.competencies, *(i for i, _weight in merged.desirable_competencies)]
    characteristics = [*merged.characteristics, *(i for i, _weight in merged.desirable_characteristics)]
    if any(i not in force.competency_names for i in competencies) or any(
        i not in force.characteristics for i in characteristics
    ):
        raise DomainError(_("A preference names a competency or characteristic the agency does not have."))


@dataclass(frozen=True)
class Commitments:
    """What workers already have around the slots. Only workers the statements read: the `named`
    ones of commitments() (or all), and busy shifts only of its `keep` workers (or all)."""

    busy: dict[int, list[Busy]]  # worker id -> busy shifts near any slot, by start
    leave: dict[int, list[tuple[datetime, datetime]]]  # worker id -> leave overlapping any slot
    # (worker id, index into weeks) -> minutes rostered that week, only for the workers whom the
    # longest slot would take past their maximum: anyone else has room for any of the slots.
    rostered: dict[tuple[int, int], int]
    weeks: tuple[tuple[datetime, datetime], ...]  # the slots' weeks, each once, as first met


def commitments(
    slots: Sequence[Slot],
    named: Collection[int] | None,
    *,
    keep: Collection[int] | None,
    force: workforce.Workforce,
    session: Session,
) -> Commitments:
    """Busy shifts near the slots, leave over them and hours in their weeks, for a single search
    (one slot) or a series (an occurrence each): three statements whatever the number of slots
    or workers. The shifts the slots are told to ignore (their own) count for nothing."""
    ignore = frozenset().union(*(slot.shift.ignore_shift_ids for slot in slots))
    weeks = tuple(dict.fromkeys(slot.week for slot in slots))
    longest = max(slot.minutes for slot in slots)
    return Commitments(
        busy=_busy_by_worker([slot.nearby() for slot in slots], named, ignore, keep=keep, session=session),
        leave=_leave_by_worker([(slot.starts_at, slot.ends_at) for slot in slots], named, session=session),
        rostered=_rostered_by_worker(weeks, named, ignore, longest, force=force, session=session),
        weeks=weeks,
    )


def _busy_by_worker(
    spans: Sequence[tuple[datetime, datetime, datetime]],
    worker_ids: Collection[int] | None,
    ignore: Collection[int],
    *,
    keep: Collection[int] | None = None,
    session: Session,
) -> dict[int, list[Busy]]:
    """Worker id -> their busy shifts near the slot(s), by start; only the `keep` workers' if given."""
    found: dict[int, list[Busy]] = defaultdict(list)
    make = Busy._make
    for row in queries.busy_shifts(spans, worker_ids, session=session):
        if row[0] not in ignore and (keep is None or row[1] in keep):
            found[row[1]].append(make((row[0], row[2], row[3], row[4], row[5])))
    for shifts in found.values():
        if len(shifts) > 1:  # most workers have one shift near the slot, if any
            shifts.sort(key=_by_start)
    return found


def _by_start(busy: Busy) -> tuple[int, int]:
    return busy.starts, busy.id


def _leave_by_worker(
    spans: Sequence[tuple[datetime, datetime]], worker_ids: Collection[int] | None, *, session: Session
) -> dict[int, list[tuple[datetime, datetime]]]:
    found: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for row in queries.on_leave(spans, worker_ids, session=session):
        found[row.worker_id].append((row.starts_at, row.ends_at))
    return found


def _rostered_by_worker(
    weeks: Sequence[tuple[datetime, datetime]],
    worker_ids: Collection[int] | None,
    ignore: Collection[int],
    adding: int,
    *,
    force: workforce.Workforce,
    session: Session,
) -> dict[tuple[int, int], int]:
    """(worker id, index into weeks) -> minutes already rostered that week, for the workers whom
    `adding` more minutes would take past their maximum. Anyone else has room: counting them
    as 0 gives the same answer (0 + adding is within their maximum too)."""
    return {
        (worker_id, week): int(minutes or 0)
        for worker_id, week, minutes in queries.rostered_minutes(
            weeks, worker_ids, ignore, adding, least_most=force.columns.least_max_minutes, session=session
        )
    }
