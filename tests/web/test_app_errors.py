"""The app's skeleton: errors are JSON with a code and a message, never a traceback."""
from fastapi.testclient import TestClient

from parley.web import create_app


def test_an_unknown_path_is_a_json_404(tmp_path):
    client = TestClient(create_app(str(tmp_path / "s.db")))
    r = client.get("/api/no-such-thing")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "http_404"


def test_stats_of_an_empty_store(tmp_path):
    client = TestClient(create_app(str(tmp_path / "s.db")))
    r = client.get("/api/stats")
    assert r.status_code == 200 and r.json()["articles"] == 0


def test_a_crash_is_a_json_500_without_a_traceback(tmp_path):
    app = create_app(str(tmp_path / "s.db"))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret internals /etc/passwd")

    r = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text and r.json()["error"]["code"] == "internal"


def test_openapi_and_docs_are_served(tmp_path):
    client = TestClient(create_app(str(tmp_path / "s.db")))
    assert client.get("/openapi.json").json()["info"]["title"] == "parley"
    assert client.get("/docs").status_code == 200
