"""Tests of oit_checker/evaluate/."""
