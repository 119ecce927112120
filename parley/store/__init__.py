"""The event store: articles and their events in SQLite or PostgreSQL (``parley ingest``, ``parley events``)."""
from parley.store.filters import STATUSES, validate_filters
from parley.store.ingest import IngestReport, coder_version, ingest
from parley.store.store import DEFAULT_DB, Store, content_hash, database_url, open_store

__all__ = ["DEFAULT_DB", "STATUSES", "IngestReport", "Store", "coder_version", "content_hash", "database_url",
           "ingest", "open_store", "validate_filters"]
