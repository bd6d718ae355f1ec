"""LibAnswers tickets (questions asked by email, form or SMS), CSV or XLSX.

No public header sample exists, so the likely headers are accepted: ``Id``/``Ticket
ID``, ``Question``/``Subject``, ``Details``/``Body``, ``Answer``/``Reply``,
``Created``/``Asked On``, ``Queue``, ``Status``, ``Owner``, ``Source``/``Asked via``,
``Tags``/``Topics``; ``[input.columns]`` maps any other. The text is the question
followed by its details; the duration is the time from creation to closing.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, parse_dates, require, resolve_columns
from asklens.readers._table import RawTable

NAME = "tickets"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M",
                "%Y-%m-%d")

COLUMNS = {
    "question_id": ["Ticket ID", "Id", "Ticket #", "Ticket", "Question ID"],
    "asked_at": ["Created", "Asked On", "Created On", "Date Created", "Submitted", "Asked", "Date"],
    "text": ["Question", "Subject", "Title"],
    "details": ["Details", "Body", "Question Details", "Description", "Message"],
    "answer": ["Answer", "Reply", "Response", "First Reply", "Replies"],
    "channel": ["Source", "Asked via", "Asked Via", "Channel", "Type"],
    "tags": ["Tags", "Topics", "Topic", "Category"],
    "patron_email": ["Email", "Patron Email", "Asked By Email", "From", "Email Address"],
    "patron_name": ["Asked By", "Patron", "Patron Name", "Name"],
    "owner": ["Owner", "Assigned To", "Answered By", "Staff"],
    "closed": ["Closed", "Closed On", "Date Closed", "Resolved", "Resolved On"],
    "duration_min": ["Time to Close (minutes)", "Duration"],
}


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a LibAnswers tickets export into canonical rows."""
    m = resolve_columns(table, COLUMNS, ctx)
    require(m, "asked_at", table, ctx, "date", COLUMNS["asked_at"])
    if "text" not in m and "details" not in m:
        require(m, "text", table, ctx, "question", COLUMNS["text"])
    frame = table.frame
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    stage["date"] = col(table, m["asked_at"])
    q = col(table, m.get("text")).str.strip()
    d = col(table, m.get("details")).str.strip()
    has_q = q.notna() & (q != "")
    has_d = d.notna() & (d != "")
    sep = pd.Series(" ", index=frame.index, dtype="string").where(q.str.contains(r"[.?!:;]$", regex=True)
                                                                   .fillna(True).astype(bool), ". ")
    text = q.where(~(has_q & has_d), q + sep + d)
    stage["text"] = text.where(has_q, d)
    for key in ("answer", "channel", "tags", "patron_email", "patron_name"):
        if key in m:
            stage[key] = col(table, m[key], keep_lists=key == "tags")
    if "channel" not in m:
        stage["channel"] = "email"
    if "duration_min" in m:
        stage["duration_min"] = col(table, m["duration_min"])
    elif "closed" in m:
        tz = ctx.tz
        opened = parse_dates(stage["date"], tz=tz, formats=DATE_FORMATS, date_format=ctx.input.date_format,
                             dayfirst=ctx.input.dayfirst, strict=False)
        closed = parse_dates(col(table, m["closed"]), tz=tz, formats=DATE_FORMATS,
                             date_format=ctx.input.date_format, dayfirst=ctx.input.dayfirst,
                             strict=False)
        minutes = (closed - opened).dt.total_seconds() / 60
        stage["duration_min"] = minutes.where(minutes >= 0).astype("float64")
    if "owner" in m:
        stage["known_names"] = col(table, m["owner"]).fillna("").map(
            lambda v: [p.strip() for p in v.replace(";", ",").split(",") if p.strip()])
    mapping = dict(m)
    if "text" in m and "details" in m:
        mapping["text"] = f"{m['text']} + {m['details']}"
    return finish(stage, table, ctx, mapping, date_formats=DATE_FORMATS, date_label=m["asked_at"],
                  text_label=m.get("text", m.get("details")))
