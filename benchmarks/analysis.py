"""Analyse: the page's cross-table from a million simulated respondents, computed and cached.

The respondents are the app's simulation (its seed, :data:`RESPONDENTS` of them instead of the
app's 20,000), loaded as :func:`dashboard.core.context.base_datasets` loads them: drawn and coded
once (:func:`~phare.datasets.simulated_dataset`), then every regional view estimated once
(:func:`~phare.datasets.with_regional_cells`). Loading is timed once; the data context is the
suite's with this dataset as ``simule``.

Each table is then timed cold, the table's cache emptied before every run (the figure is the
computation: the views looked up, the cells gathered, the columns tested), and warm (the cached
table, as the next reader of the same URL gets it). Targets: under 50 ms warm for the 16 × 4
table, under 100 ms once loaded (cold) for any table.
"""

from __future__ import annotations

from dataclasses import replace

from benchmarks import Figure, benchmark, median, ms, p90, runs_note, timed
from benchmarks.environment import Environment
from dashboard.core.context import (
    SIMULATED_DATASET,
    SIMULATION_SEED,
    DataContext,
    state_choices,
)
from dashboard.core.state import AppState, parse_state
from dashboard.views.analyse import analysis_view
from dashboard.views.analyse_table import _cross_table, cross_table
from phare.datasets import Dataset, simulated_dataset, with_regional_cells

RESPONDENTS = 1_000_000
COLD_RUNS = 10
WARM_RUNS = 50
WARM_TARGET = 0.050
COLD_TARGET = 0.100
REGION = "28"  # Normandie
SCORES = {"dataset": SIMULATED_DATASET, "indicator": "fragility_mean_score"}
# (name, query): the tables of the Analyse page that are timed
TABLES = (
    ("fragility × actor, France", {**SCORES, "rows": "fragility", "cols": "actor"}),
    (
        "fragility × actor, Normandie",
        {**SCORES, "rows": "fragility", "cols": "actor", "territory": REGION},
    ),
    (
        "territory × segment, entreprises",
        {
            **SCORES,
            "rows": "territory",
            "cols": "segment",
            "actor": "entreprises",
            "fragility": "pauvrete",
        },
    ),
)


def million_context(env: Environment) -> tuple[DataContext, list[Figure]]:
    """The suite's data context with a million simulated respondents as ``simule``; the load
    times."""
    base, settings = env.context, env.settings
    catalogue = base.catalogue
    drawn: list[Dataset] = []
    draw_times = timed(
        lambda: drawn.append(
            simulated_dataset(
                catalogue, base.published, seed=SIMULATION_SEED, respondents=RESPONDENTS
            )
        ),
        runs=1,
    )
    loaded: list[Dataset] = []
    cells_times = timed(
        lambda: loaded.append(
            with_regional_cells(drawn[0], catalogue, settings.min_base, settings.caution_base)
        ),
        runs=1,
    )
    datasets = {**base.datasets, SIMULATED_DATASET: loaded[0]}
    context = replace(
        base,
        datasets=datasets,
        choices=state_choices(catalogue, datasets, base.territories),
    )
    rows = f"{RESPONDENTS:,} respondents"
    return context, [
        Figure(
            "analysis: simulate + prepare (once)",
            draw_times[0],
            "s",
            f"one run; simulated_dataset, {rows} (drawn, then coded)",
        ),
        Figure(
            "analysis: every regional view (once)",
            ms(cells_times[0]),
            "ms",
            f"one run; with_regional_cells, {rows}",
        ),
    ]


def table_state(context: DataContext, query: dict[str, str]) -> AppState:
    state, problems = parse_state(query, context.choices)
    if problems:
        raise ValueError(f"the query {query} was not read as given: {problems}")
    return state


def target_note(seconds: float, target: float) -> str:
    return f"target < {ms(target):.0f} ms: {'met' if seconds < target else 'NOT met'}"


def table_figures(context: DataContext, name: str, query: dict[str, str]) -> list[Figure]:
    """Cold (the table's cache emptied before each run) and warm (cached) times of one table."""
    state = table_state(context, query)

    def cold() -> None:
        _cross_table.cache_clear()
        cross_table(context, state)

    cold_times = timed(cold, runs=COLD_RUNS)
    warm_times = timed(lambda: cross_table(context, state), runs=WARM_RUNS, warmup=1)
    table, _ = cross_table(context, state)
    size = f"{len(table.rows)} × {len(table.cols)}"
    label = f"analysis: {size} {name}"
    tested = f"columns tested against: {table.test}"
    cold_seconds, warm_seconds = median(cold_times), median(warm_times)
    return [
        Figure(
            f"{label}, cold p50",
            ms(cold_seconds),
            "ms",
            runs_note(
                cold_times,
                extra=f"cache emptied each run; {tested}; {target_note(cold_seconds, COLD_TARGET)}",
            ),
        ),
        Figure(
            f"{label}, cold p90",
            ms(p90(cold_times)),
            "ms",
            runs_note(cold_times, stat="p90"),
        ),
        Figure(
            f"{label}, warm p50",
            ms(warm_seconds),
            "ms",
            runs_note(warm_times, 1, f"cached; {target_note(warm_seconds, WARM_TARGET)}"),
        ),
    ]


@benchmark
def cross_table_time(env: Environment) -> list[Figure]:
    context, rows = million_context(env)
    for name, query in TABLES:
        rows += table_figures(context, name, query)
    # what the page adds around a cached table on every request: texts, values, marks
    state = table_state(context, TABLES[0][1])
    view_times = timed(lambda: analysis_view(context, state), runs=WARM_RUNS, warmup=1)
    rows.append(
        Figure(
            f"analysis: {TABLES[0][0]} page texts, warm p50",
            ms(median(view_times)),
            "ms",
            runs_note(view_times, 1, "analysis_view on the cached table, territory France"),
        )
    )
    _cross_table.cache_clear()  # the million-respondent tables are not kept for other rows
    return rows
