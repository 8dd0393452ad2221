"""The app state: one small validated object, and its URL form (the permalink contract).

Every page reads its state from the query string through :func:`parse_state` and writes links
with :func:`state_query`. A bad parameter never fails the page: it falls back to its default
and yields a :class:`Notice` the page shows.

A few pages open on defaults of their own (:data:`PAGE_DEFAULTS`) rather than the app's, which
the Carte and the links between pages keep: Analyse on its richest published table, Comparer on
territories that have published values. Such a page reads its URL with ``page=`` and writes its
own URLs with :func:`page_query`, which states the page's fields even at the app's default, so
that choosing the app's default there survives a reload and a copied link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

MAX_PARAM_LENGTH = 200
MAP_LEVELS = ("region", "departement", "commune")
COMMUNE_LAYERS = ("stratum", "size", "upload")  # what the commune level shows
# ``classes=``: how the map cuts values into classes (dashboard.views.classification)
# "auto" (the default) follows the data when they have intervals; "fixed" is the full scale.
AUTO_SCHEME = "auto"
CLASS_SCHEMES = (AUTO_SCHEME, "fixed", "quantiles", "equal_interval", "fisher_jenks", "diverging")
FRANCE = "FR"
DEPARTMENT_PREFIX = "dep-"  # department codes 11…94 would collide with region codes
ANALYSE_PAGE, COMPARER_PAGE = "/analyse", "/comparer"


@dataclass(frozen=True)
class StateChoices:
    """What the current data allows: each state field is checked against these."""

    datasets: frozenset[str]
    programmes: frozenset[str]
    actors: frozenset[str]
    segments: frozenset[str]
    indicators: frozenset[str]
    fragilities: frozenset[str]
    levels: frozenset[str]
    schemes: frozenset[str]
    territories: frozenset[str]
    commune_layers: frozenset[str] = frozenset(COMMUNE_LAYERS)
    places: frozenset[str] = frozenset()  # every selectable territory id (see territory_id)
    # (dataset id, id of the release it serves now): what ``release=`` is checked against
    current_releases: tuple[tuple[str, str], ...] = ()
    dimensions: frozenset[str] = frozenset({"actor", "segment", "territory", "fragility", "group"})
    groups: frozenset[str] = frozenset()  # the fragility groups


class AppState(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    dataset: str = "publie"
    release: str | None = None
    study: str = "phare"
    actor: str = "maires"
    segment: str = "all"
    indicator: str = "partnership_innovation_share"
    fragility: str | None = None
    level: str = "region"
    classes: str = AUTO_SCHEME
    k: int = Field(default=5, ge=2, le=9)
    territory: str = FRANCE
    territories: tuple[str, ...] = Field(default=(), max_length=4)
    rows: str | None = None
    cols: str | None = None
    group: str | None = None  # one fragility group (Analyse), None for the 16 fragilities
    labels: bool = False  # values written on the regions of the Analyse maps
    lang: str = "fr"
    embed: bool = False
    show: str = "stratum"
    sort: str | None = None  # the France page's fragilities by this actor's score (None: groups)

    @field_validator(
        "dataset",
        "study",
        "actor",
        "segment",
        "indicator",
        "fragility",
        "level",
        "classes",
        "territory",
        "rows",
        "cols",
        "group",
        "show",
        "sort",
    )
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        choices: StateChoices | None = (info.context or {}).get("choices")
        if value is None or choices is None:
            return value
        if not _allowed(choices, info.field_name, value):
            raise ValueError(f"unknown {info.field_name}")
        return value

    @field_validator("territories", mode="before")
    @classmethod
    def _split_territories(cls, value: Any) -> Any:
        return tuple(part for part in value.split(",") if part) if isinstance(value, str) else value

    @field_validator("territories")
    @classmethod
    def _known_territories(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        choices: StateChoices | None = (info.context or {}).get("choices")
        if choices is not None and any(t not in choices.territories | {"FR"} for t in value):
            raise ValueError("unknown territory")
        return value

    @field_validator("lang")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in ("fr", "en"):
            raise ValueError("unknown language")
        return value

    @field_validator("embed", "labels", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value in ("1", "true"):
                return True
            if value in ("0", "false", ""):
                return False
            raise ValueError("expected 1 or 0")
        return value


@dataclass(frozen=True)
class Notice:
    """A parameter that was not usable, and the default used instead.

    ``kind``: ``unknown`` for a value the app does not know; ``replaced`` for a data release
    that is no longer served (a permalink older than the data), shown with the current one;
    ``not_applicable`` for a choice the view cannot apply; ``no_value`` for a choice with no
    value to show, replaced by one that has (``value`` and ``default`` then in words).
    """

    name: str
    value: str
    default: str
    kind: str = "unknown"


def parse_state(
    query: Mapping[str, Any], choices: StateChoices | None = None, page: str | None = None
) -> tuple[AppState, list[Notice]]:
    """State from query parameters; each unusable parameter is replaced by its default, the
    ``page``'s own (:data:`PAGE_DEFAULTS`) where it has one, else the app's.

    ``query`` may also be a page's store, which comes back from the browser: anything but a
    mapping there is read as no parameter at all."""
    fields = AppState.model_fields
    defaults = PAGE_DEFAULTS.get(page or "", {})
    data: dict[str, Any] = {}
    notices: list[Notice] = []
    for name, raw in query.items() if isinstance(query, Mapping) else ():
        if name not in fields:
            continue
        value = raw[0] if isinstance(raw, list | tuple) and raw else raw
        text = str(value)
        if len(text) > MAX_PARAM_LENGTH or "\x00" in text:
            notices.append(_notice(name, text, _default_text(name, defaults)))
            continue
        data[name] = value
    state = _validated(data, defaults, choices, notices)
    return _served_release(state, choices, notices), notices


def _validated(
    data: dict[str, Any],
    defaults: Mapping[str, Any],
    choices: StateChoices | None,
    notices: list[Notice],
) -> AppState:
    """The state of ``data`` over the page's ``defaults``: each field the choices refuse falls
    back to its default, with a notice when the URL asked for it."""
    asked = set(data)
    data = {**defaults, **data}
    while True:
        try:
            return AppState.model_validate(data, context={"choices": choices})
        except ValidationError as error:
            for failing in {str(problem["loc"][0]) for problem in error.errors()}:
                value = data.pop(failing)
                if failing not in asked:  # the page's own default does not fit these choices
                    continue
                asked.discard(failing)
                notices.append(_notice(failing, str(value), _default_text(failing, defaults)))
                if failing in defaults:
                    data[failing] = defaults[failing]


def _default_text(name: str, defaults: Mapping[str, Any]) -> str | None:
    """The page's default of ``name`` as a notice says it; None: the app's."""
    return _url_text(defaults[name]) if name in defaults else None


def state_from_json(fields: Mapping[str, object], choices: StateChoices | None) -> AppState:
    """The state of ``AppState.model_dump(mode="json")`` (or of such fields with new values):
    each unusable field takes its default, without a notice."""
    state, _ = parse_state({name: _url_form(value) for name, value in fields.items()}, choices)
    return state


def _url_form(value: object) -> object:
    """A list of ids (``territories``) as the URL writes it, comma-separated: to
    :func:`parse_state`, a list is a repeated URL parameter, of which only the first counts."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ",".join(value)
    return value


def _served_release(
    state: AppState, choices: StateChoices | None, notices: list[Notice]
) -> AppState:
    """The state with the release its dataset serves now.

    Release ids are immutable: a permalink pins the one it was made with. When that release
    is no longer served, the current one is shown with a "version des données remplacée"
    notice rather than figures the link never showed without saying so.
    """
    current = dict(choices.current_releases).get(state.dataset) if choices else None
    if current is None or state.release in (None, current):
        return state
    notices.append(_notice("release", state.release, default=current, kind="replaced"))
    return state.model_copy(update={"release": current})


def state_query(state: AppState, **changes: Any) -> str:
    """Query string of ``state`` (with ``changes``), listing only what differs from the defaults."""
    return _query(state, (), changes)


def page_query(page: str, state: AppState, **changes: Any) -> str:
    """Query string of ``state`` (with ``changes``) on ``page`` itself: :func:`state_query`, and
    the fields :data:`PAGE_STATED` lists for the page even where they equal the app's defaults
    (left out, the page would open on its own default instead)."""
    return _query(state, PAGE_STATED.get(page, ()), changes)


def shared_state(state: AppState, query: Mapping[str, Any], page: str) -> AppState:
    """What links from ``page`` to the other pages carry: ``state`` without the page's own
    defaults that its URL did not ask for (the page's choice, not the reader's)."""
    unasked = {name for name in PAGE_DEFAULTS.get(page, {}) if name not in query}
    return state.model_copy(update={name: AppState.model_fields[name].default for name in unasked})


def _query(state: AppState, stated: tuple[str, ...], changes: dict[str, Any]) -> str:
    if changes:
        state = state.model_copy(update=changes)
    defaults = AppState()
    params: dict[str, str] = {}
    for name in AppState.model_fields:
        value = getattr(state, name)
        if value == getattr(defaults, name) and name not in stated:
            continue
        params[name] = _url_text(value)
    return f"?{urlencode(params)}" if params else ""


def _url_text(value: object) -> str:
    """A field's value as the URL writes it."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(value)
    return "" if value is None else str(value)


# What a page opens on when its URL does not say, instead of the app's default (see the
# module's docstring): Analyse opens on the fragilities by actor for France, its richest
# published table; Comparer on Normandie, Occitanie and France, where the mayors' innovation
# share was published for each (the one regional comparison the published figures allow).
PAGE_DEFAULTS: dict[str, dict[str, Any]] = {
    ANALYSE_PAGE: {"indicator": "fragility_mean_score"},
    COMPARER_PAGE: {"territories": ("28", "76", FRANCE)},
}
# Fields a page's own URLs always state: its defaults', and Comparer's actor, which the page
# chooses from the data when its URL names none (dashboard.views.comparer).
PAGE_STATED: dict[str, tuple[str, ...]] = {
    ANALYSE_PAGE: ("indicator",),
    COMPARER_PAGE: ("territories", "actor"),
}


CHOICES_OF = {
    "dataset": "datasets",
    "study": "programmes",
    "actor": "actors",
    "segment": "segments",
    "indicator": "indicators",
    "fragility": "fragilities",
    "level": "levels",
    "classes": "schemes",
    "rows": "dimensions",
    "cols": "dimensions",
    "group": "groups",
    "show": "commune_layers",
    "sort": "actors",
}


def _allowed(choices: StateChoices, field: str, value: str) -> bool:
    """Membership in the field's choices (territories: in any of the three sets, no union)."""
    if field == "territory":
        return value == FRANCE or value in choices.territories or value in choices.places
    return value in getattr(choices, CHOICES_OF[field])


def territory_id(level: str, code: str) -> str:
    """The URL form of a territory: region codes as they are, departments prefixed, communes
    by INSEE code, France as ``FR``."""
    return f"{DEPARTMENT_PREFIX}{code}" if level == "departement" else code


def territory_level(territory: str) -> tuple[str, str]:
    """(level, code) of a territory id; the inverse of :func:`territory_id`."""
    if territory == FRANCE:
        return "france", territory
    if territory.startswith(DEPARTMENT_PREFIX):
        return "departement", territory.removeprefix(DEPARTMENT_PREFIX)
    return ("commune" if len(territory) == 5 else "region"), territory


def _notice(name: str, value: str, default: str | None = None, kind: str = "unknown") -> Notice:
    if default is None:
        field_default = AppState.model_fields[name].default
        default = "" if field_default is None else str(field_default)
    shown = value if len(value) <= 40 else value[:40] + "…"
    return Notice(name=name, value=shown, default=default, kind=kind)
