"""Workers in the back office, for administrators and roster staff: the list, who is expiring,
and every record matching reads — details, home address, charge rate, competencies with their
expiry dates, characteristics, weekly availability, leave, maximum weekly hours, rating, medal.

Every change is checked for the role first, then validated field by field (all problems at once,
nothing written on any), audited, and written in one transaction. Matching sees it at once: the
database's triggers move the workforce stamp on any write to the tables it keeps in memory
(storage migration 0003), and leave is read by every search.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from adapters import geocoding, media_store
from domain import action, clock, people, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.backoffice import fields
from domain.backoffice.fields import Choice
from domain.errors import InvalidInput, NotFound
from domain.pricing.rates import ANY_LEVEL
from domain.pricing.sheet import LEVELS
from domain.profile import pictures
from domain.vocabulary import Gender, GeocodeStatus, Role
from storage.models import Leave, Worker, WorkerCompetency
from storage.queries import staff_records as queries

T = TypeVar("T")
MAY_EDIT = (Role.ADMIN, Role.ROSTER)
LIST_LIMIT = 200
EXPIRING_DAYS = 30
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024  # a scanned certificate; the upload route stops a longer body
EVIDENCE_TYPES = frozenset({media_store.PDF, media_store.JPEG, media_store.PNG})
EVIDENCE_TOO_LARGE = "That file is larger than 10 MB. Please choose a smaller file or scan."
EVIDENCE_NOT_ACCEPTED = (
    "That file is not a PDF, JPEG or PNG. Please choose a scan or photo of the certificate."
)
GENDER_NAMES = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.NON_BINARY: "Non-binary",
    Gender.NOT_STATED: "Not stated",
}


@dataclass(frozen=True)
class WorkerLine:
    worker_id: int
    staff_number: str
    name: str
    suburb: str
    active: bool
    unplaced: bool  # the home address could not be put on the map


@dataclass(frozen=True)
class ExpiringLine:
    worker_id: int
    name: str
    staff_number: str
    competency: str
    expires_on: date


@dataclass(frozen=True)
class WorkerForm:
    """What the details form holds, as typed (the use case checks and tidies every field)."""

    staff_number: str = ""
    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    gender: str = ""
    date_of_birth: object = ""
    mobile_phone: str = ""
    email: str = ""
    bio: str = ""
    started_on: object = ""
    street: str = ""
    suburb: str = ""
    state: str = ""
    postcode: str = ""
    charge_rate: object = ""  # dollars an hour: what the worker costs the agency, never a price
    charge_level: object = ""  # the level pricing charges clients at (blank: the any-worker rate)
    max_hours_per_week: object = 38
    rating: object = 3
    medal_id: int | None = None
    active: bool = True


@dataclass(frozen=True)
class HeldCompetency:
    competency_id: int
    name: str
    held: bool
    expires_on: date | None
    reference: str
    expires: bool  # the catalogue says this one has an expiry date
    evidence: bool = False  # an evidence file is kept for it


@dataclass(frozen=True)
class CompetencyEntry:
    """One competency's row on the form: whether it is held, and until when (as typed)."""

    competency_id: int
    held: bool
    expires_on: object = ""
    reference: str = ""


@dataclass(frozen=True)
class LeaveLine:
    leave_id: int
    first_day: date
    last_day: date
    reason: str


@dataclass(frozen=True)
class WorkerRecord:
    worker_id: int
    form: WorkerForm
    name: str
    home_located: GeocodeStatus
    competencies: tuple[HeldCompetency, ...]
    characteristics: tuple[Choice, ...]  # every choice; `has` says which the worker has
    has: frozenset[int]
    week: tuple[str, ...]  # Monday..Sunday, each as "7:00-15:00, 18:00-24:00" or ""
    leave: tuple[LeaveLine, ...]
    photo_id: int | None = None  # changes whenever the photo does, so browsers refetch it


@dataclass(frozen=True)
class FormChoices:
    genders: dict[str, str]
    medals: tuple[Choice, ...]
    competencies: tuple[Choice, ...] = field(default=())


def find(actor: Actor, search: str = "") -> list[WorkerLine]:
    access.require_role(actor, *MAY_EDIT)
    text = validation.text(search, "a search", max_length=80, required=False)
    with action.reading(actor) as act:
        rows = queries.workers(text, limit=LIST_LIMIT, session=act.session)
    return [
        WorkerLine(
            r.id,
            r.staff_number,
            people.known_as(r.preferred_name, r.first_name, r.last_name),
            r.home_suburb,
            r.active,
            r.home_geocode == GeocodeStatus.NOT_FOUND,
        )
        for r in rows
    ]


def expiring(actor: Actor, days: int = EXPIRING_DAYS) -> list[ExpiringLine]:
    """Competencies whose last valid day is from today to `days` days ahead, soonest first."""
    access.require_role(actor, *MAY_EDIT)
    with action.reading(actor) as act:
        today = act.today
        rows = queries.expiring(today, today + timedelta(days=days), session=act.session)
    return [
        ExpiringLine(
            r.worker_id,
            people.known_as(r.preferred_name, r.first_name, r.last_name),
            r.staff_number,
            r.competency,
            r.expires_on,
        )
        for r in rows
    ]


def choices(actor: Actor) -> FormChoices:
    access.require_role(actor, *MAY_EDIT)
    with action.reading(actor) as act:
        medals = tuple(Choice(row.id, row.name) for row in queries.medals(session=act.session))
    return FormChoices({g.value: name for g, name in GENDER_NAMES.items()}, medals)


def record(actor: Actor, worker_id: int) -> WorkerRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.reading(actor) as act:
        return _record(act, _worker(act, worker_id))


def create(actor: Actor, form: WorkerForm) -> int:
    """A new worker from the details form; their id. Competencies and the rest are added after."""
    access.require_role(actor, *MAY_EDIT)
    clean, address = _checked(form)
    position = geocoding.locate(
        address["home_street"], address["home_suburb"], address["home_state"], address["home_postcode"]
    )
    with action.writing(actor) as act:
        if queries.staff_number_taken(clean["staff_number"], besides=None, session=act.session):
            raise InvalidInput({"staff_number": f"Staff number {clean['staff_number']} is already taken."})
        worker = Worker(**clean, **address, **_placed(position))
        act.session.add(worker)
        act.session.flush()
        act.audit("create", "worker", worker.id)
        return worker.id


def update(actor: Actor, worker_id: int, form: WorkerForm) -> WorkerRecord:
    access.require_role(actor, *MAY_EDIT)
    clean, address = _checked(form)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        if queries.staff_number_taken(clean["staff_number"], besides=worker_id, session=act.session):
            raise InvalidInput({"staff_number": f"Staff number {clean['staff_number']} is already taken."})
        moved = any(getattr(worker, name) != value for name, value in address.items())
        changed = [name for name, value in {**clean, **address}.items() if getattr(worker, name) != value]
        for name, value in {**clean, **address}.items():
            setattr(worker, name, value)
        if moved or worker.home_geocode == GeocodeStatus.NOT_FOUND:
            position = geocoding.locate(
                address["home_street"],
                address["home_suburb"],
                address["home_state"],
                address["home_postcode"],
            )
            for name, value in _placed(position).items():
                setattr(worker, name, value)
        act.audit("update", "worker", worker_id, ", ".join(changed))
        act.session.flush()
        return _record(act, worker)


def set_competencies(actor: Actor, worker_id: int, entries: list[CompetencyEntry]) -> WorkerRecord:
    """Which competencies the worker holds, each until its expiry date (blank: no expiry)."""
    access.require_role(actor, *MAY_EDIT)
    problems: dict[str, str] = {}
    wanted: dict[int, tuple[date | None, str]] = {}
    for entry in entries:
        key = f"competency_{entry.competency_id}"
        expires_on = _check(
            problems, key, lambda v: fields.day(v, "the expiry date", required=False), entry.expires_on
        )
        reference = _check(
            problems,
            key + "_reference",
            lambda v: validation.text(v, "the reference", max_length=80, required=False),
            entry.reference,
        )
        if entry.held:
            wanted[entry.competency_id] = (expires_on, reference or "")
    if problems:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        catalogue = {row.id: row for row in queries.competencies(session=act.session)}
        unknown = [i for i in wanted if i not in catalogue]
        if unknown:
            raise InvalidInput({f"competency_{unknown[0]}": "That competency is no longer in the catalogue."})
        current = {row.competency_id: row for row in queries.held(worker_id, session=act.session)}
        # A retired competency stays on a worker who holds it, but nobody is newly given it.
        for competency_id in wanted:
            if competency_id not in current and not catalogue[competency_id].active:
                problems[f"competency_{competency_id}"] = (
                    f"{catalogue[competency_id].name} is retired: it can no longer be given to a worker."
                )
        for competency_id, (expires_on, _) in wanted.items():
            if catalogue[competency_id].expires and expires_on is None:
                problems[f"competency_{competency_id}"] = (
                    f"{catalogue[competency_id].name} expires: please enter the last day it is valid."
                )
        if problems:
            raise InvalidInput(problems)
        changes = []
        for competency_id, row in current.items():
            if competency_id not in wanted:
                act.session.delete(row)
                changes.append(
                    f"-{catalogue[competency_id].name if competency_id in catalogue else competency_id}"
                )
        for competency_id, (expires_on, reference) in wanted.items():
            kept = current.get(competency_id)
            if kept is None:
                act.session.add(
                    WorkerCompetency(
                        worker_id=worker_id,
                        competency_id=competency_id,
                        obtained_on=act.today,
                        expires_on=expires_on,
                        reference=reference or None,
                    )
                )
                changes.append(f"+{catalogue[competency_id].name}")
            elif kept.expires_on != expires_on or (kept.reference or "") != reference:
                kept.expires_on, kept.reference = expires_on, reference or None
                changes.append(f"{catalogue[competency_id].name} until {expires_on}")
        act.audit("update", "worker", worker_id, "competencies: " + "; ".join(changes))
        act.session.flush()
        return _record(act, worker)


def set_characteristics(actor: Actor, worker_id: int, characteristic_ids: list[int]) -> WorkerRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        known = {row.id: row for row in queries.characteristics(session=act.session)}
        had = set(queries.characteristic_ids(worker_id, session=act.session))
        chosen = sorted(set(characteristic_ids))
        if any(i not in known for i in chosen):
            raise InvalidInput({"characteristics": "One of those is no longer in the catalogue."})
        retired = [known[i].name for i in chosen if i not in had and not known[i].active]
        if retired:  # kept where already had, never newly given
            raise InvalidInput(
                {"characteristics": f"{retired[0]} is retired: it can no longer be given to a worker."}
            )
        queries.replace_characteristics(worker_id, chosen, session=act.session)
        act.audit("update", "worker", worker_id, f"characteristics: {chosen}")
        act.session.flush()
        return _record(act, worker)


def set_week(actor: Actor, worker_id: int, week: list[str]) -> WorkerRecord:
    """The weekly availability, one text per weekday from Monday: "7:00-15:00, 18:00-24:00"."""
    access.require_role(actor, *MAY_EDIT)
    if len(week) != 7:
        raise InvalidInput({"day_0": "Please give the hours for each day of the week."})
    problems: dict[str, str] = {}
    spans: list[tuple[int, int, int]] = []
    for weekday, text in enumerate(week):
        try:
            found = fields.spans_of_day(text, weekday)
        except ValueError as error:
            problems[f"day_{weekday}"] = str(error)
            continue
        spans.extend((weekday, start, end) for start, end in found)
    if problems:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        queries.replace_windows(worker_id, spans, session=act.session)
        act.audit("update", "worker", worker_id, f"availability: {len(spans)} windows")
        act.session.flush()
        return _record(act, worker)


def add_leave(
    actor: Actor, worker_id: int, *, first_day: object, last_day: object, reason: str
) -> WorkerRecord:
    """Leave from the start of the first day to the end of the last, in the agency's time."""
    access.require_role(actor, *MAY_EDIT)
    problems: dict[str, str] = {}
    first = _check(problems, "leave_first", lambda v: fields.day(v, "the first day of leave"), first_day)
    last = _check(problems, "leave_last", lambda v: fields.day(v, "the last day of leave"), last_day)
    why = _check(
        problems,
        "leave_reason",
        lambda v: validation.text(v, "the reason", max_length=80, required=False),
        reason,
    )
    if first is None or last is None or problems:
        raise InvalidInput(problems)
    if last < first:
        problems["leave_last"] = "The last day of leave is before the first."
    elif (last - first).days > 366:
        problems["leave_last"] = "Leave can be at most a year at a time."
    if problems:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        starts, ends = act.day_bounds(first, last)
        if ends <= act.now:
            raise InvalidInput({"leave_last": "That leave is over already."})
        row = Leave(worker_id=worker_id, starts_at=starts, ends_at=ends, reason=why or "Leave")
        act.session.add(row)
        act.session.flush()
        act.audit("create", "leave", row.id, f"worker {worker_id}: {first} to {last}")
        return _record(act, worker)


def remove_leave(actor: Actor, worker_id: int, leave_id: int) -> WorkerRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        row = queries.leave_of(worker_id, leave_id, session=act.session)
        if row is None:
            raise NotFound("That leave has already been removed.")
        act.session.delete(row)
        act.audit("delete", "leave", leave_id, f"worker {worker_id}")
        act.session.flush()
        return _record(act, worker)


def set_photo(actor: Actor, worker_id: int, data: bytes) -> WorkerRecord:
    """The worker's portrait, through the photo pipeline (content checked, pixels limited,
    metadata dropped); a refused photo changes nothing."""
    access.require_role(actor, *MAY_EDIT)
    portrait = pictures.checked(data, "photo")
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        pictures.replace(act, worker, "photo_media_id", portrait)
        act.audit("update", "worker", worker_id, "photo")
        act.session.flush()
        return _record(act, worker)


def set_evidence(actor: Actor, worker_id: int, competency_id: int, data: bytes) -> WorkerRecord:
    """The evidence file of a competency the worker holds: a PDF, JPEG or PNG judged by its content,
    kept under the data folder like media; a refused file keeps nothing."""
    access.require_role(actor, *MAY_EDIT)
    key = f"evidence_{competency_id}"
    if len(data) > EVIDENCE_MAX_BYTES:
        raise InvalidInput({key: EVIDENCE_TOO_LARGE})
    with action.reading(actor) as act:
        _worker(act, worker_id)
        if _held(act, worker_id, competency_id) is None:
            raise InvalidInput({key: "Please tick and save this competency before adding its evidence."})
    try:
        stored = media_store.keep_upload(data, accept=EVIDENCE_TYPES, not_accepted=EVIDENCE_NOT_ACCEPTED)
    except media_store.Refused as refused:
        raise InvalidInput({key: str(refused)}) from None
    with action.writing(actor) as act:
        worker = _worker(act, worker_id, for_update=True)
        row = _held(act, worker_id, competency_id)
        if row is None:
            raise InvalidInput({key: "Please tick and save this competency before adding its evidence."})
        row.evidence_path, row.evidence_type = stored.name, stored.content_type
        act.audit("update", "worker", worker_id, f"evidence for competency {competency_id}")
        act.session.flush()
        return _record(act, worker)


def evidence(actor: Actor, worker_id: int, competency_id: int) -> tuple[Path, str] | None:
    """A competency's evidence file for staff who may see the worker (each reading audited);
    None when there is none."""
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        row = _held(act, worker_id, competency_id)
        path = media_store.path_of(row.evidence_path) if row is not None and row.evidence_path else None
        if row is None or path is None:
            return None
        act.audit("view", "worker", worker_id, f"evidence for competency {competency_id}")
        return path, row.evidence_type or media_store.content_type_of(row.evidence_path or "")


# ---- inside ---------------------------------------------------------------------------------


def _held(act: Action, worker_id: int, competency_id: int) -> WorkerCompetency | None:
    return next(
        (row for row in queries.held(worker_id, session=act.session) if row.competency_id == competency_id),
        None,
    )


def _worker(act: Action, worker_id: int, *, for_update: bool = False) -> Worker:
    worker = queries.worker(worker_id, session=act.session, for_update=for_update)
    if worker is None:
        raise NotFound("That worker does not exist.")
    return worker


def _check(problems: dict[str, str], name: str, check: Callable[[Any], T], value: Any) -> T:
    try:
        return check(value)
    except ValueError as error:
        problems[name] = str(error)
        return None  # type: ignore[return-value]


def _gender(value: object) -> Gender:
    try:
        return Gender(str(value))
    except ValueError:
        raise ValueError("Please choose a gender (or “Not stated”).") from None


def _charge_level(value: object) -> int | None:
    """The one charge level domain.pricing reads (`Worker.charge_level`): blank or 0 is none."""
    text = str(value if value is not None else "").strip()
    if text in ("", "0"):
        return None
    levels = [level for level in LEVELS if level != ANY_LEVEL]
    if text not in {str(level) for level in levels}:
        raise ValueError(f"Please choose the charge level: none, or {levels[0]} to {levels[-1]}.")
    return int(text)


def _checked(form: WorkerForm) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field of the details form checked at once: the worker's columns and the address."""
    problems: dict[str, str] = {}

    def text(name: str, label: str, limit: int, *, required: bool = True) -> str:
        return _check(
            problems,
            name,
            lambda v: validation.text(v, label, max_length=limit, required=required),
            getattr(form, name),
        )

    clean: dict[str, Any] = {
        "staff_number": text("staff_number", "the staff number", 20),
        "first_name": text("first_name", "the first name", 80),
        "last_name": text("last_name", "the last name", 80),
        "preferred_name": text("preferred_name", "the preferred name", 80, required=False) or None,
        "gender": _check(problems, "gender", _gender, form.gender),
        "date_of_birth": _check(
            problems, "date_of_birth", lambda v: fields.day(v, "the date of birth"), form.date_of_birth
        ),
        "mobile_phone": _check(problems, "mobile_phone", validation.optional_phone, form.mobile_phone),
        "email": _check(problems, "email", validation.optional_email, form.email),
        "bio": text("bio", "the introduction", 2000, required=False),
        "started_on": _check(
            problems, "started_on", lambda v: fields.day(v, "the day they started"), form.started_on
        ),
        "charge_rate_cents": _check(
            problems,
            "charge_rate",
            lambda v: fields.cents(v, "the charge rate", high_dollars=1000),
            form.charge_rate,
        ),
        "charge_level": _check(problems, "charge_level", _charge_level, form.charge_level),
        "max_hours_per_week": _check(
            problems,
            "max_hours_per_week",
            lambda v: fields.whole(v, "the most hours a week", 0, 80),
            form.max_hours_per_week,
        ),
        "rating": _check(problems, "rating", lambda v: fields.whole(v, "the star rating", 1, 5), form.rating),
        "medal_id": form.medal_id or None,
        "active": bool(form.active),
    }
    birth = clean["date_of_birth"]
    if birth is not None and not date(1900, 1, 1) <= birth <= clock.now().date() - timedelta(days=15 * 365):
        problems["date_of_birth"] = "Please check the date of birth: a worker is at least 15 years old."
    started = clean["started_on"]
    if started is not None and started.year < 1950:
        problems["started_on"] = "Please check the day they started."
    street = text("street", "the street address", 200)
    suburb = text("suburb", "the suburb", 80)
    state = _check(problems, "state", validation.state, form.state)
    postcode = _check(problems, "postcode", lambda v: validation.postcode(v, state or "NSW"), form.postcode)
    if problems:
        raise InvalidInput(problems)
    address = {
        "home_street": street,
        "home_suburb": suburb.title() if suburb.islower() else suburb,
        "home_state": state,
        "home_postcode": postcode,
    }
    return clean, address


def _placed(position: geocoding.Position) -> dict[str, Any]:
    return {"home_lat": position.lat, "home_lon": position.lon, "home_geocode": position.status}


def _record(act: Action, worker: Worker) -> WorkerRecord:
    session = act.session
    catalogue = queries.competencies(session=session)
    held = {row.competency_id: row for row in queries.held(worker.id, session=session)}
    has = frozenset(queries.characteristic_ids(worker.id, session=session))
    spans: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for window in queries.windows(worker.id, session=session):
        spans[window.weekday].append((window.start_minute, window.end_minute))
    zone = act.zone
    leave = tuple(
        LeaveLine(
            row.id,
            row.starts_at.astimezone(zone).date(),
            (row.ends_at.astimezone(zone) - timedelta(microseconds=1)).date(),
            row.reason,
        )
        for row in queries.leave(worker.id, since=act.now, session=session)
    )
    form = WorkerForm(
        staff_number=worker.staff_number,
        first_name=worker.first_name,
        last_name=worker.last_name,
        preferred_name=worker.preferred_name or "",
        gender=worker.gender.value,
        date_of_birth=worker.date_of_birth,
        mobile_phone=validation.phone_for_display(worker.mobile_phone),
        email=worker.email or "",
        bio=worker.bio,
        started_on=worker.started_on,
        street=worker.home_street,
        suburb=worker.home_suburb,
        state=worker.home_state,
        postcode=worker.home_postcode,
        charge_rate=f"{worker.charge_rate_cents / 100:.2f}",
        charge_level=worker.charge_level or 0,
        max_hours_per_week=worker.max_hours_per_week,
        rating=worker.rating,
        medal_id=worker.medal_id,
        active=worker.active,
    )
    return WorkerRecord(
        worker_id=worker.id,
        form=form,
        name=people.known_as(worker.preferred_name, worker.first_name, worker.last_name),
        home_located=worker.home_geocode,
        competencies=tuple(
            HeldCompetency(
                row.id,
                row.name,
                row.id in held,
                held[row.id].expires_on if row.id in held else None,
                (held[row.id].reference or "") if row.id in held else "",
                row.expires,
                row.id in held and held[row.id].evidence_path is not None,
            )
            for row in catalogue
            if row.active or row.id in held  # a retired one shows only where already held
        ),
        characteristics=tuple(
            Choice(row.id, row.name)
            for row in queries.characteristics(session=session)
            if row.active or row.id in has
        ),
        has=has,
        week=tuple(fields.day_text(day) for day in spans),
        leave=leave,
        photo_id=worker.photo_media_id,
    )
