"""What leaves the dashboard with a view: its permalink, its embed code, its export links and
the names of the files they download.

Plain strings from the state, no Dash: the share bar (:mod:`dashboard.components.sharing`)
renders them, the Carte's callback refreshes them, tests read them.

The permalink pins the data release (``release=``), so a link in an article keeps showing the
figures that were seen, or says that they were replaced. The embed code is an ``<iframe>`` of
the same view with ``embed=1`` and a small script that sizes the frame to the page it holds:
the embedded page posts its height (``assets/embed.js``) and the script accepts that message
only from the dashboard's origin and from that frame.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from dashboard.core.state import AppState, page_query, state_query

EMBED_SANDBOX = (
    "allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox"
)
EMBED_MESSAGE = "phare-embed-height"  # the message type assets/embed.js posts
EMBED_MIN_HEIGHT, EMBED_MAX_HEIGHT = 200, 5000  # pixels the receiver accepts
PAGE_EMBED_HEIGHT = {"/": 760}  # the frame's height before the page says its own
DEFAULT_EMBED_HEIGHT = 1200
# (link id, width, height): presentation sizes, 16:9 and 4:3 at 1080 pixels high
IMAGE_SIZES = (("png-16-9", 1920, 1080), ("png-4-3", 1440, 1080))
CSV_FLAVOURS = ("fr", "standard")
DEFAULT_FLAVOUR = {"fr": "fr", "en": "standard"}  # by interface language
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9_]+")  # what a download's name never holds
EXPORTS = {"/": "view", "/analyse": "analyse"}  # page path → name of its export routes
PUBLISHED_DATASET = "publie"  # the default dataset, unnamed in file names


@dataclass(frozen=True)
class ShareLinks:
    permalink: str  # absolute URL of the exact view, release pinned
    full_view: str  # the same without embed mode (the "open the full view" link of an embed)
    embed_url: str  # absolute URL of the embed view
    embed_code: str  # the HTML to paste: iframe and its resizing script
    images: tuple[tuple[str, str], ...]  # (link id, URL) of the PNG exports, then the SVG
    tables: tuple[tuple[str, str], ...]  # (flavour, URL) of the CSV exports


def share_links(origin: str, path: str, state: AppState, release: str, title: str) -> ShareLinks:
    """Every link of the view ``state`` on the page ``path`` served from ``origin``.

    ``release``: the id of the data release the view shows; ``title``: what the view is, for
    the frame's accessible name.
    """
    origin = origin.rstrip("/")
    pinned = state.model_copy(update={"release": release})
    full = pinned.model_copy(update={"embed": False})
    embed_url = origin + path + page_query(path, pinned, embed=True)
    height = PAGE_EMBED_HEIGHT.get(path, DEFAULT_EMBED_HEIGHT)
    return ShareLinks(
        permalink=origin + path + page_query(path, pinned),
        full_view=origin + path + page_query(path, full),
        embed_url=embed_url,
        embed_code=embed_code(origin, embed_url, title, height),
        images=(
            *(
                (name, export_url("png", full, page=path, width=w, height=h))
                for name, w, h in IMAGE_SIZES
            ),
            ("svg", export_url("svg", full, page=path, width=1920, height=1080)),
        ),
        tables=tuple(
            (flavour, export_url("csv", full, page=path, flavour=flavour))
            for flavour in CSV_FLAVOURS
        ),
    )


def export_url(extension: str, state: AppState, page: str = "/", **parameters: object) -> str:
    """``/export/<name>.<extension>?<state>&<parameters>`` (relative: same server as the
    page), ``name`` being the export of ``page`` (:data:`EXPORTS`; the Carte's otherwise); the
    state is written as the page writes its own URLs (``core.state.page_query``)."""
    query = page_query(page, state)
    extra = urlencode(parameters)
    if extra:
        query = f"{query}&{extra}" if query else f"?{extra}"
    return f"/export/{EXPORTS.get(page, 'view')}.{extension}{query}"


def chart_export_urls(chart_id: str, state: AppState) -> tuple[tuple[str, str, str], ...]:
    """(link id, text key, URL) of one chart's downloads: ``/export/chart/<id>.<extension>``
    (:mod:`dashboard.exports.charts`), the state's query kept."""
    query = state_query(state.model_copy(update={"embed": False}))
    joined = "&" if query else "?"
    return (
        ("png", "chart_png", f"/export/chart/{chart_id}.png{query}"),
        ("svg", "chart_svg", f"/export/chart/{chart_id}.svg{query}"),
        *(
            (
                f"csv-{flavour}",
                f"export_csv_{flavour}",
                f"/export/chart/{chart_id}.csv{query}{joined}flavour={flavour}",
            )
            for flavour in CSV_FLAVOURS
        ),
    )


def embed_code(origin: str, embed_url: str, title: str, height: int) -> str:
    """The ``<iframe>`` and the script that resizes it to the height its page posts.

    The script checks ``event.origin`` against the dashboard's origin and ``event.source``
    against this frame, and only accepts a number within bounds: another frame or site cannot
    resize it, nor inject anything through it.
    """
    frame_id = "phare-" + hashlib.sha256(embed_url.encode()).hexdigest()[:10]
    attributes = {
        "id": frame_id,
        "src": embed_url,
        "title": title,
        "width": "100%",
        "height": str(height),
        "style": "border:0;max-width:100%",
        "loading": "lazy",
        "sandbox": EMBED_SANDBOX,
        "referrerpolicy": "strict-origin-when-cross-origin",
    }
    iframe = "<iframe " + " ".join(f'{k}="{escape(v)}"' for k, v in attributes.items())
    script = (
        "(function () {"
        f" var frame = document.getElementById({_js_string(frame_id)});"
        ' window.addEventListener("message", function (event) {'
        f" if (event.origin !== {_js_string(origin)} || event.source !== frame.contentWindow)"
        " return;"
        " var data = event.data;"
        f" if (!data || data.type !== {_js_string(EMBED_MESSAGE)}) return;"
        " var height = Number(data.height);"
        f" if (height >= {EMBED_MIN_HEIGHT} && height <= {EMBED_MAX_HEIGHT})"
        ' frame.style.height = Math.ceil(height) + "px";'
        " });"
        " })();"
    )
    return f"{iframe}></iframe>\n<script>{script}</script>"


def _js_string(text: str) -> str:
    """A JavaScript string literal safe inside ``<script>``: no ``<`` can open or close a tag."""
    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e")


def csv_filename(state: AppState, flavour: str | None = None) -> str:
    """``phare-<indicator>[-<fragility>]-<actor>[-<segment>][-<dataset>].csv``, from catalogue
    ids only; the dataset is named unless it is the published figures (``-simule``)."""
    return download_name(state, "csv", dataset_suffix(state), flavour_suffix(state, flavour))


def dataset_suffix(state: AppState) -> str | None:
    """The dataset's id when the file holds anything but the published figures, so that a
    file of simulated data never passes for published figures; None otherwise."""
    return None if state.dataset == PUBLISHED_DATASET else state.dataset


def flavour_suffix(state: AppState, flavour: str | None) -> str | None:
    """``standard`` when that flavour is not the language's default (the French one), so both
    files of a view can sit side by side; None otherwise."""
    standard = flavour is not None and flavour != DEFAULT_FLAVOUR.get(state.lang, "fr")
    return flavour if standard else None


def download_name(
    state: AppState, extension: str, *more: str | None, lead: tuple[str, ...] = ()
) -> str:
    """``phare[-<lead>…]-<indicator>[-<fragility>]-<actor>[-<segment>][-<more>…].<extension>``:
    a file name from catalogue ids and codes only (anything else replaced by ``_``)."""
    parts = [*lead, state.indicator, state.fragility, state.actor]
    if state.segment != "all":
        parts.append(state.segment)
    name = "-".join(UNSAFE_IN_NAME.sub("_", part) for part in (*parts, *more) if part)
    return f"phare-{name}.{extension}"
