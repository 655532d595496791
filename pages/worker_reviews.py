"""A worker's reviews page: clients and carers reach it from a provider card, staff from anywhere."""

from fastapi import Request
from nicegui import ui

from components import background, guard, pager, review_list
from components.forms import submit
from components.guard import RecordId
from components.nav import client_sections, staff_sections, worker_sections
from components.theme import NavItem, frame
from components.viewer import SignedInViewer
from domain.accounts.access import Actor
from domain.vocabulary import Role
from domain.workers import reviews


@guard.page()  # every role; a worker sees only their own (the domain checks)
async def create(viewer: SignedInViewer, worker_id: RecordId, request: Request) -> None:
    actor = viewer.actor
    page = request.query_params.get("page", "1")
    found = await background.call(reviews.reviews, actor, worker_id, int(page) if page.isdigit() else 0)
    ui.add_head_html('<link rel="stylesheet" href="/static/booking.css">')
    with frame(f"Reviews of {found.worker_name}", viewer, nav=_nav(actor)):

        @ui.refreshable
        def shown(current: reviews.ReviewsPage) -> None:
            review_list.create(current, level=2)
            pager.create(current.page, current.pages, current.review_count, go, what="reviews")

        async def go(number: int) -> None:
            chosen = await submit(lambda: reviews.reviews(actor, worker_id, number))
            if chosen is not None:
                shown.refresh(chosen)

        shown(found)


def _nav(actor: Actor) -> list[NavItem]:
    if actor.role == Role.WORKER:
        return worker_sections()
    if actor.is_staff:
        return staff_sections(actor)
    return client_sections(actor, actor.client_ids[0]) if actor.client_ids else []
