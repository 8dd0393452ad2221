"""The app's code stays in pieces a reader can hold: small modules, short functions, and a
``dashboard/`` whose top holds only the app factory and its layers' folders."""

import ast
from pathlib import Path

import pytest

from phare.settings import PROJECT_ROOT

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60  # from the first decorator to the last line
APP_CODE = [PROJECT_ROOT / "dashboard", PROJECT_ROOT / "callbacks"]


def app_modules() -> list[Path]:
    return sorted(path for folder in APP_CODE for path in folder.rglob("*.py"))


def function_lengths(path: Path) -> dict[str, int]:
    """Each function's (and method's) length in lines, decorators included, by qualified line."""
    lengths = {}
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            lengths[f"{node.name} (line {start})"] = node.end_lineno - start + 1
    return lengths


def test_the_app_code_is_found():
    assert len(app_modules()) > 50


@pytest.mark.parametrize(
    "path", app_modules(), ids=lambda path: str(path.relative_to(PROJECT_ROOT))
)
def test_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize(
    "path", app_modules(), ids=lambda path: str(path.relative_to(PROJECT_ROOT))
)
def test_functions_stay_short(path):
    too_long = {name: n for name, n in function_lengths(path).items() if n > MAX_FUNCTION_LINES}
    assert not too_long


def test_a_function_is_measured_from_its_first_decorator(tmp_path):
    source = tmp_path / "example.py"
    source.write_text("@first\n@second\ndef f():\n    return 1\n\n\ndef g():\n    pass\n")
    assert function_lengths(source) == {"f (line 1)": 4, "g (line 7)": 2}


def unannotated_callbacks(path: Path) -> list[str]:
    """The functions registered with ``@callback`` that leave a parameter or the return untyped."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.FunctionDef) or not any(
            isinstance(d, ast.Call) and getattr(d.func, "id", None) == "callback"
            for d in node.decorator_list
        ):
            continue
        arguments = [*node.args.args, *node.args.kwonlyargs]
        if node.args.vararg is not None:
            arguments.append(node.args.vararg)
        if node.returns is None or any(argument.annotation is None for argument in arguments):
            found.append(node.name)
    return found


@pytest.mark.parametrize(
    "path",
    sorted((PROJECT_ROOT / "callbacks").glob("*.py")),
    ids=lambda path: path.name,
)
def test_every_callback_is_fully_annotated(path):
    assert not unannotated_callbacks(path)


def test_an_untyped_callback_is_found(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "@callback(Output('a', 'b'))\ndef f(x: int, *rest):\n    return x\n\n\n"
        "@callback(Output('c', 'd'))\ndef g(x: int) -> int:\n    return x\n"
    )
    assert unannotated_callbacks(source) == ["f"]


def test_the_top_of_dashboard_holds_the_app_factory_and_folders_only():
    top = PROJECT_ROOT / "dashboard"
    files = {path.name for path in top.iterdir() if path.is_file() and path.suffix == ".py"}
    assert files == {"__init__.py", "app.py"}
