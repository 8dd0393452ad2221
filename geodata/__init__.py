"""Contours: sources (verified files), simplification, cache and lookups for the maps."""
