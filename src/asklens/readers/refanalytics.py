"""LibAnswers Reference Analytics "Export Transactions".

Fixed columns ``Id, Ticket #, Chat #, Date, Time, Entered By, Email Address,
Question, Answer`` plus fields each library defines (``Location, Patron
Affiliation, Communication, Question Type, Duration, READ``…). Date and time come
in separate columns; READ is 1–6; multi-select fields use ``,`` or ``;``. A
transaction that carries a ``Chat #`` (or ``Ticket #``) is linked to that LibChat
transcript (or ticket) so the same chat is counted once, as the LibChat row.
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, require, resolve_columns
from asklens.readers._table import RawTable
from asklens.readers._transcripts import process_transcripts, staff_names

NAME = "refanalytics"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p",
                "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M", "%m/%d/%Y")

COLUMNS = {
    "question_id": ["Id", "Transaction ID", "ID"],
    "ticket": ["Ticket #", "Ticket"],
    "chat": ["Chat #", "Chat"],
    "asked_at": ["Date", "Date/Time", "Timestamp"],
    "time": ["Time"],
    "entered_by": ["Entered By"],
    "patron_email": ["Email Address", "Email", "Patron Email"],
    "patron_name": ["Patron Name", "Name"],
    "text": ["Question", "Question/Answer"],
    "answer": ["Answer"],
    "channel": ["Communication", "Question Asked Via", "Mode", "Format", "Method", "Contact Type", "Medium",
                "Channel"],
    "effort": ["READ", "READ Scale", "READ Level", "Difficulty", "Read Scale"],
    "duration_min": ["Duration", "Time Spent", "Duration (minutes)", "Minutes"],
    "tags": ["Question Type", "Topics", "Tags", "Subject", "Topic", "Category", "Type of Question"],
}
_TAG_COLUMNS = ["Question Type", "Topics", "Tags", "Subject", "Topic", "Category", "Type of Question"]


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a Reference Analytics transactions export into canonical rows."""
    from asklens.readers._common import find_column

    m = resolve_columns(table, COLUMNS, ctx)
    require(m, "asked_at", table, ctx, "date", COLUMNS["asked_at"])
    require(m, "text", table, ctx, "question", COLUMNS["text"])
    frame = table.frame
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    date = col(table, m["asked_at"]).str.strip()
    if "time" in m:
        time = col(table, m["time"]).str.strip()
        has_time = time.notna() & (time != "") & ~date.str.contains(r"\d:\d", regex=True).fillna(False)
        date = date.where(~has_time, date + " " + time)
    stage["date"] = date
    question = col(table, m["text"])
    answer = col(table, m.get("answer"))
    entered = col(table, m.get("entered_by"))
    names = pd.Series([[] for _ in range(len(frame))], index=frame.index, dtype=object)
    # chats: the Answer holds the transcript; use its first patron message when there is no question
    looks_like_chat = answer.str.contains(r"(?m)^\s*\[?\d{1,2}:\d{2}", regex=True).fillna(False).astype(bool)
    if looks_like_chat.any():
        parsed = process_transcripts(answer[looks_like_chat], row_staff=entered[looks_like_chat],
                                     all_staff=staff_names(entered))
        q = question[looks_like_chat].str.strip()
        question = question.copy()
        empty_q = q.isna() | (q == "")
        question.loc[empty_q[empty_q].index] = parsed.loc[empty_q, "question"]
        answer = answer.copy()
        answer.loc[looks_like_chat] = parsed["transcript"].where(parsed["transcript"].notna(),
                                                                answer[looks_like_chat])
        names.loc[looks_like_chat] = parsed["names"]
    stage["text"] = question
    stage["answer"] = answer
    for key in ("channel", "effort", "duration_min"):
        if key in m:
            stage[key] = col(table, m[key])
    tag_cols = [c for c in (find_column(frame.columns, [a]) for a in _TAG_COLUMNS) if c is not None]
    if "tags" in m and m["tags"] not in tag_cols:
        tag_cols.insert(0, m["tags"])
    if tag_cols:
        joined = col(table, tag_cols[0]).fillna("")
        for c in tag_cols[1:]:
            joined = joined + ";" + col(table, c).fillna("")
        stage["tags"] = joined
        m["tags"] = " + ".join(tag_cols)
    for key in ("patron_email", "patron_name"):
        if key in m:
            stage[key] = col(table, m[key])
    entered_list = entered.fillna("").map(lambda v: [v.strip()] if v.strip() else [])
    stage["known_names"] = [a + b for a, b in zip(names.tolist(), entered_list.tolist())]
    links = pd.Series(pd.NA, index=frame.index, dtype="string")
    if "ticket" in m:
        t = _clean_id(col(table, m["ticket"]))
        links = links.where(t.isna(), "tickets:" + t)
    if "chat" in m:
        c = _clean_id(col(table, m["chat"]))
        links = links.where(c.isna(), "libchat:" + c)
    stage["_link"] = links
    mapping = dict(m)
    if "time" in m:
        mapping["asked_at"] = f"{m['asked_at']} + {m['time']}"
    return finish(stage, table, ctx, mapping, date_formats=DATE_FORMATS, date_label=m["asked_at"],
                  text_label=m["text"])


def _clean_id(values: pd.Series) -> pd.Series:
    v = values.str.strip().str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)
    return v.where(v.notna() & (v != "") & (v != "0"), pd.NA)
