"""A map laid out as a presentation slide: title band, the map and its legend, footer band.

Pure: a figure and texts in, a new figure out (no Dash, no files, no browser). The slide is laid
out at a *design size* of about :data:`DESIGN_WIDTH` pixels wide, where the fonts read well,
and the renderer scales it to the requested pixels (:func:`design_size` chooses a design size
and a scale whose products are exactly the requested width and height).

Every band has a fixed height and every text line a fixed slot, so a longer source or question
never moves the map: a text too long for its slots is wrapped into them and ends with "…".
Positions are in pixels from the plot area's corners, like the legend's
(:func:`dashboard.figures.choropleth.legend_layout`), which stays in the left margin.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.figures.choropleth import LEGEND_PAD_PX
from dashboard.figures.template import TEXT_COLOUR
from dashboard.figures.watermark import WATERMARK_NAME, watermark_annotations
from dashboard.text.i18n import labelled, t
from dashboard.text.markup import escape

DESIGN_WIDTH = 1280  # 1920 × 1080 is drawn at 1280 × 720 and scaled by 1.5
MIN_DESIGN_HEIGHT = 540  # the two bands and a map still fit in a very wide image
SIDE_PX = 24
TITLE_BAND_PX = 96
FOOTER_BAND_PX = 132
TITLE_FONT, SUBTITLE_FONT, FOOTER_FONT, BADGE_FONT = 24, 14, 12, 15
SUBTITLE_ROW_PX, FOOTER_ROW_PX = 18, 17
TITLE_TOP_PX, SUBTITLE_TOP_PX = 14, 50  # from the top of the image
FOOTER_TOP_PX = 14  # first footer line, below the band's top
RULE_PX = 6  # the rule between map and footer, below the band's top
SUBTITLE_LINES, SOURCE_LINES = 2, 2
# Average advance of a character, in ems, to wrap before Plotly draws (Arial / Liberation Sans
# average about 0.5 em in French text; a little more keeps wide lines inside the slide).
CHAR_EM, BOLD_CHAR_EM = 0.55, 0.6
BADGE_PX = 200  # room kept at the right of the footer for « DONNÉES SIMULÉES »
MUTED_COLOUR, RULE_COLOUR, BADGE_COLOUR = "#4a4a4a", "#9e9e9e", "#a00000"
ELLIPSIS = "…"
TITLE_NAME, SUBTITLE_NAME, FOOTER_NAME, BADGE_NAME = "title", "subtitle", "footer", "simulated"


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
    date: str  # fieldwork of the studies shown, and the data release
    attribution: str  # the contours' credit, as the geometry states it
    link: str  # the view on the map
    simulated: bool
    lang: str = "fr"


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


def fit_lines(text: str, chars: int, lines: int) -> tuple[str, ...]:
    """``text`` wrapped at ``chars`` characters into at most ``lines`` lines; when it does not
    fit, the last line is cut and ends with "…"."""
    wrapped = textwrap.wrap(" ".join(text.split()), max(chars, 2)) or [""]
    if len(wrapped) <= lines:
        return tuple(wrapped)
    kept = wrapped[:lines]
    last = kept[-1]
    if len(last) + len(ELLIPSIS) > chars:  # make room, at a word's end when there is one
        cut = last[: chars - len(ELLIPSIS)]
        last = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return (*kept[:-1], last.rstrip() + ELLIPSIS)


def slide_figure(figure: go.Figure, texts: SlideTexts, design: DesignSize) -> go.Figure:
    """A copy of ``figure`` (a map with its legend in the left margin) laid out as a slide of
    ``design`` size: fixed margins, title band, footer band, watermark when simulated."""
    slide = go.Figure(figure)
    legend_px = int(slide.layout.margin.l or 0)
    left = legend_px + SIDE_PX - LEGEND_PAD_PX if legend_px else SIDE_PX
    plot_width = design.width - left - SIDE_PX
    annotations = [*_title_band(texts, design, left), *_footer_band(texts, design, left)]
    if texts.simulated and not any(a.name == WATERMARK_NAME for a in slide.layout.annotations):
        annotations += watermark_annotations(True, texts.lang)
    for annotation in annotations:
        slide.add_annotation(annotation)
    slide.add_shape(_rule(left, plot_width))
    slide.update_layout(
        width=design.width,
        height=design.height,
        autosize=False,
        margin={"l": left, "r": SIDE_PX, "t": TITLE_BAND_PX, "b": FOOTER_BAND_PX, "pad": 0},
        dragmode=False,
        uirevision=None,
    )
    return slide


def footer_lines(texts: SlideTexts, chars: int) -> tuple[str, ...]:
    """The footer's plain-text lines, one per slot: source (up to :data:`SOURCE_LINES`), base,
    date, contours, link; each cut to ``chars`` characters."""
    lang = texts.lang
    sources = " ; ".join(texts.sources) or t("not_published", lang)
    return (
        *fit_lines(labelled("source", lang) + sources, chars, SOURCE_LINES),
        *fit_lines(labelled("base", lang) + texts.base, chars, 1),
        *fit_lines(_date_label(lang) + texts.date, chars, 1),
        *fit_lines(texts.attribution, chars, 1),
        *fit_lines(labelled("link_col", lang) + texts.link, chars, 1),
    )


def footer_chars(design: DesignSize) -> int:
    """How many footer characters fit on one line beside the « données simulées » badge."""
    return _chars(design.width - 2 * SIDE_PX - BADGE_PX, FOOTER_FONT)


def _title_band(texts: SlideTexts, design: DesignSize, left: int) -> list[dict]:
    room = design.width - 2 * SIDE_PX
    title = fit_lines(texts.title, _chars(room, TITLE_FONT, BOLD_CHAR_EM), 1)[0]
    annotations = [
        _text(
            TITLE_NAME,
            f"<b>{escape(title)}</b>",
            left,
            TITLE_BAND_PX - TITLE_TOP_PX,
            TITLE_FONT,
            TEXT_COLOUR,
            top=True,
        )
    ]
    question = fit_lines(texts.subtitle, _chars(room, SUBTITLE_FONT), SUBTITLE_LINES)
    for row, line in enumerate(question if texts.subtitle else ()):
        y = TITLE_BAND_PX - SUBTITLE_TOP_PX - row * SUBTITLE_ROW_PX
        annotations.append(
            _text(SUBTITLE_NAME, escape(line), left, y, SUBTITLE_FONT, MUTED_COLOUR, top=True)
        )
    return annotations


def _footer_band(texts: SlideTexts, design: DesignSize, left: int) -> list[dict]:
    lines = footer_lines(texts, footer_chars(design))
    keys = ("source", "base", "link_col", "credit_contours")
    labels = [*(labelled(key, texts.lang) for key in keys), _date_label(texts.lang)]
    annotations = [
        _text(
            FOOTER_NAME,
            _bold_label(line, labels),
            left,
            -(FOOTER_TOP_PX + row * FOOTER_ROW_PX),
            FOOTER_FONT,
            TEXT_COLOUR,
            top=False,
        )
        for row, line in enumerate(lines)
    ]
    if texts.simulated:
        annotations.append(_badge(t("simulated", texts.lang)))
    return annotations


def _bold_label(line: str, labels: list[str]) -> str:
    """The line escaped, its leading label (« Source : ») in bold."""
    for label in labels:
        if line.startswith(label):
            return f"<b>{escape(label.rstrip())}</b> {escape(line[len(label) :])}"
    return escape(line)


def _date_label(lang: str) -> str:
    return labelled("date", lang)


def _chars(width_px: float, font_px: int, em: float = CHAR_EM) -> int:
    return max(int(width_px // (font_px * em)), 8)


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
        "font": {"size": size, "color": colour},
    }


def _badge(text: str) -> dict:
    return {
        "name": BADGE_NAME,
        "text": f"<b>{escape(text)}</b>",
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "yshift": -FOOTER_TOP_PX + 4,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": BADGE_FONT, "color": BADGE_COLOUR},
        "bordercolor": BADGE_COLOUR,
        "borderwidth": 1.5,
        "borderpad": 4,
    }


def _rule(left: int, plot_width: int) -> dict:
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
        "y0": -RULE_PX,
        "y1": -RULE_PX,
        "line": {"color": RULE_COLOUR, "width": 1},
    }
