"""The site root: send each person to their own home screen."""

from fastapi.responses import RedirectResponse

from components import session
from domain.accounts import access


async def create() -> RedirectResponse:
    actor = await session.current_actor()
    return RedirectResponse(access.home_path(actor) if actor else "/login")
