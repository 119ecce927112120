"""parley: code news into structured, sourced event data (PLOVER 2.0, CAMEO, ACLED)."""
import logging

from parley.model import Article, CodedDocument, Entity, Event, Evidence, Location, Quantity

__version__ = "0.1.0"
__all__ = ["Article", "CodedDocument", "Entity", "Event", "Evidence", "Location", "Quantity", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
