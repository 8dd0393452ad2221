"""The slide layout: sizes and scale, fixed bands, wrapped footer, escaping, watermark."""

import math

import pytest

from dashboard.figures.geo_map import build_geo_choropleth
from dashboard.figures.presentation import (
    BADGE_NAME,
    DESIGN_WIDTH,
    FOOTER_BAND_PX,
    FOOTER_NAME,
    SOURCE_LINES,
    SUBTITLE_NAME,
    TITLE_BAND_PX,
    TITLE_NAME,
    DesignSize,
    SlideTexts,
    design_size,
    fit_lines,
    footer_chars,
    footer_lines,
    slide_figure,
)
from dashboard.figures.watermark import WATERMARK_NAME, with_watermark
from tests.dashboard.figures.map_fixtures import (
    ATTACK,
    STATES,
    TITLE,
    URL,
    classification,
    frame,
    legend_items,
)

SLIDE = design_size(1920, 1080)
LONG_SOURCE = " ".join(["Observatoire des partenariats, étude PHARE-Institutions"] * 12)


def texts(**changes) -> SlideTexts:
    values = {
        "title": "Partenariats source d'innovation — Maires",
        "subtitle": "« Part des répondants pour qui les partenariats sont source d'innovation »",
        "sources": ("Le RAMEAU – Observatoire des partenariats, synthèse (2017-08)",),
        "base": "1 012 répondants",
        "date": "PHARE-Institutions (novembre 2016) · Données publiées, version publie-1",
        "attribution": "Contours : IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte)",
        "link": "http://127.0.0.1:8050/?actor=maires&indicator=partnership_rate",
        "simulated": False,
        "lang": "fr",
    }
    return SlideTexts(**{**values, **changes})


def map_figure():
    return build_geo_choropleth(frame(), classification(), URL, STATES, legend_items(), TITLE)


def named(figure, name: str) -> list:
    return [annotation for annotation in figure.layout.annotations if annotation.name == name]


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (1920, 1080, DesignSize(1280, 720, 1.5)),  # 16:9
        (1440, 1080, DesignSize(1280, 960, 1.125)),  # 4:3
        (3840, 2160, DesignSize(1280, 720, 3.0)),
        (1280, 720, DesignSize(1280, 720, 1.0)),
        (320, 240, DesignSize(1280, 960, 0.25)),
        (1009, 997, DesignSize(1009, 997, 1.0)),  # coprime: drawn at its own size
    ],
)
def test_design_size_scales_to_exactly_the_requested_pixels(width, height, expected):
    size = design_size(width, height)
    assert size == expected
    assert (size.width * size.scale, size.height * size.scale) == (width, height)
    assert size.pixels == (width, height)


@pytest.mark.parametrize(("width", "height"), [(1001, 777), (1366, 768), (2000, 999), (333, 2160)])
def test_odd_sizes_are_exact_in_floating_point_too(width, height):
    size = design_size(width, height)
    assert size.width * size.scale == width  # the browser multiplies the same doubles
    assert size.height * size.scale == height
    assert size.width * height == size.height * width  # same shape


def test_a_1001_by_777_image_is_designed_near_the_usual_width():
    size = design_size(1001, 777)  # gcd 7: 143 × 111 times m
    assert size == DesignSize(1287, 999, 7 / 9)
    assert abs(size.width - DESIGN_WIDTH) < 143


@pytest.mark.parametrize(("width", "height"), [(0, 1080), (1920, -1)])
def test_an_empty_size_is_refused(width, height):
    with pytest.raises(ValueError, match="positive size"):
        design_size(width, height)


@pytest.mark.parametrize(
    ("text", "chars", "lines", "expected"),
    [
        ("Source courte", 40, 2, ("Source courte",)),
        ("un deux trois quatre", 10, 2, ("un deux", "trois…")),
        ("un deux trois quatre", 10, 3, ("un deux", "trois", "quatre")),
        ("aaaa bbbb cccc dddd", 9, 1, ("aaaa…",)),
        ("espaces   et\nretours", 40, 1, ("espaces et retours",)),
        ("", 40, 1, ("",)),
    ],
)
def test_fit_lines_wraps_into_its_slots_and_marks_a_cut(text, chars, lines, expected):
    assert fit_lines(text, chars, lines) == expected


def test_a_cut_line_never_exceeds_its_width():
    lines = fit_lines("x" * 30 + " " + "y" * 30, 20, 1)
    assert lines == ("x" * 19 + "…",)


def test_the_footer_has_a_fixed_number_of_lines_whatever_the_source_length():
    short = footer_lines(texts(), footer_chars(SLIDE))
    long = footer_lines(texts(sources=(LONG_SOURCE,)), footer_chars(SLIDE))
    assert len(short) == 5 and len(long) == 4 + SOURCE_LINES
    assert long[SOURCE_LINES - 1].endswith("…")
    assert all(len(line) <= footer_chars(SLIDE) for line in long)
    assert long[0].startswith("Source : Observatoire")
    assert long[-3:] == short[-3:]  # date, contours and link keep their own lines


def test_the_slide_has_the_design_size_and_fixed_bands():
    slide = slide_figure(map_figure(), texts(), SLIDE)
    layout = slide.layout
    assert (layout.width, layout.height) == (1280, 720)
    assert (layout.margin.t, layout.margin.b, layout.margin.r) == (
        TITLE_BAND_PX,
        FOOTER_BAND_PX,
        24,
    )
    assert layout.margin.l == map_figure().layout.margin.l + 24 - 10  # legend kept, aligned
    # the legend's swatches and texts are still there
    assert len(slide.layout.shapes) == len(map_figure().layout.shapes) + 1  # + footer rule
    assert any(TITLE in annotation.text for annotation in layout.annotations)


def test_longer_texts_never_move_the_map():
    short = slide_figure(map_figure(), texts(), SLIDE)
    long = slide_figure(
        map_figure(),
        texts(sources=(LONG_SOURCE,), subtitle=LONG_SOURCE, title=LONG_SOURCE),
        SLIDE,
    )
    assert short.layout.margin == long.layout.margin
    assert len(named(long, TITLE_NAME)) == 1
    assert len(named(long, SUBTITLE_NAME)) == 2
    assert named(long, TITLE_NAME)[0].text.endswith("…</b>")
    footer = named(long, FOOTER_NAME)
    assert len(footer) == 4 + SOURCE_LINES
    assert all(-FOOTER_BAND_PX < annotation.yshift < 0 for annotation in footer)
    assert [a.yshift for a in footer] == sorted((a.yshift for a in footer), reverse=True)


def test_the_input_figure_is_left_unchanged():
    figure = map_figure()
    before = figure.to_dict()
    slide_figure(figure, texts(simulated=True), SLIDE)
    assert figure.to_dict() == before


def test_every_text_is_escaped():
    hostile = texts(
        title=f"<script>alert(1)</script> {ATTACK}",
        subtitle="Q & R <b>gras</b>",
        sources=("Le RAMEAU & co <img src=x>",),
        base="<i>12</i>",
        date="2016 & 2017",
        attribution="<a href='javascript:x'>IGN</a>",
        link="http://h/?a=1&b=<2>",
    )
    slide = slide_figure(map_figure(), hostile, SLIDE)
    texts_drawn = [annotation.text for annotation in slide.layout.annotations]
    joined = "\n".join(texts_drawn)
    assert "<script" not in joined and "<img" not in joined and "<a " not in joined
    assert "<i>" not in joined
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "Le RAMEAU &amp; co &lt;img src=x&gt;" in joined
    assert "Q &amp; R &lt;b&gt;gras&lt;/b&gt;" in joined
    assert "http://h/?a=1&amp;b=&lt;2&gt;" in joined


def test_simulated_slides_carry_the_badge_and_the_diagonal_watermark():
    slide = slide_figure(map_figure(), texts(simulated=True), SLIDE)
    (watermark,) = named(slide, WATERMARK_NAME)
    assert watermark.text == "DONNÉES SIMULÉES" and watermark.textangle == -20
    (badge,) = named(slide, BADGE_NAME)
    assert "DONNÉES SIMULÉES" in badge.text and badge.y == 0 and badge.yshift < 0


def test_published_slides_carry_neither():
    slide = slide_figure(map_figure(), texts(), SLIDE)
    assert named(slide, WATERMARK_NAME) == [] and named(slide, BADGE_NAME) == []
    assert not any("SIMULÉES" in annotation.text for annotation in slide.layout.annotations)


def test_a_figure_already_watermarked_gets_no_second_watermark():
    figure = with_watermark(map_figure(), True, "fr")
    slide = slide_figure(figure, texts(simulated=True), SLIDE)
    assert len(named(slide, WATERMARK_NAME)) == 1


def test_english_labels():
    lines = footer_lines(texts(lang="en"), footer_chars(SLIDE))
    assert lines[0].startswith("Source: ") and lines[1].startswith("Base: ")
    assert lines[2].startswith("Date: ")


def test_scale_arithmetic_uses_the_gcd():
    size = design_size(1920, 1080)
    assert math.gcd(1920, 1080) == 120
    assert (size.width // 16, size.height // 9) == (80, 80)
