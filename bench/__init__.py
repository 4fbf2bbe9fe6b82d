"""Speed measurements: scripts that print ratios to a reference timed in the same run (run with `python -m bench.NAME`)."""
