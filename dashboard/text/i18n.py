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
    "map_updating": {"fr": "Mise à jour de la carte…", "en": "Updating the map…"},
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
        "fr": "Déposer un CSV (code INSEE ; valeur) de {limit} au plus, ou cliquer pour choisir",
        "en": "Drop a CSV (INSEE code; value) of up to {limit}, or click to choose",
    },
    # {file} and {size} are filled in the browser (assets/upload_limit.js), {limit} on the server
    "upload_too_large": {
        "fr": "Fichier trop lourd : {file} fait {size} ; la limite est de {limit}. "
        "Il n'a pas été envoyé.",
        "en": "File too large: {file} is {size}; the limit is {limit}. It was not sent.",
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
    "navigation": {"fr": "Pages du tableau de bord", "en": "Dashboard pages"},
    "nav_map": {"fr": "Carte", "en": "Map"},
    "nav_compare": {"fr": "Comparer", "en": "Compare"},
    "nav_data": {"fr": "Données & méthodologie", "en": "Data & methodology"},
    # Profils (region profile, Comparer)
    "profile_title": {"fr": "Profil de région : {region}", "en": "Region profile: {region}"},
    "profile_intro": {
        "fr": "Ce que citoyens, associations, entreprises et maires de la région disent de leur "
        "territoire, face à la France. ▲ / ▼ : écart significatif à la France (test corrigé de "
        "Holm) ; les rangs sont des fourchettes quand les intervalles se chevauchent.",
        "en": "What the region's citizens, associations, companies and mayors say about their "
        "territory, against France. ▲ / ▼: significant difference from France (Holm-corrected "
        "test); ranks are ranges where intervals overlap.",
    },
    "profile_fragilities": {
        "fr": "Les 16 fragilités, par acteur",
        "en": "The 16 fragilities, by actor",
    },
    "profile_crossed": {"fr": "Regard croisé des acteurs", "en": "The actors' views side by side"},
    "profile_gaps": {
        "fr": "Écarts de perception entre acteurs",
        "en": "Gaps in perception between actors",
    },
    "profile_partnership": {"fr": "Partenariats", "en": "Partnerships"},
    "profile_mayors": {"fr": "Les maires", "en": "Mayors"},
    "table_of": {"fr": "Valeurs du graphique : {what}", "en": "Values of the chart: {what}"},
    "group": {"fr": "Groupe", "en": "Group"},
    "france": {"fr": "France", "en": "France"},
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
    "gap": {"fr": "Écart", "en": "Gap"},
    "significance_col_gap": {"fr": "Écart significatif", "en": "Significant gap"},
    "significant_gap": {
        "fr": "* oui (test corrigé de Holm)",
        "en": "* yes (Holm-corrected test)",
    },
    "no_gap_shown": {"fr": "non", "en": "no"},
    "not_tested": {"fr": "non testé", "en": "not tested"},
    "questions_in_table": {
        "fr": "voir chaque indicateur dans le tableau",
        "en": "see each indicator in the table",
    },
    "share_axis": {"fr": "Part des répondants (%)", "en": "Share of respondents (%)"},
    "note": {"fr": "Note de la source", "en": "Source's note"},
    "rank": {"fr": "Rang", "en": "Rank"},
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
    "profile_back_to_map": {"fr": "Retour à la carte", "en": "Back to the map"},
    "compare_with_france": {
        "fr": "Comparer avec la France et d'autres régions",
        "en": "Compare with France and other regions",
    },
    "see_data": {"fr": "Données et méthodologie", "en": "Data and methodology"},
    "commune_region_estimates": {
        "fr": "Profil de sa région, {region} : estimations régionales, pas des résultats de la "
        "commune",
        "en": "Profile of its region, {region}: regional estimates, not results for the "
        "municipality",
    },
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
    "compare_table": {
        "fr": "Valeurs du graphique (* : écart significatif avec {first})",
        "en": "Values of the chart (*: significant difference from {first})",
    },
    # -- Données & méthodologie (/donnees) --
    "data_intro": {
        "fr": "Le tableau derrière la vue de la carte, les études, la question, les règles "
        "appliquées, les licences et la version des données.",
        "en": "The table behind the map view, the studies, the question, the rules applied, "
        "licences and the data release.",
    },
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
    "code_col": {"fr": "Code", "en": "Code"},
    "unit_col": {"fr": "Unité", "en": "Unit"},
    "ci_low_col": {"fr": "IC 95 % bas", "en": "95% CI low"},
    "ci_high_col": {"fr": "IC 95 % haut", "en": "95% CI high"},
    "joint_col": {"fr": "Publié ensemble", "en": "Published jointly"},
    "study_col": {"fr": "Étude", "en": "Study"},
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
    "yes": {"fr": "oui", "en": "yes"},
    "not_stated": {"fr": "non précisé par la source", "en": "not stated by the source"},
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
    "credit_contours": {"fr": "Contours", "en": "Boundaries"},
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
    "commune_size_class": {
        "fr": "Taille de commune (strate de l'enquête des maires)",
        "en": "Municipality size (stratum of the mayors' survey)",
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
    "commune_estimated": {"fr": "estimé", "en": "estimated"},
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
    # -- Share, embed, export --
    "release_col": {"fr": "Version des données", "en": "Data release"},
    "date": {"fr": "Date", "en": "Date"},
    "simulated_col": {"fr": "Données simulées", "en": "Simulated data"},
    "link_col": {"fr": "Lien vers la vue", "en": "Link to the view"},
    "no": {"fr": "non", "en": "no"},
    "share_title": {"fr": "Partager et exporter cette vue", "en": "Share and export this view"},
    "open_full_view": {
        "fr": "Ouvrir la vue complète sur PHARE ↗",
        "en": "Open the full view on PHARE ↗",
    },
    "copy_link": {"fr": "Copier le lien", "en": "Copy the link"},
    "copy_code": {"fr": "Copier le code", "en": "Copy the code"},
    "copied": {"fr": "Copié dans le presse-papiers", "en": "Copied to the clipboard"},
    "embed_button": {"fr": "Intégrer", "en": "Embed"},
    "embed_title": {"fr": "Intégrer cette vue", "en": "Embed this view"},
    "embed_help": {
        "fr": "Collez ce code dans votre page : la vue s'affiche sans les filtres, avec sa "
        "légende, sa source et un lien vers la vue complète ; sa hauteur s'ajuste seule.",
        "en": "Paste this code into your page: the view shows without the filters, with its "
        "legend, source and a link to the full view; its height adjusts itself.",
    },
    "embed_code_label": {"fr": "Code d'intégration (HTML)", "en": "Embed code (HTML)"},
    "export_images": {"fr": "Image :", "en": "Image:"},
    "export_tables": {"fr": "Données :", "en": "Data:"},
    "export_png_16_9": {"fr": "PNG 16:9", "en": "PNG 16:9"},
    "export_png_4_3": {"fr": "PNG 4:3", "en": "PNG 4:3"},
    "export_svg": {"fr": "SVG", "en": "SVG"},
    "export_csv_fr": {"fr": "CSV pour Excel", "en": "CSV for French Excel"},
    "export_csv_standard": {"fr": "CSV standard", "en": "Standard CSV"},
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
    "notice_release_replaced": {
        "fr": "Version des données remplacée : le lien demandait la version « {value} », qui "
        "n'est plus en ligne ; la version actuelle « {default} » est affichée.",
        "en": "Data release replaced: the link asked for release '{value}', which is no longer "
        "served; the current release '{default}' is shown.",
    },
    # -- English completeness --
    "simulated_source": {"fr": "données simulées", "en": "simulated data"},
    "quoted": {"fr": "« {text} »", "en": "“{text}”"},
    "page_region": {"fr": "Profil de région", "en": "Region profile"},
    "upload_row": {"fr": "ligne {row}", "en": "line {row}"},
    "upload_problem_foreign_zip": {
        "fr": "contenu de type classeur Excel (.xlsx) ou archive ZIP, pas un CSV : "
        "enregistrez-le au format CSV",
        "en": "an Excel workbook (.xlsx) or ZIP archive, not a CSV: save it as CSV",
    },
    "upload_problem_foreign_parquet": {
        "fr": "contenu de type fichier Parquet, pas un CSV : enregistrez-le au format CSV",
        "en": "a Parquet file, not a CSV: save it as CSV",
    },
    "upload_problem_binary": {
        "fr": "fichier binaire, pas du texte (octet {byte})",
        "en": "binary file, not text (byte {byte})",
    },
    "upload_problem_empty": {"fr": "fichier vide", "en": "empty file"},
    "upload_problem_no_delimiter": {
        "fr": "une seule colonne : séparez le code INSEE et la valeur par « ; », « , » ou une "
        "tabulation",
        "en": "a single column: separate the INSEE code and the value with ';', ',' or a tab",
    },
    "upload_problem_too_many_rows": {"fr": "plus de {n} lignes", "en": "more than {n} rows"},
    "upload_problem_unreadable": {
        "fr": "CSV illisible, guillemets mal placés ({error})",
        "en": "unreadable CSV, misplaced quotes ({error})",
    },
    "upload_problem_extension": {
        "fr": "seuls les fichiers .csv ou .txt sont acceptés",
        "en": "only .csv or .txt files are accepted",
    },
    "upload_problem_not_base64": {
        "fr": "contenu illisible (pas un envoi base64)",
        "en": "unreadable content (not a base64 upload)",
    },
    "upload_problem_bad_base64": {
        "fr": "contenu illisible (base64 invalide)",
        "en": "unreadable content (invalid base64)",
    },
    "upload_problem_too_large": {
        "fr": "environ {size} octets, au-delà de la limite de {limit} octets",
        "en": "about {size} bytes, over the limit of {limit} bytes",
    },
    "upload_problem_over_limit": {
        "fr": "au-delà de la limite de {limit} octets",
        "en": "over the limit of {limit} bytes",
    },
    "upload_problem_unknown_codes": {
        "fr": "plus de {n} codes INSEE inconnus : la première colonne doit contenir des codes "
        "de communes",
        "en": "more than {n} unknown INSEE codes: the first column must hold municipality codes",
    },
    "upload_problem_no_rows": {"fr": "aucune ligne de données", "en": "no data rows"},
    "upload_column": {"fr": ", colonne {column}", "en": ", column {column}"},
    "upload_missing_code": {"fr": "code INSEE manquant", "en": "INSEE code missing"},
    "upload_bad_code": {
        "fr": "code INSEE mal formé : 5 caractères attendus, comme 01001 ou 2A004",
        "en": "malformed INSEE code: 5 characters expected, like 01001 or 2A004",
    },
    "upload_unknown_code": {"fr": "code INSEE inconnu", "en": "unknown INSEE code"},
    "upload_missing_value": {"fr": "valeur manquante", "en": "value missing"},
    "upload_not_a_number": {"fr": "valeur non numérique", "en": "value not a number"},
    "upload_not_finite": {
        "fr": "valeur infinie ou indéfinie (NaN)",
        "en": "infinite or undefined value (NaN)",
    },
    "upload_extra_column": {
        "fr": "colonne en trop : deux colonnes attendues, code INSEE et valeur",
        "en": "extra column: two columns expected, INSEE code and value",
    },
    "upload_duplicate": {
        "fr": "code en double : même commune ({code} {name}) que la ligne {first}",
        "en": "duplicate code: same municipality ({code} {name}) as line {first}",
    },
    "upload_not_drawn": {
        "fr": "commune absente de la carte : {code} {name}",
        "en": "municipality not on the map: {code} {name}",
    },
    "upload_former_code": {
        "fr": "{found_by} {given} → {code} ({name})",
        "en": "{found_by} {given} → {code} ({name})",
    },
    "upload_header": {"fr": "ligne lue comme en-tête", "en": "line read as a header"},
    "upload_comma_hint": {
        "fr": " (virgule décimale dans un fichier séparé par des virgules ? mettez la valeur "
        "entre guillemets ou séparez les colonnes par « ; »)",
        "en": " (a decimal comma in a comma-separated file? put the value in quotes or separate "
        "the columns with ';')",
    },
    # -- Accessibility --
    # dcc.Dropdown's own words (its ``labels``), English by default: in the page's language
    "dropdown_search": {"fr": "Rechercher", "en": "Search"},
    "dropdown_clear_search": {"fr": "Effacer la recherche", "en": "Clear search"},
    "dropdown_clear_selection": {"fr": "Effacer la sélection", "en": "Clear selection"},
    "dropdown_select_all": {"fr": "Tout sélectionner", "en": "Select all"},
    "dropdown_deselect_all": {"fr": "Tout désélectionner", "en": "Deselect all"},
    "dropdown_no_options_found": {"fr": "Aucun résultat", "en": "No options found"},
    # -- Analyse sur mesure --
    "nav_analyse": {"fr": "Analyse sur mesure", "en": "Custom analysis"},
    "analyse_title": {"fr": "Analyse sur mesure", "en": "Custom analysis"},
    "analyse_intro": {
        "fr": "Croisez deux dimensions des enquêtes PHARE : fragilités, acteurs, segments, "
        "territoires. Chaque case vient des mêmes données que la carte, avec sa source.",
        "en": "Cross two dimensions of the PHARE surveys: fragilities, respondents, segments, "
        "territories. Every cell comes from the same data as the map, with its source.",
    },
    "rows_label": {"fr": "Lignes", "en": "Rows"},
    "cols_label": {"fr": "Colonnes", "en": "Columns"},
    "dim_fragility": {"fr": "Fragilités", "en": "Fragilities"},
    "dim_actor": {"fr": "Acteurs", "en": "Respondents"},
    "dim_segment": {"fr": "Segments", "en": "Segments"},
    "dim_territory": {"fr": "Territoires", "en": "Territories"},
    "territory_filter": {"fr": "Territoire", "en": "Territory"},
    "group_filter": {"fr": "Groupe de fragilités", "en": "Fragility group"},
    "all_groups": {"fr": "Les 16 fragilités", "en": "All 16 fragilities"},
    "analyse_filters": {"fr": "Ce que montre le tableau", "en": "What the table shows"},
    "not_a_dimension": {
        "fr": "indicateur donné pour l'ensemble des domaines",
        "en": "indicator given for all domains together",
    },
    "is_a_dimension": {"fr": "en lignes ou en colonnes", "en": "in rows or columns"},
    "analyse_chart": {"fr": "Graphique", "en": "Chart"},
    "analyse_table": {"fr": "Tableau croisé", "en": "Cross-table"},
    "analyse_table_caption": {
        "fr": "{title}. Chaque case : valeur, intervalle de confiance à 95 % et effectif.",
        "en": "{title}. Each cell: value, 95% confidence interval and sample size.",
    },
    "row_label_col": {"fr": "Ligne", "en": "Row"},
    "group_col": {"fr": "Groupe", "en": "Group"},
    "copy_excel": {"fr": "Copier pour Excel", "en": "Copy for Excel"},
    "test_rest": {
        "fr": "▲ / ▼ : segment significativement au-dessus / au-dessous du reste de son acteur "
        "(test z, échantillons indépendants, correction de Holm dans chaque ligne).",
        "en": "▲ / ▼: segment significantly above / below the rest of its respondents "
        "(z test, independent samples, Holm correction within each row).",
    },
    "test_first": {
        "fr": "▲ / ▼ : écart significatif avec la première colonne ({first}) (test z, "
        "échantillons indépendants, correction de Holm dans chaque ligne). Les acteurs sont "
        "des enquêtes et des populations différentes : les écarts entre leurs scores sont "
        "indicatifs.",
        "en": "▲ / ▼: significant gap with the first column ({first}) (z test, independent "
        "samples, Holm correction within each row). The respondents are different surveys of "
        "different populations: gaps between their scores are indicative.",
    },
    "test_france": {
        "fr": "▲ / ▼ : région significativement au-dessus / au-dessous du reste de la France, "
        "comme sur la carte (test z, correction de Holm sur les 13 régions).",
        "en": "▲ / ▼: region significantly above / below the rest of France, as on the map "
        "(z test, Holm correction over the 13 regions).",
    },
    "test_none": {
        "fr": "Écarts entre colonnes non testés : chiffres publiés sans intervalle, ou mêmes "
        "répondants d'une colonne à l'autre.",
        "en": "Gaps between columns not tested: published figures without an interval, or "
        "the same respondents in every column.",
    },
    "analyse_top3": {
        "fr": "Regard croisé : les 3 premières fragilités de chaque acteur",
        "en": "Side by side: each respondent group's top 3 fragilities",
    },
    "analyse_top3_caption": {
        "fr": "Les trois fragilités aux valeurs les plus élevées dans chaque colonne du tableau.",
        "en": "The three fragilities with the highest values in each column of the table.",
    },
    "analyse_maps": {"fr": "Cartes sur une même échelle", "en": "Maps on one scale"},
    "analyse_maps_help": {
        "fr": "Une carte par {dimension} ; toutes partagent les mêmes classes : une couleur "
        "veut dire la même valeur sur chaque carte.",
        "en": "One map per {dimension}; all share the same classes: a colour means the same "
        "value on every map.",
    },
    "analyse_maps_dropped": {
        "fr": "Au plus {max} cartes : {dropped} ne sont pas cartographiés (voir le tableau).",
        "en": "At most {max} maps: {dropped} are not mapped (see the table).",
    },
    "labels_option": {
        "fr": "Écrire les valeurs sur les régions",
        "en": "Write the values on the regions",
    },
    "row_dimension_col": {"fr": "Dimension en lignes", "en": "Row dimension"},
    "row_col": {"fr": "Ligne", "en": "Row"},
    "column_dimension_col": {"fr": "Dimension en colonnes", "en": "Column dimension"},
    "column_col": {"fr": "Colonne", "en": "Column"},
    "difference_col": {"fr": "Écart entre colonnes", "en": "Difference between columns"},
    "diff_higher": {"fr": "supérieur (significatif)", "en": "higher (significant)"},
    "diff_lower": {"fr": "inférieur (significatif)", "en": "lower (significant)"},
    "notice_not_applicable": {
        "fr": "Le paramètre « {name} » = « {value} » ne s'applique pas à ce tableau : "
        "« {default} » est utilisé.",
        "en": "Parameter '{name}' = '{value}' does not apply to this table: '{default}' is used.",
    },
}


def labelled(key: str, lang: str = "fr") -> str:
    """A label followed by a colon, spaced as each language writes it ("Source : " / "Source: ")."""
    return t(key, lang) + (" : " if lang == "fr" else ": ")


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The interface string ``key`` in ``lang`` (French when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang, entry["fr"])
    return text.format(**values) if values else text
