"""Tests of oit_checker/catalogue/."""
