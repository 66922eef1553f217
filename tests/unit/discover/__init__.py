"""Tests of oit_checker/discover/."""
