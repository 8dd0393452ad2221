"""Données & méthodologie (``/donnees``): the table behind the view, sources, rules."""

TEXT: dict[str, dict[str, str]] = {
    "data_intro": {
        "fr": "Le tableau derrière la vue de la carte, les études, la question, les règles "
        "appliquées, les licences et la version des données.",
        "en": "The table behind the map view, the studies, the question, the rules applied, "
        "licences and the data release.",
    },
    "france_page_title": {"fr": "La page France", "en": "The France page"},
    "france_page_about": {
        "fr": "La plupart des chiffres publiés sont nationaux : la page France les "
        "réunit. Les 16 fragilités y sont notées par chaque acteur sur une même échelle, une "
        "ligne par fragilité et un repère par acteur, chacun nommé avec la population qu'il "
        "représente ; l'ordre suit les groupes ou la note d'un acteur. Les acteurs ont répondu "
        "à des questions différentes, posées à des populations différentes : on compare les "
        "rangs au sein d'un acteur, jamais un écart brut. Une valeur lue sur une source abîmée "
        "est tracée en creux, « lecture incertaine ». Suivent un graphique classé par famille "
        "d'indicateurs et les chiffres clés ; chaque graphique a sa légende (source, terrain, "
        "question, base) et ses fichiers PNG, SVG et CSV.",
        "en": "Most published figures are national: the France page gathers them. "
        "The 16 fragilities are scored there by each actor on one scale, a row per fragility "
        "and a mark per actor, each named with the population it speaks for; the order follows "
        "the groups or one actor's score. The actors answered different questions, asked of "
        "different populations: compare ranks within an actor, never a raw gap. A value read "
        "from a damaged source is drawn open, « uncertain reading ». Then one ranked chart per "
        "family of indicators and the key figures; every chart has its caption (source, "
        "fieldwork, question, base) and its PNG, SVG and CSV files.",
    },
    "france_page_open": {"fr": "Ouvrir la page France", "en": "Open the France page"},
    "back_to_map": {"fr": "← Retour à la carte de cette vue", "en": "← Back to this view's map"},
    "view_table_title": {"fr": "Tableau de la vue", "en": "Table of the view"},
    "download_csv": {
        "fr": "Télécharger le tableau (CSV pour Excel)",
        "en": "Download the table (CSV for French Excel)",
    },
    "csv_note": {
        "fr": "Chaque ligne porte sa valeur, son intervalle, ses bases et son statut, avec "
        "l'indicateur, la question, la source, la version des données et le lien de la vue. "
        "Pour Excel en français : UTF-8, « ; » et virgule décimale ; standard : « , » et point "
        "décimal.",
        "en": "Each row carries its value, interval, bases and status, with the indicator, "
        "question, source, data release and the view's link. For French Excel: UTF-8, ';' and "
        "decimal comma; standard: ',' and decimal point.",
    },
    "download_csv_standard": {
        "fr": "Télécharger en CSV standard (« , », point décimal)",
        "en": "Download as standard CSV (',', decimal point)",
    },
    "sig_above": {"fr": "au-dessus de la France", "en": "above France"},
    "sig_below": {"fr": "en dessous de la France", "en": "below France"},
    "sig_none": {"fr": "pas d'écart significatif", "en": "no significant difference"},
    "studies_title": {"fr": "Études", "en": "Studies"},
    "population_col": {"fr": "Population", "en": "Population"},
    "fieldwork_col": {"fr": "Terrain", "en": "Fieldwork"},
    "sample_col": {"fr": "Échantillon", "en": "Sample"},
    "institute_col": {"fr": "Institut", "en": "Institute"},
    "method_col": {"fr": "Méthode", "en": "Method"},
    "in_view_col": {"fr": "Dans cette vue", "en": "In this view"},
    "method_simulated": {
        "fr": "Données simulées : tirage aléatoire reproductible calibré sur les chiffres "
        "publiés ; estimations pondérées",
        "en": "Simulated data: reproducible random draw calibrated on the published figures; "
        "weighted estimates",
    },
    "method_microdata": {
        "fr": "Microdonnées importées : estimations pondérées",
        "en": "Imported microdata: weighted estimates",
    },
    "question_title": {"fr": "Question posée", "en": "Question asked"},
    "question_paraphrase": {
        "fr": "Formulation résumée d'après les sources (leur texte exact n'est pas reproduit).",
        "en": "Wording summarised from the sources (their exact text is not reproduced).",
    },
    "question_codes": {
        "fr": "Numéro de la question dans les sources : {codes}",
        "en": "Question number in the sources: {codes}",
    },
    "rules_title": {"fr": "Règles appliquées", "en": "Rules applied"},
    "rule_suppression_title": {"fr": "Seuils de base", "en": "Base thresholds"},
    "rule_suppression": {
        "fr": "Estimations sur microdonnées : une case dont la base effective (Kish, "
        "n effectif = (Σw)² / Σw²) est inférieure à {min_base} est supprimée (« base "
        "insuffisante »), jamais remplacée par 0 ; sous {caution_base}, elle est signalée « à "
        "interpréter avec prudence ». Les chiffres publiés sont repris tels que la source les "
        "donne, avec leur base quand elle est publiée.",
        "en": "Estimates from microdata: a cell whose effective base (Kish, "
        'effective n = (Σw)² / Σw²) is below {min_base} is suppressed ("base too small"), '
        'never replaced by 0; below {caution_base} it is flagged "interpret with caution". '
        "Published figures are shown as the source gives them, with their base when published.",
    },
    "rule_interval_title": {"fr": "Intervalles de confiance", "en": "Confidence intervals"},
    "rule_interval": {
        "fr": "Intervalle à 95 % : pour une part, intervalle de Wilson calculé sur la base "
        "effective ; pour une moyenne, moyenne ± 1,96 × erreur type (variance linéarisée). "
        "Indicatifs : les échantillons sont construits par quotas. Les chiffres publiés n'ont "
        "pas d'intervalle.",
        "en": "95% interval: for a share, a Wilson interval on the effective base; for a mean, "
        "mean ± 1.96 × standard error (linearised variance). Indicative: the samples are quota "
        "samples. Published figures have no interval.",
    },
    "rule_multiple_title": {"fr": "Comparaisons multiples", "en": "Multiple comparisons"},
    "rule_multiple": {
        "fr": "Une région diffère significativement du reste de la France quand un test z sur "
        "l'écart, corrigé par la méthode de Holm sur les 13 régions d'une même vue, le dit au "
        "seuil de 5 %.",
        "en": "A region differs significantly from the rest of France when a z test on the "
        "difference, Holm-corrected across the 13 regions of one view, says so at the 5% level.",
    },
    "rule_conflict_title": {
        "fr": "Valeurs publiées en conflit",
        "en": "Conflicting published values",
    },
    "rule_conflict": {
        "fr": "Quand une case a plusieurs valeurs publiées, la confiance la plus élevée "
        "l'emporte, puis la date de source la plus récente, puis la première ligne du fichier ; "
        "les autres restent dans les données. Dans cette vue : {count}.",
        "en": "When a cell has several published values, the highest confidence wins, then the "
        "latest source date, then the first row of the file; the others stay in the data. In "
        "this view: {count}.",
    },
    "conflict_none": {"fr": "aucune valeur écartée", "en": "no value set aside"},
    "conflict_one": {"fr": "1 valeur écartée", "en": "1 value set aside"},
    "conflict_many": {"fr": "{n} valeurs écartées", "en": "{n} values set aside"},
    "rule_missing_title": {"fr": "Valeurs manquantes", "en": "Missing values"},
    "rule_missing": {
        "fr": "Une case jamais publiée reste « non publié » : ni interpolée, ni remplacée par la "
        "valeur nationale ou par 0. Un chiffre publié pour plusieurs régions ensemble est "
        "montré sur chacune et compté une fois dans les classes de la carte.",
        "en": 'A cell never published stays "not published": never interpolated, nor replaced '
        "by the national value or by 0. A figure published for several regions together is "
        "shown on each and counted once in the map's classes.",
    },
    "rule_communes_title": {"fr": "La carte des communes", "en": "The municipality map"},
    "rule_communes": {
        "fr": "Les enquêtes ne donnent aucun résultat par commune. Les maires ont été interrogés "
        "par région et par taille de commune : là où les données ont une valeur pour cette strate "
        "(région × taille), chaque commune de la strate la montre, présentée comme la valeur de "
        "la strate, et la page de la commune donne la même. Ailleurs, et pour les autres "
        "acteurs, la commune n'est qu'un contour (« sans valeur pour la commune ») et la "
        "valeur de la région est donnée une fois, sous la carte : peinte sur "
        "chaque commune, elle se lirait comme le résultat de chacune.",
        "en": "The surveys give no result for a municipality. Mayors were sampled by region and "
        "municipality size: where the data have a value for that stratum (region × size), every "
        "municipality of the stratum shows it, presented as the stratum's value, and the "
        "municipality's page gives the same one. Elsewhere, and for the other actors, the "
        'municipality is an outline only ("no value for the municipality") and '
        "the region's value is given once, under the map: painted on every municipality, it "
        "would read as each one's result.",
    },
    "licences_title": {"fr": "Licences et attributions", "en": "Licences and attributions"},
    "what_col": {"fr": "Données", "en": "Data"},
    "attribution_col": {"fr": "Attribution", "en": "Attribution"},
    "licence_col": {"fr": "Licence", "en": "Licence"},
    "credit_figures": {"fr": "Chiffre publié", "en": "Published figure"},
    "licence_quoted": {
        "fr": "chiffre cité d'un document public, avec attribution",
        "en": "figure quoted from a public document, with attribution",
    },
    "credit_simulated": {"fr": "Données simulées", "en": "Simulated data"},
    "licence_simulated": {
        "fr": "produites par ce tableau de bord (phare/simulate.py), sans valeur d'enquête",
        "en": "produced by this dashboard (phare/simulate.py), not survey results",
    },
    "credit_microdata": {"fr": "Microdonnées importées", "en": "Imported microdata"},
    "credit_communes": {"fr": "Référentiel des communes", "en": "Commune reference table"},
    "release_title": {"fr": "Version des données", "en": "Data release"},
    "release_published": {
        "fr": "Chiffres publiés : version {release} ({rows} lignes, SHA-256 {sha})",
        "en": "Published figures: release {release} ({rows} rows, SHA-256 {sha})",
    },
    "release_microdata": {
        "fr": "{label} : version {release} ({rows} répondants)",
        "en": "{label}: release {release} ({rows} respondents)",
    },
    "release_geometry": {
        "fr": "Géométrie : construction {build}",
        "en": "Geometry: build {build}",
    },
    "rule_classes_title": {"fr": "Classes de la carte", "en": "Map classes"},
    "rule_classes": {
        "fr": "Par défaut, les classes de la carte suivent les données estimées : des seuils "
        "naturels (Fisher-Jenks) arrondis, jamais plus proches l'un de l'autre que la "
        "demi-largeur médiane des intervalles de confiance à 95\u00a0% des valeurs régionales, "
        "pour que deux couleurs ne séparent pas des valeurs que l'enquête ne distingue pas. "
        "Il y a au moins trois classes dès que cinq valeurs distinctes s'étalent sur plus de "
        "deux demi-largeurs ; en deçà, la légende dit que les écarts restent dans la précision "
        "de l'enquête. Les chiffres publiés, sans intervalle, gardent l'échelle complète, ou "
        "leurs valeurs exactes quand elles sont moins nombreuses que les classes. L'échelle "
        "complète (classes égales de 0 à 100\u00a0% ou de 1 à 10) reste à un choix dans le menu "
        "«\u00a0Classes\u00a0». La légende dit l'échelle montrée et compte les régions "
        "significativement au-dessus ou en dessous de la France, et celles sans écart "
        "significatif (test corrigé par la méthode de Holm, ci-dessus) ; sur la carte des "
        "départements, ce sont toujours des régions.",
        "en": "By default the map's classes follow estimated data: rounded natural breaks "
        "(Fisher-Jenks), never closer together than the median half-width of the regional "
        "values' 95% confidence intervals, so that two colours do not separate values the "
        "survey cannot tell apart. There are at least three classes whenever five distinct "
        "values spread over more than two half-widths; below that, the legend says the "
        "differences are within the survey's precision. Published figures, which have no "
        "interval, keep the full scale, or their exact values when there are fewer of them than "
        "classes. The full scale (equal classes from 0 to 100% or 1 to 10) stays one choice "
        'away in the "Classes" menu. The legend names the scale shown and counts the regions '
        "significantly above or below France and those with no significant difference (the "
        "Holm-corrected test above); on the department map, these are still regions.",
    },
}
