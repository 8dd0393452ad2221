"""Reading a Dash layout tree in tests: every component, one by id or type, and its text."""

from __future__ import annotations

from collections.abc import Iterator

from dash.development.base_component import Component


def walk(component) -> Iterator[Component]:
    """Every component of a tree (a component, or a list of them), depth first."""
    if isinstance(component, list | tuple):
        for child in component:
            yield from walk(child)
        return
    if not isinstance(component, Component):
        return
    yield component
    yield from walk(getattr(component, "children", None))


def find(component, component_id: str) -> Component | None:
    """The component with ``component_id`` in a layout tree, or None."""
    return next((c for c in walk(component) if getattr(c, "id", None) == component_id), None)


def of_type(tree, kind) -> list:
    return [component for component in walk(tree) if isinstance(component, kind)]


def text_of(component, joiner: str = " ") -> str:
    """The text a tree shows, its pieces joined by ``joiner``."""
    if isinstance(component, list | tuple):
        return joiner.join(text_of(child, joiner) for child in component)
    if isinstance(component, Component):
        return text_of(getattr(component, "children", None), joiner)
    return "" if component is None else str(component)
