"""Ma commune: what the page says of one commune, as plain data (no Dash).

The surveys have no result for a commune. The page places it (department, region, the survey's
size class) and shows the values of its stratum: the mayors of its region and of its size class,
each value labelled as the stratum's, never as the commune's own. The search box finds a commune
by name, former name (delegated or associated commune), INSEE code, former code or postal code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, state_query
from dashboard.core.values import region_values
from dashboard.text.cells import status_labels
from dashboard.text.hover import value_label
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.text.places import found_by_text
from dashboard.text.sources import source_text
from dashboard.views.carte_communes import size_classes
from geodata.lookups import Match
from phare.catalogue import Segment
from phare.selection import NOT_PUBLISHED

MIN_QUERY = 2
MAX_QUERY = 80
LIMIT = 20  # a postal code can be shared by a dozen communes or more
MAYORS = "maires"
# The mayors' indicators computed for any stratum from microdata (phare.microdata_format).
STRATUM_INDICATORS = (
    "partnership_innovation_share",
    "partnership_rate",
    "intend_partnership_share",
)
# How the gazetteer found a commune -> the words the option shows (i18n keys): a postal code
# can also be another commune's INSEE code (69220), and the option says which one matched.
STRATUM_COLUMNS = (
    "indicator",
    "indicator_label",
    "question",
    "value_label",
    "interval_label",
    "n_label",
    "n_eff_label",
    "has_value",
    "status",
    "status_label",
    "scope",
    "source",
)


@dataclass(frozen=True)
class CommuneProfile:
    """A drawn commune: where it is and its size class (None when its population is unknown)."""

    code: str
    name: str
    department: str
    department_name: str
    region: str
    region_name: str
    population: int | None
    size: Segment | None
    point: tuple[float, float]  # lon, lat of a point inside it, as drawn


def commune_profile(context: DataContext, code: str) -> CommuneProfile | None:
    """The commune with the current INSEE code ``code``; None for any other code.

    Former codes never get here: ``/commune/<former code>`` is redirected to the current one.
    """
    if code not in context.commune_codes:
        return None
    match = context.gazetteer.commune(code)
    row = context.territory("commune", code)
    if match is None or row is None:
        return None
    return CommuneProfile(
        code=code,
        name=match.name,
        department=match.department,
        department_name=match.department_name,
        region=match.region,
        region_name=match.region_name,
        population=match.population,
        size=size_class(size_classes(context), match.population),
        point=(float(row["lon"]), float(row["lat"])),
    )


def size_class(classes: Sequence[Segment], population: int | None) -> Segment | None:
    """The size class whose bounds (``min``…``max``, both included) hold ``population``."""
    if population is None:
        return None
    for segment in classes:
        if population >= (segment.min or 0) and (segment.max is None or population <= segment.max):
            return segment
    return None


def stratum_rows(context: DataContext, state: AppState, profile: CommuneProfile) -> pd.DataFrame:
    """The mayors' values of the commune's stratum, one row per indicator of
    :data:`STRATUM_INDICATORS` (after the mayors' view the Carte showed, when it is another
    one), formatted as the page shows them (:data:`STRATUM_COLUMNS`).

    A value the data does not have keeps its status ("non publié", "base insuffisante"); every
    row says whose value it is (``scope``), in the words of the commune map's hover. No rows when
    the size class is unknown.
    """
    if profile.size is None:
        return pd.DataFrame(columns=list(STRATUM_COLUMNS))
    lang = state.lang
    catalogue = context.catalogue
    published = context.dataset(state.dataset).kind == "published"
    statuses = status_labels(catalogue, lang, estimated=not published)
    scope = t("stratum", lang, region=profile.region_name, size=profile.size.label(lang))
    rows = []
    for indicator_id, fragility in stratum_views(state):
        indicator = catalogue.indicators[indicator_id]
        stratum = state.model_copy(
            update={
                "actor": MAYORS,
                "segment": profile.size.id,
                "indicator": indicator_id,
                "fragility": fragility,
            }
        )
        regions = region_values(context, stratum).regions
        found = regions[regions["code"] == profile.region]
        row = found.iloc[0] if not found.empty else None
        label = indicator.label(lang)
        if fragility is not None:
            label = f"{label} — {catalogue.fragilities[fragility].label(lang)}"
        rows.append(
            {
                "indicator": indicator_id,
                "indicator_label": label,
                "question": indicator.question(lang),
                **_cells(row, indicator.unit, statuses, lang),
                "scope": scope,
            }
        )
    return pd.DataFrame(rows, columns=list(STRATUM_COLUMNS))


def stratum_views(state: AppState) -> list[tuple[str, str | None]]:
    """(indicator, fragility) of the stratum rows: the mayors' view the Carte drew, when the
    link came from one, then :data:`STRATUM_INDICATORS`. The commune map shows stratum values
    for every mayors' view, so the page shows the same value for the view it was opened from."""
    views = [(indicator, None) for indicator in STRATUM_INDICATORS]
    drawn = (state.indicator, state.fragility)
    if state.actor == MAYORS and state.segment == "all" and drawn not in views:
        views.insert(0, drawn)
    return views


def _cells(row: pd.Series | None, unit: str, statuses: dict[str, str], lang: str) -> dict:
    """Value, interval, bases, status and source of one region row, as text."""
    if row is None:
        row = pd.Series({"status": NOT_PUBLISHED, "source": ""})
    status = row["status"]
    value = row.get("value")
    has_value = value is not None and pd.notna(value)
    low, high = row.get("ci_low"), row.get("ci_high")
    n, n_eff = row.get("n"), row.get("n_eff")
    return {
        "value_label": value_label(value, unit, lang) if has_value else statuses[status],
        "interval_label": (
            f"{value_label(low, unit, lang)} – {value_label(high, unit, lang)}"
            if has_value and low is not None and pd.notna(low)
            else ""
        ),
        "n_label": "" if n is None or pd.isna(n) else format_count(int(n), lang),
        "n_eff_label": "" if n_eff is None or pd.isna(n_eff) else format_count(round(n_eff), lang),
        "has_value": has_value,
        "status": status,
        "status_label": statuses[status],
        "source": source_text(row.get("source") or "", lang),
    }


def commune_facts(profile: CommuneProfile, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs: code, department, region, population, size class."""
    population = "" if profile.population is None else format_count(profile.population, lang)
    size = t("commune_size_unknown", lang) if profile.size is None else profile.size.label(lang)
    return [
        (t("commune_insee_code", lang), profile.code),
        (t("commune_department", lang), f"{profile.department_name} ({profile.department})"),
        (t("region", lang), profile.region_name),
        (t("commune_population", lang), population),
        (t("commune_size_class", lang), size),
    ]


def size_note(profile: CommuneProfile, lang: str) -> str:
    """Why the class may differ from the survey's: which population each one counts."""
    if profile.size is None or profile.size.population_year is None:
        return ""
    return t("commune_size_note", lang, year=profile.size.population_year)


def locator_text(profile: CommuneProfile, lang: str) -> str:
    """The text equivalent of the locator map."""
    population = (
        t("commune_size_unknown", lang)
        if profile.population is None
        else t("commune_inhabitants", lang, n=format_count(profile.population, lang))
    )
    return t(
        "commune_locator_text",
        lang,
        commune=profile.name,
        code=profile.code,
        department=profile.department_name,
        department_code=profile.department,
        region=profile.region_name,
        population=population,
    )


def profile_links(state: AppState, profile: CommuneProfile) -> list[tuple[str, str]]:
    """(label, href) of the pages about the commune's region, the shared state kept."""
    lang, region = state.lang, profile.region
    return [
        (
            t("commune_region_profile", lang, region=profile.region_name),
            f"/region/{region}" + state_query(state),
        ),
        (  # the region's communes, this one outlined
            t("commune_region_map", lang),
            "/" + state_query(state, level="commune", territory=profile.code),
        ),
        (
            t("commune_compare", lang, region=profile.region_name),
            "/comparer" + state_query(state, territories=(region, FRANCE)),
        ),
    ]


def commune_options(context: DataContext, query: str | None, lang: str = "fr") -> list[dict]:
    """Dropdown options of the drawn communes matching ``query``; none under 2 characters.

    Each option carries the query as its ``search`` text: the dropdown filters the options in
    the browser too, and would hide a commune found by its former name or without accents.
    """
    query = (query or "").strip()[:MAX_QUERY]
    if len(query) < MIN_QUERY:
        return []
    return [
        {"label": _option_label(match, lang), "value": match.code, "search": query}
        for match in context.gazetteer.search(query, limit=LIMIT)
        if match.code in context.commune_codes
    ]


def _option_label(match: Match, lang: str) -> str:
    label = f"{match.name} ({match.department})"
    if match.found_by == "nom":
        return label
    how = found_by_text(match.found_by, lang)
    return f"{label} ← {how} {match.matched_text}"
