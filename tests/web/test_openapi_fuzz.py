"""schemathesis against the app's own /openapi.json: no request the schema allows makes a server error. The store
holds hand-made events, hostile text among them."""
import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from parley.store import Store
from parley.web import create_app
from tests.export.conftest import coded_documents

_DIR = tempfile.mkdtemp(prefix="parley-openapi-")  # the schema is read when the module is collected
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)
_URL = f"sqlite:///{Path(_DIR) / 'events.db'}"
Store(_URL).write(coded_documents(), coder_version="test")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_URL))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_on_any_request_the_schema_allows(case):
    case.call_and_validate(checks=[not_a_server_error])
