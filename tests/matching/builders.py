"""A small agency built row by row for the matching tests, in agency-local (Sydney) wall time."""

from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

from geopy.distance import geodesic
from sqlalchemy.orm import Session

from domain.matching import ShiftToFill, Wish
from domain.vocabulary import (
    CharacteristicKind,
    ClientWorkerRelation,
    CompetencyKind,
    Gender,
    ProgramKind,
    RequirementLevel,
    ServiceUnit,
    ShiftStatus,
)
from storage.models import (
    Agency,
    AvailabilityWindow,
    Characteristic,
    Client,
    ClientWorker,
    Competency,
    Leave,
    Program,
    Requirement,
    Service,
    Shift,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
)

SYDNEY = ZoneInfo("Australia/Sydney")
HOME = (-33.8688, 151.2093)  # the client's home, Sydney CBD
ALL_WEEK = tuple((day, 0, 1440) for day in range(7))
_numbers = count(1)


def at(day: date, clock: str) -> datetime:
    """A Sydney wall-clock time on `day`, as an aware UTC datetime."""
    hours, minutes = map(int, clock.split(":"))
    return datetime.combine(day, time(hours, minutes), SYDNEY).astimezone(UTC)


def north(km: float) -> tuple[float, float]:
    """The point `km` (geodesic) north of the client's home."""
    point = geodesic(kilometers=km).destination(HOME, 0)
    return point.latitude, point.longitude


class Town:
    """One agency with one program, one service and one client; workers are added per test."""

    def __init__(
        self, session: Session, *, radius_km: int = 25, speed_kmh: int = 30, buffer_minutes: int = 15
    ):
        self.session = session
        session.add(
            Agency(
                name="Test Care",
                phone="02 9000 0000",
                email="office@test.example",
                roster_email="roster@test.example",
                timezone="Australia/Sydney",
                travel_radius_km=radius_km,
                travel_speed_kmh=speed_kmh,
                travel_buffer_minutes=buffer_minutes,
            )
        )
        self.program_id = self._add(
            Program(code="HCP", name="Home Care Package", kind=ProgramKind.HOME_CARE_PACKAGE)
        )
        self.service_id = self._add(
            Service(
                code="personal_care",
                name="Personal care",
                glyph="shower",
                unit=ServiceUnit.HOUR,
                category="care",
            )
        )
        self.client_id = self.client(*HOME)

    def _add(self, row: object) -> int:
        self.session.add(row)
        self.session.flush()
        return row.id  # type: ignore[attr-defined]

    def client(self, lat: float | None, lon: float | None) -> int:
        n = next(_numbers)
        return self._add(
            Client(
                client_number=f"C{n:05d}",
                first_name="Margaret",
                last_name=f"Client{n}",
                date_of_birth=date(1940, 5, 1),
                gender=Gender.FEMALE,
                home_street="1 George St",
                home_suburb="Sydney",
                home_state="NSW",
                home_postcode="2000",
                home_lat=lat,
                home_lon=lon,
            )
        )

    def competency(self, name: str) -> int:
        code = name.lower().replace(" ", "_")
        return self._add(Competency(code=code, name=name, kind=CompetencyKind.SKILL, glyph="star"))

    def characteristic(
        self, kind: CharacteristicKind, code: str, name: str, ages: tuple[int, int] | None = None
    ) -> int:
        low, high = ages or (None, None)
        return self._add(Characteristic(kind=kind, code=code, name=name, min_age=low, max_age=high))

    def worker(
        self,
        first_name: str = "Ann",
        last_name: str = "Lee",
        *,
        home: tuple[float, float] | None = HOME,
        gender: Gender = Gender.FEMALE,
        born: date = date(1980, 1, 1),
        windows: tuple[tuple[int, int, int], ...] = ALL_WEEK,
        competencies: dict[int, date | None] | None = None,
        characteristics: tuple[int, ...] = (),
        max_hours: int = 38,
        rating: int = 3,
    ) -> int:
        n = next(_numbers)
        worker_id = self._add(
            Worker(
                staff_number=f"W{n:05d}",
                first_name=first_name,
                last_name=last_name,
                gender=gender,
                date_of_birth=born,
                charge_rate_cents=4500,
                rating=rating,
                max_hours_per_week=max_hours,
                started_on=date(2020, 1, 1),
                home_street="2 Pitt St",
                home_suburb="Sydney",
                home_state="NSW",
                home_postcode="2000",
                home_lat=home[0] if home else None,
                home_lon=home[1] if home else None,
            )
        )
        for weekday, start, end in windows:
            self.session.add(
                AvailabilityWindow(worker_id=worker_id, weekday=weekday, start_minute=start, end_minute=end)
            )
        for competency_id, expires in (competencies or {}).items():
            self.session.add(
                WorkerCompetency(worker_id=worker_id, competency_id=competency_id, expires_on=expires)
            )
        for characteristic_id in characteristics:
            self.session.add(WorkerCharacteristic(worker_id=worker_id, characteristic_id=characteristic_id))
        self.session.flush()
        return worker_id

    def require(
        self,
        level: RequirementLevel = RequirementLevel.GLOBAL,
        *,
        competency_id: int | None = None,
        characteristic_id: int | None = None,
        mandatory: bool = True,
        weight: int = 1,
    ) -> None:
        scoped = {
            RequirementLevel.GLOBAL: {},
            RequirementLevel.PROGRAM: {"program_id": self.program_id},
            RequirementLevel.CLIENT: {"client_id": self.client_id},
            RequirementLevel.PREFERENCE: {"client_id": self.client_id},
            RequirementLevel.CLIENT_SERVICE: {"client_id": self.client_id, "service_id": self.service_id},
        }[level]
        self._add(
            Requirement(
                level=level,
                competency_id=competency_id,
                characteristic_id=characteristic_id,
                mandatory=mandatory,
                weight=weight,
                **scoped,
            )
        )

    def busy(
        self,
        worker_id: int | None,
        starts: datetime,
        ends: datetime,
        *,
        place: tuple[float, float] | None = HOME,
        status: ShiftStatus = ShiftStatus.ALLOCATED,
    ) -> int:
        return self._add(
            Shift(
                occurrence_date=starts.astimezone(SYDNEY).date(),
                client_id=self.client_id,
                worker_id=worker_id,
                service_id=self.service_id,
                program_id=self.program_id,
                starts_at=starts,
                ends_at=ends,
                status=status,
                lat=place[0] if place else None,
                lon=place[1] if place else None,
                bill_units=100,
                bill_rate_cents=6000,
                created_at=starts - timedelta(days=30),
            )
        )

    def leave(self, worker_id: int, starts: datetime, ends: datetime) -> None:
        self._add(Leave(worker_id=worker_id, starts_at=starts, ends_at=ends))

    def relate(self, worker_id: int, relation: ClientWorkerRelation) -> None:
        self.session.add(ClientWorker(client_id=self.client_id, worker_id=worker_id, relation=relation))
        self.session.flush()

    def shift(
        self,
        starts: datetime,
        ends: datetime,
        *,
        wishes: tuple[Wish, ...] | None = None,
        ignore: frozenset[int] = frozenset(),
    ) -> ShiftToFill:
        return ShiftToFill(
            client_id=self.client_id,
            service_id=self.service_id,
            program_id=self.program_id,
            starts_at=starts,
            ends_at=ends,
            wishes=wishes,
            ignore_shift_ids=ignore,
        )
