"""Tests of one stage of the pipeline each, one folder per package folder of oit_checker."""
