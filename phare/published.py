"""The published PHARE figures: the default dataset, loaded as tidy aggregates and validated.

Each row is one number a source states outright, with its study, actor, segment, territory,
indicator, fragility, unit, base, question, source and confidence (see ``data/SOURCES.md``).
Cells that were never published are simply absent: nothing here fills them in.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from phare.catalogue import Catalogue
from phare.errors import InvalidDataFile

PUBLISHED_FIGURES = Path(__file__).resolve().parent / "data" / "published_figures.csv"
NATIONAL = "FR"
CONFIDENCE_LEVELS = ("high", "medium", "low")
COLUMNS = (
    "study",
    "actor",
    "segment",
    "region_code",
    "region_name",
    "indicator",
    "fragility",
    "value",
    "unit",
    "base_n",
    "question",
    "source",
    "source_date",
    "confidence",
    "notes",
)
OPTIONAL_TEXT = ("fragility", "question", "notes", "base_n")


def published_schema(catalogue: Catalogue) -> pa.DataFrameSchema:
    """Schema of the published-figures file; every code must be in the catalogue."""

    def one_of(values) -> pa.Check:
        return pa.Check.isin(sorted(values))

    return pa.DataFrameSchema(
        {
            "study": pa.Column(str, one_of(catalogue.studies)),
            "actor": pa.Column(str, one_of(catalogue.actors)),
            "segment": pa.Column(str, pa.Check.str_length(min_value=1)),
            "region_code": pa.Column(str, one_of([*catalogue.regions, NATIONAL])),
            "region_name": pa.Column(str),
            "indicator": pa.Column(str, one_of(catalogue.indicators)),
            "fragility": pa.Column(str, one_of(catalogue.fragilities), nullable=True),
            "value": pa.Column(float, coerce=True),
            "unit": pa.Column(str),
            "base_n": pa.Column("Int64", pa.Check.gt(0), nullable=True, coerce=True),
            "question": pa.Column(str, nullable=True),
            "source": pa.Column(str, one_of(catalogue.sources)),
            "source_date": pa.Column(str),
            "confidence": pa.Column(str, one_of(CONFIDENCE_LEVELS)),
            "notes": pa.Column(str, nullable=True),
        },
        strict=True,
        ordered=True,
    )


def load_published(catalogue: Catalogue, path: Path = PUBLISHED_FIGURES) -> pd.DataFrame:
    """Read and validate the published figures; :class:`InvalidDataFile` lists every problem."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise InvalidDataFile(str(path), [f"cannot be read as UTF-8 CSV: {error}"]) from error
    missing = [column for column in COLUMNS if column not in raw.columns]
    if missing:
        raise InvalidDataFile(str(path), [f"missing column(s): {', '.join(missing)}"])
    for column in OPTIONAL_TEXT:
        raw[column] = raw[column].where(raw[column].str.strip() != "", None)
    try:
        frame = published_schema(catalogue).validate(raw, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise InvalidDataFile(str(path), _describe_failures(error.failure_cases)) from error
    problems = _cross_field_problems(frame, catalogue)
    if problems:
        raise InvalidDataFile(str(path), problems)
    return frame


def _file_row(index: object) -> str:
    """Row number as a spreadsheet shows it (header is row 1)."""
    return f"row {int(index) + 2}" if pd.notna(index) else "whole file"


def _describe_failures(failures: pd.DataFrame) -> list[str]:
    return [
        f"{_file_row(case['index'])}, column {case['column']!r}: "
        f"value {case['failure_case']!r} fails {case['check']}"
        for case in failures.drop_duplicates(["index", "column"]).to_dict("records")
    ]


def _cross_field_problems(frame: pd.DataFrame, catalogue: Catalogue) -> list[str]:
    problems = []
    for index, row in frame.iterrows():
        indicator = catalogue.indicators[row["indicator"]]
        unit = catalogue.files.units[indicator.unit]
        expected_units = {indicator.unit, unit.csv_unit} - {None}
        where = f"{_file_row(index)}"
        if row["unit"] not in expected_units:
            problems.append(
                f"{where}, column 'unit': {row['unit']!r} for {indicator.id}, "
                f"expected {' or '.join(sorted(expected_units))}"
            )
        if pd.notna(row["fragility"]) and not indicator.per_fragility:
            problems.append(
                f"{where}, column 'fragility': {row['fragility']!r}, "
                f"but {indicator.id} is not per fragility"
            )
    return problems
