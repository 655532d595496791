"""Bearer-token sign-in for every endpoint but the token issue: `Depends(worker)` gives the Actor."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from domain.accounts import access, api_tokens
from domain.accounts.access import Actor
from domain.errors import SignInFailed
from domain.vocabulary import Role

bearer = HTTPBearer(auto_error=False, description="A token from POST /api/v1/tokens")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def token_of(credentials: Credentials) -> str:
    if credentials is None:
        raise SignInFailed("Please sign in: send the header 'Authorization: Bearer <token>'.")
    return credentials.credentials


def signed_in(token: Annotated[str, Depends(token_of)], request: Request) -> Actor:
    actor = api_tokens.actor_for(token)
    request.state.actor = actor  # for the audit of what the answer showed (api.errors.DomainRoute)
    return actor


def worker(actor: Annotated[Actor, Depends(signed_in)]) -> Actor:
    access.require_role(actor, Role.WORKER)
    return actor


SignedIn = Annotated[Actor, Depends(signed_in)]  # anyone with a token; each use case checks the role
SignedInWorker = Annotated[Actor, Depends(worker)]
Token = Annotated[str, Depends(token_of)]
