"""Every CSV the product serves, as a journalist pastes it: values rounded as the screen shows
them (the numbers in full in the standard flavour only), ``n`` from the published base, the
base in words, the study's fieldwork date and the source's confidence; file names that say
what the table holds."""

import csv
import io
import math
import re

import pandas as pd
import pytest

from dashboard.components import france
from dashboard.core.state import ANALYSE_PAGE, AppState, parse_state
from dashboard.exports.analyse import _filename as analysis_filename
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count, rounded
from dashboard.views.analyse import analysis_view
from dashboard.views.sharing import csv_filename
from phare.published import load_published
from tests.dashboard.exports.test_csv import expected_values

SCORES = "dataset=simule&actor=entreprises&indicator=fragility_mean_score&fragility=emploi"
SIMULATED_TABLE = (
    "dataset=simule&indicator=partnership_rate&rows=territory&cols=segment&actor=maires"
)
NATIONAL = "actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
# (route, query): each CSV the product serves, on simulated data (15 decimals before rounding)
# and on published figures
FILES = [
    ("/export/view.csv", SCORES),
    ("/export/view.csv", "dataset=simule&actor=maires&indicator=partnership_innovation_share"),
    ("/export/view.csv", "actor=maires&indicator=partnership_innovation_share"),
    ("/export/chart/france-scores.csv", "dataset=simule"),
    ("/export/chart/france-innovation.csv", "dataset=simule"),
    ("/export/chart/france-scores.csv", ""),
    ("/export/chart/carte-national.csv", NATIONAL),
    ("/export/analyse.csv", SIMULATED_TABLE),
    ("/export/analyse.csv", "dataset=simule&indicator=fragility_mean_score&rows=fragility"),
    ("/export/analyse.csv", ""),
]
FRENCH_NUMBER = re.compile(r"-?\d+(?:,(\d+))?")
COLUMNS = {"actor": "Acteur interrogé", "indicator": "Indicateur", "fragility": "Fragilité"}
CONFIDENCE_WORDS = {"sûre": "high", "moyenne": "medium", "lecture incertaine": "low"}

NOT_STATED = "non précisé par la source"


def get(client, route: str, query: str, flavour: str):
    response = client.get(f"{route}?{query}&flavour={flavour}")
    assert response.status_code == 200, response.text[:300]
    return response


def read(response, flavour: str) -> pd.DataFrame:
    separator, decimal = (";", ",") if flavour == "fr" else (",", ".")
    return pd.read_csv(
        io.BytesIO(response.data),
        sep=separator,
        decimal=decimal,
        encoding="utf-8-sig",
        dtype={"Code": str},
        keep_default_na=False,
        na_values=[""],
    )


@pytest.mark.parametrize(("route", "query"), FILES)
def test_no_french_cell_holds_more_than_two_decimals(client, route, query):
    text = get(client, route, query, "fr").get_data(as_text=True).removeprefix("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    numbers = [cell for row in rows for cell in row if FRENCH_NUMBER.fullmatch(cell)]
    assert numbers  # every file has numbers, and each of them is parsed here
    decimals = [len(FRENCH_NUMBER.fullmatch(cell).group(1) or "") for cell in numbers]
    assert max(decimals) <= 2, max(numbers, key=len)
    assert "Valeur non arrondie" not in header and "Valeur" in header


def test_the_carte_csv_rounds_as_the_map_and_keeps_every_digit_in_standard(client, dash_app):
    expected = expected_values(dash_app, dict(pair.split("=") for pair in SCORES.split("&")))
    shown = read(get(client, "/export/view.csv", SCORES, "fr"), "fr").set_index("Code")
    full = read(get(client, "/export/view.csv", SCORES, "standard"), "standard").set_index("Code")
    assert list(full.index) == list(expected)
    for code, value in expected.items():
        if math.isnan(value):  # suppressed: no number at all
            assert full.loc[code, ["Valeur", "Valeur non arrondie"]].isna().all()
            continue
        assert full.loc[code, "Valeur non arrondie"] == value  # exactly, 15 decimals and all
        assert full.loc[code, "Valeur"] == shown.loc[code, "Valeur"] == rounded(value, "score_1_10")
    idf = full.loc["11"]
    assert (idf["Valeur"], idf["IC 95 % bas"], idf["IC 95 % haut"]) == (5.8, 5.7, 6.0)
    assert idf["IC 95 % bas non arrondi"] != 5.7 and round(idf["IC 95 % bas non arrondi"], 1) == 5.7
    assert full["n effectif"].dtype.kind == "i"  # whole, as the Données table shows it
    assert (full["Base"] == [f"{format_count(n)} répondants" for n in full["n"]]).all()
    assert "6,0" in get(client, "/export/view.csv", SCORES, "fr").get_data(as_text=True)


@pytest.mark.parametrize("chart", ["france-scores", "france-innovation"])
def test_a_chart_csv_keeps_every_digit_in_standard(client, context, chart):
    state, _ = parse_state({"dataset": "simule"}, context.choices)
    values = france.chart_export(context, state, chart).rows["value"].tolist()
    frame = read(
        get(client, f"/export/chart/{chart}.csv", "dataset=simule", "standard"), "standard"
    )
    assert frame["Valeur non arrondie"].tolist() == values
    unit = "score_1_10" if chart == "france-scores" else "pct"
    assert frame["Valeur"].tolist() == [rounded(value, unit) for value in values]


def test_the_analyse_csv_keeps_every_digit_in_standard(client, context):
    query = dict(pair.split("=") for pair in SIMULATED_TABLE.split("&"))
    state, _ = parse_state(query, context.choices, ANALYSE_PAGE)
    view, _ = analysis_view(context, state)
    frame = read(get(client, "/export/analyse.csv", SIMULATED_TABLE, "standard"), "standard")
    cells = view.table.cells
    assert frame["Valeur non arrondie"].tolist() == pytest.approx(
        cells["value"].tolist(), nan_ok=True, rel=0, abs=0
    )
    assert frame["IC 95 % haut non arrondi"].tolist() == pytest.approx(
        cells["ci_high"].tolist(), nan_ok=True, rel=0, abs=0
    )
    shown = [v if math.isnan(v) else rounded(v, "pct") for v in cells["value"]]
    assert frame["Valeur"].tolist() == pytest.approx(shown, nan_ok=True, rel=0, abs=0)


def words(cell: object) -> str:
    """A text cell, "" for an empty one (pandas reads it as NaN)."""
    return cell if isinstance(cell, str) else ""


def published_rows(context) -> pd.DataFrame:
    """``published_figures.csv`` as the data layer reads it (segment wording → segment id,
    excluded rows dropped), fragility "" where none."""
    frame = load_published(context.catalogue)
    return frame.assign(fragility=frame["fragility"].fillna(""))


def test_the_published_chart_csvs_give_n_base_fieldwork_and_confidence(client, context):
    """Every France chart in its CSV: ``n`` is the published figure's ``base_n`` wherever the
    source gives one, empty elsewhere with « effectif non publié »; each row has its study's
    fieldwork date and its source's confidence."""
    catalogue, published = context.catalogue, published_rows(context)
    national = published[(published["region_code"] == "FR") & (published["segment"] == "all")]
    ids = {
        "actor": {a.label("fr"): a.id for a in catalogue.actors.values()},
        "indicator": {i.label("fr"): i.id for i in catalogue.indicators.values()},
        "fragility": {f.label("fr"): f.id for f in catalogue.fragilities.values()} | {"": ""},
    }
    based = 0
    for chart in france.chart_ids(context):
        response = client.get(f"/export/chart/{chart}.csv?flavour=standard")
        if response.status_code == 404:  # a family with no national figure
            continue
        frame = read(response, "standard")
        assert frame["n"].dtype.kind in "if"  # numeric, even where empty
        for row in frame.to_dict("records"):
            cell = {name: ids[name][words(row[column])] for name, column in COLUMNS.items()}
            same = national[
                (national["actor"] == cell["actor"])
                & (national["indicator"] == cell["indicator"])
                & (national["fragility"] == cell["fragility"])
                & (national["value"] == row["Valeur non arrondie"])
                & (national["confidence"] == CONFIDENCE_WORDS[row["Fiabilité de la lecture"]])
            ]
            assert not same.empty, row
            bases = set(same["base_n"].dropna())
            assert len(bases) <= 1
            if bases:
                based += 1
                assert row["n"] == bases.pop()
                assert row["Base"] == f"{format_count(int(row['n']))} répondants"
            else:
                assert math.isnan(row["n"]) and row["Base"] == "effectif non publié"
            assert isinstance(row["Terrain"], str) and row["Terrain"]
    assert based >= 25  # the citizens' 14 scores and the associations' 11 at least


def test_a_published_carte_csv_without_base_says_so(client, context):
    """The mayors' regional figures: no base published, so ``n`` stays empty (numeric) and the
    row says « effectif non publié »; fieldwork and confidence from the published row."""
    frame = read(
        get(
            client, "/export/view.csv", "actor=maires&indicator=partnership_innovation_share", "fr"
        ),
        "fr",
    ).set_index("Code")
    assert frame["n"].isna().all() and frame["n"].dtype.kind == "f"
    assert (frame["Base"] == "effectif non publié").all()
    published = published_rows(context)
    phare_studies = [s.id for s in context.catalogue.studies.values() if s.programme == "phare"]
    mine = published[
        published["study"].isin(phare_studies)
        & (published["actor"] == "maires")
        & (published["indicator"] == "partnership_innovation_share")
        & (published["segment"] == "all")
    ].set_index("region_code")
    valued = frame[frame["Valeur"].notna()]
    # Normandie, Occitanie, Auvergne-Rhône-Alpes and France
    assert set(valued.index) == set(mine.index) == {"28", "76", "84", "FR"}
    for code, row in valued.iterrows():
        figure = mine.loc[code]
        assert row["Valeur"] == figure["value"]
        assert row["Fiabilité de la lecture"] == t(f"confidence_{figure['confidence']}")
        # a fieldwork no source states is said so (PHARE-Institutions'), never invented
        fieldwork = context.catalogue.studies[figure["study"]].fieldwork("fr") or NOT_STATED
        assert row["Terrain"] == fieldwork


def test_in_english_the_columns_and_the_missing_base_are_english(client):
    frame = read(
        get(client, "/export/view.csv", "actor=maires&lang=en", "standard"),
        "standard",
    )
    for column in ("Unrounded value", "Base", "Fieldwork", "Reading confidence"):
        assert column in frame.columns
    assert (frame["Base"] == "sample size not published").all()
    assert set(frame["Reading confidence"].dropna()) <= {"high", "medium", "uncertain reading"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "phare-analyse-fragility-actor-fragility_mean_score-FR.csv"),
        (SIMULATED_TABLE, "phare-analyse-territory-segment-partnership_rate-maires-simule.csv"),
        (
            "indicator=fragility_mean_score&rows=segment&cols=territory&actor=associations"
            "&fragility=sante",
            "phare-analyse-segment-territory-fragility_mean_score-sante-associations.csv",
        ),
        (
            "indicator=partnership_innovation_share&rows=territory&cols=actor&segment=10_49",
            "phare-analyse-territory-actor-partnership_innovation_share.csv",
        ),
    ],
)
def test_the_analyse_file_is_named_after_what_the_table_holds(context, query, expected):
    pairs = dict(pair.split("=") for pair in query.split("&")) if query else {}
    state, _ = parse_state(pairs, context.choices, ANALYSE_PAGE)
    view, _ = analysis_view(context, state)
    assert analysis_filename(view, "csv") == expected


def test_files_of_simulated_data_say_so_in_their_name(client):
    assert csv_filename(AppState(dataset="simule", actor="citoyens")) == (
        "phare-partnership_innovation_share-citoyens-simule.csv"
    )
    response = get(client, "/export/chart/france-scores.csv", "dataset=simule", "standard")
    assert (
        'filename="phare-france_scores-simule-standard.csv"'
        in (response.headers["Content-Disposition"])
    )
    analysis = get(client, "/export/analyse.csv", SIMULATED_TABLE, "fr")
    assert analysis.headers["Content-Disposition"].endswith('-maires-simule.csv"')


def test_every_published_base_reaches_the_n_of_its_views_csv(client, context):
    """Each of the published figures that give a base (36 of them): the CSV of its view on the
    Carte (or, for a national-only view, of its national chart) has it as ``n``, with its
    study's fieldwork and its confidence."""
    published = published_rows(context)
    based = published[published["base_n"].notna()]
    assert len(based) == 36
    for row in based.itertuples():
        study = context.catalogue.studies[row.study]
        query = f"actor={row.actor}&indicator={row.indicator}&segment={row.segment}"
        query += f"&fragility={row.fragility}" if row.fragility else ""
        query += f"&study={study.programme}" if study.programme != "phare" else ""
        response = client.get(f"/export/view.csv?{query}&flavour=standard")
        if response.status_code == 404:  # a national-only view: its chart's CSV
            response = get(client, "/export/chart/carte-national.csv", query, "standard")
        frame = read(response, "standard")
        if "Code" in frame:
            line = frame[frame["Code"] == row.region_code]
        else:
            line = frame[frame["Fragilité"].map(words) == words(frame_label(context, row))]
        assert len(line) == 1, query
        figure = line.iloc[0]
        assert (figure["Valeur non arrondie"], figure["n"]) == (row.value, row.base_n), query
        assert figure["Base"] == f"{format_count(row.base_n)} répondants"
        assert words(figure["Terrain"]) == (study.fieldwork("fr") or NOT_STATED)  # not invented
        assert figure["Fiabilité de la lecture"] == t(f"confidence_{row.confidence}")


def frame_label(context, row) -> str:
    """The fragility of a published row as the national chart names it ("" for none)."""
    return context.catalogue.fragilities[row.fragility].label("fr") if row.fragility else ""
