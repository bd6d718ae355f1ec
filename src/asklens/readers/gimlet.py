"""Gimlet desk statistics exports.

Columns ``Initials, Location, Format, Asked by, Question type, Asked at, Tags,
Question, Answer`` (some exports add ``Duration`` and ``Difficulty``). Tags are
space-separated; the question type is kept as a tag too. ``Asked by`` is a patron
category in most libraries, but may hold a name, so it goes to the scrubber.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, require, resolve_columns, split_tags
from asklens.readers._table import RawTable

NAME = "gimlet"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p",
                "%m/%d/%Y %H:%M:%S")

COLUMNS = {
    "asked_at": ["Asked at", "Asked At", "Date", "Timestamp"],
    "text": ["Question", "Question text"],
    "answer": ["Answer"],
    "channel": ["Format", "Mode"],
    "question_type": ["Question type", "Question Type"],
    "tags": ["Tags"],
    "effort": ["Difficulty", "READ", "READ Scale"],
    "duration_min": ["Duration", "Time spent"],
    "patron_name": ["Asked by"],
    "question_id": ["Id", "ID"],
}


_CATEGORY_WORDS = {
    "student", "students", "faculty", "staff", "undergraduate", "undergrad", "graduate", "grad", "alumni",
    "alumnus", "community", "visitor", "public", "guest", "other", "unknown", "patron", "member", "researcher",
    "employee", "librarian", "high", "school", "k-12", "retiree", "n/a", "na", "none", "anonymous", "user",
}


def _looks_personal(value: str) -> bool:
    """True for values that look like a person (a name or an email), not a patron category."""
    v = value.strip()
    if "@" in v:
        return True
    words = v.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".,") in _CATEGORY_WORDS for w in words):
        return False
    return all(w[:1].isupper() and w[1:].replace("-", "").replace("'", "").isalpha() for w in words)


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a Gimlet export into canonical rows."""
    m = resolve_columns(table, COLUMNS, ctx)
    require(m, "asked_at", table, ctx, "date", COLUMNS["asked_at"])
    require(m, "text", table, ctx, "question", COLUMNS["text"])
    frame = table.frame
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    stage["date"] = col(table, m["asked_at"])
    stage["text"] = col(table, m["text"])
    for key in ("answer", "channel", "effort", "duration_min"):
        if key in m:
            stage[key] = col(table, m[key])
    if "patron_name" in m:
        asked_by = col(table, m["patron_name"])
        personal = [isinstance(v, str) and _looks_personal(v) for v in asked_by.tolist()]
        stage["patron_name"] = asked_by.where(pd.Series(personal, index=asked_by.index, dtype=bool), pd.NA)
    seps = ctx.input.multi_value_separators
    tags = split_tags(col(table, m.get("tags"), keep_lists=True), separators=seps, whitespace=True)
    if "question_type" in m:
        qtype = split_tags(col(table, m["question_type"]), separators=seps)
        tags = pd.Series([a + [t for t in b if t not in a] for a, b in zip(qtype.tolist(), tags.tolist())],
                         index=frame.index, dtype=object)
    stage["tags"] = tags
    mapping = dict(m)
    return finish(stage, table, ctx, mapping, date_formats=DATE_FORMATS, date_label=m["asked_at"],
                  text_label=m["text"])
