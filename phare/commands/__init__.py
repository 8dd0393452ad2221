"""Sub-commands of ``python -m phare``: each module has ``add_parser(subparsers)`` and ``run``."""

COMMANDS = ("simulate", "import_release", "releases", "estimate")
