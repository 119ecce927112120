"""Bearer tokens of the HTTP API: created and revoked by name, stored hashed.

>>> token = create_token(store, "newsroom")     # printed once by 'parley token create --name newsroom'
>>> check_token(store, token)                   # "newsroom"; None for an unknown or revoked token
>>> revoke_token(store, "newsroom")             # True; the token is refused from now on

A token is 32 random bytes, URL-safe base64, prefixed ``parley_``. The store keeps only its sha256 (table
``api_tokens``): a copy of the database gives no one a usable token. A revoked token's name may be given to a new
token.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from sqlalchemy import select, update

from parley.errors import Errors, InputError
from parley.store.schema import api_tokens

PREFIX = "parley_"
_MAX_TOKEN = 200  # longer Authorization values are refused without hashing


def token_hash(token: str) -> str:
    """The sha256 (hex) of a token: what the store keeps."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def create_token(store, name: str) -> str:  # noqa: ANN001
    """A new token named ``name``, stored hashed; the token itself is returned once and kept nowhere.
    P050 when a valid token has that name; P043 when the name is blank or too long."""
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise InputError("P043", "--name", Errors.P043.format(
            value=name, what="a token name", hint="give a short name for who or what the token is for"))
    token = PREFIX + secrets.token_urlsafe(32)
    digest = token_hash(token)

    def work(conn) -> None:  # noqa: ANN001
        row = conn.execute(select(api_tokens.c.id, api_tokens.c.revoked).where(api_tokens.c.name == name)
                           .with_for_update()).first()
        if row is not None and row.revoked is None:
            raise InputError("P050", name, Errors.P050.format(name=name))
        if row is not None:  # a revoked token's name, given to the new one
            conn.execute(update(api_tokens).where(api_tokens.c.id == row.id)
                         .values(token_hash=digest, created=_now(), revoked=None))
        else:
            conn.execute(api_tokens.insert().values(name=name, token_hash=digest, created=_now()))

    store._writing(work)
    return token


def revoke_token(store, name: str) -> bool:  # noqa: ANN001
    """Revoke the valid token named ``name``; False when there is none."""
    def work(conn) -> bool:  # noqa: ANN001
        done = conn.execute(update(api_tokens).where(api_tokens.c.name == name, api_tokens.c.revoked.is_(None))
                            .values(revoked=_now()))
        return done.rowcount > 0

    return store._writing(work)


def check_token(store, token: str) -> str | None:  # noqa: ANN001
    """The name of the valid token ``token``; None when it is unknown, revoked or malformed."""
    if not token or len(token) > _MAX_TOKEN or not token.isascii():
        return None
    digest = token_hash(token)
    with store._guard("read"), store.engine.connect() as conn:
        row = conn.execute(select(api_tokens.c.name, api_tokens.c.token_hash).where(
            api_tokens.c.token_hash == digest, api_tokens.c.revoked.is_(None))).first()
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return row.name


def list_tokens(store) -> list[dict]:  # noqa: ANN001
    """Every token's name, creation and revocation time (never a hash)."""
    with store._guard("read"), store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(api_tokens.c.name, api_tokens.c.created, api_tokens.c.revoked).order_by(api_tokens.c.id))]


__all__ = ["check_token", "create_token", "list_tokens", "revoke_token", "token_hash"]
