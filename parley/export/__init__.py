"""Writers of parley's outputs (``formats``: coded documents; ``stored``: events from the store; ``analyst``:
ACLED, ICEWS, PLOVER, CSV and Parquet exports) and how to read the CSV ones back."""
from parley.export.analyst import CSV_DATES, CSV_DTYPES, pandas_options
from parley.export.formats import safe_cell

__all__ = ["CSV_DATES", "CSV_DTYPES", "pandas_options", "safe_cell"]
