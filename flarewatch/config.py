"""Load and validate `flarewatch.toml` into typed settings.

Every mistake in the file becomes one line naming the file, the key and the fix, collected
into a `ConfigError`; the CLI prints those lines and exits non-zero, never a traceback.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from alerts.routing import Route
from crawler.base import SourceConfig
from crawler.http import HttpSettings
from crawler.sources import REGISTRY
from detector.severity import SeverityWeights
from flarewatch.durations import parse_interval

Level = Literal["blue", "yellow", "orange", "red"]
LEVELS: tuple[str, ...] = ("blue", "yellow", "orange", "red")


class ConfigError(Exception):
    """A configuration file that cannot be used; `lines` holds one message per mistake."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HttpConfig(_Strict):
    """The shared HTTP client's politeness and limits (crawler.http.HttpSettings)."""

    user_agent: str = HttpSettings.user_agent
    proxy: str | None = None
    timeout: float = Field(default=HttpSettings.timeout, gt=0)
    retries: int = Field(default=HttpSettings.retries, ge=0, le=10)
    host_interval: float = Field(default=HttpSettings.host_interval, ge=0)
    max_bytes: int = Field(default=HttpSettings.max_bytes, gt=0)

    def client_settings(self) -> HttpSettings:
        return HttpSettings(user_agent=self.user_agent, proxy=self.proxy, timeout=self.timeout,
                            retries=self.retries, host_interval=self.host_interval,
                            max_bytes=self.max_bytes)


class StoreSettings(_Strict):
    path: Path = Path("var/flarewatch.db")


class Brand(_Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    def terms(self) -> list[str]:
        return [self.name, *self.aliases, *self.keywords]


class Watchlist(_Strict):
    brands: list[Brand] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    keep_unrelated: bool = False


class DetectorSettings(_Strict):
    model: Path | None = None
    severity_weights: dict[str, Any] = Field(default_factory=dict)

    @field_validator("severity_weights")
    @classmethod
    def _known_weights(cls, value: dict[str, Any]) -> dict[str, Any]:
        names = [f.name for f in dataclasses.fields(SeverityWeights)]
        for key, weight in value.items():
            if key not in names:
                close = difflib.get_close_matches(key, names, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(names)}"
                raise ValueError(f"unknown severity weight '{key}'; {hint}")
            numeric = isinstance(weight, int | float) and not isinstance(weight, bool)
            if key not in ("stage_values", "channel_values") and not numeric:
                raise ValueError(f"severity weight '{key}' must be a number")
        SeverityWeights.from_mapping(value)  # the detector's own checks
        return value


class AlertSettings(_Strict):
    routes: list[Route] = Field(default_factory=list)


class Settings(_Strict):
    timezone: str = "Asia/Shanghai"
    runtime_dir: Path = Path("var")
    store: StoreSettings = Field(default_factory=StoreSettings)
    http: HttpConfig = Field(default_factory=HttpConfig)
    watchlist: Watchlist = Field(default_factory=Watchlist)
    sources: list[SourceConfig] = Field(default_factory=list)
    detector: DetectorSettings = Field(default_factory=DetectorSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as "
                             "'Asia/Shanghai'") from None
        return value

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none configured"
        raise KeyError(f"no source named {name!r} (sources: {known})")


def load_settings(path: str | Path, environ: dict[str, str] | None = None) -> Settings:
    """Read, validate and resolve `path`; raise ConfigError listing every mistake."""
    path = Path(path)
    env = os.environ if environ is None else environ
    data = _read_toml(path)
    raw_sources = data.pop("sources", [])
    errors: list[str] = []
    settings = _validate(Settings, data, path, "", errors)
    sources = _validate_sources(raw_sources, path, errors)
    if settings is not None:
        settings.sources = sources
        errors.extend(_missing_secrets(settings, path, env))
        errors.extend(_duplicate_source_names(sources, path))
    if errors or settings is None:
        raise ConfigError(errors)
    _default_keywords(settings)
    return _resolve_paths(settings, path)


def _default_keywords(settings: Settings) -> None:
    """A source without its own `keywords` searches for every watchlist term."""
    terms = list(dict.fromkeys(t for b in settings.watchlist.brands for t in b.terms() if t))
    for source in settings.sources:
        if not source.keywords:
            source.keywords = list(terms)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError([f"{path}: file not found; create one with 'flarewatch init'"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from None


def _validate(model: type[BaseModel], data: Any, path: Path, prefix: str,
              errors: list[str]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors.extend(_describe(exc, model, path, prefix))
        return None


def _validate_sources(raw: Any, path: Path, errors: list[str]) -> list[SourceConfig]:
    if not isinstance(raw, list):
        errors.append(f"{path}: sources: write each source as a [[sources]] table")
        return []
    sources: list[SourceConfig] = []
    for index, entry in enumerate(raw):
        prefix = f"sources[{index}]"
        kind = entry.get("kind") if isinstance(entry, dict) else None
        if kind not in REGISTRY:
            known = ", ".join(sorted(REGISTRY))
            errors.append(f"{path}: {prefix}.kind: {kind!r} is not a source kind; "
                          f"use one of {known}")
            continue
        model = REGISTRY[kind].config
        source = _validate(model, entry, path, prefix, errors)
        if source is None:
            continue
        try:
            parse_interval(source.interval)
        except ValueError as exc:
            errors.append(f"{path}: {prefix}.interval: {exc}")
            continue
        sources.append(source)
    return sources


def _describe(exc: ValidationError, model: type[BaseModel], path: Path, prefix: str) -> list[str]:
    lines = []
    for err in exc.errors():
        key = _key(prefix, err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"{path}: {key}: unknown key{_suggestion(model, err['loc'])}")
        elif err["type"] == "missing":
            lines.append(f"{path}: {key}: required key is missing")
        else:
            got = err.get("input")
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"{path}: {key}: {msg} (got {got!r})")
    return lines


def _key(prefix: str, loc: tuple[Any, ...]) -> str:
    """`sources[0].interval` style: list indexes in brackets, names joined by dots."""
    key = prefix
    for part in loc:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key


def _suggestion(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Name the closest valid key, following the location down nested models."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return ""
        current = _inner_model(field.annotation)
    fields = list(getattr(current, "model_fields", {}))
    close = difflib.get_close_matches(str(loc[-1]), fields, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; valid keys: {', '.join(fields)}" if fields else ""


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return annotation


def _missing_secrets(settings: Settings, path: Path, env: Any) -> list[str]:
    """Every key ending in `_env` names an environment variable that must be set."""
    lines = []
    for key, var in _env_keys(settings, ""):
        if var and not env.get(var):
            lines.append(f"{path}: {key}: environment variable {var} is not set; "
                         f"export {var}=… before starting Flarewatch")
    return lines


def _env_keys(node: Any, prefix: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, SourceConfig) and not node.enabled:
        return found
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            key = f"{prefix}.{name}" if prefix else name
            if name.endswith("_env") and isinstance(value, str):
                found.append((key, value))
            else:
                found.extend(_env_keys(value, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(_env_keys(item, f"{prefix}[{index}]"))
    return found


def _duplicate_source_names(sources: list[SourceConfig], path: Path) -> list[str]:
    seen: set[str] = set()
    lines = []
    for index, source in enumerate(sources):
        if source.name in seen:
            lines.append(f"{path}: sources[{index}].name: {source.name!r} is used twice; "
                         "give each source its own name")
        seen.add(source.name)
    return lines


def _resolve_paths(settings: Settings, config_path: Path) -> Settings:
    """Relative paths in the file are relative to the project folder (the config's parent's
    parent when the file sits in `config/`, else the file's folder)."""
    base = _project_dir(config_path)
    settings.runtime_dir = _under(base, settings.runtime_dir)
    settings.store.path = _under(base, settings.store.path)
    if settings.detector.model is not None:
        settings.detector.model = _under(base, settings.detector.model)
    for source in settings.sources:
        if hasattr(source, "path"):
            source.path = _under(base, Path(source.path))
    return settings


def _project_dir(config_path: Path) -> Path:
    folder = config_path.resolve().parent
    return folder.parent if folder.name == "config" else folder


def _under(base: Path, path: Path) -> Path:
    return path if path.is_absolute() else base / path
