"""Evaluation against public gold data (``crosswire eval ...``).

Each module reads one corpus from ``../shared/data/`` (or any folder in the same layout), runs the
system on the parts a system may see, and only then reads the gold answers to score. Published
figures to compare with come from each corpus's SOURCE.md.
"""
