"""The share bar: permalink with a copy button, the "Intégrer" dialog, image and table exports,
and on the Carte and the profiles the credit line with its « Copier la mention ».

Every page shows the permalink and the embed code; the Carte adds its images and tables. The
Carte's callback refreshes the values of the same ids (:data:`SHARE_OUTPUTS`) when the view
changes; the Carte's embed code, 1 KB of HTML, is written when its dialog opens. In embed mode
the bar shrinks to a link back to the full view and the downloads.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from flask import has_request_context, request

from dashboard.text.i18n import t
from dashboard.views.sharing import ShareLinks

# (component id, property): what changes with the view, in the order of share_values
SHARE_OUTPUTS = (
    ("share-permalink", "value"),
    ("share-full-view", "href"),
    ("export-png-16-9", "href"),
    ("export-png-4-3", "href"),
    ("export-svg", "href"),
    ("export-csv-fr", "href"),
    ("export-csv-standard", "href"),
    ("share-downloads", "hidden"),
    ("share-credit", "children"),
)


def request_origin() -> str:
    """The origin the page was asked on: the embed code's script trusts only that one.

    Outside a request (a layout built by a test) the links are those of ``http://localhost``."""
    return request.host_url if has_request_context() else "http://localhost/"


def frame_title(view_title: str, lang: str) -> str:
    """The embed frame's accessible name: the dashboard's, then the view's."""
    return t("app_title", lang) + (f" – {view_title}" if view_title else "")


def share_values(
    links: ShareLinks, credit: str, *, downloads: bool = True
) -> tuple[str | bool | None, ...]:
    """The values of :data:`SHARE_OUTPUTS`, in order; without ``downloads`` (a view with no
    map to export) the download links lose their address and are hidden. ``credit``: the
    view's credit line without its link (:mod:`dashboard.views.credit`)."""
    return (
        links.permalink,
        links.full_view,
        *(url if downloads else None for _, url in links.images),
        *(url if downloads else None for _, url in links.tables),
        not downloads,
        credit_with_link(credit, links),
    )


def credit_with_link(credit: str, links: ShareLinks) -> str:
    """The credit line as it is copied: its text, then the link to the exact view."""
    return f"{credit} {links.permalink}"


def share_bar(
    links: ShareLinks,
    lang: str,
    *,
    exports: bool,
    embed: bool,
    downloads: bool = True,
    credit: str | None = None,
) -> html.Div:
    """``exports``: the page has image and table exports (the Carte); ``embed``: embed mode,
    where the permalink and the dialog stay in the page (the Carte's callback updates them)
    but hidden; ``downloads``: the view has something to export (a map with a value), else
    its download links are hidden, without an address. ``credit``: the page's credit line
    without its link (the Carte and the profiles), shown with its « Copier la mention »."""
    shared = [_permalink(links, lang), _embed_dialog(links, lang)]
    if credit is not None:
        shared.append(_credit(credit_with_link(credit, links), lang))
    parts = [_full_view_link(links, lang, embed), html.Div(shared, hidden=embed)]
    if exports:
        parts.append(_downloads(links, lang, downloads))
    return html.Div(
        parts,
        className="share-bar no-print",
        role="group",
        **{"aria-label": t("share_title", lang)},
    )


def _full_view_link(links: ShareLinks, lang: str, embed: bool) -> html.A:
    """In an embed, the way back to the whole dashboard (a new tab); hidden elsewhere."""
    return html.A(
        t("open_full_view", lang),
        id="share-full-view",
        href=links.full_view,
        target="_blank",
        rel="noopener",
        className="full-view-link",
        hidden=not embed,
    )


def _permalink(links: ShareLinks, lang: str) -> html.Div:
    return html.Div(
        [
            html.Label(t("permalink", lang), htmlFor="share-permalink", className="share-label"),
            html.Div(
                [
                    dbc.Input(
                        id="share-permalink",
                        value=links.permalink,
                        readonly=True,
                        type="url",
                        size="sm",
                    ),
                    *_copy_button("copy-permalink", t("copy_link", lang), lang),
                ],
                className="share-field",
            ),
        ],
        className="share-permalink",
    )


def _credit(credit: str, lang: str) -> html.Div:
    """The button that copies the credit line, and the line itself, folded: a long list of
    sources would otherwise push the page down."""
    return html.Div(
        [
            html.Span(t("credit_label", lang), id="share-credit-label", className="share-label"),
            *_copy_button("copy-credit", t("copy_credit", lang), lang),
            html.Details(
                [
                    html.Summary(t("credit_show", lang)),
                    html.P(credit, id="share-credit", className="share-credit"),
                ],
                className="share-credit-text",
            ),
        ],
        className="share-credit-field",
        role="group",
        **{"aria-labelledby": "share-credit-label"},
    )


def _embed_dialog(links: ShareLinks, lang: str) -> html.Div:
    return html.Div(
        [
            dbc.Button(
                t("embed_button", lang),
                id="embed-open",
                color="secondary",
                outline=True,
                size="sm",
            ),
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle(t("embed_title", lang), id="embed-title")),
                    dbc.ModalBody(
                        [
                            html.P(t("embed_help", lang)),
                            html.Label(
                                t("embed_code_label", lang),
                                htmlFor="embed-code",
                                className="share-label",
                            ),
                            dbc.Textarea(
                                id="embed-code",
                                value=links.embed_code,
                                readOnly=True,
                                rows=8,
                                className="embed-code",
                            ),
                            html.Div(
                                _copy_button("copy-embed-code", t("copy_code", lang), lang),
                                className="share-field",
                            ),
                        ]
                    ),
                ],
                id="embed-modal",
                labelledby="embed-title",
                is_open=False,
                size="lg",
            ),
        ],
        className="share-embed",
    )


def _copy_button(button_id: str, label: str, lang: str) -> list:
    """A real button (reached by Tab, pressed with Enter or Space) and where it says "copied".

    The copying is done in the browser (``assets/share.js``); the status is announced."""
    return [
        html.Button(
            label,
            id=button_id,
            type="button",
            className="btn btn-outline-secondary btn-sm copy-button",
            **{"data-copied": t("copied", lang)},
        ),
        html.Span(id=f"{button_id}-status", className="copy-status", role="status"),
    ]


def _downloads(links: ShareLinks, lang: str, shown: bool) -> html.Div:
    images = [
        html.A(
            t(f"export_{name.replace('-', '_')}", lang),
            id=f"export-{name}",
            href=url if shown else None,
        )
        for name, url in links.images
    ]
    tables = [
        html.A(
            t(f"export_csv_{flavour}", lang),
            id=f"export-csv-{flavour}",
            href=url if shown else None,
        )
        for flavour, url in links.tables
    ]
    return html.Div(
        [
            html.Span(t("export_images", lang), className="share-label"),
            *_separated(images),
            html.Span(t("export_tables", lang), className="share-label"),
            *_separated(tables),
        ],
        className="share-downloads",
        id="share-downloads",
        hidden=not shown,
    )


def _separated(links: list) -> list:
    parts: list = []
    for index, link in enumerate(links):
        parts += [" · ", link] if index else [link]
    return parts
