"""Command line: argparse, the Console, exit codes, one atomic output writer, one module per command."""
