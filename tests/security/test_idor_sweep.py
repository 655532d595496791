"""Every role, on every page route and API route that takes an id, with ANOTHER person's ids: refused
(403/404, or the "not available" page), and nothing of the other person (their name, their
message) in the answer or in what the page sent to the browser.

The routes are read from the running app (pages) and its published OpenAPI schema (API), not from
a hand list, so a new route with an id is swept as soon as it exists; an id parameter this sweep
does not know fails the test until it is added to FOREIGN below.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.routing import APIRoute
from nicegui import app
from nicegui.testing import User
from sqlalchemy import select
from sqlalchemy.orm import Session

from demo import DEMO_PASSWORD
from domain import clock
from storage import db
from storage.models import AppMessage, Booking, Client, Offer, Shift, Worker
from tests.support.personas import EMAILS, Personas
from tests.support.ui import sign_in

NOT_ALLOWED_TEXT = "You do not have access"
# Id parameters that name no person: the agency's own catalogue pictures, and an invitation's
# secret (its own tests: tests/accounts/test_invitations.py).
# Not a person's: a service, a one-time token, a news item's part (its audience is tested in tests/marketing).
NOT_PERSONAL = frozenset({"service_id", "token", "part"})
ROLES = ("client", "carer", "worker", "roster", "case_manager", "admin")


@dataclass(frozen=True)
class Foreign:
    """Another person's record for one role: its id, and words of theirs that must not leak."""

    id: int
    secrets: tuple[str, ...]


@dataclass
class Sweep:
    foreign: dict[str, dict[str, Foreign]] = field(default_factory=dict)  # role -> param -> record


def _client_names(client_id: int) -> tuple[str, ...]:
    with db.read() as session:
        client = session.get(Client, client_id)
        assert client is not None
        return (f"{client.first_name} {client.last_name}", client.last_name)


def _worker_names(worker_id: int) -> tuple[str, ...]:
    with db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        return (f"{worker.first_name} {worker.last_name}", worker.last_name)


def _a_shift_of(client_id: int) -> Foreign:
    with db.read() as session:
        query = select(Shift.id).where(Shift.client_id == client_id).order_by(Shift.id)
        shift_id = session.scalars(query).first()
    assert shift_id is not None, f"the demo agency has no visit for client {client_id}"
    return Foreign(shift_id, _client_names(client_id))


def _a_shift_worked_by(worker_id: int) -> Foreign:
    with db.read() as session:
        shift = session.scalars(select(Shift).where(Shift.worker_id == worker_id).order_by(Shift.id)).first()
        assert shift is not None, f"the demo agency has no visit for worker {worker_id}"
        return Foreign(shift.id, _client_names(shift.client_id))


def _an_offer_to(worker_id: int) -> Foreign:
    """A pending offer to this worker of one of George's bookings (the demo agency has none yet)."""
    with db.write() as session:
        booking = session.scalars(select(Booking).order_by(Booking.id.desc())).first()
        assert booking is not None
        offer = Offer(
            booking_id=booking.id,
            worker_id=worker_id,
            sent_at=clock.now(),
            expires_at=clock.now() + dt.timedelta(hours=4),
        )
        session.add(offer)
        session.flush()
        return Foreign(offer.id, _client_names_in(session, booking.client_id))


def _a_message_of(account_id: int) -> Foreign:
    """A message in this account's inbox (the demo agency has none yet)."""
    title = "Private: the key safe code for Thursday"
    with db.write() as session:
        message = AppMessage(account_id=account_id, title=title, body="4321", created_at=clock.now())
        session.add(message)
        session.flush()
        return Foreign(message.id, (title, "key safe"))


def _client_names_in(session: Session, client_id: int) -> tuple[str, ...]:
    client = session.get(Client, client_id)
    assert client is not None
    return (f"{client.first_name} {client.last_name}", client.last_name)


def foreign_records(personas: Personas) -> dict[str, dict[str, Foreign]]:
    """For each role, the records of someone else that role must not reach. A role with no entry
    for a parameter may open everyone's (staff open every client's records by design)."""
    george = personas.other_client.client_id
    margaret = personas.client.client_id
    assert george is not None
    assert margaret is not None
    bens_worker = personas.other_worker.worker_id
    assert bens_worker is not None
    bens_offer = _an_offer_to(bens_worker)
    bens_message = _a_message_of(personas.other_worker.account_id)
    for_workers_only = {"offer_id": bens_offer, "message_id": bens_message}
    client_side = {
        **for_workers_only,
        "worker_id": Foreign(bens_worker, ()),  # a client sees the reviews of any worker: not a secret
    }
    del client_side["worker_id"]
    return {
        "client": {
            "client_id": Foreign(george, _client_names(george)),
            "shift_id": _a_shift_of(george),
            **client_side,
        },
        "carer": {
            "client_id": Foreign(margaret, _client_names(margaret)),
            "shift_id": _a_shift_of(margaret),
            **client_side,
        },
        "worker": {
            "client_id": Foreign(margaret, _client_names(margaret)),
            "worker_id": Foreign(bens_worker, _worker_names(bens_worker)),
            "shift_id": _a_shift_worked_by(bens_worker),
            **for_workers_only,
        },
        "roster": dict(for_workers_only),
        "case_manager": dict(for_workers_only),
        "admin": dict(for_workers_only),
    }


def page_routes() -> list[str]:
    """The app's own routes (pages, pictures, downloads) that take an id."""
    return sorted(
        route.path
        for route in app.routes
        if isinstance(route, APIRoute)
        and "{" in route.path
        and not route.path.startswith(("/_nicegui", "/static", "/api/", "/docs/"))  # /docs/: Swagger's files
    )


def params_of(path: str) -> list[str]:
    """Every parameter's name, a segment's whole or a part of it (`/feeds/{token}.ics`)."""
    return re.findall(r"\{([^}:]+)", path)


def fill(path: str, ids: dict[str, Foreign]) -> str | None:
    """The path with the other person's ids, or None when this role has nobody else's to try."""
    names = params_of(path)
    unknown = [name for name in names if name not in NOT_PERSONAL and not name.endswith("_id")]
    assert not unknown, f"{path}: an id parameter the sweep does not know: {unknown}"
    if not names or any(name in NOT_PERSONAL for name in names):
        return None
    if not all(name in ids for name in names):
        return None
    for name in names:
        path = path.replace("{" + name + "}", str(ids[name].id))
    return path


def secrets_of(path: str, ids: dict[str, Foreign]) -> tuple[str, ...]:
    return tuple(secret for name in params_of(path) for secret in ids[name].secrets if secret)


def rendered_text(user: User) -> str:
    """Everything the page sent to the browser: every element's text and properties."""
    with user:
        parts = []
        for element in user.client.layout.descendants():
            parts.append(str(getattr(element, "text", "")))
            parts.append(repr(element.props))
            parts.append(repr(getattr(element, "_text", "")))
    return "\n".join(parts)


# A request body that passes the schema, so the sweep meets the access check, not validation.


def example(schema: dict[str, Any], spec: dict[str, Any]) -> Any:
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return example(spec["components"]["schemas"][name], spec)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [option for option in schema[key] if option.get("type") != "null"]
            return example(options[0], spec)
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: example(properties[name], spec) for name in schema.get("required", [])}
    if kind == "array":
        return [example(schema["items"], spec)] if schema.get("minItems") else []
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return max(float(schema.get("minimum", 1)), 1.0)
    if kind == "boolean":
        return False
    if kind == "string":
        formats = {
            "date": (dt.date(2026, 12, 1)).isoformat(),
            "date-time": "2026-12-01T10:00:00+11:00",
            "time": "10:00:00",
            "email": "someone@example.com",
        }
        return formats.get(schema.get("format", ""), "x" * max(1, int(schema.get("minLength", 1))))
    return None


async def api_token(user: User, email: str) -> str | None:
    """A bearer token, or None for a role the API does not serve (refused with 403)."""
    signed = await user.http_client.post(
        "/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD, "device": "sweep"}
    )
    if signed.status_code == 403:
        return None
    assert signed.status_code in (200, 201), signed.text
    return str(signed.json()["token"])


@pytest.mark.parametrize("role", ROLES)
async def test_nobody_reaches_another_persons_records(
    user: User, portal_personas: Personas, role: str
) -> None:
    ids = foreign_records(portal_personas)[role]
    email = EMAILS[role]
    await sign_in(user, email)
    tried: list[str] = []

    for template in page_routes():
        path = fill(template, ids)
        if path is None:
            continue
        tried.append(path)
        secrets = secrets_of(template, ids)
        answer = await user.http_client.get(path)
        if answer.headers.get("content-type", "").startswith("text/html"):
            assert NOT_ALLOWED_TEXT in answer.text, (role, path, answer.status_code)
            await user.open(path)
            await user.should_see(NOT_ALLOWED_TEXT)
            shown = rendered_text(user)
            for secret in secrets:
                assert secret not in shown, (role, path, secret)
        else:
            assert answer.status_code in (401, 403, 404), (role, path, answer.status_code)
        for secret in secrets:
            assert secret not in answer.text, (role, path, secret)

    spec = (await user.http_client.get("/openapi.json")).json()
    token = await api_token(user, email)
    headers = {"Authorization": f"Bearer {token}"}
    api_paths = {path: operations for path, operations in spec["paths"].items() if path.startswith("/api/")}
    assert api_paths, "the published schema lists no API route"
    for template, operations in api_paths.items():
        path = fill(template, ids) if token is not None else None
        if path is None:
            continue
        for method, operation in operations.items():
            body = None
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if content is not None:
                body = example(content["schema"], spec)
            query = {
                parameter["name"]: example(parameter["schema"], spec)
                for parameter in operation.get("parameters", [])
                if parameter["in"] == "query" and parameter.get("required")
            }
            answer = await user.http_client.request(
                method.upper(), path, headers=headers, json=body, params=query
            )
            tried.append(f"{method.upper()} {path}")
            refused = answer.status_code in (403, 404)
            assert refused, (role, method, path, answer.status_code, answer.text[:300])
            for secret in secrets_of(template, ids):
                assert secret not in answer.text, (role, method, path, secret)

    # An administrator may open every client's and worker's records and has no API token: nothing
    # of anyone is theirs to be refused, so nothing may be tried. Every other role tries some.
    assert tried or role == "admin", f"no route was tried for {role}"
