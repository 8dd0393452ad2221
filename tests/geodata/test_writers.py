import geopandas as gpd
import pytest
from shapely.geometry import box

from geodata.writers import feature_collection


def test_a_missing_value_never_reaches_a_browser_file():
    frame = gpd.GeoDataFrame(
        {"code": ["14666"], "name": [float("nan")], "shared_outline": [True]},
        geometry=[box(0, 0, 1, 1)],
    )
    with pytest.raises(ValueError, match="JSON"):
        feature_collection(frame, ["nom", "contour_partage"])


def test_a_name_with_markup_stops_the_build():
    frame = gpd.GeoDataFrame(
        {"code": ["01001"], "name": ["<img src=x onerror=alert(1)>"]}, geometry=[box(0, 0, 1, 1)]
    )
    with pytest.raises(ValueError, match="01001"):
        feature_collection(frame, ["nom"])
