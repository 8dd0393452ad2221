"""The commune level: which communes are drawn, and what each one shows.

Three layers (``state.show``): the value of the commune's stratum (its region × its size class)
where the data has one, labelled as the stratum's; the commune's size class; or the values of a
file the visitor uploaded (kept in their browser). A commune whose stratum has no value is drawn
as an outline (:data:`NO_COMMUNE_VALUE`), never in its region's colour: painted on every commune,
a regional figure reads as each commune's result. The region's value is said once, under the map
(:func:`regional_sentence`), as the commune page says it.
One region's communes are drawn by default; the whole of France when the territory is ``FR``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from dashboard.core.context import COMMUNE_SIZE_FIELD, DataContext
from dashboard.core.state import AppState, territory_level
from dashboard.core.values import RegionValues, region_values
from dashboard.text.hover import value_label
from dashboard.text.i18n import labelled, t
from dashboard.views.carte_drawn import DrawnValues
from dashboard.views.classification import Classification, class_colours
from phare.selection import NOT_PUBLISHED, OK
from phare.weighted import PRUDENCE

NOT_IN_FILE = "hors_fichier"
NO_COMMUNE_VALUE = "sans_valeur_communale"  # no value for the commune nor for its stratum
METRO_EXTENT = (-5.2, 41.3, 9.6, 51.1)
FRANCE_COMMUNES = "communes"  # the geometry level of all metropolitan communes (34,746)
COMMUNE_VIEW_DEGREES = 0.25  # a commune picked on a commune map: shown with its neighbours


@dataclass(frozen=True)
class CommuneScope:
    region: str | None  # None: every metropolitan commune
    geometry_level: str
    extent: tuple[float, float, float, float]


def commune_scope(context: DataContext, territory: str) -> CommuneScope:
    """The communes to draw for a selected territory: its region's, or all for France.

    The map opens on the region's extent, a chosen commune's too: it stays the selected
    territory, outlined and named among its region's communes (``components.carte_map``); a
    commune picked once the map is drawn is moved to (:func:`commune_focus`)."""
    level, code = territory_level(territory)
    region = None
    if level == "region":
        region = code
    elif level in ("departement", "commune"):
        row = context.territory(level, code)
        region = None if row is None else row["region"]
    if region is None or f"communes-{region}" not in context.geometry.levels:
        return CommuneScope(None, FRANCE_COMMUNES, METRO_EXTENT)
    row = context.territory("region", region)
    extent = (row["min_lon"], row["min_lat"], row["max_lon"], row["max_lat"])
    return CommuneScope(region, f"communes-{region}", tuple(float(v) for v in extent))


def commune_focus(context: DataContext, territory: str) -> tuple[float, float, float, float] | None:
    """Where the map moves when a commune is picked on a commune map already drawn: a window
    of :data:`COMMUNE_VIEW_DEGREES` around it; None for any other territory (the drawn area).
    A commune map opened afresh shows the whole region (:func:`commune_scope`)."""
    level, code = territory_level(territory)
    commune = context.territory("commune", code) if level == "commune" else None
    if commune is None or commune_scope(context, territory).region is None:
        return None
    half = COMMUNE_VIEW_DEGREES
    lon, lat = float(commune["lon"]), float(commune["lat"])
    return (lon - half, lat - half, lon + half, lat + half)


def without_borders(geometry_level: str) -> bool:
    """France's communes are drawn without borders, on the page and in exports: a white border
    of 1 px would cover most of the few pixels each commune gets, and the map would read as
    white. On the page, MapLibre also no longer builds 34,746 border lines on each redraw
    (about 0.7 s of 3 without a GPU)."""
    return geometry_level == FRANCE_COMMUNES


def commune_frame(
    context: DataContext,
    state: AppState,
    values: RegionValues,
    scope: CommuneScope,
    upload: pd.DataFrame | None,
) -> DrawnValues:
    """Rows of the drawn communes (see :class:`DrawnValues`) for the layer ``state.show``."""
    communes = _communes(context, scope)
    if state.show == "size":
        return _size_layer(context, communes, state.lang)
    if state.show == "upload":
        return _upload_layer(communes, upload, state.lang)
    return _stratum_layer(context, state, values, communes)


def size_classes(context: DataContext) -> list:
    """The mayors' commune-size segments, smallest first (the survey's strata)."""
    return [s for s in context.catalogue.segments.values() if s.field == COMMUNE_SIZE_FIELD]


def _communes(context: DataContext, scope: CommuneScope) -> pd.DataFrame:
    communes = context.communes
    if scope.region is None:
        return communes
    return communes[communes["region"] == scope.region].reset_index(drop=True)


def _stratum_layer(
    context: DataContext, state: AppState, values: RegionValues, communes: pd.DataFrame
) -> DrawnValues:
    """Each commune shows its stratum's value (or status) where the data has one, else an
    outline that says there is none.

    A region has a few strata (one per commune size): each stratum's value and words are
    looked up once, then given to its communes (34,746 rows: no frame join per view)."""
    lang = state.lang
    unit = context.catalogue.indicators[state.indicator].unit
    labels = {status.id: status.label(lang) for status in context.catalogue.statuses.values()}
    strata = _strata(context, state)
    names = dict(zip(values.regions["code"], values.regions["name"], strict=True))

    def drawn(region: str, size: int) -> tuple:
        stratum = strata.get((region, size))
        if stratum is None:
            where = t("no_commune_value_hover", lang, region=names.get(region, region))
            return np.nan, NO_COMMUNE_VALUE, where, region, (labels[NO_COMMUNE_VALUE], where)
        value, status, where = stratum
        status = OK if status == PRUDENCE else status
        words = value_label(value, unit, lang) if status == OK else labels[status]
        return value, status, where, f"{region}-{size}", (words, where)

    keys = list(zip(communes["region"].tolist(), communes["size"].tolist(), strict=True))
    per_key = {key: drawn(*key) for key in set(keys)}
    rows = [per_key[key] for key in keys]
    value, status, where, group, details = zip(*rows, strict=True) if rows else [()] * 5
    frame = communes.assign(
        value=np.array(value, dtype=float),
        status=list(status),
        where=list(where),
        group=list(group),
        details=list(details),
    )
    return DrawnValues(
        frame=frame,
        values=frame["value"].to_numpy(),
        counted_once=~frame["group"].duplicated().to_numpy(),
    )


def regional_sentence(
    context: DataContext, state: AppState, values: RegionValues, scope: CommuneScope
) -> str:
    """The region's value said once for a map of its communes' strata (« Normandie (valeur
    régionale, aucune commune n'a la sienne) : 77 % »); "" for other layers and for France."""
    if state.show != "stratum" or scope.region is None:
        return ""
    found = values.regions[values.regions["code"] == scope.region]
    if found.empty:
        return ""
    row = found.iloc[0]
    unit = context.catalogue.indicators[state.indicator].unit
    if pd.isna(row["value"]):
        shown = context.catalogue.statuses[row["status"]].label(state.lang)
    else:
        shown = value_label(row["value"], unit, state.lang)
    return t("region_value_once", state.lang, region=row["name"], value=shown)


class _Stratum(NamedTuple):
    value: float
    status: str
    where: str  # the stratum in words (« Normandie, communes de 2 000 à 9 999 habitants »)


def _strata(context: DataContext, state: AppState) -> dict[tuple[str, int], _Stratum]:
    """Every published stratum by (region, size class index); the mayors' only."""
    if state.actor != "maires" or state.segment != "all":
        return {}
    strata = {}
    for index, segment in enumerate(size_classes(context)):
        shown = region_values(context, state.model_copy(update={"segment": segment.id}))
        for row in shown.regions.itertuples(index=False):
            if row.status != NOT_PUBLISHED:
                where = t("stratum", state.lang, region=row.name, size=segment.label(state.lang))
                strata[(row.code, index)] = _Stratum(row.value, row.status, where)
    return strata


def _size_layer(context: DataContext, communes: pd.DataFrame, lang: str) -> DrawnValues:
    classes = size_classes(context)
    colours = class_colours(len(classes))
    labels = tuple(segment.label(lang) for segment in classes)
    population = labelled("population", lang)
    frame = communes.assign(
        value=communes["size"].astype(float),
        status=OK,
        details=[(population + value_label(p, "count", lang),) for p in communes["population"]],
    )
    counts = np.bincount(frame["size"], minlength=len(classes))
    classification = Classification(
        lower=tuple(float(i) for i in range(len(classes))),
        upper=tuple(float(i) for i in range(len(classes))),
        counts=tuple(int(c) for c in counts),
        colours=tuple(colours),
        class_of=tuple(int(i) for i in frame["size"]),
    )
    return DrawnValues(
        frame,
        frame["value"].to_numpy(),
        np.ones(len(frame), dtype=bool),
        classification=classification,
        class_labels=labels,
        unit="count",
    )


def _upload_layer(communes: pd.DataFrame, upload: pd.DataFrame | None, lang: str) -> DrawnValues:
    """The visitor's values joined on current codes; communes not in the file say so."""
    given = pd.Series(dtype=float)
    if upload is not None and not upload.empty:
        given = upload.drop_duplicates("code").set_index("code")["value"]
    value = communes["code"].map(given).astype(float)
    frame = communes.assign(
        value=value,
        status=np.where(value.notna(), OK, NOT_IN_FILE),
        details=[
            (value_label(v, None, lang), t("your_value", lang))
            if pd.notna(v)
            else (t("not_in_file", lang),)
            for v in value
        ],
    )
    present = value.dropna()
    domain = (float(present.min()), float(present.max())) if len(present) else (0.0, 1.0)
    return DrawnValues(
        frame,
        value.to_numpy(dtype=float),
        np.ones(len(frame), dtype=bool),
        domain=domain,
        unit="",
    )
