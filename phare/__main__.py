"""Command line: ``python -m phare simulate | import | releases | estimate``."""

from __future__ import annotations

import argparse
import importlib
import sys

from phare.commands import COMMANDS
from phare.errors import PhareError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m phare")
    subparsers = parser.add_subparsers(dest="command", required=True)
    handlers = {}
    for name in COMMANDS:
        module = importlib.import_module(f"phare.commands.{name}")
        handlers[module.add_parser(subparsers)] = module.run
    args = parser.parse_args(argv)
    try:
        return handlers[args.command](args)
    except PhareError as error:
        print(f"phare: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
