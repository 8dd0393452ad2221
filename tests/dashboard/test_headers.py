"""Framing: full pages only inside the dashboard itself, embed views where the setting allows."""

import pytest

from dashboard.headers import framing_headers

FULL = {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}


def test_full_pages_may_only_be_framed_by_the_dashboard():
    assert framing_headers(False, "*") == FULL


def test_embed_views_follow_the_setting_and_send_no_x_frame_options():
    headers = framing_headers(True, "https://www.lerameau.fr https://*.example.org")
    assert headers == {
        "Content-Security-Policy": "frame-ancestors https://www.lerameau.fr https://*.example.org"
    }


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/region/28",
        "/comparer?territories=28,FR",
        "/export/view.csv",
        "/region/99",  # a 404
        "/healthz",
        "/?embed=oui",  # not an embed flag: the full-page profile
    ],
)
def test_every_response_of_a_full_view_carries_the_full_page_profile(client, path):
    response = client.get(path)
    assert {name: response.headers.get(name) for name in FULL} == FULL


@pytest.mark.parametrize(
    "path", ["/?embed=1", "/region/28?embed=1", "/donnees?embed=true", "/region/99?embed=1"]
)
def test_embed_views_carry_the_embed_profile(client, path):
    response = client.get(path)
    assert response.headers["Content-Security-Policy"] == "frame-ancestors *"
    assert "X-Frame-Options" not in response.headers
