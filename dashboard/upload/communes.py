"""A visitor's CSV of commune values (INSEE code ; value), read in memory and joined to communes.

Three steps, no Dash: :func:`decode_upload` turns the ``contents`` of a ``dcc.Upload`` into
bytes (size checked on the base64 text, before decoding), :func:`parse_commune_values` joins
each row to today's commune through the :class:`~geodata.lookups.Gazetteer` (current codes,
former codes, municipal arrondissements) and lists every row it refused, and
:func:`to_store` / :func:`from_store` carry the result through the visitor's browser.

The server never stores the file: the bytes exist only inside the request that parses them,
and what is kept afterwards lives in the visitor's browser memory store (``dcc.Store``), so no
visitor's data can reach another visitor, a log, a cache or the disk. Because that store comes
back from the browser with every callback, :func:`from_store` trusts none of it.

Text from the file is returned as plain strings (control characters replaced, long cells cut):
never HTML; the UI escapes it wherever it shows it.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Collection
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath

import pandas as pd

from dashboard.text.i18n import t
from dashboard.text.numbers import LOCALES, format_size, size_unit
from dashboard.upload.reading import (
    MAX_ROWS,
    InvalidUpload,
    base_name,
    decode_text,
    display_name,
    display_text,
    read_code,
    read_records,
    read_value,
    sniff_delimiter,
)
from dashboard.views.commune import FOUND_BY
from geodata.lookups import Gazetteer, Match

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # decoded CSV
EXTENSIONS = (".csv", ".txt")
MAX_LISTED_PROBLEMS = 500  # beyond, problems are counted, not listed
MAX_UNKNOWN_CODES = 1_000  # more distinct unknown codes: not a file of commune codes
# What can be wrong with a row -> its message in the interface strings (dashboard/text/i18n.py)
MESSAGES = {
    kind: f"upload_{kind}"
    for kind in (
        "missing_code",
        "bad_code",
        "unknown_code",
        "missing_value",
        "not_a_number",
        "not_finite",
        "extra_column",
        "duplicate",
        "not_drawn",
        "former_code",
        "header",
    )
}
COMMA_HINT = "upload_comma_hint"  # added to "extra_column" when the file is comma-separated


@dataclass(frozen=True)
class RowProblem:
    """One row refused (``severity`` ``"error"``) or joined with a remark (``"notice"``).

    ``row`` is the line in the file (header = 1, blank lines counted), ``column`` the field's
    position (1 = code, 2 = value) or ``None`` for the whole row; ``value`` is the offending
    cell as plain text, cut to a few dozen characters; ``kind`` is a key of :data:`MESSAGES`,
    ``details`` the values its message names, ``hint`` whether the comma hint follows it;
    ``message`` is the French message.
    """

    file: str
    row: int
    column: int | None
    value: str
    kind: str
    message: str
    severity: str = "error"
    details: tuple[tuple[str, str], ...] = ()
    hint: bool = False

    def describe(self, lang: str = "fr") -> str:
        """``"ligne 7, colonne 2 : valeur non numérique « abc »"`` (``"line 7, column 2: value
        not a number “abc”"`` in English), plain text."""
        where = t("upload_row", lang, row=self.row)
        if self.column:
            where += t("upload_column", lang, column=self.column)
        message = problem_message(self.kind, dict(self.details), self.hint, lang)
        quoted = " " + t("quoted", lang, text=self.value) if self.value else ""
        return labelled_text(where, lang) + message + quoted


def problem_message(kind: str, details: dict[str, str], hint: bool, lang: str) -> str:
    """The message of a row problem in ``lang``; how a former code was found, translated."""
    if "found_by" in details and details["found_by"] in FOUND_BY:
        details = {**details, "found_by": t(FOUND_BY[details["found_by"]], lang)}
    message = t(MESSAGES[kind], lang, **details)
    return message + t(COMMA_HINT, lang) if hint else message


def labelled_text(text: str, lang: str) -> str:
    """``text`` followed by a colon, spaced as each language writes it."""
    return text + (" : " if lang == "fr" else ": ")


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


def limit_text(lang: str = "fr") -> str:
    """The upload limit as a visitor reads it: ``"2 Mo"`` (``"2 MB"``)."""
    return format_size(MAX_UPLOAD_BYTES, lang)


def too_large_attributes(lang: str = "fr") -> dict[str, str]:
    """The ``data-*`` attributes from which assets/upload_limit.js tells a visitor that a file is
    over the limit: the browser drops such a file without a word (plotly/dash#2638).

    ``data-message`` keeps ``{file}`` and ``{size}`` for the script, which writes the size in
    ``data-unit`` (the limit's multiple, ``data-unit-bytes`` bytes) as :func:`format_size`
    does: tenths rounded up, in the page's ``data-locale``.
    """
    unit_bytes, unit = size_unit(MAX_UPLOAD_BYTES, lang)
    message = t("upload_too_large", lang, file="{file}", size="{size}", limit=limit_text(lang))
    return {
        "data-limit": str(MAX_UPLOAD_BYTES),
        "data-unit-bytes": str(unit_bytes),
        "data-unit": unit,
        "data-locale": LOCALES.get(lang, LOCALES["fr"]).replace("_", "-"),
        "data-message": message,
    }


def decode_upload(contents: str, filename: str) -> bytes:
    """The file's bytes from a ``dcc.Upload`` ``contents`` (``data:<mime>;base64,<payload>``).

    The size is judged on the base64 text before anything is decoded; the MIME type the browser
    announces is ignored (Windows calls CSV ``application/vnd.ms-excel``).
    """
    name = display_name(filename)
    if PurePosixPath(base_name(filename)).suffix.lower() not in EXTENSIONS:
        raise InvalidUpload(name, "extension", "extension")
    head, comma, payload = contents.partition(",") if isinstance(contents, str) else ("", "", "")
    if not comma or not head.startswith("data:") or not head.endswith(";base64"):
        raise InvalidUpload(name, "not_base64", "not_base64")
    decoded_size = len(payload) * 3 // 4
    if decoded_size > MAX_UPLOAD_BYTES + 2:  # "=" padding makes the estimate 2 bytes high
        raise InvalidUpload(
            name, "too_large", "too_large", size=decoded_size, limit=MAX_UPLOAD_BYTES
        )
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidUpload(name, "not_base64", "bad_base64") from error
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidUpload(name, "too_large", "over_limit", limit=MAX_UPLOAD_BYTES)
    return data


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


def _finite(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return number if math.isfinite(number) else None


def to_store(result: CommuneValues) -> dict:
    """The JSON kept in the visitor's browser (``dcc.Store``, memory): codes, values, report."""
    problems = [asdict(problem) for problem in result.problems]
    for problem in problems:
        for field in ("file", "details", "hint"):  # the report is written when the file is read
            del problem[field]
    return {
        "file": result.file,
        "label": result.label,
        "codes": result.values["code"].tolist(),
        "values": result.values["value"].tolist(),
        "problems": problems,
        "counts": result.counts(),
    }


def from_store(data: object, known_codes: Collection[str]) -> pd.DataFrame:
    """``code``, ``value`` from a browser store, re-checked: the browser is not trusted.

    Anything malformed gives an empty frame; otherwise pairs whose code is not in
    ``known_codes`` (a set of current codes, e.g. those the map draws), whose value is not a finite
    number, or whose commune came earlier, are dropped.
    """
    empty = pd.DataFrame({"code": pd.Series(dtype=str), "value": pd.Series(dtype="float64")})
    if not isinstance(data, dict):
        return empty
    codes, values = data.get("codes"), data.get("values")
    if not (isinstance(codes, list) and isinstance(values, list)):
        return empty
    if len(codes) != len(values) or len(codes) > MAX_ROWS:
        return empty
    pairs: dict[str, float] = {}
    for code, value in zip(codes, values, strict=True):
        if not isinstance(code, str) or code not in known_codes or code in pairs:
            continue
        number = _finite(value)
        if number is not None:
            pairs[code] = number
    if not pairs:
        return empty
    return pd.DataFrame({"code": list(pairs), "value": list(pairs.values())}).astype(
        {"value": "float64"}
    )
