"""What is known, at a glance: the coverage view model against the published table itself."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from dashboard.core.context import SIMULATED_DATASET
from dashboard.core.state import AppState, parse_state
from dashboard.core.values import view_values
from dashboard.views.coverage import (
    coverage_sentence_text,
    published_coverage,
)
from phare.catalogue import load_catalogue
from phare.published import load_published
from phare.selection import date_order

CATALOGUE = load_catalogue()
PROGRAMMES = list(CATALOGUE.programmes)


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    """The published table as the loader gives it, with each row's programme."""
    frame = load_published(CATALOGUE)
    programme_of = {study.id: study.programme for study in CATALOGUE.studies.values()}
    return frame.assign(programme=frame["study"].map(programme_of))


def counts(coverage) -> dict[tuple[str, str], int]:
    return {
        (row.code, cell.actor): cell.count
        for row in coverage.rows
        for cell in row.cells
        if cell.count
    }


@pytest.mark.parametrize("programme", PROGRAMMES)
def test_the_counts_are_the_published_table_grouped_by_territory_and_actor(
    context, published, programme
):
    rows = published[published["programme"] == programme]
    expected = rows.groupby(["region_code", "actor"]).size().to_dict()
    coverage = published_coverage(context, AppState(study=programme))
    assert counts(coverage) == expected
    assert set(coverage.actors) == set(rows["actor"])
    assert coverage.national == (rows["region_code"] == "FR").sum()
    assert coverage.regional == (rows["region_code"] != "FR").sum()


def test_every_figure_of_the_file_is_counted_once_per_territory(context, published):
    total = sum(
        row.count for p in PROGRAMMES for row in published_coverage(context, AppState(study=p)).rows
    )
    assert total == len(published) == 165  # 166 rows in the file, one excluded on loading


def test_bretagne_has_no_regional_figure_and_burgundy_has_figures_for_three_actors(context):
    for programme in PROGRAMMES:
        coverage = published_coverage(context, AppState(study=programme))
        assert coverage.row("53").count == 0
        assert all(cell.target is None for cell in coverage.row("53").cells)
    burgundy = published_coverage(context, AppState()).row("27")
    assert {cell.actor: cell.count for cell in burgundy.cells if cell.count} == {
        "citoyens": 1,
        "associations": 1,
        "entreprises": 3,
    }


def test_the_phare_programme_has_figures_for_seven_of_the_thirteen_regions(context):
    coverage = published_coverage(context, AppState())
    assert (coverage.regional, coverage.regions_with_figures, coverage.surveyed) == (18, 7, 13)
    assert coverage.elsewhere == (("impact", 2),)  # IMPACT's two figures for Occitanie


def test_france_comes_first_then_the_regions_in_catalogue_order(context):
    coverage = published_coverage(context, AppState())
    assert [row.code for row in coverage.rows] == ["FR", *CATALOGUE.regions]
    assert coverage.actors == ("citoyens", "associations", "entreprises", "maires")
    assert coverage.rows[0].page == "/region/FR"
    assert coverage.row("27").page == "/region/27"


def test_a_cell_names_its_families_and_its_latest_source_date(context, published):
    coverage = published_coverage(context, AppState())
    companies = next(cell for cell in coverage.row("27").cells if cell.actor == "entreprises")
    assert companies.families == ("innovation", "types")
    assert (companies.latest, companies.latest_label) == ("2016", "2016")
    mayors = next(cell for cell in coverage.row("FR").cells if cell.actor == "maires")
    rows = published[
        (published["programme"] == "phare")
        & (published["region_code"] == "FR")
        & (published["actor"] == "maires")
    ]
    assert mayors.latest == max(rows["source_date"], key=date_order) == "2017-08"
    assert mayors.latest_label == "août 2017"


def test_figures_published_for_two_regions_together_are_counted_in_each(context):
    coverage = published_coverage(context, AppState())
    for code in ("93", "94"):  # PACA and Corse, published together
        citizens = next(cell for cell in coverage.row(code).cells if cell.actor == "citoyens")
        assert (citizens.count, citizens.shared) == (2, 2)


def targets(context):
    for programme in PROGRAMMES:
        coverage = published_coverage(context, AppState(study=programme))
        for row in coverage.rows:
            for cell in row.cells:
                if cell.count:
                    yield row.code, cell.target


def test_each_non_empty_cell_opens_a_view_with_a_value_for_its_territory(context, published):
    checked = 0
    for code, target in targets(context):
        assert target.territory == code
        values = view_values(context, target.state)
        value = values.loc[values["code"] == code, "value"]
        assert value.notna().all() and len(value) == 1, (code, target.href)
        if code == "FR":
            assert target.path == "/region/FR"
        else:
            assert (target.path, target.state.territory) == ("/", code)
        checked += 1
    # every non-empty cell of the three programmes: 14 for PHARE, 5 for IMPACT, 3 others
    assert checked == published.groupby(["programme", "region_code", "actor"]).ngroups == 22


def test_a_target_survives_its_url(context):
    for _, target in targets(context):
        query = {name: values[0] for name, values in parse_qs(urlsplit(target.href).query).items()}
        state, notices = parse_state(query, context.choices)
        assert (state, notices) == (target.state, [])


def test_a_target_goes_to_the_figure_a_map_shows_best(context):
    coverage = published_coverage(context, AppState())
    burgundy = {cell.actor: cell.target.href for cell in coverage.row("27").cells if cell.count}
    assert burgundy["citoyens"] == "/?actor=citoyens&territory=27"
    assert burgundy["entreprises"] == "/?actor=entreprises&territory=27"  # not a 1-region type


def test_the_targets_speak_the_pages_language(context):
    coverage = published_coverage(context, AppState(lang="en"))
    assert coverage.row("28").cells[-1].target.href == "/?territory=28&lang=en"


def test_microdata_have_no_coverage_view(context):
    assert context.dataset(SIMULATED_DATASET).kind == "microdata"
    assert published_coverage(context, AppState(dataset=SIMULATED_DATASET)) is None
    assert coverage_sentence_text(context, AppState(dataset=SIMULATED_DATASET), "53") is None


@pytest.mark.parametrize(
    ("code", "lang", "text"),
    [
        ("53", "fr", "Aucun chiffre régional publié pour la Bretagne ; voici {link}."),
        ("53", "en", "No regional figure published for Bretagne; here is {link}."),
        ("11", "fr", "Aucun chiffre régional publié pour l'Île-de-France ; voici {link}."),
        ("32", "fr", "Aucun chiffre régional publié pour les Hauts-de-France ; voici {link}."),
        (
            "27",
            "fr",
            "5 chiffres régionaux publiés pour la Bourgogne-Franche-Comté : citoyens, "
            "associations, entreprises.",
        ),
        (
            "27",
            "en",
            "5 regional figures published for Bourgogne-Franche-Comté: citizens, associations, "
            "companies.",
        ),
        ("28", "fr", "1 chiffre régional publié pour la Normandie : maires."),
        ("28", "en", "1 regional figure published for Normandie: mayors."),
    ],
)
def test_the_sentence_says_what_a_region_has(context, code, lang, text):
    assert coverage_sentence_text(context, AppState(lang=lang), code).text == text


@pytest.mark.parametrize(
    ("lang", "link", "href"),
    [
        ("fr", "ce que disent les enquêtes nationales", "/region/FR"),
        ("en", "what the national surveys say", "/region/FR?lang=en"),
    ],
)
def test_a_region_with_nothing_links_to_the_france_page(context, lang, link, href):
    sentence = coverage_sentence_text(context, AppState(lang=lang, territory="53"), "53")
    assert (sentence.link_text, sentence.href) == (link, href)


def test_a_region_with_figures_in_another_programme_only_says_so(context):
    sentence = coverage_sentence_text(context, AppState(study="impact"), "27")
    assert sentence.text == (
        "Aucun chiffre régional publié pour la Bourgogne-Franche-Comté dans ce programme ; "
        "voici {link}."
    )
    assert sentence.href == "/region/FR?study=impact"


def test_the_sentence_of_a_region_follows_the_programme(context):
    sentence = coverage_sentence_text(context, AppState(study="impact"), "76")
    assert sentence.text == "2 chiffres régionaux publiés pour l'Occitanie : citoyens."
