"""The CSV of the current view: headers, format, the numbers of the view, the lines it carries."""

import csv
import io
import math
from dataclasses import replace

import pytest

from dashboard.context import EXTENSION_KEY, Unavailable
from dashboard.exports import csv_filename, csv_number, csv_text, safe_text
from dashboard.methodology import view_table
from dashboard.state import AppState, parse_state
from dashboard.values import region_values

BOM = "\ufeff"
CITIZENS = "actor=citoyens&indicator=partnership_innovation_share"


def read_csv(response, separator: str = ";") -> tuple[list[list[str]], list[dict]]:
    """(the lines before the blank line, the table's rows as dicts keyed by header)."""
    text = response.get_data(as_text=True)
    assert text.startswith(BOM)
    lines = list(csv.reader(io.StringIO(text[1:]), delimiter=separator))
    blank = lines.index([])
    header, *rows = lines[blank + 1 :]
    return lines[:blank], [dict(zip(header, row, strict=True)) for row in rows]


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


def assert_same_values(rows: list[dict], expected: dict[str, float], lang: str = "fr"):
    value, decimal = ("Valeur", ",") if lang == "fr" else ("Value", ".")
    got = {row["Code"]: number(row[value], decimal) for row in rows}
    assert got.keys() == expected.keys()
    for code, wanted in expected.items():
        assert same(got[code], wanted), code


def test_the_csv_is_an_excel_friendly_attachment(client):
    response = client.get(f"/export/view.csv?{CITIZENS}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="phare-partnership_innovation_share-citoyens.csv"'
    )


def test_the_csv_numbers_are_the_views_values_with_a_decimal_comma(client, dash_app):
    meta, rows = read_csv(client.get(f"/export/view.csv?{CITIZENS}"))
    assert [row["Code"] for row in rows] == [
        *dash_app.server.extensions[EXTENSION_KEY].catalogue.regions,
        "FR",
    ]
    assert_same_values(
        rows,
        expected_values(
            dash_app, {"actor": "citoyens", "indicator": "partnership_innovation_share"}
        ),
    )
    burgundy = next(row for row in rows if row["Code"] == "27")
    assert (burgundy["Territoire"], burgundy["Valeur"], burgundy["Unité"]) == (
        "Bourgogne-Franche-Comté",
        "75",
        "%",
    )
    assert burgundy["Statut"] == "publié" and burgundy["Étude"] == "PHARE – rapports régionaux"
    assert rows[0]["Valeur"] == "" and rows[0]["Statut"] == "non publié"  # never 0
    labels = [line[0] for line in meta]
    assert labels == [
        "Vue",
        "Question",
        "Base",
        "Source",
        "Source",
        "Version des données",
        "Vue sur la carte",
    ]
    assert meta[0][1].startswith("Indicateur : Partenariats source d'innovation")
    assert meta[1][1].startswith("Part des répondants qui considèrent les partenariats")
    assert meta[5][1].startswith("Données publiées, version publie-")
    assert meta[6][1] == "http://localhost/?actor=citoyens"  # the default indicator is implied


def test_simulated_data_say_so_first_and_carry_every_estimate(client, dash_app):
    query = {
        "dataset": "simule",
        "actor": "entreprises",
        "indicator": "fragility_mean_score",
        "fragility": "emploi",
    }
    response = client.get("/export/view.csv", query_string=query)
    meta, rows = read_csv(response)
    assert meta[0] == ["DONNÉES SIMULÉES"]
    assert meta[1][1].endswith("— DONNÉES SIMULÉES")
    assert_same_values(rows, expected_values(dash_app, query))
    context = dash_app.server.extensions[EXTENSION_KEY]
    state, _ = parse_state(query, context.choices)
    regions = region_values(context, state).regions.set_index("code")
    for row in rows[:-1]:
        estimate = regions.loc[row["Code"]]
        assert same(number(row["IC 95 % bas"]), estimate["ci_low"])
        assert same(number(row["n effectif"]), estimate["n_eff"])
        assert same(number(row["n"]), estimate["n"])
    assert response.headers["Content-Disposition"].endswith(
        'phare-fragility_mean_score-emploi-entreprises.csv"'
    )


def test_a_bad_parameter_gives_the_default_view_not_an_error(client, dash_app):
    response = client.get("/export/view.csv?actor=zzz&indicator=%3Dcmd%7C&k=99")
    assert response.status_code == 200
    assert (
        "phare-partnership_innovation_share-maires.csv" in response.headers["Content-Disposition"]
    )
    _, rows = read_csv(response)
    assert_same_values(rows, expected_values(dash_app, {}))


def test_in_english_the_csv_uses_commas_and_a_decimal_point(client, dash_app):
    query = {"dataset": "simule", "actor": "citoyens", "lang": "en"}
    meta, rows = read_csv(client.get("/export/view.csv", query_string=query), separator=",")
    assert meta[0] == ["SIMULATED DATA"]
    assert_same_values(rows, expected_values(dash_app, query), lang="en")


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


def test_a_hostile_text_cell_is_defused_in_the_file(context):
    table = view_table(
        context, AppState(actor="citoyens", indicator="partnership_innovation_share")
    )
    hostile = replace(
        table,
        regions=({**table.regions[0], "name": "=1+2", "source": "@cmd"}, *table.regions[1:]),
    )
    lines = list(csv.reader(io.StringIO(csv_text(hostile, "fr", "http://x/")), delimiter=";"))
    row = next(line for line in lines if line and line[0] == "11")
    assert row[1] == "'=1+2" and "'@cmd" in row
