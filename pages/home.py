"""The site root: send each person to their own home screen."""

from fastapi.responses import RedirectResponse

from components import guard
from components.viewer import SignedInViewer
from domain.accounts import access


@guard.page()
async def create(viewer: SignedInViewer) -> RedirectResponse:
    return RedirectResponse(access.home_path(viewer.actor))
