"""The reference checker: deliberately simple, every worker checked one by one with the ORM.

It shares only the contract (domain.matching.model) and the wording of reasons with the
engine; the property test asks both the same questions and expects the same answers, and the
benchmark times the engine against it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from geopy.distance import geodesic
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from domain.errors import DomainError
from domain.matching import wording
from domain.matching.model import (
    HeldCompetency,
    LeftOut,
    Match,
    Provider,
    SeriesMatch,
    SeriesProvider,
    ShiftToFill,
    Wish,
)
from domain.vocabulary import BUSY_SHIFT_STATUSES, ClientWorkerRelation, RequirementLevel
from storage.models import (
    Agency,
    AvailabilityWindow,
    Booking,
    Characteristic,
    Client,
    ClientWorker,
    Competency,
    Leave,
    Medal,
    Requirement,
    Review,
    Shift,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
)

LOOKAROUND = timedelta(hours=24)


@dataclass(frozen=True)
class _Verdict:
    requirement_reasons: tuple[str, ...]
    other_reasons: tuple[str, ...]
    provider: Provider | None


def find_providers(shift: ShiftToFill, *, session: Session) -> tuple[Provider, ...]:
    return find_providers_with_reasons(shift, session=session).providers


def find_providers_with_reasons(shift: ShiftToFill, *, session: Session) -> Match:
    verdicts = _verdicts(shift, session)
    providers = [v.provider for v in verdicts.values() if v.provider and not _reasons(v)]
    left_out = [
        LeftOut(v_id, _name(session.get(Worker, v_id)), _reasons(v))
        for v_id, v in verdicts.items()
        if _reasons(v)
    ]
    return Match(
        tuple(sorted(providers, key=_rank)), tuple(sorted(left_out, key=lambda o: (o.name, o.worker_id)))
    )


def find_providers_for_series(shifts: Sequence[ShiftToFill], *, session: Session) -> SeriesMatch:
    if not shifts:
        raise DomainError("A series needs at least one visit.")
    runs = [_verdicts(s, session) for s in shifts]
    zone = ZoneInfo(_agency(session).timezone)
    listed, left_out = [], []
    for worker_id, first in runs[0].items():
        requirement = _unique(r for run in runs for r in run[worker_id].requirement_reasons)
        cannot = tuple(
            (s.starts_at.astimezone(zone).date(), run[worker_id].other_reasons)
            for s, run in zip(shifts, runs, strict=True)
            if run[worker_id].other_reasons
        )
        name = _name(session.get(Worker, worker_id))
        if requirement:
            left_out.append(LeftOut(worker_id, name, requirement))
        elif len(cannot) == len(shifts):
            left_out.append(LeftOut(worker_id, name, tuple(wording.on_date(d, r) for d, r in cannot)))
        else:
            assert first.provider is not None
            listed.append(SeriesProvider(first.provider, cannot))
    listed.sort(key=lambda p: _rank(p.provider))
    left_out.sort(key=lambda o: (o.name, o.worker_id))
    return SeriesMatch(tuple(listed), tuple(left_out))


def _reasons(verdict: _Verdict) -> tuple[str, ...]:
    return verdict.requirement_reasons + verdict.other_reasons


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _rank(p: Provider) -> tuple:
    return (-p.desirables_met, not p.preferred, p.distance_km, -p.rating, p.name, p.worker_id)


def _agency(session: Session) -> Agency:
    agency = session.scalar(select(Agency).order_by(Agency.id).limit(1))
    if agency is None:
        raise DomainError("The agency has not been set up yet.")
    return agency


def _name(worker: Worker | None) -> str:
    assert worker is not None
    return f"{worker.preferred_name or worker.first_name} {worker.last_name}"


def _place(shift: ShiftToFill, session: Session) -> tuple[float, float]:
    if shift.lat is not None and shift.lon is not None:
        return shift.lat, shift.lon
    client = session.get(Client, shift.client_id)
    if client is None:
        raise DomainError("That client does not exist.")
    if client.home_lat is None or client.home_lon is None:
        raise DomainError(
            "The client's home is not on the map yet, so workers cannot be matched by distance. "
            "Please ask the office to check the address."
        )
    return client.home_lat, client.home_lon


def _requirements(shift: ShiftToFill, session: Session) -> dict[tuple[str, int], tuple[bool, int]]:
    """(kind, id) -> (mandatory, weight); mandatory wins, the highest weight counts."""
    scopes = [
        Requirement.level == RequirementLevel.GLOBAL,
        (Requirement.level == RequirementLevel.PROGRAM) & (Requirement.program_id == shift.program_id),
        (Requirement.level == RequirementLevel.CLIENT) & (Requirement.client_id == shift.client_id),
        (Requirement.level == RequirementLevel.CLIENT_SERVICE)
        & (Requirement.client_id == shift.client_id)
        & (Requirement.service_id == shift.service_id),
    ]
    wishes = shift.wishes
    if wishes is None:
        booking = session.get(Booking, shift.booking_id) if shift.booking_id else None
        if booking is not None and booking.uses_own_preferences:
            scopes.append(
                (Requirement.level == RequirementLevel.BOOKING) & (Requirement.booking_id == booking.id)
            )
        else:
            scopes.append(
                (Requirement.level == RequirementLevel.PREFERENCE)
                & (Requirement.client_id == shift.client_id)
            )
        wishes = ()
    rows = list(session.scalars(select(Requirement).where(or_(*scopes))))
    items = [Wish(r.competency_id, r.characteristic_id, r.mandatory, r.weight) for r in rows] + list(wishes)
    merged: dict[tuple[str, int], tuple[bool, int]] = {}
    for wish in items:
        if (wish.competency_id is None) == (wish.characteristic_id is None):
            raise DomainError("A preference names either one competency or one characteristic.")
        key = (
            ("competency", wish.competency_id)
            if wish.competency_id
            else ("characteristic", wish.characteristic_id)
        )
        old = merged.get(key, (False, 0))
        merged[key] = (old[0] or wish.mandatory, max(old[1], wish.weight))
    return merged


def _verdicts(shift: ShiftToFill, session: Session) -> dict[int, _Verdict]:
    if shift.starts_at.tzinfo is None or shift.ends_at.tzinfo is None:
        raise DomainError("Shift times must say their time zone.")
    if shift.ends_at <= shift.starts_at:
        raise DomainError("A shift must end after it starts.")
    agency = _agency(session)
    zone = ZoneInfo(agency.timezone)
    place = _place(shift, session)
    requirements = _requirements(shift, session)
    relations = {
        cw.worker_id: cw.relation
        for cw in session.scalars(select(ClientWorker).where(ClientWorker.client_id == shift.client_id))
    }
    workers = session.scalars(select(Worker).where(Worker.active).order_by(Worker.id))
    return {
        w.id: _check(w, shift, agency, zone, place, requirements, relations.get(w.id), session)
        for w in workers
    }


def _check(worker, shift, agency, zone, place, requirements, relation, session) -> _Verdict:
    day = shift.starts_at.astimezone(zone).date()
    held = {
        wc.competency_id: wc
        for wc in session.scalars(select(WorkerCompetency).where(WorkerCompetency.worker_id == worker.id))
    }
    has = set(
        session.scalars(
            select(WorkerCharacteristic.characteristic_id).where(WorkerCharacteristic.worker_id == worker.id)
        )
    )
    age = _age(worker.date_of_birth, day)
    met = total = 0
    requirement_reasons: list[tuple[str, str]] = []
    for (kind, item_id), (mandatory, weight) in requirements.items():
        if kind == "competency":
            competency = session.get(Competency, item_id)
            reason = _competency_gap(competency.name, held.get(item_id), day)
        else:
            characteristic = session.get(Characteristic, item_id)
            reason = _characteristic_gap(characteristic, worker, has, age)
        if mandatory and reason:
            requirement_reasons.append((kind, reason))
        elif not mandatory:
            total += weight
            met += weight if reason is None else 0
    reasons = [wording.BLOCKED] if relation == ClientWorkerRelation.BLOCKED else []
    reasons += sorted(r for k, r in requirement_reasons if k == "competency")
    reasons += sorted(r for k, r in requirement_reasons if k == "characteristic")
    if worker.home_lat is None or worker.home_lon is None:
        reasons.append(wording.NO_HOME_POSITION)
    other, tenths = _availability(worker, shift, agency, zone, place, session)
    provider = None
    if tenths is not None:
        provider = Provider(
            worker_id=worker.id,
            name=_name(worker),
            photo_media_id=worker.photo_media_id,
            charge_rate_cents=worker.charge_rate_cents,
            gender=str(worker.gender),
            age=age,
            competencies=_held(held, session),
            rating=worker.rating,
            medal=_medal(worker, session)[0],
            medal_colour=_medal(worker, session)[1],
            review_count=len(list(session.scalars(select(Review.id).where(Review.worker_id == worker.id)))),
            distance_km=tenths / 10,
            desirables_met=met,
            desirables_total=total,
            preferred=relation == ClientWorkerRelation.PREFERRED,
        )
    return _Verdict(tuple(reasons), tuple(other), provider)


def _competency_gap(name: str, held: WorkerCompetency | None, day: date) -> str | None:
    if held is None:
        return wording.missing_competency(name)
    if held.expires_on is not None and held.expires_on < day:
        return wording.missing_competency(name, expired_on=held.expires_on)
    if held.obtained_on is not None and held.obtained_on > day:
        return wording.missing_competency(name, valid_from=held.obtained_on)
    return None


def _characteristic_gap(
    characteristic: Characteristic, worker: Worker, has: set[int], age: int
) -> str | None:
    kind = characteristic.kind
    if kind == "gender":
        ok = worker.gender == characteristic.code
    elif kind == "age_band":
        ok = characteristic.min_age <= age <= characteristic.max_age
        if not ok:
            return wording.wrong_age(characteristic.name, age)
    else:
        ok = characteristic.id in has
    return None if ok else wording.missing_characteristic(characteristic.name)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _held(held: dict[int, WorkerCompetency], session: Session) -> tuple[HeldCompetency, ...]:
    items = []
    for competency_id, wc in held.items():
        c = session.get(Competency, competency_id)
        items.append(HeldCompetency(c.name, c.glyph, str(c.kind), wc.expires_on))
    return tuple(sorted(items, key=lambda h: h.name))


def _medal(worker: Worker, session: Session) -> tuple[str | None, str | None]:
    medal = session.get(Medal, worker.medal_id) if worker.medal_id else None
    return (medal.name, medal.colour) if medal else (None, None)


def _availability(worker, shift, agency, zone, place, session) -> tuple[list[str], int | None]:
    """The reasons of time and place, and the distance in tenths of a km (None: unknown)."""
    start, end = shift.starts_at, shift.ends_at
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    reasons = []
    if not _covered(worker, local_start, local_end, session):
        reasons.append(wording.not_available(local_start, local_end))
    leave = session.scalars(
        select(Leave).where(Leave.worker_id == worker.id, Leave.starts_at < end, Leave.ends_at > start)
    )
    if list(leave):
        reasons.append(wording.ON_LEAVE)
    busy = [
        s
        for s in session.scalars(
            select(Shift)
            .where(Shift.worker_id == worker.id, Shift.status.in_(BUSY_SHIFT_STATUSES))
            .order_by(Shift.starts_at, Shift.id)
        )
        if s.id not in shift.ignore_shift_ids
    ]
    for s in busy:
        if s.starts_at < end and s.ends_at > start:
            reasons.append(wording.clash(s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)))
    before = [s for s in busy if start - LOOKAROUND < s.ends_at <= start]
    after = [s for s in busy if end <= s.starts_at < end + LOOKAROUND]
    previous = max(before, key=lambda s: (s.ends_at, s.starts_at, s.id), default=None)
    following = min(after, key=lambda s: (s.starts_at, s.ends_at, s.id), default=None)
    if previous is not None:
        needs = _travel(_shift_place(previous, session), place, agency)
        has = int((start - previous.ends_at).total_seconds())
        if has < needs * 60:
            reasons.append(
                wording.travel_after(
                    previous.starts_at.astimezone(zone), previous.ends_at.astimezone(zone), needs, has // 60
                )
            )
    if following is not None:
        needs = _travel(place, _shift_place(following, session), agency)
        has = int((following.starts_at - end).total_seconds())
        if has < needs * 60:
            reasons.append(
                wording.travel_before(
                    following.starts_at.astimezone(zone), following.ends_at.astimezone(zone), needs, has // 60
                )
            )
    week_start = datetime.combine(
        local_start.date() - timedelta(days=local_start.weekday()), time(0), zone
    ).astimezone(UTC)
    week_end = datetime.combine(
        local_start.date() + timedelta(days=7 - local_start.weekday()), time(0), zone
    ).astimezone(UTC)
    rostered = sum(
        int((s.ends_at - s.starts_at).total_seconds()) // 60
        for s in busy
        if week_start <= s.starts_at < week_end
    )
    minutes = int((end - start).total_seconds()) // 60
    if rostered + minutes > worker.max_hours_per_week * 60:
        reasons.append(wording.hours(rostered, worker.max_hours_per_week, minutes))
    day_start = datetime.combine(local_start.date(), time(0), zone).astimezone(UTC)
    origin = None
    if previous is not None and previous.ends_at >= day_start:
        origin = _shift_place(previous, session)
    if origin is None and worker.home_lat is not None and worker.home_lon is not None:
        origin = (worker.home_lat, worker.home_lon)
    if origin is None:
        return reasons, None
    tenths = round(geodesic(origin, place).km * 10)
    if tenths > agency.travel_radius_km * 10:
        reasons.append(wording.too_far(tenths, agency.travel_radius_km))
    return reasons, tenths


def _covered(worker: Worker, local_start: datetime, local_end: datetime, session: Session) -> bool:
    windows = list(
        session.scalars(select(AvailabilityWindow).where(AvailabilityWindow.worker_id == worker.id))
    )
    day = local_start.date()
    begin = local_start.hour * 60 + local_start.minute
    while True:
        last = local_end.date() == day or (
            local_end.date() == day + timedelta(days=1) and local_end.time() == time(0)
        )
        finish = (local_end.hour * 60 + local_end.minute or 1440) if last else 1440
        spans = sorted((w.start_minute, w.end_minute) for w in windows if w.weekday == day.weekday())
        if not _inside(spans, begin, finish):
            return False
        if last:
            return True
        day, begin = day + timedelta(days=1), 0


def _inside(spans: list[tuple[int, int]], begin: int, finish: int) -> bool:
    """Touching or overlapping windows of one day join into one."""
    reach = None
    for a, b in spans:
        if reach is not None and a <= reach:
            reach = max(reach, b)
        elif a <= begin:
            reach = b
        else:
            break
    return reach is not None and reach >= finish


def _shift_place(s: Shift, session: Session) -> tuple[float, float] | None:
    if s.lat is not None and s.lon is not None:
        return s.lat, s.lon
    client = session.get(Client, s.client_id)
    if client and client.home_lat is not None and client.home_lon is not None:
        return client.home_lat, client.home_lon
    return None


def _travel(a: tuple[float, float] | None, b: tuple[float, float] | None, agency: Agency) -> int:
    """Whole minutes to travel from a to b at the agency's average speed, plus its buffer."""
    if a is None or b is None:
        return agency.travel_buffer_minutes
    tenths = round(geodesic(a, b).km * 10)
    return -(-tenths * 60 // (agency.travel_speed_kmh * 10)) + agency.travel_buffer_minutes
