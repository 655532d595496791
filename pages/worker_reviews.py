"""A worker's reviews page: clients and carers reach it from a provider card, staff from anywhere."""

from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import run, ui

from components import pager, review_list, session
from components.nav import client_sections, staff_sections, worker_sections
from components.theme import NavItem, frame, not_allowed
from domain.accounts.access import Actor
from domain.errors import DomainError
from domain.vocabulary import Role
from domain.workers import reviews


async def create(worker_id: int, request: Request) -> RedirectResponse | None:
    actor = await session.current_actor()
    if actor is None:
        return RedirectResponse("/login")
    page = request.query_params.get("page", "1")
    try:
        found = await run.io_bound(reviews.reviews, actor, worker_id, int(page) if page.isdigit() else 0)
    except DomainError as error:
        not_allowed(actor, error.message)
        return None
    ui.add_head_html('<link rel="stylesheet" href="/static/booking.css">')
    with frame(f"Reviews of {found.worker_name}", actor, nav=_nav(actor)):

        @ui.refreshable
        def shown(current: reviews.ReviewsPage) -> None:
            review_list.create(current, level=2)
            pager.create(current.page, current.pages, current.review_count, go, what="reviews")

        async def go(number: int) -> None:
            try:
                shown.refresh(await run.io_bound(reviews.reviews, actor, worker_id, number))
            except DomainError as error:
                ui.notify(error.message, type="negative")

        shown(found)
    return None


def _nav(actor: Actor) -> list[NavItem]:
    if actor.role == Role.WORKER:
        return worker_sections()
    if actor.is_staff:
        return staff_sections(actor)
    return client_sections(actor.client_ids[0]) if actor.client_ids else []
