"""Hostile inputs shared by the fault and abuse tests: attack strings and hypothesis
strategies for query strings (keys that repeat, any Unicode, oversized values, junk
percent-encoding) and for the keyword arguments Dash gives a page's layout."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import strategies as st

from dashboard.core.state import AppState

ATTACKS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    '=HYPERLINK("http://x.example","clic")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
)
PERCENT_JUNK = ("%", "%z", "%zz", "%ff%fe", "%00", "%E2%82", "%%41", "&&", "=", "==", ";", "+")
EXTRA_KEYS = ("code", "insee", "flavour", "width", "height", "part", "v", "_trace", "debug")
# Valid values, so that junk also meets real views (not the whole-France commune map: slow)
VALID_VALUES = ("simule", "en", "citoyens", "entreprises", "28", "dep-14", "departement", "1")

unicode_text = st.text(max_size=40)  # any code point but surrogates: controls, bidi, NUL…
oversized = st.builds(
    lambda char, count: char * count, st.characters(), st.integers(min_value=200, max_value=5000)
)
parameter_names = st.one_of(st.sampled_from([*AppState.model_fields, *EXTRA_KEYS]), unicode_text)
parameter_values = st.one_of(
    unicode_text, oversized, st.sampled_from(ATTACKS), st.sampled_from(VALID_VALUES)
)
# key=value pairs, percent-encoded (keys repeat: few names are drawn), and undecodable junk
query_strings = st.lists(
    st.one_of(
        st.builds(
            lambda name, value: f"{quote(name, safe='')}={quote(value, safe='')}",
            parameter_names,
            parameter_values,
        ),
        st.sampled_from(PERCENT_JUNK),
    ),
    max_size=12,
).map("&".join)
layout_arguments = st.dictionaries(
    parameter_names, st.one_of(parameter_values, st.lists(parameter_values, min_size=2, max_size=3))
)
