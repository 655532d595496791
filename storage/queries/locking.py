"""Taking a row lock the same way everywhere.

Use cases that touch a booking lock in one order — the booking, then its shifts, then its offers —
so two of them never each hold what the other waits for (PostgreSQL would end one with a deadlock).
"""

from typing import Any

from sqlalchemy import Select


def locked(query: Select[Any]) -> Select[Any]:
    """FOR UPDATE, and what the row holds now replaces what the session read of it before the lock
    (a use case may have looked at a row unlocked first, to find what to lock, in order)."""
    return query.with_for_update().execution_options(populate_existing=True)
