"""The slide layout: sizes and scale, fixed bands, wrapped footer, escaping, watermark."""

import math

import pytest

from dashboard.figures.geo_map import build_geo_choropleth
from dashboard.figures.presentation import (
    BADGE_NAME,
    BADGE_PX,
    DESIGN_WIDTH,
    FOOTER_FONT,
    FOOTER_NAME,
    SIDE_PX,
    SUBTITLE_NAME,
    TITLE_NAME,
    DesignSize,
    Line,
    SlideTexts,
    design_size,
    footer_lines,
    footer_width,
    slide_bands,
    slide_figure,
    title_lines,
)
from dashboard.figures.text_metrics import SLIDE_FONT_FAMILY, text_width
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
        "date": "PHARE-Institutions (novembre 2016)",
        "release": "Données publiées, version publie-1",
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


def footer_text(line: Line) -> str:
    return line.label + line.text


def test_the_footer_gives_every_field_whole_on_its_own_lines():
    lines = footer_lines(texts(), SLIDE)
    assert [footer_text(line) for line in lines] == [
        "Source : Le RAMEAU – Observatoire des partenariats, synthèse (2017-08)",
        "Base : 1 012 répondants",
        "Date : PHARE-Institutions (novembre 2016)",
        "Version des données : Données publiées, version publie-1",
        "Contours : IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte)",
        "Lien vers la vue : http://127.0.0.1:8050/?actor=maires&indicator=partnership_rate",
    ]
    assert [line.label for line in lines][4] == "Contours : "  # drawn in bold like the others


def test_a_long_source_wraps_whole_and_each_line_fits_the_width():
    lines = footer_lines(texts(sources=(LONG_SOURCE,)), SLIDE)
    assert len(lines) > 6 and "…" not in "".join(line.text for line in lines)
    source_lines = lines[: len(lines) - 5]  # base, date, release, contours, link: one each
    assert " ".join(line.text for line in source_lines) == LONG_SOURCE
    assert source_lines[0].label == "Source : "
    assert {line.label for line in source_lines[1:]} == {""}
    room = footer_width(texts(), SLIDE)
    for line in lines:
        drawn = text_width(line.label, FOOTER_FONT, bold=True) + text_width(line.text, FOOTER_FONT)
        assert drawn <= room


def test_a_link_wider_than_a_line_is_cut_after_an_ampersand_and_kept_whole():
    link = "http://localhost/?" + "&".join(f"parametre{n}=valeur{n}" for n in range(30))
    lines = footer_lines(texts(link=link), SLIDE)
    start = next(row for row, line in enumerate(lines) if line.label == "Lien vers la vue : ")
    parts = [line.text for line in lines[start:]]
    assert "".join(parts) == link and len(parts) >= 2
    assert all(part.endswith("&") for part in parts[:-1])


def test_simulated_footer_lines_leave_room_for_the_badge():
    room = footer_width(texts(simulated=True), SLIDE)
    assert room == pytest.approx((SLIDE.width - 2 * SIDE_PX - BADGE_PX) / 1.01)
    assert footer_width(texts(), SLIDE) == pytest.approx((SLIDE.width - 2 * SIDE_PX) / 1.01)


@pytest.mark.parametrize(
    ("titles", "questions", "footer", "expected"),
    [
        (1, 2, 5, (96, 109)),  # the former fixed title band
        (1, 1, 6, (78, 126)),
        (2, 3, 9, (144, 177)),
        (1, 0, 1, (54, 41)),
    ],
)
def test_slide_bands_grow_with_their_lines(titles, questions, footer, expected):
    assert slide_bands(titles, questions, footer) == expected


def test_the_slide_has_the_design_size_and_bands_fitted_to_its_texts():
    slide = slide_figure(map_figure(), texts(), SLIDE)
    layout = slide.layout
    assert (layout.width, layout.height) == (1280, 720)
    assert (layout.margin.t, layout.margin.b, layout.margin.r) == (78, 126, 24)
    assert layout.margin.l == map_figure().layout.margin.l + 24 - 10  # legend kept, aligned
    # the legend's swatches and texts are still there
    assert len(slide.layout.shapes) == len(map_figure().layout.shapes) + 1  # + footer rule
    assert any(TITLE in annotation.text for annotation in layout.annotations)
    assert {a.font.family for a in named(slide, FOOTER_NAME)} == {SLIDE_FONT_FAMILY}


def test_longer_texts_grow_the_bands_and_are_drawn_whole():
    short = slide_figure(map_figure(), texts(), SLIDE)
    long = slide_figure(
        map_figure(),
        texts(sources=(LONG_SOURCE,), subtitle=LONG_SOURCE, title=LONG_SOURCE),
        SLIDE,
    )
    assert long.layout.margin.t > short.layout.margin.t
    assert long.layout.margin.b > short.layout.margin.b
    titles, questions = title_lines(texts(title=LONG_SOURCE, subtitle=LONG_SOURCE), SLIDE)
    assert len(named(long, TITLE_NAME)) == len(titles) > 1
    assert len(named(long, SUBTITLE_NAME)) == len(questions) > 2
    assert " ".join(titles) == LONG_SOURCE and " ".join(questions) == LONG_SOURCE
    assert not any("…" in annotation.text for annotation in long.layout.annotations)
    footer = named(long, FOOTER_NAME)
    assert all(-long.layout.margin.b < annotation.yshift < 0 for annotation in footer)
    assert [a.yshift for a in footer] == sorted((a.yshift for a in footer), reverse=True)
    header = [*named(long, TITLE_NAME), *named(long, SUBTITLE_NAME)]
    assert all(0 < annotation.yshift <= long.layout.margin.t for annotation in header)


def test_a_charts_own_margins_stay_between_the_bands():
    figure = map_figure().update_layout(margin_t=40, margin_b=12)
    slide = slide_figure(figure, texts(), SLIDE)
    assert (slide.layout.margin.t, slide.layout.margin.b) == (78 + 40, 126 + 12)
    first_footer = named(slide, FOOTER_NAME)[0]
    assert first_footer.yshift == -(12 + 14)


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
    lines = [footer_text(line) for line in footer_lines(texts(lang="en"), SLIDE)]
    assert lines[0].startswith("Source: ") and lines[1].startswith("Base: ")
    assert lines[2].startswith("Date: ") and lines[3].startswith("Data release: ")
    assert lines[-1].startswith("Link to the view: ")


def test_scale_arithmetic_uses_the_gcd():
    size = design_size(1920, 1080)
    assert math.gcd(1920, 1080) == 120
    assert (size.width // 16, size.height // 9) == (80, 80)
