"""The data context: what is computed from it stays with it."""

import gc
import weakref
from dataclasses import replace

from dashboard.components.carte_map import map_panel
from dashboard.core.state import AppState
from dashboard.views.analyse_table import cross_table
from dashboard.views.region import region_profile


def test_a_replaced_context_starts_with_no_kept_result(context):
    state = AppState(actor="citoyens")
    kept = map_panel(context, state)
    assert map_panel(context, state) is kept
    assert map_panel(replace(context), state) is not kept


def test_a_context_and_what_was_computed_from_it_leave_memory_together(context):
    """A release replaced by an import must not stay alive in a process-wide cache."""
    replaced = replace(context)
    map_panel(replaced, AppState(actor="citoyens"))
    region_profile(replaced, AppState(), "27")
    cross_table(replaced, AppState(rows="fragility", cols="actor"))
    gone = weakref.ref(replaced)
    del replaced
    gc.collect()
    assert gone() is None
