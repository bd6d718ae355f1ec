"""Read question logs and FAQ bases from the exports libraries really have.

One module per source format (``libchat``, ``refanalytics``, ``tickets``,
``libraryh3lp``, ``gimlet``, ``desktracker``), a ``generic`` reader driven by a
column mapping, ``faq`` for knowledge bases, and ``sniff`` to recognise a format
from its header. :func:`load_questions` reads several files together (yearly
exports), drops duplicates, counts a chat logged both as a LibChat transcript and
a Reference Analytics transaction once, validates the result and scrubs personal
data (``asklens.privacy.scrub``) before returning it.

Examples
--------
>>> from asklens.readers import load_questions
>>> result = load_questions(["libchat_2024.csv", "libchat_2025.csv"])  # doctest: +SKIP
>>> result.questions.shape, result.redactions["email"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from asklens.config import Config, load_config
from asklens.errors import ConfigError, InputError
from asklens.readers import desktracker, generic, gimlet, libchat, libraryh3lp, refanalytics, tickets
from asklens.readers._common import PRIVACY_COLUMNS, Context, empty_dropped, make_question_ids
from asklens.readers._table import expand_paths, load_table
from asklens.readers.faq import read_faq
from asklens.readers.sniff import (
    UNKNOWN_FORMAT_FIX,
    detect_format,
    detect_from_columns,
    unknown_format_message,
)
from asklens.schema import empty_questions, validate_questions

__all__ = [
    "read_questions",
    "load_questions",
    "read_faq",
    "detect_format",
    "ReadResult",
    "FORMATS",
    "make_question_ids",
]

_READERS = {
    "libchat": libchat,
    "refanalytics": refanalytics,
    "tickets": tickets,
    "libraryh3lp": libraryh3lp,
    "gimlet": gimlet,
    "desktracker": desktracker,
    "generic": generic,
}
#: the question-log formats, as accepted by ``format=`` and ``--format``.
FORMATS: tuple[str, ...] = tuple(_READERS)
_ALIASES = {"reference_analytics": "refanalytics", "ref_analytics": "refanalytics", "libanswers": "tickets",
            "lh3": "libraryh3lp", "h3lp": "libraryh3lp", "csv": "generic", "excel": "generic", "json": "generic"}

PathArg = str | PathLike[str] | Iterable[str | PathLike[str]]


@dataclass
class ReadResult:
    """What :func:`load_questions` read.

    Attributes
    ----------
    questions : pandas.DataFrame
        The canonical, validated (and, by default, scrubbed) question log.
    files : pandas.DataFrame
        One row per file: ``path, format, rows_read, rows_kept, encoding,
        delimiter, sheet, columns, notes`` (``columns`` maps canonical names to the
        file's columns; ``notes`` says how the reader settled doubts, e.g. the
        order of day and month in the dates).
    dropped : pandas.DataFrame
        One row per row not kept: ``path, row`` (1-based, header = row 1),
        ``reason`` (e.g. ``"duplicate id libchat:12 (first on row 3)"``) and
        ``reason_kind`` (the reason without its details, for counting).
    redactions : dict
        Personal data masked or dropped, per kind (empty when not scrubbed).
    date_range : tuple of pandas.Timestamp, or None
        First and last ``asked_at``.
    """

    questions: pd.DataFrame
    files: pd.DataFrame
    dropped: pd.DataFrame
    redactions: dict[str, int] = field(default_factory=dict)
    date_range: tuple[pd.Timestamp, pd.Timestamp] | None = None

    def summary(self) -> dict[str, Any]:
        """Return a JSON-ready description (what ``asklens inspect --json`` prints)."""
        reasons = (self.dropped.groupby("reason_kind").size().to_dict()
                   if "reason_kind" in self.dropped else {})
        files = []
        for rec in self.files.to_dict("records"):
            files.append({k: (None if v is pd.NA or (isinstance(v, float) and v != v) else v)
                          for k, v in rec.items()})
        return {
            "files": files,
            "rows_read": int(self.files["rows_read"].sum()) if len(self.files) else 0,
            "rows_kept": len(self.questions),
            "date_range": None if self.date_range is None else [t.isoformat() for t in self.date_range],
            "dropped": {
                "total": len(self.dropped),
                "by_reason": {str(k): int(v) for k, v in reasons.items()},
                "rows": [
                    {"path": r["path"], "row": None if r["row"] is pd.NA else int(r["row"]), "reason": r["reason"]}
                    for r in self.dropped.head(200).to_dict("records")
                ],
            },
            "redactions": {str(k): int(v) for k, v in self.redactions.items()},
            "channels": {str(k): int(v) for k, v in
                         self.questions["channel"].value_counts(dropna=True).items()} if len(self.questions) else {},
            "filled": _filled(self.questions),
        }


#: the optional fields the analyses use, counted by ``ReadResult.summary()["filled"]``
_FILLED_FIELDS = ("effort", "duration_min", "n_messages", "tags", "answer")


def _filled(questions: pd.DataFrame) -> dict[str, int]:
    """Count the questions that carry each optional field (a READ code, a duration, tags…)."""
    out = {}
    for name in _FILLED_FIELDS:
        if name not in questions:
            out[name] = 0
            continue
        values = questions[name]
        if name == "tags":
            n = values.map(lambda v: isinstance(v, list) and len(v) > 0).sum()
        elif name == "answer":
            n = (values.fillna("").astype(str).str.strip() != "").sum()
        else:
            n = values.notna().sum()
        out[name] = int(n)
    return out


def _as_config(config: Config | Mapping[str, Any] | str | PathLike[str] | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, (str, PathLike)):
        return load_config(config)
    if isinstance(config, Mapping):  # the sections of asklens.toml as dicts, e.g. {"input": {"columns": {...}}}
        return Config.from_dict(dict(config))
    raise ConfigError(f"config must be a Config, a dict of asklens.toml sections or a path to asklens.toml, "
                      f"got {type(config).__name__}")


def _resolve_format(format: str, cfg: Config) -> str:
    given = format or "auto"
    from_config = given.strip().lower() == "auto"
    if from_config:
        given = cfg.input.format or "auto"
    fmt = _ALIASES.get(given.strip().lower(), given.strip().lower())
    where = cfg.path if from_config else None
    if fmt == "faq":
        raise ConfigError("'faq' is a FAQ base, not a question log", path=where,
                          fix="read FAQ files with read_faq (asklens report --faq PATH)")
    if fmt != "auto" and fmt not in _READERS:
        raise ConfigError(f"unknown format {given!r}" + (" in [input] format" if from_config else ""),
                          path=where, fix=f"use auto or one of {', '.join(FORMATS)}")
    return fmt


_REASON_KINDS = {
    "duplicate id": "duplicate id (already read)",
    "same chat as": "same chat as a LibChat transcript (counted once)",
    "same ticket as": "same ticket as a tickets export (counted once)",
    "unreadable date": "unreadable date",
    "no date": "no date",
    "no question text": "no question text",
    "incomplete last row": "incomplete last row (file truncated?)",
}


def _reason_kind(reason: str) -> str:
    for prefix, kind in _REASON_KINDS.items():
        if reason.startswith(prefix):
            return kind
    return reason


def load_questions(
    paths: PathArg,
    *,
    format: str = "auto",
    config: Config | Mapping[str, Any] | str | PathLike[str] | None = None,
    scrub: bool = True,
) -> ReadResult:
    """Read one or more question-log exports into one canonical table, with a report.

    Parameters
    ----------
    paths : path or list of paths
        Export files (CSV, TSV, XLSX, JSON, JSON Lines), folders holding them, or glob
        patterns such as ``"data/raw/*.csv"``.
        Files are read in the order given (folders sorted by name, not
        recursively). A FAQ export among them is skipped and listed in ``.files``
        as ``"faq (skipped)"``; giving nothing but FAQ exports is an error.
    format : str, default "auto"
        ``"auto"`` detects each file's format from its header; or force one of
        ``libchat, refanalytics, tickets, libraryh3lp, gimlet, desktracker,
        generic`` for every file.
    config : Config, dict or path, optional
        The workspace config (a :class:`~asklens.config.Config`, the path of an
        ``asklens.toml``, or its sections as a dict such as
        ``{"input": {"format": "generic", "columns": {"text": "utterance"}}}``): time zone (dates are localised to it), the generic
        column mapping ``[input.columns]``, date format, encoding, delimiter,
        sheet, default date, and the privacy settings. Defaults apply when None.
    scrub : bool, default True
        Mask personal data with :func:`asklens.privacy.scrub` (and drop the
        identifier columns). Only turn off for data you have already scrubbed.

    Returns
    -------
    ReadResult
        ``.questions`` (validated), ``.files``, ``.dropped``, ``.redactions``,
        ``.date_range``.

    Raises
    ------
    InputError
        For a file that is missing, empty, binary, truncated, in an unknown
        format, has several Excel sheets, lacks a text or date column, or has
        unreadable dates; the message names the file, row or column and the fix.
    ConfigError
        For an unknown format or a bad column mapping.

    Notes
    -----
    Duplicate ``question_id``s across files (overlapping yearly exports) are kept
    once, the first read. A Reference Analytics transaction whose ``Chat #`` is a
    LibChat ``Chat ID`` that was also read is dropped in favour of the LibChat row
    (its READ code fills the LibChat row's missing ``effort``); likewise a
    transaction whose ``Ticket #`` was read from a tickets export. A chat transaction
    keyed in without its ``Chat #`` is the same chat when it was logged within 12 hours
    of a LibChat transcript whose question it repeats (or starts), at least three words.
    """
    cfg = _as_config(config)
    forced = _resolve_format(format, cfg)
    tz = cfg.workspace.timezone
    frames: list[pd.DataFrame] = []
    dropped: list[pd.DataFrame] = []
    files: list[dict[str, Any]] = []
    inp = cfg.input
    faq_named: list[Path] = []
    for path, explicit in expand_paths(paths, with_origin=True):
        table = load_table(path, encoding=inp.encoding, delimiter=inp.delimiter, sheet=inp.sheet)
        fmt = forced
        if fmt == "auto":
            fmt = detect_from_columns(table.frame.columns, mapping=inp.columns or None)
            if fmt is None:
                raise InputError(unknown_format_message(table.frame.columns), path=path, row=1,
                                 fix=UNKNOWN_FORMAT_FIX)
            if fmt == "faq":
                # a FAQ base beside the logs (a workspace's data/raw, a glob, a shell-expanded
                # data/raw/*.csv): not a question log, skipped and listed; an error only when
                # nothing but FAQ exports was given
                if explicit:
                    faq_named.append(path)
                files.append({"path": str(path), "format": "faq (skipped)", "rows_read": 0, "rows_kept": 0,
                              "encoding": table.encoding, "delimiter": table.delimiter, "sheet": table.sheet,
                              "columns": {}, "notes": []})
                continue
        parsed = _READERS[fmt].read(table, Context(config=cfg, reader=fmt))
        frames.append(parsed.frame)
        dropped.append(parsed.dropped)
        files.append({
            "path": str(path), "format": fmt, "rows_read": parsed.rows_read, "rows_kept": 0,
            "encoding": table.encoding, "delimiter": table.delimiter, "sheet": table.sheet,
            "columns": dict(parsed.mapping), "notes": list(parsed.notes),
        })
    if faq_named and not frames:
        raise InputError("this is a FAQ export, not a question log", path=faq_named[0],
                         fix=f"give it as the FAQ base: --faq {faq_named[0].name} on the command line, "
                             f"asklens.read_faq(...) in Python")
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(frame):
        frame, more = _deduplicate(frame)
        dropped.extend(more)
    if len(frame) == 0:
        questions = empty_questions(tz)
        for c in PRIVACY_COLUMNS:
            questions[c] = pd.Series([], dtype="string")
        questions["_path"] = pd.Series([], dtype="string")
    else:
        questions = frame
    kept = questions["_path"].value_counts().to_dict() if "_path" in questions else {}
    for rec in files:
        rec["rows_kept"] = int(kept.get(rec["path"], 0))
    questions = questions.drop(columns=[c for c in ("_path", "_row", "_link", "_link_how") if c in questions.columns])
    questions = validate_questions(questions.reset_index(drop=True))
    redactions: dict[str, int] = {}
    if scrub:
        from asklens.privacy import scrub as _scrub

        questions, redactions = _scrub(questions, config=cfg.privacy)
        redactions = {str(k): int(v) for k, v in redactions.items()}
    drops = pd.concat([d for d in dropped if len(d)], ignore_index=True) if any(len(d) for d in dropped) else empty_dropped()
    drops["reason_kind"] = drops["reason"].map(_reason_kind, na_action="ignore").astype("string")
    date_range = None
    if len(questions):
        date_range = (questions["asked_at"].min(), questions["asked_at"].max())
    files_df = pd.DataFrame(files, columns=["path", "format", "rows_read", "rows_kept", "encoding", "delimiter",
                                            "sheet", "columns", "notes"])
    return ReadResult(questions=questions, files=files_df, dropped=drops, redactions=redactions,
                      date_range=date_range)


#: how far apart a LibChat transcript and a hand-keyed Reference Analytics chat may be to be the same chat
_UNNUMBERED_CHAT_WINDOW = pd.Timedelta(hours=12)


def _link_unnumbered_chats(frame: pd.DataFrame) -> pd.DataFrame:
    """Link Reference Analytics chats without a ``Chat #`` to the LibChat transcript they duplicate.

    A transaction keyed in by hand has no ``Chat #``; it is the same chat as a LibChat
    transcript when its channel is chat, it was logged within 12 hours of the chat, and its
    question is the chat's question or the start of it (case, spacing and punctuation aside,
    at least three words). Each transcript takes at most one such transaction.
    """
    ids = frame["question_id"].astype("string")
    is_chat_log = ids.str.startswith("libchat:").fillna(False).to_numpy()
    channel = frame["channel"].astype("string").str.lower() if "channel" in frame else None
    open_ra = (ids.str.startswith("refanalytics:").fillna(False) & frame["_link"].isna()).to_numpy()
    if channel is not None:
        open_ra &= (channel == "chat").fillna(False).to_numpy()
    if not is_chat_log.any() or not open_ra.any():
        return frame

    def key(text: pd.Series) -> pd.Series:
        return (text.astype("string").str.lower().str.replace(r"[^\w]+", " ", regex=True).str.strip())

    taken = set(frame["_link"].dropna())
    chats = pd.DataFrame({"chat_id": ids[is_chat_log], "chat_key": key(frame.loc[is_chat_log, "text"]),
                          "chat_at": frame.loc[is_chat_log, "asked_at"]})
    chats = chats[~chats["chat_id"].isin(taken) & chats["chat_key"].notna() & (chats["chat_key"] != "")]
    ra = pd.DataFrame({"ra_pos": np.flatnonzero(open_ra), "ra_key": key(frame.loc[open_ra, "text"]).to_numpy(),
                       "ra_at": frame.loc[open_ra, "asked_at"].to_numpy()})
    ra = ra[ra["ra_key"].notna() & (ra["ra_key"].str.count(" ") >= 2)]
    chats = chats[chats["chat_key"].str.count(" ") >= 2]
    if ra.empty or chats.empty:
        return frame
    # candidates share the first three words and the (UTC) day or the next/previous one; then the exact test
    ra["day"] = pd.to_datetime(ra["ra_at"], utc=True).dt.floor("D")
    chats["day"] = pd.to_datetime(chats["chat_at"], utc=True).dt.floor("D")
    ra["head"] = ra["ra_key"].str.split(" ").str[:3].str.join(" ")
    chats["head"] = chats["chat_key"].str.split(" ").str[:3].str.join(" ")
    pairs = []
    for shift in (-1, 0, 1):
        pairs.append(ra.assign(day=ra["day"] + pd.Timedelta(days=shift)).merge(chats, on=["day", "head"]))
    cand = pd.concat(pairs, ignore_index=True)
    gap = (pd.to_datetime(cand["ra_at"], utc=True) - pd.to_datetime(cand["chat_at"], utc=True)).abs()
    same_text = [a == b or b.startswith(a + " ") or a.startswith(b + " ")
                 for a, b in zip(cand["ra_key"].tolist(), cand["chat_key"].tolist())]
    cand = cand[(gap <= _UNNUMBERED_CHAT_WINDOW).to_numpy() & np.array(same_text, dtype=bool)]
    if cand.empty:
        return frame
    cand = cand.assign(gap=gap[cand.index]).sort_values(["gap", "ra_pos"])
    cand = cand.drop_duplicates("ra_pos").drop_duplicates("chat_id")
    frame = frame.copy()
    link = frame["_link"].astype("string").copy()
    how = pd.Series(pd.NA, index=frame.index, dtype="string")
    rows = frame.index[cand["ra_pos"].to_numpy()]
    link.loc[rows] = cand["chat_id"].to_numpy()
    how.loc[rows] = "no Chat #: same question, same day"
    frame["_link"] = link
    frame["_link_how"] = how
    return frame


def _deduplicate(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """Drop ids read twice (keep the first) and transactions duplicating a chat or ticket."""
    drops: list[pd.DataFrame] = []
    if "_link" in frame.columns:
        frame = _link_unnumbered_chats(frame)
        ids = pd.Index(frame["question_id"])
        link = frame["_link"]
        linked = link.notna() & link.isin(ids)
        if linked.any():
            # fill effort of the kept chat/ticket from the transaction when missing
            firsts = frame[linked].drop_duplicates("_link").set_index("_link")
            target = frame["question_id"].isin(firsts.index) & ~linked
            if target.any():
                for c in ("effort", "duration_min"):
                    fill = frame.loc[target, "question_id"].map(firsts[c])
                    frame.loc[target, c] = frame.loc[target, c].where(frame.loc[target, c].notna(), fill)
                tagfill = frame.loc[target, "question_id"].map(firsts["tags"])
                tags = frame["tags"].tolist()
                for pos, fill in zip(np.flatnonzero(target.to_numpy()), tagfill.tolist()):
                    if not tags[pos] and isinstance(fill, list):
                        tags[pos] = fill
                frame["tags"] = pd.Series(tags, index=frame.index, dtype=object)
            kind = link[linked].str.split(":").str[0]
            how = frame.get("_link_how", pd.Series(pd.NA, index=frame.index, dtype="string"))[linked].fillna("")
            reasons = [("same chat as LibChat transcript " if k == "libchat" else "same ticket as ") + str(v)
                       + (f" ({h})" if h else "") for k, v, h in zip(kind, link[linked], how)]
            drops.append(pd.DataFrame({"path": frame.loc[linked, "_path"].astype("string"),
                                       "row": frame.loc[linked, "_row"].astype("Int64"),
                                       "reason": pd.Series(reasons, index=frame.index[linked], dtype="string")}))
            frame = frame[~linked]
    if frame["_path"].nunique() < 2:  # ids are unique within a file already
        return frame.reset_index(drop=True), drops
    dup = frame["question_id"].duplicated()
    if dup.any():
        first = frame.drop_duplicates("question_id").set_index("question_id")
        where = frame.loc[dup, "question_id"].map(lambda q: f"{Path(first.at[q, '_path']).name} row {first.at[q, '_row']}")
        reasons = [f"duplicate id {q} (already read from {w})" for q, w in zip(frame.loc[dup, "question_id"], where)]
        drops.append(pd.DataFrame({"path": frame.loc[dup, "_path"].astype("string"),
                                   "row": frame.loc[dup, "_row"].astype("Int64"),
                                   "reason": pd.Series(reasons, index=frame.index[dup], dtype="string")}))
        frame = frame[~dup]
    return frame.reset_index(drop=True), drops


def read_questions(
    paths: PathArg,
    *,
    format: str = "auto",
    config: Config | Mapping[str, Any] | str | PathLike[str] | None = None,
    scrub: bool = True,
) -> pd.DataFrame:
    """Read question-log exports into one canonical, validated, scrubbed table.

    Same as :func:`load_questions` but returns only the table; see it for the
    parameters, the formats and the duplicate rules.

    Parameters
    ----------
    paths : path or list of paths
        Export files, folders or glob patterns (see :func:`load_questions`).
    format : str, default "auto"
        A format name, or ``"auto"`` to detect it from each file's header.
    config : Config, dict or path, optional
        The workspace config (see :func:`load_questions`).
    scrub : bool, default True
        Mask personal data before returning.

    Returns
    -------
    pandas.DataFrame
        The canonical question log (``asklens.schema.QUESTION_COLUMNS``).

    Examples
    --------
    >>> import asklens
    >>> q = asklens.read_questions("data/sample/questions", config="data/sample/asklens.toml")  # doctest: +SKIP
    """
    return load_questions(paths, format=format, config=config, scrub=scrub).questions
