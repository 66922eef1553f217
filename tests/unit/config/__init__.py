"""Tests of oit_checker/config/."""
