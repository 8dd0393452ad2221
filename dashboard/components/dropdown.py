"""Dropdowns named by their label for screen readers, speaking the page's language.

Dash 4's ``dcc.Dropdown`` draws a button whose accessible name is its own current value
(``aria-labelledby`` on the value), so a ``<label for>`` beside it never reaches that name: a
screen reader would say "Maires, button" without "Acteur interrogé". Label and dropdown are
therefore wrapped in a group named by the label, which screen readers announce as the focus
enters it. The dropdown's built-in words ("Clear selection", "Search"…) are English unless its
``labels`` are given: :func:`dropdown_labels` gives them in the page's language.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.text.i18n import t

WORDS = (
    "search",
    "clear_search",
    "clear_selection",
    "select_all",
    "deselect_all",
    "no_options_found",
)


def dropdown_labels(lang: str) -> dict[str, str]:
    """``labels`` for a ``dcc.Dropdown`` in ``lang``.

    ``selected_count`` ("2 selected") is left empty: the dropdown lists it *before* the
    selected names in its accessible name but shows it *after* them, so the name would not
    contain the visible text (WCAG 2.5.3 Label in Name, axe ``label-content-name-mismatch``).
    The selected names themselves are all shown (``assets/style.css`` lets them wrap).
    """
    return {**{word: t(f"dropdown_{word}", lang) for word in WORDS}, "selected_count": ""}


def labelled_dropdown(
    dropdown_id: str,
    label: str,
    lang: str,
    *,
    label_class: str = "filter-label",
    group_class: str = "labelled-dropdown",
    **dropdown: object,
) -> html.Div:
    """``label`` and a ``dcc.Dropdown(id=dropdown_id, **dropdown)`` in a group it names."""
    label_id = f"{dropdown_id}-label"
    return html.Div(
        [
            html.Label(label, id=label_id, htmlFor=dropdown_id, className=label_class),
            dcc.Dropdown(id=dropdown_id, labels=dropdown_labels(lang), **dropdown),
        ],
        role="group",
        className=group_class,
        **{"aria-labelledby": label_id},
    )
