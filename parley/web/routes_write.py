"""The write endpoint ``POST /api/articles`` (a bearer token needed) and the feed ``GET /api/changes``.

An article is posted as a JSON record (``{"text", "id"?, "title"?, "url"?, "outlet"?, "date"?}``), as plain text
(``text/plain``), or as an HTML page (``text/html``, or a ``multipart/form-data`` upload in the field ``file``),
whose main text is extracted as ``parley code`` extracts a page's. It is coded and stored like ``parley
ingest`` stores it (:meth:`~parley.store.store.Store.write_batch`): the answer is 201 with the coded document and
each event's ``event_id``. The same article again (by URL or by text) stored by this coder version is answered
200 with what is stored, without coding it again. The coder is loaded by the first post, once.
"""
from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from parley.errors import Errors, InputError
from parley.ingest import MAX_BYTES
from parley.ingest.records import record_to_article
from parley.ingest.text import parse_date, text_article, too_large
from parley.model import Article, to_dict
from parley.store.changes import PAGE, changes
from parley.store.schema import articles, events
from parley.store.store import content_hash
from parley.web.auth import require_token

router = APIRouter(prefix="/api", tags=["write"])
SOURCE = "POST /api/articles"
_FIELDS = ("id", "text", "title", "url", "outlet", "date")
_OVERHEAD = 64 * 1024  # room for a multipart envelope around an article of the size limit
_LOAD = threading.Lock()  # one thread loads the coder
_CODE = threading.Lock()  # one article is coded and stored at a time: a spaCy pipeline is not shared between threads


def get_coder(app):  # noqa: ANN001, ANN201
    """``app.state.coder``, loaded on first use by one thread while the others wait for it."""
    coder = app.state.coder
    if coder is None:
        with _LOAD:
            coder = app.state.coder
            if coder is None:
                from parley.pipeline import Coder

                coder = app.state.coder = Coder()
    return coder


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (P036, 413) as soon as it is larger than ``limit`` bytes: a huge body is never
    held in memory."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit)
        parts.append(chunk)
    return b"".join(parts)


class _Refused(Exception):
    def __init__(self, error: InputError, status: int):
        self.error, self.status = error, status


def _too_large(size: int, limit: int) -> _Refused:
    return _Refused(too_large("the posted article", size, min(limit, MAX_BYTES), SOURCE), 413)


def _bad(code: str, status: int = 400, **kw: object) -> _Refused:
    return _Refused(InputError(code, SOURCE, getattr(Errors, code).format(**kw)), status)


def _decode(data: bytes) -> str:
    from parley.ingest import charset

    text = charset.decode(data, SOURCE)
    if isinstance(text, InputError):
        raise _Refused(text, 400)
    return text


def _from_json(data: bytes) -> Article:
    try:
        record = json.loads(_decode(data))
    except (ValueError, RecursionError) as exc:
        raise _bad("P054", what="JSON", reason=str(exc).split(";")[0],
                   hint='send one object such as {"text": "...", "date": "2025-03-20"}') from None
    if not isinstance(record, dict):
        raise _bad("P054", what="a JSON object", reason=f"it is a JSON {type(record).__name__}",
                   hint='send one object such as {"text": "...", "date": "2025-03-20"}')
    for key in _FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str | int) or isinstance(value, bool):
            raise _bad("P054", what="a valid article record", reason=f"{key!r} is a JSON {type(value).__name__}",
                       hint="give each of id, text, title, url, outlet and date as a string")
    date = record.get("date")
    if date is not None and not (isinstance(date, str) and not date.strip()) and parse_date(date) is None:
        raise _bad("P009", value=date)
    text = record.get("text")
    if isinstance(text, str) and "\x00" in text:
        raise _bad("P004")
    article = record_to_article(record, SOURCE, "")
    if isinstance(article, InputError):
        raise _Refused(article, 400)
    return article


def _from_html(data: bytes, name: str | None = None) -> Article:
    """The main text of a page, extracted as :func:`parley.ingest.html.read_html` extracts a file's: markup,
    scripts and styles never reach the text."""
    import trafilatura

    from parley.ingest.html import decode_page, main_text

    page = decode_page(data, SOURCE)
    if isinstance(page, InputError):
        raise _Refused(page, 400)
    text = main_text(page)
    if text is None:
        raise _bad("P006")
    meta = trafilatura.extract_metadata(page, extensive=False)
    date = getattr(meta, "date", None)
    return Article(id=name or "", text=text, title=getattr(meta, "title", None) or None,
                   url=getattr(meta, "url", None) or None, date=parse_date(date) if date else None, source=SOURCE)


def _from_text(data: bytes) -> Article:
    article = text_article(_decode(data), "", SOURCE)
    if isinstance(article, InputError):
        raise _Refused(article, 400)
    return article


async def _multipart(request: Request, body: bytes) -> Article:
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartException, MultiPartParser

    async def once() -> AsyncIterator[bytes]:
        yield body

    try:
        form = await MultiPartParser(request.headers, once(), max_part_size=MAX_BYTES).parse()
    except MultiPartException as exc:
        raise _bad("P054", what="a readable multipart form", reason=exc.message,
                   hint="upload the page in the field 'file'") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise _bad("P054", what="an upload", reason="no file in the field 'file'",
                   hint="upload the page in the field 'file' (curl -F file=@page.html)")
    data = await upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(len(data), MAX_BYTES)
    kind = (upload.content_type or "").split(";")[0].strip().lower()
    name = upload.filename or ""
    if kind in ("text/plain",) or name.lower().endswith(".txt"):
        article = _from_text(data)
    elif kind in ("application/json",) or name.lower().endswith(".json"):
        article = _from_json(data)
    else:
        article = _from_html(data)
    for key in ("title", "url", "outlet", "date"):  # form fields give what the file lacks
        value = form.get(key)
        if isinstance(value, str) and value.strip() and not getattr(article, key):
            if key == "date" and parse_date(value) is None:
                raise _bad("P009", value=value)
            setattr(article, key, parse_date(value) if key == "date" else value.strip())
    if not article.id:
        article.id = name
    return article


async def read_article(request: Request) -> Article:
    """The posted article, or :class:`_Refused` with the coded reason."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        article = await _multipart(request, await _body(request, MAX_BYTES + _OVERHEAD))
    else:
        data = await _body(request, MAX_BYTES)
        if kind in ("application/json", "") or kind.endswith("+json"):
            article = _from_json(data)
        elif kind == "text/plain":
            article = _from_text(data)
        elif kind in ("text/html", "application/xhtml+xml"):
            article = _from_html(data)
        else:
            raise _bad("P053", status=415, kind=kind)
    if not article.id:
        article.id = f"post:{content_hash(article.text)[:16]}"
    return article


def _stored(store, article: Article) -> dict | None:  # noqa: ANN001
    """What the store holds for ``article`` (by text, else URL): its document and events with their ids."""
    from sqlalchemy import or_, select

    cond = articles.c.content_hash == content_hash(article.text)
    if article.url:
        cond = or_(cond, articles.c.url == article.url)
    with store._guard("read"), store.engine.connect() as conn:
        rows = conn.execute(select(articles).where(cond).order_by(articles.c.id)).all()
        row = next((r for r in rows if r.content_hash == content_hash(article.text)), rows[0] if rows else None)
        if row is None:
            return None
        found = conn.execute(select(events.c.id, events.c.record).where(events.c.article_id == row.id)
                             .order_by(events.c.seq)).all()
    return {"id": row.doc_id, "title": row.title, "date": row.pub_date, "url": row.url, "outlet": row.outlet,
            "coder_version": row.coder_version, "ingested_at": row.ingested_at,
            "events": [{"event_id": e.id, **json.loads(e.record)} for e in found]}


def code_and_store(app, article: Article) -> tuple[int, dict]:  # noqa: ANN001
    """(201, the stored document) after coding and storing ``article``; (200, what is stored) when this coder
    version stored it before. Runs in a worker thread."""
    from parley.store.ingest import coder_version, sort_batch

    store = app.state.store
    version = coder_version()

    def known() -> bool:  # this text stored by this coder (a new text at a stored URL replaces the old one)
        return bool(sort_batch(store, [article], version, set()).stored)

    if known():
        return 200, _stored(store, article)
    coder = get_coder(app)
    with _CODE:
        if known():  # posted again while this request waited for the coder
            return 200, _stored(store, article)
        doc = next(iter(coder.code([article])))
        done = store.write_batch([(article, doc)], version)  # under the lock: a repeat waiting for it finds it
    stored = _stored(store, article)
    if done.already:  # another request stored it meanwhile
        return 200, stored
    return 201, {**to_dict(doc), **{k: stored[k] for k in ("coder_version", "ingested_at", "events")}}


_RECORD = {"type": "object", "required": ["text"], "properties": {
    "text": {"type": "string", "minLength": 1}, "id": {"type": "string"}, "title": {"type": "string"},
    "url": {"type": "string"}, "outlet": {"type": "string"},
    "date": {"type": "string", "description": "publication date, YYYY-MM-DD (or an ISO 8601 time)"}}}
_BODY = {"required": True, "content": {
    "application/json": {"schema": _RECORD},
    "text/plain": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary"}, "title": {"type": "string"}, "url": {"type": "string"},
        "outlet": {"type": "string"}, "date": {"type": "string"}}}}}}


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             openapi_extra={"requestBody": _BODY},
             responses={200: {"description": "already stored by this coder version: what is stored"},
                        400: {"description": "not an article (empty, undecodable, a bad date ...)"},
                        401: {"description": "no valid bearer token"}, 413: {"description": "over the size limit"},
                        415: {"description": "a content type that is not an article"}})
async def post_article(request: Request) -> JSONResponse:
    """Code and store one article: a JSON record, plain text or an HTML page (body or upload in ``file``).
    Returns the coded document, each event with its ``event_id``."""
    try:
        article = await read_article(request)
    except _Refused as refused:
        err = refused.error
        return JSONResponse({"error": {"code": err.code, "message": str(err)}}, status_code=refused.status)
    status, body = await run_in_threadpool(code_and_store, request.app, article)
    return JSONResponse(body, status_code=status)


@router.get("/changes")
def get_changes(request: Request,
                since: str | None = Query(None, description="an ISO 8601 time, or the last page's next_since; "
                                                             "none for every change from the beginning"),
                limit: int = Query(PAGE, ge=1, le=PAGE, description="changes per page")) -> dict:
    """Events added to or deleted from the store after ``since``, oldest first: each with its ``event_id``,
    ``action`` (added or deleted), ``at`` and the event as stored now (null when it is gone). Give
    ``next_since`` as ``since`` to get the next page, or later what changed meanwhile."""
    return changes(request.app.state.store, since=since, limit=limit)


__all__ = ["code_and_store", "get_coder", "read_article", "router"]
