"""Tests of oit_checker/extract/."""
