"""The territory table: every drawn territory with its parents, a point inside and its extent.

Used by the lookups (where is this commune, which department and region) and by the maps to
zoom on a territory. Points and boxes are those of the drawn geometry, so an overseas region's
extent is its inset's.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from geodata.levels import Levels
from geodata.reference import Reference


def territory_table(levels: Levels, reference: Reference) -> pd.DataFrame:
    department_region = dict(
        zip(reference.departments["code"], reference.departments["region"], strict=True)
    )
    parts = [
        _table(levels.regions, "region", department=None, region=levels.regions["code"]),
        _table(
            levels.departments,
            "departement",
            department=levels.departments["code"],
            region=levels.departments["code"].map(department_region),
        ),
        _table(
            levels.communes,
            "commune",
            department=levels.communes["department"],
            region=levels.communes["region"],
        ),
    ]
    return pd.concat(parts, ignore_index=True)


def _table(frame: gpd.GeoDataFrame, level: str, *, department, region) -> pd.DataFrame:
    geometries = frame.geometry.to_numpy()
    points = shapely.point_on_surface(geometries)
    bounds = shapely.bounds(geometries)
    return pd.DataFrame(
        {
            "level": level,
            "code": frame["code"].astype(str).to_numpy(),
            "name": frame["name"].to_numpy(),
            "department": None if department is None else pd.Series(department).to_numpy(),
            "region": pd.Series(region).astype(str).to_numpy(),
            "lon": shapely.get_x(points),
            "lat": shapely.get_y(points),
            "min_lon": bounds[:, 0],
            "min_lat": bounds[:, 1],
            "max_lon": bounds[:, 2],
            "max_lat": bounds[:, 3],
            "overseas": frame["overseas"].to_numpy() if "overseas" in frame else False,
        }
    )
