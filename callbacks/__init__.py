"""Thin wiring from inputs to pure functions; importing a module registers its callbacks."""
