"""Store backends: a SQLite file always; PostgreSQL when PARLEY_TEST_POSTGRES gives a server's URL (CI starts
one and sets it; on CI the PostgreSQL tests must run, not skip)."""
import os
import uuid

import pytest

from parley.store import Store

POSTGRES = os.environ.get("PARLEY_TEST_POSTGRES")


def _postgres_store():
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("CI must run the store tests against PostgreSQL: .ci/run sets PARLEY_TEST_POSTGRES")
        pytest.skip("no PostgreSQL server (set PARLEY_TEST_POSTGRES=postgresql://user@host:port/db)")
    from sqlalchemy import create_engine, text

    schema_db = f"parley_{uuid.uuid4().hex[:10]}"  # a fresh database per test
    admin = create_engine(Store(POSTGRES).url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {schema_db}"))
    url = POSTGRES.rsplit("/", 1)[0] + "/" + schema_db
    return url, admin, schema_db


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    url, admin, name = _postgres_store()
    yield url
    from sqlalchemy import text

    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()
