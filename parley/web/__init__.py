"""``parley serve``: the HTTP API (``/api/...``) and the dashboard (``/``) over an event store."""
from parley.web.app import create_app

__all__ = ["create_app"]
