"""PNG and SVG exports of the map view, rendered for real by kaleido in Debian's Chromium.

Each image is rendered once per module (a warm render takes a fraction of a second, the first
one starts the browser) and checked for several things.
"""

import io
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from urllib.parse import parse_qs

import numpy as np
import plotly.graph_objects as go
import pytest
from flask import Flask
from PIL import Image

import dashboard.exports.slides as image_export
from dashboard.core.context import Unavailable
from dashboard.core.state import AppState, parse_state
from dashboard.exports.renderer import Renderer
from dashboard.exports.slides import (
    NOTICE_HEADER,
    fill_map_area,
    for_image,
    image_filename,
    image_size,
    images,
    map_figure,
    render_slide,
    slide_texts,
)
from dashboard.figures.presentation import RULE_PX, design_size, slide_figure
from dashboard.server.current import EXTENSION_KEY
from dashboard.views.carte import map_view

SVG = "{http://www.w3.org/2000/svg}"
ATTACK = "<img src=x onerror=alert(1)>"
SIMULATED = "dataset=simule&actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
DARK = 128  # a pixel of text is darker than this (grey level)


@pytest.fixture(scope="module")
def get(dash_app, chromium):
    client = dash_app.server.test_client()
    return lambda url: client.get(url)


@pytest.fixture(scope="module")
def png_16_9(get):
    return get("/export/view.png")


@pytest.fixture(scope="module")
def svg_published(get):
    return get("/export/view.svg?actor=maires")


@pytest.fixture(scope="module")
def svg_simulated(get):
    return get(f"/export/view.svg?{SIMULATED}&width=1440&height=1080")


def pixels(response_or_bytes) -> np.ndarray:
    data = getattr(response_or_bytes, "data", response_or_bytes)
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def svg_root(response_or_bytes) -> ElementTree.Element:
    return ElementTree.fromstring(getattr(response_or_bytes, "data", response_or_bytes))


def text_nodes(root: ElementTree.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def footer_top(drawn: np.ndarray) -> int:
    """First pixel row of the footer band (its height follows its texts): the grey rule drawn
    across the slide (antialiased over one or two rows), less its distance below the band's
    top."""
    across = (drawn.max(axis=2) < 245).mean(axis=1) > 0.8  # no map or text is that wide
    row = int(np.flatnonzero(across)[0])
    width = drawn.shape[1]
    return row - round(RULE_PX * width / design_size(width, drawn.shape[0]).width)


def test_the_png_is_a_1920_by_1080_attachment(png_16_9):
    assert png_16_9.status_code == 200, png_16_9.get_data(as_text=True)
    assert png_16_9.headers["Content-Type"] == "image/png"
    assert png_16_9.headers["Content-Disposition"] == (
        'attachment; filename="phare-partnership_innovation_share-maires.png"'
    )
    assert NOTICE_HEADER not in png_16_9.headers
    image = Image.open(io.BytesIO(png_16_9.data))
    assert image.format == "PNG" and image.size == (1920, 1080)


def test_the_png_carries_its_texts_and_its_map(png_16_9, context):
    drawn = pixels(png_16_9)
    grey = drawn.mean(axis=2)
    top = footer_top(drawn)
    first_line = grey[top + 20 : top + 45, 30:1500]  # the source's first line
    assert (first_line < DARK).sum() > 2000
    assert (grey[:60, 30:900] < DARK).sum() > 2000  # the title
    # the map: Normandie's class colour (77 %) is painted
    colour = next(entry.colour for entry in map_view(context, AppState()).legend)
    rgb = np.array([int(v) for v in re.findall(r"\d+", colour)])
    assert (np.abs(drawn[150:top].astype(int) - rgb).sum(axis=2) < 6).sum() > 5000


def test_a_4_3_png_has_exactly_the_requested_size(get):
    response = get("/export/view.png?width=1440&height=1080")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size == (1440, 1080)


def test_the_svg_has_the_requested_size_and_text_nodes_for_its_footer(svg_published, context):
    assert svg_published.status_code == 200
    assert svg_published.headers["Content-Type"] == "image/svg+xml"
    assert svg_published.headers["Content-Disposition"].endswith('-maires.svg"')
    root = svg_root(svg_published)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    view = map_view(context, AppState())
    texts = text_nodes(root)
    footer = " ".join(texts)
    assert any(text.startswith("Source : " + view.sources[0][:80]) for text in texts)
    assert f"Base : {view.base}" in texts
    date = next(text for text in texts if text.startswith("Date : "))
    assert "PHARE-Institutions (non précisé par la source)" in date  # never a publication date
    assert f"Version des données : {view.release}" in texts  # the release on its own line
    assert view.attribution in texts
    assert view.title in footer
    assert "SIMULÉES" not in footer
    assert not watermarks(root)


def watermarks(root: ElementTree.Element) -> list[str]:
    """Texts drawn inside a group turned by the watermark's angle."""
    return [
        "".join(text.itertext())
        for group in root.iter(f"{SVG}g")
        if (group.get("transform") or "").startswith("rotate(-20")
        for text in group.iter(f"{SVG}text")
    ]


def test_a_simulated_svg_says_so_in_its_footer_and_across_the_map(svg_simulated):
    assert svg_simulated.status_code == 200
    root = svg_root(svg_simulated)
    assert (root.get("width"), root.get("height")) == ("1440", "1080")
    texts = text_nodes(root)
    assert texts.count("DONNÉES SIMULÉES") == 2  # the footer's badge and the watermark
    assert watermarks(root) == ["DONNÉES SIMULÉES"]
    assert any(text.startswith("Source : ") and "données simulées" in text for text in texts)
    assert any(text.startswith("Base : ") for text in texts)
    # a date, and what the simulation stands for; the release id on its own line
    date = next(text for text in texts if text.startswith("Date : "))
    assert date.startswith(
        "Date : données simulées, sur le modèle de PHARE-Citoyens (septembre 2015)"
    )
    assert "simulation-" not in date
    release = next(text for text in texts if text.startswith("Version des données : "))
    assert release.startswith("Version des données : Estimations pondérées, données simulation-")


@pytest.fixture(scope="module")
def two_sources(context, chromium):
    """The same view rendered with two different source texts, through the pure builder."""
    state = AppState()
    view = map_view(context, state)
    texts = slide_texts(context, state, view, "http://localhost/")
    design = design_size(1920, 1080)
    rendered = []
    for source in ("Première source, courte", "Une tout autre source " * 12):
        slide = slide_figure(
            map_figure(context, state, view), replace(texts, sources=(source,)), design
        )
        rendered.append(pixels(render_slide(context, slide, design, "png")))
    return rendered


def test_a_longer_source_grows_the_footer_band_and_keeps_the_title_band(two_sources):
    first, second = two_sources
    assert first.shape == second.shape == (1080, 1920, 3)
    assert footer_top(second) < footer_top(first)  # the map area gives way to the source
    assert np.array_equal(first[:90], second[:90])  # the title


def test_hostile_texts_come_out_escaped_in_the_svg(context, chromium):
    state = AppState()
    view = map_view(context, state)
    texts = replace(
        slide_texts(context, state, view, "http://localhost/?a=1&b=2"),
        title=f"Titre {ATTACK}",
        sources=(f"Le RAMEAU & co {ATTACK}",),
    )
    design = design_size(1920, 1080)
    slide = slide_figure(map_figure(context, state, view), texts, design)
    svg = render_slide(context, slide, design, "svg")
    assert b"<img" not in svg and b"onerror=alert(1)>" not in svg
    assert re.search(rb"(&lt;|&#60;)img src=x onerror=alert\(1\)(&gt;|&#62;)", svg)
    drawn = text_nodes(svg_root(svg))  # well-formed XML, texts shown as written
    assert f"Titre {ATTACK}" in drawn
    assert f"Source : Le RAMEAU & co {ATTACK}" in drawn
    assert "Lien vers la vue : http://localhost/?a=1&b=2" in drawn


def test_a_bad_size_falls_back_to_the_default_and_says_so(get):
    response = get("/export/view.png?width=abc&height=99999")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size == (1920, 1080)
    notice = response.headers[NOTICE_HEADER]
    assert notice.isascii()
    assert "width=abc ignored" in notice and "1920 used" in notice
    assert "height=99999 ignored" in notice and "1080 used" in notice


def test_one_regions_communes_render(get):
    # the communes by size class: every one painted (published data have no stratum value)
    response = get("/export/view.png?level=commune&territory=28&show=size&width=1280&height=720")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="phare-partnership_innovation_share-maires-commune-28.png"'
    )
    drawn = pixels(response)
    assert drawn.shape == (720, 1280, 3)
    painted = np.abs(drawn.astype(int) - drawn[0, 0]).sum(axis=2) > 60
    assert painted[100:580].sum() > 100_000  # thousands of communes fill the map area


def test_a_render_failure_is_a_clear_503(dash_app, monkeypatch, empty_response_cache):
    monkeypatch.setattr(image_export, "RENDERER", Renderer("/nonexistent/chromium"))
    response = dash_app.server.test_client().get("/export/view.svg")
    assert response.status_code == 503
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    text = response.get_data(as_text=True)
    assert text.startswith("l'export d'image n'est pas disponible : ")
    assert "/nonexistent/chromium" in text and "Traceback" not in text


def test_without_data_the_export_answers_503_with_the_reason():
    app = Flask(__name__)
    app.extensions[EXTENSION_KEY] = Unavailable("cache de géométrie absent")
    app.register_blueprint(images)
    response = app.test_client().get("/export/view.png")
    assert response.status_code == 503
    assert response.get_data(as_text=True).endswith("cache de géométrie absent")


@pytest.mark.parametrize(
    ("query", "expected", "notices"),
    [
        ({}, (1920, 1080), 0),
        ({"width": "1440", "height": "1080"}, (1440, 1080), 0),
        ({"width": " 800 ", "height": "600"}, (800, 600), 0),
        ({"width": "319"}, (1920, 1080), 1),
        ({"width": "3841", "height": "2161"}, (1920, 1080), 2),
        ({"width": "1e3", "height": "-5"}, (1920, 1080), 2),
        ({"width": "٣٢٠"}, (1920, 1080), 1),  # Arabic-Indic digits are not ASCII
        ({"width": "9" * 5000}, (1920, 1080), 1),
    ],
)
def test_image_size(query, expected, notices):
    size, found = image_size(query)
    assert size == expected and len(found) == notices
    assert all(notice.isascii() and "\n" not in notice for notice in found)


def test_image_filename_uses_ids_only(context):
    state, _ = parse_state(
        {"actor": "citoyens", "indicator": "fragility_mean_score", "fragility": "emploi"},
        context.choices,
    )
    assert image_filename(state, "svg") == "phare-fragility_mean_score-emploi-citoyens.svg"
    commune = state.model_copy(update={"level": "commune", "territory": "2A004"})
    assert image_filename(commune, "png") == (
        "phare-fragility_mean_score-emploi-citoyens-commune-2A004.png"
    )


def test_for_image_inlines_only_the_drawn_features():
    features = {code: {"type": "Feature", "id": code, "geometry": None} for code in "abc"}
    figure = {
        "data": [
            {"type": "choropleth", "geojson": "lvl", "locations": ["b", "a", "b"], "text": ["x"]},
            {"type": "choropleth", "geojson": "lvl", "locations": []},
            {"type": "scattergeo", "text": ["77 %"]},
        ]
    }
    inlined = for_image(figure, lambda level: features)
    first, empty, labels = inlined["data"]
    assert [f["id"] for f in first["geojson"]["features"]] == ["b", "a"]
    assert empty["geojson"] == {"type": "FeatureCollection", "features": []}
    assert "text" not in first and first["hoverinfo"] == "skip"
    assert labels["text"] == ["77 %"]  # map labels stay


def test_the_map_ranges_take_the_shape_of_the_map_area():
    slide = go.Figure(
        layout={
            "width": 1280,
            "height": 720,
            "margin": {"l": 80, "r": 0, "t": 100, "b": 100},  # a 1200 × 520 map area
            "geo": {"lonaxis": {"range": [-0.25, 0.25]}, "lataxis": {"range": [59.75, 60.25]}},
        }
    )
    filled = fill_map_area(slide).layout.geo
    west, east = filled.lonaxis.range
    assert filled.lataxis.range == (59.75, 60.25)  # the binding side is kept
    # at 60° N a degree of longitude is half a degree of latitude: 1200 / 520 × 0.5 / 0.5
    assert east - west == pytest.approx(1200 / 520 * 0.5 / 0.5)
    assert (west + east) / 2 == pytest.approx(0)
    assert slide.layout.geo.lonaxis.range == (-0.25, 0.25)  # a new figure, the input kept


def test_small_multiples_keep_their_own_ranges():
    panels = {"lonaxis": {"range": [-5, 10]}, "lataxis": {"range": [41, 51]}}
    slide = go.Figure(
        layout={
            "width": 1280,
            "height": 720,
            "margin": {"l": 80, "r": 0, "t": 100, "b": 100},
            "geo": panels,
            "geo2": panels,
        }
    )
    kept = fill_map_area(slide)
    assert kept.layout.geo.lonaxis.range == kept.layout.geo2.lonaxis.range == (-5, 10)


def test_a_slide_of_a_region_s_communes_says_the_region_s_value_once(context):
    state = AppState(level="commune", territory="28")
    texts = slide_texts(context, state, map_view(context, state), "http://localhost/")
    assert texts.base.startswith(
        "Normandie (valeur de la région, pas celle de ses communes) : 77\u00a0% · "
    )


def test_a_simulated_svg_legend_says_its_scale_and_the_regions_against_france(
    svg_simulated, context
):
    """The slide draws the Carte's legend, notes included (classes, scale, Holm counts)."""
    view = map_view(context, parse_state(parse_qs(SIMULATED), context.choices)[0])
    texts = text_nodes(svg_root(svg_simulated))
    assert view.legend_notes[0] == "Classes selon les données"
    assert all(note in texts for note in view.legend_notes)
