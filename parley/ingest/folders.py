"""Folders: their files in reading order, and the ``index.json`` manifest that gives files their metadata.

A manifest is a folder's ``index.json`` holding a JSON array of objects, each with a ``file`` (a path
relative to the folder) and any of ``title``, ``outlet``, ``date`` and ``url``, and no ``text``::

    [{"file": "01_strike.txt", "date": "2024-12-25", "outlet": "Wire", "title": "Strike on Christmas Day"}]

It is not read as records; the articles of each file it names take its values for the fields they lack.
An ``index.json`` of any other shape is read as records like any ``.json`` file.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from parley.errors import Errors, InputError
from parley.ingest.text import normalise_date
from parley.model import Article

log = logging.getLogger("parley.ingest")

MANIFEST = "index.json"
MANIFEST_MAX_BYTES = 50_000_000
"""A larger ``index.json`` is not looked at as a manifest (it is read as records)."""
_FIELDS = ("title", "outlet", "date", "url")


@dataclass(frozen=True)
class Entry:
    """What a manifest says about one file."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    def fill(self, article: Article) -> None:
        """Give ``article`` the values it lacks."""
        for name in _FIELDS:
            if getattr(article, name) is None and getattr(self, name) is not None:
                setattr(article, name, getattr(self, name))


def samples_dir() -> str:
    """The folder of the sample articles bundled with parley, with their manifest (``index.json``)."""
    from importlib import resources

    return str(resources.files("parley") / "samples")


def walk(folder: Path) -> list[Path]:
    """Every non-hidden file under ``folder`` (hidden folders skipped), recursively, sorted by path."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, f) for f in files if not f.startswith(".")]
    return sorted(found, key=lambda p: p.parts)


def manifests(files: list[Path]) -> dict[Path, dict[Path, Entry]]:
    """The manifests among ``files`` (by path), each with its entries by the path of the file they name."""
    found = {}
    for path in files:
        if path.name.lower() == MANIFEST:
            entries = load_manifest(path)
            if entries is not None:
                found[path] = entries
    return found


def load_manifest(path: Path) -> dict[Path, Entry] | None:
    """The entries of the manifest at ``path`` by the path of the file each names, or None when the file
    is not a manifest. An entry naming no file is logged (P039); a bad date is logged (P009) and dropped."""
    try:
        if path.stat().st_size > MANIFEST_MAX_BYTES:
            return None
        value = json.loads(path.read_bytes())  # UTF-8, -16 or -32: anything else is no manifest
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(value, list) or not value or not all(_is_entry(item) for item in value):
        return None
    entries = {}
    for item in value:
        target = Path(os.path.normpath(path.parent / item["file"]))
        if not target.is_file():
            log.warning(str(InputError("P039", str(path), Errors.P039.format(file=item["file"], manifest=path.name))))
            continue
        values = {name: _text(item.get(name)) for name in _FIELDS}
        values["date"] = normalise_date(values["date"], f"{path} ({item['file']})")
        entries[target] = Entry(**values)
    return entries


def _is_entry(item: object) -> bool:
    """Whether ``item`` is a manifest entry: an object naming a ``file``, with no ``text`` of its own."""
    return isinstance(item, dict) and isinstance(item.get("file"), str) and bool(item["file"].strip()) \
        and "text" not in item


def _text(value: object) -> str | None:
    """A metadata value as a stripped string, or None when missing or blank."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None
