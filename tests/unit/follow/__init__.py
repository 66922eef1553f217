"""Tests of oit_checker/follow/."""
