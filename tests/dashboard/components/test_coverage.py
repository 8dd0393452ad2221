"""The coverage table and the region sentence as Dash components: headers, links, words."""

from __future__ import annotations

from functools import partial

import pytest
from dash import html

from dashboard.components.coverage import (
    coverage_details,
    coverage_overview,
    coverage_sentence,
)
from dashboard.core.state import AppState
from dashboard.views.coverage import published_coverage
from tests.layout_tree import of_type, text_of, walk

text = partial(text_of, joiner="")  # the cells' pieces as the page runs them together


@pytest.fixture(scope="module")
def details(context):
    (block,) = coverage_details(context, AppState())
    return block


def test_the_carte_block_is_folded_under_one_line_saying_what_is_published(details):
    assert isinstance(details, html.Details) and not getattr(details, "open", False)
    summary = text(of_type(details, html.Summary)[0])
    assert summary == (
        "Ce qui est publié — Programme PHARE (2015-2016) : 111 chiffres nationaux ; "
        "18 chiffres régionaux, pour 7 régions sur 13"
    )


def test_the_table_has_its_caption_headers_and_one_row_per_territory(details):
    (table,) = of_type(details, html.Table)
    assert text(of_type(table, html.Caption)[0]) == "Chiffres publiés, par territoire et par acteur"
    header = of_type(of_type(table, html.Thead)[0], html.Th)
    assert [text(th) for th in header] == [
        "Territoire",
        "Citoyens",
        "Associations",
        "Entreprises",
        "Maires",
    ]
    assert {th.scope for th in header} == {"col"}
    rows = of_type(of_type(table, html.Tbody)[0], html.Tr)
    assert [text(row.children[0]) for row in rows][:3] == [
        "France",
        "Île-de-France",
        "Centre-Val de Loire",
    ]
    assert len(rows) == 14 and {row.children[0].scope for row in rows} == {"row"}


def test_the_table_scrolls_in_its_own_box_reachable_with_the_keyboard(details):
    (box,) = [c for c in walk(details) if getattr(c, "className", None) == "coverage-scroll"]
    assert (box.role, box.tabIndex) == ("region", 0)
    assert getattr(box, "aria-labelledby") == "coverage-table-caption"


def test_each_non_empty_cell_links_to_its_target_and_empty_cells_say_not_published(
    context, details
):
    coverage = published_coverage(context, AppState())
    rows = of_type(of_type(details, html.Tbody)[0], html.Tr)
    for row, data in zip(rows, coverage.rows, strict=True):
        assert of_type(row.children[0], html.A)[0].href == data.page
        for td, cell in zip(row.children[1:], data.cells, strict=True):
            links = of_type(td, html.A)
            if cell.target is None:
                assert (text(td), links) == ("non publié", [])
            else:
                assert [link.href for link in links] == [cell.target.href]
                assert text(links[0]).rstrip("*") == str(cell.count)


def test_burgundy_reads_counts_families_and_dates(details):
    rows = of_type(of_type(details, html.Tbody)[0], html.Tr)
    burgundy = next(row for row in rows if text(row.children[0]) == "Bourgogne-Franche-Comté")
    assert [text(td) for td in burgundy.children[1:]] == [
        "1 I2016",
        "1 I2016",
        "3 IT2016",
        "non publié",
    ]
    abbreviations = of_type(burgundy.children[3], html.Abbr)
    assert [(abbr.children, abbr.title) for abbr in abbreviations] == [
        ("I", "Partenariats, source d'innovation"),
        ("T", "Types, échelles et partenaires"),
    ]


def test_the_legend_explains_every_abbreviation_and_the_notes_follow(details):
    legend = next(c for c in walk(details) if getattr(c, "className", None) == "coverage-legend")
    assert text(legend).startswith("Familles d'indicateurs : N Notes de fragilité")
    assert "M Rôle des maires" in text(legend)
    whole = text(details)
    assert "* dont des chiffres publiés pour plusieurs régions ensemble" in whole
    elsewhere = [a for a in of_type(details, html.A) if a.href == "/?study=impact"]
    assert [text(a) for a in elsewhere] == ["Programme IMPACT (2018-2022) : 2 chiffres régionaux"]


def test_english_words_and_formats(context):
    (block,) = coverage_details(context, AppState(lang="en"))
    assert text(of_type(block, html.Summary)[0]) == (
        "What is published — PHARE programme (2015-2016): 111 national figures; "
        "18 regional figures, for 7 regions of 13"
    )
    assert "/?territory=28&lang=en" in {a.href for a in of_type(block, html.A)}


@pytest.mark.parametrize("state", [AppState(dataset="simule"), AppState(embed=True)])
def test_no_block_for_microdata_nor_in_an_embed(context, state):
    assert coverage_details(context, state) == []


def test_the_data_page_says_the_table_covers_published_figures_only_for_microdata(context):
    (note,) = coverage_overview(context, AppState(dataset="simule", actor="citoyens"))
    assert text(note) == (
        "Ce tableau ne porte que sur les chiffres publiés : le voir pour les chiffres publiés"
    )
    assert of_type(note, html.A)[0].href == "/donnees?actor=citoyens"


def test_the_data_page_explains_the_table_above_it(context):
    overview = coverage_overview(context, AppState())
    assert text(overview[0]).startswith("Combien de chiffres les sources publient")
    assert len(of_type(html.Div(overview), html.Table)) == 1


@pytest.mark.parametrize(
    ("lang", "expected", "link"),
    [
        (
            "fr",
            "Aucun chiffre régional publié pour la Bretagne ; voici ce que disent les enquêtes "
            "nationales.",
            ("ce que disent les enquêtes nationales", "/region/FR"),
        ),
        (
            "en",
            "No regional figure published for Bretagne; here is what the national surveys say.",
            ("what the national surveys say", "/region/FR?lang=en"),
        ),
    ],
)
def test_the_sentence_of_bretagne_links_to_the_france_page(context, lang, expected, link):
    sentence = coverage_sentence(context, AppState(lang=lang), "53")
    assert text(sentence) == expected
    (anchor,) = of_type(sentence, html.A)
    assert (anchor.children, anchor.href) == link


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "5 chiffres régionaux publiés pour la Bourgogne-Franche-Comté : citoyens, "
            "associations, entreprises.",
        ),
        (
            "en",
            "5 regional figures published for Bourgogne-Franche-Comté: citizens, associations, "
            "companies.",
        ),
    ],
)
def test_the_sentence_of_burgundy_names_its_actors(context, lang, expected):
    sentence = coverage_sentence(context, AppState(lang=lang), "27")
    assert text(sentence) == expected and of_type(sentence, html.A) == []


def test_no_sentence_for_microdata(context):
    assert coverage_sentence(context, AppState(dataset="simule"), "53") is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_family_has_its_own_abbreviation(context, lang):
    families = context.catalogue.families.values()
    assert len({family.abbr(lang) for family in families}) == len(families)
