"""A region's profile (``/region/<code>``): fragilities, top 3, partnerships, mayors."""

TEXT: dict[str, dict[str, str]] = {
    "profile_title": {"fr": "Profil de région : {region}", "en": "Region profile: {region}"},
    "profile_fragilities": {
        "fr": "Les 16 fragilités, par acteur",
        "en": "The 16 fragilities, by actor",
    },
    "profile_crossed": {"fr": "Regard croisé des acteurs", "en": "The actors' views side by side"},
    "profile_gaps": {
        "fr": "Écarts de perception entre acteurs",
        "en": "Gaps in perception between actors",
    },
    "profile_mayors": {"fr": "Les maires", "en": "Mayors"},
    "table_of": {"fr": "Valeurs du graphique : {what}", "en": "Values of the chart: {what}"},
    "profile_france_scores": {
        "fr": "France — aucune donnée régionale publiée pour {region} ({actors}) : les notes "
        "nationales",
        "en": "France — no regional data published for {region} ({actors}): the national scores",
    },
    "profile_france_printed": {
        "fr": "Les chiffres nationaux sont sur la page France du tableau de bord (/region/FR).",
        "en": "The national figures are on the dashboard's France page (/region/FR).",
    },
    "profile_france_indicators": {
        "fr": "France — aucune donnée régionale publiée pour {region}",
        "en": "France — no regional data published for {region}",
    },
    "no_regional_data": {
        "fr": "Aucune donnée régionale publiée",
        "en": "No regional data published",
    },
    "top3_basis": {"fr": "Classement selon", "en": "Ranked by"},
    "top3_caption": {
        "fr": "Les trois fragilités que chaque acteur place en tête",
        "en": "The three fragilities each actor puts first",
    },
    "top3_top3_share_region": {
        "fr": "part citant la fragilité dans son top 3 (région)",
        "en": "share citing it in their top 3 (region)",
    },
    "top3_top3_share_france": {
        "fr": "part citant la fragilité dans son top 3 — France (aucune donnée régionale publiée)",
        "en": "share citing it in their top 3 — France (no regional data published)",
    },
    "top3_mean_score_region": {
        "fr": "score moyen (région), parmi {among} fragilités publiées",
        "en": "mean score (region), among {among} fragilities published",
    },
    "top3_mean_score_france": {
        "fr": "score moyen — France, parmi {among} fragilités publiées "
        "(aucune donnée régionale publiée)",
        "en": "mean score — France, among {among} fragilities published "
        "(no regional data published)",
    },
    "gaps_not_published": {
        "fr": "{fragility} : aucun score régional publié, pas d'écart à montrer.",
        "en": "{fragility}: no regional score published, no gap to show.",
    },
    "gaps_caption": {
        "fr": "Écarts de score moyen entre acteurs : {fragility}",
        "en": "Gaps in mean score between actors: {fragility}",
    },
    "gap_axis": {
        "fr": "Écart de score moyen (1-10) : {fragility}",
        "en": "Gap in mean score (1-10): {fragility}",
    },
    "actors_pair": {"fr": "Acteurs comparés", "en": "Actors compared"},
    "significance_col_gap": {"fr": "Écart significatif", "en": "Significant gap"},
    "significant_gap": {
        "fr": "* oui (test corrigé de Holm)",
        "en": "* yes (Holm-corrected test)",
    },
    "no_gap_shown": {"fr": "non", "en": "no"},
    "rank": {"fr": "Rang", "en": "Rank"},
    "profile_back_to_map": {"fr": "Retour à la carte", "en": "Back to the map"},
    "compare_with_france": {
        "fr": "Comparer avec la France et d'autres régions",
        "en": "Compare with France and other regions",
    },
    "see_data": {"fr": "Données et méthodologie", "en": "Data and methodology"},
    "page_region": {"fr": "Profil de région", "en": "Region profile"},
    # titles of a profile's charts in their files (PNG, SVG, CSV)
    "region_chart_fragilities": {
        "fr": "Fragilités perçues par les {actor} — {region} et France",
        "en": "Fragilities as perceived by {actor} — {region} and France",
    },
    "region_chart_indicators": {
        "fr": "{section} — {region} et France",
        "en": "{section} — {region} and France",
    },
    "region_chart_gaps": {
        "fr": "Écarts entre acteurs : {fragility} — {region}",
        "en": "Gaps between actors: {fragility} — {region}",
    },
}
