"""Signing the worker app in and out."""

from datetime import datetime
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from domain.accounts import api_tokens

from .errors import DomainRoute
from .security import SignedInWorker, Token

router = APIRouter(prefix="/tokens", tags=["sign-in"], route_class=DomainRoute)


class SignIn(BaseModel):
    email: str = Field(max_length=254, examples=["aisha@example.com"])
    password: str = Field(max_length=200)
    device: str = Field("Worker app", max_length=80, description="shown to the office, e.g. 'Aisha's phone'")


class IssuedToken(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


@router.post(
    "",
    status_code=201,
    summary="Sign in: a bearer token for a support worker",
    responses={401: {"description": "wrong e-mail or password"}, 423: {"description": "account locked"}},
)
def issue(body: SignIn) -> IssuedToken:
    """Five wrong passwords lock the account for 15 minutes, as on the sign-in page."""
    issued = api_tokens.issue(body.email, body.password, body.device)
    return IssuedToken(token=issued.token, expires_at=issued.expires_at)


@router.delete("/current", status_code=204, summary="Sign out: this token stops working")
def sign_out(_worker: SignedInWorker, token: Token) -> None:
    api_tokens.revoke(token)
