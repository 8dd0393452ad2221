"""Ma commune's pure parts: the commune, its size class, its stratum's values, the search box."""

import pytest

from dashboard.core.state import AppState
from dashboard.views.carte_communes import size_classes
from dashboard.views.commune import (
    STRATUM_INDICATORS,
    commune_facts,
    commune_options,
    commune_profile,
    locator_text,
    profile_links,
    size_class,
    size_note,
    stratum_rows,
)

NBSP = "\u00a0"  # before % (Babel, fr)
THIN = "\u202f"  # thousands separator (Babel, fr)
PRANLES, BELLEVILLE = "07184", "69019"  # 499 inhabitants; 14 016, merged in 2019
SAINT_JEAN_D_ARDIERES = "69211"  # former code: merged into Belleville-en-Beaujolais in 2019


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (0, "moins_500"),
        (499, "moins_500"),
        (500, "500_1999"),
        (1999, "500_1999"),
        (2000, "2000_9999"),
        (9999, "2000_9999"),
        (10000, "10000_plus"),
        (2_133_111, "10000_plus"),
        (None, None),
    ],
)
def test_the_size_class_holds_the_population_between_its_bounds(context, population, expected):
    found = size_class(size_classes(context), population)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    ("code", "population", "size"),
    [
        (PRANLES, 499, "moins_500"),
        ("05075", 500, "500_1999"),  # Manteyer
        ("29091", 1999, "500_1999"),  # Kerlouan
        ("12199", 2000, "2000_9999"),  # Rignac
        (BELLEVILLE, 14016, "10000_plus"),
    ],
)
def test_communes_at_the_class_bounds_get_the_class_the_maps_draw(context, code, population, size):
    profile = commune_profile(context, code)
    assert (profile.population, profile.size.id) == (population, size)
    drawn = context.communes.set_index("code").loc[code, "size"]
    assert size_classes(context)[drawn].id == size


def test_a_commune_is_placed_in_its_department_and_region(context):
    profile = commune_profile(context, BELLEVILLE)
    assert (profile.name, profile.department, profile.department_name) == (
        "Belleville-en-Beaujolais",
        "69",
        "Rhône",
    )
    assert (profile.region, profile.region_name) == ("84", "Auvergne-Rhône-Alpes")
    lon, lat = profile.point
    assert 4.6 < lon < 4.8 and 46.0 < lat < 46.2
    assert commune_facts(profile, "fr") == [
        ("Code INSEE", BELLEVILLE),
        ("Département", "Rhône (69)"),
        ("Région", "Auvergne-Rhône-Alpes"),
        ("Population municipale (référentiel des communes)", f"14{THIN}016"),
        (
            "Taille de commune (strate de l'enquête des maires)",
            "Communes de 10 000 habitants et plus",
        ),
    ]
    assert locator_text(profile, "fr") == (
        "Belleville-en-Beaujolais (69019) : département Rhône (69), région "
        f"Auvergne-Rhône-Alpes, 14{THIN}016 habitants."
    )
    assert "population municipale 2013" in size_note(profile, "fr")


@pytest.mark.parametrize("code", [SAINT_JEAN_D_ARDIERES, "99999", "97411", ""])
def test_only_current_drawn_communes_have_a_profile(context, code):
    # former codes are redirected by the route; overseas communes have no map and no survey
    assert commune_profile(context, code) is None


def test_simulated_data_gives_the_stratum_values_with_interval_base_and_status(context):
    rows = stratum_rows(context, AppState(dataset="simule"), commune_profile(context, PRANLES))
    assert rows["indicator"].tolist() == list(STRATUM_INDICATORS)
    assert rows["value_label"].tolist() == [f"76{NBSP}%", f"54{NBSP}%", f"43{NBSP}%"]
    assert rows["interval_label"].tolist() == [
        f"68{NBSP}% – 82{NBSP}%",
        f"46{NBSP}% – 62{NBSP}%",
        f"32{NBSP}% – 54{NBSP}%",
    ]
    assert rows["n_label"].tolist() == ["191", "191", "89"]
    assert rows["n_eff_label"].tolist() == ["144", "145", "72"]
    assert rows["status_label"].tolist() == [
        "estimé",
        "estimé",
        "à interpréter avec prudence (base faible)",
    ]
    assert set(rows["source"]) == {"données simulées"}
    assert set(rows["scope"]) == {
        "valeur de la strate Auvergne-Rhône-Alpes × Communes de moins de 500 habitants, "
        "pas un résultat de la commune"
    }


def test_a_stratum_too_small_shows_its_base_and_no_value(context):
    rows = stratum_rows(context, AppState(dataset="simule"), commune_profile(context, BELLEVILLE))
    assert rows["value_label"].tolist() == ["base insuffisante"] * 3
    assert rows["n_label"].tolist() == ["10", "10", "7"]
    assert not rows["has_value"].any()


def test_published_figures_have_no_stratum_value_non_publie_never_zero(context):
    rows = stratum_rows(context, AppState(), commune_profile(context, PRANLES))
    assert rows["value_label"].tolist() == ["non publié"] * 3
    assert rows["status"].tolist() == ["non_publie"] * 3
    assert rows[["interval_label", "n_label", "source"]].map(bool).sum().sum() == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("dataset", ["publie", "simule"])
def test_no_text_presents_a_number_as_the_communes_own_result(context, lang, dataset):
    profile = commune_profile(context, PRANLES)
    rows = stratum_rows(context, AppState(dataset=dataset, lang=lang), profile)
    denial = {
        "fr": "pas un résultat de la commune",
        "en": "not a result for the commune",
    }[lang]
    assert all(denial in scope for scope in rows["scope"])
    texts = [
        *rows.drop(columns=["has_value"]).astype(str).to_numpy().ravel(),
        *(text for pair in commune_facts(profile, lang) for text in pair),
        locator_text(profile, lang),
    ]
    for text in texts:
        for claim in ("résultat de la commune", "result for the commune"):
            assert claim not in text or denial in text, text


def test_links_lead_to_the_region_its_communes_map_and_a_comparison_keeping_the_state(context):
    profile = commune_profile(context, BELLEVILLE)
    links = profile_links(AppState(dataset="simule", lang="en"), profile)
    assert [href for _, href in links] == [
        "/region/84?dataset=simule&lang=en",
        "/?dataset=simule&level=commune&territory=69019&lang=en",
        "/comparer?dataset=simule&territories=84%2CFR&lang=en",
    ]
    assert links[0][0] == "Profile of the region Auvergne-Rhône-Alpes"


@pytest.mark.parametrize(
    ("query", "label"),
    [
        (
            "Saint-Jean-d'Ardières",
            "Belleville-en-Beaujolais (69) ← commune déléguée Saint-Jean-d'Ardières",
        ),
        (
            "saint jean d ardieres",
            "Belleville-en-Beaujolais (69) ← commune déléguée Saint-Jean-d'Ardières",
        ),
        (SAINT_JEAN_D_ARDIERES, "Belleville-en-Beaujolais (69) ← ancien code 69211"),
        (BELLEVILLE, "Belleville-en-Beaujolais (69) ← code INSEE 69019"),
        ("Belleville-en-Beaujolais", "Belleville-en-Beaujolais (69)"),
    ],
)
def test_a_merged_commune_is_found_by_its_former_name_and_code(context, query, label):
    options = commune_options(context, query)
    assert options[0] == {"label": label, "value": BELLEVILLE, "search": query}


def test_a_shared_postal_code_offers_every_commune_that_has_it(context):
    options = commune_options(context, "69220")
    by_postal_code = [o["value"] for o in options if o["label"].endswith("← code postal 69220")]
    assert by_postal_code == [
        BELLEVILLE,
        "69045",  # Charentay
        "69077",  # Dracé
        "69036",  # Cercié
        "69108",  # Lancié
        "69218",  # Saint-Lager
        "69065",  # Corcelles-en-Beaujolais
        "69242",  # Taponas
    ]
    # 69220 is also Saint-Laurent-de-Chamousset's INSEE code: the option says so
    assert options[0]["label"] == "Saint-Laurent-de-Chamousset (69) ← code INSEE 69220"


def test_options_name_how_the_commune_was_found_in_english(context):
    (option,) = commune_options(context, SAINT_JEAN_D_ARDIERES, "en")
    assert option["label"] == "Belleville-en-Beaujolais (69) ← former code 69211"


@pytest.mark.parametrize("query", ["", " ", "a", None, "97411"])
def test_short_queries_and_communes_without_a_map_give_no_option(context, query):
    assert commune_options(context, query) == []


def test_the_mayors_view_the_carte_drew_comes_first_in_the_stratum_rows(context):
    profile = commune_profile(context, "27467")  # Pont-Audemer
    state = AppState(dataset="simule", indicator="fragility_mean_score", fragility="emploi")
    rows = stratum_rows(context, state, profile)
    assert list(rows["indicator"]) == ["fragility_mean_score", *STRATUM_INDICATORS]
    assert rows["indicator_label"].iloc[0] == (
        "Note moyenne de fragilité (1 à 10) — Emploi / chômage / insertion"
    )
    other_actor = stratum_rows(context, state.model_copy(update={"actor": "citoyens"}), profile)
    assert list(other_actor["indicator"]) == list(STRATUM_INDICATORS)
