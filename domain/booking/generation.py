"""The rolling horizon: permanent bookings get their shifts up to Agency.shift_horizon_weeks ahead,
at the same local wall time across daylight-saving changes. A scheduled job."""

from datetime import datetime


def extend_series(now: datetime) -> int:
    """Generate the missing shifts of every live permanent booking; returns how many were made.
    An allocated series keeps its worker when they are free, else the new visit is UNALLOCATED
    and the roster department is told."""
    raise NotImplementedError
