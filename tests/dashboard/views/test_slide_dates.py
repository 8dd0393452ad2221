"""A slide's « Date »: a fieldwork date, never a release id; simulated data say so."""

import pytest

from dashboard.views.slide_dates import dated_studies, fieldwork_date, modelled_studies


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        (("citoyens",), ["PHARE-Citoyens", "PHARE-Regional"]),
        (("maires",), ["PHARE-Institutions"]),
        (
            ("associations", "entreprises"),
            ["PHARE-Entreprises", "PHARE-Associations", "PHARE-Regional"],
        ),
        (("pionniers",), []),  # only figures of other programmes
    ],
)
def test_modelled_studies_are_the_programmes_studies_of_the_actors(context, actors, expected):
    assert modelled_studies(context, actors, "phare") == expected


@pytest.mark.parametrize(
    ("dataset", "studies", "actors", "lang", "expected"),
    [
        (
            "publie",
            ["PHARE-Citoyens", "PHARE-Citoyens"],
            (),
            "fr",
            "PHARE-Citoyens (septembre 2015)",
        ),
        ("publie", ["PHARE-Citoyens", None], (), "en", "PHARE-Citizens (September 2015)"),
        ("publie", [], (), "fr", "non précisé par la source"),
        (
            "simule",
            [],
            ("maires",),
            "fr",
            # no source states the mayors' fieldwork: said so, never a publication date
            "données simulées, sur le modèle de PHARE-Institutions (non précisé par la source)",
        ),
        (
            "simule",
            [],
            ("citoyens",),
            "en",
            "simulated data, modelled on PHARE-Citizens (September 2015); "
            "PHARE – regional reports (2016)",
        ),
        ("simule", [], ("pionniers",), "fr", "non précisé par la source"),
    ],
)
def test_fieldwork_date(context, dataset, studies, actors, lang, expected):
    date = fieldwork_date(context, context.dataset(dataset), studies, actors, "phare", lang)
    assert date == expected
    assert "simulation-" not in date and "publie-" not in date


def test_dated_studies_say_so_of_a_study_without_a_stated_fieldwork(context):
    assert dated_studies(context, ["Other", "IMPACT", "nope"], "fr") == (
        "Autre source ou étude non nommée (non précisé par la source) ; "
        "Programme IMPACT (2018-2022)"
    )
