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


class InvalidImportFile(InvalidDataFile):
    """A respondent file given to ``python -m phare import`` is refused before anything is written.

    Fires on a file that cannot be read (unknown extension, extension and content that disagree,
    not UTF-8, too large, an XLSX over the zip-bomb limits) or whose rows break the import format
    of :mod:`phare.microdata_format`; ``problems`` lists every one with row, column, value and
    what was expected.
    """


class ExcelReaderUnsafe(PhareError):
    """An XLSX file would be parsed without defusedxml (not installed, or disabled for openpyxl)."""


class InvalidReleaseId(PhareError):
    """A release id given to an import is malformed, or names a release that already exists."""


class ReleaseUnavailable(PhareError):
    """A release cannot be read or made current.

    Fires on an unknown id, an unfinished release folder (no readable ``manifest.json``), a
    ``current`` pointer naming no complete release, no current release at all, or a data file
    whose SHA-256 differs from the one its manifest records.
    """


class ImportLocked(PhareError):
    """Another import or ``set_current`` holds the data folder's lock; nothing was changed."""
