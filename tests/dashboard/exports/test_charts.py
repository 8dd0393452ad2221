"""``/export/chart/<id>``: one export path for every chart, with its provenance."""

import html
import io
import re

import pandas as pd
import pytest


def read_csv(response, flavour: str) -> pd.DataFrame:
    separator, decimal, encoding = (
        (";", ",", "utf-8-sig") if flavour == "fr" else (",", ".", "utf-8")
    )
    return pd.read_csv(io.BytesIO(response.data), sep=separator, decimal=decimal, encoding=encoding)


@pytest.mark.parametrize("flavour", ["fr", "standard"])
def test_the_scores_csv_carries_source_base_date_and_confidence(client, flavour):
    response = client.get(f"/export/chart/france-scores.csv?flavour={flavour}")
    assert response.status_code == 200
    assert 'filename="phare-france_scores' in response.headers["Content-Disposition"]
    frame = read_csv(response, flavour)
    emploi = frame[frame["Fragilité"] == "Emploi / chômage / insertion"].set_index(
        "Acteur interrogé"
    )
    assert emploi.loc["Citoyens", "Valeur"] == 7.1 and emploi.loc["Entreprises", "Valeur"] == 5.6
    assert emploi.loc["Citoyens", "n"] == 2024
    assert emploi.loc["Citoyens", "Terrain"] == "septembre 2015"
    assert (
        emploi.loc["Entreprises", "Population"] == "Dirigeants d'entreprises (10 salariés et plus)"
    )
    assert emploi.loc["Citoyens", "Rang chez l'acteur"] == 1
    assert frame["Source"].str.startswith("Le RAMEAU").all()
    assert frame["Date de la source"].notna().all()
    assert (frame["Fiabilité de la lecture"] == "lecture incertaine").sum() >= 8
    assert frame["Lien vers la vue"].str.contains("/region/FR?release=publie-", regex=False).all()


def test_the_csv_follows_the_chosen_order(client):
    frame = read_csv(client.get("/export/chart/france-scores.csv?sort=entreprises"), "fr")
    companies = frame[frame["Acteur interrogé"] == "Entreprises"]["Valeur"].tolist()
    assert companies == sorted(companies, reverse=True)


def test_the_svg_of_a_chart_shows_its_title_source_base_and_date(client, empty_response_cache):
    response = client.get("/export/chart/france-scores.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    texts = (
        " ".join(
            html.unescape(text)
            for text in re.findall(r"<text[^>]*>(.*?)</text>", response.data.decode())
        )
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )
    assert "Les 16 fragilités : le regard croisé des acteurs" in texts
    assert "Source : Le RAMEAU" in texts
    assert "2 024 répondants" in texts and "septembre 2015" in texts
    png = client.get("/export/chart/france-innovation.png")
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG")


def test_an_unknown_or_empty_chart_answers_404_with_a_sentence(client):
    unknown = client.get("/export/chart/france-bogus.csv")
    assert unknown.status_code == 404 and "Graphique inconnu : france-bogus" in unknown.text
    empty = client.get("/export/chart/france-mayors.png?study=impact")
    assert empty.status_code == 404 and "rien à exporter" in empty.text
    wrong = client.get("/export/chart/france-scores.gif")
    assert wrong.status_code == 404


def svg_texts(response) -> str:
    """Every text of an SVG, unescaped, spaces made plain."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", response.data.decode())
    return (
        " ".join(html.unescape(text) for text in texts).replace("\u202f", " ").replace("\xa0", " ")
    )


COMPARER = "/export/chart/compare-partnership.{}?territories=28,76,FR&actor=maires"
PROFILE = "/export/chart/indicators-partnership.{}?territory=28"


@pytest.mark.parametrize("url", [COMPARER, PROFILE])
def test_comparer_and_a_profile_serve_png_svg_and_csv_with_source_base_and_date(
    client, empty_response_cache, url
):
    png = client.get(url.format("png"))
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG")
    svg = client.get(url.format("svg"))
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    texts = svg_texts(svg)
    assert "Partenariats — Normandie" in texts  # the chart's title names the territories
    assert "Source : Le RAMEAU" in texts and "Base : " in texts and "Terrain :" in texts
    frame = read_csv(client.get(url.format("csv")), "fr")
    normandie = frame[frame["Territoire"] == "Normandie"].iloc[0]
    assert normandie["Valeur"] == 77 and normandie["Acteur interrogé"] == "Maires"
    assert normandie["Source"].startswith("Le RAMEAU") and normandie["Date de la source"]
    assert normandie["Fiabilité de la lecture"] == "sûre"
    assert "n" in frame.columns  # the base: filled where the source gives one
    france = frame[(frame["Territoire"] == "France") & (frame["Acteur interrogé"] == "Maires")]
    assert france.loc[
        france["Indicateur"] == "Partenariats source d'innovation", "Valeur"
    ].tolist() == [87]


def test_the_files_of_a_comparison_name_its_territories_and_link_back_to_it(client):
    response = client.get(COMPARER.format("csv"))
    disposition = response.headers["Content-Disposition"]
    assert disposition.endswith('filename="phare-compare_partnership-maires-28_76_FR.csv"')
    frame = read_csv(response, "fr")
    assert frame["Territoire"].tolist() == ["Normandie", "Occitanie", "France"]
    link = frame["Lien vers la vue"].iloc[0]
    assert "/comparer?" in link and "actor=maires" in link and "territories=28%2C76%2CFR" in link


def test_a_profile_chart_without_a_regional_value_or_region_answers_404(client):
    # no region has a published score of the mayors: the profile draws France's instead
    assert client.get("/export/chart/fragilities-maires.png?territory=28").status_code == 404
    assert client.get("/export/chart/indicators-partnership.csv").status_code == 404
    too_few = client.get("/export/chart/compare-partnership.csv?territories=28")
    assert too_few.status_code == 404 and "rien à exporter" in too_few.text


def test_the_gaps_chart_exports_the_scores_it_compares_for_the_chosen_fragility(client):
    url = "/export/chart/gaps.{}?territory=28&dataset=simule&fragility=securite"
    frame = read_csv(client.get(url.format("csv")), "fr")
    assert frame["Territoire"].tolist() == ["Normandie"] * 4 + ["France"] * 4
    assert set(frame["Fragilité"]) == {"Sécurité / délinquance"}
    assert (frame["Données simulées"] == "oui").all()
    assert frame["Graphique"].iloc[0] == "Écarts entre acteurs : Sécurité / délinquance — Normandie"
    svg = client.get(url.format("svg"))
    assert svg.status_code == 200 and "Citoyens − Entreprises" in svg_texts(svg)
    # the published figures give no region's scores: no gaps to export
    assert client.get("/export/chart/gaps.png?territory=28").status_code == 404
