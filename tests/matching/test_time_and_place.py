"""Availability in local time, leave, other shifts and travel, hours in the week, distance."""

from datetime import date, timedelta

from domain import matching
from domain.vocabulary import ShiftStatus
from storage import db
from storage.models import Shift
from tests.matching.builders import HOME, Town, at, north
from tests.matching.conftest import listed, reasons, search

MONDAY = date(2026, 12, 7)


def test_window_ending_one_minute_before_the_shift_ends_is_not_enough(town: Town) -> None:
    ann = town.worker(windows=((0, 8 * 60, 10 * 60 + 59),))
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, ann) == ("not available Mon 09:00–11:00",)
    exact = town.worker("Exact", windows=((0, 9 * 60, 11 * 60),))
    assert listed(town, shift) == [exact]


def test_windows_that_touch_cover_a_shift_across_them(town: Town) -> None:
    ann = town.worker(windows=((0, 8 * 60, 10 * 60), (0, 10 * 60, 12 * 60)))
    assert listed(town, town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))) == [ann]


def test_shift_crossing_midnight_needs_a_window_until_midnight_and_one_from_midnight(town: Town) -> None:
    night = town.shift(at(MONDAY, "22:00"), at(MONDAY + timedelta(days=1), "06:00"))
    both = town.worker("Both", windows=((0, 20 * 60, 1440), (1, 0, 7 * 60)))
    monday_only = town.worker("Mona", windows=((0, 20 * 60, 1440),))
    short = town.worker("Short", windows=((0, 20 * 60, 1439), (1, 0, 7 * 60)))
    assert listed(town, night) == [both]
    assert reasons(town, night, monday_only) == ("not available Mon 22:00–06:00",)
    assert reasons(town, night, short) == ("not available Mon 22:00–06:00",)


def test_a_shift_ending_at_midnight_needs_no_window_the_next_day(town: Town) -> None:
    ann = town.worker(windows=((0, 18 * 60, 1440),))
    assert listed(town, town.shift(at(MONDAY, "22:00"), at(MONDAY + timedelta(days=1), "00:00"))) == [ann]


def test_windows_are_read_in_local_time_when_the_clocks_go_forward_in_october(town: Town) -> None:
    """Sunday 3 October 2027: 02:00 becomes 03:00. 01:00–04:00 on the wall is two hours of work."""
    sunday = date(2027, 10, 3)
    shift = town.shift(at(sunday, "01:00"), at(sunday, "04:00"))
    assert shift.ends_at - shift.starts_at == timedelta(hours=2)
    early = town.worker("Early", windows=((6, 0, 4 * 60),), max_hours=2)
    utc_minded = town.worker("Utc", windows=((6, 0, 3 * 60),))
    assert listed(town, shift) == [early]
    assert reasons(town, shift, utc_minded) == ("not available Sun 01:00–04:00",)


def test_windows_are_read_in_local_time_when_the_clocks_go_back_in_april(town: Town) -> None:
    """Sunday 4 April 2027: 03:00 becomes 02:00 again. 01:00–04:00 on the wall is four hours of work."""
    sunday = date(2027, 4, 4)
    shift = town.shift(at(sunday, "01:00"), at(sunday, "04:00"))
    assert shift.ends_at - shift.starts_at == timedelta(hours=4)
    ann = town.worker("Ann", windows=((6, 60, 4 * 60),), max_hours=4)
    three_hour_contract = town.worker("Tess", windows=((6, 60, 4 * 60),), max_hours=3)
    assert listed(town, shift) == [ann]
    assert reasons(town, shift, three_hour_contract) == ("0 of 3 h rostered, this shift 4 h",)


def test_leave_overlapping_the_shift_leaves_the_worker_out(town: Town) -> None:
    ann, bob = town.worker("Ann"), town.worker("Bob")
    town.leave(ann, at(MONDAY, "10:59"), at(MONDAY + timedelta(days=3), "00:00"))
    town.leave(bob, at(MONDAY, "11:00"), at(MONDAY + timedelta(days=3), "00:00"))  # starts as it ends
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, ann) == ("on leave",)
    assert listed(town, shift) == [bob]


def test_a_clashing_shift_or_a_held_offer_leaves_the_worker_out(town: Town) -> None:
    ann, bob, cat = town.worker("Ann"), town.worker("Bob"), town.worker("Cat")
    town.busy(ann, at(MONDAY, "10:00"), at(MONDAY, "12:00"))
    town.busy(bob, at(MONDAY, "08:00"), at(MONDAY, "09:30"), status=ShiftStatus.OFFERED)
    town.busy(cat, at(MONDAY, "10:00"), at(MONDAY, "12:00"), status=ShiftStatus.CANCELLED)
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, ann) == ("clashes with 10:00–12:00 shift",)
    assert reasons(town, shift, bob) == ("clashes with 08:00–09:30 shift",)
    assert listed(town, shift) == [cat]


def test_the_shift_being_reallocated_does_not_clash_with_itself(town: Town) -> None:
    ann = town.worker()
    itself = town.busy(ann, at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"), ignore=frozenset({itself}))
    assert listed(town, shift) == [ann]


def test_travel_buffer_too_short_by_one_minute(town: Town) -> None:
    """Same address, so no travel time: only the agency's 15-minute buffer."""
    late, in_time = town.worker("Late"), town.worker("Ontime")
    town.busy(late, at(MONDAY, "07:00"), at(MONDAY, "08:46"))
    town.busy(in_time, at(MONDAY, "07:00"), at(MONDAY, "08:45"))
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, late) == ("needs 15 min to come from the 07:00–08:46 shift, has 14",)
    assert listed(town, shift) == [in_time]


def test_travel_time_to_the_next_shift_counts_at_the_agencys_speed(town: Town) -> None:
    """10 km at 30 km/h is 20 minutes, plus the 15-minute buffer."""
    tight, enough = town.worker("Tight"), town.worker("Enough")
    away = north(10)
    town.busy(tight, at(MONDAY, "11:34"), at(MONDAY, "12:30"), place=away)
    town.busy(enough, at(MONDAY, "11:35"), at(MONDAY, "12:30"), place=away)
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, tight) == ("needs 35 min to get to the 11:34–12:30 shift, has 34",)
    assert listed(town, shift) == [enough]


def test_hours_exactly_at_the_maximum_are_allowed_and_one_more_minute_is_not(town: Town) -> None:
    full, over = town.worker("Full", max_hours=4), town.worker("Over", max_hours=4)
    tuesday = MONDAY + timedelta(days=1)
    town.busy(full, at(tuesday, "09:00"), at(tuesday, "11:00"))
    town.busy(over, at(tuesday, "09:00"), at(tuesday, "11:01"))
    town.busy(
        over, at(MONDAY - timedelta(days=1), "09:00"), at(MONDAY - timedelta(days=1), "17:00")
    )  # last week
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert listed(town, shift) == [full]
    assert reasons(town, shift, over) == ("2.02 of 4 h rostered, this shift 2 h",)


def test_a_full_week_says_so_in_plain_words(town: Town) -> None:
    ann = town.worker(max_hours=8)
    town.busy(ann, at(MONDAY + timedelta(days=2), "08:00"), at(MONDAY + timedelta(days=2), "16:00"))
    assert reasons(town, town.shift(at(MONDAY, "09:00"), at(MONDAY, "10:00")), ann) == ("8 of 8 h rostered",)


def test_the_travel_radius_is_a_hard_limit(town: Town) -> None:
    far, near = town.worker("Far", home=north(31)), town.worker("Near", home=north(24.9))
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, far) == ("31.0 km away (limit 25 km)",)
    assert listed(town, shift) == [near]
    assert search(town, shift).providers[0].distance_km == 24.9


def test_distance_is_measured_from_the_previous_shift_that_day(town: Town) -> None:
    """Home is 40 km away, but the morning's shift is next door: she is 1 km away at the start."""
    ann = town.worker(home=north(40))
    town.busy(ann, at(MONDAY, "07:00"), at(MONDAY, "08:00"), place=north(1))
    card = search(town, town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))).providers[0]
    assert (card.worker_id, card.distance_km) == (ann, 1.0)


def test_yesterdays_last_shift_does_not_move_the_start(town: Town) -> None:
    ann = town.worker(home=north(40))
    sunday = MONDAY - timedelta(days=1)
    town.busy(ann, at(sunday, "22:00"), at(sunday, "23:30"), place=HOME)
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert reasons(town, shift, ann) == ("40.0 km away (limit 25 km)",)


def test_every_reason_that_applies_is_given(town: Town) -> None:
    ann = town.worker(home=north(31), windows=(), max_hours=1)
    town.leave(ann, at(MONDAY, "00:00"), at(MONDAY, "23:00"))
    town.busy(ann, at(MONDAY, "10:00"), at(MONDAY, "10:30"))
    assert reasons(town, town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00")), ann) == (
        "not available Mon 09:00–11:00",
        "on leave",
        "clashes with 10:00–10:30 shift",
        "0.5 of 1 h rostered, this shift 2 h",
        "31.0 km away (limit 25 km)",
    )


def test_a_worker_whose_home_is_not_on_the_map_is_left_out(town: Town) -> None:
    ann = town.worker(home=None)
    assert reasons(town, town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00")), ann) == (
        "home address not on the map",
    )


def test_a_search_inside_the_bookings_write_transaction_sees_what_it_just_held(empty_db: str) -> None:
    """Booking re-checks inside its own transaction: a shift it has just added (not yet
    committed, not even flushed) already makes the worker busy."""
    with db.write() as session:
        town = Town(session)
        ann = town.worker()
        shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
        assert [p.worker_id for p in matching.find_providers(shift, session=session)] == [ann]
        session.add(
            Shift(
                occurrence_date=MONDAY,
                client_id=town.client_id,
                worker_id=ann,
                service_id=town.service_id,
                program_id=town.program_id,
                starts_at=shift.starts_at,
                ends_at=shift.ends_at,
                status=ShiftStatus.OFFERED,
                bill_units=200,
                bill_rate_cents=6000,
                created_at=shift.starts_at,
            )
        )
        assert matching.find_providers(shift, session=session) == ()
