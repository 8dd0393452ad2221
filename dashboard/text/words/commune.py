"""Ma commune (``/commune/<insee>``): finding a commune, its stratum, its region."""

TEXT: dict[str, dict[str, str]] = {
    "commune_region_estimates": {
        "fr": "Profil de sa région, {region} : estimations régionales, pas des résultats de la "
        "commune",
        "en": "Profile of its region, {region}: regional estimates, not results for the "
        "municipality",
    },
    "commune_page": {"fr": "Ma commune", "en": "My municipality"},
    "commune_search": {"fr": "Trouver ma commune", "en": "Find my municipality"},
    "commune_search_placeholder": {
        "fr": "Nom, ancien nom, code postal ou code INSEE",
        "en": "Name, former name, postcode or INSEE code",
    },
    "commune_intro": {
        "fr": "Les enquêtes PHARE ne donnent aucun résultat par commune. Cette page situe la "
        "commune et montre les valeurs de sa strate (région × taille de commune) et de sa "
        "région : des estimations régionales, jamais des résultats de la commune.",
        "en": "The PHARE surveys give no result for a single municipality. This page locates "
        "the municipality and shows the values of its stratum (region × municipality size) and "
        "of its region: regional estimates, never results for the municipality.",
    },
    "commune_insee_code": {"fr": "Code INSEE", "en": "INSEE code"},
    "commune_department": {"fr": "Département", "en": "Department"},
    "commune_population": {
        "fr": "Population municipale (référentiel des communes)",
        "en": "Municipal population (reference table of municipalities)",
    },
    "commune_size_note": {
        "fr": "Classe calculée sur la population du référentiel des communes ; l'enquête "
        "PHARE-Institutions classait les communes selon leur population municipale {year}.",
        "en": "Class computed from the population of the reference table; the PHARE-Institutions "
        "survey classed municipalities by their {year} municipal population.",
    },
    "commune_size_unknown": {
        "fr": "population inconnue : strate non déterminée",
        "en": "population unknown: stratum not determined",
    },
    "commune_locator_heading": {"fr": "Où se trouve la commune", "en": "Where it is"},
    "commune_locator_text": {
        "fr": "{commune} ({code}) : département {department} ({department_code}), région "
        "{region}, {population}.",
        "en": "{commune} ({code}): department {department} ({department_code}), region "
        "{region}, {population}.",
    },
    "commune_inhabitants": {"fr": "{n} habitants", "en": "{n} inhabitants"},
    "commune_stratum_heading": {
        "fr": "Les maires de sa strate : {region} × {size}",
        "en": "Mayors of its stratum: {region} × {size}",
    },
    "commune_stratum_explained": {
        "fr": "Les maires ont été interrogés par région et par taille de commune. Les valeurs "
        "ci-dessous sont celles des maires interrogés de la strate, pas des résultats de la "
        "commune.",
        "en": "Mayors were surveyed by region and municipality size. The values below are those "
        "of the mayors surveyed in the stratum, not results for the municipality.",
    },
    "commune_stratum_none": {
        "fr": "Ces données ne donnent aucune valeur pour cette strate.",
        "en": "This data gives no value for this stratum.",
    },
    "commune_links": {"fr": "Aller plus loin", "en": "Go further"},
    "commune_region_profile": {
        "fr": "Profil de la région {region}",
        "en": "Profile of the region {region}",
    },
    "commune_region_map": {
        "fr": "Carte des communes de la région",
        "en": "Map of the region's municipalities",
    },
    "commune_compare": {
        "fr": "Comparer {region} et la France",
        "en": "Compare {region} and France",
    },
    "commune_found_code": {"fr": "code INSEE", "en": "INSEE code"},
    "commune_found_ancien_code": {"fr": "ancien code", "en": "former code"},
    "commune_found_code_postal": {"fr": "code postal", "en": "postcode"},
    "commune_found_commune_deleguee": {"fr": "commune déléguée", "en": "delegated commune"},
    "commune_found_commune_associee": {"fr": "commune associée", "en": "associated commune"},
    "commune_found_arrondissement": {
        "fr": "arrondissement municipal",
        "en": "municipal arrondissement",
    },
}
