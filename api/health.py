"""GET /healthz for the reverse proxy and monitoring: JSON, 200 when fit to serve, else 503."""

from fastapi.responses import JSONResponse

from domain.operations import health


def healthz() -> JSONResponse:
    """Plain `def`: FastAPI runs it off the event loop, as it does the database's answer."""
    found = health.check()
    return JSONResponse(found.as_json(), status_code=200 if found.ok else 503)
