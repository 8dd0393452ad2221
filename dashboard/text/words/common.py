"""Words every screen shares: the app's name, navigation, filters' names, values, statuses."""

TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "fr": "PHARE – fragilités et alliances en territoire",
        "en": "PHARE – territorial fragilities and alliances",
    },
    "actor": {"fr": "Acteur interrogé", "en": "Respondents"},
    "study": {"fr": "Programme d'études", "en": "Survey programme"},
    "segment": {"fr": "Segment", "en": "Segment"},
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "fragility": {"fr": "Fragilité", "en": "Fragility"},
    "classes": {"fr": "Classes", "en": "Classes"},
    "all_domains": {"fr": "Ensemble des domaines", "en": "All domains"},
    "legend": {"fr": "Légende", "en": "Legend"},
    "not_published": {"fr": "non publié", "en": "not published"},
    "joint": {"fr": "publié pour {names} ensemble", "en": "published for {names} together"},
    "and": {"fr": " et ", "en": " and "},
    "regions_count": {"fr": "{n} rég.", "en": "{n} reg."},
    "source": {"fr": "Source", "en": "Source"},
    "question": {"fr": "Question", "en": "Question"},
    "base": {"fr": "Base", "en": "Base"},
    "base_not_published": {"fr": "effectif non publié", "en": "sample size not published"},
    "respondents": {"fr": "{n} répondants", "en": "{n} respondents"},
    "release": {
        "fr": "Données publiées, version {release}",
        "en": "Published data, release {release}",
    },
    "region": {"fr": "Région", "en": "Region"},
    "value": {"fr": "Valeur", "en": "Value"},
    "status": {"fr": "Statut", "en": "Status"},
    "permalink": {"fr": "Lien vers cette vue", "en": "Link to this view"},
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
    "stratum": {
        "fr": "valeur de la strate {region} × {size}, pas un résultat de la commune",
        "en": "value of the stratum {region} × {size}, not a result for the commune",
    },
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
    "level_commune": {"fr": "Communes", "en": "Municipalities"},
    "show": {"fr": "Communes : afficher", "en": "Municipalities: show"},
    "whole_france": {"fr": "Toute la France", "en": "Whole of France"},
    "search": {
        "fr": "Rechercher une commune, un département, une région",
        "en": "Search a municipality, department or region",
    },
    "upload_prompt": {
        "fr": "Déposer un CSV (code INSEE ; valeur) de {limit} au plus, ou cliquer pour choisir",
        "en": "Drop a CSV (INSEE code; value) of up to {limit}, or click to choose",
    },
    "upload_private": {
        "fr": "Le fichier reste dans votre navigateur ; il n'est pas conservé sur le serveur.",
        "en": "The file stays in your browser; it is not kept on the server.",
    },
    "territory_col": {"fr": "Territoire", "en": "Territory"},
    "interval_col": {"fr": "IC 95 %", "en": "95% CI"},
    "n_col": {"fr": "n", "en": "n"},
    "n_eff_col": {"fr": "n effectif", "en": "effective n"},
    "significance_col": {"fr": "Écart à la France", "en": "Versus France"},
    "navigation": {"fr": "Pages du tableau de bord", "en": "Dashboard pages"},
    "nav_map": {"fr": "Carte", "en": "Map"},
    "nav_compare": {"fr": "Comparer", "en": "Compare"},
    "nav_data": {"fr": "Données & méthodologie", "en": "Data & methodology"},
    "profile_intro": {
        "fr": "Ce que citoyens, associations, entreprises et maires de la région disent de leur "
        "territoire, face à la France. ▲ / ▼ : écart significatif à la France (test corrigé de "
        "Holm) ; les rangs sont des fourchettes quand les intervalles se chevauchent.",
        "en": "What the region's citizens, associations, companies and mayors say about their "
        "territory, against France. ▲ / ▼: significant difference from France (Holm-corrected "
        "test); ranks are ranges where intervals overlap.",
    },
    "profile_partnership": {"fr": "Partenariats", "en": "Partnerships"},
    "group": {"fr": "Groupe", "en": "Group"},
    "france": {"fr": "France", "en": "France"},
    "gap": {"fr": "Écart", "en": "Gap"},
    "not_tested": {"fr": "non testé", "en": "not tested"},
    "questions_in_table": {
        "fr": "voir chaque indicateur dans le tableau",
        "en": "see each indicator in the table",
    },
    "share_axis": {"fr": "Part des répondants (%)", "en": "Share of respondents (%)"},
    "note": {"fr": "Note de la source", "en": "Source's note"},
    "rank_of": {"fr": "{rank} sur {n}", "en": "{rank} of {n}"},
    "caution_short": {"fr": "prudence", "en": "caution"},
    "above_france": {"fr": "au-dessus de la France", "en": "above France"},
    "below_france": {"fr": "en dessous de la France", "en": "below France"},
    "no_difference": {"fr": "pas d'écart significatif", "en": "no significant difference"},
    "respondents_by_row": {
        "fr": "de {low} à {high} répondants selon la ligne",
        "en": "{low} to {high} respondents depending on the row",
    },
    "study_label": {"fr": "Étude", "en": "Study"},
    "code_col": {"fr": "Code", "en": "Code"},
    "unit_col": {"fr": "Unité", "en": "Unit"},
    "ci_low_col": {"fr": "IC 95 % bas", "en": "95% CI low"},
    "ci_high_col": {"fr": "IC 95 % haut", "en": "95% CI high"},
    "joint_col": {"fr": "Publié ensemble", "en": "Published jointly"},
    "study_col": {"fr": "Étude", "en": "Study"},
    "yes": {"fr": "oui", "en": "yes"},
    "not_stated": {"fr": "non précisé par la source", "en": "not stated by the source"},
    "credit_contours": {"fr": "Contours", "en": "Boundaries"},
    "commune_size_class": {
        "fr": "Taille de commune (strate de l'enquête des maires)",
        "en": "Municipality size (stratum of the mayors' survey)",
    },
    "commune_estimated": {"fr": "estimé", "en": "estimated"},
    "release_col": {"fr": "Version des données", "en": "Data release"},
    "date": {"fr": "Date", "en": "Date"},
    "simulated_col": {"fr": "Données simulées", "en": "Simulated data"},
    "link_col": {"fr": "Lien vers la vue", "en": "Link to the view"},
    "no": {"fr": "non", "en": "no"},
    "copied": {"fr": "Copié dans le presse-papiers", "en": "Copied to the clipboard"},
    "notice_release_replaced": {
        "fr": "Version des données remplacée : le lien demandait la version « {value} », qui "
        "n'est plus en ligne ; la version actuelle « {default} » est affichée.",
        "en": "Data release replaced: the link asked for release '{value}', which is no longer "
        "served; the current release '{default}' is shown.",
    },
    "simulated_source": {"fr": "données simulées", "en": "simulated data"},
    "quoted": {"fr": "« {text} »", "en": "“{text}”"},
    # dcc.Dropdown's own words (its ``labels``), English by default: in the page's language
    "dropdown_search": {"fr": "Rechercher", "en": "Search"},
    "dropdown_clear_search": {"fr": "Effacer la recherche", "en": "Clear search"},
    "dropdown_clear_selection": {"fr": "Effacer la sélection", "en": "Clear selection"},
    "dropdown_select_all": {"fr": "Tout sélectionner", "en": "Select all"},
    "dropdown_deselect_all": {"fr": "Tout désélectionner", "en": "Deselect all"},
    "dropdown_no_options_found": {"fr": "Aucun résultat", "en": "No options found"},
    "nav_analyse": {"fr": "Analyse sur mesure", "en": "Custom analysis"},
    "notice_not_applicable": {
        "fr": "Le paramètre « {name} » = « {value} » ne s'applique pas à ce tableau : "
        "« {default} » est utilisé.",
        "en": "Parameter '{name}' = '{value}' does not apply to this table: '{default}' is used.",
    },
    "notice_no_value": {
        "fr": "Aucune valeur publiée pour « {value} » dans ces territoires : « {default} » est "
        "affiché à la place.",
        "en": "No value published for '{value}' in these territories: '{default}' is shown "
        "instead.",
    },
    "no_value_see_france": {
        "fr": "Voir la page France",
        "en": "See the France page",
    },
}
