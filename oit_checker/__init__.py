"""oit-checker: check a Thai agency's ITA/OIT evidence before the assessors do."""

__version__ = "0.1.0"
