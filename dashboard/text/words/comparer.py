"""Comparer (``/comparer``): territories side by side."""

TEXT: dict[str, dict[str, str]] = {
    "compare_title": {"fr": "Comparer des territoires", "en": "Compare territories"},
    "compare_intro": {
        "fr": "De deux à quatre régions, ou des régions et la France, sur la même échelle. "
        "* : écart significatif avec le premier territoire (test corrigé de Holm).",
        "en": "Two to four regions, or regions and France, on one scale. "
        "*: significant difference from the first territory (Holm-corrected test).",
    },
    "compare_pick": {
        "fr": "Choisissez de deux à quatre territoires à comparer.",
        "en": "Choose two to four territories to compare.",
    },
    "compare_too_many": {
        "fr": "Comparer montre au plus {max} territoires : vous en avez demandé {n}. "
        "Les {max} premiers sont comparés ; non retenus : {dropped}.",
        "en": "Compare shows at most {max} territories: you asked for {n}. "
        "The first {max} are compared; left out: {dropped}.",
    },
    "compare_territories": {
        "fr": "Territoires (deux à quatre)",
        "en": "Territories (two to four)",
    },
    "compare_fragilities": {
        "fr": "Les 16 fragilités : {actor}",
        "en": "The 16 fragilities: {actor}",
    },
    "compare_no_scores": {
        "fr": "Aucun score de fragilité publié pour les {actor} dans ces territoires.",
        "en": "No fragility score published for {actor} in these territories.",
    },
    "compare_no_partnership": {
        "fr": "Aucun indicateur de partenariat publié pour les {actor} dans ces territoires.",
        "en": "No partnership indicator published for {actor} in these territories.",
    },
    "compare_left_out": {
        "fr": "Non publiés pour ces territoires, donc absents du graphique : {labels}.",
        "en": "Not published for these territories, so left out of the chart: {labels}.",
    },
    "compare_table": {
        "fr": "Valeurs du graphique (* : écart significatif avec {first})",
        "en": "Values of the chart (*: significant difference from {first})",
    },
}
