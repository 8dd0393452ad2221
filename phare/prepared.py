"""Microdata read once into integer codes: what :mod:`phare.estimates` needs, without text.

Turning text into codes and float answers into levels costs most of an estimate (about 0.3 s
for a million respondents); :func:`prepare` does it once, when the data is loaded, and every
later estimate works on the :class:`PreparedMicrodata` with integer comparisons, gathers and
:func:`numpy.bincount`. Levels are small integers (``int8``, 0 = blank) so that they stay
compact and serve directly as histogram bins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from phare.catalogue import Catalogue, Segment
from phare.microdata_format import (
    BINARY_COLUMNS,
    SEGMENT_FIELDS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    score_column,
)

ALL = "all"
SCORE_LEVELS = 11  # blank, then 1 … 10
BINARY_LEVELS = 3  # blank, then 0 and 1


@dataclass(frozen=True)
class Layout:
    """Fine groups (an actor's segment, or none) and the (actor, segment) pairs they make up."""

    pairs: tuple[tuple[str, str], ...]
    offsets: tuple[int, ...]  # first fine group of each surveyed actor; the next ones: segments
    segments: tuple[tuple[str, ...], ...]  # segment ids of each surveyed actor
    fields: tuple[str | None, ...]  # the column holding them
    groups: int
    membership: np.ndarray  # (pairs, groups) of 0/1

    @classmethod
    def of(cls, catalogue: Catalogue) -> Layout:
        pairs, members, offsets, segments, columns = [], [], [], [], []
        for actor in SURVEYED_ACTORS:
            own = actor_segments(catalogue, actor)
            start = sum(1 + len(ids) for ids in segments)
            offsets.append(start)
            segments.append(tuple(segment.id for segment in own))
            columns.append(own[0].field if own else None)
            if len({segment.field for segment in own}) > 1:
                raise ValueError(f"segments of {actor} are spread over several columns")
            pairs.append((actor, ALL))
            members.append(range(start, start + 1 + len(own)))
            for index, segment in enumerate(own, start=start + 1):
                pairs.append((actor, segment.id))
                members.append(range(index, index + 1))
        groups = sum(1 + len(ids) for ids in segments)
        membership = np.zeros((len(pairs), groups))
        for row, member in enumerate(members):
            membership[row, list(member)] = 1.0
        return cls(
            tuple(pairs), tuple(offsets), tuple(segments), tuple(columns), groups, membership
        )


def actor_segments(catalogue: Catalogue, actor: str) -> list[Segment]:
    """The actor's segments held by a microdata column, in catalogue order."""
    return [s for s in catalogue.segments.values() if s.actor == actor and s.field is not None]


@dataclass(frozen=True, eq=False)
class PreparedMicrodata:
    """Respondents as integer codes, one entry per row of the frame they come from.

    ``cells`` is the fine group × region of each row (:class:`Layout`), ``n_cells`` for rows of
    other actors; ``rows`` holds, for each (actor, segment) pair of the layout, its row numbers
    in ascending order, so that one view gathers its rows instead of scanning them all.
    """

    regions: tuple[str, ...]
    departments: tuple[str, ...]
    fragilities: tuple[str, ...]
    layout: Layout
    actor: np.ndarray  # int8 position in SURVEYED_ACTORS, -1 for another actor
    region: np.ndarray  # int8 position in ``regions``, -1 when unknown (other actors only)
    segment: np.ndarray  # int8 position among the actor's segments, -1 when blank
    department: np.ndarray  # int8 position in ``departments`` from the commune code, -1 if none
    cells: np.ndarray  # intp
    rows: Mapping[tuple[str, str], np.ndarray]
    weight: np.ndarray
    weight2: np.ndarray
    levels: Mapping[str, np.ndarray]  # answer column → int8 level (rows of one int8 matrix)
    top3: np.ndarray | None  # (3, rows) int8 position in ``fragilities``; -1 blank or repeated
    top3_answered: np.ndarray | None  # at least one priority given

    @property
    def n_cells(self) -> int:
        return self.layout.groups * len(self.regions)

    def level(self, column: str) -> np.ndarray:
        if column not in self.levels:
            raise ValueError(f"{column} was not prepared; prepared: {', '.join(self.levels)}")
        return self.levels[column]

    def priorities(self) -> tuple[np.ndarray, np.ndarray]:
        if self.top3 is None or self.top3_answered is None:
            raise ValueError(f"{', '.join(TOP3_COLUMNS)} were not prepared")
        return self.top3, self.top3_answered

    def check(self, catalogue: Catalogue) -> None:
        """Codes are positions in the catalogue: another catalogue would shift them."""
        same = (
            self.regions == tuple(catalogue.regions)
            and self.fragilities == tuple(catalogue.fragilities)
            and self.layout.pairs == Layout.of(catalogue).pairs
        )
        if not same:
            raise ValueError("the microdata was prepared with another catalogue")


def prepare(
    microdata: pd.DataFrame, catalogue: Catalogue, *, columns: Sequence[str] | None = None
) -> PreparedMicrodata:
    """Codes of every row, computed once.

    ``columns`` limits the optional columns read (answer columns and segment fields; by default
    every one of the import format): a segment field left out leaves its segments empty, an
    answer left out cannot be estimated. A surveyed actor's row outside the regions is an error.
    """
    layout = Layout.of(catalogue)
    regions, fragilities = list(catalogue.regions), list(catalogue.fragilities)
    wanted = set(_optional_columns(fragilities) if columns is None else columns)
    actor = _codes(microdata["actor"], SURVEYED_ACTORS)
    region = _region_codes(microdata["region_code"], regions, rows=actor >= 0)
    segment = _segment_codes(microdata, layout, actor, wanted)
    group = np.asarray([*layout.offsets, -1])[actor] + segment + 1  # -1: another actor
    cells = group * len(regions) + region
    cells[actor < 0] = layout.groups * len(regions)
    weight = microdata["weight"].to_numpy(dtype=float)
    top3 = _top3_codes(microdata, fragilities) if wanted >= set(TOP3_COLUMNS) else None
    departments = list(catalogue.departments)
    return PreparedMicrodata(
        regions=tuple(regions),
        departments=tuple(departments),
        department=_department_codes(microdata, departments, wanted),
        fragilities=tuple(fragilities),
        layout=layout,
        actor=actor,
        region=region,
        segment=segment,
        cells=cells,
        rows=_pair_rows(layout, actor, group),
        weight=weight,
        weight2=weight * weight,
        levels=_answer_levels(microdata, [c for c in _level_columns(fragilities) if c in wanted]),
        top3=None if top3 is None else top3[0],
        top3_answered=None if top3 is None else top3[1],
    )


def _optional_columns(fragilities: list[str]) -> list[str]:
    return ["commune_code", *SEGMENT_FIELDS.values(), *_level_columns(fragilities), *TOP3_COLUMNS]


def _department_codes(frame: pd.DataFrame, departments: list[str], wanted: set[str]) -> np.ndarray:
    """Department of each row from its commune code (two first characters, "2A"/"2B" included);
    -1 without a commune code or outside metropolitan France."""
    if "commune_code" not in wanted or "commune_code" not in frame:
        return np.full(len(frame), -1, dtype=np.int8)
    prefix = frame["commune_code"].astype("str").str[:2]
    return _codes(prefix, departments).astype(np.int8)


def _level_columns(fragilities: list[str]) -> list[str]:
    return [*(score_column(fragility) for fragility in fragilities), *BINARY_COLUMNS]


def _codes(column: pd.Series, ids: Sequence[str]) -> np.ndarray:
    """Position (int8) of each value in ``ids``, -1 when blank or unknown.

    Categorical columns are read from their codes; text columns are looked up by Arrow's hash
    join, about twice as fast as ``pandas.factorize`` on a million rows.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        lookup = pd.Index(list(ids)).get_indexer(column.cat.categories.astype(str))
        return np.append(lookup, -1).astype(np.int8)[column.cat.codes.to_numpy()]
    text = column if isinstance(column.dtype, pd.StringDtype) else column.astype("str")
    values = pa.array(text, from_pandas=True)
    found = pc.index_in(values, value_set=pa.array(list(ids))).fill_null(-1)
    return found.cast(pa.int8()).to_numpy()


def _region_codes(column: pd.Series, regions: list[str], rows: np.ndarray) -> np.ndarray:
    """Region position of each row; a region outside the 13 (in ``rows``) is an error."""
    codes = _codes(column, regions)
    bad = (codes < 0) & rows
    if bad.any():
        found = ", ".join(sorted({str(code) for code in column[bad]}))
        raise ValueError(f"region_code not among the regions ({', '.join(regions)}): {found}")
    return codes


def _segment_codes(
    frame: pd.DataFrame, layout: Layout, actor: np.ndarray, wanted: set[str]
) -> np.ndarray:
    """Segment of each row among its own actor's segments (a field is read for its actor only)."""
    segment = np.full(len(frame), -1, dtype=np.int8)
    for index, field in enumerate(layout.fields):
        if field is not None and field in wanted:
            codes = _codes(frame[field], layout.segments[index])
            np.copyto(segment, codes, where=actor == index)
    return segment


def _pair_rows(
    layout: Layout, actor: np.ndarray, group: np.ndarray
) -> dict[tuple[str, str], np.ndarray]:
    rows = {}
    for (name, segment), member in zip(layout.pairs, layout.membership, strict=True):
        if segment == ALL:
            rows[name, segment] = np.flatnonzero(actor == SURVEYED_ACTORS.index(name))
        else:
            rows[name, segment] = np.flatnonzero(group == np.flatnonzero(member)[0])
    return rows


def _answer_levels(frame: pd.DataFrame, columns: list[str]) -> dict[str, np.ndarray]:
    """Level of each answer in one int8 matrix: scores 1-10 stay 1-10, binaries 0/1 become 1/2."""
    matrix = np.empty((len(columns), len(frame)), dtype=np.int8)
    for row, column in zip(matrix, columns, strict=True):
        low, high = (0, 1) if column in BINARY_COLUMNS else (1, 10)
        row[:] = _levels(frame[column], low, high)
    return dict(zip(columns, matrix, strict=True))


def _levels(column: pd.Series, low: int, high: int) -> np.ndarray:
    """Level of each answer: 0 when blank, 1 for ``low`` … ``high - low + 1`` for ``high``.

    Answers are whole numbers (the import format); values outside ``low``-``high`` are refused
    because they would fall into a neighbouring cell's bins.
    """
    x = column.to_numpy(dtype=float, na_value=np.nan)
    if x.size and (np.fmin.reduce(x) < low or np.fmax.reduce(x) > high):
        raise ValueError(f"{column.name}: answers must lie between {low} and {high}")
    return (np.fmax(x, low - 1) - (low - 1)).astype(np.int8)


def _top3_codes(frame: pd.DataFrame, fragilities: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The priorities as fragility positions, a repeated one blanked (it is cited once), and
    whether any priority is given at all (an unknown id still counts as an answer)."""
    codes = np.stack([_codes(frame[column], fragilities) for column in TOP3_COLUMNS])
    for position in range(1, len(TOP3_COLUMNS)):
        repeated = (codes[:position] == codes[position]).any(axis=0)
        codes[position][repeated] = -1
    blank = np.logical_and.reduce([frame[column].isna().to_numpy() for column in TOP3_COLUMNS])
    return codes, ~blank
