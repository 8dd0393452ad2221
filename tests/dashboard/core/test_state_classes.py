"""The default classes (``auto``) and the full scale one choice away, in the URL contract."""

from dashboard.core.state import AppState, parse_state, state_query


def test_the_default_classes_follow_the_data():
    assert AppState().classes == "auto"
    assert state_query(AppState()) == ""


def test_choosing_the_full_scale_is_written_in_the_url_and_read_back(context):
    query = state_query(AppState(classes="fixed"))
    assert query == "?classes=fixed"
    state, notices = parse_state({"classes": "fixed"}, context.choices)
    assert (state.classes, notices) == ("fixed", [])


def test_an_old_link_without_classes_opens_on_the_new_default(context):
    state, notices = parse_state({"actor": "entreprises"}, context.choices)
    assert (state.classes, notices) == ("auto", [])
