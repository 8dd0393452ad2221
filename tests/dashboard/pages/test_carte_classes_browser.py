"""The Carte's default classes in Chromium: the companies' emploi scores in three classes with
the legend's notes, and the full scale one choice away, kept by the permalink and a reload."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.dashboard.pages.test_carte_browser import (
    choose,
    legend_items,
    norm,
    open_page,
    settle,
)

pytestmark = pytest.mark.browser

COMPANIES = "/?dataset=simule&actor=entreprises&indicator=fragility_mean_score&fragility=emploi"


def notes(page) -> list[str]:
    items = page.locator("#legend .legend-notes li")
    return [norm(items.nth(i).inner_text()) for i in range(items.count())]


def test_the_full_scale_is_one_choice_away_and_survives_a_reload(browser, live_server):
    context, page = open_page(browser, f"{live_server}{COMPANIES}")
    try:
        assert legend_items(page)[:3] == [
            ("5,14 – 5,37", "2 rég."),
            ("5,37 – 5,62", "6 rég."),
            ("5,62 – 5,85", "4 rég."),
        ]
        assert notes(page) == [
            "Classes selon les données",
            "Par rapport à la France (Holm) :",
            "▲ au-dessus : 1 rég.",
            "▼ en dessous : 0 rég.",
            "sans écart significatif : 11 rég.",
        ]
        # the figure's legend (what the PNG export draws) says it too
        assert "Classes selon les données" in [norm(text) for text in page.drawn["annotations"]]
        drawn = choose(page, "classes", "Échelle complète, classes égales")
        assert [count for _, count in legend_items(page)][:5] == ["0 rég."] * 2 + [
            "12 rég.",
            "0 rég.",
            "0 rég.",
        ]
        assert "Échelle fixe 1,0 – 10,0" in [norm(text) for text in drawn["annotations"]]
        href = page.get_attribute("#permalink", "href")
        assert parse_qs(urlsplit(href).query)["classes"] == ["fixed"]
        page.wait_for_function("(href) => location.pathname + location.search === href", arg=href)
        fixed = legend_items(page)
        page.reload()
        again = settle(page)
        assert parse_qs(urlsplit(page.url).query)["classes"] == ["fixed"]
        assert legend_items(page) == fixed
        assert "Échelle fixe 1,0 – 10,0" in [norm(text) for text in again["annotations"]]
        assert notes(page)[0] == "Échelle fixe 1,0 – 10,0"
        assert "Échelle complète" in page.inner_text("#classes")
    finally:
        context.close()
