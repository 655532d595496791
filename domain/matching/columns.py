"""The workforce's facts as columns: numpy arrays with a row per worker, by id.

A search's time-and-place cut and its ranking then work on all the workers past the first cut
at once (a few array operations) instead of one Python object at a time, which was most of a
search's time at 5,000 workers. Built once per workforce snapshot.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from domain.matching.workforce import WorkerFacts


@dataclass(frozen=True, eq=False)
class Columns:
    ids: np.ndarray  # worker ids, ascending: a worker's row is where their id sorts
    homes: np.ndarray  # (rows, 5): latitude, longitude, Earth-centred x, y, z (km); NaN: no home
    rating: np.ndarray
    max_minutes: np.ndarray  # a week's
    name_order: np.ndarray  # place in the order lists of people are read (name, then id)
    born: np.ndarray  # date of birth as yyyymmdd
    facts: tuple["WorkerFacts", ...]  # the same rows
    least_max_minutes: int  # the smallest weekly maximum (0: no workers)

    def rows(self, worker_ids: Collection[int]) -> np.ndarray:
        """The rows of these workers (all of them in the workforce)."""
        return np.searchsorted(self.ids, np.fromiter(worker_ids, np.int64, len(worker_ids)))

    def mask(self, worker_ids: Collection[int]) -> np.ndarray:
        """True at the rows of these workers; ids not in the workforce are ignored."""
        found = np.zeros(len(self.ids), dtype=bool)
        if worker_ids:
            wanted = np.fromiter(worker_ids, np.int64, len(worker_ids))
            rows = np.searchsorted(self.ids, wanted)
            known = rows < len(self.ids)
            rows, wanted = rows[known], wanted[known]
            found[rows[self.ids[rows] == wanted]] = True
        return found

    def ages_on(self, rows: np.ndarray, day: date) -> np.ndarray:
        """Ages in whole years on the day (checks.age_on, for many): the yyyymmdd difference
        floors to the years, one fewer when the birthday is still to come that year."""
        return (_yyyymmdd(day) - self.born[rows]) // 10_000


def columns_of(workers: Iterable["WorkerFacts"], by_name: Iterable[int]) -> Columns:
    facts = tuple(sorted(workers, key=_id))
    ids = np.fromiter((w.id for w in facts), np.int64, len(facts))
    place_in_list = {worker_id: place for place, worker_id in enumerate(by_name)}
    nowhere = (np.nan,) * 5
    return Columns(
        ids=ids,
        homes=np.array([w.home or nowhere for w in facts], dtype=np.float64).reshape(len(facts), 5),
        rating=np.fromiter((w.rating for w in facts), np.int64, len(facts)),
        max_minutes=np.fromiter((w.max_minutes for w in facts), np.int64, len(facts)),
        name_order=np.fromiter((place_in_list[w.id] for w in facts), np.int64, len(facts)),
        born=np.fromiter((_yyyymmdd(w.born) for w in facts), np.int64, len(facts)),
        facts=facts,
        least_max_minutes=min((w.max_minutes for w in facts), default=0),
    )


def _id(worker: "WorkerFacts") -> int:
    return worker.id


def _yyyymmdd(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day
