"""Text widths in the font the slides are drawn in, and text wrapped to a width in pixels.

The figures' template asks for ``Marianne, 'Source Sans 3', Arial, sans-serif``
(:data:`dashboard.figures.template.FONT_FAMILY`). On the Debian machines that render the
slides neither Marianne nor Source Sans 3 is installed, so Chromium draws the first family
fontconfig knows: Arial, which fontconfig serves as Liberation Sans (``fc-match Arial``;
Debian's fonts-liberation, metric-compatible with Arial: every glyph has Arial's advance).
The slides' texts therefore name :data:`SLIDE_FONT_FAMILY` themselves, so the font that is
measured here is the font that is drawn even where Marianne is installed, and are measured
with Pillow on the same font files (HarfBuzz shaping through raqm, as in Chromium).
"""

from __future__ import annotations

import re
from functools import lru_cache

from PIL import ImageFont

SLIDE_FONT_FAMILY = "Arial, 'Liberation Sans', sans-serif"
FONT_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}
BREAK_AFTER = "&?/"  # where a word wider than a line (a link) is best cut
SPACES = re.compile(r"[ \t\r\n]+")  # breakable spaces only: no-break spaces keep "1 012"


@lru_cache(maxsize=16)
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    """Pillow finds the file in the system's font folders (/usr/share/fonts on Debian)."""
    return ImageFont.truetype(FONT_FILES[bold], size)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of ``text`` in pixels at ``size`` pixels, as Chromium lays it out."""
    return _font(size, bold).getlength(text)


def wrap_text(
    text: str, width: float, size: float, *, first: float | None = None, bold: bool = False
) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, the first no wider
    than ``first`` (room left after a label); nothing is dropped: a word wider than a line is
    cut, after a ``&``, ``?`` or ``/`` when there is one that fits."""
    words = [word for word in SPACES.split(text) if word]
    lines: list[str] = []
    room = width if first is None else first
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold=bold) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
            room, current = width, ""
        while text_width(word, size, bold=bold) > room:
            head = _longest_prefix(word, room, size, bold)
            lines.append(head)
            word, room = word[len(head) :], width
        current = word
    lines.append(current)
    return lines


def _longest_prefix(word: str, room: float, size: float, bold: bool) -> str:
    """The longest start of ``word`` that fits ``room``, ending after a break character when
    one fits; at least one character, so wrapping always progresses."""
    fits = 1
    while fits < len(word) and text_width(word[: fits + 1], size, bold=bold) <= room:
        fits += 1
    breaks = [at + 1 for at in range(fits) if word[at] in BREAK_AFTER]
    return word[: breaks[-1]] if breaks and breaks[-1] > fits // 2 else word[:fits]
