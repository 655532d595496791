"""The worker app's JSON API, under /api/v1, documented at /docs.

Adding endpoints: a module here with `router = APIRouter(prefix=..., tags=[...], route_class=DomainRoute)`,
endpoints that take `SignedInWorker` (api.security) and call the domain (plain `def`: FastAPI runs
them off the event loop), then one `include_router` line below. Domain errors become 401/403/404/
422/423 answers by themselves (api.errors).
"""

from fastapi import APIRouter

from . import bookings, feeds, messages, offers, over_hours, roster, shifts, tokens, visits
from .errors import COMMON

router = APIRouter(prefix="/api/v1")
router.include_router(tokens.router, responses=COMMON)
router.include_router(messages.router, responses=COMMON)
router.include_router(offers.router, responses=COMMON)
router.include_router(shifts.router, responses=COMMON)
router.include_router(bookings.router, responses=COMMON)
router.include_router(roster.router, responses=COMMON)
router.include_router(over_hours.router, responses=COMMON)
router.include_router(visits.router, responses=COMMON)
router.include_router(feeds.router, responses=COMMON)
