"""The workforce in memory: every active worker with what they hold and when they work.

Loading it takes a statement per table; a search then only asks whether the workforce stamp
(bumped by database triggers, migration 0003) still matches the one it was loaded at. The
snapshot is kept per database URL, so tests with a fresh database each never share one.
"""

import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from domain.matching.columns import Columns, columns_of
from domain.matching.distance import spot
from domain.matching.facts import Characteristic, WorkerFacts
from domain.matching.model import HeldCompetency
from domain.people import known_as
from storage.queries import NamedRow
from storage.queries import workforce as queries


@dataclass(frozen=True)
class Workforce:
    stamp: int
    workers: dict[int, WorkerFacts]
    competency_names: dict[int, str]
    characteristics: dict[int, Characteristic]
    holders: dict[int, "Holders"]  # competency id -> who holds it, and until when
    having: dict[int, frozenset[int]]  # language or flag characteristic id -> who has it
    by_gender: dict[str, frozenset[int]]
    spans_on: tuple["Windows", ...]  # per weekday, every worker's windows as columns
    on_map: frozenset[int]  # workers whose home has a position
    by_name: tuple[int, ...]  # worker ids in the order lists of people are read: name, then id
    columns: Columns  # the same facts as arrays, for the cuts and the ranking of many workers
    # Answers worked out from this snapshot (who holds X valid on day D, whose windows cover
    # a span): the same days and start times come up again and again. Dropped with the snapshot.
    memo: dict[tuple[object, ...], frozenset[int]] = field(default_factory=dict, compare=False, repr=False)


LARGE = 1_000  # workers: from this size on, a snapshot is most of the heap
_lock = threading.Lock()
_cache: dict[str, Workforce] = {}
_after_large_load: Callable[[], None] | None = None


def after_large_load(callback: Callable[[], None] | None) -> None:
    """Run `callback` each time a snapshot of LARGE workers or more is loaded and kept (None: run
    nothing). A snapshot lives until the workforce changes: start-up installs here the garbage
    collector's tuning that keeps full collections from walking it during searches (main.py)."""
    global _after_large_load
    _after_large_load = callback


def current(stamp: int, *, session: Session) -> Workforce:
    """The workforce as of `stamp`, from memory when nothing changed since it was loaded."""
    key = str(session.get_bind().engine.url)
    found = _cache.get(key)
    if found is not None and found.stamp == stamp:
        return found
    fresh = load(stamp, session=session)
    if queries.wrote_in_transaction(session):
        return fresh  # what it read may yet roll back: a later commit could reach the same stamp
    with _lock:
        if len(_cache) > 8:  # a test run makes a database per test: keep only a few
            _cache.clear()
        _cache[key] = fresh
    if len(fresh.workers) >= LARGE and _after_large_load is not None:
        _after_large_load()
    return fresh


def load(stamp: int, *, session: Session) -> Workforce:
    competency_rows = queries.competencies(session=session)
    workers = _facts({row.id: row for row in competency_rows}, session)
    return of(
        stamp,
        workers,
        competency_names={row.id: row.name for row in competency_rows},
        characteristics={
            row.id: Characteristic(row.id, str(row.kind), row.code, row.name, row.min_age, row.max_age)
            for row in queries.characteristics(session=session)
        },
    )


def of(
    stamp: int,
    workers: dict[int, WorkerFacts],
    *,
    competency_names: dict[int, str],
    characteristics: dict[int, Characteristic],
) -> Workforce:
    """A snapshot of these workers, with the indexes a search's first cut reads."""
    by_name = tuple(w.id for w in sorted(workers.values(), key=lambda w: (w.name, w.id)))
    return Workforce(
        stamp=stamp,
        workers=workers,
        competency_names=competency_names,
        characteristics=characteristics,
        holders=_holders(workers),
        having=_index(workers, lambda worker: worker.characteristics),
        by_gender=_by_gender(workers),
        spans_on=tuple(_windows_on(workers, day) for day in range(7)),
        on_map=frozenset(w.id for w in workers.values() if w.home is not None),
        by_name=by_name,
        columns=columns_of(workers.values(), by_name),
    )


def _facts(catalogue: dict[int, NamedRow], session: Session) -> dict[int, WorkerFacts]:
    """Every active worker's facts, a statement per table."""
    held: dict[int, dict[int, tuple[date | None, date | None]]] = defaultdict(dict)
    for row in queries.held_competencies(session=session):
        held[row.worker_id][row.competency_id] = (row.obtained_on, row.expires_on)
    characteristics_of: dict[int, set[int]] = defaultdict(set)
    for row in queries.worker_characteristics(session=session):
        characteristics_of[row.worker_id].add(row.characteristic_id)
    windows: dict[int, list[list[tuple[int, int]]]] = defaultdict(lambda: [[] for _ in range(7)])
    for row in queries.windows(session=session):
        windows[row.worker_id][row.weekday].append((row.start_minute, row.end_minute))
    reviews = queries.review_counts(session=session)
    cards: dict[tuple[int, date | None], HeldCompetency] = {}
    workers = {}
    for row in queries.workers(session=session):
        mine = held.get(row.id, {})
        workers[row.id] = WorkerFacts(
            id=row.id,
            name=known_as(row.preferred_name, row.first_name, row.last_name),
            gender=str(row.gender),
            born=row.date_of_birth,
            photo_media_id=row.photo_media_id,
            charge_rate_cents=row.charge_rate_cents,
            rating=row.rating,
            medal=row.medal,
            medal_colour=row.medal_colour,
            review_count=reviews.get(row.id, 0),
            max_minutes=row.max_hours_per_week * 60,
            home=spot(row.home_lat, row.home_lon)
            if row.home_lat is not None and row.home_lon is not None
            else None,
            competencies=mine,
            characteristics=frozenset(characteristics_of.get(row.id, ())),
            spans=tuple(join_spans(day) for day in windows[row.id]) if row.id in windows else ((),) * 7,
            held=_held(mine, catalogue, cards),
        )
    return workers


@dataclass(frozen=True, eq=False)
class Windows:
    """One weekday's windows of every worker, as columns: who covers a span is one comparison."""

    worker: np.ndarray
    start: np.ndarray  # minute of the day
    end: np.ndarray

    def covering(self, begin: int, finish: int) -> frozenset[int]:
        return frozenset(self.worker[(self.start <= begin) & (self.end >= finish)].tolist())


def _windows_on(workers: dict[int, WorkerFacts], weekday: int) -> Windows:
    rows = [(w.id, start, end) for w in workers.values() for start, end in w.spans[weekday]]
    table = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return Windows(table[:, 0], table[:, 1], table[:, 2])


def join_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Windows of one day that overlap or touch become one (8–12 and 12–17 cover 11–13)."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return tuple(joined)


def _held(
    mine: dict[int, tuple[date | None, date | None]],
    catalogue: dict[int, NamedRow],
    cards: dict[tuple[int, date | None], HeldCompetency],
) -> tuple[HeldCompetency, ...]:
    """The worker's competency cards. Workers holding the same competency to the same day share
    one (immutable) card: tens of thousands fewer objects for every full garbage collection to
    walk, which otherwise costs a search that meets one about 100 ms."""
    held = []
    for cid, (_obtained, expires) in mine.items():
        card = cards.get((cid, expires))
        if card is None:
            item = catalogue[cid]
            card = cards[(cid, expires)] = HeldCompetency(item.name, item.glyph, str(item.kind), expires)
        held.append(card)
    return tuple(sorted(held, key=_card_name))


def _card_name(card: HeldCompetency) -> str:
    return card.name


@dataclass(frozen=True)
class Holders:
    """Who holds one competency, arranged so "valid on day D" is a slice, not a scan."""

    always: frozenset[int]  # no dates at all
    expiries: tuple[date, ...]  # the last valid days of `until`, in order
    until: tuple[int, ...]  # holders with only an expiry, by expiry
    dated: tuple[tuple[int, date, date | None], ...]  # (worker, valid from, last valid day)

    def valid_on(self, day: date) -> frozenset[int]:
        found = self.always.union(self.until[bisect_left(self.expiries, day) :])
        later = [w for w, start, end in self.dated if start <= day and (end is None or end >= day)]
        return found.union(later) if later else found


def _holders(workers: dict[int, WorkerFacts]) -> dict[int, Holders]:
    spans: dict[int, list[tuple[int, date | None, date | None]]] = defaultdict(list)
    for worker in workers.values():
        for competency_id, (obtained, expires) in worker.competencies.items():
            spans[competency_id].append((worker.id, obtained, expires))
    found = {}
    for competency_id, held in spans.items():
        expiring = sorted((e, w) for w, o, e in held if o is None and e is not None)
        found[competency_id] = Holders(
            always=frozenset(w for w, o, e in held if o is None and e is None),
            expiries=tuple(e for e, _ in expiring),
            until=tuple(w for _, w in expiring),
            dated=tuple((w, o, e) for w, o, e in held if o is not None),
        )
    return found


def _index(
    workers: dict[int, WorkerFacts], items: Callable[[WorkerFacts], Iterable[int]]
) -> dict[int, frozenset[int]]:
    """Item id -> the workers with it: the cheap first cut of a search."""
    found: dict[int, set[int]] = defaultdict(set)
    for worker in workers.values():
        for item in items(worker):
            found[item].add(worker.id)
    return {key: frozenset(ids) for key, ids in found.items()}


def _by_gender(workers: dict[int, WorkerFacts]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for worker in workers.values():
        found[worker.gender].add(worker.id)
    return {key: frozenset(ids) for key, ids in found.items()}
