"""Any other log: CSV, TSV, XLSX, JSON or JSON Lines with a column mapping.

The mapping comes from ``[input.columns]`` in ``asklens.toml`` (canonical name →
your column). Columns already named canonically (``text``, ``asked_at``…) need no
mapping, and a few common names are guessed (``question``, ``date``…); ``asklens
inspect`` shows the mapping used. ``text`` is required; ``asked_at`` too, unless
``[input] default_date`` gives a date for rows (or files) without one. Rows without
an id get a hash id (see :func:`make_question_ids`). ``source`` is the file name
without its extension unless a column is mapped to it.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import PRIVACY_COLUMNS, Context, Parsed, col, finish, require, resolve_columns
from asklens.readers._table import RawTable

NAME = "generic"

GUESSES = {
    "question_id": ["question_id", "id", "question id"],
    "asked_at": ["asked_at", "asked at", "date", "datetime", "timestamp", "created", "created_at", "date_time",
                 "time"],
    "text": ["text", "question", "utterance", "query", "message", "question text", "body"],
    "channel": ["channel", "mode", "format"],
    "answer": ["answer", "reply", "response"],
    "tags": ["tags", "topics", "category"],
    "effort": ["effort", "read", "read scale"],
    "duration_min": ["duration_min", "duration", "minutes"],
    "n_messages": ["n_messages", "messages", "message count"],
    "source": ["source"],
    **{c: [c] for c in PRIVACY_COLUMNS},
    "known_names": ["known_names"],
}


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a log with a column mapping into canonical rows."""
    m = resolve_columns(table, GUESSES, ctx)
    require(m, "text", table, ctx, "question text", GUESSES["text"])
    if "asked_at" not in m and not ctx.input.default_date:
        cols = ", ".join(repr(c) for c in list(table.frame.columns)[:12])
        from asklens.errors import InputError

        raise InputError(
            f"no date column: expected one of 'asked_at', 'date', 'timestamp'; the file has {cols}",
            path=table.path, column="asked_at",
            fix='map it in asklens.toml ([input.columns] asked_at = "<your column>"), or, for a log without '
                'dates, set [input] default_date = "YYYY-MM-DD"',
        )
    frame = table.frame
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    stage["date"] = col(table, m["asked_at"]) if "asked_at" in m else pd.Series(pd.NA, index=frame.index,
                                                                                  dtype="string")
    stage["text"] = col(table, m["text"])
    if "details" in m:
        d = col(table, m["details"])
        stage["text"] = stage["text"].where(d.isna() | (d.str.strip() == ""), stage["text"].fillna("") + " " + d)
    for key in ("channel", "answer", "tags", "effort", "duration_min", "n_messages", "source", *PRIVACY_COLUMNS):
        if key in m:
            stage[key] = col(table, m[key], keep_lists=key == "tags")
    if "known_names" in m:
        from asklens.readers._common import split_tags

        stage["known_names"] = split_tags(col(table, m["known_names"], keep_lists=True), separators=(";", ","))
    mapping = dict(m)
    if "asked_at" not in m:
        mapping["asked_at"] = f"[input] default_date = {ctx.input.default_date}"
    return finish(stage, table, ctx, mapping, date_label=m.get("asked_at"), text_label=m["text"],
                  source=table.path.stem)
