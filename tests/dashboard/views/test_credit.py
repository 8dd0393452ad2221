"""The credit line a journalist pastes: studies, institute, fieldwork, sources, release."""

import pytest

from dashboard.core.state import AppState
from dashboard.views.credit import (
    credit_text,
    france_credit,
    profile_credit,
    study_credit,
    view_credit,
)


@pytest.mark.parametrize(
    ("study", "lang", "expected"),
    [
        ("PHARE-Citoyens", "fr", "PHARE-Citoyens (COMISIS – OpinionWay, terrain : septembre 2015)"),
        (
            "PHARE-Citoyens",
            "en",
            "PHARE-Citizens (COMISIS – OpinionWay, fieldwork: September 2015)",
        ),
        # no source states the mayors' fieldwork: left out, never guessed
        ("PHARE-Institutions", "fr", "PHARE-Institutions (COMISIS)"),
        ("IMPACT", "fr", "Programme IMPACT (terrain : 2018-2022)"),
    ],
)
def test_a_study_is_credited_with_what_its_sources_state(context, study, lang, expected):
    assert study_credit(context.catalogue.studies[study], lang) == expected


def test_the_credit_names_publisher_programme_studies_sources_and_release(context):
    text = credit_text(
        context, AppState(), ["PHARE-Citoyens", "PHARE-Citoyens"], ["Doc A", "Doc B", "Doc A"]
    )
    release = context.dataset("publie").id
    assert text == (
        "Observatoire des partenariats, Programme PHARE (2015-2016) : PHARE-Citoyens "
        "(COMISIS – OpinionWay, terrain : septembre 2015). Source : Doc A ; Doc B. "
        f"Données publiées, version {release}."
    )


def test_simulated_data_say_so_first(context):
    text = view_credit(context, AppState(dataset="simule"), [])
    assert text.startswith("Données simulées, pour démonstration : pas des résultats d'enquête.")
    assert "Estimations pondérées" in text


def test_the_carte_s_credit_cites_the_studies_of_the_view(context):
    state = AppState(actor="maires", indicator="partnership_innovation_share")
    text = view_credit(context, state, ["Le RAMEAU, synthèse"])
    assert ": PHARE-Institutions (COMISIS). Source : Le RAMEAU, synthèse." in text


def test_a_profile_cites_every_study_of_its_figures_and_france_s(context):
    text = profile_credit(context, AppState(), "28")
    for study in (
        "PHARE-Citoyens",
        "PHARE-Associations",
        "PHARE-Entreprises",
        "PHARE-Institutions",
    ):
        assert study in text
    assert "terrain : novembre 2015" in text and "Source : Le RAMEAU" in text
    assert france_credit(context, AppState(lang="en")).startswith(
        "Observatoire des partenariats, PHARE programme (2015-2016): PHARE-Citizens"
    )
