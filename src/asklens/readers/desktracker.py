"""DeskTracker long exports: one row per answered form field, pivoted to interactions.

Columns ``response_set, date_time, question, response``; all rows of one
``response_set`` are one interaction. Form fields are matched by name: the
question text (``Question``, ``Patron question``, ``Notes``…), the contact type,
READ level, duration and topics; ``[input.columns]`` maps a library's own field
names (e.g. ``text = "What did they ask?"``). A field answered several times
(multi-select) is joined with ``;``.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, find_column, require, resolve_columns
from asklens.readers._table import RawTable

NAME = "desktracker"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p",
                "%m/%d/%Y %I:%M:%S %p")

LONG = {
    "set": ["response_set", "response set id", "response set"],
    "when": ["date_time", "datetime", "date"],
    "field": ["question", "field"],
    "value": ["response", "answer", "value"],
}
FIELDS = {
    "text": ["Question", "Patron question", "Question asked", "Patron's question", "Notes", "Description",
             "Details", "Comments", "Query", "Question text"],
    "answer": ["Answer", "Answer given", "Resolution", "Response given"],
    "channel": ["Contact type", "Format", "Interaction type", "Mode", "Method", "Medium", "Channel",
                "Type of contact", "Contact method"],
    "effort": ["READ", "READ Scale", "READ level", "Difficulty"],
    "duration_min": ["Duration", "Time spent", "Minutes", "Length"],
    "tags": ["Topic", "Topics", "Category", "Subject", "Question type", "Type of question"],
}


def read(table: RawTable, ctx: Context) -> Parsed:
    """Pivot a DeskTracker long export and read it into canonical rows."""
    frame = table.frame
    cols = {k: find_column(frame.columns, v) for k, v in LONG.items()}
    for key, aliases in LONG.items():
        if cols[key] is None:
            require({}, key, table, ctx, f"DeskTracker {aliases[0]}", aliases)
    long = pd.DataFrame({
        "set": col(table, cols["set"]).str.strip(),
        "when": col(table, cols["when"]),
        "field": col(table, cols["field"]).str.strip(),
        "value": col(table, cols["value"]).str.strip(),
        "_pos": frame.index.to_numpy(),
    })
    long = long[long["set"].notna() & (long["set"] != "")]
    firsts = long.groupby("set", sort=False).agg(when=("when", "first"), _pos=("_pos", "min"))
    vals = long[long["field"].notna() & long["value"].notna() & (long["value"] != "")]
    wide = (vals.groupby(["set", "field"], sort=False)["value"].agg(lambda s: "; ".join(dict.fromkeys(s)))
            .unstack("field")) if len(vals) else pd.DataFrame(index=firsts.index)
    wide = firsts.join(wide, how="left")
    pivot = RawTable(frame=wide.reset_index(drop=False).rename(columns={"set": "_set"}), path=table.path,
                     kind=table.kind, encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet)
    m = resolve_columns(pivot, FIELDS, ctx)
    require(m, "text", pivot, ctx, "question-text field", FIELDS["text"])
    p = pivot.frame
    stage = pd.DataFrame({"_pos": p["_pos"].to_numpy()}, index=p.index)
    stage["id"] = p["_set"].astype("string")
    stage["date"] = p["when"].astype("string")
    for key in FIELDS:
        if key in m:
            stage[key] = col(pivot, m[key])
    # row numbers refer to the first line of each interaction in the long file
    positioned = RawTable(frame=frame, path=table.path, kind=table.kind, row_offset=table.row_offset,
                          incomplete_last_row=False, row_numbers=table.row_numbers)
    mapping = {"question_id": cols["set"], "asked_at": cols["when"], **{k: f"{cols['field']}={v!r}" for k, v in m.items()}}
    return finish(stage, positioned, ctx, mapping, date_formats=DATE_FORMATS, date_label=cols["when"],
                  text_label=m["text"])
