"""Exports of a view without regional value: a sentence, never a grey map or an empty file;
the national chart of a national-only view through the per-chart export path."""

import pytest

from tests.dashboard.exports.test_charts import read_csv

NATIONAL = "actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
NOTHING = "actor=citoyens&indicator=alliance_duty_share"


@pytest.mark.parametrize("extension", ["csv", "png", "svg"])
def test_a_view_with_no_value_answers_a_sentence(client, extension):
    response = client.get(f"/export/view.{extension}?{NOTHING}")
    assert response.status_code == 404 and response.mimetype == "text/plain"
    assert response.text.startswith(
        "Cette vue n'a aucune valeur publiée, ni régionale ni nationale"
    )
    assert "/region/FR" in response.text
    english = client.get(f"/export/view.{extension}?{NOTHING}&lang=en")
    assert english.status_code == 404 and "nothing to export" in english.text


def test_a_national_only_view_points_at_its_national_chart(client):
    response = client.get(f"/export/view.csv?{NATIONAL}")
    assert response.status_code == 404
    assert f"/export/chart/carte-national.png?{NATIONAL}" in response.text


@pytest.mark.parametrize("flavour", ["fr", "standard"])
def test_the_national_chart_exports_the_datas_values(client, flavour):
    response = client.get(f"/export/chart/carte-national.csv?{NATIONAL}&flavour={flavour}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert 'filename="phare-carte_national-fragility_mean_score-emploi-citoyens' in disposition
    frame = read_csv(response, flavour).set_index("Fragilité")
    assert frame.loc["Emploi / chômage / insertion", "Valeur"] == 7.1
    assert (frame["Fiabilité de la lecture"] == "lecture incertaine").sum() == 8
    link = frame["Lien vers la vue"].iloc[0]
    assert "/?release=publie-" in link and "indicator=fragility_mean_score" in link


def test_the_national_chart_image_and_its_absence(client, empty_response_cache):
    png = client.get(f"/export/chart/carte-national.png?{NATIONAL}")
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG")
    regional = client.get("/export/chart/carte-national.png")  # the mayors' map has values
    assert regional.status_code == 404 and "rien à exporter" in regional.text
