"""The worker API fuzzed with Schemathesis against the schema it publishes at /openapi.json: whatever
a generated request holds, no answer is a server error (5xx), and every answer's status, content
type and body are the ones the schema documents. Bounded: a few examples per operation, so the
whole file runs in about a minute on the demo agency (SQLite)."""

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import api
from demo import DEMO_PASSWORD
from domain.accounts import api_tokens

app = FastAPI(title="Care Portal worker API")
app.include_router(api.router)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)

EXAMPLES = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def who_calls(path: str) -> str:
    """The persona the operation is meant for: a client books and cancels, roster allocates, a
    worker answers offers and completes shifts (anyone else is refused, which is checked too)."""
    if path.startswith("/api/v1/clients/") or path.startswith("/api/v1/visits"):
        return "margaret@example.com"
    if path.startswith("/api/v1/roster"):
        return "rosa@example.com"
    return "aisha@example.com"


@pytest.fixture
def tokens(sqlite_demo_db: str) -> dict[str, str]:
    issued: dict[str, str] = {}
    for email in ("margaret@example.com", "rosa@example.com", "aisha@example.com"):
        issued[email] = api_tokens.issue(email, DEMO_PASSWORD, "fuzzing").token
    return issued


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # one demo copy per operation, shared by its examples
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
    derandomize=True,
)
def test_the_api_answers_every_request_as_its_schema_says(
    case: schemathesis.Case, tokens: dict[str, str]
) -> None:
    token = tokens[who_calls(case.path)]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
