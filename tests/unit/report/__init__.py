"""Tests of oit_checker/report/."""
