"""The workspace configuration: one plain TOML file, ``asklens.toml``.

Every section has good defaults, so an empty file (or no file) is a valid config.
Unknown keys are errors, so that a typo never silently changes a threshold.

Example
-------
>>> from asklens.config import Config
>>> cfg = Config.from_dict({"workspace": {"timezone": "America/New_York"}})
>>> cfg.workspace.timezone
'America/New_York'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from asklens.errors import ConfigError

__all__ = [
    "Config",
    "WorkspaceConfig",
    "InputConfig",
    "PrivacyConfig",
    "TopicsConfig",
    "CostsConfig",
    "RubricConfig",
    "TermsConfig",
    "ReportConfig",
    "load_config",
    "CONFIG_FILENAME",
]

CONFIG_FILENAME = "asklens.toml"


@dataclass
class WorkspaceConfig:
    """Where things are and which clock the library runs on."""

    name: str = "My library"
    timezone: str = "UTC"
    data_dir: str = "data"
    reports_dir: str = "reports"
    cache_dir: str = "data/cache"


@dataclass
class InputConfig:
    """How to read the question logs.

    ``columns`` maps canonical names to the source file's columns for the generic
    reader, e.g. ``{"text": "utterance", "asked_at": "Date"}``. ``date_format`` is a
    strftime pattern, or empty to infer. ``dayfirst`` settles 03/04 ambiguity.
    ``delimiter`` forces the CSV field delimiter: one character, or ``"tab"`` (empty: sniffed
    from the header).
    ``default_date`` (ISO date, e.g. ``"2024-06-30"``) is used as ``asked_at`` for
    rows without a date, e.g. a log that has no date column at all; empty means
    such rows are dropped (and a log without a date column is an error).
    """

    format: str = "auto"
    columns: dict[str, str] = field(default_factory=dict)
    faq_columns: dict[str, str] = field(default_factory=dict)
    date_format: str = ""
    dayfirst: bool = False
    encoding: str = ""
    sheet: str = ""
    multi_value_separators: list[str] = field(default_factory=lambda: [";", ","])
    delimiter: str = ""
    default_date: str = ""


@dataclass
class PrivacyConfig:
    """What the scrubber removes (see :mod:`asklens.privacy`).

    ``id_patterns`` are extra regexes for local card or student numbers (masked as
    ``[CARD]``); ``drop_columns`` names more identifier columns to drop (any case);
    ``mask_names = false`` keeps personal names; ``keep_urls = true`` keeps URLs with
    personal query tokens but masks the token values instead of the whole URL.
    """

    id_patterns: list[str] = field(default_factory=list)
    drop_columns: list[str] = field(default_factory=list)
    mask_names: bool = True
    keep_urls: bool = False


@dataclass
class TopicsConfig:
    """How topics are found. ``backend`` is ``"tfidf"`` (no model), ``"semantic"`` or ``"hybrid"`` (both).

    ``max_topics`` (optional) is the most topics a monthly report shows; finer detail lives in the
    recurring questions. Unset (the default), the number of topics is found from the data alone.
    """

    backend: str = "tfidf"
    model: str = ""
    n_topics: int | None = None
    max_topics: int | None = None
    random_state: int = 0
    max_misc_share: float = 0.05
    curation_file: str = "topics.toml"
    model_dir: str = "data/processed/topics"


@dataclass
class CostsConfig:
    """Assumptions behind every staff-time estimate; the report prints them beside the number.

    ``read_minutes`` maps a READ code (1–6, as strings because TOML keys are strings) to
    the minutes a question of that effort takes; it is used where a question has no
    recorded ``duration_min``. ``default_minutes`` is used when a question has neither a
    duration nor a READ code. ``deflection_rate`` is the share of a topic's questions an
    FAQ entry or chatbot is expected to answer without staff (0–1). ``hourly_cost``, when
    above zero, turns saved hours into money. ``max_duration_min`` caps single recorded
    durations (a chat left open over lunch is not 3 hours of work).
    """

    read_minutes: dict[str, float] = field(
        default_factory=lambda: {"1": 2.0, "2": 5.0, "3": 12.0, "4": 25.0, "5": 45.0, "6": 60.0}
    )
    default_minutes: float = 6.0
    deflection_rate: float = 0.4
    hourly_cost: float = 0.0
    max_duration_min: float = 90.0


@dataclass
class RubricConfig:
    """The plain thresholds that put a topic under automate / write FAQ / needs people / monitor.

    Standardised work (automate, or write an FAQ when none covers it): at least
    ``min_volume`` questions in the last ``window_months`` months, asked in at least
    ``min_recurrence`` of those months, questions alike (cohesion ≥ ``min_cohesion``) and
    cheap (share of READ ≥ 3 at most ``max_effort_share``).
    Needs people, when any signal fires on at least ``min_signal_n`` rows: share of
    READ ≥ 3 at least ``high_effort_share``; median duration at least
    ``long_duration_min`` minutes; median messages at least ``many_messages``; cohesion
    below ``low_cohesion``. Cohesion is the mean cosine similarity of a topic's
    questions, rescaled so that 0 is as diverse as the whole log and 1 is identical.
    FAQ coverage: a question is covered when its best FAQ similarity is at least
    ``covered_similarity`` (a lift; 0 = calibrate from the score distribution, see
    ``asklens.gaps.calibrate_threshold``). An entry is *about* a topic when the topic's
    mean lift to it is at least ``faq_claim_z`` robust standard deviations above the
    typical topic-entry lift and at least ``faq_claim_share`` of the entry's strongest
    topic, or when its z to the topic is ≥ ``faq_claim_z`` and the entries for which that
    holds are together the covered best match of at least ``faq_answer_share`` of the
    topic's questions; a stale entry is about nothing. A topic is covered when FAQ entries about it
    answer at least ``min_coverage`` of its questions (0.2 was the best trade-off on the
    sample workspace and the Miami benchmark, see benchmarks/README.md). Findability: a covered topic
    still asked ``findability_per_month`` times a month or more and, where the FAQ has
    view counts, asked at least ``findability_view_ratio`` times per view of its entries.
    Stale FAQ: no question matched it in the last ``stale_months`` months, or it is
    read less than ``stale_view_share`` of the median entry's views.
    Trends: the last ``trend_window_months`` months are compared with the months before
    and with the same months a year earlier (the default 12 compares this year with the
    last, so the academic year's seasons cancel; 3 gives short-term news, where the same
    months a year earlier separate seasonal surges from real change); a change is reported when it is significant
    at ``trend_alpha`` (binomial test on the topic's share), at least ``trend_min_ratio``
    fold, and involves at least ``trend_min_count`` questions.
    """

    window_months: int = 12
    min_volume: int = 10
    min_recurrence: float = 0.5
    min_cohesion: float = 0.05
    max_effort_share: float = 0.35
    high_effort_share: float = 0.4
    long_duration_min: float = 15.0
    many_messages: float = 20.0
    low_cohesion: float = 0.05
    min_signal_n: int = 10
    covered_similarity: float = 0.0
    faq_claim_z: float = 2.0
    faq_claim_share: float = 0.75
    faq_answer_share: float = 0.5
    min_coverage: float = 0.2
    findability_per_month: float = 15.0
    findability_view_ratio: float = 0.3
    stale_months: int = 6
    stale_view_share: float = 0.1
    trend_window_months: int = 12
    trend_alpha: float = 0.01
    trend_min_ratio: float = 1.5
    trend_min_count: int = 10


@dataclass
class TermsConfig:
    """The academic calendar: a list of terms, each ``{name, start, end}`` with ISO dates.

    The term's kind (``"Fall"``, ``"Spring"``…) is its name without the year, so
    ``"Fall 2025"`` is compared with ``"Fall 2024"``; give ``kind`` explicitly to
    override. When the list is empty, a default US semester calendar is used: fall from
    the Monday on or after 22 August to 15 December, spring from the Monday on or after
    10 January to 10 May, summer from the Monday on or after 20 May to 10 August.
    """

    terms: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ReportConfig:
    """How reports are rendered.

    ``plotly_js`` is ``"inline"`` (each report.html carries plotly.js, ~4.8 MB, and opens
    anywhere on its own, e.g. as an e-mail attachment) or ``"shared"`` (one copy,
    ``plotly.min.js``, beside ``index.html`` in the reports folder, and reports of ~0.5 MB
    that need that folder around them: for a folder published on a web server).
    """

    notebook: str = ""
    execution_timeout: int = 600
    kernel_start_timeout: int = 120
    kernel_name: str = "python3"
    plotly_js: str = "inline"


_SECTIONS = {
    "workspace": WorkspaceConfig,
    "input": InputConfig,
    "privacy": PrivacyConfig,
    "topics": TopicsConfig,
    "costs": CostsConfig,
    "rubric": RubricConfig,
    "terms": TermsConfig,
    "report": ReportConfig,
}


@dataclass
class Config:
    """The whole workspace configuration; see the section classes for each key."""

    workspace: WorkspaceConfig = field(default_factory=WorkspaceConfig)
    input: InputConfig = field(default_factory=InputConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    topics: TopicsConfig = field(default_factory=TopicsConfig)
    costs: CostsConfig = field(default_factory=CostsConfig)
    rubric: RubricConfig = field(default_factory=RubricConfig)
    terms: TermsConfig = field(default_factory=TermsConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    path: str | None = None  # where it was read from, if anywhere

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, path: str | None = None) -> "Config":
        """Build a config from nested dicts (as read from TOML), rejecting unknown keys."""
        kwargs: dict[str, Any] = {}
        for section, value in (data or {}).items():
            if section not in _SECTIONS:
                import difflib

                close = difflib.get_close_matches(section, list(_SECTIONS), n=1)
                hint = f"did you mean [{close[0]}]? " if close else ""
                raise ConfigError(
                    f"unknown section [{section}]", path=path,
                    fix=f"{hint}the sections are {', '.join('[' + s + ']' for s in _SECTIONS)}",
                )
            if not isinstance(value, dict):
                raise ConfigError(f"[{section}] must be a table, got {value!r}", path=path)
            klass = _SECTIONS[section]
            known = {f.name: f for f in dataclasses.fields(klass)}
            for key in value:
                if key not in known:
                    import difflib

                    close = difflib.get_close_matches(key, list(known), n=1)
                    hint = f"did you mean {close[0]!r}? " if close else ""
                    raise ConfigError(
                        f"unknown key {key!r} in [{section}]", path=path,
                        fix=f"{hint}the keys of [{section}] are {', '.join(sorted(known))}",
                    )
            kwargs[section] = klass(**value)
        cfg = cls(**kwargs, path=path)
        cfg.check()
        return cfg

    def check(self) -> None:
        """Raise :class:`ConfigError` for values that cannot work.

        Every key must have its documented type (an integer where an integer is expected,
        a share between 0 and 1, a count of at least 1...), so that a typo such as
        ``min_volume = "ten"`` is one line naming the key instead of a failure deep in a
        report.
        """
        for name in _SECTIONS:
            _check_section(name, getattr(self, name), self.path)
        _check_values(self)
        try:
            ZoneInfo(self.workspace.timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ConfigError(
                f"unknown time zone {self.workspace.timezone!r}", path=self.path,
                fix="use an IANA name such as 'America/New_York' or 'Europe/London' in [workspace] timezone",
            ) from None
        if self.report.plotly_js not in {"inline", "shared"}:
            raise ConfigError(f"unknown [report] plotly_js {self.report.plotly_js!r}", path=self.path,
                              fix="use 'inline' (each report stands alone) or 'shared' (one plotly.min.js beside "
                                  "index.html)")
        if self.topics.backend not in {"tfidf", "semantic", "hybrid"}:
            raise ConfigError(f"unknown topics backend {self.topics.backend!r}", path=self.path,
                              fix="use 'tfidf', 'semantic' or 'hybrid' in [topics] backend")

    def to_dict(self) -> dict[str, Any]:
        """Return the config as nested plain dicts (TOML-ready, ``None`` values dropped)."""
        out = {}
        for name in _SECTIONS:
            section = dataclasses.asdict(getattr(self, name))
            out[name] = {k: v for k, v in section.items() if v is not None}
        return out

    def digest(self) -> str:
        """Return a short stable hash of the settings, for manifests and caches."""
        blob = json.dumps(self.to_dict(), sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def resolve(self, relative: str) -> Path:
        """Return a workspace-relative path resolved against the config file's folder."""
        base = Path(self.path).parent if self.path else Path.cwd()
        p = Path(relative)
        return p if p.is_absolute() else base / p


# ------------------------------------------------------------------ type and range checks

_TYPE_WORDS = {int: "an integer", float: "a number", str: "a string (in quotes)", bool: "true or false"}


def _type_word(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is list:
        return "a list, e.g. [\"a\", \"b\"]"
    if origin is dict:
        if typing.get_args(hint)[1] is float:
            return "a table of numbers, e.g. { 1 = 2.0 }"
        return "a table of strings, e.g. { text = \"Question\" }"
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if args:  # X | None
        return _type_word(args[0])
    return _TYPE_WORDS.get(hint, getattr(hint, "__name__", str(hint)))


def _fits(value: Any, hint: Any) -> bool:
    if value is None:
        return type(None) in typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(hint)
        return isinstance(value, dict) and all(_fits(k, key) and _fits(v, item) for k, v in value.items())
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if args:
        return any(_fits(value, a) for a in args)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    return True  # e.g. the [terms] tables, checked apart


def _check_section(name: str, section: Any, path: str | None) -> None:
    hints = typing.get_type_hints(type(section))
    for f in dataclasses.fields(section):
        value = getattr(section, f.name)
        hint = hints[f.name]
        if name == "terms" and f.name == "terms":
            continue  # checked in _check_terms (TOML dates are allowed there)
        if not _fits(value, hint):
            raise ConfigError(
                f"[{name}] {f.name} must be {_type_word(hint)}, got {value!r}", path=path,
                fix=f"write e.g. {f.name} = {_example(f)} in [{name}] of asklens.toml",
            )
        if hint is float and isinstance(value, int):
            setattr(section, f.name, float(value))  # 1 and 1.0 mean the same threshold
        elif typing.get_origin(hint) is dict and typing.get_args(hint)[1] is float:
            setattr(section, f.name, {k: float(v) for k, v in value.items()})


def _example(f: dataclasses.Field) -> str:
    default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default  # type: ignore[misc]
    if default is None:
        return "10"
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, str):
        return json.dumps(default or "...")
    if isinstance(default, dict):
        return "{ " + ", ".join(f"{k} = {json.dumps(v)}" for k, v in list(default.items())[:2]) + " }" if default \
            else '{ key = "value" }'
    if isinstance(default, list):
        return json.dumps(default)
    return repr(default)


# keys that are shares (0–1), share thresholds (a value just above 1 switches the rule off, but 2 or
# more is a percentage written by mistake), counts (at least 1) or amounts (at least 0)
_SHARES = {
    "rubric": ("trend_alpha",),
    "topics": ("max_misc_share",),
    "costs": ("deflection_rate",),
}
_SHARE_THRESHOLDS = {
    "rubric": ("min_recurrence", "max_effort_share", "high_effort_share", "min_coverage", "faq_claim_share",
               "faq_answer_share", "stale_view_share"),
}
_AT_LEAST_ONE = {
    "rubric": ("window_months", "trend_window_months", "stale_months"),
    "topics": ("n_topics", "max_topics"),
    "report": ("execution_timeout", "kernel_start_timeout"),
}
_AT_LEAST_ZERO = {
    "rubric": ("min_volume", "long_duration_min", "many_messages", "min_signal_n", "findability_per_month",
               "findability_view_ratio", "trend_min_ratio", "trend_min_count"),
    "costs": ("default_minutes", "hourly_cost", "max_duration_min"),
}


def _check_values(cfg: "Config") -> None:
    path = cfg.path
    for section, keys in _SHARES.items():
        for key in keys:
            value = getattr(getattr(cfg, section), key)
            if not 0 <= value <= 1:
                raise ConfigError(f"[{section}] {key} is a share and must be between 0 and 1, got {value!r}",
                                  path=path, fix=f"e.g. {key} = 0.5 (for 50%)")
    for section, keys in _SHARE_THRESHOLDS.items():
        for key in keys:
            value = getattr(getattr(cfg, section), key)
            if not 0 <= value < 2:
                raise ConfigError(f"[{section}] {key} is a share and must be between 0 and 1, got {value!r}",
                                  path=path, fix=f"e.g. {key} = 0.5 for 50% (a value just above 1, such as 1.01, "
                                                 "switches the rule off)")
    for section, keys in _AT_LEAST_ONE.items():
        for key in keys:
            value = getattr(getattr(cfg, section), key)
            if value is not None and value < 1:
                raise ConfigError(f"[{section}] {key} must be at least 1, got {value!r}", path=path,
                                  fix=f"set a positive {key}, or remove the line for the default")
    for section, keys in _AT_LEAST_ZERO.items():
        for key in keys:
            value = getattr(getattr(cfg, section), key)
            if value < 0:
                raise ConfigError(f"[{section}] {key} cannot be negative, got {value!r}", path=path,
                                  fix=f"set {key} to 0 or more, or remove the line for the default")
    for code, minutes in cfg.costs.read_minutes.items():
        if code not in {"1", "2", "3", "4", "5", "6"} or minutes < 0:
            raise ConfigError(f"[costs] read_minutes has {code} = {minutes!r}; its keys are the READ codes 1 to 6 "
                              "and its values minutes (0 or more)", path=path,
                              fix="e.g. read_minutes = { 1 = 2.0, 2 = 5.0, 3 = 12.0 }")
    _check_input(cfg)


def _check_input(cfg: "Config") -> None:
    import codecs

    inp, path = cfg.input, cfg.path
    fmt = inp.format.strip().lower()
    if fmt != "auto":
        from asklens.readers import _ALIASES, FORMATS

        if _ALIASES.get(fmt, fmt) not in FORMATS:
            raise ConfigError(f"unknown format {inp.format!r} in [input] format", path=path,
                              fix=f"use \"auto\" or one of {', '.join(FORMATS)}")
    if inp.encoding:
        try:
            codecs.lookup(inp.encoding)
        except LookupError:
            raise ConfigError(f"unknown encoding {inp.encoding!r} in [input] encoding", path=path,
                              fix="use e.g. \"utf-8\", \"cp1252\", \"latin-1\", \"utf-16\" or \"mac_roman\", "
                                  "or remove the line to detect it") from None
    named = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    inp.delimiter = named.get(inp.delimiter.strip().lower(), inp.delimiter) if len(inp.delimiter) > 1 else inp.delimiter
    if inp.delimiter and len(inp.delimiter) != 1:
        raise ConfigError(f"[input] delimiter must be one character, got {inp.delimiter!r}", path=path,
                          fix="e.g. delimiter = \";\" or delimiter = \"\\t\" for tabs")


def _check_terms(cfg: "Config") -> None:
    path = cfg.path
    terms = cfg.terms.terms
    fix = 'e.g. terms = [{ name = "Fall 2025", start = "2025-08-25", end = "2025-12-12" }]'
    if not isinstance(terms, list):
        raise ConfigError(f"[terms] terms must be a list of terms, got {terms!r}", path=path, fix=fix)
    for i, term in enumerate(terms, start=1):
        if not isinstance(term, dict):
            raise ConfigError(f"[terms] term {i} must be a table {{ name, start, end }}, got {term!r}", path=path,
                              fix=fix)
        unknown = sorted(set(term) - {"name", "start", "end", "kind"})
        missing = [k for k in ("name", "start", "end") if k not in term]
        if unknown or missing:
            what = f"unknown key {unknown[0]!r}" if unknown else f"no {missing[0]}"
            raise ConfigError(f"[terms] term {i} ({term.get('name', '?')}) has {what}", path=path,
                              fix="give each term name, start and end (and optionally kind)")
        ends = {}
        for key in ("start", "end"):
            value = term[key]
            if isinstance(value, datetime):
                value = value.date()
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value.strip())
                except ValueError:
                    value = None
            if not isinstance(value, date):
                raise ConfigError(f"[terms] term {i} ({term['name']}) {key} must be an ISO date, got {term[key]!r}",
                                  path=path, fix=fix)
            ends[key] = value
        if ends["end"] < ends["start"]:
            raise ConfigError(f"[terms] term {i} ({term['name']}) ends ({ends['end']}) before it starts "
                              f"({ends['start']})", path=path, fix="swap start and end")
        for key in ("name", "kind"):
            if key in term and not isinstance(term[key], str):
                raise ConfigError(f"[terms] term {i} {key} must be a string, got {term[key]!r}", path=path, fix=fix)


def _toml_error(exc: Exception, text: str, path: Path) -> ConfigError:
    """Turn a TOML syntax error into one line quoting the bad line, with the usual fix."""
    import re

    found = re.search(r"at line (\d+)", str(exc))
    lineno = int(found.group(1)) if found else 0
    lines = text.splitlines()
    line = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
    reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
    where = f" at line {lineno}" + (f" ({line[:80]!r})" if line else "") if lineno else ""
    example = 'name = "Main Library"'
    bare = re.match(r"([A-Za-z_][\w-]*)\s*=\s*([^\"'\[{\d\s-][^#]*?)\s*(#.*)?$", line)
    if bare and bare.group(2) not in ("true", "false"):
        example = f"{bare.group(1)} = {json.dumps(bare.group(2))}"
    return ConfigError(f"not valid TOML{where}: {reason}", path=path,
                       fix=f"write text in double quotes ({example}), numbers and true/false bare, "
                           "and each [section] once")


def load_config(path: str | Path | None = None) -> Config:
    """Read a workspace config from TOML; ``None`` looks for ``asklens.toml`` in the current folder.

    Parameters
    ----------
    path : str or Path, optional
        The config file. When ``None`` and no ``asklens.toml`` is in the working
        folder, the defaults are returned.

    Returns
    -------
    Config
    """
    if path is None:
        candidate = Path.cwd() / CONFIG_FILENAME
        if not candidate.exists():
            return Config()
        path = candidate
    path = Path(path)
    if not path.exists():
        raise ConfigError("config file not found", path=path, fix="check the path, or run 'asklens init DIR'")
    try:
        raw = path.read_bytes()
        # Windows editors save UTF-8 with a byte-order mark, or UTF-16 ("Unicode"): both are clear enough
        encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
        text = raw.decode(encoding)
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, path) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=path, fix="save the config as UTF-8") from None
    try:
        cfg = Config.from_dict(data, path=str(path))
    except TypeError as exc:
        raise ConfigError(str(exc), path=path) from None
    # the academic calendar of a file is checked here, before a report starts; a Config built in
    # Python is checked when asklens.trends.term_calendar reads it
    _check_terms(cfg)
    return cfg
