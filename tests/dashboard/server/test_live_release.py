"""A release imported while the app serves reaches it on the next request, whole; a bad one
leaves the last good data served and /readyz degraded."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from flask import Flask

import dashboard.server.live_release as live_release
from dashboard.core.context import IMPORTED_DATASET, PUBLISHED_DATASET, with_current_import
from dashboard.exports.csv import exports
from dashboard.server.current import EXTENSION_KEY, current_context
from dashboard.server.live_release import serve_current_release
from dashboard.server.routes import blueprint
from phare.catalogue import load_catalogue
from phare.releases import import_release, release_dir, set_current
from tests.phare.fixtures.microdata import text_frame, write_csv

# a view the imported microdata give values for (a view without any is refused, not exported)
IMPORT_CSV = (
    "/export/view.csv?dataset=import&actor=citoyens&indicator=fragility_mean_score"
    "&fragility=emploi&flavour=standard"
)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture()
def own_settings(settings, tmp_path):
    """The session's settings with an empty data folder of this test's own, every cell of its
    small releases shown (an export of a view with no value at all is refused, not drawn)."""
    return replace(settings, data_dir=tmp_path / "data", min_base=1, caution_base=1)


@pytest.fixture()
def respondents(catalogue, tmp_path):
    """Respondent files of 8, 12 and 16 rows."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    return {
        rows: write_csv(text_frame(catalogue, rows), folder / f"r{rows}.csv")
        for rows in (8, 12, 16)
    }


def serving_app(context, settings) -> Flask:
    """The routes and the CSV export over ``context``, kept on the current release."""
    server = Flask(__name__)
    serve_current_release(server, settings, lambda own: with_current_import(context, own))
    server.register_blueprint(blueprint)
    server.register_blueprint(exports)
    return server


def served(client) -> dict[str, dict]:
    return client.get("/readyz").get_json()["datasets"]


def test_an_import_while_serving_reaches_the_next_request(
    context, own_settings, respondents, catalogue
):
    client = serving_app(context, own_settings).test_client()
    assert IMPORTED_DATASET not in served(client)

    import_release(respondents[8], "r1", own_settings.data_dir, catalogue)
    assert served(client)[IMPORTED_DATASET] == {"id": "r1", "rows": 8}

    import_release(respondents[12], "r2", own_settings.data_dir, catalogue)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["datasets"][IMPORTED_DATASET] == {"id": "r2", "rows": 12}
    assert response.get_json()["datasets"][PUBLISHED_DATASET]["id"] == context.release.id


def test_the_imported_release_is_what_the_export_serves(
    context, own_settings, respondents, catalogue
):
    client = serving_app(context, own_settings).test_client()
    import_release(respondents[8], "r1", own_settings.data_dir, catalogue)
    first = client.get(IMPORT_CSV).get_data(as_text=True)
    import_release(respondents[12], "r2", own_settings.data_dir, catalogue)
    second = client.get(IMPORT_CSV).get_data(as_text=True)
    assert ",r1," in first and ",r2," not in first
    assert ",r2," in second and ",r1," not in second


def test_one_request_keeps_the_context_it_started_with(context, own_settings):
    server = serving_app(context, own_settings)
    with server.test_request_context("/"):
        first = current_context()
        server.extensions[EXTENSION_KEY] = replace(context)
        assert current_context() is first


def test_a_corrupt_new_release_leaves_the_last_good_one_served(
    context, own_settings, respondents, catalogue
):
    client = serving_app(context, own_settings).test_client()
    import_release(respondents[8], "r1", own_settings.data_dir, catalogue)
    assert served(client)[IMPORTED_DATASET]["id"] == "r1"
    import_release(respondents[12], "r2", own_settings.data_dir, catalogue)
    with (release_dir(own_settings.data_dir, "r2") / "microdata.parquet").open("ab") as data:
        data.write(b"corrupted")

    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "degraded"
    assert body["datasets"][IMPORTED_DATASET] == {"id": "r1", "rows": 8}
    assert "SHA-256" in body["reasons"][0] and "r2" in body["reasons"][0]

    set_current(own_settings.data_dir, "r1")  # the rollback staff would do
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ready"


def test_a_corrupt_release_at_start_serves_the_published_figures_degraded(
    context, own_settings, respondents, catalogue
):
    import_release(respondents[8], "r1", own_settings.data_dir, catalogue)
    (release_dir(own_settings.data_dir, "r1") / "microdata.parquet").write_bytes(b"not parquet")
    base = replace(context, datasets={PUBLISHED_DATASET: context.datasets[PUBLISHED_DATASET]})
    client = serving_app(base, own_settings).test_client()

    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "degraded"
    assert list(response.get_json()["datasets"]) == [PUBLISHED_DATASET]
    export = client.get("/export/view.csv?dataset=import")
    assert export.status_code == 200  # an unknown dataset falls back to the published figures
    assert context.release.id in export.get_data(as_text=True)


def test_a_served_release_deleted_from_disk_is_reported_and_still_served(
    context, own_settings, respondents, catalogue
):
    client = serving_app(context, own_settings).test_client()
    import_release(respondents[8], "r1", own_settings.data_dir, catalogue)
    assert served(client)[IMPORTED_DATASET]["id"] == "r1"
    for path in sorted(release_dir(own_settings.data_dir, "r1").iterdir()):
        path.unlink()

    response = client.get("/readyz")
    assert response.status_code == 503
    assert "deleted" in response.get_json()["reasons"][0]
    assert response.get_json()["datasets"][IMPORTED_DATASET] == {"id": "r1", "rows": 8}
    export = client.get(IMPORT_CSV)
    assert export.status_code == 200 and ",r1," in export.get_data(as_text=True)


def test_concurrent_requests_during_an_import_load_it_once_and_never_fail(
    context, own_settings, respondents, catalogue, monkeypatch
):
    loads = []

    def counted(current, settings):
        loads.append(settings.data_dir)
        return with_current_import(current, settings)

    monkeypatch.setattr(live_release, "with_current_import", counted)
    server = serving_app(context, own_settings)
    import_release(respondents[16], "r1", own_settings.data_dir, catalogue)

    def ask(_: int) -> tuple[int, str | None]:
        response = server.test_client().get("/readyz")
        imported = response.get_json()["datasets"].get(IMPORTED_DATASET)
        return response.status_code, imported and imported["id"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(64)))
    assert {status for status, _ in answers} == {200}
    assert {release for _, release in answers} <= {None, "r1"}
    assert ask(0) == (200, "r1")  # threads that came during the load were served the old data
    assert len(loads) == 1
