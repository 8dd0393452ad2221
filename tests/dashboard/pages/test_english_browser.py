"""The English pages in real headless Chromium: no French word is left once names are removed,
and the language switch changes every filter of the Carte.

The text read is what a reader meets: the tab title, the page's rendered text (closed
``<details>`` opened), tooltips, labels and placeholders, the texts drawn inside the Plotly SVGs,
the hover texts and captions held by the figures, and every option of the Carte's filters with
the tooltip of the disabled ones. Names stay as they are in any language: communes,
departments, regions (from the data context), sources, their publishers and the credits of the
geography (from the catalogue and the provenance records).
"""

from __future__ import annotations

import pytest

from dashboard.text.i18n import t
from dashboard.views.carte_filters import FILTERS
from geodata.sources import COG
from tests.dashboard.french_words import french_words, source_names, without_names
from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS, VIEWPORT

pytestmark = pytest.mark.browser

COMMUNE = "14118"  # Caen
NNBSP = "\u202f"
# (address, key of the page's name in its tab title, whether to open the Carte's filters: once,
# on the published figures, whose options are the most often disabled, each with its tooltip)
PAGES = [
    ("/?lang=en&territory=28", "nav_map", True),  # with the selection panel
    ("/?lang=en&dataset=simule&classes=bogus", "nav_map", False),  # a notice for the bad value
    ("/region/28?lang=en", "page_region", False),
    ("/region/28?lang=en&dataset=simule", "page_region", False),
    ("/region/FR?lang=en", "page_france", False),
    ("/region/53?lang=en", "page_region", False),  # France's charts where Bretagne has none
    ("/?lang=en&actor=citoyens&indicator=fragility_mean_score&fragility=emploi", "nav_map", False),
    ("/comparer?lang=en&territories=28,FR&dataset=simule", "nav_compare", False),
    ("/donnees?lang=en", "nav_data", False),
    ("/donnees?lang=en&dataset=simule", "nav_data", False),
    (f"/commune/{COMMUNE}?lang=en&dataset=simule", "commune_page", False),
]

# Every graph drawn (and, where a page has one, its grid's rows), no callback pending.
READY = """
() => {
  if (document.querySelector('[data-dash-is-loading="true"]')) return false;
  const graphs = [...document.querySelectorAll('.dash-graph')];
  if (!graphs.every((g) => { const gd = g.querySelector('.js-plotly-plot');
                             return gd && gd._fullLayout && gd.querySelector('.main-svg'); }))
    return false;
  return [...document.querySelectorAll('.ag-root')].every((grid) => grid.querySelector('.ag-row'));
}
"""
OPEN_DETAILS = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"

# [where, text] pairs: what a reader meets on the page, hover texts and captions included.
# The page's text is read with the figures' SVGs hidden: a caption's lines, read there, would
# run into each other ("leurterritoire"); they are read line by line from the SVG instead.
COLLECT = """
() => {
  const out = [['tab title', document.title]];
  const hide = document.createElement('style');
  hide.textContent = '.js-plotly-plot svg { display: none !important; }';
  document.head.appendChild(hide);
  out.push(['page text', document.body.innerText]);
  hide.remove();
  for (const name of ['title', 'aria-label', 'placeholder']) {
    for (const el of document.querySelectorAll(`[${name}]`)) {
      out.push([`${name} attribute`, el.getAttribute(name)]);
    }
  }
  const plain = (html) => String(html).replace(/<br>/g, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const id = gd.parentElement.id || 'graph';
    for (const text of gd.querySelectorAll('svg text')) {
      const lines = [...text.querySelectorAll('tspan.line')];
      const shown = lines.length ? lines.map((l) => l.textContent).join(' ') : text.textContent;
      out.push([`${id}: drawn text`, shown]);
    }
    for (const trace of gd.data) {
      for (const key of ['text', 'hovertext', 'customdata']) {
        const value = trace[key];
        if (value == null) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          if (typeof item === 'string') out.push([`${id}: ${key} of a trace`, plain(item)]);
        }
      }
    }
    for (const note of gd.layout.annotations || []) {
      out.push([`${id}: annotation`, plain(note.text)]);
    }
  }
  return out;
}
"""
# Each option of an open dropdown, with its tooltip (a disabled option says why).
OPTIONS = """
() => [...document.querySelectorAll('[role=option]')].map((option) =>
  [option.innerText, ...[...option.querySelectorAll('[title]')].map((e) => e.title)].join(' | '))
"""
FILTER = """
(name) => [document.querySelector(`label[for="${name}"]`).innerText,
           document.getElementById(name).innerText]
"""
LOCALE = """
() => [...document.querySelectorAll('.js-plotly-plot')].map((gd) => ({
  locale: gd._context.locale,
  separators: gd._fullLayout.separators,
  buttons: [...gd.querySelectorAll('.modebar-btn')].map((b) => b.getAttribute('data-title')),
}))
"""


@pytest.fixture(scope="module")
def names(context) -> list[str]:
    """Names shown as they are in any language, from the data context and the catalogue."""
    features = context.features
    places = [*features["region"]["name"], *features["departement"]["name"]]
    places.append(context.territory("commune", COMMUNE)["name"])
    geography = [context.geometry.attribution, context.geometry.licence]
    geography += [COG.provenance.attribution, COG.provenance.licence]
    return [*places, *source_names(context.catalogue), *geography]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


def open_ready(tab, url: str, title: str):
    page = tab.new_page()
    page.goto(url)
    page.wait_for_function("(title) => document.title === title", arg=title, timeout=30_000)
    page.wait_for_function(READY, timeout=PAGE_TIMEOUT_MS, polling=200)
    page.evaluate(OPEN_DETAILS)
    page.wait_for_function(READY, timeout=PAGE_TIMEOUT_MS, polling=200)
    return page


def filter_options(page) -> list[list[str]]:
    """[where, text] of every option of every filter of the Carte, opened one by one."""
    texts = []
    for name in FILTERS:
        page.click(f"#{name}")
        page.wait_for_selector("[role=option]")
        texts += [[f"filter {name}: option", option] for option in page.evaluate(OPTIONS)]
        page.keyboard.press("Escape")
        page.wait_for_selector("[role=option]", state="detached")
    return texts


@pytest.mark.parametrize(("path", "page_name", "filters"), PAGES)
def test_no_french_word_is_left_on_the_english_page(
    tab, live_server, names, path, page_name, filters
):
    page = open_ready(tab, live_server + path, "PHARE – " + t(page_name, "en"))
    try:
        texts = page.evaluate(COLLECT)
        if filters:
            texts += filter_options(page)
        locales = page.evaluate(LOCALE)
    finally:
        page.close()
    offending = [
        f"{word!r} ({where}): …{context}…"
        for where, text in texts
        for word, context in french_words(without_names(text, names))
    ]
    assert not offending, f"French words on {path}:\n" + "\n".join(dict.fromkeys(offending))
    assert all(graph["locale"] == "en" and graph["separators"] == ".," for graph in locales)


def test_the_language_switch_changes_every_filter_and_plotly_s_words(tab, live_server):
    """The Carte in French then in English: each filter's label or shown choice changes, with
    the labels of the catalogue; Plotly's own words and separators follow the page."""
    shown, locales = {}, {}
    for lang, title in (("fr", "PHARE – Carte"), ("en", "PHARE – Map")):
        page = open_ready(tab, f"{live_server}/?lang={lang}", title)
        try:
            shown[lang] = {name: page.evaluate(FILTER, name) for name in FILTERS}
            (locales[lang],) = page.evaluate(LOCALE)
        finally:
            page.close()
    for name in FILTERS:
        assert [shown["fr"][name][0], shown["en"][name][0]] == [t(name, "fr"), t(name, "en")]
        assert shown["fr"][name] != shown["en"][name], name
    assert locales["fr"]["locale"] == "fr" and locales["fr"]["separators"] == "," + NNBSP
    assert "Télécharger le graphique en fichier PNG" in locales["fr"]["buttons"]  # vendored
    assert locales["en"]["locale"] == "en" and locales["en"]["separators"] == ".,"
    assert "Download plot as a PNG" in locales["en"]["buttons"]
