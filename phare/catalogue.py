"""The catalogue: actors, fragilities, indicators, studies, sources and regions, read from YAML.

The files in ``phare/catalogue/`` are the single place where ids and labels live; pydantic
checks their shape when they are read, and tests check that ids are unique and that every
value of the data files is catalogued.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from phare.errors import CatalogueError

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Labelled(_Entry):
    id: str
    label_fr: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr


class Actor(Labelled):
    population_fr: str
    population_en: str

    def population(self, lang: str) -> str:
        return self.population_en if lang == "en" else self.population_fr


class FragilityGroup(Labelled):
    pass


class Fragility(Labelled):
    group: str


class Unit(_Entry):
    label_fr: str
    label_en: str
    domain: tuple[float, float] | None = None
    csv_unit: str | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr


class IndicatorFamily(_Entry):
    """A family of indicators (fragility scores, innovation, practice …): how the France page
    and the coverage view group them."""

    label_fr: str
    label_en: str
    abbr_fr: str  # one letter, unique within a language (the coverage table's cells)
    abbr_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr

    def abbr(self, lang: str) -> str:
        return self.abbr_en if lang == "en" else self.abbr_fr


class Indicator(Labelled):
    unit: str
    family: str  # a key of the indicator file's ``families``
    per_fragility: bool
    question_fr: str  # a paraphrase of what was asked (see indicators.yaml)
    question_en: str  # the same paraphrase in English

    def question(self, lang: str) -> str:
        return self.question_en if lang == "en" else self.question_fr


class Programme(Labelled):
    pass


class Study(Labelled):
    programme: str
    citation_fr: str | None = None  # how a chart cites the study, when it differs from the label
    citation_en: str | None = None
    population_fr: str | None = None
    population_en: str | None = None
    fieldwork_fr: str | None = None
    fieldwork_en: str | None = None
    institute: str | None = None
    sample_size: int | None = None

    def citation(self, lang: str) -> str:
        """How a chart or a source line cites the study."""
        cited = self.citation_en if lang == "en" else self.citation_fr
        return cited or self.label(lang)

    def population(self, lang: str) -> str | None:
        return self.population_en if lang == "en" else self.population_fr

    def fieldwork(self, lang: str) -> str | None:
        return self.fieldwork_en if lang == "en" else self.fieldwork_fr


class Source(_Entry):
    id: str
    publisher: str
    title_fr: str
    date: str

    @property
    def url(self) -> str | None:
        return self.id if self.id.startswith(("http://", "https://")) else None

    def credit(self) -> str:
        return f"{self.publisher}, {self.title_fr} ({self.date})"


class Department(_Entry):
    code: str
    name: str
    region: str


class Segment(Labelled):
    actor: str | None
    field: str | None
    min: int | None = None
    max: int | None = None
    population_year: int | None = None


class Status(Labelled):
    fill: str | None
    border: str | None = None


class Region(_Entry):
    code: str
    name: str
    in_fr: str  # "en Normandie", "dans les Hauts-de-France": the name after "in"
    the_fr: str  # "la Bretagne", "l'Île-de-France", "les Hauts-de-France": with its article

    def located(self, lang: str) -> str:
        """The region as the complement of place of a sentence ("en Corse", "in Corse")."""
        return self.in_fr if lang == "fr" else f"in {self.name}"

    def named(self, lang: str) -> str:
        """The region as a sentence names it after a preposition ("pour la Bretagne",
        "for Bretagne"): French puts the article, elided where it must be."""
        return self.the_fr if lang == "fr" else self.name


class CatalogueFiles(_Entry):
    actors: tuple[Actor, ...]
    fragility_groups: tuple[FragilityGroup, ...]
    fragilities: tuple[Fragility, ...]
    units: dict[str, Unit]
    families: dict[str, IndicatorFamily]
    indicators: tuple[Indicator, ...]
    programmes: tuple[Programme, ...]
    studies: tuple[Study, ...]
    sources: tuple[Source, ...]
    regions: tuple[Region, ...]
    departments: tuple[Department, ...]
    segments: tuple[Segment, ...]
    statuses: tuple[Status, ...]


class Catalogue:
    """Read-only lookups over the catalogue files."""

    def __init__(self, files: CatalogueFiles) -> None:
        self.files = files
        _check_references(files)

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return _by_id(self.files.actors, "actors")

    @cached_property
    def fragilities(self) -> dict[str, Fragility]:
        return _by_id(self.files.fragilities, "fragilities")

    @cached_property
    def fragility_groups(self) -> dict[str, FragilityGroup]:
        return _by_id(self.files.fragility_groups, "fragility groups")

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return _by_id(self.files.indicators, "indicators")

    @cached_property
    def programmes(self) -> dict[str, Programme]:
        return _by_id(self.files.programmes, "programmes")

    @cached_property
    def studies(self) -> dict[str, Study]:
        return _by_id(self.files.studies, "studies")

    @cached_property
    def sources(self) -> dict[str, Source]:
        return _by_id(self.files.sources, "sources")

    @cached_property
    def departments(self) -> dict[str, Department]:
        return {department.code: department for department in self.files.departments}

    @cached_property
    def segments(self) -> dict[str, Segment]:
        return _by_id(self.files.segments, "segments")

    @cached_property
    def statuses(self) -> dict[str, Status]:
        return _by_id(self.files.statuses, "statuses")

    @cached_property
    def regions(self) -> dict[str, Region]:
        return {region.code: region for region in self.files.regions}

    @property
    def families(self) -> dict[str, IndicatorFamily]:
        """The indicator families, in the file's order."""
        return self.files.families

    def unit_of(self, indicator_id: str) -> Unit:
        return self.files.units[self.indicators[indicator_id].unit]


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read and check every catalogue file; :class:`CatalogueError` names the file at fault."""
    fragility_file = _read_yaml(directory / "fragilities.yaml")
    indicator_file = _read_yaml(directory / "indicators.yaml")
    raw = {
        "actors": _read_yaml(directory / "actors.yaml"),
        "fragility_groups": fragility_file.get("groups"),
        "fragilities": fragility_file.get("fragilities"),
        "units": indicator_file.get("units"),
        "families": indicator_file.get("families"),
        "indicators": indicator_file.get("indicators"),
        "programmes": _read_yaml(directory / "programmes.yaml"),
        "studies": _read_yaml(directory / "studies.yaml"),
        "sources": _read_yaml(directory / "sources.yaml"),
        "regions": _read_yaml(directory / "regions.yaml"),
        "departments": _read_yaml(directory / "departments.yaml"),
        "segments": _read_yaml(directory / "segments.yaml"),
        "statuses": _read_yaml(directory / "statuses.yaml"),
    }
    try:
        files = CatalogueFiles.model_validate(raw)
    except ValidationError as error:
        raise CatalogueError(f"catalogue in {directory} is malformed:\n{error}") from error
    return Catalogue(files)


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: cannot be read as YAML ({error})") from error


def _by_id(entries: tuple, what: str) -> dict:
    mapping = {entry.id: entry for entry in entries}
    if len(mapping) != len(entries):
        ids = [entry.id for entry in entries]
        duplicated = sorted({entry_id for entry_id in ids if ids.count(entry_id) > 1})
        raise CatalogueError(f"duplicated ids in {what}: {', '.join(duplicated)}")
    return mapping


def _check_references(files: CatalogueFiles) -> None:
    groups = {group.id for group in files.fragility_groups}
    programmes = {programme.id for programme in files.programmes}
    problems = [
        f"fragility {fragility.id!r} names unknown group {fragility.group!r}"
        for fragility in files.fragilities
        if fragility.group not in groups
    ]
    problems += [
        f"indicator {indicator.id!r} names unknown unit {indicator.unit!r}"
        for indicator in files.indicators
        if indicator.unit not in files.units
    ]
    problems += [
        f"indicator {indicator.id!r} names unknown family {indicator.family!r}"
        for indicator in files.indicators
        if indicator.family not in files.families
    ]
    problems += [
        f"study {study.id!r} names unknown programme {study.programme!r}"
        for study in files.studies
        if study.programme not in programmes
    ]
    actors = {actor.id for actor in files.actors}
    problems += [
        f"segment {segment.id!r} names unknown actor {segment.actor!r}"
        for segment in files.segments
        if segment.actor is not None and segment.actor not in actors
    ]
    regions = {region.code for region in files.regions}
    problems += [
        f"department {department.code!r} names unknown region {department.region!r}"
        for department in files.departments
        if department.region not in regions
    ]
    if problems:
        raise CatalogueError("catalogue references are broken:\n  - " + "\n  - ".join(problems))
