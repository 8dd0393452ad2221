"""Comparisons that views show beside estimates: rank ranges and differences between columns.

Defined once here so that every page says the same thing:

- **rank range** of a territory among others ("3e–7e"): every pair of territories with a value
  is tested (z test on the difference, se = half-width / 1,96; 78 pairs for 13 regions) and
  the p-values are Holm-corrected together. Best rank = 1 + the territories significantly
  above; worst rank = the number ranked − the territories significantly below. Without
  intervals (published figures), the rank is exact and ties share the best rank.
- **difference between two columns** of a table (two actors, two segments) for the same rows:
  a z test on the difference with both standard errors (half-width / 1,96), Holm-corrected
  within the table's family of rows. Missing or suppressed cells are never significant (None).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from phare.weighted import Z, holm_significant, two_sided_p


def rank_ranges(frame: pd.DataFrame, *, descending: bool = True) -> pd.DataFrame:
    """``best_rank`` and ``worst_rank`` of each row with a value (NaN for the others).

    ``frame`` has ``value``, ``ci_low`` and ``ci_high``; rows without an interval (published
    figures) are ranked exactly. ``descending``: rank 1 is the highest value.
    """
    value = frame["value"].to_numpy(dtype=float)
    if not descending:
        value = -value
    present = np.flatnonzero(~np.isnan(value))
    se = (frame["ci_high"] - frame["ci_low"]).to_numpy(dtype=float) / (2 * Z)
    above = np.zeros((value.size, value.size), dtype=bool)  # above[i, j]: j significantly above i
    first, second = np.triu_indices(present.size, k=1)
    i, j = present[first], present[second]
    difference = value[j] - value[i]
    p = two_sided_p(difference, np.hypot(se[i], se[j]))
    exact = np.isnan(p)  # no interval: the order of the values decides
    significant = np.where(exact, difference != 0, False)
    if (~exact).any():
        significant[~exact] = np.array(holm_significant(p[~exact]), dtype=bool)
    above[i, j] = significant & (difference > 0)
    above[j, i] = significant & (difference < 0)
    best = np.full(value.shape, np.nan)
    worst = np.full(value.shape, np.nan)
    best[present] = 1 + above[present].sum(axis=1)
    worst[present] = present.size - above[:, present].sum(axis=0)
    return pd.DataFrame({"best_rank": best, "worst_rank": worst}, index=frame.index)


def rank_label(best: float, worst: float, lang: str = "fr") -> str:
    """ "3e–7e" (French), "3rd–7th" (English); one rank when both ends agree."""
    if np.isnan(best):
        return ""
    first, last = int(best), int(worst)
    ordinal = _french_ordinal if lang == "fr" else _english_ordinal
    return ordinal(first) if first == last else f"{ordinal(first)}–{ordinal(last)}"


def column_differences(first: pd.DataFrame, second: pd.DataFrame) -> pd.Series:
    """Whether ``first`` and ``second`` (same rows) differ significantly, Holm across the rows."""
    p = difference_p_values(first, second)
    return pd.Series(holm_significant(p), index=first.index, name="significant", dtype=object)


def difference_p_values(first: pd.DataFrame, second: pd.DataFrame) -> np.ndarray:
    """Two-sided p of each row's difference between two independent estimates, uncorrected;
    NaN where either has no value or no interval (published figures are never tested)."""
    se_first = (first["ci_high"] - first["ci_low"]).to_numpy(dtype=float) / (2 * Z)
    se_second = (second["ci_high"] - second["ci_low"]).to_numpy(dtype=float) / (2 * Z)
    difference = first["value"].to_numpy(dtype=float) - second["value"].to_numpy(dtype=float)
    return two_sided_p(difference, np.hypot(se_first, se_second))


def _french_ordinal(rank: int) -> str:
    return "1er" if rank == 1 else f"{rank}e"


def _english_ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"
