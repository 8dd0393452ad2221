"""Overseas regions and departments drawn in insets beside the mainland.

Each territory is moved and scaled with shapely into a fixed box west of France, its shape kept
as it looks on a Web Mercator map (the vertical scale is corrected for the change of latitude).
The box is kept as its own geometry, apart from the territory's real outline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from shapely import affinity


@dataclass(frozen=True)
class InsetBox:
    """Where an overseas territory is drawn, in longitude / latitude degrees."""

    region: str
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def polygon(self) -> shapely.Polygon:
        return shapely.box(self.min_lon, self.min_lat, self.max_lon, self.max_lat)


def _column(
    regions: tuple[str, ...], left: float, top: float, width: float, height: float, gap: float
):
    return {
        region: InsetBox(
            region, left, top - (i + 1) * height - i * gap, left + width, top - i * height - i * gap
        )
        for i, region in enumerate(regions)
    }


# Guadeloupe, Martinique, Guyane, La Réunion, Mayotte, top to bottom in the Atlantic.
INSET_BOXES: dict[str, InsetBox] = _column(
    ("01", "02", "03", "04", "06"), left=-9.9, top=49.6, width=3.0, height=1.45, gap=0.15
)


def place_in_box(
    geometry: shapely.Geometry, box: InsetBox, margin: float = 0.08
) -> shapely.Geometry:
    """``geometry`` scaled to fit ``box`` (with a margin), centred in it, shape preserved."""
    min_x, min_y, max_x, max_y = geometry.bounds
    source_lat = (min_y + max_y) / 2
    target_lat = (box.min_lat + box.max_lat) / 2
    # A degree of latitude looks longer, relative to a degree of longitude, the further from the
    # equator: shrink the latitudes so the territory keeps the shape it has at home.
    y_ratio = math.cos(math.radians(target_lat)) / math.cos(math.radians(source_lat))
    width = (box.max_lon - box.min_lon) * (1 - 2 * margin)
    height = (box.max_lat - box.min_lat) * (1 - 2 * margin)
    scale = min(width / (max_x - min_x), height / ((max_y - min_y) * y_ratio))
    scaled = affinity.scale(geometry, xfact=scale, yfact=scale * y_ratio, origin="centroid")
    centre = scaled.envelope.centroid
    return affinity.translate(
        scaled,
        xoff=(box.min_lon + box.max_lon) / 2 - centre.x,
        yoff=(box.min_lat + box.max_lat) / 2 - centre.y,
    )
