"""What a map's legend says beyond its classes: which scale is shown, and how many regions
the survey finds above, below or not different from France.

The counts come from the data layer's ``significant`` column (a region against the rest of
France, Holm-corrected, :func:`phare.weighted.estimate_block`), read as the hover reads it: a
significant region is above France when its value is higher. They count regions, whatever
level the map draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.text.hover import value_label
from dashboard.text.i18n import t
from dashboard.views.class_spacing import median_half_width
from dashboard.views.classification import AUTO, Classification


@dataclass(frozen=True)
class FranceComparison:
    """Regions significantly above France, below it, and not different from it (Holm)."""

    above: int
    below: int
    same: int


def france_comparison(regions: pd.DataFrame, france: float | None) -> FranceComparison | None:
    """The counts over the regions with a value and a test; None when none was tested
    (published figures) or without a France value."""
    if france is None or "significant" not in regions:
        return None
    tested = regions[regions["significant"].notna() & regions["value"].notna()]
    if tested.empty:
        return None
    significant = tested["significant"].to_numpy() == True  # noqa: E712 (an object column)
    higher = tested["value"].to_numpy(dtype=float) > france
    return FranceComparison(
        above=int((significant & higher).sum()),
        below=int((significant & ~higher).sum()),
        same=int((~significant).sum()),
    )


def drawn_half_width(frame: pd.DataFrame, counted: np.ndarray) -> float | None:
    """The median 95 % interval half-width of the values that make the classes (``counted``
    rows with a value); None when the drawn values have no interval (published figures)."""
    if "ci_low" not in frame or "ci_high" not in frame:
        return None
    rows = frame[np.asarray(counted, dtype=bool) & frame["value"].notna().to_numpy()]
    return median_half_width(rows["ci_low"].to_numpy(dtype=float), rows["ci_high"])


def scale_note(
    classification: Classification, unit: str, domain: tuple[float, float], lang: str
) -> str:
    """Which scale the colours follow: « Classes selon les données », « Échelle fixe 1 – 10 »…"""
    if classification.unclassed:
        return t("scale_exact_values", lang)
    scheme = classification.scheme
    if scheme == AUTO:
        return t("scale_auto", lang)
    if scheme == "fixed":
        low, high = (value_label(bound, unit, lang) for bound in domain)
        return t("scale_fixed", lang, low=low, high=high)
    return t("scale_scheme", lang, scheme=t(f"scheme_{scheme}", lang))


def legend_notes(
    classification: Classification,
    comparison: FranceComparison | None,
    unit: str,
    domain: tuple[float, float],
    lang: str,
) -> tuple[str, ...]:
    """The legend's lines under its classes: the scale, whether the spread is within the
    survey's precision, then the regions against France. None for categories (commune
    sizes), which are no scale."""
    if not classification.k or not classification.scheme:
        return ()
    notes = [scale_note(classification, unit, domain, lang)]
    if classification.within_precision:
        notes.append(t("scale_within_precision", lang))
    if comparison is not None:
        word = t("count_region", lang)
        notes += [
            t("france_holm", lang),
            t("france_above", lang, n=comparison.above, word=word),
            t("france_below", lang, n=comparison.below, word=word),
            t("france_same", lang, n=comparison.same, word=word),
        ]
    return tuple(notes)
