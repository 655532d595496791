"""Asking the matching engine about one worker inside a write transaction, and turning its answer
into the error a person reads: SlotTaken when their time was just taken, NotSuitable otherwise."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import matching
from domain.booking.errors import NotSuitable, SlotTaken
from domain.language import _
from domain.matching import wording
from storage.queries import booking as queries


@contextmanager
def overlap_refused() -> Iterator[None]:
    """Around a writing action: PostgreSQL's refusal of an overlapping busy shift (the exclusion
    constraint, SQLSTATE 23P01) becomes SlotTaken. The transaction has rolled back as a whole."""
    try:
        yield
    except IntegrityError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01":
            raise SlotTaken() from error
        raise


def require_free(
    worker_id: int, spans: Sequence[tuple[datetime, datetime]], ignore: Sequence[int], *, session: Session
) -> None:
    """The direct check the engine's answer does not replace: no busy shift of the worker overlaps.
    Inside a writing action this is serialized on SQLite (BEGIN IMMEDIATE); PostgreSQL's exclusion
    constraint refuses whatever slips past it."""
    for starts_at, ends_at in spans:
        if queries.clashing_shift(worker_id, starts_at, ends_at, ignore, session=session) is not None:
            raise SlotTaken()


def require_listed(match: matching.Match, worker_id: int, *, show_reasons: bool) -> None:
    if any(provider.worker_id == worker_id for provider in match.providers):
        return
    raise _refusal(match.left_out, worker_id, show_reasons)


def require_listed_in_series(
    match: matching.SeriesMatch, worker_id: int, *, show_reasons: bool
) -> matching.SeriesProvider:
    for listed in match.providers:
        if listed.provider.worker_id == worker_id:
            return listed
    raise _refusal(match.left_out, worker_id, show_reasons)


def _refusal(left_out: Sequence[matching.LeftOut], worker_id: int, show_reasons: bool) -> Exception:
    """Clients see only that the worker cannot take it (DESIGN.md §3.1 point 5); staff see why."""
    reasons = next((out.reasons for out in left_out if out.worker_id == worker_id), ())
    if any(wording.is_clash(reason) for reason in reasons):  # in any language
        return SlotTaken()
    if not show_reasons:
        return NotSuitable(
            _(
                "That support worker can no longer take this booking. Please choose another one, "
                "or let the agency choose."
            )
        )
    because = "; ".join(reasons) or _("they do not meet this visit's requirements")
    return NotSuitable(_("That support worker cannot take this booking: {reasons}.").format(reasons=because))
