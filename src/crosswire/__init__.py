"""crosswire: many news reports in, one sourced event ledger out."""

__version__ = "0.1.0"
