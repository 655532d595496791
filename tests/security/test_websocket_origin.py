"""The websocket (socket.io at /_nicegui_ws) refuses a page of another site: a handshake or a polling
request whose Origin names another host is refused; the portal's own origin is accepted. Against
the real server (uvicorn, as `make run` starts it), with raw HTTP so nothing is hidden."""

import socket

import httpx
import pytest
from nicegui.testing import Screen

pytestmark = pytest.mark.browser  # the Screen fixture starts the real server

SOCKET_IO = "/_nicegui_ws/socket.io/?EIO=4&transport="
PATIENCE = 120.0


def handshake_status(port: int, origin: str) -> str:
    """The status line the server answers a websocket handshake with."""
    request = (
        f"GET {SOCKET_IO}websocket HTTP/1.1\r\n"
        f"Host: localhost:{port}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(request.encode())
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(1024)
            if not chunk:
                break
            answer += chunk
    return answer.split(b"\r\n")[0].decode()


@pytest.fixture
def port(demo_portal: str, screen: Screen) -> int:
    screen.open("/login", timeout=PATIENCE)
    return Screen.PORT


def test_a_websocket_handshake_from_another_site_is_refused(port: int) -> None:
    assert handshake_status(port, "https://evil.example").startswith("HTTP/1.1 403")
    assert handshake_status(port, f"http://evil.example:{port}").startswith("HTTP/1.1 403")
    assert handshake_status(port, "null").startswith("HTTP/1.1 403")


def test_a_websocket_handshake_from_the_portal_itself_is_accepted(port: int) -> None:
    assert handshake_status(port, f"http://localhost:{port}").startswith("HTTP/1.1 101")


def test_socket_io_polling_from_another_site_is_refused(port: int) -> None:
    response = httpx.get(
        f"http://localhost:{port}{SOCKET_IO}polling", headers={"Origin": "https://evil.example"}, timeout=60
    )
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
