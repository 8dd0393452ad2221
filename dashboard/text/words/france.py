"""The France page (``/region/FR``): what the national surveys say, and per-chart exports."""

TEXT: dict[str, dict[str, str]] = {
    "nav_france": {"fr": "France", "en": "France"},
    "page_france": {"fr": "France", "en": "France"},
    "france_title": {
        "fr": "France : ce que disent les enquêtes nationales",
        "en": "France: what the national surveys say",
    },
    "france_intro": {
        "fr": "Les chiffres nationaux publiés, acteur par acteur : les 16 fragilités telles que "
        "chaque acteur les note, puis les partenariats. Chaque chiffre vient d'un document "
        "publié, cité sous son graphique.",
        "en": "The published national figures, actor by actor: the 16 fragilities as each actor "
        "scores them, then partnerships. Every figure comes from a published document, cited "
        "under its chart.",
    },
    "france_programme": {"fr": "Programme :", "en": "Programme:"},
    "france_scores": {
        "fr": "Les 16 fragilités : le regard croisé des acteurs",
        "en": "The 16 fragilities: the actors' views side by side",
    },
    "france_scores_caveat": {
        "fr": "Les acteurs ont répondu à des questions différentes, posées à des populations "
        "différentes : comparez le rang d'une fragilité chez chaque acteur plutôt que les notes "
        "d'un acteur à l'autre. Un écart entre deux acteurs n'est qu'un écart brut — questions "
        "et populations différentes.",
        "en": "The actors answered different questions, asked of different populations: compare "
        "a fragility's rank within each actor rather than scores from one actor to another. A "
        "gap between two actors is only a raw gap — different questions and populations.",
    },
    "france_lowest": {
        "fr": "Note la plus basse des acteurs : {actor}, pour {count} des {shared} fragilités "
        "que tous ont notées.",
        "en": "Lowest score of the actors: {actor}, for {count} of the {shared} fragilities all "
        "of them scored.",
    },
    "france_unscored": {
        "fr": "{actors} : aucune note de fragilité publiée.",
        "en": "{actors}: no fragility score published.",
    },
    "france_sort": {"fr": "Ordre des fragilités", "en": "Order of the fragilities"},
    "france_sort_groups": {
        "fr": "par groupe (ordre des questionnaires)",
        "en": "by group (questionnaire order)",
    },
    "france_sort_by": {"fr": "par note : {actor}", "en": "by score: {actor}"},
    "france_score_axis": {
        "fr": "Note moyenne de fragilité (1 à 10)",
        "en": "Mean fragility score (1-10)",
    },
    "uncertain": {"fr": "lecture incertaine", "en": "uncertain reading"},
    "uncertain_key": {
        "fr": "Marque vide : lecture incertaine (la source, numérisée, est abîmée à cet endroit).",
        "en": "Open mark: uncertain reading (the scanned source is damaged at that point).",
    },
    "rank_within": {"fr": "rang {rank} sur {n}", "en": "rank {rank} of {n}"},
    "score_col": {"fr": "{actor} : note", "en": "{actor}: score"},
    "rank_col": {"fr": "{actor} : rang", "en": "{actor}: rank"},
    "actor_population": {"fr": "{actor} — {population}", "en": "{actor} — {population}"},
    "france_key_figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "france_nothing": {
        "fr": "Aucun chiffre national publié pour ce programme.",
        "en": "No national figure published for this programme.",
    },
    "chart_downloads": {"fr": "Télécharger ce graphique :", "en": "Download this chart:"},
    "chart_png": {"fr": "PNG", "en": "PNG"},
    "chart_svg": {"fr": "SVG", "en": "SVG"},
    "chart_not_found": {
        "fr": "Graphique inconnu : {chart}. Les graphiques exportables sont ceux de la page "
        "France (france-scores, france-<famille>) et le graphique national de la carte "
        "(carte-national).",
        "en": "Unknown chart: {chart}. The charts that can be exported are the France page's "
        "and the map's national chart.",
    },
    "chart_empty": {
        "fr": "Aucun chiffre publié pour ce graphique ({chart}) : il n'y a rien à exporter. "
        "Voir la page France pour les chiffres nationaux publiés.",
        "en": "No figure published for this chart ({chart}): there is nothing to export. See "
        "the France page for the published national figures.",
    },
    "chart_col": {"fr": "Graphique", "en": "Chart"},
    "confidence_col": {"fr": "Fiabilité de la lecture", "en": "Reading confidence"},
    "confidence_high": {"fr": "sûre", "en": "high"},
    "confidence_medium": {"fr": "moyenne", "en": "medium"},
    "confidence_low": {"fr": "lecture incertaine", "en": "uncertain reading"},
    "source_date_col": {"fr": "Date de la source", "en": "Source date"},
    "rank_in_actor_col": {"fr": "Rang chez l'acteur", "en": "Rank within the actor"},
    "ranked_col": {"fr": "Fragilités notées", "en": "Fragilities scored"},
}
