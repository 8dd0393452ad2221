"""The map's table: a long region name wraps in its cell rather than being cut."""

from dashboard.components.values_table import values_table


def test_the_territory_column_wraps_long_names_and_keeps_room_for_them():
    rows = [{"code": "93", "name": "Provence-Alpes-Côte d'Azur", "value": "77 %"}]
    grid = values_table(rows, "fr")
    name = next(column for column in grid.columnDefs if column["field"] == "name")
    assert name["wrapText"] is True and name["autoHeight"] is True
    assert name["minWidth"] >= 170 and name["flex"] == 2
    others = [column for column in grid.columnDefs if column["field"] != "name"]
    assert not any(column.get("wrapText") for column in others)
