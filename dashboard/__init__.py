"""The Dash application: app factory, pages, components and pure figure builders."""

__version__ = "0.1.0"
