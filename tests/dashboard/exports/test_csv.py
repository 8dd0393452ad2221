"""The CSV of the current view: both flavours, the numbers of the view, what every row carries."""

import csv
import io
import math
from dataclasses import replace

import pandas as pd
import pytest

from dashboard.core.context import Unavailable
from dashboard.core.state import AppState, parse_state
from dashboard.core.values import region_values
from dashboard.exports.csv import FLAVOURS, csv_number, csv_text, flavour_of, safe_text
from dashboard.server.current import EXTENSION_KEY
from dashboard.text.numbers import rounded
from dashboard.views.donnees import view_table
from dashboard.views.sharing import csv_filename

BOM = "\ufeff"
CITIZENS = "actor=citoyens&indicator=partnership_innovation_share"


def read_csv(response, separator: str = ";") -> list[dict]:
    """The table's rows as dicts keyed by header (French flavour: with its byte-order mark)."""
    text = response.get_data(as_text=True)
    if separator == ";":
        assert text.startswith(BOM)
        text = text[1:]
    else:
        assert not text.startswith(BOM)
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    return [dict(zip(header, row, strict=True)) for row in rows]


def number(cell: str, decimal: str = ",") -> float:
    return math.nan if cell == "" else float(cell.replace(decimal, "."))


def same(got: float, expected: float) -> bool:
    """Equal, or both missing (an empty cell for a suppressed or unpublished value)."""
    return (math.isnan(got) and math.isnan(expected)) or got == expected


def expected_values(dash_app, query: dict) -> dict[str, float]:
    """``region_values`` of the state the query gives: code -> value, France under ``FR``."""
    context = dash_app.server.extensions[EXTENSION_KEY]
    state, _ = parse_state(query, context.choices)
    values = region_values(context, state)
    expected = dict(zip(values.regions["code"], values.regions["value"], strict=True))
    return expected | {"FR": math.nan if values.france is None else values.france}


def shown(value: float, unit: str, published: bool = False) -> float:
    """The value as the screen rounds it (the CSV's « Valeur »), NaN staying NaN."""
    return value if math.isnan(value) else rounded(value, unit, published=published)


def assert_same_values(
    rows: list[dict],
    expected: dict[str, float],
    unit: str,
    lang: str = "fr",
    decimal: str = ",",
    published: bool = False,
):
    """« Valeur » is each expected value rounded as on screen (``published``: keeping the
    source's decimals); in the standard flavour (``decimal="."``, with its « Valeur non
    arrondie » column) the value in full is there too, exactly."""
    value, unrounded = (
        ("Valeur", "Valeur non arrondie") if lang == "fr" else ("Value", "Unrounded value")
    )
    got = {row["Code"]: number(row[value], decimal) for row in rows}
    assert got.keys() == expected.keys()
    for code, wanted in expected.items():
        assert same(got[code], shown(wanted, unit, published)), code
    if decimal == ".":
        full = {row["Code"]: number(row[unrounded], decimal) for row in rows}
        for code, wanted in expected.items():
            assert same(full[code], wanted), code


def test_the_csv_is_an_excel_friendly_attachment(client):
    response = client.get(f"/export/view.csv?{CITIZENS}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="phare-partnership_innovation_share-citoyens.csv"'
    )


def test_the_csv_numbers_are_the_views_values_with_a_decimal_comma(client, dash_app):
    rows = read_csv(client.get(f"/export/view.csv?{CITIZENS}"))
    context = dash_app.server.extensions[EXTENSION_KEY]
    assert [row["Code"] for row in rows] == [*context.catalogue.regions, "FR"]
    assert_same_values(
        rows,
        expected_values(
            dash_app, {"actor": "citoyens", "indicator": "partnership_innovation_share"}
        ),
        "pct",
        published=True,
    )
    burgundy = next(row for row in rows if row["Code"] == "27")
    assert (burgundy["Territoire"], burgundy["Valeur"], burgundy["Unité"]) == (
        "Bourgogne-Franche-Comté",
        "75",
        "%",
    )
    assert burgundy["Statut"] == "publié" and burgundy["Étude"] == "PHARE – rapports régionaux"
    assert burgundy["Source"].startswith("Le RAMEAU, PHARE – avant-première")
    assert rows[0]["Valeur"] == "" and rows[0]["Statut"] == "non publié"  # never 0
    for row in rows:  # every row carries the view, so that it keeps its meaning alone
        assert row["Indicateur"] == "Partenariats source d'innovation"
        assert (row["Acteur interrogé"], row["Segment"]) == ("Citoyens", "Ensemble")
        assert row["Question"].startswith("Part des répondants qui considèrent les partenariats")
        assert row["Version des données"] == context.release.id
        assert row["Données simulées"] == "non"
        assert row["Lien vers la vue"] == (
            f"http://localhost/?release={context.release.id}&actor=citoyens"
        )


@pytest.mark.parametrize("flavour", ["fr", "standard"])
def test_both_flavours_read_back_with_pandas_alone(client, dash_app, flavour):
    query = {"dataset": "simule", "actor": "entreprises", "indicator": "fragility_mean_score"}
    query |= {"fragility": "emploi", "flavour": flavour}
    response = client.get("/export/view.csv", query_string=query)
    dialect = FLAVOURS[flavour]
    frame = pd.read_csv(
        io.BytesIO(response.get_data()),
        sep=dialect.separator,
        decimal=dialect.decimal,
        encoding="utf-8-sig",
        dtype={"Code": str},
    )
    expected = expected_values(dash_app, query)
    assert list(frame["Code"]) == list(expected)
    for code, value in zip(frame["Code"], frame["Valeur"], strict=True):
        assert same(float(value), shown(expected[code], "score_1_10")), code  # as on screen
    if flavour == "standard":  # and in full, exactly
        for code, value in zip(frame["Code"], frame["Valeur non arrondie"], strict=True):
            assert same(float(value), expected[code]), code
    else:
        assert "Valeur non arrondie" not in frame.columns
    assert frame["n"].dtype.kind in "if" and frame["IC 95 % bas"].dtype.kind == "f"
    assert set(frame["Données simulées"]) == {"oui"}
    assert response.get_data().startswith(BOM.encode()) == (flavour == "fr")


def test_simulated_data_say_so_on_every_row_and_carry_every_estimate(client, dash_app):
    query = {
        "dataset": "simule",
        "actor": "entreprises",
        "indicator": "fragility_mean_score",
        "fragility": "emploi",
    }
    response = client.get("/export/view.csv", query_string=query)
    rows = read_csv(response)
    assert_same_values(rows, expected_values(dash_app, query), "score_1_10")
    assert {row["Données simulées"] for row in rows} == {"oui"}
    assert all(row["Source"] for row in rows)
    # estimates are never called « publié »
    assert "estimé" in {row["Statut"] for row in rows}
    assert all(row["Statut"] != "publié" for row in rows)
    context = dash_app.server.extensions[EXTENSION_KEY]
    state, _ = parse_state(query, context.choices)
    regions = region_values(context, state).regions.set_index("code")
    for row in rows[:-1]:
        estimate = regions.loc[row["Code"]]
        assert same(number(row["IC 95 % bas"]), shown(estimate["ci_low"], "score_1_10"))
        assert same(number(row["n effectif"]), round(estimate["n_eff"]))  # whole, as shown
        assert same(number(row["n"]), estimate["n"])
    assert response.headers["Content-Disposition"].endswith(
        'phare-fragility_mean_score-emploi-entreprises-simule.csv"'
    )


def test_a_bad_parameter_gives_the_default_view_not_an_error(client, dash_app):
    response = client.get("/export/view.csv?actor=zzz&indicator=%3Dcmd%7C&k=99")
    assert response.status_code == 200
    assert (
        "phare-partnership_innovation_share-maires.csv" in response.headers["Content-Disposition"]
    )
    rows = read_csv(response)
    assert_same_values(rows, expected_values(dash_app, {}), "pct", published=True)


def test_in_english_the_csv_is_standard_by_default(client, dash_app):
    query = {"dataset": "simule", "actor": "citoyens", "lang": "en"}
    rows = read_csv(client.get("/export/view.csv", query_string=query), separator=",")
    assert {row["Simulated data"] for row in rows} == {"yes"}
    assert_same_values(rows, expected_values(dash_app, query), "pct", lang="en", decimal=".")


def test_an_unknown_flavour_falls_back_and_says_so(client):
    response = client.get(f"/export/view.csv?{CITIZENS}&flavour=%3Dxls")
    assert response.status_code == 200
    assert response.get_data(as_text=True).startswith(BOM)  # French: the default in French
    assert response.headers["X-Phare-Notice"] == "flavour '_xls' unknown; 'fr' used (fr, standard)"


@pytest.mark.parametrize(
    ("requested", "lang", "expected"),
    [
        (None, "fr", "fr"),
        (None, "en", "standard"),
        ("standard", "fr", "standard"),
        ("fr", "en", "fr"),
    ],
)
def test_the_flavour_defaults_to_the_languages(requested, lang, expected):
    assert flavour_of(requested, lang) == (expected, None)


def test_the_csv_says_why_when_the_data_is_unavailable(client, dash_app, monkeypatch):
    monkeypatch.setitem(dash_app.server.extensions, EXTENSION_KEY, Unavailable("no geometry cache"))
    response = client.get(f"/export/view.csv?{CITIZENS}")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "no geometry cache"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 1 23", "'+33 1 23"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("\ncmd", "'\ncmd"),
        ("Île-de-France", "Île-de-France"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_defused(text, expected):
    assert safe_text(text) == expected


@pytest.mark.parametrize(
    ("value", "decimal", "expected"),
    [
        (75.0, ",", "75"),
        (63.29088129279145, ",", "63,29088129279145"),
        (6.6, ".", "6.6"),
        (2024, ",", "2024"),
        (-1.5, ",", "-1,5"),
        (None, ",", ""),
    ],
)
def test_numbers_are_written_in_full_with_the_readers_decimal_mark(value, decimal, expected):
    assert csv_number(value, decimal) == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (AppState(), "phare-partnership_innovation_share-maires.csv"),
        (AppState(lang="en"), "phare-partnership_innovation_share-maires.csv"),
        (
            AppState(
                actor="entreprises",
                segment="10_49",
                indicator="fragility_mean_score",
                fragility="emploi",
            ),
            "phare-fragility_mean_score-emploi-entreprises-10_49.csv",
        ),
    ],
)
def test_the_file_is_named_after_the_view(state, expected):
    assert csv_filename(state) == expected


@pytest.mark.parametrize("flavour", ["fr", "standard"])
def test_a_hostile_text_cell_is_defused_but_numbers_are_not(context, flavour):
    table = view_table(
        context, AppState(actor="citoyens", indicator="partnership_innovation_share")
    )
    first = {**table.regions[0], "name": "=1+2", "source": "@cmd", "value": -5.0}
    hostile = replace(table, regions=(first, *table.regions[1:]))
    dialect = FLAVOURS[flavour]
    text = csv_text(hostile, "fr", "http://x/", dialect)
    lines = list(csv.reader(io.StringIO(text), delimiter=dialect.separator))
    row = next(line for line in lines if line and line[0] == "11")
    assert row[1] == "'=1+2" and "'@cmd" in row
    assert row[2] == "-5"  # a number stays a number, whatever its sign
    frame = pd.read_csv(io.StringIO(text), sep=dialect.separator, decimal=dialect.decimal)
    assert frame.loc[0, "Valeur"] == -5
