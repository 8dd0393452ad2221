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
}


def labelled(key: str, lang: str = "fr") -> str:
    """A label followed by a colon, spaced as each language writes it ("Source : " / "Source: ")."""
    return t(key, lang) + (" : " if lang == "fr" else ": ")


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The interface string ``key`` in ``lang`` (French when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang, entry["fr"])
    return text.format(**values) if values else text
