"""When a failed message is tried again, and when the outbox gives up: pure rules, no database."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.messaging import backoff

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def test_first_retry_waits_a_minute_and_each_next_one_twice_as_long() -> None:
    delays = [backoff.delay_after(attempts) for attempts in range(1, 6)]
    assert delays == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8, 16)]


@given(st.integers(min_value=1, max_value=10_000))
def test_retry_delays_grow_but_never_pass_two_hours(attempts: int) -> None:
    assert backoff.delay_after(attempts) <= backoff.delay_after(attempts + 1) <= timedelta(hours=2)


@given(st.integers(min_value=1, max_value=backoff.MAX_ATTEMPTS - 1))
def test_a_failure_before_the_last_attempt_is_tried_again_later(attempts: int) -> None:
    step = backoff.after_failure(attempts, "connection refused", NOW)
    assert step == backoff.TryAgain(NOW + backoff.delay_after(attempts))


def test_the_last_attempt_gives_up_and_keeps_the_error() -> None:
    step = backoff.after_failure(backoff.MAX_ATTEMPTS, "connection refused", NOW)
    assert isinstance(step, backoff.GiveUp)
    assert "connection refused" in step.reason
    assert f"{backoff.MAX_ATTEMPTS} attempts" in step.reason


def test_a_permanent_refusal_gives_up_at_once() -> None:
    step = backoff.after_failure(1, "550 no such mailbox", NOW, permanent=True)
    assert isinstance(step, backoff.GiveUp)
    assert "550 no such mailbox" in step.reason


def test_all_attempts_together_take_hours_not_minutes() -> None:
    """A mail server down for a lunch break must not cost a single message."""
    waited = sum((backoff.delay_after(n) for n in range(1, backoff.MAX_ATTEMPTS)), timedelta())
    assert timedelta(hours=4) <= waited <= timedelta(hours=8)
