"""A visitor's CSV of commune values (INSEE code ; value), joined to today's communes.

:func:`parse_commune_values` reads the file's bytes in memory (:mod:`dashboard.upload.reading`),
sets a header aside (:func:`split_header`) and joins each row to today's commune through the
:class:`~geodata.lookups.Gazetteer` (current codes, former codes, municipal arrondissements),
listing every row it refused or remarked on (:mod:`dashboard.upload.problems`). The bytes come
from :mod:`dashboard.upload.decoding`; the result goes to the visitor's browser and back through
:mod:`dashboard.upload.store`.

The server never stores the file: the bytes exist only inside the request that parses them,
and what is kept afterwards lives in the visitor's browser memory store (``dcc.Store``), so no
visitor's data can reach another visitor, a log, a cache or the disk.

Text from the file is returned as plain strings (control characters replaced, long cells cut):
never HTML; the UI escapes it wherever it shows it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from dashboard.upload.problems import RowProblem, problem_message
from dashboard.upload.reading import (
    MAX_ROWS,
    InvalidUpload,
    decode_text,
    display_name,
    display_text,
    read_code,
    read_records,
    read_value,
    sniff_delimiter,
)
from geodata.lookups import Gazetteer, Match

MAX_LISTED_PROBLEMS = 500  # beyond, problems are counted, not listed
MAX_UNKNOWN_CODES = 1_000  # more distinct unknown codes: not a file of commune codes


@dataclass(frozen=True, eq=False)
class CommuneValues:
    """The rows joined to a current commune, and what happened to the others.

    ``values`` has one row per current commune: ``code`` (current INSEE code), ``value``
    (finite float), ``given_code`` (as typed: a former code, ``"1001"`` for ``"01001"``…) and
    ``row`` (line in the file). ``problems`` lists at most :data:`MAX_LISTED_PROBLEMS`;
    ``unlisted`` counts the others.
    """

    file: str
    values: pd.DataFrame
    problems: tuple[RowProblem, ...]
    rows_read: int
    refused: int
    former_codes: int
    zeros_restored: int
    unlisted: int
    encoding: str
    delimiter: str
    label: str | None

    @property
    def joined(self) -> int:
        return len(self.values)

    def counts(self) -> dict[str, int]:
        return {
            "rows_read": self.rows_read,
            "joined": self.joined,
            "refused": self.refused,
            "former_codes": self.former_codes,
            "zeros_restored": self.zeros_restored,
            "unlisted": self.unlisted,
        }


def split_header(records: list[tuple[int, list[str]]]) -> tuple[list[str] | None, int | None]:
    """(header cells, its line) when the first record is a header, else ``(None, None)``.

    A header is a first row whose code is not a commune code and whose value is not a number.
    """
    if not records:
        return None, None
    row, cells = records[0]
    code, _ = read_code(cells[0])
    value, _ = read_value(cells[1] if len(cells) > 1 else "")
    if code is None and value is None:
        return cells, row
    return None, None


class _Join:
    """Joins rows one by one; keeps the first row of each current commune."""

    def __init__(
        self, file: str, gazetteer: Gazetteer, drawn: Collection[str] | None, delimiter: str
    ):
        self.file = file
        self.gazetteer = gazetteer
        self.drawn = drawn
        self.comma_separated = delimiter == ","
        self.matches: dict[str, Match | None] = {}
        self.first_row: dict[str, int] = {}
        self.kept: list[tuple[str, float, str, int]] = []
        self.problems: list[RowProblem] = []
        self.unlisted = 0
        self.refused = 0
        self.former = 0
        self.zeros_restored = 0
        self.unknown = 0

    def note(self, row: int, column: int | None, value: str, kind: str, **details: str) -> None:
        if len(self.problems) >= MAX_LISTED_PROBLEMS:
            self.unlisted += 1
            return
        hint = kind == "extra_column" and self.comma_separated
        severity = "notice" if kind in ("former_code", "header") else "error"
        self.problems.append(
            RowProblem(
                self.file,
                row,
                column,
                display_text(value),
                kind,
                problem_message(kind, details, hint, "fr"),
                severity,
                details=tuple(details.items()),
                hint=hint,
            )
        )

    def add(self, row: int, cells: list[str]) -> None:
        """One record: every bad cell is listed; a row without any joins or is a duplicate."""
        given, value_cell = cells[0], cells[1] if len(cells) > 1 else ""
        code, code_problem = read_code(given)
        value, value_problem = read_value(value_cell)
        match = self.resolve(row, code) if code else None
        if code and match is None:
            code_problem = "unknown_code"
        extra_problem = "extra_column" if len(cells) > 2 else None
        for column, cell, problem in (
            (1, given, code_problem),
            (2, value_cell, value_problem),
            (3, cells[2] if extra_problem else "", extra_problem),
        ):
            if problem:
                self.note(row, column, cell, problem)
        if match is None or value is None or extra_problem:
            self.refused += 1
            return
        self.keep(row, given, value, match)

    def keep(self, row: int, given: str, value: float, match: Match) -> None:
        details = {"code": match.code, "name": match.name}
        if match.code in self.first_row:
            self.refused += 1
            self.note(row, 1, given, "duplicate", first=str(self.first_row[match.code]), **details)
            return
        if self.drawn is not None and match.code not in self.drawn:
            self.refused += 1
            self.note(row, 1, given, "not_drawn", **details)
            return
        self.first_row[match.code] = row
        self.kept.append((match.code, value, given, row))
        self.zeros_restored += len(given) == 4
        if match.found_by != "code":
            self.former += 1
            self.note(
                row,
                1,
                given,
                "former_code",
                found_by=match.found_by,
                given=match.matched_text,
                **details,
            )

    def resolve(self, row: int, code: str) -> Match | None:
        """The commune of a code, looked up once per distinct code; too many unknown: refused."""
        if code not in self.matches:
            match = self.matches[code] = self.gazetteer.commune(code)
            self.unknown += match is None
            if self.unknown > MAX_UNKNOWN_CODES:
                raise InvalidUpload(
                    self.file, "unknown_codes", "unknown_codes", row, 1, n=MAX_UNKNOWN_CODES
                )
        return self.matches[code]


def parse_commune_values(
    data: bytes, filename: str, gazetteer: Gazetteer, drawn: Collection[str] | None = None
) -> CommuneValues:
    """Join each row of a CSV (code INSEE ; valeur) to today's commune, listing the others.

    ``drawn``, when given, holds the current codes the map draws: rows of other communes (e.g.
    overseas) are refused rather than dropped later without a word. The bytes are only read
    here, in memory; nothing is written anywhere.
    """
    file = display_name(filename)
    text, encoding = decode_text(data, file)
    delimiter = sniff_delimiter(text, file)
    records = read_records(text, delimiter, file)
    header, header_row = split_header(records)
    rows = records[1:] if header else records
    if not rows:
        raise InvalidUpload(file, "no_rows", "no_rows")
    if len(rows) > MAX_ROWS:
        raise InvalidUpload(file, "too_many_rows", "too_many_rows", rows[-1][0], n=MAX_ROWS)
    join = _Join(file, gazetteer, drawn, delimiter)
    if header and header_row:
        join.note(header_row, None, " ; ".join(header), "header")
    for row, cells in rows:
        join.add(row, cells)
    values = pd.DataFrame(join.kept, columns=["code", "value", "given_code", "row"])
    return CommuneValues(
        file=file,
        values=values.astype({"value": "float64", "row": "int64"}),
        problems=tuple(join.problems),
        rows_read=len(rows),
        refused=join.refused,
        former_codes=join.former,
        zeros_restored=join.zeros_restored,
        unlisted=join.unlisted,
        encoding=encoding,
        delimiter=delimiter,
        label=display_text(header[1]) if header and len(header) > 1 else None,
    )
