"""The Carte's filters in one line (the folded « Filtres » control on a phone, issue 21)."""

from __future__ import annotations

import pytest

from dashboard.core.state import AppState
from dashboard.views.filter_summary import filter_summary


@pytest.mark.parametrize(
    ("state", "line"),
    [
        (AppState(), "Maires · Partenariats source d'innovation · Régions"),
        (AppState(lang="en"), "Mayors · Partnerships as a source of innovation · Regions"),
        (
            AppState(actor="citoyens", indicator="fragility_share_high", fragility="sante"),
            "Citoyens · Part de notes élevées · Santé · Régions",
        ),
        (
            AppState(dataset="simule", level="departement"),
            "Données simulées (démonstration) · Maires · Partenariats source d'innovation"
            " · Départements (valeur de leur région)",
        ),
        (
            AppState(level="commune", territory="11"),
            "Maires · Partenariats source d'innovation · Communes"
            " · Valeur de la strate (région × taille)",
        ),
    ],
)
def test_filter_summary(context, state, line):
    assert filter_summary(context, state) == line
