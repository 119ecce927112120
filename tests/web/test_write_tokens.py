"""Bearer tokens: created once, stored hashed, revoked; writes need one, and a private server asks every request
for one."""
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from parley.errors import InputError
from parley.store import Store
from parley.store.schema import api_tokens
from parley.web import create_app
from parley.web.tokens import check_token, create_token, list_tokens, revoke_token, token_hash


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "s.db")


def test_a_token_is_stored_hashed_never_in_clear(db, tmp_path):
    store = Store(db)
    token = create_token(store, "newsroom")
    assert len(token) > 40 and check_token(store, token) == "newsroom"
    with store.engine.connect() as conn:
        rows = conn.execute(select(api_tokens)).all()
    assert [r.token_hash for r in rows] == [token_hash(token)]
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("s.db"))
    assert token.encode() not in raw and token_hash(token).encode() in raw
    assert "token_hash" not in list_tokens(store)[0]


def test_two_tokens_differ_and_a_name_is_given_once(db):
    store = Store(db)
    first = create_token(store, "a")
    assert create_token(store, "b") != first
    with pytest.raises(InputError) as err:
        create_token(store, "a")
    assert err.value.code == "P050" and "revoke" in str(err.value)
    with pytest.raises(InputError) as err:
        create_token(store, "  ")
    assert err.value.code == "P043"


def test_a_revoked_token_is_refused_and_its_name_may_be_reused(db):
    store = Store(db)
    old = create_token(store, "a")
    assert revoke_token(store, "a") is True
    assert revoke_token(store, "a") is False and revoke_token(store, "nobody") is False
    assert check_token(store, old) is None
    new = create_token(store, "a")
    assert check_token(store, new) == "a" and check_token(store, old) is None


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000])
def test_a_write_without_a_valid_token_is_a_401_with_a_challenge(db, header):
    client = TestClient(create_app(db))
    create_token(client.app.state.store, "a")
    headers = {"Authorization": header} if header else {}
    r = client.post("/api/articles", json={"text": "Russian drones attacked Kharkiv."}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert r.json()["error"]["code"] in ("P051", "P052")
    assert client.get("/api/stats").json()["articles"] == 0  # nothing was coded or stored


def test_a_revoked_token_cannot_write(db):
    client = TestClient(create_app(db))
    token = create_token(client.app.state.store, "a")
    revoke_token(client.app.state.store, "a")
    r = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "P052"
    assert 'error="invalid_token"' in r.headers["www-authenticate"]


def test_reads_are_public_unless_private(db):
    public = TestClient(create_app(db))
    assert public.get("/api/stats").status_code == 200
    assert public.get("/api/changes").status_code == 200
    private = TestClient(create_app(db, private=True))
    token = create_token(private.app.state.store, "a")
    for path in ("/api/stats", "/api/changes", "/openapi.json", "/docs", "/api/no-such-thing"):
        r = private.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"]["code"] == "P051" and r.headers["www-authenticate"].startswith("Bearer")
        assert private.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = {"Authorization": f"Bearer {token}"}
    assert private.get("/api/stats", headers=ok).json()["articles"] == 0
    assert private.get("/openapi.json", headers=ok).status_code == 200
    revoke_token(private.app.state.store, "a")
    assert private.get("/api/stats", headers=ok).status_code == 401


def test_the_cli_creates_and_revokes_tokens(db, capsys):
    from parley.cli import main

    assert main(["token", "create", "--name", "cli", "--db", db]) == 0
    token = capsys.readouterr().out.strip().split()[-1]
    assert check_token(Store(db), token) == "cli"
    assert main(["token", "revoke", "cli", "--db", db]) == 0
    assert check_token(Store(db), token) is None
    assert main(["token", "revoke", "cli", "--db", db]) == 1


def test_the_openapi_document_describes_the_write_endpoint_and_the_feed(db):
    spec = TestClient(create_app(db)).get("/openapi.json").json()
    post = spec["paths"]["/api/articles"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain", "text/html",
                                                   "multipart/form-data"}
    assert {"201", "401", "413"} <= set(post["responses"])
    assert {p["name"] for p in spec["paths"]["/api/changes"]["get"]["parameters"]} == {"since", "limit"}
