"""The first cut of a search (cut.py): by set arithmetic over the whole workforce, who meets the
requirements on the shift's day, whose windows cover it, and who passes both (not blocked, home
on the map). It must say of every worker what the one-worker checks (checks.py) say."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.matching import checks
from domain.matching.cut import cut, met
from domain.matching.facts import WorkerFacts
from domain.matching.slot import Slot
from tests.matching.in_memory import FEMALE, GREEK, YOUNG, km_north, rules, shift, worker

MONDAY = date(2026, 12, 7)
TUESDAY = MONDAY + timedelta(days=1)
CLOCKS_BACK = date(2027, 4, 4)
FIRST_AID, HOIST = 1, 2


def test_a_worker_meets_a_shift_only_holding_every_mandatory_competency() -> None:
    both = worker(1, competencies={FIRST_AID: (None, None), HOIST: (None, None)})
    one = worker(2, competencies={FIRST_AID: (None, None)})
    found = cut(rules(both, one, competencies=(FIRST_AID, HOIST)), shift(MONDAY, "09:00", "10:00"))
    assert found.meeting == {both.id}
    assert found.passing == {both.id}


def test_a_competency_counts_through_its_last_valid_day_and_not_after() -> None:
    ann = worker(competencies={FIRST_AID: (None, MONDAY)})
    needs_first_aid = rules(ann, competencies=(FIRST_AID,))
    assert cut(needs_first_aid, shift(MONDAY, "09:00", "10:00")).meeting == {ann.id}
    assert cut(needs_first_aid, shift(TUESDAY, "09:00", "10:00")).meeting == set()


def test_a_competency_obtained_after_the_shift_day_does_not_count_yet() -> None:
    ann = worker(competencies={FIRST_AID: (TUESDAY, None)})
    needs_first_aid = rules(ann, competencies=(FIRST_AID,))
    assert cut(needs_first_aid, shift(MONDAY, "09:00", "10:00")).meeting == set()
    assert cut(needs_first_aid, shift(TUESDAY, "09:00", "10:00")).meeting == {ann.id}


def test_the_day_that_counts_is_the_local_day_the_shift_starts() -> None:
    ann = worker(competencies={FIRST_AID: (None, MONDAY)})
    night = shift(MONDAY, "23:00", "01:00", end_day=TUESDAY)  # Monday 12:00 to 14:00 in UTC
    assert cut(rules(ann, competencies=(FIRST_AID,)), night).meeting == {ann.id}


def test_gender_age_band_and_language_asked_for_are_each_needed() -> None:
    anna = worker(1, born=date(2000, 1, 1), characteristics=frozenset({GREEK.id}))
    older = worker(2, born=date(1990, 1, 1), characteristics=frozenset({GREEK.id}))
    bob = worker(3, gender="male", born=date(2000, 1, 1), characteristics=frozenset({GREEK.id}))
    no_greek = worker(4, born=date(2000, 1, 1))
    asked = rules(anna, older, bob, no_greek, characteristics=(FEMALE.id, YOUNG.id, GREEK.id))
    assert cut(asked, shift(MONDAY, "09:00", "10:00")).meeting == {anna.id}


def test_a_blocked_worker_meets_the_requirements_but_does_not_pass() -> None:
    ann = worker()
    found = cut(rules(ann, blocked=frozenset({ann.id})), shift(MONDAY, "09:00", "10:00"))
    assert (found.meeting, found.covered, found.passing) == ({ann.id}, {ann.id}, set())


def test_a_worker_whose_home_is_not_on_the_map_does_not_pass() -> None:
    ann = worker(home=None)
    assert cut(rules(ann), shift(MONDAY, "09:00", "10:00")).passing == set()


def test_a_night_shift_passes_only_workers_available_on_both_local_days() -> None:
    both = worker(1, windows=((0, 20 * 60, 1440), (1, 0, 7 * 60)))
    monday_only = worker(2, windows=((0, 20 * 60, 1440),))
    found = cut(rules(both, monday_only), shift(MONDAY, "22:00", "06:00", end_day=TUESDAY))
    assert found.covered == {both.id}
    assert found.passing == {both.id}


def test_each_desirable_lists_who_meets_it_and_what_it_weighs() -> None:
    ann = worker(1, competencies={FIRST_AID: (None, None), HOIST: (None, None)})
    bob = worker(2, competencies={HOIST: (None, None)})
    wanted = rules(ann, bob, desirable=((FIRST_AID, 3), (HOIST, 1)))
    found = cut(wanted, shift(MONDAY, "09:00", "10:00"))
    assert found.desirable == ((frozenset({ann.id}), 3), (frozenset({ann.id, bob.id}), 1))
    assert (met(found, ann.id), met(found, bob.id)) == (4, 1)
    assert found.passing == {ann.id, bob.id}  # desirables leave nobody out


# On random workforces the set arithmetic says what the one-worker checks say


dated = st.one_of(st.none(), st.integers(-3, 3).map(lambda n: MONDAY + timedelta(days=n)))
minutes = st.integers(0, 96).map(lambda n: n * 15)
random_worker = st.fixed_dictionaries(
    {
        "gender": st.sampled_from(("female", "male")),
        "born": st.dates(date(1990, 1, 1), date(2010, 12, 31)),
        "home": st.one_of(st.none(), st.floats(0, 30).map(km_north)),
        "windows": st.lists(st.tuples(st.integers(0, 6), minutes, minutes), max_size=5),
        "competencies": st.dictionaries(st.sampled_from((FIRST_AID, HOIST)), st.tuples(dated, dated)),
        "characteristics": st.frozensets(st.just(GREEK.id)),
    }
)
ITEMS = (("competency", FIRST_AID), ("competency", HOIST), ("characteristic", FEMALE.id))
ITEMS += (("characteristic", YOUNG.id), ("characteristic", GREEK.id))
wishes = st.dictionaries(st.sampled_from(ITEMS), st.tuples(st.booleans(), st.integers(1, 3)), max_size=4)
days = st.sampled_from((MONDAY, TUESDAY, MONDAY + timedelta(days=6), CLOCKS_BACK))


@settings(deadline=None, max_examples=200)
@given(
    described=st.lists(random_worker, max_size=6),
    wished=wishes,
    day=days,
    starts=minutes.filter(lambda m: m < 1440),
    length=st.integers(1, 92).map(lambda n: n * 15),  # 23 h: a day the clocks go back has 25
    blocked=st.frozensets(st.integers(1, 6)),
)
def test_the_cut_says_of_each_worker_what_the_one_worker_checks_say(
    described: list[dict], wished: dict, day: date, starts: int, length: int, blocked: frozenset[int]
) -> None:
    workers = [worker(n, **facts) for n, facts in enumerate(described, 1)]
    mandatory = [item for item, (must, _weight) in wished.items() if must]
    desirable = tuple(
        (i, weight) for (kind, i), (must, weight) in wished.items() if not must and kind == "competency"
    )
    search = rules(
        *workers,
        competencies=tuple(i for kind, i in mandatory if kind == "competency"),
        characteristics=tuple(i for kind, i in mandatory if kind == "characteristic"),
        desirable=desirable,
        blocked=blocked,
    )
    visit = _visit(day, starts, length)
    found = cut(search, visit)
    assert found.covered == {w.id for w in workers if checks.covered(w, visit)}
    assert found.meeting == {w.id for w in workers if _meets(w, visit, search)}
    assert found.passing == {
        w.id for w in workers if not checks.requirement_reasons(w, visit, search) and checks.covered(w, visit)
    }
    assert [met(found, w.id) for w in workers] == [checks.desirables_met(w, visit, search) for w in workers]


def _visit(day: date, starts: int, length: int) -> Slot:
    begin = f"{starts // 60:02d}:{starts % 60:02d}"
    end_minute = starts + length
    end = f"{end_minute % 1440 // 60:02d}:{end_minute % 60:02d}"
    return shift(day, begin, end, end_day=day + timedelta(days=end_minute // 1440))


def _meets(w: WorkerFacts, visit: Slot, search: checks.Rules) -> bool:
    names, characteristics = search.force.competency_names, search.force.characteristics
    return all(
        checks.competency_gap(w, i, names[i], visit.day) is None for i in search.requirements.competencies
    ) and all(
        checks.characteristic_gap(w, characteristics[i], visit.day) is None
        for i in search.requirements.characteristics
    )
