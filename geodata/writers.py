"""Browser files: compact GeoJSON FeatureCollections with the INSEE code as feature ``id``."""

from __future__ import annotations

import gzip
import json

import geopandas as gpd
import shapely

LEVEL_PROPERTIES = {"nom": "name", "contour_partage": "shared_outline"}
MARKUP = r"[<>&]"


def feature_collection(frame: gpd.GeoDataFrame, properties: list[str]) -> bytes:
    """GeoJSON of ``frame`` (``code`` becomes the feature id; Plotly matches ``locations`` on it).

    ``properties`` are output keys of :data:`LEVEL_PROPERTIES`; empty, false or missing values
    are left out to keep the file small. Coordinates are written as they are (already rounded).
    JSON has no NaN: one in a property fails the build here rather than the map in a browser.
    """
    columns = {key: LEVEL_PROPERTIES[key] for key in properties if LEVEL_PROPERTIES[key] in frame}
    if "name" in frame:
        _check_plain_names(frame)
    geometries = shapely.to_geojson(frame.geometry.to_numpy())
    records = frame[list(columns.values())].to_dict("records") if columns else [{}] * len(frame)
    features = [
        '{"type":"Feature","id":'
        + json.dumps(str(code))
        + ',"properties":'
        + json.dumps(
            {key: record[column] for key, column in columns.items() if record[column]},
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
        + ',"geometry":'
        + geometry
        + "}"
        for code, record, geometry in zip(frame["code"], records, geometries, strict=True)
    ]
    return ('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}").encode()


def _check_plain_names(frame: gpd.GeoDataFrame) -> None:
    """Maps show ``nom`` in hover labels straight from the file: no markup may hide in it."""
    marked = frame.loc[frame["name"].astype(str).str.contains(MARKUP, regex=True), "code"]
    if not marked.empty:
        raise ValueError(
            f"names of {', '.join(map(str, marked[:5]))} contain <, > or &: maps show names as "
            "they are, so the build stops (check the COG files)"
        )


def gzip_bytes(payload: bytes) -> bytes:
    """Deterministic gzip (no timestamp), so the same build gives the same bytes."""
    return gzip.compress(payload, compresslevel=9, mtime=0)


def vertex_count(frame: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(frame.geometry.to_numpy()).sum())
