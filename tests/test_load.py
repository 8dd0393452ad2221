"""The load test's pure parts: percentiles, the report, /proc reading, the simulated reader.

(``make load`` itself is not part of the tests: it measures, and takes minutes.)"""

import os
import random
import subprocess
import sys

import pytest

from benchmarks.load import parse_arguments
from benchmarks.load_report import (
    Kill,
    Run,
    Snapshot,
    errors_note,
    growth,
    percentile,
    reasons_note,
    report_rows,
    split_by_window,
    targets,
)
from benchmarks.processes import (
    Memory,
    children,
    cpu_seconds,
    memory,
    parent_pid,
    parse_smaps_rollup,
)
from benchmarks.readers import (
    Page,
    PageLoad,
    Request,
    apply_response,
    choose_change,
    components,
    filter_body,
    page_from_layout,
    reason,
)

SMAPS_ROLLUP = """55d5c1a2b000-7ffd3e1f2000 ---p 00000000 00:00 0                          [rollup]
Rss:              431204 kB
Pss:              328811 kB
Pss_Anon:         301112 kB
Shared_Clean:     101234 kB
Private_Dirty:    301112 kB
Swap:                  0 kB
"""
MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("values", "percent", "expected"),
    [
        (list(range(1, 101)), 50, 50.5),
        (list(range(1, 101)), 95, 95.05),
        (list(range(1, 101)), 99, 99.01),
        ([10.0, 20.0], 50, 15.0),
        ([42.0], 95, 42.0),
    ],
)
def test_percentile_interpolates_within_the_observed_values(values, percent, expected):
    assert percentile(values, percent) == pytest.approx(expected)


def test_growth_is_in_percent_of_the_starting_pss():
    assert growth(Memory(pss=200 * MIB, rss=0), Memory(pss=220 * MIB, rss=0)) == 10.0


def test_smaps_rollup_gives_pss_and_rss_in_bytes():
    assert parse_smaps_rollup(SMAPS_ROLLUP) == Memory(pss=328811 * 1024, rss=431204 * 1024)


def test_own_process_memory_is_read_from_proc():
    own = memory(os.getpid())
    assert 0 < own.pss <= own.rss


def test_stat_is_read_after_a_command_name_holding_spaces_and_parentheses():
    text = "4242 (gunicorn: (a) b) S 4200 4242 4242 0 -1 4194560 0 0 0 0 250 50 0 0 20 0 7 0"
    assert parent_pid(text) == 4200
    assert cpu_seconds(text) == 300 / os.sysconf("SC_CLK_TCK")


def test_children_are_found_by_their_parent_pid(tmp_path):
    for pid, parent in ((10, 1), (11, 10), (12, 10), (13, 11)):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(f"{pid} (python) S {parent} 1 1 0")
    (tmp_path / "self").mkdir()
    assert children(10, tmp_path) == [11, 12]


def test_a_child_of_this_process_is_found_in_proc():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in children(os.getpid())
    finally:
        child.kill()
        child.wait()


KILL = Kill(pid=7, at=60.0, respawned=8, respawn_seconds=0.1, window=15.0)


def test_requests_in_flight_during_the_kill_window_are_counted_apart():
    before = Request("filter", 50.0, 0.2)
    straddling = Request("filter", 59.9, 0.3, "filter: ConnectionError")
    during = Request("router", 70.0, 0.2)
    after = Request("filter", 75.0, 0.2)
    outside, inside = split_by_window([before, straddling, during, after], KILL)
    assert outside == [before, after]
    assert inside == [straddling, during]
    assert split_by_window([before, during], None) == ([before, during], [])


def test_error_reasons_are_counted_most_frequent_first():
    failed = [Request("filter", 0, 1, "a"), Request("filter", 0, 1, "b"), Request("x", 0, 1, "b")]
    assert reasons_note(failed) == "2× b; 1× a"


def test_a_reason_leaves_out_addresses_and_ports():
    problem = ConnectionError(
        "HTTPConnectionPool(host='127.0.0.1', port=40123): Max retries exceeded "
        "(Caused by <urllib3.connection.HTTPConnection object at 0x7f3a2c1d0>)"
    )
    assert reason("filter", problem) == (
        "filter: ConnectionError: HTTPConnectionPool(host='127.0.0.1', ): Max retries exceeded "
        "(Caused by <urllib3.connection.HTTPConnection>)"
    )


def snapshot(wall, workers, cpu=0.0):
    return Snapshot(
        wall=wall,
        generator_cpu=cpu,
        machine=(wall, 2 * wall),
        workers=workers,
        master=Memory(pss=10 * MIB, rss=20 * MIB),
        cpu=dict.fromkeys(workers, cpu),
        load=1.0,
    )


def a_run(filter_ms, errors=0, end_pss=105):
    start = snapshot(0.0, {1: Memory(80 * MIB, 140 * MIB), 2: Memory(80 * MIB, 140 * MIB)})
    warm = snapshot(30.0, {1: Memory(100 * MIB, 150 * MIB), 2: Memory(100 * MIB, 150 * MIB)})
    end = snapshot(
        100.0, {1: Memory(end_pss * MIB, 160 * MIB), 3: Memory(90 * MIB, 140 * MIB)}, 5.0
    )
    changes = [
        Request("filter", 1.0 + index, ms / 1000, detail="actor")
        for index, ms in enumerate(filter_ms)
    ]
    failed = [Request("filter", 2.0, 0.1, "filter: status 500") for _ in range(errors)]
    pages = [Request(kind, 0.5, 0.01) for kind in ("page", "layout", "dependencies")]
    return Run(
        parse_arguments(["--readers", "2", "--duration", "100"]),
        [*pages, *changes, *failed],
        [PageLoad(0.5, 0.03, True)],
        Kill(pid=2, at=60.0, respawned=3, respawn_seconds=0.1),
        start,
        warm,
        end,
        bound_reached=False,
        log_problems=[],
    )


def test_targets_are_read_on_p95_errors_outside_the_window_and_the_survivors_growth():
    met = a_run([100.0] * 19 + [250.0])
    assert [is_met for _, is_met, _ in targets(met)] == [True, True, True]
    missed = a_run([100.0] * 10 + [400.0] * 10, errors=1, end_pss=111)
    assert [measured for _, _, measured in targets(missed)] == [
        "400 ms",
        "1 errors",
        "+11.0 % PSS (max, after the warm-up)",
    ]


def test_the_report_gives_throughput_latency_errors_memory_and_targets():
    rows = {row.name: row for row in report_rows(a_run([100.0, 200.0, 300.0]))}
    assert rows["requests"].value == 6
    assert rows["throughput"].value == 0.06
    assert rows["filter change p50"].value == 200.0
    assert (
        rows["memory · worker 1 · PSS"].note
        == "start 80 → warm 100 → end 105 MiB (+5.0 % after the warm-up); RSS 140 → 160 MiB"
    )
    assert rows["memory growth, warm-up, max"].value == 25.0  # 80 → 100: not held against it
    assert rows["memory · new worker 3 · PSS"].value == 90.0
    assert "memory · worker 2" not in rows  # the killed one
    assert rows["target · worker memory growth < 10 %"].value == "met"
    assert rows["target · filter change p95 < 300 ms"].value == "met"
    assert rows["errors outside the kill window"].value == 0


def test_default_request_bound_covers_a_change_every_two_seconds():
    arguments = parse_arguments([])
    assert (arguments.readers, arguments.duration, arguments.kill_after) == (50, 120.0, 60.0)
    assert arguments.warmup == 60.0
    assert arguments.max_requests == 50 * (5 + 90 + 1)  # 180 s at one change per 2 s


TEMPLATE = {
    "output": "..map.figure..",
    "outputs": [{"id": "map", "property": "figure"}],
    "inputs": [
        {"id": "actor", "property": "value", "value": "maires"},
        {"id": "k", "property": "value", "value": 5},
        {"id": "search", "property": "value", "value": None},
    ],
    "state": [{"id": "carte-state", "property": "data", "value": {"actor": "maires"}}],
    "changedPropIds": ["actor.value"],
}
LAYOUT = {
    "props": {
        "children": [
            {"props": {"id": "actor", "value": "citoyens", "options": [{"value": "citoyens"}]}},
            {"props": {"id": "k", "value": 4, "options": [{"value": 4}, {"value": 5}]}},
            {"props": {"id": "carte-state", "data": {"actor": "citoyens"}}},
        ]
    }
}


def test_the_page_holds_the_layout_values_and_the_filter_options():
    page = page_from_layout(TEMPLATE, components(LAYOUT))
    assert page.values == {
        "actor.value": "citoyens",
        "k.value": 4,
        "search.value": None,
        "carte-state.data": {"actor": "citoyens"},
    }
    assert page.options == {"actor": [{"value": "citoyens"}], "k": [{"value": 4}, {"value": 5}]}


def test_a_change_picks_another_enabled_option():
    page = Page(
        {"actor.value": "maires"},
        {"actor": [{"value": "maires"}, {"value": "pionniers", "disabled": True}, {"value": "a"}]},
    )
    assert choose_change(page, random.Random(1)) == ("actor", "a")
    assert (
        choose_change(Page({"actor.value": "a"}, {"actor": [{"value": "a"}]}), random.Random(1))
        is None
    )


def test_a_filter_change_posts_the_values_and_names_the_changed_filter():
    values = {"actor.value": "citoyens", "k.value": 7, "carte-state.data": {"actor": "maires"}}
    body = filter_body(TEMPLATE, values, "k")
    assert [dependency["value"] for dependency in body["inputs"]] == ["citoyens", 7, None]
    assert body["state"][0]["value"] == {"actor": "maires"}
    assert body["changedPropIds"] == ["k.value"]
    assert body["outputs"] == TEMPLATE["outputs"]


def test_the_response_updates_the_values_and_options_the_browser_keeps():
    page = Page({"actor.value": "a", "carte-state.data": {}}, {"actor": [{"value": "a"}]})
    apply_response(
        page,
        {
            "carte-state": {"data": {"actor": "b"}},
            "actor": {"value": "b", "options": [{"value": "b"}]},
            "map": {"figure": {"__dash_patch_update": "__dash_patch_update", "operations": []}},
        },
    )
    assert page.values == {"actor.value": "b", "carte-state.data": {"actor": "b"}}
    assert page.options == {"actor": [{"value": "b"}]}


def test_failed_requests_are_shown_with_their_connection_idle_time():
    failed = [Request("filter", 10.0, 0.01, "filter: ConnectionError", idle=4.98)]
    assert errors_note(failed) == "1× filter: ConnectionError; at 10.0 s after 4.98 s idle"
