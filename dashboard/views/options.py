"""Dropdown options as plain dicts, shared by the screens' controls: an option that leads
nowhere is listed, disabled, with the reason as its label's end and its tooltip."""

from __future__ import annotations

from dashboard.core.context import IMPORTED_DATASET
from dashboard.text.i18n import t
from phare.datasets import Dataset


def option(value: object, label: str, enabled: bool, reason: str = "") -> dict:
    option = {"label": label if enabled else f"{label} ({reason})", "value": value}
    if not enabled:
        option |= {"disabled": True, "title": reason}
    return option


def dataset_option(key: str, dataset: Dataset, lang: str) -> dict:
    label = t(f"dataset_{key}", lang, release=dataset.id if key == IMPORTED_DATASET else "")
    return option(key, label, True)
