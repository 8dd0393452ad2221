"""Downloads of the Analyse page: the CSV of the table in both flavours, and its slides."""

import io

import pandas as pd
import pytest

from dashboard.core.state import parse_state, state_query
from dashboard.views.analyse import analysis_view

QUERY = "indicator=fragility_mean_score&rows=fragility&cols=actor&territory=FR"


@pytest.mark.parametrize(
    ("flavour", "separator", "decimal", "encoding"),
    [("fr", ";", ",", "utf-8-sig"), ("standard", ",", ".", "utf-8")],
)
def test_the_csv_of_the_table_reads_back_with_its_sources(
    client, flavour, separator, decimal, encoding
):
    response = client.get(f"/export/analyse.csv?{QUERY}&flavour={flavour}")
    assert response.status_code == 200
    assert response.data.startswith(b"\xef\xbb\xbf") == (flavour == "fr")
    frame = pd.read_csv(
        io.BytesIO(response.data), sep=separator, decimal=decimal, encoding=encoding
    )
    assert len(frame) == 16 * 4
    emploi = frame[frame["Ligne"] == "Emploi / chômage / insertion"].set_index("Colonne")
    assert emploi.loc[["Citoyens", "Associations", "Entreprises"], "Valeur"].tolist() == [
        7.1,
        6.8,
        5.6,
    ]
    assert emploi.loc["Maires", "Statut"] == "non publié" and pd.isna(
        emploi.loc["Maires", "Valeur"]
    )
    assert emploi.loc["Citoyens", "Source"].startswith("Le RAMEAU")
    assert emploi.loc["Citoyens", "Étude"] == "PHARE-Citoyens"
    assert (frame["Données simulées"] == "non").all()
    assert frame["Lien vers la vue"].str.contains("/analyse?release=publie-", regex=False).all()


def test_simulated_tables_say_so_in_every_row(client):
    response = client.get(
        "/export/analyse.csv?dataset=simule&indicator=partnership_rate&rows=territory&cols=segment"
        "&actor=maires&lang=en"
    )
    frame = pd.read_csv(io.BytesIO(response.data))
    assert (frame["Simulated data"] == "yes").all()
    assert set(frame["Difference between columns"]) <= {
        "higher (significant)",
        "lower (significant)",
        "no significant difference",
        "not tested",
    }


def test_the_permalink_of_a_table_restores_it(context):
    asked, _ = parse_state(
        {
            "dataset": "simule",
            "indicator": "fragility_mean_score",
            "rows": "segment",
            "cols": "territory",
            "actor": "associations",
            "fragility": "sante",
        },
        context.choices,
    )
    view, _ = analysis_view(context, asked)
    again, problems = parse_state(
        dict(pair.split("=") for pair in state_query(view.state)[1:].split("&")), context.choices
    )
    restored, _ = analysis_view(context, again)
    assert not problems
    assert restored.title == view.title
    pd.testing.assert_frame_equal(restored.table.cells, view.table.cells)


def test_a_slide_of_the_maps_or_the_chart(client):
    response = client.get(
        "/export/analyse.svg?dataset=simule&indicator=fragility_mean_score&rows=territory"
        "&cols=actor&fragility=emploi&width=1280&height=720"
    )
    assert response.status_code == 200, response.data[:300]
    assert "maps" in response.headers["Content-Disposition"]
    svg = response.data.decode()
    assert "Citoyens" in svg and "DONNÉES SIMULÉES" in svg
    chart = client.get(f"/export/analyse.svg?{QUERY}&part=bogus&width=1280&height=720")
    assert chart.status_code == 200
    assert "part ignored" in chart.headers["X-Phare-Notice"]
    assert "Emploi / chômage / insertion" in chart.data.decode()


@pytest.mark.parametrize(
    ("query", "cells", "indicator"),
    [
        ("", 16 * 4, "fragility_mean_score"),  # the page's own default table
        ("?indicator=partnership_innovation_share", 14 * 4, "partnership_innovation_share"),
    ],
)
def test_the_csv_without_indicator_is_the_pages_default_table(client, query, cells, indicator):
    response = client.get(f"/export/analyse.csv{query}")
    assert response.status_code == 200
    frame = pd.read_csv(io.BytesIO(response.data), sep=";", decimal=",", encoding="utf-8-sig")
    assert len(frame) == cells
    assert frame["Lien vers la vue"].str.contains(f"indicator={indicator}", regex=False).all()
    if indicator == "fragility_mean_score":
        emploi = frame[frame["Ligne"] == "Emploi / chômage / insertion"].set_index("Colonne")
        assert emploi.loc["Citoyens", "Valeur"] == 7.1


def test_the_slide_without_indicator_is_the_pages_default_table(client):
    response = client.get("/export/analyse.svg?width=1280&height=720")
    assert response.status_code == 200, response.data[:300]
    assert "fragility_mean_score" in response.headers["Content-Disposition"]
    assert "Emploi / chômage / insertion" in response.data.decode()


EMPTY = "indicator=mayor_role_priority_share&actor=citoyens&rows=territory&cols=segment"


@pytest.mark.parametrize("route", ["analyse.csv", "analyse.png", "analyse.svg"])
def test_a_table_with_no_value_has_no_download_and_says_where_to_look(client, route):
    response = client.get(f"/export/{route}?{EMPTY}")
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert text.startswith("Aucune valeur publiée dans ce tableau")
    assert "Voir la page France : http://localhost/region/FR" in text
    english = client.get(f"/export/{route}?{EMPTY}&lang=en").get_data(as_text=True)
    assert english.startswith("No value published") and "See the France page: " in english
