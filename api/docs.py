"""The API's documentation at /docs (Swagger UI), served entirely by the portal: its script and
style come from the fastapi-offline package's files, never from a CDN, so the page works without
internet and within the portal's Content-Security-Policy. API_DOCS=0 turns it off (/docs, its files
and /openapi.json answer 404). There is no /redoc: ReDoc loads its logo from its own CDN."""

from pathlib import Path

import fastapi_offline
from fastapi import HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from nicegui import app

ASSETS = "/docs/assets"
ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSET_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png")
OPENAPI = "/openapi.json"
TITLE = "Care Portal API"


def install(*, enabled: bool) -> None:
    if not enabled:
        return
    app.docs_url, app.openapi_url = "/docs", OPENAPI
    app.get(ASSETS + "/{name}", include_in_schema=False)(asset)
    app.get(OPENAPI, include_in_schema=False)(openapi)
    app.get("/docs", include_in_schema=False)(swagger_ui)


def openapi() -> JSONResponse:
    return JSONResponse(app.openapi())


def swagger_ui() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=OPENAPI,
        title=TITLE,
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon.png",
    )


def asset(name: str) -> FileResponse:
    if name not in ASSET_FILES:
        raise HTTPException(status_code=404)
    return FileResponse(ASSETS_DIR / name, headers={"Cache-Control": "public, max-age=86400"})
