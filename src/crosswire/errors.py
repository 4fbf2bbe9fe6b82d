"""Every error crosswire raises, under one root so one `except CrosswireError` catches them all.

    CrosswireError
    ├── InputError            a file or record cannot be read; the batch skips it and goes on
    │   └── EmptyDocumentError  nothing article-like is left in it
    ├── UsageError            bad arguments or settings; nothing was done
    ├── StoreError            the ledger file is missing, locked, or of another schema version
    └── ModelError            the spaCy pipeline cannot be loaded
"""


class CrosswireError(Exception):
    """Root of crosswire's errors. The message says what happened, to which input, and what to do."""


class InputError(CrosswireError):
    """A file or record cannot be read. The build records it as skipped and carries on."""


class EmptyDocumentError(InputError):
    """Nothing article-like is left in a document."""


class UsageError(CrosswireError):
    """Bad arguments or settings."""


class StoreError(CrosswireError):
    """The ledger store cannot be opened or written."""


class ModelError(CrosswireError):
    """The spaCy pipeline cannot be loaded."""
