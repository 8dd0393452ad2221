"""A map laid out as a presentation slide: title band, the map and its legend, footer band.

Pure: a figure and texts in, a new figure out (no Dash, no files, no browser). The slide is laid
out at a *design size* of about :data:`DESIGN_WIDTH` pixels wide, where the fonts read well,
and the renderer scales it to the requested pixels (:func:`design_size` chooses a design size
and a scale whose products are exactly the requested width and height).

Every text is whole: the title, the question and each footer field (source, base, fieldwork
date, data release, contours, link) wrap over as many lines as they need, measured in the font
the slide is drawn in (:mod:`dashboard.figures.text_metrics`), and the bands grow with them,
the map taking what is left (:func:`slide_bands`). Nothing is cut, nothing ends with "…".
Positions are in pixels from the plot area's corners, like the legend's
(:func:`dashboard.figures.choropleth.legend_layout`), which stays in the left margin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.figures.choropleth import LEGEND_PAD_PX
from dashboard.figures.template import TEXT_COLOUR
from dashboard.figures.text_metrics import SLIDE_FONT_FAMILY, text_width, wrap_text
from dashboard.figures.watermark import WATERMARK_NAME, watermark_annotations
from dashboard.text.i18n import labelled, t
from dashboard.text.markup import escape

DESIGN_WIDTH = 1280  # 1920 × 1080 is drawn at 1280 × 720 and scaled by 1.5
MIN_DESIGN_HEIGHT = 540  # the two bands and a map still fit in a very wide image
SIDE_PX = 24
TITLE_FONT, SUBTITLE_FONT, FOOTER_FONT, BADGE_FONT = 24, 14, 12, 15
TITLE_ROW_PX, SUBTITLE_ROW_PX, FOOTER_ROW_PX = 30, 18, 17
TITLE_TOP_PX = 14  # first title line, below the image's top
SUBTITLE_GAP_PX, TITLE_BOTTOM_PX = 6, 10  # between title and question; below the question
FOOTER_TOP_PX, FOOTER_BOTTOM_PX = 14, 10  # first footer line below the band's top; below the last
RULE_PX = 6  # the rule between map and footer, below the band's top
BADGE_PX = 200  # room kept at the right of the footer for « DONNÉES SIMULÉES »
MUTED_COLOUR, RULE_COLOUR, BADGE_COLOUR = "#4a4a4a", "#9e9e9e", "#a00000"
TITLE_NAME, SUBTITLE_NAME, FOOTER_NAME, BADGE_NAME = "title", "subtitle", "footer", "simulated"
# A line may be this much wider when drawn than measured (rounding of glyph advances).
WIDTH_SLACK = 1.01


@dataclass(frozen=True)
class DesignSize:
    """The size the slide is laid out at, and the scale that gives the requested pixels."""

    width: int
    height: int
    scale: float

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.scale), round(self.height * self.scale)


@dataclass(frozen=True)
class SlideTexts:
    """What the slide says besides the map, in plain text (escaped here, not by the caller)."""

    title: str
    subtitle: str  # the question as asked
    sources: tuple[str, ...]
    base: str
    date: str  # when the fieldwork of the studies shown took place: a date, never a release id
    release: str  # which data: the release's name and id
    attribution: str  # the contours' credit, as the geometry states it ("" without a map)
    link: str  # the view on the page
    simulated: bool
    lang: str = "fr"


@dataclass(frozen=True)
class Line:
    """One drawn line of a band: its bold label (the field's first line only) and its text."""

    label: str
    text: str


def design_size(width: int, height: int) -> DesignSize:
    """A design size of the requested shape, near :data:`DESIGN_WIDTH` wide (and at least
    :data:`MIN_DESIGN_HEIGHT` high), whose scale gives exactly ``width`` × ``height``.

    With ``g = gcd(width, height)``, every design size of the same shape is ``m`` times
    ``(width / g, height / g)`` with scale ``g / m``; the ``m`` nearest the wanted scale whose
    products are exact in floating point (as the browser computes them) wins. ``m = g`` (scale
    1) is always exact, so there is always an answer.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"an image needs a positive size, not {width} × {height}")
    common = math.gcd(width, height)
    across, down = width // common, height // common
    wanted = common / min(width / DESIGN_WIDTH, height / MIN_DESIGN_HEIGHT)
    candidates = sorted(
        range(1, max(common, math.ceil(2 * wanted)) + 1), key=lambda m: abs(m - wanted)
    )
    for multiple in candidates:
        scale = common / multiple
        if multiple * across * scale == width and multiple * down * scale == height:
            return DesignSize(multiple * across, multiple * down, scale)
    return DesignSize(width, height, 1.0)  # not reached: m = g is exact


def slide_figure(figure: go.Figure, texts: SlideTexts, design: DesignSize) -> go.Figure:
    """A copy of ``figure`` (a map with its legend in the left margin) laid out as a slide of
    ``design`` size: margins, title band and footer band as high as their texts need (see
    :func:`slide_bands`), watermark when simulated."""
    slide = go.Figure(figure)
    legend_px = int(slide.layout.margin.l or 0)
    left = legend_px + SIDE_PX - LEGEND_PAD_PX if legend_px else SIDE_PX
    plot_width = design.width - left - SIDE_PX
    titles, questions = title_lines(texts, design)
    footer = footer_lines(texts, design)
    top, bottom = slide_bands(len(titles), len(questions), len(footer))
    # a chart's own margins (its axis labels above the plot) stay between the bands
    below = int(figure.layout.margin.b or 0)
    top, bottom = top + int(figure.layout.margin.t or 0), bottom + below
    annotations = [
        *_title_band(titles, questions, top, left),
        *_footer_band(footer, texts, left, below),
    ]
    if texts.simulated and not any(a.name == WATERMARK_NAME for a in slide.layout.annotations):
        annotations += watermark_annotations(True, texts.lang)
    for annotation in annotations:
        slide.add_annotation(annotation)
    slide.add_shape(_rule(left, plot_width, below))
    slide.update_layout(
        width=design.width,
        height=design.height,
        autosize=False,
        margin={"l": left, "r": SIDE_PX, "t": top, "b": bottom, "pad": 0},
        dragmode=False,
        uirevision=None,
    )
    return slide


def slide_bands(titles: int, questions: int, footer: int) -> tuple[int, int]:
    """Heights of the title band and the footer band, in design pixels, for that many title,
    question and footer lines."""
    top = TITLE_TOP_PX + titles * TITLE_ROW_PX + TITLE_BOTTOM_PX
    if questions:
        top += SUBTITLE_GAP_PX + questions * SUBTITLE_ROW_PX
    return top, FOOTER_TOP_PX + footer * FOOTER_ROW_PX + FOOTER_BOTTOM_PX


def title_lines(texts: SlideTexts, design: DesignSize) -> tuple[list[str], list[str]]:
    """The title's lines (bold) and the question's, each as wide as the slide allows."""
    room = (design.width - 2 * SIDE_PX) / WIDTH_SLACK
    titles = wrap_text(texts.title, room, TITLE_FONT, bold=True)
    questions = wrap_text(texts.subtitle, room, SUBTITLE_FONT) if texts.subtitle else []
    return titles, questions


def footer_lines(texts: SlideTexts, design: DesignSize) -> list[Line]:
    """The footer's lines: source, base, date (fieldwork), data release, contours and link,
    each field wrapped over as many lines as it needs beside the « données simulées » badge."""
    room = footer_width(texts, design)
    lang = texts.lang
    fields = [
        (labelled("source", lang), " ; ".join(texts.sources) or t("not_published", lang)),
        (labelled("base", lang), texts.base),
        (labelled("date", lang), texts.date),
        (labelled("release_col", lang), texts.release),
        _contours(texts.attribution, lang),
        (labelled("link_col", lang), texts.link),
    ]
    lines: list[Line] = []
    for label, text in fields:
        if not text:
            continue
        first = room - text_width(label, FOOTER_FONT, bold=True)
        wrapped = wrap_text(text, room, FOOTER_FONT, first=first)
        lines += [Line(label if row == 0 else "", line) for row, line in enumerate(wrapped)]
    return lines


def _contours(attribution: str, lang: str) -> tuple[str, str]:
    """The contours' credit, which names itself (« Contours : IGN… »), as label and text."""
    label = labelled("credit_contours", lang)
    if attribution.startswith(label):
        return label, attribution[len(label) :]
    return "", attribution


def footer_width(texts: SlideTexts, design: DesignSize) -> float:
    """Pixels a footer line may take: the slide's width less its sides, and less the badge's
    room when the data is simulated."""
    badge = BADGE_PX if texts.simulated else 0
    return (design.width - 2 * SIDE_PX - badge) / WIDTH_SLACK


def _title_band(titles: list[str], questions: list[str], top: int, left: int) -> list[dict]:
    annotations = []
    for row, line in enumerate(titles):
        y = top - TITLE_TOP_PX - row * TITLE_ROW_PX
        annotations.append(
            _text(TITLE_NAME, f"<b>{escape(line)}</b>", left, y, TITLE_FONT, TEXT_COLOUR, top=True)
        )
    below = TITLE_TOP_PX + len(titles) * TITLE_ROW_PX + SUBTITLE_GAP_PX
    for row, line in enumerate(questions):
        y = top - below - row * SUBTITLE_ROW_PX
        annotations.append(
            _text(SUBTITLE_NAME, escape(line), left, y, SUBTITLE_FONT, MUTED_COLOUR, top=True)
        )
    return annotations


def _footer_band(lines: list[Line], texts: SlideTexts, left: int, below: int) -> list[dict]:
    annotations = [
        _text(
            FOOTER_NAME,
            f"<b>{escape(line.label.rstrip())}</b> {escape(line.text)}"
            if line.label
            else escape(line.text),
            left,
            -(below + FOOTER_TOP_PX + row * FOOTER_ROW_PX),
            FOOTER_FONT,
            TEXT_COLOUR,
            top=False,
        )
        for row, line in enumerate(lines)
    ]
    if texts.simulated:
        annotations.append(_badge(t("simulated", texts.lang), below))
    return annotations


def _text(name: str, text: str, left: int, y: int, size: int, colour: str, *, top: bool) -> dict:
    """A left-aligned line whose top is ``y`` pixels above the plot area's top (``top``) or
    bottom edge, starting :data:`SIDE_PX` from the image's left edge."""
    return {
        "name": name,
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1 if top else 0,
        "xshift": SIDE_PX - left,
        "yshift": y,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": size, "color": colour, "family": SLIDE_FONT_FAMILY},
    }


def _badge(text: str, below: int) -> dict:
    return {
        "name": BADGE_NAME,
        "text": f"<b>{escape(text)}</b>",
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "yshift": -below - FOOTER_TOP_PX + 4,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": BADGE_FONT, "color": BADGE_COLOUR, "family": SLIDE_FONT_FAMILY},
        "bordercolor": BADGE_COLOUR,
        "borderwidth": 1.5,
        "borderpad": 4,
    }


def _rule(left: int, plot_width: int, below: int) -> dict:
    """A thin line across the slide at the top of the footer band."""
    return {
        "name": FOOTER_NAME,
        "type": "line",
        "xref": "paper",
        "yref": "paper",
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "xanchor": 0,
        "yanchor": 0,
        "x0": SIDE_PX - left,
        "x1": plot_width,
        "y0": -below - RULE_PX,
        "y1": -below - RULE_PX,
        "line": {"color": RULE_COLOUR, "width": 1},
    }
