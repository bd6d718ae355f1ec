"""LibChat (Springshare) transcript exports, CSV or XLSX.

Columns: ``Chat ID, Timestamp, Initial Question, Transcript, Message Count,
Rating (0-4), Duration (seconds), Answerer, Department, Tags``. The question is
``Initial Question``, or the first patron message of the transcript when that is
empty (older exports). The answer is the transcript with speaker names replaced
by ``Patron:``/``Staff:``; the names go to ``known_names`` for the scrubber.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, require, resolve_columns
from asklens.readers._table import RawTable
from asklens.readers._transcripts import process_transcripts, staff_names

NAME = "libchat"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p")

COLUMNS = {
    "question_id": ["Chat ID", "chat_id", "id"],
    "asked_at": ["Timestamp", "Started", "Date", "Created"],
    "text": ["Initial Question", "Question", "initial_question"],
    "transcript": ["Transcript", "Chat Transcript"],
    "n_messages": ["Message Count", "Messages"],
    "duration_seconds": ["Duration (seconds)", "Duration"],
    "answerer": ["Answerer", "Operator", "Answered By"],
    "tags": ["Tags", "Topics"],
    "channel": ["Channel", "Source"],
    "patron_name": ["Name", "Patron Name", "Guest", "Patron"],
    "patron_email": ["Email", "Patron Email", "Contact Info", "E-mail"],
    "patron_ip": ["IP", "IP Address"],
}


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a LibChat transcript export into canonical rows."""
    m = resolve_columns(table, COLUMNS, ctx)
    require(m, "asked_at", table, ctx, "date", COLUMNS["asked_at"])
    if "text" not in m and "transcript" not in m:
        require(m, "text", table, ctx, "question or transcript", COLUMNS["text"] + COLUMNS["transcript"])
    frame = table.frame
    answerer = col(table, m.get("answerer"))
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    stage["date"] = col(table, m["asked_at"])
    initial = col(table, m.get("text"))
    if "transcript" in m:
        parsed = process_transcripts(col(table, m["transcript"]), row_staff=answerer,
                                     all_staff=staff_names(answerer))
        initial_clean = initial.str.strip()
        use_first = initial_clean.isna() | (initial_clean == "")
        stage["text"] = initial.where(~use_first, parsed["question"])
        stage["answer"] = parsed["transcript"]
        counted = parsed["n_messages"]
        names = parsed["names"]
    else:
        stage["text"] = initial
        counted = pd.Series(pd.NA, index=frame.index, dtype="Int64")
        names = pd.Series([[] for _ in range(len(frame))], index=frame.index, dtype=object)
    if "n_messages" in m:
        given = pd.to_numeric(col(table, m["n_messages"]), errors="coerce")
        stage["n_messages"] = given.where(given.notna(), counted.astype("Float64"))
    else:
        stage["n_messages"] = counted
    if "duration_seconds" in m:
        from asklens.readers._common import parse_duration

        stage["duration_min"] = parse_duration(col(table, m["duration_seconds"]), unit="s")
    stage["tags"] = col(table, m.get("tags"), keep_lists=True)
    stage["channel"] = col(table, m["channel"]) if "channel" in m else "chat"
    for key in ("patron_name", "patron_email", "patron_ip"):
        if key in m:
            stage[key] = col(table, m[key])
    answerers = answerer.fillna("").map(lambda v: [p.strip() for p in str(v).replace(";", ",").split(",") if p.strip()])
    stage["known_names"] = [a + b for a, b in zip(names.tolist(), answerers.tolist())]
    mapping = {k: v for k, v in m.items()}
    if "text" not in m or "transcript" in m:
        mapping["text"] = (f"{m['text']} (else first patron message of {m['transcript']})" if "text" in m
                           else f"first patron message of {m['transcript']}")
    return finish(stage, table, ctx, mapping, date_formats=DATE_FORMATS, date_label=m["asked_at"],
                  text_label=m.get("text", m.get("transcript")))
