"""The columns a CSV file adds for a reader who pastes it: the numbers in full, beside the
rounded ones the screen shows (standard flavour only)."""

TEXT: dict[str, dict[str, str]] = {
    "value_unrounded_col": {"fr": "Valeur non arrondie", "en": "Unrounded value"},
    "ci_low_unrounded_col": {"fr": "IC 95 % bas non arrondi", "en": "95% CI low, unrounded"},
    "ci_high_unrounded_col": {"fr": "IC 95 % haut non arrondi", "en": "95% CI high, unrounded"},
}
