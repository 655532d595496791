"""UTC in storage, the agency's zone on screen: the conversions between the two. Pure: the zone
is given (an action's `zone`, see domain.action)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def span_of_days(first: date, last: date | None, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants at which local day `first` starts and local day `last` (default: first) ends.

    Local midnight to midnight, so a daylight-saving day is 23 or 25 hours long, as it should be.
    """
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine((last or first) + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end
