"""Tests of oit_checker/text/."""
