"""Imported once by the process pool's fork server: what every worker would otherwise load for itself.

spaCy and the other extraction imports (about 4 s of CPU, 2.5 s without PyTorch when the model cannot
use it), the gazetteer (about 1 s) and the build's model (1 to 2 s, named in `pool.MODEL_VARIABLE` when
the pool starts the server) are loaded here once; each worker forks with them in memory and starts in a
fraction of a second.
"""

import json
import os
import sys
import threading
import time

PARENT_POLL_S = 0.5


def _exit_with_parent(parent: int) -> None:
    """A build killed during these imports would otherwise leave the fork server running until they end."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def _warm() -> None:
    from crosswire.engines.pytorch import WITHOUT_PYTORCH_VARIABLE

    if os.environ.get(WITHOUT_PYTORCH_VARIABLE):
        sys.modules["torch"] = None  # thinc takes PyTorch for not installed (see pytorch.py)
    import crosswire.extract  # noqa: F401 - spaCy, thinc and dateparser, what the workers import
    # Each worker first imports the build's main module, as multiprocessing does for every process it
    # starts: the CLI, or a script over the pipeline; both import the whole build (about 1 s of CPU).
    import crosswire.pipeline  # noqa: F401
    from crosswire.engines.pool import MODEL_VARIABLE
    from crosswire.extract.nlp import load_pipeline
    from crosswire.extract.places import lookup

    lookup("")  # builds the gazetteer, which every report with a place name needs
    model = os.environ.get(MODEL_VARIABLE)
    if model:
        name, *patterns = json.loads(model)
        try:
            load_pipeline(name, tuple(patterns))
        except Exception:  # noqa: BLE001 - each worker loads it again and reports what is wrong
            pass


threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="crosswire-parent-watch").start()
_warm()
