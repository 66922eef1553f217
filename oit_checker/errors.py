"""One exception tree for what the user can fix; `cli.main` catches `OitCheckerError` once and exits 2.

Everything else that escapes a command is a bug of ours (exit 4 once the CLI maps it, see the README).
"""

from __future__ import annotations


class OitCheckerError(Exception):
    """Base of every error the user can act on: the message names the file or option and the problem."""


class UsageError(OitCheckerError):
    """A wrong command line or option value."""


class ConfigError(OitCheckerError):
    """A user's file (manifest, rule catalogue, suppressions, projection method) cannot be used."""


class HistoryError(OitCheckerError):
    """The history database cannot be used (corrupt, written by a newer version, unknown run id …)."""
