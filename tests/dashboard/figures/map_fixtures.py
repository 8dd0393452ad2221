"""A tiny map frame (the builders' input contract) shared by the map tests."""

import pandas as pd

from dashboard.figures.choropleth import LegendItem
from dashboard.views.classification import Classification, NoValueState

STATES = (
    NoValueState("non_publie", "non publié", "#bdbdbd"),
    NoValueState("non_couvert", "non couvert", "#f0f0f0", border="#9e9e9e"),
    NoValueState("secret", "secret statistique", "#d9d9d9"),
)
URL = "/geo/regions.geojson?v=abc123"
ATTACK = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">clic</a>'
TITLE = "Part des répondants"


def frame() -> pd.DataFrame:
    """Two valued regions, one not published, one overseas not covered; no 'secret' row."""
    return pd.DataFrame(
        {
            "code": ["28", "76", "11", "04"],
            "name": ["Normandie", f"Occitanie {ATTACK}", "Île-de-France & co", "La Réunion"],
            "status": ["ok", "ok", "non_publie", "non_couvert"],
            "class_index": [3, 4, -1, -1],
            "details": [
                ("77 % [70 % ; 84 %]", "n = 312", "Source : Le RAMEAU"),
                ("100 %", LINK),
                ["non publié"],
                ("non couvert", "données simulées"),
            ],
            "label": ["77 %", ATTACK, "", ""],
            "lon": [0.1234567, 2.1111111, 2.5, 55.5],
            "lat": [49.1234567, 43.7, 48.7, -21.1],
        }
    )


COLOURS = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")


def classification() -> Classification:
    """Five fixed classes of 0-100 %; 77 falls in class 3, 100 in class 4."""
    return Classification(
        lower=(0.0, 20.0, 40.0, 60.0, 80.0),
        upper=(20.0, 40.0, 60.0, 80.0, 100.0),
        counts=(0, 0, 0, 1, 1),
        colours=COLOURS,
        class_of=(3, 4, -1, -1),
    )


def legend_items() -> tuple[LegendItem, ...]:
    result = classification()
    items = tuple(
        LegendItem(colour, f"{low:.0f} – {high:.0f} %", f"{count} régions")
        for low, high, count, colour in zip(
            result.lower, result.upper, result.counts, result.colours, strict=True
        )
    )
    return (*items, LegendItem("#bdbdbd", f"non publié {ATTACK}", "1 région"))
