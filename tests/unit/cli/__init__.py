"""Tests of oit_checker/cli/."""
