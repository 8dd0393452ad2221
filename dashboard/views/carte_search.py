"""One search box for a region, a department or a commune (name, INSEE code or postal code).

Returns dropdown options whose values are territory ids (:func:`dashboard.core.state.territory_id`):
regions and departments first (there are few, and a name like "Bretagne" means the region
before the communes called Bretagne), then the communes the gazetteer finds.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import territory_id, territory_level
from geodata.lookups import normalise

MIN_QUERY = 2
MAX_QUERY = 80
LIMIT = 12
KIND_WORDS = {
    "region": {"fr": "région", "en": "region"},
    "departement": {"fr": "département", "en": "department"},
    "commune": {"fr": "commune", "en": "municipality"},
}


def search_options(context: DataContext, query: str | None, lang: str = "fr") -> list[dict]:
    """Options matching ``query`` (at most :data:`LIMIT`); none for fewer than 2 characters."""
    query = (query or "").strip()[:MAX_QUERY]
    if len(query) < MIN_QUERY:
        return []
    wanted = normalise(query)
    options = [
        _option(level, row, lang)
        for level in ("region", "departement")
        for _, row in _matching(context.territories, level, wanted).iterrows()
    ]
    for match in context.gazetteer.search(query, limit=LIMIT):
        label = f"{match.name} ({match.department}) — {KIND_WORDS['commune'][lang]}"
        if match.matched_text and match.matched_text != match.name:
            label += f" ← {match.matched_text}"
        options.append({"label": label, "value": match.code})
    first: dict[str, dict] = {}
    for option in options:  # a territory found twice keeps its first place
        first.setdefault(option["value"], option)
    return list(first.values())[:LIMIT]


def option_for(context: DataContext, territory: str, lang: str) -> list[dict]:
    """The option of an already selected territory, so that the box can show it."""
    level, code = territory_level(territory)
    row = context.territory(level, code) if level != "france" else None
    return [] if row is None else [_option(level, row, lang)]


def _matching(territories: pd.DataFrame, level: str, wanted: str) -> pd.DataFrame:
    rows = territories[territories["level"] == level]
    names = rows["name"].map(normalise)
    return rows[names.str.contains(wanted, regex=False) | (rows["code"] == wanted.upper())]


def _option(level: str, row, lang: str) -> dict:
    name, code = row["name"], row["code"]
    shown = f"{name} ({code})" if level != "region" else name
    return {"label": f"{shown} — {KIND_WORDS[level][lang]}", "value": territory_id(level, code)}
