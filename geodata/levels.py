"""The map levels, from the reconciled communes: pure functions, no file access.

Communes are simplified as one national coverage (for the France view) and once per region, at
a finer tolerance (for the zoomed view). Departments are the coverage union of the simplified
communes, simplified once more as a coverage of their own (a map of France's departments or
regions needs far fewer vertices than the communes' borders hold); regions are the coverage
union of those departments, so a region's outline over the department map is exactly its
departments' borders. Overseas regions and departments, not surveyed, are placed in insets.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.insets import INSET_BOXES, place_in_box
from geodata.reconcile import SharedOutline, attach_shared_outlines
from geodata.reference import Reference
from geodata.simplify import repair_polygons, simplify_coverage, simplify_nested_coverage


@dataclass(frozen=True)
class Tolerances:
    """Simplification tolerances in degrees, chosen by measurement (see README, Geodata).

    Commune edges inside a department are thinned harder (``*_inner``) than department borders
    (``*_borders``), which keeps every department's area within 0.5 % of the source.
    ``departments`` is for the department and region maps, drawn whole at once: a vertex every
    kilometre or so is what a map of France on a screen or a slide shows, and what the browser
    redraws on every filter change (16,000 vertices for the regions took it about 400 ms).
    """

    national_inner: float = 0.008
    national_borders: float = 0.003
    regional_inner: float = 0.003
    regional_borders: float = 0.0015
    departments: float = 0.01
    overseas: float = 0.005
    decimals: int = 4


@dataclass(frozen=True)
class Levels:
    communes: gpd.GeoDataFrame
    communes_by_region: dict[str, gpd.GeoDataFrame]
    departments: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    insets: gpd.GeoDataFrame


def build_levels(
    reconciled: gpd.GeoDataFrame,
    reference: Reference,
    shared: tuple[SharedOutline, ...],
    overseas_regions: gpd.GeoDataFrame,
    overseas_departments: gpd.GeoDataFrame,
    tolerances: Tolerances,
) -> Levels:
    unique = _with_reference_columns(reconciled, reference)
    national = _simplified(
        unique, tolerances.national_inner, tolerances.national_borders, tolerances.decimals
    )
    by_region = {
        region: _finish(
            attach_shared_outlines(
                _simplified(
                    group,
                    tolerances.regional_inner,
                    tolerances.regional_borders,
                    tolerances.decimals,
                ),
                tuple(s for s in shared if s.container in set(group["code"])),
            ),
            reference,
        )
        for region, group in unique.groupby("region")
    }
    metropolitan_departments = union_by(national, "department", reference.departments)
    metropolitan_departments = metropolitan_departments.set_geometry(
        simplify_coverage(
            metropolitan_departments.geometry.to_numpy(),
            tolerances.departments,
            tolerances.decimals,
        )
    )
    departments = pd.concat(
        [
            metropolitan_departments,
            _inset_layer(
                overseas_departments, reference.departments[["code", "name", "region"]], tolerances
            ),
        ],
        ignore_index=True,
    )
    # the regions' outlines drawn over the department map are the departments' own borders
    metropolitan_regions = union_by(
        metropolitan_departments.merge(
            reference.departments[["code", "region"]], on="code", validate="one_to_one"
        ),
        "region",
        reference.regions,
    )
    regions = pd.concat(
        [
            metropolitan_regions,
            _inset_layer(overseas_regions, reference.regions[["code", "name"]], tolerances),
        ],
        ignore_index=True,
    )
    return Levels(
        communes=_finish(attach_shared_outlines(national, shared), reference),
        communes_by_region=by_region,
        departments=gpd.GeoDataFrame(departments, crs=national.crs),
        regions=gpd.GeoDataFrame(regions, crs=national.crs),
        insets=gpd.GeoDataFrame(
            {"region": [box.region for box in INSET_BOXES.values()]},
            geometry=[box.polygon for box in INSET_BOXES.values()],
            crs=national.crs,
        ),
    )


def union_by(communes: gpd.GeoDataFrame, key: str, names: pd.DataFrame) -> gpd.GeoDataFrame:
    """One polygon per ``key`` value: the coverage union of its (simplified) parts."""
    codes, outlines = [], []
    for code, group in communes.groupby(key):
        codes.append(str(code))
        outlines.append(shapely.coverage_union_all(group.geometry.to_numpy()))
    frame = gpd.GeoDataFrame(
        {"code": codes},
        geometry=repair_polygons(np.array(outlines, dtype=object)),
        crs=communes.crs,
    )
    named = frame.merge(names[["code", "name"]], on="code", how="left", validate="one_to_one")
    return named.assign(overseas=False)[["code", "name", "overseas", "geometry"]]


def department_area_deviation(
    communes: gpd.GeoDataFrame, source_departments: gpd.GeoDataFrame
) -> pd.Series:
    """Per department: sum of its communes' areas / the source department's area - 1."""
    areas = communes.assign(area=shapely.area(communes.geometry.to_numpy()))
    summed = areas.groupby("department")["area"].sum()
    source = pd.Series(
        shapely.area(source_departments.geometry.to_numpy()),
        index=source_departments["code"].astype(str),
    )
    return (summed / source.reindex(summed.index) - 1).rename("area_deviation")


def _with_reference_columns(frame: gpd.GeoDataFrame, reference: Reference) -> gpd.GeoDataFrame:
    columns = reference.communes[["code", "name", "department", "region", "population"]]
    return frame.merge(columns, on="code", how="left", validate="one_to_one")


def _simplified(
    communes: gpd.GeoDataFrame, inner: float, borders: float, decimals: int
) -> gpd.GeoDataFrame:
    geometries = simplify_nested_coverage(
        communes.geometry.to_numpy(), communes["department"].to_numpy(), inner, borders, decimals
    )
    return communes.set_geometry(geometries)


def _finish(frame: gpd.GeoDataFrame, reference: Reference) -> gpd.GeoDataFrame:
    """Fill the reference columns of the shared copies added after simplification."""
    columns = reference.communes.set_index("code")[["name", "department", "region", "population"]]
    filled = frame.drop(columns=["name", "department", "region", "population"]).join(
        columns, on="code"
    )
    return gpd.GeoDataFrame(
        filled[
            [
                "code",
                "name",
                "department",
                "region",
                "population",
                "drawn_with",
                "shared_outline",
                "geometry",
            ]
        ],
        crs=frame.crs,
    )


def _inset_layer(
    source: gpd.GeoDataFrame, names: pd.DataFrame, tolerances: Tolerances
) -> gpd.GeoDataFrame:
    """The overseas territories of ``source`` simplified and moved into their region's inset.

    ``names`` (code, name, and region for departments) says which region's box each goes in.
    """
    named = source[["code", "geometry"]].merge(names, on="code", validate="one_to_one")
    region_of = named["region"] if "region" in named else named["code"]
    named = named[region_of.isin(list(INSET_BOXES))]
    simplified = simplify_coverage(
        named.geometry.to_numpy(), tolerances.overseas, tolerances.decimals
    )
    placed = np.array(
        [
            place_in_box(geometry, INSET_BOXES[region])
            for geometry, region in zip(simplified, region_of[named.index], strict=True)
        ],
        dtype=object,
    )
    rounded = shapely.transform(placed, lambda xy: np.round(xy, tolerances.decimals))
    return gpd.GeoDataFrame(
        {"code": named["code"].to_numpy(), "name": named["name"].to_numpy(), "overseas": True},
        geometry=repair_polygons(rounded),
        crs=source.crs,
    )
