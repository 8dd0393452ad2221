"""What is known, at a glance: the coverage view of the published figures (Carte, Données) and
the sentence that says what a region has."""

TEXT: dict[str, dict[str, str]] = {
    "known_title": {"fr": "Ce qui est publié", "en": "What is published"},
    "known_summary": {
        "fr": "{programme} : {national} ; {regional}",
        "en": "{programme}: {national}; {regional}",
    },
    "known_national_one": {"fr": "{n} chiffre national", "en": "{n} national figure"},
    "known_national_many": {"fr": "{n} chiffres nationaux", "en": "{n} national figures"},
    "known_regional_one": {
        "fr": "{n} chiffre régional, pour {regions} région sur {total}",
        "en": "{n} regional figure, for {regions} region of {total}",
    },
    "known_regional_many": {
        "fr": "{n} chiffres régionaux, pour {regions} régions sur {total}",
        "en": "{n} regional figures, for {regions} regions of {total}",
    },
    "known_regional_many_one_region": {
        "fr": "{n} chiffres régionaux, pour {regions} région sur {total}",
        "en": "{n} regional figures, for {regions} region of {total}",
    },
    "known_no_regional": {"fr": "aucun chiffre régional", "en": "no regional figure"},
    "known_caption": {
        "fr": "Chiffres publiés, par territoire et par acteur",
        "en": "Published figures, by territory and actor",
    },
    "known_how_to_read": {
        "fr": "Dans chaque case : le nombre de chiffres publiés, qui ouvre une vue montrant l'un "
        "d'eux, leurs familles d'indicateurs et la date de la source la plus récente. Chaque "
        "territoire ouvre sa page.",
        "en": "In each cell: the number of published figures, which opens a view showing one of "
        "them, their families of indicator and the date of the latest source. Each territory "
        "opens its page.",
    },
    "known_territory": {"fr": "Territoire", "en": "Territory"},
    "known_families": {"fr": "Familles d'indicateurs", "en": "Families of indicator"},
    # English: "M" for mean, as "S" would spell a swear word beside H, I and T in a cell
    "known_shared_note": {
        "fr": "* dont des chiffres publiés pour plusieurs régions ensemble, comptés dans chacune.",
        "en": "* including figures published for several regions together, counted in each.",
    },
    "known_elsewhere": {"fr": "Autres programmes — ", "en": "Other programmes — "},
    "known_elsewhere_item": {"fr": "{programme} : {figures}", "en": "{programme}: {figures}"},
    "known_regional_figures_one": {"fr": "{n} chiffre régional", "en": "{n} regional figure"},
    "known_regional_figures_many": {"fr": "{n} chiffres régionaux", "en": "{n} regional figures"},
    "known_cell_label": {
        "fr": "{territory}, {actor} : {figures} ; ouvrir une vue qui en montre un",
        "en": "{territory}, {actor}: {figures}; open a view showing one",
    },
    "known_figures_one": {"fr": "{n} chiffre publié", "en": "{n} published figure"},
    "known_figures_many": {"fr": "{n} chiffres publiés", "en": "{n} published figures"},
    "known_latest": {"fr": "source la plus récente", "en": "latest source"},
    "known_some_one": {
        "fr": "{n} chiffre régional publié pour {region} : {actors}.",
        "en": "{n} regional figure published for {region}: {actors}.",
    },
    "known_some_many": {
        "fr": "{n} chiffres régionaux publiés pour {region} : {actors}.",
        "en": "{n} regional figures published for {region}: {actors}.",
    },
    "known_none": {
        "fr": "Aucun chiffre régional publié pour {region} ; voici {link}.",
        "en": "No regional figure published for {region}; here is {link}.",
    },
    "known_none_here": {
        "fr": "Aucun chiffre régional publié pour {region} dans ce programme ; voici {link}.",
        "en": "No regional figure published for {region} in this programme; here is {link}.",
    },
    "known_national_link": {
        "fr": "ce que disent les enquêtes nationales",
        "en": "what the national surveys say",
    },
    "known_data_intro": {
        "fr": "Combien de chiffres les sources publient, pour quel territoire et quel acteur : "
        "le tableau est calculé à partir du fichier des chiffres publiés, jamais saisi à la main. "
        "La plupart sont nationaux ; une région sans chiffre publié se lit « non publié » et, "
        "choisie sur la carte, renvoie aux enquêtes nationales. Un chiffre publié pour deux "
        "régions ensemble est compté dans chacune. Un tableau par programme d'études : les "
        "enquêtes PHARE de 2015-2016 et celles d'IMPACT ne posent pas les mêmes questions.",
        "en": "How many figures the sources publish, for which territory and which actor: the "
        "table is computed from the file of published figures, never typed in. Most are "
        "national; a region with no published figure reads 'not published' and, chosen on the "
        "map, points to the national surveys. A figure published for two regions together is "
        "counted in each. One table per survey programme: the PHARE surveys of 2015-2016 and "
        "IMPACT's do not ask the same questions.",
    },
    "known_published_only": {
        "fr": "Ce tableau ne porte que sur les chiffres publiés : ",
        "en": "This table covers the published figures only: ",
    },
    "known_see_published": {
        "fr": "le voir pour les chiffres publiés",
        "en": "see it for the published figures",
    },
}
