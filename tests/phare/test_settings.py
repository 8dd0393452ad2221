import re
from pathlib import Path

import pytest

from phare.errors import InvalidSetting
from phare.settings import PROJECT_ROOT, SETTINGS, load_settings


def test_defaults_apply_without_environment():
    settings = load_settings(environ={})
    assert settings.geodata_mirror is None
    assert settings.cache_dir == PROJECT_ROOT / ".cache"


def test_environment_overrides_default_and_argument_overrides_environment(tmp_path):
    environ = {"PHARE_CACHE_DIR": str(tmp_path / "env"), "PHARE_GEODATA_MIRROR": "/mirror"}
    assert load_settings(environ=environ).cache_dir == tmp_path / "env"
    assert load_settings(environ=environ).geodata_mirror == Path("/mirror")
    explicit = load_settings({"cache_dir": tmp_path / "arg"}, environ=environ)
    assert explicit.cache_dir == tmp_path / "arg"


def test_an_empty_mirror_variable_means_download():
    assert load_settings(environ={"PHARE_GEODATA_MIRROR": ""}).geodata_mirror is None


def test_an_unusable_value_names_the_variable():
    with pytest.raises(InvalidSetting, match="PHARE_CACHE_DIR=' ' is not usable"):
        load_settings(environ={"PHARE_CACHE_DIR": " "})


def test_an_unknown_explicit_setting_is_refused():
    with pytest.raises(InvalidSetting, match="unknown setting"):
        load_settings({"cache": "x"})


def test_every_setting_is_documented_in_the_readme():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(PHARE_[A-Z_]+)` \|", readme, flags=re.MULTILINE))
    assert documented == {setting.env for setting in SETTINGS}


def test_the_caution_threshold_cannot_be_below_the_minimum_base():
    with pytest.raises(InvalidSetting, match="PHARE_CAUTION_BASE \\(20\\) is below"):
        load_settings(environ={"PHARE_CAUTION_BASE": "20"})
    assert load_settings(environ={"PHARE_MIN_BASE": "50"}).min_base == 50


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("*", "*"),
        ("'self'", "'self'"),
        ("'none'", "'none'"),
        (
            "https://www.lerameau.fr  https://*.example.org:443",
            "https://www.lerameau.fr https://*.example.org:443",
        ),
        ("https:", "https:"),
        ("partenaires.example.org/articles/", "partenaires.example.org/articles/"),
    ],
)
def test_frame_ancestors_take_a_csp_source_list(raw, expected):
    assert load_settings(environ={"PHARE_FRAME_ANCESTORS": raw}).frame_ancestors == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "https://a.example; script-src *",  # would inject a directive
        "https://a.example\r\nX-Evil: 1",
        "'unsafe-inline'",
        "'none' https://a.example",
        "https://a.example,https://b.example",
    ],
)
def test_frame_ancestors_that_are_not_a_source_list_are_refused(raw):
    with pytest.raises(InvalidSetting, match="PHARE_FRAME_ANCESTORS"):
        load_settings(environ={"PHARE_FRAME_ANCESTORS": raw})
