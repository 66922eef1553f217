"""Tests of oit_checker/fetch/."""
