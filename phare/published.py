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

DATA_DIR = Path(__file__).resolve().parent / "data"
PUBLISHED_FIGURES = DATA_DIR / "published_figures.csv"
# Reviewed rules applied on loading, each a small CSV with a reason per line:
EXCLUDED_ROWS = DATA_DIR / "excluded_rows.csv"  # rows of the source file left out, and why
SEGMENT_ALIASES = DATA_DIR / "segment_aliases.csv"  # the sources' segment wording -> segment id
JOINT_TERRITORIES = DATA_DIR / "joint_territories.csv"  # one figure published for two regions
ROW_KEY = ["study", "actor", "segment", "region_code", "indicator", "fragility", "value", "source"]
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
    kept, stale = _drop_excluded(frame, load_excluded())
    aliased = _apply_segment_aliases(kept)
    problems = stale + _segment_problems(aliased, catalogue)
    if problems:
        raise InvalidDataFile(str(path), problems)
    return _mark_joint_territories(aliased)


def load_excluded() -> pd.DataFrame:
    """Rows of the source file deliberately left out of the dataset, each with its reason."""
    excluded = pd.read_csv(EXCLUDED_ROWS, dtype=str, keep_default_na=False)
    return excluded.replace({"": None})


def _row_keys(frame: pd.DataFrame) -> pd.Series:
    values = frame["value"].map(lambda v: f"{float(v):g}")
    parts = frame[ROW_KEY].astype(object).where(frame[ROW_KEY].notna(), "").astype(str)
    return parts.assign(value=values).agg("|".join, axis=1)


def _drop_excluded(frame: pd.DataFrame, excluded: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    keys = _row_keys(frame)
    wanted = set(_row_keys(excluded))
    stale = [f"excluded_rows.csv: no row matches {key!r}" for key in wanted - set(keys)]
    return frame[~keys.isin(wanted)], stale


def _apply_segment_aliases(frame: pd.DataFrame) -> pd.DataFrame:
    aliases = pd.read_csv(SEGMENT_ALIASES, dtype=str, keep_default_na=False)
    mapping = {
        (row.study, row.source_segment): row.segment for row in aliases.itertuples(index=False)
    }
    segments = [
        mapping.get((study, segment), segment)
        for study, segment in zip(frame["study"], frame["segment"], strict=True)
    ]
    return frame.assign(source_segment=frame["segment"], segment=segments)


def _segment_problems(frame: pd.DataFrame, catalogue: Catalogue) -> list[str]:
    unknown = frame[~frame["segment"].isin(list(catalogue.segments))]
    return [
        f"{_file_row(index)}, column 'segment': {segment!r} is neither a catalogue segment, "
        "nor in segment_aliases.csv, nor excluded in excluded_rows.csv"
        for index, segment in unknown["segment"].items()
    ]


def _mark_joint_territories(frame: pd.DataFrame) -> pd.DataFrame:
    """``joint_with``: the regions a figure was published for together (e.g. "93,94")."""
    joint = pd.read_csv(JOINT_TERRITORIES, dtype=str, keep_default_na=False)
    key = ["study", "actor", "indicator", "fragility"]
    marked = frame.assign(_fragility=frame["fragility"].fillna("")).merge(
        joint[[*key, "territories"]].rename(columns={"fragility": "_fragility"}),
        on=["study", "actor", "indicator", "_fragility"],
        how="left",
    )
    marked.index = frame.index
    in_group = [
        isinstance(territories, str) and code in territories.split(",")
        for code, territories in zip(marked["region_code"], marked["territories"], strict=True)
    ]
    marked["joint_with"] = marked["territories"].where(in_group, None)
    return marked.drop(columns=["_fragility", "territories"])


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
