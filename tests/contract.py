"""The output contract of `parley code --format jsonl` (../shared/eval/README.md), written out for the tests."""

DOCUMENT_KEYS = {"id", "title", "date", "events"}
EVENT_FIELDS = [
    "event_type", "mode", "context", "cameo", "quad_class", "acled_event_type", "acled_sub_event_type",
    "actor", "recipient", "claimed_by", "status", "targets", "date", "date_source", "location",
    "fatalities", "injured", "arrested", "quantities", "evidence", "confidence",
]
EVENT_KEYS = set(EVENT_FIELDS)
ENTITY_KEYS = {"text", "country", "sector", "name", "start", "end"}
LOCATION_KEYS = {"text", "name", "country", "admin1", "lat", "lon", "geonameid"}
QUANTITY_KEYS = {"value", "unit", "text"}
EVIDENCE_KEYS = {"sentence", "start", "end"}
