"""Signing the worker app in and out."""

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from domain.accounts import api_tokens

from .errors import DomainRoute
from .security import SignedInWorker, Token

router = APIRouter(prefix="/tokens", tags=["sign-in"], route_class=DomainRoute)


class SignIn(BaseModel):
    email: str = Field(max_length=254, examples=["aisha@example.com"])
    password: str = Field(max_length=200)
    device: str = Field("Worker app", max_length=80, description="shown to the office, e.g. 'Aisha's phone'")
    code: str | None = Field(
        None, max_length=20, description="the six-digit code, for an account with two-step sign-in"
    )


class IssuedToken(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


@router.post(
    "",
    status_code=201,
    summary="Sign in: a bearer token for a support worker",
    responses={
        401: {"description": "wrong e-mail or password (or code)"},
        423: {"description": "account locked"},
        429: {"description": "too many attempts from this address or for this account; see Retry-After"},
    },
)
def issue(body: SignIn, request: Request) -> IssuedToken:
    """Five wrong passwords lock the account for 15 minutes, as on the sign-in page; attempts are
    limited per address and per account (429 with Retry-After)."""
    address = request.client.host if request.client else None
    issued = api_tokens.issue(body.email, body.password, body.device, code=body.code, address=address)
    return IssuedToken(token=issued.token, expires_at=issued.expires_at)


@router.delete("/current", status_code=204, summary="Sign out: this token stops working")
def sign_out(_worker: SignedInWorker, token: Token) -> None:
    api_tokens.revoke(token)
