"""A page that sends the browser elsewhere (the home page after signing in) is never connected to:
its NiceGUI client goes as soon as the answer is sent, not a minute later when NiceGUI prunes
unconnected clients (every sign-in passes through such a page; under load they added up)."""

from nicegui import Client
from nicegui.testing import User

from tests.support.ui import eventually, sign_in


def clients_of(path: str) -> list[Client]:
    return [client for client in Client.instances.values() if client.page.path == path]


async def test_the_home_page_redirect_leaves_no_client_behind(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open("/")
    await user.should_see("Profile")  # where home sends a client
    await eventually(lambda: not clients_of("/"), "the home page's client is gone")
