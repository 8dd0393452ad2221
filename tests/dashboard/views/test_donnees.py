"""What the Données & méthodologie page says, from the pure functions (no Dash)."""

from dataclasses import replace

import pandas as pd
import pytest

from dashboard.core.state import AppState
from dashboard.core.values import region_values
from dashboard.views.donnees import view_caption, view_table
from dashboard.views.donnees_sources import (
    base_thresholds,
    credits,
    question_lines,
    release_lines,
    rules,
    study_rows,
)

NBSP, NNBSP = "\u00a0", "\u202f"
CITIZENS_INNOVATION = AppState(actor="citoyens", indicator="partnership_innovation_share")
SIMULATED = AppState(actor="citoyens", dataset="simule")
CITIZENS_SECURITY = AppState(
    actor="citoyens", indicator="fragility_mean_score", fragility="securite"
)
JOINT = AppState(actor="citoyens", indicator="fragility_share_high", fragility="niveau_de_vie")
NOT_STATED = "non précisé par la source"


def test_the_published_table_has_13_regions_then_france_with_french_labels(context):
    table = view_table(context, CITIZENS_INNOVATION)
    assert [row["code"] for row in table.regions] == list(context.catalogue.regions)
    rows = {row["code"]: row for row in table.regions}
    assert rows["27"] | {"source": ""} == {
        "code": "27",
        "name": "Bourgogne-Franche-Comté",
        "value": 75.0,
        "value_label": f"75{NBSP}%",
        "ci_low": None,
        "ci_high": None,
        "interval": "",
        "n": None,
        "n_label": "",
        "n_eff": None,
        "n_eff_label": "",
        "status": "ok",
        "status_label": "publié",
        "significance": "",
        "joint": "",
        "source": "",
        "study": "PHARE – rapports régionaux",
        "fieldwork": "2016",  # the study's fieldwork, not the source's publication date
        "confidence": "high",
    }
    assert "avant-première Bourgogne-Franche-Comté" in rows["27"]["source"]
    assert sum(row["status"] == "non_publie" for row in table.regions) == 12
    assert rows["11"]["value"] is None and rows["11"]["status_label"] == "non publié"
    assert (table.france["code"], table.france["value_label"]) == ("FR", f"69{NBSP}%")
    assert table.unit == "%" and not table.simulated
    assert table.base == "effectif non publié"
    assert table.release == f"Données publiées, version {context.release.id}"


def test_the_sources_name_the_regional_and_the_national_figures(context):
    sources = view_table(context, CITIZENS_INNOVATION).sources
    assert len(sources) == 2
    assert "PHARE – rapports régionaux" in sources[0] and "8103" not in sources[0]
    assert sources[1].startswith("Observatoire des partenariats, PHARE-Citoyens (")
    assert sources[1].endswith("(France)")


def test_the_simulated_table_carries_the_estimates_and_the_label(context):
    table = view_table(context, SIMULATED)
    values = region_values(context, SIMULATED)
    expected = values.regions.set_index("code")
    for row in table.regions:
        estimate = expected.loc[row["code"]]
        assert row["value"] == estimate["value"]
        assert (row["ci_low"], row["ci_high"]) == (estimate["ci_low"], estimate["ci_high"])
        assert (row["n"], row["n_eff"]) == (estimate["n"], estimate["n_eff"])
        word = "pas d'écart significatif"
        if estimate["significant"]:
            above = estimate["value"] > values.france
            word = "au-dessus de la France" if above else "en dessous de la France"
        assert row["significance"] == word
    assert table.france["value"] == values.france
    corse = next(row for row in table.regions if row["code"] == "94")
    assert corse["status_label"] == "à interpréter avec prudence (base faible)"
    assert table.simulated and table.caption.endswith("— DONNÉES SIMULÉES")
    assert table.sources == ("Observatoire des partenariats, PHARE ; données simulées",)


def test_a_figure_published_for_two_regions_names_both_on_each(context):
    rows = {row["code"]: row for row in view_table(context, JOINT).regions}
    joint = "publié pour Provence-Alpes-Côte d'Azur et Corse ensemble"
    assert (rows["93"]["value"], rows["93"]["joint"]) == (48.0, joint)
    assert (rows["94"]["value"], rows["94"]["joint"]) == (48.0, joint)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            CITIZENS_INNOVATION,
            "Indicateur : Partenariats source d'innovation · Acteur interrogé : Citoyens · "
            "Segment : Ensemble · Données : Chiffres publiés",
        ),
        (
            CITIZENS_SECURITY,
            "Indicateur : Note moyenne de fragilité (1 à 10) · Fragilité : Sécurité / délinquance"
            " · Acteur interrogé : Citoyens · Segment : Ensemble · Données : Chiffres publiés",
        ),
        (
            AppState(actor="citoyens", indicator="fragility_mean_score"),
            "Indicateur : Note moyenne de fragilité (1 à 10) · Fragilité : Ensemble des domaines"
            " · Acteur interrogé : Citoyens · Segment : Ensemble · Données : Chiffres publiés",
        ),
        (
            SIMULATED.model_copy(update={"lang": "en"}),
            "Indicator: Partnerships as a source of innovation · Respondents: Citizens · "
            "Segment: All · Data: Simulated data (demonstration) — SIMULATED DATA",
        ),
    ],
)
def test_the_caption_says_which_view(context, state, expected):
    assert view_caption(context, state) == expected


@pytest.mark.parametrize(
    ("study", "population", "fieldwork", "sample", "institute"),
    [
        (
            "PHARE-Citoyens",
            "Français de 18 ans et plus",
            "septembre 2015",
            f"2{NNBSP}024 répondants",
            "COMISIS – OpinionWay",
        ),
        (
            "PHARE-Entreprises",
            "Entreprises de 10 salariés et plus",
            "octobre 2015",
            NOT_STATED,
            "COMISIS – OpinionWay",
        ),
        (
            "PHARE-Associations",
            "Responsables associatifs",
            "novembre 2015",
            "703 répondants",
            "COMISIS",
        ),
        ("PHARE-Institutions", "Maires", NOT_STATED, NOT_STATED, "COMISIS"),
        (
            "PHARE – rapports régionaux",
            "Citoyens, associations et entreprises d'une région",
            "2016",
            NOT_STATED,
            NOT_STATED,
        ),
    ],
)
def test_each_study_says_what_its_sources_state_and_no_more(
    context, study, population, fieldwork, sample, institute
):
    rows = {row.study: row for row in study_rows(context, CITIZENS_INNOVATION)}
    row = rows[study]
    assert (row.population, row.fieldwork, row.sample_size, row.institute) == (
        population,
        fieldwork,
        sample,
        institute,
    )
    assert row.method == NOT_STATED


def test_the_studies_are_the_programmes_and_mark_those_in_the_view(context):
    rows = study_rows(context, CITIZENS_INNOVATION)
    assert len(rows) == 5  # the PHARE programme; IMPACT and the others are not listed
    assert {row.study for row in rows if row.in_view} == {
        "PHARE-Citoyens",
        "PHARE – rapports régionaux",
    }


def test_microdata_come_first_with_their_respondents_and_method(context):
    first = study_rows(context, SIMULATED)[0]
    frame = context.dataset("simule").frame
    citizens = int((frame["actor"] == "citoyens").sum())
    assert first.study == "données simulées (simulation-20151001-20000)"
    assert first.sample_size == f"{citizens:,} répondants".replace(",", NNBSP)
    assert first.method.startswith("Données simulées : tirage aléatoire reproductible")
    assert first.fieldwork == NOT_STATED and first.in_view


@pytest.mark.parametrize(
    ("state", "last"),
    [
        (CITIZENS_SECURITY, "Numéro de la question dans les sources : Q1"),
        (
            CITIZENS_INNOVATION,
            "Formulation résumée d'après les sources (leur texte exact n'est pas reproduit).",
        ),
    ],
)
def test_the_question_is_worded_with_its_number_when_published(context, state, last):
    lines = question_lines(context, state)
    question = context.catalogue.indicators[state.indicator].question_fr
    assert lines[1] == f"« {question} »"
    assert lines[-1] == last


def test_the_base_thresholds_are_those_the_microdata_were_estimated_with(context):
    assert base_thresholds(context, AppState()) == (30, 100)
    simulated = context.dataset("simule")
    stricter = replace(
        simulated, regional_cells=replace(simulated.regional_cells, min_base=50, caution_base=150)
    )
    changed = replace(context, datasets={**context.datasets, "simule": stricter})
    assert base_thresholds(changed, AppState()) == (50, 150)


def test_without_microdata_the_thresholds_come_from_the_settings(context, monkeypatch):
    published_only = replace(context, datasets={"publie": context.dataset("publie")})
    monkeypatch.setenv("PHARE_MIN_BASE", "40")
    assert base_thresholds(published_only, AppState()) == (40, 100)


@pytest.mark.parametrize(
    ("state", "conflicts"),
    [
        (CITIZENS_INNOVATION, "Dans cette vue : aucune valeur écartée."),
        (CITIZENS_SECURITY, "Dans cette vue : 1 valeur écartée."),
        (SIMULATED, "Dans cette vue : aucune valeur écartée."),
    ],
)
def test_the_rules_state_the_values_in_use(context, state, conflicts):
    texts = [rule.text for rule in rules(context, state)]
    assert "est inférieure à 30 est supprimée" in texts[0] and "sous 100," in texts[0]
    assert "intervalle de Wilson" in texts[1] and "1,96" in texts[1]
    assert "méthode de Holm sur les 13 régions" in texts[2]
    assert "la confiance la plus élevée l'emporte, puis la date de source" in texts[3]
    assert texts[3].endswith(conflicts)
    assert "non publié" in texts[4]
    assert "demi-largeur médiane des intervalles de confiance à 95\u00a0%" in texts[5]
    assert "méthode de Holm" in texts[5] and "«\u00a0Classes\u00a0»" in texts[5]
    assert "« sans valeur pour la commune »" in texts[6]


def test_rules_in_english(context):
    titles = [rule.title for rule in rules(context, AppState(lang="en"))]
    assert titles == [
        "Base thresholds",
        "Confidence intervals",
        "Multiple comparisons",
        "Conflicting published values",
        "Missing values",
        "Map classes",
        "The municipality map",
    ]


def test_credits_name_each_source_of_the_view_then_the_geography(context):
    items = credits(context, CITIZENS_INNOVATION)
    assert [item.what for item in items] == [
        "Chiffre publié",
        "Chiffre publié",
        "Contours",
        "Référentiel des communes",
    ]
    assert items[0].url == "https://www.lerameau.fr/8103-2/"
    assert items[1].url is None  # a document without an address: credited by its title
    assert items[2].attribution == (
        "Contours : IGN – ADMIN EXPRESS COG 2018, via france-geojson (Licence Ouverte)"
    )
    assert items[2].licence == "Licence Ouverte / Open Licence (Etalab)"
    assert "decoupage-administratif 6.0.0" in items[3].attribution


def test_simulated_data_are_credited_as_such(context):
    first = credits(context, SIMULATED)[0]
    assert (first.what, first.attribution) == ("Données simulées", "données simulées")
    assert "sans valeur d'enquête" in first.licence


def test_release_lines_name_the_release_and_the_geometry_build(context):
    published = release_lines(context, CITIZENS_INNOVATION)
    release = context.release
    assert published[0] == (
        f"Chiffres publiés : version {release.id} ({release.rows} lignes, SHA-256 {release.sha256})"
    )
    assert published[1] == f"Géométrie : construction {context.geometry.build_key}"
    simulated = release_lines(context, SIMULATED)[0]
    assert (
        simulated
        == f"données simulées : version simulation-20151001-20000 (20{NNBSP}000 répondants)"
    )


def test_rows_are_plain_data_ready_for_json(context):
    for state in (CITIZENS_INNOVATION, SIMULATED):
        table = view_table(context, state)
        for row in (*table.regions, table.france):
            for value in row.values():
                assert value is None or isinstance(value, str | int | float)
                assert not (isinstance(value, float) and pd.isna(value))
