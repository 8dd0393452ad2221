"""PHARE survey-data layer: catalogue, settings, loading and validation of the published figures."""
