"""Weighted estimates from microdata: value, 95 % interval, bases, status and significance.

:func:`estimate_cells` computes one view; :func:`estimate_all_cells` every view at once. Both
take the respondents' frame or, faster, the integer codes :func:`prepare` computed from it once
when the data was loaded (:mod:`phare.prepared`). Both reduce the rows to the same sums
(:class:`phare.weighted.Moments`) with :func:`numpy.bincount` and share the code that turns sums
into estimates (:func:`phare.weighted.estimate_block`); the formulas are documented in
:mod:`phare.weighted`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from phare.catalogue import Catalogue
from phare.microdata_format import (
    BINARY_COLUMNS,
    HIGH_SCORE,
    MICRO_INDICATORS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    MicroIndicator,
    score_column,
)
from phare.prepared import (
    ALL,
    BINARY_LEVELS,
    SCORE_LEVELS,
    PreparedMicrodata,
    actor_segments,
    prepare,
)
from phare.weighted import (
    CAUTION_BASE,
    MIN_BASE,
    Moments,
    estimate_block,
    two_sided_p,
)

__all__ = [
    "ALL",
    "ALL_CELLS_COLUMNS",
    "BASE_COLUMNS",
    "CELL_COLUMNS",
    "ESTIMATE_COLUMNS",
    "INTERVAL_COLUMNS",
    "PreparedMicrodata",
    "estimate_all_cells",
    "estimate_cells",
    "prepare",
    "segment_against_rest",
]

FRANCE_CODE, FRANCE_NAME = "FR", "France"
REGION, DEPARTMENT = "region", "department"
# what every estimate carries: value, 95 % interval, base and effective base, status (ok,
# prudence, supprime; non_publie where nothing was published) and significance against France
INTERVAL_COLUMNS, BASE_COLUMNS = ("ci_low", "ci_high"), ("n", "n_eff")
ESTIMATE_COLUMNS = ("value", *INTERVAL_COLUMNS, *BASE_COLUMNS, "status", "significant")
CELL_COLUMNS = ("territory_code", "territory_name", *ESTIMATE_COLUMNS)
REST_COLUMNS = ("territory_code", "value", "ci_low", "ci_high", "n", "n_eff", "status", "p_value")
ALL_CELLS_COLUMNS = (
    "actor",
    "segment",
    "territory_code",
    "indicator",
    "fragility",
    *ESTIMATE_COLUMNS,
)
Counts = tuple[np.ndarray, ...]  # count, Σw, Σw² per (cell, level)

# -- one view ---------------------------------------------------------------------------------


def estimate_cells(
    microdata: pd.DataFrame | PreparedMicrodata,
    catalogue: Catalogue,
    *,
    actor: str,
    indicator: str,
    fragility: str | None = None,
    segment: str = ALL,
    by: str = "region",
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> pd.DataFrame:
    """One row per metropolitan region (or department, ``by="department"``), then France.

    By department, only respondents with a commune code count (France too): the department
    comes from the code. Of a frame, only the view's rows and columns are prepared (the rows
    found by text), which is as quick as one view can be from text; prepared microdata gathers
    its cached rows."""
    spec = _check_view(catalogue, actor, indicator, fragility, segment, by)
    columns = _answer_columns(spec, fragility) + (["commune_code"] if by == DEPARTMENT else [])
    if isinstance(microdata, pd.DataFrame):
        prepared = _prepare_view(microdata, catalogue, actor, segment, columns)
    else:
        microdata.check(catalogue)
        prepared = microdata
    block = estimate_block(
        _view_moments(prepared, (actor, segment), spec, fragility, by),
        np.asarray(spec.kind == "share"),
        min_base,
        caution_base,
    )
    territories = catalogue.departments if by == DEPARTMENT else catalogue.regions
    frame = pd.DataFrame(
        {
            "territory_code": [*territories, FRANCE_CODE],
            "territory_name": [*(t.name for t in territories.values()), FRANCE_NAME],
        }
    )
    for column in CELL_COLUMNS[2:]:
        frame[column] = block[column]
    return frame


def _check_view(
    catalogue: Catalogue,
    actor: str,
    indicator: str,
    fragility: str | None,
    segment: str,
    by: str,
) -> MicroIndicator:
    problems = []
    if by not in (REGION, DEPARTMENT):
        problems.append(f"estimates are by {REGION!r} or {DEPARTMENT!r}, not {by!r}")
    if actor not in SURVEYED_ACTORS:
        problems.append(f"unknown actor {actor!r}; valid: {', '.join(SURVEYED_ACTORS)}")
    spec = MICRO_INDICATORS.get(indicator)
    if spec is None:
        valid = ", ".join(MICRO_INDICATORS)
        problems.append(f"indicator {indicator!r} is not computable from microdata; valid: {valid}")
    elif spec.per_fragility and fragility not in catalogue.fragilities:
        valid = ", ".join(catalogue.fragilities)
        problems.append(f"indicator {indicator!r} needs a fragility among: {valid}")
    elif not spec.per_fragility and fragility is not None:
        problems.append(f"indicator {indicator!r} is not per fragility; give no fragility")
    valid_segments = [ALL, *(s.id for s in actor_segments(catalogue, actor))]
    if segment not in valid_segments:
        problems.append(
            f"segment {segment!r} is not a segment of {actor}; valid: {', '.join(valid_segments)}"
        )
    if problems:
        raise ValueError("; ".join(problems))
    return spec


def _answer_columns(spec: MicroIndicator, fragility: str | None) -> list[str]:
    if spec.column == "top3":
        return list(TOP3_COLUMNS)
    return [spec.column.format(fragility=fragility)]


def _prepare_view(
    frame: pd.DataFrame, catalogue: Catalogue, actor: str, segment: str, columns: list[str]
) -> PreparedMicrodata:
    """The view's rows and columns of ``frame``, prepared; a region outside the 13 is an error
    in those rows only. The rows found share their actor and segment: these columns are rebuilt
    as one category rather than copied and looked up again as text."""
    field = catalogue.segments[segment].field
    rows = _text_equals(frame["actor"], actor)
    known = {"actor": actor}
    if field is not None:
        rows = rows & _text_equals(frame[field], segment)
        known[field] = segment
    part = frame.loc[rows, ["region_code", "weight", *(c for c in columns if c in frame)]]
    constants = {name: _constant(value, len(part)) for name, value in known.items()}
    return prepare(part.assign(**constants), catalogue, columns=[*columns, *known])


def _constant(value: str, size: int) -> pd.Categorical:
    return pd.Categorical.from_codes(np.zeros(size, dtype=np.int8), categories=[value])


def _text_equals(column: pd.Series, value: str) -> np.ndarray:
    return (column == value).to_numpy(dtype=bool, na_value=False)


def _view_moments(
    prepared: PreparedMicrodata,
    pair: tuple[str, str],
    spec: MicroIndicator,
    fragility: str | None,
    by: str = REGION,
) -> Moments:
    """Sums per territory of the pair's rows that answered, in row order."""
    territory, size = (
        (prepared.department, len(prepared.departments))
        if by == DEPARTMENT
        else (prepared.region, len(prepared.regions))
    )
    rows = prepared.rows[pair]
    rows = rows[territory[rows] >= 0]
    if spec.column == "top3":
        top3, answered = prepared.priorities()
        rows = rows[answered[rows]]
        y = (top3[:, rows] == prepared.fragilities.index(str(fragility))).any(axis=0)
        y = y.astype(float)
    else:
        column = spec.column.format(fragility=fragility)
        level = prepared.level(column)[rows]
        present = level > 0
        rows = rows[present]
        y = _level_values(column, spec.kind)[level[present]]
    return _moments(territory[rows], y, prepared.weight[rows], size)


def _level_values(column: str, kind: str) -> np.ndarray:
    """The answer ``y`` at each level of the column (level 0, blank, is never counted)."""
    if column in BINARY_COLUMNS:
        return np.array([0.0, 0.0, 1.0])
    levels = np.arange(SCORE_LEVELS, dtype=float)
    return (levels >= HIGH_SCORE).astype(float) if kind == "share" else levels


def _moments(group: np.ndarray, y: np.ndarray, w: np.ndarray, size: int) -> Moments:
    def total(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(group, weights=weights, minlength=size).astype(float)

    w2 = w * w
    return Moments(total(None), total(w), total(w2), total(w * y), total(w2 * y), total(w2 * y * y))


def segment_against_rest(
    microdata: PreparedMicrodata,
    catalogue: Catalogue,
    *,
    actor: str,
    segment: str,
    indicator: str,
    fragility: str | None = None,
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> pd.DataFrame:
    """The rest of ``actor`` (its respondents outside ``segment``) by region, then France, and
    the two-sided p of the segment against that rest (:data:`REST_COLUMNS`).

    The two groups share no respondent, so the z test is that of independent samples (the
    se's of both estimates). The rest's sums are the actor's minus the segment's: the rest is
    estimated exactly as a segment would be. ``p_value`` is NaN where either side is
    suppressed or has no answer; it is not corrected: the caller corrects within its family.
    """
    if segment == ALL:
        raise ValueError("a segment is compared with the rest of its actor; 'all' has no rest")
    spec = _check_view(catalogue, actor, indicator, fragility, segment, REGION)
    microdata.check(catalogue)
    share = np.asarray(spec.kind == "share")
    part = _view_moments(microdata, (actor, segment), spec, fragility)
    whole = _view_moments(microdata, (actor, ALL), spec, fragility)
    rest = whole.map(lambda total, inside: total - inside, part)
    segment_block, rest_block = (
        estimate_block(moments, share, min_base, caution_base) for moments in (part, rest)
    )
    p_value = two_sided_p(
        segment_block["value"] - rest_block["value"],
        np.hypot(segment_block["se"], rest_block["se"]),
    )
    frame = pd.DataFrame({"territory_code": [*catalogue.regions, FRANCE_CODE]})
    for column in REST_COLUMNS[1:-1]:
        frame[column] = rest_block[column]
    frame["p_value"] = p_value
    return frame


# -- every view -------------------------------------------------------------------------------


def estimate_all_cells(
    microdata: pd.DataFrame | PreparedMicrodata,
    catalogue: Catalogue,
    *,
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> pd.DataFrame:
    """Every (actor, segment, indicator, fragility) × (13 regions + France), in that order."""
    if isinstance(microdata, pd.DataFrame):
        prepared = prepare(microdata, catalogue)
    else:
        microdata.check(catalogue)
        prepared = microdata
    layout = prepared.layout
    regions = list(catalogue.regions)
    views = _views(catalogue)
    sums = _all_moments(prepared)
    # (cells, views) → (pairs, views, regions): a pair adds up its fine groups
    by_pair = sums.map(
        lambda a: np.einsum(
            "pg,grv->pvr", layout.membership, a.reshape(layout.groups, -1, len(views))
        )
    )
    share = np.array([MICRO_INDICATORS[indicator].kind == "share" for indicator, _ in views])
    block = estimate_block(by_pair, share[:, None], min_base, caution_base)
    pairs, territories = len(layout.pairs), len(regions) + 1
    per_pair = len(views) * territories
    frame = pd.DataFrame(
        {
            "actor": np.repeat([actor for actor, _ in layout.pairs], per_pair),
            "segment": np.repeat([segment for _, segment in layout.pairs], per_pair),
            "territory_code": np.tile([*regions, FRANCE_CODE], pairs * len(views)),
            "indicator": np.tile(np.repeat([i for i, _ in views], territories), pairs),
            "fragility": np.tile(np.repeat(np.array([f for _, f in views]), territories), pairs),
        }
    )
    for column in ALL_CELLS_COLUMNS[5:]:
        frame[column] = block[column].ravel()
    return frame


def _views(catalogue: Catalogue) -> list[tuple[str, str | None]]:
    return [
        (indicator.id, fragility)
        for indicator in MICRO_INDICATORS.values()
        for fragility in (catalogue.fragilities if indicator.per_fragility else [None])
    ]


def _all_moments(prepared: PreparedMicrodata) -> Moments:
    """Sums of every view (columns, in :func:`_views` order) for each cell (rows)."""
    scores = _score_histograms(prepared)
    binaries = _joint_histograms(prepared, BINARY_COLUMNS, BINARY_LEVELS)
    blocks = []
    for spec in MICRO_INDICATORS.values():
        if spec.column == "top3":
            blocks.append(_top3_moments(prepared))
        elif spec.per_fragility:
            values = _level_values(spec.column, spec.kind)
            moments = [_level_moments(counts, values) for counts in scores]
            blocks.append(moments[0].map(lambda *a: np.stack(a, axis=1), *moments[1:]))
        else:
            counts = binaries[BINARY_COLUMNS.index(spec.column)]
            values = _level_values(spec.column, spec.kind)
            blocks.append(_level_moments(counts, values).map(_column))
    return blocks[0].map(lambda *a: np.concatenate(a, axis=1), *blocks[1:])


def _score_histograms(prepared: PreparedMicrodata) -> list[Counts]:
    """Histogram of each score; two scores share one pass (an 11 × 11 joint histogram per cell,
    still small enough for the CPU cache), which halves the passes over the rows."""
    columns = [score_column(fragility) for fragility in prepared.fragilities]
    pairs = [columns[first : first + 2] for first in range(0, len(columns), 2)]
    scaled = {size: _scaled_cells(prepared, SCORE_LEVELS**size) for size in {len(p) for p in pairs}}
    return [
        counts
        for pair in pairs
        for counts in _joint_histograms(prepared, pair, SCORE_LEVELS, scaled[len(pair)])
    ]


def _scaled_cells(prepared: PreparedMicrodata, bins: int) -> np.ndarray:
    """The cell part of the bincount key, computed once for the passes that share it."""
    return prepared.cells * bins


def _joint_histograms(
    prepared: PreparedMicrodata,
    columns: Sequence[str],
    size: int,
    scaled_cells: np.ndarray | None = None,
) -> list[Counts]:
    """Histograms of answers with ``size`` levels each, from one joint histogram (one pass over
    the rows) summed over the other answers."""
    bins = size ** len(columns)
    if scaled_cells is None:
        scaled_cells = _scaled_cells(prepared, bins)
    joint = prepared.level(columns[0]).astype(np.int16)
    for column in columns[1:]:
        joint *= size
        joint += prepared.level(column)
    sums = _histogram(scaled_cells + joint, prepared.n_cells, bins, (None, *_weights(prepared)))
    shaped = [total.reshape(prepared.n_cells, *[size] * len(columns)) for total in sums]
    histograms = []
    for axis in range(1, len(columns) + 1):
        others = tuple(other for other in range(1, len(columns) + 1) if other != axis)
        histograms.append(tuple(total.sum(axis=others) for total in shaped))
    return histograms


def _weights(prepared: PreparedMicrodata) -> tuple[np.ndarray, np.ndarray]:
    return prepared.weight, prepared.weight2


def _column(array: np.ndarray) -> np.ndarray:
    return array[:, None]


def _histogram(
    key: np.ndarray, n_cells: int, bins: int, weights: Sequence[np.ndarray | None]
) -> list[np.ndarray]:
    """Sum of each of ``weights`` (None: a count) per (cell, bin): arrays (n_cells, bins); the
    keys of the rows left out point to one more, dropped cell."""

    def total(weight: np.ndarray | None) -> np.ndarray:
        sums = np.bincount(key, weights=weight, minlength=(n_cells + 1) * bins)
        return sums.reshape(n_cells + 1, bins)[:-1].astype(float)

    return [total(weight) for weight in weights]


def _level_moments(counts: Counts, y: np.ndarray) -> Moments:
    """Sums of a cell from its histogram; ``y`` is the answer's value at each level."""
    count, w, w2 = counts
    answered = (np.arange(y.size) > 0).astype(float)
    y = y * answered
    return Moments(count @ answered, w @ answered, w2 @ answered, w @ y, w2 @ y, w2 @ (y * y))


def _top3_moments(prepared: PreparedMicrodata) -> Moments:
    """Base: rows giving at least one priority; y = 1 when the fragility is among them.

    Each priority's histogram has a bin per fragility after bin 0 (none) and counts only the
    rows that gave a priority, so the first priority's bins add up to the base of each cell."""
    top3, answered = prepared.priorities()
    n_cells, bins = prepared.n_cells, len(prepared.fragilities) + 1
    scaled = np.where(answered, prepared.cells, n_cells) * bins
    count, *first = _histogram(scaled + (top3[0] + 1), n_cells, bins, (None, *_weights(prepared)))
    base = [np.sum(total, axis=1, keepdims=True) for total in (count, *first)]
    cited_w, cited_w2 = (total[:, 1:] for total in first)
    for code in top3[1:]:
        more_w, more_w2 = _histogram(scaled + (code + 1), n_cells, bins, _weights(prepared))
        cited_w, cited_w2 = cited_w + more_w[:, 1:], cited_w2 + more_w2[:, 1:]
    count, sum_w, sum_w2 = (np.broadcast_to(total, cited_w.shape) for total in base)
    return Moments(count, sum_w, sum_w2, cited_w, cited_w2, cited_w2)
