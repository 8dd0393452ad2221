"""Read and check a respondent file (microdata) in the import format of ``microdata_format``.

One entry, :func:`read_microdata`. The file's bytes are read once, so the SHA-256 recorded is the
one of the content that was checked. CSV (UTF-8 with or without BOM, ``;`` or ``,``), Parquet
and Excel (``.xlsx``, first sheet) are read with every column as text, so that codes keep their
form (``"01001"``, ``"2A004"``); a file whose extension and content disagree is refused. Columns
may come in any order (the frame returned has the format's order). A 4-digit commune code
that lost its leading zero is repaired with a warning naming the row.
Every row is then checked, by a pandera schema for each column and by cross-field checks
(duplicated ids, segment of the right actor, distinct priorities); every problem is collected
and reported at once by :class:`~phare.errors.InvalidImportFile`, rows numbered as a
spreadsheet shows them (header is row 1).

XLSX files are ZIP archives of XML: before openpyxl opens one, the archive's member count and
declared uncompressed size are checked (Python's zipfile never inflates a member past its
declared size), and openpyxl must parse with defusedxml (no entity expansion).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pandera.pandas as pa

from phare.catalogue import Catalogue
from phare.errors import InvalidImportFile
from phare.microdata_format import (
    BINARY_COLUMNS,
    SEGMENT_FIELDS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    microdata_columns,
    score_column,
)
from phare.table_files import read_table

COMMUNE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
LOST_ZERO_COMMUNE_CODE = re.compile(r"^\d{4}$")
ROW_LEVEL = -1


@dataclass(frozen=True)
class Microdata:
    """A checked respondent file: the typed frame, repair warnings and the source's identity."""

    frame: pd.DataFrame
    warnings: list[str]
    path: Path
    sha256: str
    rows: int
    simulated: bool = False


class _Problem(NamedTuple):
    index: int
    column: int
    text: str


def read_microdata(path: Path | str, catalogue: Catalogue) -> Microdata:
    """Read, repair and check a respondent file; :class:`InvalidImportFile` lists every problem."""
    path = Path(path)
    text, data = read_table(path)
    columns = microdata_columns(list(catalogue.fragilities))
    _check_columns(path, list(text.columns), columns)
    text, warnings = repair_commune_codes(text[columns])
    problems = validation_problems(text, catalogue)
    if problems:
        raise InvalidImportFile(str(path), problems)
    frame = typed_frame(text, columns)
    return Microdata(
        frame,
        warnings,
        path,
        hashlib.sha256(data).hexdigest(),
        len(frame),
        simulated=declared_simulated(path),
    )


def declared_simulated(path: Path) -> bool:
    """Whether the file's ``<file>.json`` sidecar (written by the simulator) declares it simulated.

    Anything computed from such a file is labelled "données simulées" on every view and export.
    """
    sidecar = Path(f"{path}.json")
    try:
        return json.loads(sidecar.read_text(encoding="utf-8")).get("simulated") is True
    except (OSError, ValueError, AttributeError):
        return False


def _refuse(path: Path, problem: str) -> InvalidImportFile:
    return InvalidImportFile(str(path), [problem])


def _check_columns(path: Path, found: list[str], expected: list[str]) -> None:
    problems = [f"missing column {name!r}" for name in expected if name not in found]
    problems += [
        f"unexpected column {name!r}: not in the import format (expected {', '.join(expected)})"
        for name in found
        if name not in expected
    ]
    problems += [f"column {name!r} appears more than once" for name in _repeated(found)]
    if problems:
        raise InvalidImportFile(str(path), problems)


def _repeated(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [name for name in names if name in seen or seen.add(name)]


def file_row(index: int) -> str:
    """Row number as a spreadsheet shows it (header is row 1)."""
    return f"row {int(index) + 2}"


def repair_commune_codes(text: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Put back the leading zero of a 4-digit commune code (``1001`` → ``01001``), with a warning.

    Only all-digit 4-character codes are repaired: they are the ones a spreadsheet makes by
    reading ``01001`` as a number. Any other malformed code is left for validation to report.
    """
    codes = text["commune_code"]
    lost = codes.str.fullmatch(LOST_ZERO_COMMUNE_CODE.pattern)
    warnings = [
        f"{file_row(index)}, column 'commune_code': {code!r} repaired to {'0' + code!r} "
        "(leading zero lost in a spreadsheet)"
        for index, code in codes[lost].items()
    ]
    repaired = text.copy()
    repaired.loc[lost, "commune_code"] = "0" + codes[lost]
    return repaired, warnings


def segment_ids(catalogue: Catalogue, field: str) -> list[str]:
    """Segment ids the catalogue allows in a microdata segment column."""
    return [segment.id for segment in catalogue.segments.values() if segment.field == field]


def _check(test: Callable[[pd.Series], pd.Series], expected: str) -> pa.Check:
    return pa.Check(test, name=expected, error=expected)


def _one_of(values: Iterable[str], blank: bool = False) -> pa.Check:
    allowed = list(values)
    expected = f"one of {', '.join(allowed)}" + (", or blank" if blank else "")
    return _check(lambda column: column.isin([*allowed, *([""] if blank else [])]), expected)


def _whole_in(low: int, high: int) -> Callable[[pd.Series], pd.Series]:
    def test(column: pd.Series) -> pd.Series:
        number = pd.to_numeric(column.where(column != ""), errors="coerce")
        valid = number.between(low, high) & (number % 1 == 0)
        return (column == "") | valid

    return test


def _positive_number(column: pd.Series) -> pd.Series:
    number = pd.to_numeric(column, errors="coerce")
    return number.gt(0) & np.isfinite(number)


def microdata_schema(catalogue: Catalogue) -> pa.DataFrameSchema:
    """Per-column checks of the text frame (blank is ``""``); cross-field checks are separate."""
    fragilities = list(catalogue.fragilities)
    segments = {field: segment_ids(catalogue, field) for field in SEGMENT_FIELDS.values()}
    commune = _check(
        lambda column: (column == "") | column.str.fullmatch(COMMUNE_CODE.pattern),
        "blank or an INSEE commune code of 5 characters (01001, 2A004)",
    )
    columns = {
        "respondent_id": pa.Column(str, _check(lambda c: c != "", "a non-empty identifier")),
        "actor": pa.Column(str, _one_of(SURVEYED_ACTORS)),
        "region_code": pa.Column(str, _one_of(catalogue.regions)),
        "commune_code": pa.Column(str, commune),
        **{field: pa.Column(str, _one_of(ids, blank=True)) for field, ids in segments.items()},
        "weight": pa.Column(str, _check(_positive_number, "a number > 0 (decimal point '.')")),
        **{
            score_column(fragility): pa.Column(
                str, _check(_whole_in(1, 10), "a whole number from 1 to 10, or blank")
            )
            for fragility in fragilities
        },
        **{
            name: pa.Column(str, _check(_whole_in(0, 1), "0, 1 or blank"))
            for name in BINARY_COLUMNS
        },
        **{name: pa.Column(str, _one_of(fragilities, blank=True)) for name in TOP3_COLUMNS},
    }
    return pa.DataFrameSchema(columns, strict=True)


def validation_problems(text: pd.DataFrame, catalogue: Catalogue) -> list[str]:
    """Every problem of the text frame, ordered by row then column."""
    try:
        microdata_schema(catalogue).validate(text, lazy=True)
        problems = []
    except pa.errors.SchemaErrors as error:
        problems = _schema_problems(error.failure_cases, list(text.columns))
    problems += _duplicate_ids(text)
    problems += _segment_problems(text, catalogue)
    problems += _top3_problems(text)
    return [problem.text for problem in sorted(problems)]


def _schema_problems(failures: pd.DataFrame, columns: list[str]) -> list[_Problem]:
    return [
        _Problem(
            int(case["index"]),
            columns.index(case["column"]),
            f"{file_row(case['index'])}, column {case['column']!r}: "
            f"value {case['failure_case']!r}, expected {case['check']}",
        )
        for case in failures.drop_duplicates(["index", "column"]).to_dict("records")
    ]


def _duplicate_ids(text: pd.DataFrame) -> list[_Problem]:
    ids = text["respondent_id"]
    repeated = ids[(ids != "") & ids.duplicated(keep=False)]
    problems = []
    for value, group in repeated.groupby(repeated, sort=False):
        rows = [file_row(index).removeprefix("row ") for index in group.index]
        problems.append(
            _Problem(
                int(group.index[0]),
                ROW_LEVEL,
                f"rows {' and '.join(rows)}, column 'respondent_id': value {value!r} appears "
                f"{len(rows)} times, expected each respondent once",
            )
        )
    return problems


def _segment_problems(text: pd.DataFrame, catalogue: Catalogue) -> list[_Problem]:
    """A segment column is filled for its own actor and blank for every other surveyed actor."""
    problems = []
    known = text["actor"].isin(SURVEYED_ACTORS)
    columns = list(text.columns)
    for owner, field in SEGMENT_FIELDS.items():
        own = text["actor"] == owner
        blank = text[field] == ""
        for index in text.index[own & blank]:
            problems.append(
                _Problem(
                    int(index),
                    columns.index(field),
                    f"{file_row(index)}, column {field!r}: blank, expected one of "
                    f"{', '.join(segment_ids(catalogue, field))} for actor {owner!r}",
                )
            )
        for index in text.index[known & ~own & ~blank]:
            problems.append(
                _Problem(
                    int(index),
                    columns.index(field),
                    f"{file_row(index)}, column {field!r}: value {text.at[index, field]!r}, "
                    f"expected blank for actor {text.at[index, 'actor']!r} "
                    f"(only {owner!r} has a {field})",
                )
            )
    return problems


def _top3_problems(text: pd.DataFrame) -> list[_Problem]:
    problems = []
    columns = list(text.columns)
    for later_position, later in enumerate(TOP3_COLUMNS):
        earlier = TOP3_COLUMNS[:later_position]
        already = pd.Series(False, index=text.index)
        for name in earlier:
            already |= (text[later] != "") & (text[later] == text[name])
        for index in text.index[already]:
            problems.append(
                _Problem(
                    int(index),
                    columns.index(later),
                    f"{file_row(index)}, column {later!r}: value {text.at[index, later]!r} is "
                    f"already a priority of this row, expected {', '.join(TOP3_COLUMNS)} distinct",
                )
            )
    return problems


def typed_frame(text: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The checked text frame with its final dtypes, numbered from 0.

    Codes (``respondent_id``, ``actor``, ``region_code``) are ``str``; ``commune_code`` and the
    segment columns are ``str`` with NaN for blank; ``weight``, scores and binaries are
    ``float64`` with NaN for blank; top-3 columns are ``object`` with ``None`` for blank.
    """
    text = text.reset_index(drop=True)
    frame = pd.DataFrame(index=text.index)
    for name in columns:
        frame[name] = _converter(name)(text[name])
    return frame


def _converter(name: str) -> Callable[[pd.Series], pd.Series]:
    if name in ("respondent_id", "actor", "region_code"):
        return lambda column: column.astype(str)
    if name == "commune_code" or name in SEGMENT_FIELDS.values():
        return lambda column: column.where(column != "").astype(str)
    if name in TOP3_COLUMNS:
        return lambda column: column.astype(object).where(column != "", None)
    return lambda column: pd.to_numeric(column.where(column != "")).astype("float64")
