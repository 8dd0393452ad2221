"""What a chart of territories side by side writes in its files (``/export/chart/<id>.csv``):
one row per territory and value drawn, with what the source says of it.

Comparer and the region profiles draw a region's value beside another region's or France's;
their files carry the :data:`dashboard.views.france.NATIONAL_COLUMNS` of the France page's,
plus the territory (code and name), so that a row read alone says whose figure it is. A view
a territory has no value for is not drawn, and not written either (the chart's table and the
page say « non publié » for it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState
from dashboard.core.values import territory_name
from dashboard.views.france import NATIONAL_COLUMNS, national_row, published_detail
from dashboard.views.region import View, view_row

TERRITORY_COLUMNS = (*NATIONAL_COLUMNS, "territory", "territory_name")


def territory_chart_rows(
    context: DataContext, state: AppState, territories: Iterable[str], views: Sequence[View]
) -> pd.DataFrame:
    """:data:`TERRITORY_COLUMNS` of every territory (a region's code or ``FR``) and view with a
    value, territory by territory in the given order, views in the chart's order."""
    rows = [
        {**row, "territory": code, "territory_name": territory_name(context, code)}
        for code in territories
        for view in views
        if (row := _row(context, state, code, view)) is not None
    ]
    return pd.DataFrame(rows, columns=list(TERRITORY_COLUMNS))


def _row(context: DataContext, state: AppState, code: str, view: View) -> dict | None:
    """:data:`NATIONAL_COLUMNS` of one territory's figure of one view (segment "all"), or None
    without a value."""
    actor, indicator, fragility = view
    if code == FRANCE:
        return national_row(context, state, actor, indicator, fragility)
    found = view_row(context, state, code, view)
    if pd.isna(found["value"]):
        return None
    spec = context.catalogue.indicators[indicator]
    asked = state.model_copy(
        update={"actor": actor, "indicator": indicator, "fragility": fragility, "segment": "all"}
    )
    return {
        "actor": actor,
        "indicator": indicator,
        "fragility": fragility,
        "family": spec.family,
        "unit": spec.unit,
        **{name: found[name] for name in ("value", "ci_low", "ci_high", "n", "status")},
        **published_detail(context, asked, code),
        "source": found["source"],
        "study": found["study"],
        "note": found["note"],
    }
