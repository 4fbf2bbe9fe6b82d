"""Whether a spaCy pipeline can use PyTorch, read from its config without importing spaCy.

thinc imports PyTorch whenever it is installed (crosswire's `embeddings` extra installs it): about 1.5 s
of CPU at each start of the process pool's fork server, and as long before its workers can start, for
a pipeline such as en_core_web_sm whose layers are thinc's own. The fork server hides PyTorch from
thinc when the pipeline's config names nothing that could use it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

# Set (to "1") in the fork server's environment when the build's pipeline cannot use PyTorch.
WITHOUT_PYTORCH_VARIABLE = "CROSSWIRE_WARM_WITHOUT_PYTORCH"
# spaCy's own components, none of which brings a PyTorch layer of its own: any other (a transformer,
# a user's component) may import it.
SPACY_FACTORIES = frozenset({
    "attribute_ruler", "edit_tree_lemmatizer", "entity_linker", "entity_ruler", "lemmatizer", "morphologizer",
    "ner", "parser", "sentencizer", "senter", "span_ruler", "spancat", "tagger", "textcat", "textcat_multilabel",
    "tok2vec", "trainable_lemmatizer",
})
_REFERENCE = re.compile(r'^\s*(factory|@architectures|@layers)\s*=\s*"([^"]*)"', re.MULTILINE)


def can_use_pytorch(model: str) -> bool:
    """True unless the pipeline's config is found and names only spaCy's factories and non-Torch architectures."""
    config = _config(model)
    if config is None:
        return True
    for kind, name in _REFERENCE.findall(config):
        if kind == "factory" and name not in SPACY_FACTORIES:
            return True
        if kind != "factory" and (not name.startswith("spacy.") or "torch" in name.lower()):
            return True
    return False


def _config(model: str) -> str | None:
    """The config.cfg of a pipeline given as a folder or an installed package; None where there is none."""
    folder = Path(model)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    configs = [folder / "config.cfg", *sorted(folder.glob("*/config.cfg"))]
    found = [path for path in configs if path.is_file()]
    return found[0].read_text(encoding="utf-8") if len(found) == 1 else None
