"""Analyse sur mesure in real headless Chromium against real gunicorn: the cross-table as drawn.

Cells are read from the rendered AG Grid: a row's element carries the row's id (``row-id``, the
fragility, actor… id) and each cell its field (``col-id``: ``label``, ``c0_value``…); a value
column is matched to its column (actor…) by the group header drawn above it, not by its index.
A choice in a control redraws the table in place and writes its URL in the address bar: the
tests wait for the new URL, then for the new grid and figures.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS, VIEWPORT

pytestmark = pytest.mark.browser

ACCEPTANCE = "/analyse?indicator=fragility_mean_score&rows=fragility&cols=actor&territory=FR"
SCORES_TITLE = "Note moyenne de fragilité (1 à 10) — France — Fragilités × Acteurs"
FRAGILITIES = 16
# Not the default table: another dataset, indicator, territory and a group of fragilities.
FILTERED = (
    "/analyse?dataset=simule&indicator=fragility_mean_score&rows=fragility&cols=actor"
    "&territory=28&group=sociaux"
)
SOCIAL = {
    "pauvrete",
    "mal_logement",
    "diversite_handicap",
    "vieillissement",
    "isolement_lien_social",
}
IMPACT_2019_EMPLOI = "6,4"  # IMPACT 2019's citizens' score for jobs: not the PHARE figure

# True once the page's grid has rows and every graph on the page is drawn, no callback pending.
READY = """
() => {
  if (document.querySelector('[data-dash-is-loading="true"]')) return false;
  if (!document.querySelector('#analyse-table .ag-center-cols-container .ag-row')) return false;
  return [...document.querySelectorAll('.dash-graph')].every((g) => {
    const gd = g.querySelector('.js-plotly-plot');
    return gd && gd._fullLayout && gd.querySelector('.main-svg');
  });
}
"""

# {row id: {field: text}} of every row the grid draws.
CELLS = """
() => Object.fromEntries(
  [...document.querySelectorAll('#analyse-table .ag-center-cols-container .ag-row')].map((row) => [
    row.getAttribute('row-id'),
    Object.fromEntries([...row.querySelectorAll('[col-id]')].map(
      (cell) => [cell.getAttribute('col-id'), cell.textContent.trim()])),
  ]))
"""

# {value field: the text of the group header drawn above it} ("c0_value": "Citoyens").
HEADERS = """
() => {
  const groups = [...document.querySelectorAll('#analyse-table .ag-header-group-cell')]
    .map((cell) => ({ box: cell.getBoundingClientRect(), text: cell.textContent.trim() }))
    .filter((group) => group.text);
  const out = {};
  const values = '#analyse-table .ag-header-cell[col-id$="_value"]';
  for (const cell of document.querySelectorAll(values)) {
    const box = cell.getBoundingClientRect();
    const middle = box.left + box.width / 2;
    const above = groups.find((g) => g.box.left <= middle && middle <= g.box.right);
    out[cell.getAttribute('col-id')] = above ? above.text : null;
  }
  return out;
}
"""

# Per geo subplot of the small multiples, the number of regions it draws; null until each
# subplot draws some (the base map is fetched after the figure is laid out).
MAPS = """
() => {
  const gd = document.querySelector('#analyse-maps .js-plotly-plot');
  if (!gd || !gd._fullLayout) return null;
  const drawn = (gd._fullLayout._subplots.geo || []).map((id) => {
    const subplot = gd._fullLayout[id]._subplot;
    return subplot ? subplot.framework.node().querySelectorAll('.choroplethlocation').length : 0;
  });
  return drawn.includes(0) ? null : drawn;
}
"""


def norm(text: str) -> str:
    """Texts are typeset with no-break spaces ("2 024"): compare them as plain spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


@pytest.fixture(scope="module")
def tab(browser):
    """One browser context for the module: each test opens its pages in it."""
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


def ready(page) -> None:
    page.wait_for_function(READY, timeout=PAGE_TIMEOUT_MS, polling=100)


def open_table(tab, url: str):
    page = tab.new_page()
    page.goto(url)
    ready(page)
    return page


def cells(page) -> dict[str, dict[str, str]]:
    return {
        row: {field: norm(text) for field, text in fields.items()}
        for row, fields in page.evaluate(CELLS).items()
    }


def by_column(page, row: str) -> dict[str, str]:
    """One row's shown values by the column header above each (``{"Citoyens": "7,1", …}``)."""
    headers = page.evaluate(HEADERS)
    shown = cells(page)[row]
    return {headers[field]: text for field, text in shown.items() if field in headers}


def choose(page, control: str, label: str, query: str) -> None:
    """Pick ``label`` in a control as a reader does; wait for the new table's URL, then for the
    table and its figures to be drawn."""
    page.click(f"#{control}")
    page.get_by_role("option", name=label, exact=True).click()
    page.wait_for_url(lambda url: query in url, timeout=PAGE_TIMEOUT_MS)
    ready(page)


@pytest.fixture(scope="module")
def acceptance(tab, live_server):
    """The published scores of the 16 fragilities by actor for France, shared by readers."""
    page = open_table(tab, f"{live_server}{ACCEPTANCE}")
    yield page
    page.close()


def test_the_published_scores_by_fragility_and_actor(acceptance):
    page = acceptance
    assert page.inner_text("#analyse-title") == SCORES_TITLE
    shown = cells(page)
    assert len(shown) == FRAGILITIES
    assert shown["emploi"]["label"] == "Emploi / chômage / insertion"
    emploi = by_column(page, "emploi")
    assert emploi == {
        "Citoyens": "7,1",
        "Associations": "6,8",
        "Entreprises": "5,6",
        "Maires": "non publié",
    }
    assert emploi["Citoyens"] != IMPACT_2019_EMPLOI  # PHARE's figure, not IMPACT 2019's
    assert shown["sante"]["label"] == "Santé"
    assert by_column(page, "sante")["Citoyens"] == "non publié"
    assert shown["emploi"]["c0_n"] == "2 024"  # the citizens' published base
    # 16 × 4 cells: a heatmap, the top 3 of each actor, the note says nothing was tested
    chart = page.evaluate("() => document.querySelector('#analyse-chart .js-plotly-plot').data")
    assert chart[0]["type"] == "heatmap"
    top3 = norm(page.inner_text("#analyse-top3"))
    assert "Citoyens" in top3 and "Emploi / chômage / insertion (7,1)" in top3
    assert page.inner_text("#analyse-test-note").startswith("Écarts entre colonnes non testés")
    assert "PHARE-Citoyens" in page.inner_text("#analyse-caption")
    assert page.is_visible("#copy-excel")
    assert page.locator("#analyse-maps").count() == 0  # no territory dimension: no maps


def test_the_permalink_restores_the_table(tab, live_server):
    page = open_table(tab, f"{live_server}{FILTERED}")
    try:
        title = page.inner_text("#analyse-title")
        assert "Normandie" in title and "Critères sociaux" in title
        shown = cells(page)
        assert set(shown) == SOCIAL
        assert re.fullmatch(r"\d,\d", shown["pauvrete"]["c0_value"])  # a simulated estimate
        permalink = page.input_value("#share-permalink")
        query = parse_qs(urlsplit(permalink).query)
        assert query["dataset"] == ["simule"] and query["indicator"] == ["fragility_mean_score"]
        assert query["territory"] == ["28"] and query["group"] == ["sociaux"]
        reopened = open_table(tab, permalink)
        try:
            assert reopened.inner_text("#analyse-title") == title
            assert cells(reopened) == shown
            assert page.evaluate(HEADERS) == reopened.evaluate(HEADERS)
        finally:
            reopened.close()
    finally:
        page.close()


def test_a_control_opens_the_new_table_and_its_maps(tab, live_server):
    page = open_table(tab, f"{live_server}{ACCEPTANCE}")
    try:
        choose(page, "analyse-rows", "Territoires", "rows=territory")
        query = parse_qs(urlsplit(page.url).query)
        assert query["rows"] == ["territory"] and query["cols"] == ["actor"]
        shown = cells(page)
        assert shown["28"]["label"] == "Normandie"
        assert len(shown) == 14  # France and the 13 regions
        assert "Territoires × Acteurs" in page.inner_text("#analyse-title")

        choose(page, "analyse-dataset", "Données simulées (démonstration)", "dataset=simule")
        assert parse_qs(urlsplit(page.url).query)["rows"] == ["territory"]
        assert cells(page)["28"]["label"] == "Normandie"
        drawn = page.wait_for_function(MAPS, timeout=PAGE_TIMEOUT_MS, polling=100).json_value()
        assert len(drawn) >= 4  # one region map per actor
        assert all(regions >= 13 for regions in drawn), drawn
        assert page.locator("#analyse-maps .geo").count() >= 4
    finally:
        page.close()


def test_a_bad_parameter_gives_a_notice_and_the_default_table(tab, live_server):
    page = open_table(tab, f"{live_server}/analyse?rows=nonsense&territory=dep-99")
    try:
        notices = [norm(text) for text in page.locator(".url-notice").all_inner_texts()]
        assert any("« rows »" in text and "nonsense" in text for text in notices), notices
        assert any("« territory »" in text and "dep-99" in text for text in notices), notices
        assert page.inner_text("#analyse-title") == SCORES_TITLE  # the page's default table
        assert by_column(page, "emploi")["Citoyens"] == "7,1"
        assert page.locator(".dash-fe-error__title, .alert-danger").count() == 0
    finally:
        page.close()


def test_the_page_with_no_parameter_opens_on_the_published_scores(tab, live_server):
    page = open_table(tab, f"{live_server}/analyse")
    try:
        assert page.inner_text("#analyse-title") == SCORES_TITLE
        assert by_column(page, "emploi")["Citoyens"] == "7,1"
        assert len(cells(page)) == FRAGILITIES
        drawn = page.evaluate(
            "() => document.querySelector('#analyse-chart .js-plotly-plot').data[0].z"
        )
        assert any(value is not None for row in drawn for value in row)
        assert page.locator("#analyse-no-value").count() == 0
    finally:
        page.close()


def test_the_apps_default_indicator_chosen_here_survives_a_reload(tab, live_server):
    page = open_table(tab, f"{live_server}/analyse")
    try:
        choose(
            page,
            "analyse-indicator",
            "Partenariats source d'innovation",
            "indicator=partnership_innovation_share",
        )
        title, shown = page.inner_text("#analyse-title"), cells(page)
        assert title == "Partenariats source d'innovation — Territoires × Acteurs"
        assert by_column(page, "28")["Maires"] == "77 %"
        page.reload()
        ready(page)
        assert (page.inner_text("#analyse-title"), cells(page)) == (title, shown)
        copied = open_table(tab, page.input_value("#share-permalink"))
        try:
            assert (copied.inner_text("#analyse-title"), cells(copied)) == (title, shown)
        finally:
            copied.close()
    finally:
        page.close()


def test_the_english_page(tab, live_server):
    page = open_table(tab, f"{live_server}{ACCEPTANCE}&lang=en")
    try:
        assert page.inner_text("h1") == "Custom analysis"
        headings = page.locator("h3").all_inner_texts()
        assert {"Chart", "Cross-table"} <= set(headings)
        assert page.inner_text("#analyse-title") == (
            "Mean fragility score (1-10) — France — Fragilities × Respondents"
        )
        assert cells(page)["emploi"]["label"] == "Jobs / unemployment / integration"
        emploi = by_column(page, "emploi")
        assert emploi["Citizens"] == "7.1" and emploi["Mayors"] == "not published"
        assert page.inner_text("#copy-excel") == "Copy for Excel"
    finally:
        page.close()


# Installed in every document of the tab (``add_init_script``): once armed, every 50 ms it notes
# in the tab's sessionStorage (which outlives a page load) whether a table is in view — the grid
# present, not ``display: none``, not hidden, its own and its ancestors' opacity above 0, a
# non-zero box, with at least one such row — which rows it shows, and which document it is.
RECORDER = """
(() => {
  const KEY = 'analyse-samples';
  const documentId = Math.random().toString(36).slice(2);
  const inView = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      if (parseFloat(style.opacity) <= 0) return false;
    }
    return true;
  };
  const sample = () => {
    if (sessionStorage.getItem(KEY + '-armed') !== '1') return;
    const grid = document.querySelector('#analyse-table');
    const rows = grid ? [...grid.querySelectorAll('.ag-center-cols-container .ag-row')] : [];
    const shown = Boolean(grid) && inView(grid) && rows.some(inView);
    const samples = JSON.parse(sessionStorage.getItem(KEY) || '[]');
    samples.push({
      document: documentId,
      shown,
      rows: rows.map((row) => row.getAttribute('row-id')),
    });
    sessionStorage.setItem(KEY, JSON.stringify(samples));
  };
  setInterval(sample, 50);
})();
"""
ARM = (
    "() => { sessionStorage.setItem('analyse-samples', '[]');"
    " sessionStorage.setItem('analyse-samples-armed', '1'); }"
)
SAMPLES = "() => JSON.parse(sessionStorage.getItem('analyse-samples') || '[]')"
DISARM = "() => sessionStorage.setItem('analyse-samples-armed', '0')"


def test_a_change_of_indicator_never_leaves_the_table_area_empty(tab, live_server):
    page = tab.new_page()
    try:
        page.add_init_script(RECORDER)
        page.goto(f"{live_server}/analyse")
        ready(page)
        page.evaluate(ARM)
        page.wait_for_function(f"() => ({SAMPLES})().length >= 3", timeout=PAGE_TIMEOUT_MS)
        choose(
            page,
            "analyse-indicator",
            "Partenariats source d'innovation",
            "indicator=partnership_innovation_share",
        )
        # the new indicator's table: the regions, Normandie's mayors at 77 %
        assert page.inner_text("#analyse-title").startswith("Partenariats source d'innovation")
        assert by_column(page, "28")["Maires"] == "77 %"
        page.wait_for_function(
            f"() => ({SAMPLES})().slice(-1)[0].rows.includes('28')", timeout=PAGE_TIMEOUT_MS
        )
        page.evaluate(DISARM)
        samples = page.evaluate(SAMPLES)
    finally:
        page.close()
    blank = [at for at, sample in enumerate(samples) if not sample["shown"]]
    assert not blank, f"no table in view at samples {blank} of {len(samples)}"
    assert {sample["document"] for sample in samples} == {samples[0]["document"]}, (
        "the page was loaded again"
    )
    # the old table (the fragilities) to begin with, the new one (the regions) at the end
    assert "emploi" in samples[0]["rows"] and "28" not in samples[0]["rows"]
    assert "28" in samples[-1]["rows"] and "emploi" not in samples[-1]["rows"]
