"""The workforce's facts as columns: numpy arrays with a row per worker, by id.

A search's time-and-place cut and its ranking then work on all the workers past the first cut
at once (a few array operations) instead of one Python object at a time, which was most of a
search's time at 5,000 workers. Built once per workforce snapshot.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from domain.matching.facts import WorkerFacts

# The provider card's fields that are the worker's own, whatever the search: model.Provider's
# field -> WorkerFacts' attribute. Kept as columns (Columns.card), a search's cards are made a
# field at a time.
CARD = {
    "worker_id": "id",
    "name": "name",
    "photo_media_id": "photo_media_id",
    "charge_rate_cents": "charge_rate_cents",
    "gender": "gender",
    "competencies": "held",
    "rating": "rating",
    "medal": "medal",
    "medal_colour": "medal_colour",
    "review_count": "review_count",
}


@dataclass(frozen=True, eq=False)
class Columns:
    ids: np.ndarray  # worker ids, ascending: a worker's row is where their id sorts
    homes: np.ndarray  # (rows, 5): latitude, longitude, Earth-centred x, y, z (km); NaN: no home
    rating: np.ndarray
    max_minutes: np.ndarray  # a week's
    name_order: np.ndarray  # place in the order lists of people are read (name, then id)
    born: np.ndarray  # date of birth as yyyymmdd
    facts: tuple[WorkerFacts, ...]  # the same rows
    least_max_minutes: int  # the smallest weekly maximum (0: no workers)
    card: np.ndarray  # (rows, len(CARD)): each row's CARD facts, in CARD's order, as Python objects

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

    def cards(self, rows: np.ndarray) -> dict[str, list[Any]]:
        """Provider field -> the CARD fact of each of these rows, in their order."""
        return dict(zip(CARD, self.card[rows].T.tolist(), strict=True))

    def ages_on(self, rows: np.ndarray, day: date) -> np.ndarray:
        """Ages in whole years on the day (checks.age_on, for many): the yyyymmdd difference
        floors to the years, one fewer when the birthday is still to come that year."""
        ages: np.ndarray = (_yyyymmdd(day) - self.born[rows]) // 10_000
        return ages


def columns_of(workers: Iterable[WorkerFacts], by_name: Iterable[int]) -> Columns:
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
        card=_card_table(facts),
    )


def _card_table(facts: tuple[WorkerFacts, ...]) -> np.ndarray:
    """Filled a column at a time: a fact that is a tuple (the competencies held) stays one item."""
    table = np.empty((len(facts), len(CARD)), dtype=object)
    for column, fact in enumerate(CARD.values()):
        table[:, column] = np.fromiter((getattr(w, fact) for w in facts), dtype=object, count=len(facts))
    return table


def _id(worker: WorkerFacts) -> int:
    return worker.id


def _yyyymmdd(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day
