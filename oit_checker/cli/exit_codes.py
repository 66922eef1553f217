"""Exit codes, documented in the README: the systemd unit and cron scripts rely on them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every checked item passes (discover: at least one item has a link)
    GAPS = 1  # some item is not pass (discover: nothing found)
    CONFIG = 2  # usage or configuration error: the message names the file or option
    REGRESSIONS = 3  # audit/diff: an item that passed in the previous run does not now
    INTERNAL = 4  # a bug of ours (an unexpected exception): never mistaken for "gaps found"
    INTERRUPTED = 130


EXIT_OK, EXIT_GAPS, EXIT_CONFIG, EXIT_REGRESSIONS, EXIT_INTERNAL, EXIT_INTERRUPTED = (
    ExitCode.OK, ExitCode.GAPS, ExitCode.CONFIG, ExitCode.REGRESSIONS, ExitCode.INTERNAL, ExitCode.INTERRUPTED)

# Their words for `--help` are in the strings catalogue: help.epilog (text/strings.toml).
