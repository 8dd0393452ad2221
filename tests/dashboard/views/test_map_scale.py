"""The legend's notes (the scale shown, the regions against France) and the acceptance walk
over every simulated view: classes a half-width apart, three of them where the data allow,
and counts of regions that are the data layer's."""

import itertools
import math
import time

import numpy as np
import pandas as pd
import pytest

from dashboard.core.state import AppState
from dashboard.views.carte import map_view
from dashboard.views.classification import classify
from dashboard.views.map_scale import (
    FranceComparison,
    france_comparison,
    legend_notes,
    scale_note,
)
from tests.dashboard.views.test_carte import _every_simulated_view

NAN = math.nan
NBSP = "\u00a0"
SCORES = (1, 10)


@pytest.mark.parametrize(
    ("values", "significant", "france", "expected"),
    [
        ([5.8, 5.2, 5.5, 5.6], [True, True, False, False], 5.5, FranceComparison(1, 1, 2)),
        # no value (suppressed) or no test: not counted
        ([5.8, NAN, 5.5], [True, None, None], 5.5, FranceComparison(1, 0, 0)),
        ([77.0, 100.0], [None, None], 80.0, None),  # published figures: never tested
        ([5.8, 5.2], [True, False], None, None),  # no France value
    ],
)
def test_regions_against_france(values, significant, france, expected):
    regions = pd.DataFrame({"value": values, "significant": pd.Series(significant, dtype=object)})
    assert france_comparison(regions, france) == expected


@pytest.mark.parametrize(
    ("scheme", "lang", "expected"),
    [
        ("fixed", "fr", "Échelle fixe 1,0 – 10,0"),
        ("fixed", "en", "Fixed scale 1.0 – 10.0"),
        ("quantiles", "fr", f"Classes{NBSP}: Quantiles"),
        ("fisher_jenks", "en", "Classes: Natural breaks (Fisher-Jenks)"),
    ],
)
def test_the_scale_note_names_the_scale(scheme, lang, expected):
    values = np.array([2.0, 3.0, 4.5, 6.0, 7.5, 9.0])
    assert scale_note(classify(values, scheme, 5, SCORES), "score_1_10", SCORES, lang) == expected


def test_notes_of_narrow_estimates_say_they_are_within_the_survey_precision():
    narrow = classify(np.array([5.4, 5.5, 5.5, 5.6, 5.7]), "auto", 5, SCORES, precision=1,
                      half_width=0.2)  # fmt: skip
    notes = legend_notes(narrow, FranceComparison(0, 1, 4), "score_1_10", SCORES, "fr")
    assert notes == (
        "Classes selon les données",
        "Écarts dans la précision de l'enquête",
        f"Par rapport à la France (Holm){NBSP}:",
        f"▲ au-dessus{NBSP}: 0 rég.",
        f"▼ en dessous{NBSP}: 1 rég.",
        f"sans écart significatif{NBSP}: 4 rég.",
    )
    english = legend_notes(narrow, FranceComparison(0, 1, 4), "score_1_10", SCORES, "en")
    assert english[:3] == (
        "Classes following the data",
        "Differences within the survey's precision",
        "Compared with France (Holm):",
    )
    assert english[-1] == "no significant difference: 4 reg."


def test_published_values_say_they_are_exact_and_name_no_test(context):
    view = map_view(context, AppState())  # the mayors' three published values
    assert view.legend_notes == ("Valeurs exactes",)


def test_the_companies_emploi_map_has_three_classes_and_its_counts(context):
    """The issue's case: one colour on the fixed scale, three classes a half-width apart now."""
    state = AppState(dataset="simule", actor="entreprises", indicator="fragility_mean_score",
                     fragility="emploi")  # fmt: skip
    view = map_view(context, state)
    assert [(entry.label, entry.count) for entry in view.legend][:3] == [
        ("5,14 – 5,37", 2),
        ("5,37 – 5,62", 6),
        ("5,62 – 5,85", 4),
    ]
    assert view.legend_notes == (
        "Classes selon les données",
        f"Par rapport à la France (Holm){NBSP}:",
        f"▲ au-dessus{NBSP}: 1 rég.",
        f"▼ en dessous{NBSP}: 0 rég.",
        f"sans écart significatif{NBSP}: 11 rég.",
    )
    fixed = map_view(context, state.model_copy(update={"classes": "fixed"}))
    assert fixed.legend_notes[0] == "Échelle fixe 1,0 – 10,0"
    assert [entry.count for entry in fixed.legend][:5] == [0, 0, 12, 0, 0]
    # departments: the same classes, and the counts are still of regions
    departments = map_view(context, state.model_copy(update={"level": "departement"}))
    assert departments.legend_notes == view.legend_notes
    assert edges(departments.classification) == edges(view.classification)


def edges(classification) -> tuple[float, ...]:
    return (classification.lower[0], *classification.upper) if classification.k else ()


def expected_counts(regions: pd.DataFrame, france: float | None) -> tuple[int, int, int] | None:
    """Above, below and not different, read straight from the ``significant`` column."""
    tested = regions[regions["value"].notna() & regions["significant"].notna()]
    if france is None or tested.empty:
        return None
    pairs = list(zip(tested["significant"], tested["value"], strict=True))
    above = sum(flag is True and value > france for flag, value in pairs)
    below = sum(flag is True and value < france for flag, value in pairs)
    return above, below, sum(flag is False for flag, _ in pairs)


def test_every_simulated_view_classes_and_counts(context):
    """Acceptance: every simulated view (actor × segment × indicator × fragility with regional
    values, region level, default classes). No two adjacent edges closer than the view's median
    interval half-width; three classes or more where 5 distinct regional values spread over more
    than two half-widths; the legend's counts against France are the ``significant`` column's."""
    started = time.perf_counter()
    walked = wide = 0
    for state in _every_simulated_view(context.catalogue):
        view = map_view(context, state)
        regions, france = view.values.regions, view.values.france
        valued = regions[regions["value"].notna()]
        if valued.empty:
            continue
        walked += 1
        assert view.classification.scheme == "auto"
        half = float(np.median((valued["ci_high"] - valued["ci_low"]) / 2))
        drawn = edges(view.classification)
        assert all(b - a >= half - 1e-9 for a, b in itertools.pairwise(drawn)), (state, drawn)
        if valued["value"].nunique() >= 5 and np.ptp(valued["value"]) > 2 * half:
            wide += 1
            assert view.classification.k >= 3, (state, drawn, half)
        counts = expected_counts(regions, france)
        assert counts is not None, state
        word = "rég."
        assert view.legend_notes[-3:] == (
            f"▲ au-dessus{NBSP}: {counts[0]} {word}",
            f"▼ en dessous{NBSP}: {counts[1]} {word}",
            f"sans écart significatif{NBSP}: {counts[2]} {word}",
        ), state
    assert walked == 558 and wide > 300
    print(f"walked {walked} views ({wide} wide) in {time.perf_counter() - started:.1f} s")
