"""Analyse sur mesure (``/analyse``): the cross-table, its chart, maps and downloads."""

TEXT: dict[str, dict[str, str]] = {
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
    "analyse_no_value": {
        "fr": "Aucune valeur publiée dans ce tableau : ni graphique ni carte. Les chiffres "
        "publiés sont surtout nationaux, par acteur et par fragilité.",
        "en": "No value published in this table: no chart and no map. The published figures "
        "are mostly national, by respondent and fragility.",
    },
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
    "analyse_updating": {"fr": "Mise à jour du tableau…", "en": "Updating the table…"},
}
