"""Interface strings, French first. Data labels (actors, indicators…) live in the catalogue."""

from __future__ import annotations

LANGUAGES = ("fr", "en")

TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "fr": "PHARE – fragilités et alliances en territoire",
        "en": "PHARE – territorial fragilities and alliances",
    },
    "app_subtitle": {
        "fr": "Observatoire des partenariats : ce que citoyens, associations, entreprises "
        "et maires "
        "disent de leur territoire",
        "en": "Observatoire des partenariats: what citizens, associations, companies and mayors "
        "say about their territory",
    },
    "actor": {"fr": "Acteur interrogé", "en": "Respondents"},
    "study": {"fr": "Programme d'études", "en": "Survey programme"},
    "segment": {"fr": "Segment", "en": "Segment"},
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "fragility": {"fr": "Fragilité", "en": "Fragility"},
    "classes": {"fr": "Classes", "en": "Classes"},
    "k": {"fr": "Nombre de classes", "en": "Number of classes"},
    "all_domains": {"fr": "Ensemble des domaines", "en": "All domains"},
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
    "legend": {"fr": "Légende", "en": "Legend"},
    "not_published": {"fr": "non publié", "en": "not published"},
    "coverage": {
        "fr": "Valeurs publiées : {published} régions sur {total}",
        "en": "Published values: {published} of {total} regions",
    },
    "coverage_one": {
        "fr": "Valeurs publiées : {published} région sur {total}",
        "en": "Published values: {published} of {total} regions",
    },
    "joint": {"fr": "publié pour {names} ensemble", "en": "published for {names} together"},
    "and": {"fr": " et ", "en": " and "},
    "regions_count": {"fr": "{n} rég.", "en": "{n} reg."},
    "source": {"fr": "Source", "en": "Source"},
    "question": {"fr": "Question", "en": "Question"},
    "base": {"fr": "Base", "en": "Base"},
    "base_not_published": {"fr": "effectif non publié", "en": "sample size not published"},
    "respondents": {"fr": "{n} répondants", "en": "{n} respondents"},
    "respondents_range": {
        "fr": "de {low} à {high} répondants selon la région",
        "en": "{low} to {high} respondents depending on the region",
    },
    "release": {
        "fr": "Données publiées, version {release}",
        "en": "Published data, release {release}",
    },
    "region": {"fr": "Région", "en": "Region"},
    "value": {"fr": "Valeur", "en": "Value"},
    "status": {"fr": "Statut", "en": "Status"},
    "table_caption": {
        "fr": "Tableau des valeurs de la carte",
        "en": "Table of the map's values",
    },
    "permalink": {"fr": "Lien vers cette vue", "en": "Link to this view"},
    "map_label": {
        "fr": "Carte des régions : {indicator}, {actor}",
        "en": "Map of regions: {indicator}, {actor}",
    },
    "notice_bad_value": {
        "fr": "Paramètre « {name} » : valeur « {value} » non reconnue ; « {default} » est utilisé.",
        "en": "Parameter '{name}': value '{value}' not recognised; '{default}' is used.",
    },
    "data_unavailable": {
        "fr": "Les données ne sont pas disponibles pour le moment : {reason}",
        "en": "The data is not available at the moment: {reason}",
    },
    "language_switch": {"fr": "English", "en": "Français"},
    "release_estimated": {
        "fr": "Estimations pondérées, données {release}",
        "en": "Weighted estimates, data {release}",
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
    "regional_estimate": {
        "fr": "estimation régionale ({region}), pas un résultat de la commune",
        "en": "regional estimate ({region}), not a result for the commune",
    },
    "stratum": {
        "fr": "valeur de la strate {region} × {size}, pas un résultat de la commune",
        "en": "value of the stratum {region} × {size}, not a result for the commune",
    },
    "not_in_file": {"fr": "absent de votre fichier", "en": "not in your file"},
    "your_value": {"fr": "valeur de votre fichier", "en": "value from your file"},
    "population": {"fr": "Population municipale", "en": "Municipal population"},
    "interval": {"fr": "[IC 95 % : {low} – {high}]", "en": "[95% CI: {low} – {high}]"},
    "effective_n": {"fr": "(n effectif {n})", "en": "(effective n {n})"},
    "not_significant": {
        "fr": "pas d'écart significatif avec la France ({france})",
        "en": "no significant difference from France ({france})",
    },
    "significantly_above": {
        "fr": "significativement au-dessus de la France ({france})",
        "en": "significantly above France ({france})",
    },
    "significantly_below": {
        "fr": "significativement en dessous de la France ({france})",
        "en": "significantly below France ({france})",
    },
    "simulated": {"fr": "DONNÉES SIMULÉES", "en": "SIMULATED DATA"},
    "dataset": {"fr": "Données", "en": "Data"},
    "dataset_publie": {"fr": "Chiffres publiés", "en": "Published figures"},
    "dataset_simule": {
        "fr": "Données simulées (démonstration)",
        "en": "Simulated data (demonstration)",
    },
    "dataset_import": {"fr": "Version importée {release}", "en": "Imported release {release}"},
    "not_in_dataset": {"fr": "absent de ces données", "en": "not in this data"},
    "level": {"fr": "Niveau", "en": "Level"},
    "level_region": {"fr": "Régions", "en": "Regions"},
    "level_departement": {
        "fr": "Départements (valeur de leur région)",
        "en": "Departments (their region's value)",
    },
    "level_commune": {"fr": "Communes", "en": "Municipalities"},
    "show": {"fr": "Communes : afficher", "en": "Municipalities: show"},
    "show_stratum": {
        "fr": "Valeur de la strate (région × taille)",
        "en": "Value of the stratum (region × size)",
    },
    "show_size": {"fr": "Taille de commune", "en": "Municipality size"},
    "show_upload": {"fr": "Mon fichier (CSV)", "en": "My file (CSV)"},
    "whole_france": {"fr": "Toute la France", "en": "Whole of France"},
    "search": {
        "fr": "Rechercher une commune, un département, une région",
        "en": "Search a municipality, department or region",
    },
    "search_placeholder": {
        "fr": "Nom, code INSEE ou code postal",
        "en": "Name, INSEE code or postcode",
    },
    "see_communes": {"fr": "Voir les communes", "en": "See the municipalities"},
    "see_profile": {"fr": "Voir le profil", "en": "See the profile"},
    "selected": {"fr": "Territoire choisi", "en": "Selected territory"},
    "upload_prompt": {
        "fr": "Déposer un CSV (code INSEE ; valeur) ou cliquer pour choisir",
        "en": "Drop a CSV (INSEE code; value) or click to choose",
    },
    "upload_summary": {
        "fr": "{file} : {good} lignes jointes, {bad} lignes écartées",
        "en": "{file}: {good} rows joined, {bad} rows set aside",
    },
    "upload_private": {
        "fr": "Le fichier reste dans votre navigateur ; il n'est pas conservé sur le serveur.",
        "en": "The file stays in your browser; it is not kept on the server.",
    },
    "loading_map": {"fr": "Chargement de la carte…", "en": "Loading the map…"},
    "territory_col": {"fr": "Territoire", "en": "Territory"},
    "interval_col": {"fr": "IC 95 %", "en": "95% CI"},
    "n_col": {"fr": "n", "en": "n"},
    "n_eff_col": {"fr": "n effectif", "en": "effective n"},
    "significance_col": {"fr": "Écart à la France", "en": "Versus France"},
}


def labelled(key: str, lang: str = "fr") -> str:
    """A label followed by a colon, spaced as each language writes it ("Source : " / "Source: ")."""
    return t(key, lang) + (" : " if lang == "fr" else ": ")


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The interface string ``key`` in ``lang`` (French when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang, entry["fr"])
    return text.format(**values) if values else text
