"""Tests of oit_checker/html/."""
