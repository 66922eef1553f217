"""Tests of the test harness itself: the committed fixture sets match their generators and their scorers
work (fixtures/spa, fixtures/verdicts, fixtures/discover_shapes), and the support servers (PostgreSQL, Dask)
start, run and stop cleanly. Not tests of a package stage."""
