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
