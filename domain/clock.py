"""The one place that asks the time, so that tests can set it."""

from datetime import UTC, datetime, timedelta

_frozen: datetime | None = None


def now() -> datetime:
    """The current moment, aware, in UTC."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def freeze(at: datetime) -> None:
    if at.tzinfo is None:
        raise ValueError("freeze() needs an aware datetime")
    global _frozen
    _frozen = at.astimezone(UTC)


def advance(by: timedelta) -> None:
    freeze(now() + by)


def unfreeze() -> None:
    global _frozen
    _frozen = None
