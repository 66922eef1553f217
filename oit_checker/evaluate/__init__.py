"""Trails → `Finding`: the only place that sets a status or a severity (pure, no I/O)."""
