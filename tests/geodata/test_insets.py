import math

import pytest
import shapely

from geodata.insets import INSET_BOXES, place_in_box


def test_five_overseas_regions_have_separate_boxes_west_of_the_mainland():
    assert sorted(INSET_BOXES) == ["01", "02", "03", "04", "06"]
    boxes = [box.polygon for box in INSET_BOXES.values()]
    assert all(box.bounds[2] < -5.2 for box in boxes)  # west of Brittany's tip
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


@pytest.mark.parametrize("latitude", [-21.1, 4.0, 16.2])
def test_a_territory_is_scaled_into_its_box_keeping_its_shape(latitude):
    territory = shapely.box(55.2, latitude - 0.4, 55.9, latitude + 0.4)
    box = INSET_BOXES["04"]
    placed = place_in_box(territory, box)
    assert box.polygon.contains(placed)
    width = placed.bounds[2] - placed.bounds[0]
    height = placed.bounds[3] - placed.bounds[1]
    source_ratio = 0.8 / (0.7 * math.cos(math.radians(latitude)))
    target_lat = (box.min_lat + box.max_lat) / 2
    placed_ratio = height / (width * math.cos(math.radians(target_lat)))
    assert placed_ratio == pytest.approx(source_ratio, rel=1e-6)
