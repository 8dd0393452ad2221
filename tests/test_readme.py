"""The README stays true: its Quick start is the two commands, and CI runs the test one."""

import re

from phare.settings import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_shows_exactly_the_two_commands_first():
    section = README.split("## Quick start", 1)[1]
    first_block = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL).group(1)
    assert first_block.splitlines() == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    script = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip().splitlines()[-1] == "make test"


def test_the_offline_mirror_is_documented_next_to_the_default():
    quick_start = README.split("## Quick start", 1)[1].split("## Configuration", 1)[0]
    assert "PHARE_GEODATA_MIRROR=" in quick_start
