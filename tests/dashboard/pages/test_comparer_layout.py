"""Comparer's page lays out what :func:`dashboard.views.comparer.comparer_view` says: it reads no
data and computes nothing itself (no data layer, no frames, no figure builder, no arithmetic)."""

import ast
from pathlib import Path

PAGE = Path(__file__).resolve().parents[3] / "dashboard" / "pages" / "comparer.py"
NOT_IMPORTED = ("phare", "pandas", "numpy", "dashboard.figures", "dashboard.views.region")


def test_the_page_imports_no_data_layer_and_does_no_arithmetic():
    tree = ast.parse(PAGE.read_text(encoding="utf-8"))
    imported = [
        name
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    ]
    assert "dashboard.views.comparer" in imported
    assert not [
        name
        for name in imported
        for layer in NOT_IMPORTED
        if name == layer or name.startswith(f"{layer}.")
    ]
    computed = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp | ast.AugAssign | ast.Compare)
    ]
    assert computed == []


def comparer_layout(dash_app, **query):
    import dash

    layout = next(p["layout"] for p in dash.page_registry.values() if p["path"] == "/comparer")
    with dash_app.server.app_context():
        return layout(**query)


def test_each_drawn_chart_links_its_files_and_the_left_out_are_named(dash_app):
    from tests.layout_tree import find, text_of

    layout = comparer_layout(dash_app, territories="28,76,FR,11,24,44", actor="maires")
    csv = find(layout, "compare-partnership-csv-fr")
    assert csv.href.startswith("/export/chart/compare-partnership.csv?")
    assert "territories=28%2C76%2CFR%2C11" in csv.href and "flavour=fr" in csv.href
    assert find(layout, "compare-fragilities-png") is None  # no score of the mayors: no file
    too_many = text_of(find(layout, "compare-too-many"))
    assert "non retenus : Centre-Val de Loire, Grand Est." in too_many
