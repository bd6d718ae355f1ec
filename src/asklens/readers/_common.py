"""What every reader shares: column lookup, dates, ids, channels, tags, READ codes.

A reader turns a :class:`~asklens.readers._table.RawTable` into a *staging* frame
with loosely typed columns (``id``, ``date``, ``text``, ``answer``, ``channel``,
``tags``, ``effort``, ``duration_min``, ``n_messages`` and the privacy hand-off
columns) plus ``_pos``, the row's position in the file; :func:`finish` turns that
into canonical columns, vectorised, and records every dropped row with its reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from asklens.config import Config
from asklens.errors import ConfigError, InputError
from asklens.readers._table import RawTable
from asklens.text import repair_series

__all__ = [
    "Context",
    "Parsed",
    "norm",
    "find_column",
    "resolve_columns",
    "parse_dates",
    "parse_duration",
    "parse_effort",
    "split_tags",
    "normalise_channel",
    "make_question_ids",
    "finish",
    "PRIVACY_COLUMNS",
]

#: identifier columns handed to ``asklens.privacy.scrub`` (which drops them).
PRIVACY_COLUMNS = ("patron_email", "patron_name", "patron_ip", "patron_id")
#: canonical names a mapping in ``[input.columns]`` may use.
MAPPABLE = ("question_id", "asked_at", "text", "details", "channel", "answer", "tags", "effort", "duration_min",
            "n_messages", "source", *PRIVACY_COLUMNS, "known_names")

DATE_ERROR_SHARE = 0.2  # more unparseable dates than this is an error, fewer are dropped rows


@dataclass
class Context:
    """Settings a reader needs: the config, the reader name and the time zone."""

    config: Config
    reader: str

    @property
    def tz(self) -> str:
        return self.config.workspace.timezone

    @property
    def input(self):  # noqa: ANN201 - InputConfig
        return self.config.input


@dataclass
class Parsed:
    """One file read by one reader: canonical frame, dropped rows and the column mapping."""

    frame: pd.DataFrame
    dropped: pd.DataFrame
    mapping: dict[str, str]
    rows_read: int
    notes: list[str] = field(default_factory=list)


def norm(name: object) -> str:
    """Normalise a header for matching: lower case, punctuation to single spaces."""
    s = str(name).replace("\ufeff", "").lower()
    s = re.sub(r"[^a-z0-9#]+", " ", s)
    return s.strip()


def find_column(columns: Iterable[str], aliases: Sequence[str]) -> str | None:
    """Return the first column whose normalised name equals one of ``aliases``."""
    lookup: dict[str, str] = {}
    for c in columns:
        lookup.setdefault(norm(c), c)
    for a in aliases:
        hit = lookup.get(norm(a))
        if hit is not None:
            return hit
    return None


def resolve_columns(
    table: RawTable, defaults: Mapping[str, Sequence[str]], ctx: Context, *, use_config: bool = True
) -> dict[str, str]:
    """Map canonical names to the file's columns: ``[input.columns]`` first, then the reader's aliases.

    For the named formats, a mapped column the file does not have is ignored (the
    mapping may be meant for another file read in the same run); for the generic
    reader it is an error.

    Raises
    ------
    ConfigError
        When ``[input.columns]`` uses an unknown canonical name.
    InputError
        When ``[input.columns]`` names a column the file does not have.
    """
    columns = list(table.frame.columns)
    out: dict[str, str] = {}
    configured = dict(ctx.input.columns) if use_config else {}
    for key, source in configured.items():
        if key not in MAPPABLE:
            meant = canonical_for(key, MAPPABLE)
            raise ConfigError(f"unknown canonical column {key!r} in [input.columns]", path=ctx.config.path,
                              fix=(f"did you mean {meant!r}? the keys are asklens' names and the values your "
                                   f"file's columns, e.g. {meant} = {json.dumps(source)}" if meant else
                                   f"use one of {', '.join(MAPPABLE)}"))
        if not isinstance(source, str) or not source.strip():
            raise ConfigError(f"[input.columns] {key} must name a column, got {source!r}", path=ctx.config.path)
        hit = source if source in columns else find_column(columns, [source])
        if hit is None:
            if ctx.reader != "generic":
                continue  # a mapping meant for another file; this reader's own names apply
            close = closest_column(source, columns)
            raise InputError(
                f"the file has no column {source!r} (mapped to {key!r} in [input.columns]); "
                f"its columns are {', '.join(map(repr, columns[:12]))}",
                path=table.path, column=source,
                fix=(f"did you mean {close!r}? write {key} = {json.dumps(close)} in [input.columns] of asklens.toml"
                     if close else "correct the column name in [input.columns] of asklens.toml"),
            )
        out[key] = hit
    for key, aliases in defaults.items():
        if key in out:
            continue
        hit = find_column(columns, aliases)
        if hit is not None:
            out[key] = hit
    return out


def require(mapping: Mapping[str, str], key: str, table: RawTable, ctx: Context, what: str,
            aliases: Sequence[str]) -> str:
    """Return the column mapped to ``key`` or raise a clear InputError."""
    if key in mapping:
        return mapping[key]
    shown = ", ".join(repr(a) for a in aliases[:4])
    cols = ", ".join(repr(c) for c in list(table.frame.columns)[:12])
    raise InputError(
        f"no {what} column: expected one of {shown}; the file has {cols}",
        path=table.path, column=aliases[0] if aliases else key,
        fix=f"map it in asklens.toml, e.g. [input.columns] {key} = \"<your column>\"",
    )


def col(table: RawTable, name: str | None, *, keep_lists: bool = False) -> pd.Series:
    """Return a column as strings (missing as NA), or an all-NA series when ``name`` is None.

    JSON cells holding lists or objects are kept as they are with ``keep_lists``
    (for multi-valued fields), else joined with ``"; "`` (lists) or dumped (objects).
    """
    frame = table.frame
    if name is None:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    s = frame[name]
    if s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple, dict))).any():
        if keep_lists:
            return s
        return s.map(_flatten_cell).astype("string")
    return s.astype("string")


def _flatten_cell(v: object) -> object:
    if isinstance(v, (list, tuple)):
        parts = [str(_flatten_cell(x)) for x in v if x is not None]
        return "; ".join(parts) if parts else None
    if isinstance(v, dict):
        import json

        return json.dumps(v, ensure_ascii=False, default=str)
    if v is None or (isinstance(v, float) and v != v):
        return None
    return str(v)


# --- dates --------------------------------------------------------------------

_NUMERIC_RE = r"^\d{9,10}(\.\d+)?$"
_MONTHFIRST_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
                       "%m/%d/%Y", "%m/%d/%y %H:%M", "%m/%d/%y", "%d.%m.%Y %H:%M", "%d.%m.%Y")
_DAYFIRST_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%y %H:%M", "%d/%m/%y",
                     "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y")


def parse_dates(
    values: pd.Series, *, tz: str, formats: Sequence[str] = (), date_format: str = "", dayfirst: bool = False,
    strict: bool = True,
) -> pd.Series:
    """Parse date strings into tz-aware timestamps in ``tz`` (NaT where unparseable).

    Tries ``date_format`` (from the config) alone (with ``strict``; else before
    the reader's ``formats`` and ISO 8601), or else the reader's known
    ``formats``, ISO 8601 and common US (or, with ``dayfirst``, European)
    layouts, each vectorised over the values still unparsed, then pandas'
    per-value parser for what is left. Naive times are local times in ``tz``; times with an offset are
    converted. Unix epoch seconds are accepted. Dates outside 1900–2199 count as
    unparseable.
    """
    s = values.astype("string").str.strip()
    s = s.where(s != "", pd.NA)
    out = pd.Series(pd.NaT, index=s.index, dtype=f"datetime64[ns, {tz}]")
    todo = s.notna()
    if not todo.any():
        return out
    if not date_format and not dayfirst and date_order(s[todo])[0] == "dayfirst":
        # one column, one order: "13/04/2025" shows the file is day-first, so "03/04/2025" in the same
        # column is 3 April, not 4 March (each value on its own would be read month-first)
        dayfirst = True
        formats = [f for f in formats if not f.startswith(("%m/%d", "%m-%d", "%m.%d"))]
    if date_format and strict:
        candidates = [date_format]
    elif date_format:
        candidates = list(dict.fromkeys([date_format, *formats, "ISO8601"]))
    else:
        common = _DAYFIRST_FORMATS if dayfirst else _MONTHFIRST_FORMATS
        candidates = list(dict.fromkeys([*formats, "ISO8601", *common]))
    for i, fmt in enumerate(candidates):
        if not todo.any():
            break
        rest = s[todo]
        if i and len(rest) > 200 and fmt != "ISO8601":  # try a sample before a full pass
            if _to_datetime(rest.iloc[:100], tz, format=fmt, dayfirst=dayfirst).notna().sum() == 0:
                continue
        parsed = _to_datetime(rest, tz, format=fmt, dayfirst=dayfirst)
        ok = parsed.notna()
        if ok.any():
            out[ok[ok].index] = parsed[ok]
            todo = todo & out.isna()
    if todo.any():
        epoch = s[todo].str.fullmatch(_NUMERIC_RE).fillna(False).astype(bool)
        if epoch.any():
            secs = pd.to_numeric(s[todo][epoch], errors="coerce")
            parsed = pd.to_datetime(secs, unit="s", utc=True, errors="coerce").dt.tz_convert(tz)
            out[parsed.index] = parsed.astype(out.dtype)
            todo = todo & out.isna()
    if todo.any() and not date_format:
        parsed = _to_datetime(s[todo], tz, format="mixed", dayfirst=dayfirst)
        ok = parsed.notna()
        if ok.any():
            out[ok[ok].index] = parsed[ok]
    bad = out.notna() & ((out.dt.year < 1900) | (out.dt.year > 2199))
    if bad.any():
        out[bad] = pd.NaT
    return out


_SLASH_DATE_RE = r"^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?:\D|$)"


def date_order(values: pd.Series) -> tuple[str | None, str]:
    """Say in which order the ``a/b/yyyy`` dates of a column are written, with an example.

    Returns ``("dayfirst", example)`` when some date has a day above 12 first and none
    has one second, ``("monthfirst", example)`` for the converse, ``("mixed", example)``
    when both occur, ``("ambiguous", example)`` when every such date could be read either
    way (and the two readings differ for some), and ``(None, "")`` otherwise.
    """
    heads = pd.Series(values.astype("string").str.strip().str.slice(0, 11).dropna().unique(),
                      dtype="string")  # the date part, once each
    parts = heads.str.extract(_SLASH_DATE_RE)
    if parts.empty or parts[0].isna().all():
        return None, ""
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    day_first, month_first = first > 12, second > 12
    if day_first.any() and month_first.any():
        return "mixed", f"{heads[day_first].iloc[0].strip()}' and '{heads[month_first].iloc[0].strip()}"
    if day_first.any():
        return "dayfirst", heads[day_first].iloc[0].strip()
    if month_first.any():
        return "monthfirst", heads[month_first].iloc[0].strip()
    differ = first.notna() & (first != second)
    if differ.any():
        return "ambiguous", heads[differ].iloc[0].strip()
    return None, ""


def _to_datetime(values: pd.Series, tz: str, *, format: str, dayfirst: bool) -> pd.Series:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = pd.to_datetime(values, format=format, dayfirst=dayfirst, errors="coerce")
        except (ValueError, TypeError, OverflowError):
            try:
                parsed = pd.to_datetime(values, format=format, dayfirst=dayfirst, errors="coerce", utc=True)
            except (ValueError, TypeError, OverflowError):
                return pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[ns, {tz}]")
    if not isinstance(parsed, pd.Series):
        parsed = pd.Series(parsed, index=values.index)
    if parsed.dtype == object:  # mixed offsets
        try:
            parsed = pd.to_datetime(values, format=format, dayfirst=dayfirst, errors="coerce", utc=True)
        except (ValueError, TypeError, OverflowError):
            return pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[ns, {tz}]")
    try:
        parsed = parsed.dt.as_unit("ns")
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        pass
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        res = parsed.dt.tz_convert(tz)
    else:
        try:
            res = parsed.dt.tz_localize(tz, ambiguous=np.zeros(len(parsed), dtype=bool), nonexistent="shift_forward")
        except (ValueError, TypeError, OverflowError):
            res = parsed.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    try:
        return res.astype(f"datetime64[ns, {tz}]")
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[ns, {tz}]")


# --- other fields -------------------------------------------------------------


def _map_unique(values: pd.Series, func, dtype: str | None = None) -> pd.Series:
    """Apply ``func`` once per distinct value (values are usually few)."""
    if values.dtype == object and values.map(lambda v: isinstance(v, (list, tuple, dict))).any():
        return values.map(func)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [func(u) for u in uniques]
    if dtype is None:
        arr = np.empty(len(mapped) + 1, dtype=object)
        for i, m in enumerate(mapped):
            arr[i] = m
        arr[-1] = func(None)
        return pd.Series(arr[codes], index=values.index, dtype=object)
    res = pd.Series(mapped + [func(None)], dtype=dtype)
    return pd.Series(res.to_numpy()[codes], index=values.index).astype(dtype)


_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)")


def _duration_one(value: object, unit: str) -> float:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return np.nan
    s = str(value).strip().lower()
    if not s:
        return np.nan
    factor = {"s": 1 / 60, "min": 1.0, "h": 60.0}[unit]
    if re.fullmatch(r"\d+:\d{1,2}(:\d{1,2}(\.\d+)?)?", s):
        parts = [float(p) for p in s.split(":")]
        if len(parts) == 2:  # MM:SS for seconds-based fields, HH:MM otherwise
            return parts[0] + parts[1] / 60 if unit == "s" else parts[0] * 60 + parts[1]
        return parts[0] * 60 + parts[1] + parts[2] / 60
    nums = [float(n) for n in _DURATION_RE.findall(s)]
    if not nums:
        return np.nan
    value_ = (nums[0] + nums[1]) / 2 if len(nums) >= 2 and re.search(r"\d\s*(-|–|to)\s*\d", s) else nums[0]
    if re.search(r"\bh(ou)?rs?\b|\bh\b", s):
        return value_ * 60
    if re.search(r"\bmin", s):
        return value_
    if re.search(r"\bsec|\bs\b", s):
        return value_ / 60
    return value_ * factor


def parse_duration(values: pd.Series, *, unit: str = "min") -> pd.Series:
    """Parse durations to minutes: numbers in ``unit`` (``"s"``, ``"min"``, ``"h"``), ``HH:MM:SS``, ranges."""
    numeric = to_float(values)
    factor = {"s": 1 / 60, "min": 1.0, "h": 60.0}[unit]
    out = numeric.astype("float64") * factor
    rest = out.isna() & values.notna()
    if rest.any():
        out[rest] = _map_unique(values[rest].astype("string"), lambda v: _duration_one(v, unit), "float64")
    out = out.where(np.isfinite(out) & (out >= 0))
    return out.astype("float64")


def to_float(values: pd.Series) -> pd.Series:
    """Convert to float64 (NaN where not a number), with a fast path for clean numeric columns."""
    if values.dtype.kind in "iuf":
        return values.astype("float64")
    if values.dtype == object and values.map(lambda v: isinstance(v, (list, tuple, dict))).any():
        return pd.Series(np.nan, index=values.index)
    s = values.astype("string").str.strip()
    try:
        import pyarrow as pa

        arr = pa.array(s.to_numpy(dtype=object, na_value=None), type=pa.string()).cast(pa.float64())
        out = pd.Series(arr.to_numpy(zero_copy_only=False), index=values.index, dtype="float64")
    except Exception:  # not all numeric: the slower, forgiving parser
        out = pd.to_numeric(s, errors="coerce").astype("float64")
    return out.where(np.isfinite(out))


def parse_effort(values: pd.Series) -> pd.Series:
    """Read READ-scale codes (``3``, ``"READ 3"``, ``"3 - ..."``) as Int64 1–6; other values become NA."""
    numeric = to_float(values)
    out = numeric.where(numeric.isin([1, 2, 3, 4, 5, 6]))
    rest = numeric.isna() & values.notna()
    if rest.any():
        def one(v: object) -> float:
            m = re.search(r"(?<![0-9.])([1-6])(?![0-9])", str(v)) if isinstance(v, str) else None
            return float(m.group(1)) if m else np.nan

        out[rest] = _map_unique(values[rest].astype("string"), one, "float64")
    return out.astype("Float64").astype("Int64")


def split_tags(values: pd.Series, *, separators: Sequence[str] = (";", ","), whitespace: bool = False) -> pd.Series:
    """Split multi-valued cells into lists of stripped, distinct strings."""
    seps = [re.escape(s) for s in separators if s]
    if whitespace:
        seps.append(r"\s+")
    pattern = re.compile("|".join(seps) if seps else r"$^")

    def split(v: object) -> list[str]:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return []
        if isinstance(v, (list, tuple)):
            items = []
            for x in v:
                if isinstance(x, dict):
                    x = x.get("name", x.get("label", next(iter(x.values()), "")))
                items.extend(split(x) if isinstance(x, str) else [str(x)])
            parts = items
        elif isinstance(v, dict):
            parts = [str(v.get("name", ""))]
        else:
            parts = pattern.split(str(v))
        out: list[str] = []
        for p in parts:
            p = " ".join(str(p).split())
            if p and p not in out:
                out.append(p)
        return out

    return _map_unique(values, split)


_CHANNEL_EXACT = {
    "chat": "chat", "im": "chat", "instant message": "chat", "instant messaging": "chat", "libchat": "chat",
    "live chat": "chat", "web chat": "chat", "webchat": "chat", "web": "chat", "widget": "chat",
    "virtual": "chat", "online chat": "chat", "xmpp": "chat", "jabber": "chat", "aim": "chat", "gtalk": "chat",
    "email": "email", "e mail": "email", "mail": "email", "ticket": "email",
    "sms": "sms", "text": "sms", "txt": "sms", "text message": "sms", "texting": "sms", "twilio": "sms",
    "phone": "phone", "telephone": "phone", "call": "phone", "voice": "phone", "phone call": "phone",
    "in person": "desk", "walk in": "desk", "walk up": "desk", "walkup": "desk", "desk": "desk",
    "face to face": "desk", "f2f": "desk", "roving": "desk", "reference desk": "desk",
    "circulation desk": "desk", "service desk": "desk", "information desk": "desk", "help desk": "desk",
    "form": "form", "web form": "form", "webform": "form", "online form": "form", "question form": "form",
    "zoom": "video", "video": "video", "teams": "video", "video call": "video",
    "twitter": "social", "facebook": "social", "social media": "social", "instagram": "social",
}
_CHANNEL_WORDS = [
    (r"\be ?mail", "email"), (r"\b(sms|text(ing)?|txt)\b", "sms"), (r"\b(tele)?phone\b|\bcall\b", "phone"),
    (r"\bchat\b|\bim\b", "chat"), (r"\bdesk\b|\bin person\b|\bwalk", "desk"), (r"\bform\b", "form"),
    (r"\bzoom\b|\bvideo\b", "video"),
]


def _channel_one(v: object) -> object:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return pd.NA
    key = norm(v)
    if not key:
        return pd.NA
    if key in _CHANNEL_EXACT:
        return _CHANNEL_EXACT[key]
    for pattern, name in _CHANNEL_WORDS:
        if re.search(pattern, key):
            return name
    return key


def normalise_channel(values: pd.Series) -> pd.Series:
    """Map channel labels to ``chat, email, sms, phone, desk, form, video, social`` (else lower-cased)."""
    return _map_unique(values.astype("string"), _channel_one, "string")


def make_question_ids(reader: str, native: pd.Series, asked_at: pd.Series, text: pd.Series) -> pd.Series:
    """Build ``"<reader>:<native id>"``, or ``"<reader>:<hash>"`` when the source has no id.

    The hash is the first 16 hex digits of sha256 over ``asked_at`` (ISO 8601 in UTC
    to the second, e.g. ``2024-01-05T15:00:00Z``), a tab, and the text. Rows with
    the same time and text in one file (a patron asking twice) get the occurrence
    number appended to the hashed string (``"\\t#2"``, ``"\\t#3"``…) so that no row is
    lost; the first occurrence keeps the plain hash, so overlapping exports still
    deduplicate.
    """
    ids = native.astype("string").str.strip()
    ids = ids.str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)
    ids = ids.where(ids != "", pd.NA)
    missing = ids.isna()
    out = reader + ":" + ids.fillna("")
    if missing.any():
        when = asked_at[missing]
        utc = when.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy().astype("datetime64[s]")
        iso = np.char.add(np.datetime_as_string(utc, unit="s").astype(str), "Z")
        keys = pd.Series(iso, index=when.index) + "\t" + text[missing].fillna("").astype(str)
        occurrence = keys.groupby(keys, sort=False).cumcount()
        keys = keys.where(occurrence == 0, keys + "\t#" + (occurrence + 1).astype(str))
        hashed = [hashlib.sha256(k.encode("utf-8", "surrogatepass")).hexdigest()[:16] for k in keys.tolist()]
        out[missing] = [f"{reader}:{h}" for h in hashed]
    return out.astype("string")


# --- finishing ----------------------------------------------------------------


def _dropped(table: RawTable, positions: Iterable[int], reasons: Iterable[str] | str) -> pd.DataFrame:
    positions = list(positions)
    if isinstance(reasons, str):
        reasons = [reasons] * len(positions)
    return pd.DataFrame({
        "path": pd.Series([str(table.path)] * len(positions), dtype="string"),
        "row": pd.Series(table.rows_of(positions), dtype="Int64"),
        "reason": pd.Series(list(reasons), dtype="string"),
    })


def empty_dropped() -> pd.DataFrame:
    """Return an empty dropped-rows table."""
    return pd.DataFrame({"path": pd.Series([], dtype="string"), "row": pd.Series([], dtype="Int64"),
                         "reason": pd.Series([], dtype="string")})


#: plain words people write for the canonical names of [input.columns] and [input.faq_columns]
_CANONICAL_WORDS = {
    "asked_at": ("date", "time", "datetime", "date time", "timestamp", "asked", "created", "when", "started"),
    "text": ("question", "utterance", "query", "message", "body", "initial question", "question text", "subject"),
    "question_id": ("id", "chat id", "ticket id", "transaction id", "ticket", "ref"),
    "effort": ("read", "read scale", "read level", "difficulty", "level"),
    "duration_min": ("duration", "minutes", "time spent", "length"),
    "n_messages": ("messages", "message count", "turns"),
    "tags": ("tag", "topic", "topics", "category", "categories", "question type", "type", "intent", "label"),
    "answer": ("response", "reply", "staff answer", "transcript"),
    "channel": ("mode", "format", "medium", "communication", "method", "service"),
    "faq_id": ("id", "faqid"),
    "question": ("title", "faq", "text", "question text"),
    "topics": ("topic", "tags", "tag", "category", "categories", "keywords"),
    "views": ("hits", "total views", "totalhits", "view count"),
    "updated_at": ("updated", "last updated", "modified", "date"),
    "url": ("link", "permalink", "public url"),
}


def canonical_for(word: str, allowed: Sequence[str]) -> str | None:
    """Return the canonical name among ``allowed`` that a plain or misspelt ``word`` most likely means."""
    import difflib

    key = norm(word)
    for canonical, words in _CANONICAL_WORDS.items():
        if canonical in allowed and (key in words or key == norm(canonical)):
            return canonical
    hit = difflib.get_close_matches(word.strip().lower(), list(allowed), n=1, cutoff=0.75)
    return hit[0] if hit else None


def closest_column(name: str, columns: Sequence[str]) -> str | None:
    """Return the column whose name is closest to a misspelt ``name`` (case and punctuation aside), or None."""
    import difflib

    by_norm = {norm(str(c)): str(c) for c in columns}
    hit = difflib.get_close_matches(norm(name), list(by_norm), n=1, cutoff=0.75)
    return by_norm[hit[0]] if hit else None


def finish(stage: pd.DataFrame, table: RawTable, ctx: Context, mapping: dict[str, str], *,
           date_formats: Sequence[str] = (), date_label: str | None = None, text_label: str | None = None,
           source: str | None = None, repair_text: bool = True) -> Parsed:
    """Turn a reader's staging frame into canonical columns, dropping unusable rows with reasons.

    Parameters
    ----------
    stage : pandas.DataFrame
        Columns ``_pos`` and ``text`` at least; optional ``id``, ``date`` (strings
        or tz-aware datetimes), ``answer``, ``channel``, ``tags``, ``effort``,
        ``duration_min``, ``n_messages``, ``_link`` and the privacy columns.
    table : RawTable
        The file the rows came from (for row numbers and messages).
    ctx : Context
    mapping : dict
        Canonical name → source column, reported by ``asklens inspect``.
    """
    reader = ctx.reader
    drops: list[pd.DataFrame] = []
    notes: list[str] = list(table.notes)
    n = len(stage)
    stage = stage.reset_index(drop=True)
    if table.incomplete_last_row and n:
        last = stage["_pos"] == table.frame.index.max()
        if last.any():
            drops.append(_dropped(table, stage.loc[last, "_pos"], "incomplete last row (the file looks truncated)"))
            stage = stage[~last]
    # text
    text = repair_series(stage["text"]) if repair_text else stage["text"].astype("string")
    empty = text.isna() | (text == "")
    if empty.any():
        label = f" in {text_label!r}" if text_label else ""
        drops.append(_dropped(table, stage.loc[empty, "_pos"], f"no question text{label}"))
        stage, text = stage[~empty], text[~empty]
    # dates
    default = ctx.input.default_date if hasattr(ctx.input, "default_date") else ""
    if "date" in stage.columns and isinstance(stage["date"].dtype, pd.DatetimeTZDtype):
        asked = stage["date"].dt.tz_convert(ctx.tz).astype(f"datetime64[ns, {ctx.tz}]")
        raw_dates = stage["date"].astype("string")
    else:
        raw_dates = stage["date"].astype("string") if "date" in stage.columns else pd.Series(
            pd.NA, index=stage.index, dtype="string")
        # the configured date_format is the only one for the generic reader; named formats keep their own too
        asked = parse_dates(raw_dates, tz=ctx.tz, formats=date_formats, date_format=ctx.input.date_format,
                            dayfirst=ctx.input.dayfirst, strict=reader == "generic")
        if not ctx.input.date_format:
            notes.extend(_date_notes(raw_dates, dayfirst=ctx.input.dayfirst))
    if default:
        fill = parse_dates(pd.Series([default]), tz=ctx.tz)
        if fill.isna().all():
            raise ConfigError(f"[input] default_date {default!r} is not a date", path=ctx.config.path,
                              fix="use an ISO date such as '2024-06-30'")
        no_value = raw_dates.isna() | (raw_dates.str.strip() == "")
        asked = asked.where(~no_value, fill.iloc[0])
    present = raw_dates.notna() & (raw_dates.str.strip() != "")
    unparsed = present & asked.isna()
    if unparsed.any():
        share = unparsed.sum() / max(int(present.sum()), 1)
        first = int(unparsed.to_numpy().argmax())
        if share > DATE_ERROR_SHARE:
            bad_value = str(raw_dates.iloc[first])[:40]
            raise InputError(
                f"cannot read the date {bad_value!r} ({int(unparsed.sum())} of {int(present.sum())} dates unreadable)",
                path=table.path, row=table.row_of(stage["_pos"].iloc[first]), column=date_label or "date",
                fix="set [input] date_format (e.g. '%d/%m/%Y %H:%M') or dayfirst = true in asklens.toml",
            )
        reasons = ["unreadable date " + repr(str(v)[:40]) for v in raw_dates[unparsed]]
        drops.append(_dropped(table, stage.loc[unparsed, "_pos"], reasons))
    nodate = ~present & asked.isna()
    if nodate.any():
        label = f" in {date_label!r}" if date_label else ""
        drops.append(_dropped(table, stage.loc[nodate, "_pos"], f"no date{label}"))
    keep = asked.notna()
    stage, text, asked = stage[keep], text[keep], asked[keep]
    # canonical frame
    native = stage["id"] if "id" in stage.columns else pd.Series(pd.NA, index=stage.index, dtype="string")
    out = pd.DataFrame(index=stage.index)
    out["question_id"] = make_question_ids(reader, native, asked, text)
    out["asked_at"] = asked
    out["text"] = text
    if "channel" in stage.columns:
        out["channel"] = normalise_channel(stage["channel"]).astype("category")
    else:
        out["channel"] = pd.Series(pd.NA, index=stage.index, dtype="string").astype("category")
    if "answer" in stage.columns:
        out["answer"] = repair_series(stage["answer"], keep_newlines=True) if repair_text else stage["answer"]
        out["answer"] = out["answer"].where(out["answer"] != "", pd.NA).astype("string")
    else:
        out["answer"] = pd.Series(pd.NA, index=stage.index, dtype="string")
    if "tags" in stage.columns:
        out["tags"] = split_tags(stage["tags"], separators=ctx.input.multi_value_separators)
    else:
        out["tags"] = pd.Series([[] for _ in range(len(stage))], index=stage.index, dtype=object)
    out["effort"] = parse_effort(stage["effort"]) if "effort" in stage.columns else pd.Series(
        pd.NA, index=stage.index, dtype="Int64")
    if "duration_min" in stage.columns:
        dur = stage["duration_min"]
        out["duration_min"] = dur.astype("float64") if dur.dtype.kind == "f" else parse_duration(dur)
    else:
        out["duration_min"] = np.nan
    if "n_messages" in stage.columns:
        nm = to_float(stage["n_messages"])
        nm = nm.where((nm >= 0) & (nm < 1e9) & (nm == nm.round()))
        out["n_messages"] = nm.astype("Float64").astype("Int64")
    else:
        out["n_messages"] = pd.Series(pd.NA, index=stage.index, dtype="Int64")
    if "source" in stage.columns:
        src = stage["source"].astype("string").str.strip()
        out["source"] = src.where(src.notna() & (src != ""), source or reader).astype("category")
    else:
        out["source"] = pd.Series(source or reader, index=stage.index, dtype="category")
    for c in PRIVACY_COLUMNS:
        if c in stage.columns:
            v = stage[c].astype("string").str.strip()
            out[c] = v.where(v != "", pd.NA)
    if "known_names" in stage.columns:
        out["known_names"] = stage["known_names"].map(_names_list)
    if "_link" in stage.columns:
        out["_link"] = stage["_link"].astype("string")
    out["_path"] = str(table.path)
    out["_row"] = table.rows_of(stage["_pos"].to_numpy(dtype="int64"))
    # duplicates inside the file
    dup = out["question_id"].duplicated()
    if dup.any():
        firsts = out.drop_duplicates("question_id").set_index("question_id")["_row"]
        reasons = [f"duplicate id {q} (first on row {firsts[q]})" for q in out.loc[dup, "question_id"]]
        drops.append(_dropped(table, stage.loc[dup, "_pos"], reasons))
        out = out[~dup]
    dropped = pd.concat(drops, ignore_index=True) if drops else empty_dropped()
    return Parsed(frame=out.reset_index(drop=True), dropped=dropped, mapping=mapping, rows_read=n, notes=notes)


def _date_notes(raw_dates: pd.Series, *, dayfirst: bool) -> list[str]:
    """Say how dates written as a/b/yyyy were read, when the reader had to decide."""
    order, example = date_order(raw_dates)
    if order == "dayfirst" and not dayfirst:
        return [f"dates read day first, as '{example}' shows"]
    if order == "ambiguous":
        how = "day first ([input] dayfirst = true)" if dayfirst else "month first (US)"
        other = "false" if dayfirst else "true"
        return [f"dates such as '{example}' could be day or month first and were read {how}; "
                f"set [input] dayfirst = {other} in asklens.toml if that is wrong"]
    if order == "mixed":
        return [f"the dates mix day-first and month-first writing ('{example}'); each was read as it "
                "could be: check the export"]
    return []


def _names_list(v: object) -> list[str]:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return []
    if isinstance(v, str):
        v = [v]
    out = []
    for x in v:
        x = " ".join(str(x).split())
        if x and x not in out:
            out.append(x)
    return out
