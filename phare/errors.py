"""Errors raised at the project's boundaries, turned into user-facing messages in one place.

Every subclass says when it fires; its message names the file, row, column or setting at fault
and what was expected, so that whoever reads it can act without opening the code.
"""


class PhareError(Exception):
    """Base class of every error the project raises on purpose."""


class InvalidSetting(PhareError):
    """A setting (explicit argument or ``PHARE_*`` environment variable) has an unusable value."""


class CatalogueError(PhareError):
    """A catalogue file (actors, fragilities, indicators…) is missing an entry or is malformed."""


class InvalidDataFile(PhareError):
    """A data file does not match its schema; ``problems`` lists each one with row and column."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {problem}" for problem in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{path}: {len(problems)} problem(s)\n{listed}{more}")


class ChecksumMismatch(PhareError):
    """A contour file (downloaded or read from the mirror) does not have its registered SHA-256."""

    def __init__(self, name: str, location: str, expected: str, actual: str) -> None:
        self.name = name
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"{name} ({location}) has SHA-256 {actual}, expected {expected}. "
            "The file is corrupt, truncated or not the pinned version: delete it and run "
            "`make geodata` again, or point PHARE_GEODATA_MIRROR at a correct copy. "
            "The previous geometry cache was left untouched."
        )


class GeodataUnavailable(PhareError):
    """A contour file can be neither read from the mirror nor downloaded, or no cache exists."""
