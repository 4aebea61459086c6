"""The ``medialit`` command line.

Each subcommand lives in the module that owns the feature; that module exposes
``add_command(subparsers)``, which adds its parser and sets ``func`` to a function
``(args) -> int``. Errors a user can fix (:class:`MedialitError`) print one line on stderr
and exit with status 2; findings never change the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .errors import MedialitError

#: Modules that add subcommands, in the order ``--help`` lists them.
COMMAND_MODULES = [
    "medialit.cli_show",
    "medialit.cli_instructor",
    "medialit.cli_trace",
    "medialit.cli_check",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="Check sourcing, attribution and framing in news articles.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except MedialitError as e:
        print(f"medialit: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
