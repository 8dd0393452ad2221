"""Reusable Dash components, each a function of plain data."""
