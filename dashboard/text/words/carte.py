"""The Carte (``/``): its filters, map, legend, summary sentence and table."""

TEXT: dict[str, dict[str, str]] = {
    "app_subtitle": {
        "fr": "Observatoire des partenariats : ce que citoyens, associations, entreprises "
        "et maires "
        "disent de leur territoire",
        "en": "Observatoire des partenariats: what citizens, associations, companies and mayors "
        "say about their territory",
    },
    "k": {"fr": "Nombre de classes", "en": "Number of classes"},
    "no_regional_value": {
        "fr": "aucune valeur régionale publiée",
        "en": "no regional value published",
    },
    "scheme_fixed": {"fr": "Échelle complète, classes égales", "en": "Full scale, equal classes"},
    "scheme_quantiles": {"fr": "Quantiles", "en": "Quantiles"},
    "scheme_equal_interval": {"fr": "Intervalles égaux", "en": "Equal intervals"},
    "scheme_fisher_jenks": {
        "fr": "Seuils naturels (Fisher-Jenks)",
        "en": "Natural breaks (Fisher-Jenks)",
    },
    "filters": {"fr": "Filtres", "en": "Filters"},
    "coverage": {
        "fr": "Valeurs publiées : {published} régions sur {total}",
        "en": "Published values: {published} of {total} regions",
    },
    "coverage_one": {
        "fr": "Valeurs publiées : {published} région sur {total}",
        "en": "Published values: {published} of {total} regions",
    },
    "respondents_range": {
        "fr": "de {low} à {high} répondants selon la région",
        "en": "{low} to {high} respondents depending on the region",
    },
    "table_caption": {
        "fr": "Tableau des valeurs de la carte",
        "en": "Table of the map's values",
    },
    "map_updating": {"fr": "Mise à jour de la carte…", "en": "Updating the map…"},
    "map_label": {
        "fr": "Carte des régions : {indicator}, {actor}",
        "en": "Map of regions: {indicator}, {actor}",
    },
    "scheme_diverging": {
        "fr": "Écart à la France (divergente)",
        "en": "Difference from France (diverging)",
    },
    "no_france_value": {"fr": "pas de valeur France", "en": "no value for France"},
    "coverage_estimated": {
        "fr": "Valeurs estimées : {published} régions sur {total}",
        "en": "Estimated values: {published} of {total} regions",
    },
    "coverage_estimated_one": {
        "fr": "Valeurs estimées : {published} région sur {total}",
        "en": "Estimated values: {published} of {total} regions",
    },
    "count_region": {"fr": "rég.", "en": "reg."},
    "count_departement": {"fr": "dép.", "en": "dep."},
    "count_commune": {"fr": "comm.", "en": "mun."},
    "france_value": {"fr": "France : {value}", "en": "France: {value}"},
    "france_not_published": {
        "fr": "France : non publié",
        "en": "France: not published",
    },
    "region_value": {
        "fr": "valeur de la région {region}",
        "en": "value of the region {region}",
    },
    "no_commune_value_hover": {
        "fr": "ni pour sa strate (région × taille) ; la valeur de la région {region} est "
        "donnée sous la carte",
        "en": "nor for its stratum (region × size); the value of the region {region} is given "
        "under the map",
    },
    "region_value_once": {
        "fr": "{region} (valeur de la région, pas celle de ses communes) : {value}",
        "en": "{region} (the region's value, not its municipalities'): {value}",
    },
    "not_in_file": {"fr": "absent de votre fichier", "en": "not in your file"},
    "your_value": {"fr": "valeur de votre fichier", "en": "value from your file"},
    "level_region": {"fr": "Régions", "en": "Regions"},
    "level_departement": {
        "fr": "Départements (valeur de leur région)",
        "en": "Departments (their region's value)",
    },
    "show_stratum": {
        "fr": "Valeur de la strate (région × taille)",
        "en": "Value of the stratum (region × size)",
    },
    "show_size": {"fr": "Taille de commune", "en": "Municipality size"},
    "show_upload": {"fr": "Mon fichier (CSV)", "en": "My file (CSV)"},
    "search_placeholder": {
        "fr": "Nom, code INSEE ou code postal",
        "en": "Name, INSEE code or postcode",
    },
    "see_communes": {"fr": "Voir les communes", "en": "See the municipalities"},
    "see_profile": {"fr": "Voir le profil", "en": "See the profile"},
    "see_commune_page": {"fr": "Voir la page de la commune", "en": "See the municipality's page"},
    "selected_outline": {"fr": "Contour épais", "en": "Thick outline"},
    "selected": {"fr": "Territoire choisi", "en": "Selected territory"},
    "loading_map": {"fr": "Chargement de la carte…", "en": "Loading the map…"},
    "summary_range": {
        "fr": "de {low} {low_place} à {high} {high_place} ({n} régions)",
        "en": "from {low} {low_place} to {high} {high_place} ({n} regions)",
    },
    "summary_missing_other": {
        "fr": "{status} pour les {n} autres régions",
        "en": "{status} for the other {n} regions",
    },
    "summary_missing_other_one": {
        "fr": "{status} pour 1 autre région",
        "en": "{status} for 1 other region",
    },
    "summary_communes": {"fr": "{label} pour {n} communes", "en": "{label} for {n} municipalities"},
    "summary_missing": {
        "fr": "{status} pour les {n} régions",
        "en": "{status} for the {n} regions",
    },
    "summary_missing_one": {"fr": "{status} pour 1 région", "en": "{status} for 1 region"},
    # national-only views: the map's place shows the national chart
    "national_only_option": {
        "fr": "chiffre national uniquement : la carte laisse place au graphique national",
        "en": "national figure only: the map gives way to the national chart",
    },
    "no_value_anywhere": {
        "fr": "aucune valeur publiée, ni régionale ni nationale",
        "en": "no value published, regional or national",
    },
    "national_only_badge": {"fr": "Chiffre national uniquement", "en": "National figure only"},
    "national_only_intro": {
        "fr": "Les sources ne publient aucune valeur régionale pour cette vue : voici le chiffre "
        "national.",
        "en": "The sources publish no regional value for this view: here is the national figure.",
    },
    "national_across_fragilities": {
        "fr": "{indicator} — {actor} : France, par fragilité",
        "en": "{indicator} — {actor}: France, by fragility",
    },
    "national_across_actors": {
        "fr": "{indicator} : France, par acteur",
        "en": "{indicator}: France, by actor",
    },
    "national_chosen": {"fr": "choix de la carte", "en": "chosen on the map"},
    "national_france_link": {
        "fr": "Tous les chiffres nationaux, acteur par acteur : page France",
        "en": "Every national figure, actor by actor: the France page",
    },
    "export_national_only": {
        "fr": "Cette vue n'a aucune valeur régionale publiée : une carte serait vide. Son chiffre "
        "national se télécharge avec son graphique : {chart} (ou .svg, .csv).",
        "en": "This view has no regional value published: a map would be empty. Its national "
        "figure downloads with its chart: {chart} (or .svg, .csv).",
    },
    "export_no_value": {
        "fr": "Cette vue n'a aucune valeur publiée, ni régionale ni nationale : il n'y a rien à "
        "exporter. Les chiffres publiés sont sur la page France : {france}",
        "en": "This view has no value published, regional or national: there is nothing to "
        "export. The published figures are on the France page: {france}",
    },
    "scheme_auto": {
        "fr": "Selon les données (par défaut)",
        "en": "Following the data (default)",
    },
    "scale_auto": {"fr": "Classes selon les données", "en": "Classes following the data"},
    "scale_fixed": {"fr": "Échelle fixe {low} – {high}", "en": "Fixed scale {low} – {high}"},
    "scale_scheme": {"fr": "Classes\u00a0: {scheme}", "en": "Classes: {scheme}"},
    "scale_exact_values": {"fr": "Valeurs exactes", "en": "Exact values"},
    "scale_within_precision": {
        "fr": "Écarts dans la précision de l'enquête",
        "en": "Differences within the survey's precision",
    },
    "france_holm": {
        "fr": "Par rapport à la France (Holm)\u00a0:",
        "en": "Compared with France (Holm):",
    },
    "france_above": {"fr": "▲ au-dessus\u00a0: {n} {word}", "en": "▲ above: {n} {word}"},
    "france_below": {"fr": "▼ en dessous\u00a0: {n} {word}", "en": "▼ below: {n} {word}"},
    "france_same": {
        "fr": "sans écart significatif\u00a0: {n} {word}",
        "en": "no significant difference: {n} {word}",
    },
}
