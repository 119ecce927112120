"""Bearer-token authentication: writes always need a token; with ``--private`` every request does.

``require_token`` is a FastAPI dependency (``Depends(require_token)`` on the write routes) that returns the
token's name; :class:`PrivateMiddleware` applies the same check to every request of a private server, pages,
static files and the OpenAPI document included. A missing or wrong token is a 401 JSON error with a
``WWW-Authenticate: Bearer`` header; tokens are checked against their hashes (:mod:`parley.web.tokens`).
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from parley.errors import Errors, ParleyError
from parley.web.tokens import check_token

REALM = 'Bearer realm="parley"'


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header; None when there is no such header."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class AuthError(ParleyError):
    """A request without a valid bearer token: answered 401 with a ``WWW-Authenticate`` challenge."""

    def __init__(self, code: str, challenge: str):
        self.code = code
        self.challenge = challenge
        super().__init__(f"[{code}] {getattr(Errors, code)}")

    def response(self) -> JSONResponse:
        return JSONResponse({"error": {"code": self.code, "message": str(self)}}, status_code=401,
                            headers={"WWW-Authenticate": self.challenge})


def authenticate(store, authorization: str | None) -> str:  # noqa: ANN001
    """The name of the valid token an ``Authorization`` header carries; AuthError P051 when it carries none,
    P052 when it is unknown, revoked or malformed."""
    token = bearer(authorization)
    if token is None:
        raise AuthError("P051", REALM)
    name = check_token(store, token)
    if name is None:
        raise AuthError("P052", f'{REALM}, error="invalid_token"')
    return name


def require_token(request: Request) -> str:
    """FastAPI dependency: the name of the request's valid bearer token, else a 401 (P051 none, P052 wrong)."""
    return authenticate(request.app.state.store, request.headers.get("authorization"))


def install(app: FastAPI) -> None:
    """The 401 answer of :class:`AuthError`; on a private app (``app.state.private``), the middleware that asks
    every request for a token."""

    @app.exception_handler(AuthError)
    async def unauthorised(request: Request, exc: AuthError):
        return exc.response()

    if app.state.private:
        app.add_middleware(PrivateMiddleware, store_of=lambda: app.state.store)


class PrivateMiddleware:
    """ASGI middleware of a private server: an HTTP request without a valid bearer token gets the 401 JSON
    error, whatever its path."""

    def __init__(self, app, store_of):  # noqa: ANN001
        self.app = app
        self.store_of = store_of  # () -> the store, read when a request comes

    async def __call__(self, scope, receive, send):  # noqa: ANN001
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), None)
        try:
            await run_in_threadpool(authenticate, self.store_of(), header)
        except AuthError as exc:
            return await exc.response()(scope, receive, send)
        return await self.app(scope, receive, send)


__all__ = ["AuthError", "PrivateMiddleware", "authenticate", "bearer", "install", "require_token"]
