"""Imported once by the process pool's fork server: what every worker would otherwise load for itself.

spaCy and the other extraction imports (about 4 s of CPU) and the gazetteer (about 1 s) do not
depend on the settings; each worker forks with them in memory and loads only its model.
"""

import os
import threading
import time

PARENT_POLL_S = 0.5


def _exit_with_parent(parent: int) -> None:
    """A build killed during these imports would otherwise leave the fork server running until they end."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def _warm() -> None:
    import crosswire.extract  # noqa: F401 - spaCy, thinc and dateparser, what the workers import
    from crosswire.extract.places import lookup

    lookup("")  # builds the gazetteer, which every report with a place name needs


threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="crosswire-parent-watch").start()
_warm()
