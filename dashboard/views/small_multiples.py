"""The data of small multiples: the panels (one map each) and their one shared classification.

The class breaks are computed here, from every panel's values at once, so that a value gets
the same class, hence the same colour, in every panel; the figure
(:mod:`dashboard.figures.small_multiples`) only draws the classes it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.views.classification import Classification, classify
from phare.selection import OK

MAX_PANELS = 8  # maps drawn side by side: two rows of four


@dataclass(frozen=True)
class MapPanel:
    """One map of the grid: its title (plain text) and one row per drawn territory.

    ``frame`` columns: ``code``, ``status`` (``"ok"`` or the id of a ``NoValueState``),
    ``value`` (NaN when none), ``label`` (written on the territory when labels are on; ``""``
    for none), ``text`` (hover lines joined with ``<br>``, escaped by the caller), ``lon`` and
    ``lat`` (the label's anchor).
    """

    title: str
    frame: pd.DataFrame


def shared_classification(
    panels: Sequence[MapPanel],
    scheme: str,
    k: int,
    domain: tuple[float, float] | None,
    *,
    centre: float | None = None,
    precision: int = 0,
    half_width: float | None = None,
) -> tuple[Classification, tuple[tuple[int, ...], ...]]:
    """One classification over every panel's values (rows with status ``"ok"``), and each
    panel's class indices in the order of its frame's rows (-1 where there is no value).

    The breaks come from all panels at once (``classify`` on the concatenated values), so that
    the same value gets the same class, hence the same colour, in every panel;
    ``half_width`` (the values' median 95 % interval half-width) keeps the edges apart.
    """
    check_panel_count(panels)
    values = [_panel_values(panel.frame) for panel in panels]
    classification = classify(
        np.concatenate(values),
        scheme,
        k,
        domain,
        centre=centre,
        precision=precision,
        half_width=half_width,
    )
    ends = np.cumsum([len(part) for part in values])[:-1]
    parts = np.split(np.asarray(classification.class_of, dtype=int), ends)
    return classification, tuple(tuple(int(index) for index in part) for part in parts)


def check_panel_count(panels: Sequence[MapPanel]) -> None:
    """At least one panel, at most :data:`MAX_PANELS`; a ``ValueError`` saying so otherwise."""
    if not panels:
        raise ValueError("small multiples need at least one panel")
    if len(panels) > MAX_PANELS:
        raise ValueError(
            f"{len(panels)} panels: at most {MAX_PANELS} maps are drawn side by side; "
            f"keep the first {MAX_PANELS}"
        )


def _panel_values(frame: pd.DataFrame) -> np.ndarray:
    has_value = (frame["status"] == OK).to_numpy()
    return np.where(has_value, frame["value"].to_numpy(dtype=float), np.nan)
