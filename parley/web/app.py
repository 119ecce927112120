"""The FastAPI application: one store, the JSON API under ``/api`` and the dashboard's pages under ``/``.

>>> app = create_app("sqlite:///parley.db")            # what ``parley serve --db parley.db`` serves
>>> app = create_app(store_url, private=True)           # every endpoint then needs a bearer token

Every error is JSON (``{"error": {"code", "message"}}``) or, for a page, a short HTML page: no traceback leaves
the server. The coder is loaded only when the first article is posted.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.errors import ParleyError
from parley.store import open_store

log = logging.getLogger("parley.web")
STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"


def create_app(db: str | None = None, *, private: bool = False) -> FastAPI:
    """The app serving the store at ``db`` (a URL or SQLite path; ``$PARLEY_DB`` or ``parley.db`` when None)."""
    app = FastAPI(title="parley", version=__version__,
                  description="Coded conflict and diplomacy events, their stories and agreements, with evidence.")
    app.state.store = open_store(db)
    app.state.private = private
    app.state.coder = None  # loaded by the first POST /api/articles
    _errors(app)
    from parley.web import auth, pages, routes_api, routes_write

    auth.install(app)  # 401 answers; with private, a token for every request
    app.include_router(routes_api.router)
    app.include_router(routes_write.router)
    app.include_router(pages.router)
    _warm(app.state.store)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _warm(store) -> None:
    """Read what the first date-filtered page would read (the events of several days), so that the first request
    does not pay for it. A store that cannot be read yet answers its error on the first request instead."""
    from parley.store.filters import validate_filters

    try:
        store.page(validate_filters(since="1900"), None, 1)
    except ParleyError:
        log.warning("the store could not be read at start-up; requests will say why")


def error_body(code: str, message: str) -> dict:
    """The JSON body of every error the API returns."""
    return {"error": {"code": code, "message": message}}


def _errors(app: FastAPI) -> None:
    """JSON errors with a clear message for every failure; tracebacks go to the log, never to the client."""

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError):
        code = getattr(exc, "code", None) or str(exc)[1:5]
        return JSONResponse(error_body(code, str(exc)), status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return JSONResponse(error_body("invalid_request", details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse(error_body(f"http_{exc.status_code}", str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(error_body("internal", "the server failed on this request; it is logged"),
                            status_code=500)
