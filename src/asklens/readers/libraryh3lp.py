"""LibraryH3lp chat exports.

Full exports: ``id, guest, protocol, queue, profile, started, accepted, ended,
wait, duration, operator, ip, referrer, tags, transcript``; short ones carry only
``started, wait, duration, text``. Old exports are mac_roman-encoded with CR line
breaks inside fields (the file loader handles both). ``wait`` and ``duration``
are seconds (or ``HH:MM:SS``). ``guest`` and ``ip`` go to the scrubber; the
referrer URL is not kept (it can carry personal tokens).
"""

from __future__ import annotations

import pandas as pd

from asklens.readers._common import Context, Parsed, col, finish, parse_duration, require, resolve_columns
from asklens.readers._table import RawTable
from asklens.readers._transcripts import process_transcripts, staff_names

NAME = "libraryh3lp"
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%m/%d/%Y %H:%M:%S",
                "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p")

COLUMNS = {
    "question_id": ["id", "chat id", "conversation"],
    "asked_at": ["started", "start", "date"],
    "text": ["text", "question", "first message"],
    "transcript": ["transcript"],
    "protocol": ["protocol"],
    "queue": ["queue"],
    "duration": ["duration"],
    "operator": ["operator", "operators"],
    "tags": ["tags"],
    "patron_id": ["guest"],
    "patron_ip": ["ip"],
}

_PROTOCOLS = {"web": "chat", "xmpp": "chat", "jabber": "chat", "aim": "chat", "gtalk": "chat", "yahoo": "chat",
              "msn": "chat", "sms": "sms", "twilio": "sms", "mobile": "sms", "text": "sms", "email": "email"}


def read(table: RawTable, ctx: Context) -> Parsed:
    """Read a LibraryH3lp chat export into canonical rows."""
    m = resolve_columns(table, COLUMNS, ctx)
    require(m, "asked_at", table, ctx, "start time", COLUMNS["asked_at"])
    if "text" not in m and "transcript" not in m:
        require(m, "text", table, ctx, "text or transcript", ["text", "transcript"])
    frame = table.frame
    stage = pd.DataFrame({"_pos": frame.index.to_numpy()}, index=frame.index)
    stage["id"] = col(table, m.get("question_id"))
    stage["date"] = col(table, m["asked_at"])
    operator = col(table, m.get("operator"))
    given = col(table, m.get("text"))
    names = pd.Series([[] for _ in range(len(frame))], index=frame.index, dtype=object)
    if "transcript" in m:
        parsed = process_transcripts(col(table, m["transcript"]), row_staff=operator,
                                     all_staff=staff_names(operator))
        g = given.str.strip()
        stage["text"] = given.where(g.notna() & (g != ""), parsed["question"])
        stage["answer"] = parsed["transcript"]
        stage["n_messages"] = parsed["n_messages"]
        names = parsed["names"]
    else:
        # a bare text column may itself be a transcript
        looks = given.str.contains(r"(?m)^\s*\[?\d{1,2}:\d{2}", regex=True).fillna(False).astype(bool)
        stage["text"] = given
        if looks.any():
            parsed = process_transcripts(given[looks], row_staff=operator[looks], all_staff=staff_names(operator))
            stage.loc[looks, "text"] = parsed["question"]
            stage["answer"] = pd.Series(pd.NA, index=frame.index, dtype="string")
            stage.loc[looks, "answer"] = parsed["transcript"]
            names.loc[looks] = parsed["names"]
    if "duration" in m:
        stage["duration_min"] = parse_duration(col(table, m["duration"]), unit="s")
    if "protocol" in m:
        proto = col(table, m["protocol"]).str.strip().str.lower()
        stage["channel"] = proto.map(lambda v: _PROTOCOLS.get(v, v) if isinstance(v, str) else pd.NA)
    else:
        stage["channel"] = "chat"
    stage["tags"] = col(table, m.get("tags"), keep_lists=True)
    for key in ("patron_id", "patron_ip"):
        if key in m:
            stage[key] = col(table, m[key])
    ops = operator.fillna("").map(lambda v: [p.strip() for p in v.replace(";", ",").split(",") if p.strip()])
    stage["known_names"] = [a + b for a, b in zip(names.tolist(), ops.tolist())]
    mapping = dict(m)
    if "transcript" in m and "text" not in m:
        mapping["text"] = f"first patron message of {m['transcript']}"
    return finish(stage, table, ctx, mapping, date_formats=DATE_FORMATS, date_label=m["asked_at"],
                  text_label=m.get("text", m.get("transcript")))
