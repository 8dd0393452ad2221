"""Comparisons that views show beside estimates: rank ranges and differences between columns.

Defined once here so that every page says the same thing:

- **rank range** of a territory among others ("3e–7e"): its best rank counts only the
  territories whose interval lies entirely above its own; its worst rank counts every territory
  whose interval reaches its own or above. Without intervals (published figures), the rank is
  exact and ties share the best rank.
- **difference between two columns** of a table (two actors, two segments) for the same rows:
  a z test on the difference with both standard errors (half-width / 1,96), Holm-corrected
  within the table's family of rows. Missing or suppressed cells are never significant (None).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from phare.weighted import ALPHA, Z, two_sided_p


def rank_ranges(frame: pd.DataFrame, *, descending: bool = True) -> pd.DataFrame:
    """``best_rank`` and ``worst_rank`` of each row with a value (NaN for the others).

    ``frame`` has ``value``, ``ci_low`` and ``ci_high`` (intervals may be NaN: exact ranks).
    ``descending``: rank 1 is the highest value.
    """
    value = frame["value"].to_numpy(dtype=float)
    low = frame["ci_low"].fillna(frame["value"]).to_numpy(dtype=float)
    high = frame["ci_high"].fillna(frame["value"]).to_numpy(dtype=float)
    if not descending:
        value, low, high = -value, -high, -low
    present = ~np.isnan(value)
    best = np.full(value.shape, np.nan)
    worst = np.full(value.shape, np.nan)
    for i in np.flatnonzero(present):
        others = present.copy()
        others[i] = False
        best[i] = 1 + np.sum(low[others] > high[i])
        worst[i] = 1 + np.sum(high[others] >= low[i])
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
    se_first = (first["ci_high"] - first["ci_low"]).to_numpy(dtype=float) / (2 * Z)
    se_second = (second["ci_high"] - second["ci_low"]).to_numpy(dtype=float) / (2 * Z)
    difference = first["value"].to_numpy(dtype=float) - second["value"].to_numpy(dtype=float)
    p = two_sided_p(difference, np.hypot(se_first, se_second))
    testable = ~np.isnan(p)
    significant = np.full(p.shape, None, dtype=object)
    if testable.any():
        reject = multipletests(p[testable], alpha=ALPHA, method="holm")[0]
        significant[testable] = [bool(flag) for flag in reject]
    return pd.Series(significant, index=first.index, name="significant")


def _french_ordinal(rank: int) -> str:
    return "1er" if rank == 1 else f"{rank}e"


def _english_ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"
