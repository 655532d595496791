"""GET /healthz for the reverse proxy and monitoring: JSON, 200 when fit to serve, else 503."""

from fastapi.responses import JSONResponse

from domain.operations import health


def healthz(scope: str = "all") -> JSONResponse:
    """`/healthz`: 200 when the database answers, the schema is current and a scheduler leader holds
    the jobs; `/healthz?scope=serve` (for a reverse proxy): 200 when this process can serve pages.
    Plain `def`: FastAPI runs it off the event loop, as it does the database's answer."""
    found = health.check()
    fit = found.can_serve if scope == "serve" else found.ok
    return JSONResponse(found.as_json(), status_code=200 if fit else 503)
