"""The JSON API under ``/api``."""
from __future__ import annotations

from fastapi import APIRouter, Request

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stats")
def stats(request: Request) -> dict:
    """What the store holds: articles and events."""
    return request.app.state.store.counts()
