"""Tests of oit_checker/engine/."""
