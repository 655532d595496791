"""A workers file as an agency's old system would export it, for the import's tests and
`make bench-import`: any number of workers, each with competencies and weekly availability, in
Sydney suburbs from the shipped table; and the few records an empty agency needs first (its
competency catalogue and an administrator)."""

import csv
import io
import random

from sqlalchemy.orm import Session

from domain.transfer.worker_rows import COLUMNS
from domain.vocabulary import Role
from storage.models import Account, Competency

from .catalogue import COMPETENCIES
from .names import FEMALE_FIRST, LAST, MALE_FIRST

HEADER = list(COLUMNS)  # every column of the workers file
SUBURBS = (
    ("Parramatta", "2150"),
    ("Ultimo", "2007"),
    ("Sydney", "2000"),
    ("Haymarket", "2000"),
    ("The Rocks", "2000"),
)


def prepare_empty_agency(session: Session) -> int:
    """The competency catalogue and an administrator's account (its id) in an empty agency."""
    for code, name, kind, glyph, expires in COMPETENCIES:
        session.add(Competency(code=code, name=name, kind=kind, glyph=glyph, expires=expires))
    admin = Account(email="import-admin@example.com", display_name="Import Administrator", role=Role.ADMIN)
    session.add(admin)
    session.flush()
    return admin.id


def worker_rows(count: int, *, seed: int = 15, start: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for n in range(start, start + count):
        female = rng.random() < 0.7
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        last = rng.choice(LAST)
        suburb, postcode = rng.choice(SUBURBS)
        held = rng.sample(COMPETENCIES, rng.randint(2, 5))
        competencies = "; ".join(
            f"{code} 2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if expires else code
            for code, _, _, _, expires in sorted(held)
        )
        days = sorted(rng.sample(range(5), rng.randint(3, 5)))
        start_hour = rng.choice((7, 8, 9))
        availability = "; ".join(
            f"{('Mon', 'Tue', 'Wed', 'Thu', 'Fri')[d]} {start_hour:02d}:00-{start_hour + 8:02d}:00"
            for d in days
        )
        rows.append(
            [
                f"W{n:06d}",
                first,
                last,
                "",
                "female" if female else "male",
                f"{rng.randint(1960, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"041{rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                f"worker{n}@example.com",
                f"{rng.randint(1, 200)} Example Street",
                suburb,
                "NSW",
                postcode,
                f"{rng.choice((38, 41, 43, 47))}.{rng.choice((0, 25, 50, 75)):02d}",
                str(rng.choice((20, 30, 38))),
                str(rng.randint(3, 5)),
                f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "yes",
                competencies,
                availability,
            ]
        )
    return rows


def as_csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def client_rows(count: int, *, seed: int = 16, start: int = 1) -> list[list[str]]:
    """Clients in the clients file's columns (domain.transfer.client_rows.COLUMNS)."""
    rng = random.Random(seed)
    rows = []
    for n in range(start, start + count):
        female = rng.random() < 0.6
        suburb, postcode = rng.choice(SUBURBS)
        rows.append(
            [
                f"C{n:06d}",
                rng.choice(("Mrs", "Ms", "Mr", "")),
                rng.choice(FEMALE_FIRST if female else MALE_FIRST),
                rng.choice(LAST),
                "",
                "female" if female else "male",
                f"{rng.randint(1930, 1960)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "",
                f"041{rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                f"client{n}@example.com",
                f"{rng.randint(1, 200)} Example Street",
                suburb,
                "NSW",
                postcode,
                rng.choice(("English", "Greek", "Vietnamese")),
                rng.choice(("yes", "no")),
                "yes",
            ]
        )
    return rows
