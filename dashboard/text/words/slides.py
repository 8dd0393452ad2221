"""The exported slides (PNG, SVG) of the Carte and Analyse: words of their footer."""

TEXT: dict[str, dict[str, str]] = {
    # the « Date » of a slide on simulated data: what the simulation stands for, never its id
    "simulated_fieldwork": {
        "fr": "données simulées, sur le modèle de {studies}",
        "en": "simulated data, modelled on {studies}",
    },
}
