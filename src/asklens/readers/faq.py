"""LibAnswers FAQ exports (API JSON, CSV or XLSX) into the canonical FAQ base.

API JSON objects carry ``faqid, question, details, answer`` (HTML), ``topics``
(a list of ``{id, name}``), ``owner.name``, ``created``, ``updated``
(``YYYY-MM-DD HH:MM:SS``, local time), ``votes {yes, no}``, ``totalhits`` and
``url {public, admin}``. CSV/XLSX exports use similar headers (``FAQ ID``,
``Topics`` joined by ``;`` or ``,``, ``Total Views``…); ``[input.faq_columns]``
maps others. HTML is stripped to text; extra columns ``details``, ``created_at``,
``votes_yes`` and ``votes_no`` are kept when present.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from asklens.config import Config
from asklens.errors import ConfigError, InputError
from asklens.readers._common import canonical_for, closest_column, col, find_column, parse_dates, split_tags
from asklens.readers._table import load_table
from asklens.schema import validate_faq
from asklens.text import repair_series

NAME = "faq"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                "%m/%d/%Y")

COLUMNS = {
    "faq_id": ["faqid", "faq id", "faq_id", "id"],
    "question": ["question", "title", "faq"],
    "details": ["details"],
    "answer": ["answer", "answer html", "body", "answer text"],
    "topics": ["topics", "topic", "topics name", "categories", "category", "keywords"],
    "url": ["url.public", "url public", "public url", "url", "link", "friendly url", "permalink"],
    "views": ["totalhits", "total hits", "views", "total views", "hits", "view count"],
    "updated_at": ["updated", "updated_at", "last updated", "updated on", "modified", "date updated", "last modified"],
    "created_at": ["created", "created_at", "created on", "date created"],
    "votes_yes": ["votes.yes", "votes yes", "yes votes", "helpful"],
    "votes_no": ["votes.no", "votes no", "no votes", "not helpful"],
}


def read_faq(path: str | Path, *, format: str = "auto", config: Config | str | Path | None = None) -> pd.DataFrame:
    """Read a FAQ base (LibAnswers FAQ API JSON, CSV or XLSX) into the canonical FAQ table.

    Parameters
    ----------
    path : str or Path
        The FAQ export.
    format : str, default "auto"
        ``"auto"`` or ``"faq"`` (LibAnswers and similar layouts; other layouts are
        mapped with ``[input.faq_columns]``).
    config : Config, str or Path, optional
        The workspace config (time zone, encoding, sheet, FAQ column mapping).

    Returns
    -------
    pandas.DataFrame
        ``faq_id, question, answer, topics, url, views, updated_at`` (validated)
        plus ``details, created_at, votes_yes, votes_no`` when the export has them.

    Raises
    ------
    InputError
        When the file cannot be read or has no question column.

    Examples
    --------
    >>> faq = read_faq("data/sample/faq.json")  # doctest: +SKIP
    """
    from asklens.readers import _as_config

    cfg = _as_config(config)
    if format not in ("auto", "faq", "libanswers"):
        raise ConfigError(f"unknown FAQ format {format!r}", fix="use 'auto' or 'faq'")
    inp = cfg.input
    table = load_table(path, encoding=inp.encoding, delimiter=inp.delimiter, sheet=inp.sheet)
    frame = table.frame
    columns = list(frame.columns)
    m: dict[str, str] = {}
    for key, source in inp.faq_columns.items():
        if key not in COLUMNS:
            meant = canonical_for(key, list(COLUMNS))
            raise ConfigError(f"unknown FAQ column {key!r} in [input.faq_columns]", path=cfg.path,
                              fix=(f"did you mean {meant!r}? e.g. {meant} = {json.dumps(source)}" if meant
                                   else f"use one of {', '.join(COLUMNS)}"))
        hit = source if source in columns else find_column(columns, [source])
        if hit is None:
            close = closest_column(source, columns)
            raise InputError(f"the file has no column {source!r} (mapped to {key!r} in [input.faq_columns])",
                             path=table.path, column=source,
                             fix=(f"did you mean {close!r}? write {key} = {json.dumps(close)} in [input.faq_columns]"
                                  if close else "correct the name in [input.faq_columns]"))
        m[key] = hit
    for key, aliases in COLUMNS.items():
        if key not in m:
            hit = find_column(columns, aliases)
            if hit is not None and hit not in m.values():
                m[key] = hit
    if "question" not in m:
        shown = ", ".join(repr(c) for c in columns[:12])
        raise InputError(f"no FAQ question column: expected 'question' or 'title'; the file has {shown}",
                         path=table.path, column="question",
                         fix='map it in asklens.toml: [input.faq_columns] question = "<your column>"')
    tz = cfg.workspace.timezone
    out = pd.DataFrame(index=frame.index)
    question = repair_series(col(table, m["question"]))
    keep = question.notna() & (question != "")
    ids = col(table, m.get("faq_id")).str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    missing = ids.isna() | (ids == "")
    if missing.any():
        ids = ids.copy()
        ids[missing] = [hashlib.sha256(str(q).encode("utf-8", "surrogatepass")).hexdigest()[:16]
                        for q in question[missing].fillna("")]
    out["faq_id"] = ids
    out["question"] = question
    out["answer"] = repair_series(col(table, m.get("answer")), keep_newlines=True)
    out["topics"] = split_tags(col(table, m.get("topics"), keep_lists=True), separators=inp.multi_value_separators)
    out["url"] = col(table, m.get("url")).str.strip()
    views = pd.to_numeric(col(table, m.get("views")), errors="coerce")
    out["views"] = views.where((views >= 0) & (views < 2**62) & (views == views.round())).astype("Float64").astype("Int64")
    out["updated_at"] = parse_dates(col(table, m.get("updated_at")), tz=tz, formats=DATE_FORMATS,
                                    date_format=inp.date_format, dayfirst=inp.dayfirst, strict=False)
    if "details" in m:
        out["details"] = repair_series(col(table, m["details"]), keep_newlines=True)
    if "created_at" in m:
        out["created_at"] = parse_dates(col(table, m["created_at"]), tz=tz, formats=DATE_FORMATS,
                                        date_format=inp.date_format, dayfirst=inp.dayfirst, strict=False)
    for key in ("votes_yes", "votes_no"):
        if key in m:
            v = pd.to_numeric(col(table, m[key]), errors="coerce")
            out[key] = v.where((v >= 0) & (v < 2**62) & (v == v.round())).astype("Float64").astype("Int64")
    out = out[keep]
    out = out[~out["faq_id"].duplicated()].reset_index(drop=True)
    return validate_faq(out, source=str(table.path))
