"""Data: loading the published figures, the pure map view, and the weight of the Carte figure."""

from __future__ import annotations

import gzip

from benchmarks import Figure, benchmark, median, ms, p90, runs_note, timed
from benchmarks.environment import Environment
from dashboard.components.carte_map import map_panel
from dashboard.core.state import AppState, parse_state
from dashboard.views.carte import map_view
from phare.catalogue import load_catalogue
from phare.published import load_published

LOAD_RUNS = 10
VIEW_RUNS = 50
VIEW_WARMUP = 3
GZIP_LEVEL = 6
ACTOR = "maires"


def carte_state(env: Environment, actor: str = ACTOR) -> AppState:
    state, _ = parse_state({"actor": actor}, env.context.choices)
    return state


@benchmark
def published_load_time(env: Environment) -> list[Figure]:
    times = timed(lambda: load_published(load_catalogue()), runs=LOAD_RUNS)
    note = runs_note(times, extra="load_catalogue + load_published (schema checks)")
    return [Figure("published figures load", ms(median(times)), "ms", note)]


@benchmark
def map_view_time(env: Environment) -> list[Figure]:
    context, state = env.context, carte_state(env)
    times = timed(lambda: map_view(context, state), runs=VIEW_RUNS, warmup=VIEW_WARMUP)
    extra = f"map_view at region level, actor {state.actor}"
    return [
        Figure(
            "map view (regions) p50", ms(median(times)), "ms", runs_note(times, VIEW_WARMUP, extra)
        ),
        Figure(
            "map view (regions) p90",
            ms(p90(times)),
            "ms",
            runs_note(times, VIEW_WARMUP, extra, stat="p90"),
        ),
    ]


@benchmark
def figure_size(env: Environment) -> list[Figure]:
    figure = map_panel(env.context, carte_state(env)).figure
    payload = figure.to_json().encode("utf-8")
    geojson = [trace.geojson for trace in figure.data if getattr(trace, "geojson", None)]
    inline = any(not isinstance(value, str) for value in geojson)
    where = "geometry INLINE in the figure" if inline else "geometry by URL"
    return [
        Figure("Carte figure JSON size", len(payload), "bytes", f"actor {ACTOR}; {where}"),
        Figure(
            "Carte figure JSON gzip size",
            len(gzip.compress(payload, compresslevel=GZIP_LEVEL)),
            "bytes",
            f"gzip level {GZIP_LEVEL}",
        ),
    ]
